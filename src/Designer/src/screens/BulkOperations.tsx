import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { Empty, ErrorBox, Loading, StatusBadge, formatTime } from '../components/Feedback';
import { Link } from '../router';

type Operation = 'Cancel' | 'RetryIncidents' | 'Migrate';

interface Preview {
  matched: number;
  sample: { id: string; definitionId: string; version: number; status: string; correlationId: string | null; createdAt: string; problems: string[] }[];
}

export interface BulkJob {
  id: string;
  operation: Operation;
  filter: Record<string, unknown> | null;
  targetVersion: number | null;
  status: 'Running' | 'Completed';
  total: number;
  done: number;
  failed: number;
  left: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  failures: { instanceId: string; error: string }[];
}

const operations: [Operation, string][] = [['Cancel', 'Cancel'], ['RetryIncidents', 'Retry incidents'], ['Migrate', 'Migrate to a version']];
const statuses = ['Running', 'Suspended', 'Faulted'];

/** The request the form describes (what a dry run checked, and what a run repeats). */
function requestOf(f: FormState) {
  const filter: Record<string, unknown> = {};
  if (f.definitionId.trim()) filter.definitionId = f.definitionId.trim();
  if (f.version.trim()) filter.version = Number(f.version);
  if (f.status.length) filter.status = f.status;
  if (f.incident) filter.hasOpenIncident = f.incident === 'yes';
  if (f.correlationId.trim()) filter.correlationId = f.correlationId.trim();
  if (f.olderThanMinutes.trim()) filter.olderThanMinutes = Number(f.olderThanMinutes);
  return {
    operation: f.operation,
    filter,
    ...(f.operation === 'Migrate' && f.targetVersion.trim() ? { targetVersion: Number(f.targetVersion) } : {}),
    ...(f.operation === 'Cancel' && f.reason.trim() ? { reason: f.reason.trim() } : {}),
  };
}

interface FormState { operation: Operation; definitionId: string; version: string; status: string[]; incident: '' | 'yes' | 'no'; correlationId: string; olderThanMinutes: string; targetVersion: string; reason: string }

/**
 * Bulk operations for ops (issue 16): choose instances by filter, see with a dry run how many and which, then run the
 * job and watch its progress (polled every second while a job runs).
 */
export function BulkOperations() {
  const [form, setForm] = useState<FormState>({ operation: 'Cancel', definitionId: '', version: '', status: [], incident: '', correlationId: '', olderThanMinutes: '', targetVersion: '', reason: '' });
  const [preview, setPreview] = useState<{ request: string; result: Preview } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const jobs = useApi<BulkJob[]>('/api/bulk-operations');
  const request = JSON.stringify(requestOf(form));
  const checked = preview?.request === request;
  const running = jobs.data?.some((j) => j.status === 'Running') ?? false;

  // Progress: read again every second while a job runs.
  const { reload } = jobs;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(reload, 1000);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const dryRun = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPreview({ request, result: await api<Preview>('/api/bulk-operations/dry-run', { method: 'POST', body: request }) });
    } catch (err) {
      setError(err);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const job = await api<BulkJob>('/api/bulk-operations', { method: 'POST', body: request });
      setSelected(job.id);
      setPreview(null);
      jobs.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <div className="page-header"><h1>Bulk operations</h1><div className="actions"><Link to="/instances">Instances</Link></div></div>
      <form className="card bulk-form" onSubmit={dryRun} aria-label="Bulk operation">
        <label>Operation
          <select value={form.operation} onChange={(e) => set('operation', e.target.value as Operation)}>
            {operations.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label>Workflow <input value={form.definitionId} onChange={(e) => set('definitionId', e.target.value)} placeholder="e.g. quote-to-delivery" /></label>
        <label>Version <input type="number" min={1} value={form.version} onChange={(e) => set('version', e.target.value)} /></label>
        <fieldset>
          <legend>Status</legend>
          {statuses.map((s) => (
            <label key={s} className="inline">
              <input type="checkbox" checked={form.status.includes(s)} onChange={(e) => set('status', e.target.checked ? [...form.status, s] : form.status.filter((x) => x !== s))} /> {s}
            </label>
          ))}
        </fieldset>
        <label>Open incident
          <select value={form.incident} onChange={(e) => set('incident', e.target.value as FormState['incident'])}>
            <option value="">Either</option><option value="yes">With an open incident</option><option value="no">Without</option>
          </select>
        </label>
        <label>Correlation id <input value={form.correlationId} onChange={(e) => set('correlationId', e.target.value)} /></label>
        <label>Older than (minutes) <input type="number" min={0} value={form.olderThanMinutes} onChange={(e) => set('olderThanMinutes', e.target.value)} /></label>
        {form.operation === 'Migrate' && <label>Target version <input type="number" min={1} value={form.targetVersion} onChange={(e) => set('targetVersion', e.target.value)} /></label>}
        {form.operation === 'Cancel' && <label>Reason <input value={form.reason} maxLength={1000} onChange={(e) => set('reason', e.target.value)} /></label>}
        <div className="actions">
          <button type="submit" disabled={busy}>Dry run</button>
          <button type="button" className="primary" disabled={busy || !checked || preview.result.matched === 0} onClick={() => void run()}
            title={checked ? undefined : 'Make a dry run of this filter first'}>
            {checked ? `Run on ${preview.result.matched} instance(s)` : 'Run (after a dry run)'}
          </button>
        </div>
      </form>
      <ErrorBox error={error} title="The bulk operation was refused" />
      {preview && checked && (
        <section className="card" aria-label="Dry run">
          <h2 data-testid="dry-run-count">{preview.result.matched} instance(s) would be affected</h2>
          {preview.result.sample.length === 0 ? <Empty>No instance matches this filter now.</Empty> : (
            <table>
              <thead><tr><th>Instance</th><th>Workflow</th><th>Status</th><th>Started</th>{form.operation === 'Migrate' && <th>Could move?</th>}</tr></thead>
              <tbody>
                {preview.result.sample.map((s) => (
                  <tr key={s.id}>
                    <td><Link to={`/instances/${s.id}`}>{s.id.slice(0, 8)}</Link></td>
                    <td>{s.definitionId} v{s.version}</td>
                    <td><StatusBadge status={s.status} /></td>
                    <td>{formatTime(s.createdAt)}</td>
                    {form.operation === 'Migrate' && <td>{s.problems.length === 0 ? 'Yes' : s.problems.join('; ')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.result.matched > preview.result.sample.length && <p className="muted small">The first {preview.result.sample.length} of {preview.result.matched}.</p>}
        </section>
      )}
      <section className="card" aria-label="Jobs">
        <h2>Jobs</h2>
        {jobs.loading && !jobs.data && <Loading what="bulk operations" />}
        <ErrorBox error={jobs.error} title="The bulk operations could not be loaded" />
        {jobs.data && jobs.data.length === 0 && <Empty>No bulk operations yet. Make a dry run, then run it.</Empty>}
        {jobs.data?.map((job) => <JobRow key={job.id} job={job} open={selected === job.id} onToggle={() => setSelected(selected === job.id ? null : job.id)} />)}
      </section>
    </div>
  );
}

function JobRow({ job, open, onToggle }: { job: BulkJob; open: boolean; onToggle: () => void }) {
  const label = operations.find(([o]) => o === job.operation)?.[1] ?? job.operation;
  const finished = job.done + job.failed;
  const percent = job.total === 0 ? 100 : Math.round((finished * 100) / job.total);
  const details = useApi<BulkJob>(open && job.failed > 0 ? `/api/bulk-operations/${job.id}?at=${finished}` : null);
  return (
    <div className="bulk-job" data-testid="bulk-job">
      <div className="bulk-job-head">
        <strong>{label}{job.targetVersion ? ` to v${job.targetVersion}` : ''}</strong>
        <span className="muted small"> {job.filter?.definitionId ? String(job.filter.definitionId) : 'any workflow'} · {formatTime(job.createdAt)}{job.createdBy ? ` · by ${job.createdBy}` : ''}</span>
        <StatusBadge status={job.status} />
      </div>
      <div className="progress" role="progressbar" aria-label={`${label}: ${finished} of ${job.total}`} aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={finished}>
        <div className="progress-done" style={{ width: `${job.total === 0 ? 100 : (job.done * 100) / job.total}%` }} />
        <div className="progress-failed" style={{ width: `${job.total === 0 ? 0 : (job.failed * 100) / job.total}%` }} />
      </div>
      <p className="small" data-testid="bulk-progress">{job.done} done · {job.failed} failed · {job.left} left of {job.total} ({percent}%)</p>
      {job.failed > 0 && <button type="button" className="link-button" onClick={onToggle}>{open ? 'Hide failures' : 'Show failures'}</button>}
      {open && details.data && (
        <ul className="small">
          {details.data.failures.map((f) => <li key={f.instanceId}><Link to={`/instances/${f.instanceId}`}>{f.instanceId.slice(0, 8)}</Link>: {f.error}</li>)}
        </ul>
      )}
    </div>
  );
}
