import { useState } from 'react';
import { api, fieldErrorsOf } from '../api/client';
import { useActionKey } from '../api/useActionKey';
import { ErrorBox } from './Feedback';
import type { HumanTask } from '../model/types';

/** The stage task's outcome that reports a delay (workflow quote-to-delivery v2). */
export const DelayOutcome = 'Report delay';

/**
 * "Report a delay" on a running stage: a reason and a new planned date, sent as the stage task's "Report delay"
 * outcome (the workflow moves the stage's planned end, tells the buyer and reruns the stage with its new deadline).
 * The server refuses a date not after the current planned end or today (400 naming newDate); the form says so there.
 * Editing a field makes a new intended action (a new Idempotency-Key): the corrected report is not the refused one.
 */
export function StageDelayForm({ task, plannedEnd, onDone }: { task: HumanTask; plannedEnd?: string | null; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [newDate, setNewDate] = useState('');
  const [missing, setMissing] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const action = useActionKey();
  const errors = { ...fieldErrorsOf(error), ...missing };
  const id = (f: string) => `delay-${task.id}-${f}`;

  const submit = async () => {
    setError(null);
    const need: Record<string, string[]> = {};
    if (reason.trim() === '') need.reason = ['Say why the stage is late.'];
    if (newDate === '') need.newDate = ['Pick the new planned date.'];
    setMissing(need);
    if (Object.keys(need).length > 0) {
      document.getElementById(id(Object.keys(need)[0]))?.focus();
      return;
    }
    setBusy(true);
    try {
      await api(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { outcome: DelayOutcome, reason: reason.trim(), newDate }, idempotencyKey: action.key() });
      action.renew();
      onDone(`Delay reported: the stage is now planned to end on ${newDate}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className={`input-row${errors[name]?.length ? ' invalid' : ''}`}>
      <label htmlFor={id(name)}>{label}</label>
      {input}
      {(errors[name] ?? []).map((m) => <p key={m} className="field-error" role="alert">{m}</p>)}
    </div>
  );

  return (
    <details className="portal-task stage-delay" data-testid="stage-delay">
      <summary>Report a delay</summary>
      <form noValidate aria-label={`Report a delay: ${task.title}`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {plannedEnd && <p className="muted small">Planned to end on {plannedEnd.slice(0, 10)}; the new date must be later.</p>}
        {field('reason', 'Reason for the delay', <textarea id={id('reason')} value={reason} maxLength={500} aria-invalid={!!errors.reason?.length}
          onChange={(e) => { setReason(e.target.value); action.renew(); setMissing(({ reason: _r, ...rest }) => rest); }} />)}
        {field('newDate', 'New planned date', <input id={id('newDate')} type="date" value={newDate} aria-invalid={!!errors.newDate?.length}
          onChange={(e) => { setNewDate(e.target.value); action.renew(); setMissing(({ newDate: _d, ...rest }) => rest); }} />)}
        <ErrorBox error={error} title="The delay was not recorded" />
        <div className="actions"><button type="submit" disabled={busy}>Report the delay</button></div>
      </form>
    </details>
  );
}
