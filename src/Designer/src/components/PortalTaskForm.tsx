import { useState } from 'react';
import { api, fieldErrorsOf } from '../api/client';
import { useActionKey } from '../api/useActionKey';
import { ErrorBox } from './Feedback';
import type { HumanTask } from '../model/types';

/**
 * Completes one task of the order's workflow (POST /api/tasks/{id}/complete, the workflow's own resume path) with its
 * form; each intended action carries one Idempotency-Key, so a double click acts once. A field's `requiredFor` (the
 * task's own form) and `require` (for tasks of older workflow versions) name fields that must be filled for an outcome; `onBehalf` says whose step staff are doing (ops may
 * complete any party's task; the server audits the ops user and the task's party).
 */
export function PortalTaskForm({ task, label, require = {}, onBehalf, onDone }: {
  task: HumanTask;
  label?: string;
  require?: Record<string, string[]>;
  onBehalf?: string | null;
  onDone: (message: string) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(task.form.map((f) => [f.name, ''])));
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const action = useActionKey();
  const errors = { ...fieldErrorsOf(error), ...missing };

  const complete = async (outcome: string | null) => {
    setError(null);
    const needed = task.form.filter((f) => (f.required || (outcome !== null && (require[outcome]?.includes(f.name) || f.requiredFor?.includes(outcome)))) && values[f.name].trim() === '');
    setMissing(Object.fromEntries(needed.map((f) => [f.name, [`Fill in “${f.label || f.name}” first${outcome ? ` to ${outcome.toLowerCase()}` : ''}.`]])));
    if (needed.length > 0) {
      document.getElementById(`pt-${task.id}-${needed[0].name}`)?.focus();
      return;
    }
    const body: Record<string, unknown> = {};
    for (const f of task.form) if (values[f.name].trim() !== '') body[f.name] = f.type === 'number' || f.type === 'integer' ? Number(values[f.name]) : values[f.name].trim();
    if (outcome) body.outcome = outcome;
    setBusy(true);
    try {
      await api(`/api/tasks/${task.id}/complete`, { method: 'POST', body, idempotencyKey: action.key() });
      action.renew();
      onDone(`${outcome ?? label ?? 'Done'}: ${task.title}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="portal-task" noValidate aria-label={task.title} data-testid={`portal-task-${task.activityId}`} data-task-id={task.id}
      onSubmit={(e) => { e.preventDefault(); if (task.outcomes.length === 0) void complete(null); }}>
      <p className="portal-task-title">{task.title}</p>
      {onBehalf && <p className="muted small" data-testid="on-behalf">{onBehalf}</p>}
      {task.form.map((f) => {
        const id = `pt-${task.id}-${f.name}`;
        const errs = errors[f.name] ?? [];
        return (
          <div key={f.name} className={`input-row${errs.length ? ' invalid' : ''}`}>
            <label htmlFor={id}>{f.label || f.name}{f.required ? ' (required)' : ''}</label>
            <input id={id} type={f.type === 'date' ? 'date' : f.type === 'number' || f.type === 'integer' ? 'number' : 'text'} value={values[f.name]}
              maxLength={f.maxLength ?? 500} aria-invalid={errs.length > 0}
              onChange={(e) => { setValues({ ...values, [f.name]: e.target.value }); action.renew(); setMissing(({ [f.name]: _gone, ...rest }) => rest); }} />
            {errs.map((m) => <p key={m} className="field-error" role="alert">{m}</p>)}
          </div>
        );
      })}
      <ErrorBox error={error} title="That did not go through" />
      <div className="actions">
        {task.outcomes.length > 0
          ? task.outcomes.map((o, i) => <button key={o} type="button" className={i === 0 ? 'primary' : ''} disabled={busy} onClick={() => void complete(o)}>{o}</button>)
          : <button type="submit" className="primary" disabled={busy}>{label ?? 'Complete'}</button>}
      </div>
    </form>
  );
}
