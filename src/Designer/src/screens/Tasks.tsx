import { useState } from 'react';
import { api, fieldErrorsOf } from '../api/client';
import { useApi } from '../api/useApi';
import { useNotificationSummary } from '../api/useNotificationSummary';
import { ErrorBox, Empty, Loading, formatTime } from '../components/Feedback';
import type { FormField, HumanTask, Page } from '../model/types';
import { Link, useRouter } from '../router';

/** Open human tasks; each one's form rendered from its fields and completed with an outcome button. */
export function Tasks() {
  const { search } = useRouter();
  const instanceId = new URLSearchParams(search).get('instanceId');
  const { data, error, loading, reload } = useApi<Page<HumanTask>>(`/api/tasks?pageSize=100${instanceId ? `&instanceId=${instanceId}` : ''}`);
  const [done, setDone] = useState<string[]>([]);
  // A new task for this role shows without reloading: the open-task count arrives live.
  const openTasks = useNotificationSummary()?.openTasks;
  const [seenOpen, setSeenOpen] = useState<number | undefined>(undefined);
  if (openTasks !== undefined && openTasks !== seenOpen) {
    setSeenOpen(openTasks);
    if (seenOpen !== undefined) reload();
  }
  return (
    <div className="page">
      <div className="page-header"><h1>Tasks</h1><div className="actions"><button type="button" onClick={reload}>Refresh</button></div></div>
      {instanceId && <p className="muted">Tasks of instance <Link to={`/instances/${instanceId}`}><code>{instanceId}</code></Link> · <Link to="/tasks">all tasks</Link></p>}
      {done.map((m) => <div key={m} className="status" role="status">{m}</div>)}
      {loading && !data && <Loading what="tasks" />}
      <ErrorBox error={error} title="Could not load the tasks" />
      {data && data.items.length === 0 && <Empty>No open tasks.</Empty>}
      <div className="task-list">
        {data?.items.map((t) => <TaskCard key={t.id} task={t} onCompleted={(m) => { setDone((d) => [...d, m]); reload(); }} />)}
      </div>
    </div>
  );
}

/** The required fields still empty, for `outcome` also those it requires (a checkbox is never empty: unticked is an answer). */
export function missingRequired(form: FormField[], values: Record<string, unknown>, outcome: string | null = null): FormField[] {
  return form.filter((f) => (f.required || (outcome !== null && !!f.requiredFor?.includes(outcome))) && f.type !== 'boolean'
    && (values[f.name] === undefined || String(values[f.name]).trim() === ''));
}

/** " (required to decline)" for a field some outcomes require, else "". */
export function requiredForHint(f: FormField): string {
  return !f.required && f.requiredFor?.length ? ` (required to ${f.requiredFor.map((o) => o.toLowerCase()).join(' or ')})` : '';
}

function initialValue(f: FormField): unknown {
  return f.type === 'boolean' ? false : '';
}

function TaskCard({ task, onCompleted }: { task: HumanTask; onCompleted: (message: string) => void }) {
  const [values, setValues] = useState<Record<string, unknown>>(() => Object.fromEntries(task.form.map((f) => [f.name, initialValue(f)])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<Record<string, string[]>>({});
  const serverErrors = fieldErrorsOf(error);
  const fieldErrors: Record<string, string[]> = { ...serverErrors, ...missing };

  const complete = async (outcome: string | null) => {
    setError(null);
    // Required fields first, whichever button was pressed: the server would only say the payload does not fit.
    const empty = missingRequired(task.form, values, outcome);
    setMissing(Object.fromEntries(empty.map((f) => [f.name, [`Fill in ${f.label || f.name} before choosing ${outcome ?? 'Complete'}.`]])));
    if (empty.length > 0) {
      document.getElementById(`task-${task.id}-${empty[0].name}`)?.focus();
      return;
    }
    setBusy(true);
    const body: Record<string, unknown> = {};
    for (const f of task.form) {
      const v = values[f.name];
      if (v === '' || v === undefined) continue;
      body[f.name] = f.type === 'number' || f.type === 'integer' ? Number(v) : v;
    }
    if (outcome) body.outcome = outcome;
    try {
      await api(`/api/tasks/${task.id}/complete`, { method: 'POST', body });
      onCompleted(`Completed “${task.title}”${outcome ? ` with ${outcome}` : ''}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card task" noValidate aria-label={`Task ${task.title}`} data-testid={`task-${task.activityId}`} onSubmit={(e) => { e.preventDefault(); if (task.outcomes.length === 0) void complete(null); }}>
      <h2>{task.title}</h2>
      <p className="muted small">
        role <strong>{task.role}</strong>{task.assignee && <> · for {task.assignee}</>} · <Link to={`/instances/${task.instanceId}`}>{task.definitionId}</Link>
        {task.correlationId && <> · {task.correlationId}</>} · since {formatTime(task.createdAt)}
      </p>
      {task.description && <p>{task.description}</p>}
      {task.form.map((f) => {
        const id = `task-${task.id}-${f.name}`;
        const label = `${f.label || f.name}${f.required ? ' *' : requiredForHint(f)}`;
        const errs = fieldErrors[f.name] ?? [];
        return (
          <div key={f.name} className={`input-row${errs.length ? ' invalid' : ''}`}>
            <label htmlFor={id}>{label}</label>
            {f.options && f.options.length > 0 ? (
              <select id={id} aria-invalid={errs.length > 0} value={String(values[f.name] ?? '')} required={f.required} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
                <option value="">choose…</option>
                {f.options.map((o) => <option key={o}>{o}</option>)}
              </select>
            ) : f.type === 'boolean' ? (
              <input id={id} type="checkbox" checked={values[f.name] === true} onChange={(e) => setValues({ ...values, [f.name]: e.target.checked })} />
            ) : (
              <input id={id} type={f.type === 'number' || f.type === 'integer' ? 'number' : f.type === 'date' ? 'date' : 'text'} step={f.type === 'integer' ? 1 : 'any'}
                maxLength={f.maxLength ?? undefined} required={f.required} aria-invalid={errs.length > 0} value={String(values[f.name] ?? '')}
                onChange={(e) => { setValues({ ...values, [f.name]: e.target.value }); setMissing(({ [f.name]: _done, ...rest }) => rest); }} />
            )}
            {errs.map((m) => <p key={m} className="field-error" role="alert">{m}</p>)}
          </div>
        );
      })}
      <ErrorBox error={error} title="The task was not completed" />
      <div className="actions">
        {task.outcomes.length > 0
          ? task.outcomes.map((o) => <button key={o} type="button" className="primary" disabled={busy} onClick={() => void complete(o)}>{o}</button>)
          : <button type="submit" className="primary" disabled={busy}>Complete</button>}
      </div>
    </form>
  );
}
