import { useState } from 'react';
import { api } from '../api/client';
import { buildStartInput, type StartInputValues } from '../model/startInput';
import type { WorkflowInputDefinition } from '../model/types';
import { ErrorBox } from './Feedback';

/**
 * Starts an instance of the published workflow: one field per input it declares (numbers, ticks, JSON for lists
 * and objects), checked before sending; "JSON" takes the whole input as text instead.
 */
export function StartInstanceForm({ definitionId, inputs, onStarted }: { definitionId: string; inputs: WorkflowInputDefinition[]; onStarted: (id: string) => void }) {
  const [correlationId, setCorrelationId] = useState('');
  const [values, setValues] = useState<StartInputValues>({});
  const [asJson, setAsJson] = useState(false);
  const [json, setJson] = useState('{}');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    let input: unknown;
    if (asJson) {
      try { input = JSON.parse(json || '{}'); } catch (err) { setError(new Error(`The input is not JSON: ${(err as Error).message}`)); return; }
    } else {
      const built = buildStartInput(inputs, values);
      setProblems(built.problems);
      if (Object.keys(built.problems).length > 0) return;
      input = built.input;
    }
    try {
      const r = await api<{ id: string }>('/api/instances', { method: 'POST', body: { definitionId, correlationId: correlationId || null, input } });
      onStarted(r.id);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className="card start-form" onSubmit={submit} aria-label="Start an instance" noValidate>
      <div className="input-head">
        <strong>Start an instance</strong>
        <button type="button" className="link-button" aria-pressed={asJson} onClick={() => setAsJson((j) => !j)}>{asJson ? 'Form' : 'JSON'}</button>
      </div>
      <div className="start-fields">
        <label>Correlation id <input value={correlationId} onChange={(e) => setCorrelationId(e.target.value)} placeholder="optional" /></label>
        {asJson ? (
          <label>Input (JSON) <textarea className="code" rows={3} value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} /></label>
        ) : (
          <>
            {inputs.length === 0 && <p className="muted small">This workflow declares no inputs.</p>}
            {inputs.map((d) => {
              const id = `start-${d.name}`;
              const problem = problems[d.name];
              const label = `${d.name}${d.required ? ' *' : ''}`;
              return (
                <div key={d.name} className="start-field">
                  {d.type === 'boolean' ? (
                    <label className="check"><input id={id} type="checkbox" checked={values[d.name] === true} onChange={(e) => setValues({ ...values, [d.name]: e.target.checked })} /> {label}</label>
                  ) : (
                    <>
                      <label htmlFor={id}>{label} <span className="muted small">{d.type}</span></label>
                      {d.type === 'object' || d.type === 'array'
                        ? <textarea id={id} className="code" rows={2} spellCheck={false} placeholder={d.type === 'array' ? '["…"]' : '{"…": …}'} value={String(values[d.name] ?? '')}
                            aria-invalid={problem !== undefined} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => setValues({ ...values, [d.name]: e.target.value })} />
                        : <input id={id} inputMode={d.type === 'number' || d.type === 'integer' ? 'decimal' : undefined} value={String(values[d.name] ?? '')}
                            aria-invalid={problem !== undefined} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => setValues({ ...values, [d.name]: e.target.value })} />}
                    </>
                  )}
                  {d.description && <span className="hint">{d.description}</span>}
                  {problem && <p id={`${id}-problem`} className="field-error">{d.name} {problem}</p>}
                </div>
              );
            })}
          </>
        )}
      </div>
      <button type="submit" className="primary">Start</button>
      <ErrorBox error={error} />
    </form>
  );
}
