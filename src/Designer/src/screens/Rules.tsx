import { useEffect, useState } from 'react';
import { ApiError, api, getToken, isMissingApi } from '../api/client';
import { mayWriteRules, roleOfToken } from '../model/roles';
import { useApi } from '../api/useApi';
import { ErrorBox, Empty, Loading, formatTime } from '../components/Feedback';
import { NewRuleSetForm, RenameRetire } from '../components/RuleSetForms';
import { Link, useRouter } from '../router';

interface RuleSetSummary { name: string; description?: string; version: number; author?: string | null; updatedAt?: string | null; ruleCount: number; input: string; builtIn: boolean; retiredAt?: string | null; renamedFrom?: string | null }
interface RuleSetVersion { name: string; version: number; author: string; createdAt: string; comment?: string | null; ruleCount: number; rules?: unknown }
interface PreviewRecord { id: string; number?: string | null; old: unknown; new: unknown; changed: boolean }
interface PreviewResult { ruleSet: string; currentVersion: number; subject: string; examined: number; changedCount: number; records: PreviewRecord[] }

function notThere() {
  return <Empty>The rules API (<code>GET /api/rules</code>) is not on this server yet: rule editing appears here once it is.</Empty>;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Rule sets: list, edit the RulesEngine JSON (compiled by the server on save), impact preview before saving, history. */
export function Rules({ name }: { name?: string }) {
  const list = useApi<RuleSetSummary[]>('/api/rules');
  const { navigate } = useRouter();
  const [creating, setCreating] = useState(false);
  const writer = mayWriteRules(roleOfToken(getToken()));
  const selected = list.data?.find((r) => r.name === name);
  const goTo = (to: string) => { list.reload(); navigate(`/rules/${encodeURIComponent(to)}`); };
  return (
    <div className="page">
      <div className="page-header">
        <h1>Rules</h1>
        {writer && <div className="actions"><button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>New rule set</button></div>}
      </div>
      {creating && <NewRuleSetForm onCreated={(created) => { setCreating(false); goTo(created); }} onCancel={() => setCreating(false)} />}
      {list.loading && !list.data && <Loading what="rules" />}
      {list.error !== null && (isMissingApi(list.error) ? notThere() : <ErrorBox error={list.error} title="Could not load the rules" />)}
      {list.data && list.data.length === 0 && <Empty>No rule sets.</Empty>}
      {list.data && list.data.length > 0 && (
        <div className="rules-layout">
          <nav className="rule-list" aria-label="Rule sets">
            <ul>
              {list.data.map((r) => (
                <li key={r.name}>
                  <Link to={`/rules/${encodeURIComponent(r.name)}`}>{r.name}</Link>
                  <div className="muted small">{r.version > 0 ? `v${r.version} · ${r.ruleCount} rule(s)` : 'never saved'}{r.author ? ` · ${r.author}` : ''} · {r.input}{r.builtIn ? ' · built in' : ''}{r.retiredAt ? ' · retired' : ''}</div>
                  {r.description && <div className="hint">{r.description}</div>}
                </li>
              ))}
            </ul>
          </nav>
          {name ? (
            // One key for the whole pane: its parts must not share a key as siblings (a stale rename form stayed).
            <div key={name}>
              {selected?.retiredAt && <div className="note" role="status">Retired {formatTime(selected.retiredAt)}: it evaluates nothing and takes no new version.</div>}
              {selected?.renamedFrom && <p className="muted small">Renamed from {selected.renamedFrom}; its history came along.</p>}
              {writer && selected && !selected.builtIn && (
                <RenameRetire name={name} retired={selected.retiredAt != null} onRenamed={goTo} onRetired={list.reload} />
              )}
              <RuleEditor name={name} onSaved={list.reload} />
            </div>
          ) : <p className="muted">Choose a rule set to edit.</p>}
        </div>
      )}
    </div>
  );
}

function RuleEditor({ name, onSaved }: { name: string; onSaved: () => void }) {
  const path = `/api/rules/${encodeURIComponent(name)}`;
  const rule = useApi<RuleSetVersion>(path);
  const versions = useApi<RuleSetVersion[]>(`${path}/versions`);
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [saved, setSaved] = useState('');
  const [base, setBase] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (rule.data) { setText(JSON.stringify(rule.data.rules ?? [], null, 2)); setBase(rule.data.version); }
    else if (rule.error instanceof ApiError && rule.error.status === 404) setText('[]');
  }, [rule.data, rule.error]);

  const check = (value: string): boolean => {
    try { JSON.parse(value); setParseError(null); return true; }
    catch (e) { setParseError(`not valid JSON: ${(e as Error).message}`); return false; }
  };
  const runPreview = async () => {
    setError(null); setPreview(null); setSaved('');
    if (!check(text)) return;
    try { setPreview(await api<PreviewResult>(`${path}/preview`, { method: 'POST', body: text })); }
    catch (e) { setError(e); }
  };
  const save = async () => {
    setError(null); setSaved('');
    if (!check(text)) return;
    try {
      const r = await api<RuleSetVersion>(`${path}${base !== undefined ? `?expectedVersion=${base}` : ''}`, { method: 'PUT', body: text });
      setSaved(`Saved as version ${r.version}.`);
      setBase(r.version);
      versions.reload();
      onSaved();
    } catch (e) { setError(e); }
  };
  const load = async (version: number) => {
    setError(null);
    try {
      const v = await api<RuleSetVersion>(`${path}?version=${version}`);
      setText(JSON.stringify(v.rules ?? [], null, 2));
      setSaved(`Loaded version ${version} into the editor (saving makes it the newest version).`);
    } catch (e) { setError(e); }
  };

  if (rule.error && !(rule.error instanceof ApiError && rule.error.status === 404)) return <ErrorBox error={rule.error} />;
  if (!rule.data && !rule.error) return <Loading what={`rule set ${name}`} />;
  return (
    <section className="rule-editor" aria-label={`Rule set ${name}`}>
      <h2>{name} {rule.data && <span className="muted small">v{rule.data.version} by {rule.data.author}, {formatTime(rule.data.createdAt)}</span>}</h2>
      {rule.error !== null && <div className="note">{(rule.error as ApiError).message}: saving creates version 1.</div>}
      <label htmlFor="rule-json">Rules (RulesEngine JSON: an array of workflows)</label>
      <textarea id="rule-json" className="code" rows={16} spellCheck={false} value={text} aria-invalid={parseError !== null}
        onChange={(e) => { setText(e.target.value); check(e.target.value); }} />
      {parseError && <p className="field-error">{parseError}</p>}
      <div className="actions">
        <button type="button" onClick={() => void runPreview()} disabled={parseError !== null}>Preview impact</button>
        {mayWriteRules(roleOfToken(getToken()))
          ? <button type="button" className="primary" onClick={() => void save()} disabled={parseError !== null}>Save</button>
          : <span className="muted small">Read only: admins and rule authors change rules.</span>}
      </div>
      {saved && <div className="status" role="status">{saved}</div>}
      <ErrorBox error={error} title={error instanceof ApiError && error.status === 400 ? 'The rules were refused' : error instanceof ApiError && error.status === 409 ? 'Someone saved another version meanwhile' : undefined} />
      {preview && (
        <div aria-label="Impact preview" data-testid="rule-preview">
          <h3>Impact preview</h3>
          <p className="small">Against version {preview.currentVersion}: {preview.changedCount} of the last {preview.examined} {preview.subject} would change.</p>
          {preview.records.length > 0 ? (
            <table className="grid">
              <thead><tr><th>{preview.subject}</th><th>now</th><th>with this edit</th></tr></thead>
              <tbody>{preview.records.map((r) => <tr key={r.id} className={r.changed ? 'changed' : undefined}><td>{r.number ?? r.id.slice(0, 8)}</td><td><code>{show(r.old)}</code></td><td><code>{show(r.new)}</code></td></tr>)}</tbody>
            </table>
          ) : <p className="muted small">Nothing would change.</p>}
        </div>
      )}
      <div aria-label="History">
        <h3>History</h3>
        {versions.data && versions.data.length === 0 && <p className="muted small">No versions yet.</p>}
        {versions.data && versions.data.length > 0 && (
          <table className="grid">
            <thead><tr><th>version</th><th>author</th><th>saved</th><th>rules</th><th>comment</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>{versions.data.map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td><td>{v.author}</td><td className="small">{formatTime(v.createdAt)}</td><td>{v.ruleCount}</td><td>{v.comment ?? ''}</td>
                <td><button type="button" onClick={() => void load(v.version)} aria-label={`Load version ${v.version} into the editor`}>Load</button></td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </div>
    </section>
  );
}
