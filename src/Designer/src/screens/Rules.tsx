import { useEffect, useState } from 'react';
import { ApiError, api, isMissingApi } from '../api/client';
import { useApi } from '../api/useApi';
import { ErrorBox, Empty, Loading } from '../components/Feedback';
import { Link, useRouter } from '../router';

type RuleSummary = { name: string; [k: string]: unknown };

function notThere() {
  return <Empty>The rules API (<code>GET /api/rules</code>) is not on this server yet: rule editing appears here once it is.</Empty>;
}

/** Rule sets: list, edit the JSON (validated by the server), impact preview before saving, history. */
export function Rules({ name }: { name?: string }) {
  const list = useApi<RuleSummary[] | { items: RuleSummary[] }>('/api/rules');
  const items = Array.isArray(list.data) ? list.data : list.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-header"><h1>Rules</h1></div>
      {list.loading && !list.data && <Loading what="rules" />}
      {list.error !== null && (isMissingApi(list.error) ? notThere() : <ErrorBox error={list.error} title="Could not load the rules" />)}
      {list.data && items.length === 0 && <Empty>No rule sets.</Empty>}
      <div className="rules-layout">
        {items.length > 0 && (
          <nav className="rule-list" aria-label="Rule sets">
            <ul>{items.map((r) => <li key={r.name}><Link to={`/rules/${encodeURIComponent(r.name)}`}>{r.name}</Link></li>)}</ul>
          </nav>
        )}
        {name && !list.error && <RuleEditor key={name} name={name} />}
      </div>
    </div>
  );
}

function asRows(value: unknown): Record<string, unknown>[] | null {
  const arr = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value as object).find(Array.isArray) : null;
  return Array.isArray(arr) && arr.every((r) => r && typeof r === 'object') ? (arr as Record<string, unknown>[]) : null;
}

function RuleEditor({ name }: { name: string }) {
  const rule = useApi<Record<string, unknown>>(`/api/rules/${encodeURIComponent(name)}`);
  const { navigate } = useRouter();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  // The editable part: the rule set's content (a `content`/`json`/`workflows` member when the API wraps it).
  const content = rule.data ? (rule.data.content ?? rule.data.json ?? rule.data.workflows ?? rule.data) : undefined;
  useEffect(() => { if (content !== undefined) setText(typeof content === 'string' ? content : JSON.stringify(content, null, 2)); }, [content]);
  const history = rule.data ? asRows(rule.data.history ?? rule.data.versions) : null;

  const parsed = (): unknown => {
    try { const v: unknown = JSON.parse(text); setParseError(null); return v; }
    catch (e) { setParseError(`not valid JSON: ${(e as Error).message}`); return undefined; }
  };
  const runPreview = async () => {
    setError(null); setPreview(null);
    const body = parsed(); if (body === undefined) return;
    try { setPreview(await api(`/api/rules/${encodeURIComponent(name)}/preview`, { method: 'POST', body })); }
    catch (e) { setError(e); }
  };
  const save = async () => {
    setError(null); setSaved('');
    const body = parsed(); if (body === undefined) return;
    try { await api(`/api/rules/${encodeURIComponent(name)}`, { method: 'PUT', body }); setSaved('Saved.'); rule.reload(); }
    catch (e) { setError(e); }
  };

  if (rule.error) return isMissingApi(rule.error) ? notThere() : <div><ErrorBox error={rule.error} /><button type="button" onClick={() => navigate('/rules')}>Back</button></div>;
  if (!rule.data) return <Loading what={`rule set ${name}`} />;
  const rows = asRows(preview);
  return (
    <section className="rule-editor" aria-label={`Rule set ${name}`}>
      <h2>{name}</h2>
      <label htmlFor="rule-json">Rules (RulesEngine JSON)</label>
      <textarea id="rule-json" className="code" rows={18} spellCheck={false} value={text} onChange={(e) => { setText(e.target.value); try { JSON.parse(e.target.value); setParseError(null); } catch (err) { setParseError(`not valid JSON: ${(err as Error).message}`); } }} aria-invalid={parseError !== null} />
      {parseError && <p className="field-error">{parseError}</p>}
      <div className="actions">
        <button type="button" onClick={() => void runPreview()} disabled={parseError !== null}>Preview impact</button>
        <button type="button" className="primary" onClick={() => void save()} disabled={parseError !== null}>Save</button>
      </div>
      {saved && <div className="status" role="status">{saved}</div>}
      <ErrorBox error={error} title={error instanceof ApiError && error.status === 400 ? 'The rules were refused' : undefined} />
      {preview !== null && (
        <div aria-label="Impact preview">
          <h3>Impact preview</h3>
          {rows && rows.length > 0 ? (
            <table className="grid"><thead><tr>{Object.keys(rows[0]).map((k) => <th key={k}>{k}</th>)}</tr></thead>
              <tbody>{rows.map((r, i) => <tr key={i}>{Object.keys(rows[0]).map((k) => <td key={k}>{typeof r[k] === 'object' ? JSON.stringify(r[k]) : String(r[k] ?? '')}</td>)}</tr>)}</tbody></table>
          ) : <pre className="code small">{JSON.stringify(preview, null, 2)}</pre>}
        </div>
      )}
      {history && history.length > 0 && (
        <div aria-label="History"><h3>History</h3>
          <table className="grid"><thead><tr>{Object.keys(history[0]).slice(0, 5).map((k) => <th key={k}>{k}</th>)}</tr></thead>
            <tbody>{history.map((r, i) => <tr key={i}>{Object.keys(history[0]).slice(0, 5).map((k) => <td key={k}>{typeof r[k] === 'object' ? JSON.stringify(r[k]) : String(r[k] ?? '')}</td>)}</tr>)}</tbody></table>
        </div>
      )}
    </section>
  );
}
