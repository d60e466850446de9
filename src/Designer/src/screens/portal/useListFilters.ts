import { useState, type FormEvent } from 'react';
import { useRouter } from '../../router';

const names = ['status', 'search', 'from', 'to'] as const;
type FilterName = (typeof names)[number];

/**
 * The ops lists' filters (status, search, from, to) and page, kept in the address so a filtered list can be shared
 * and survives a reload: `query` is what to ask the API, `apply` puts the edited filters into the address (page 1),
 * `goto` changes the page.
 */
export function useListFilters(pageSize = 20) {
  const { path, search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const [values, setValues] = useState<Record<FilterName, string>>(() =>
    Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<FilterName, string>);
  const page = Number(params.get('page') ?? '1') || 1;
  const query = new URLSearchParams();
  for (const name of names) if (params.get(name)) query.set(name, params.get(name)!);
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  const set = (name: FilterName, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const name of names) if (values[name]) q.set(name, values[name]);
    navigate(`${path}${q.toString() ? '?' + q : ''}`);
  };
  const goto = (p: number) => { const q = new URLSearchParams(search); q.set('page', String(p)); navigate(`${path}?${q}`); };
  return { values, set, page, query, apply, goto };
}
