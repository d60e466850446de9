import { useState } from 'react';
import type { WorkflowInputDefinition } from '../model/types';

const inputTypes = ['string', 'number', 'boolean', 'object', 'array', 'any'];

/** The inputs a workflow declares (what a start must or may give), one row each; "JSON" shows them as text. */
export function WorkflowInputsEditor({ inputs, onChange }: { inputs: WorkflowInputDefinition[]; onChange: (inputs: WorkflowInputDefinition[]) => void }) {
  const [asJson, setAsJson] = useState(false);
  const update = (i: number, patch: Partial<WorkflowInputDefinition>) => onChange(inputs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div className="rows-editor" role="group" aria-labelledby="wf-inputs-title">
      <div className="input-head">
        <span id="wf-inputs-title" className="label">Inputs</span>
        <button type="button" className="link-button" aria-pressed={asJson} onClick={() => setAsJson((j) => !j)}>{asJson ? 'Form' : 'JSON'}</button>
      </div>
      {asJson ? <JsonInputs inputs={inputs} onChange={onChange} /> : (
        <>
          {inputs.length === 0 && <p className="muted small">No inputs: an instance starts without data.</p>}
          {inputs.map((x, i) => {
            const who = x.name || `input ${i + 1}`;
            return (
              <fieldset key={i} className="row-card" aria-label={`Workflow input ${who}`}>
                <div className="row-line">
                  <input aria-label={`Workflow input ${i + 1} name`} value={x.name} aria-invalid={!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(x.name)}
                    onChange={(e) => update(i, { name: e.target.value })} />
                  <select aria-label={`Workflow input ${who} type`} value={x.type} onChange={(e) => update(i, { type: e.target.value })}>
                    {inputTypes.map((t) => <option key={t}>{t}</option>)}
                  </select>
                  <label className="check"><input type="checkbox" checked={x.required === true} onChange={(e) => update(i, { required: e.target.checked })} /> required</label>
                  <button type="button" aria-label={`Remove workflow input ${who}`} onClick={() => onChange(inputs.filter((_, j) => j !== i))}>✕</button>
                </div>
                <input aria-label={`Workflow input ${who} description`} value={x.description ?? ''} placeholder="what it means"
                  onChange={(e) => update(i, { description: e.target.value || undefined })} />
                {!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(x.name) && <p className="field-error">The name must be an identifier: it is read as input.{x.name || 'name'}.</p>}
              </fieldset>
            );
          })}
          <button type="button" onClick={() => onChange([...inputs, { name: `input${inputs.length + 1}`, type: 'string' }])}>Add input</button>
        </>
      )}
    </div>
  );
}

function JsonInputs({ inputs, onChange }: { inputs: WorkflowInputDefinition[]; onChange: (inputs: WorkflowInputDefinition[]) => void }) {
  const [text, setText] = useState(JSON.stringify(inputs, null, 1));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <textarea id="wf-inputs" className="code" rows={4} value={text} spellCheck={false} aria-label="Inputs (JSON)"
        onChange={(e) => {
          setText(e.target.value);
          try {
            const v: unknown = JSON.parse(e.target.value || '[]');
            if (!Array.isArray(v)) throw new Error('must be a list: [{"name": …, "type": …}]');
            setProblem(null);
            onChange(v as WorkflowInputDefinition[]);
          } catch (err) { setProblem((err as Error).message); }
        }} />
      {problem && <p className="field-error">{problem}</p>}
    </>
  );
}
