import { useApi } from '../api/useApi';

interface RuleSetName { name: string; description?: string; retiredAt?: string | null }

/** EvaluateRules' rule set: the names the server has (retired ones left out); a typed name when the list cannot be read. */
export function RuleSetPicker({ fieldId, aria, value, onChange }: { fieldId: string; aria: string; value: unknown; onChange: (v: unknown) => void }) {
  const { data, error, loading } = useApi<RuleSetName[]>('/api/rules');
  const current = typeof value === 'string' ? value : '';
  if (error !== null) {
    return (
      <>
        <input id={fieldId} aria-label={aria} value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
        <p className="hint">The rule sets could not be listed; type the name.</p>
      </>
    );
  }
  const names = (data ?? []).filter((r) => !r.retiredAt);
  const unknown = current !== '' && data && !names.some((r) => r.name === current);
  return (
    <>
      <select id={fieldId} aria-label={aria} value={current} disabled={loading && !data} aria-busy={loading && !data}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{loading && !data ? 'Loading rule sets…' : '(choose a rule set)'}</option>
        {unknown && <option value={current}>{current} (not found or retired)</option>}
        {names.map((r) => <option key={r.name} value={r.name} title={r.description}>{r.name}</option>)}
      </select>
      {unknown && <p className="field-error">Rule set {current} does not exist or is retired: the workflow would fault here.</p>}
    </>
  );
}
