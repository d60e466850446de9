import { useState } from 'react';
import type { VariableDefinition } from '../model/types';

const types = ['string', 'number', 'boolean', 'object', 'array', 'any'];

/** The workflow's variables: name, type, default (JSON). */
export function VariablesPanel({ variables, onChange }: { variables: VariableDefinition[]; onChange: (v: VariableDefinition[]) => void }) {
  const [badDefault, setBadDefault] = useState<Record<number, string>>({});
  const update = (i: number, patch: Partial<VariableDefinition>) => onChange(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <section className="panel" aria-label="Variables">
      <h2>Variables</h2>
      {variables.length === 0 && <p className="muted small">No variables.</p>}
      {variables.map((v, i) => (
        <div key={i} className="variable-row">
          <input aria-label={`Variable ${i + 1} name`} value={v.name} onChange={(e) => update(i, { name: e.target.value })}
            aria-invalid={!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(v.name)} />
          <select aria-label={`Variable ${v.name} type`} value={v.type ?? 'any'} onChange={(e) => update(i, { type: e.target.value })}>
            {types.map((t) => <option key={t}>{t}</option>)}
          </select>
          <input aria-label={`Variable ${v.name} default (JSON)`} className="code" placeholder="default"
            defaultValue={v.default === undefined ? '' : JSON.stringify(v.default)}
            onChange={(e) => {
              const text = e.target.value.trim();
              if (text === '') { setBadDefault((b) => ({ ...b, [i]: '' })); const { default: _d, ...rest } = v; void _d; onChange(variables.map((x, j) => (j === i ? rest : x))); return; }
              try { const parsed: unknown = JSON.parse(text); setBadDefault((b) => ({ ...b, [i]: '' })); update(i, { default: parsed }); }
              catch { setBadDefault((b) => ({ ...b, [i]: 'not valid JSON (strings need quotes)' })); }
            }} />
          <button type="button" aria-label={`Remove variable ${v.name}`} onClick={() => onChange(variables.filter((_, j) => j !== i))}>✕</button>
          {badDefault[i] && <p className="field-error">{badDefault[i]}</p>}
          {!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(v.name) && <p className="field-error">name must be an identifier</p>}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...variables, { name: `var${variables.length + 1}`, type: 'string' }])}>Add variable</button>
    </section>
  );
}
