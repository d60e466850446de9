import type { FormField } from '../model/types';

const fieldTypes = ['string', 'number', 'integer', 'boolean', 'date'];

const names = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A human task's form, one row per field: name, label, type, required (always or for some outcomes), options. */
export function FormFieldsEditor({ fieldId, fields, outcomes, onChange }: {
  fieldId: string; fields: FormField[]; outcomes: string[]; onChange: (fields: FormField[] | undefined) => void;
}) {
  const update = (i: number, patch: Partial<FormField>) => onChange(fields.map((f, j) => (j === i ? tidy({ ...f, ...patch }) : f)));
  const add = () => {
    const taken = new Set(fields.map((f) => f.name));
    let n = fields.length + 1;
    while (taken.has(`field${n}`)) n++;
    onChange([...fields, { name: `field${n}`, type: 'string' }]);
  };
  return (
    <div className="rows-editor" id={fieldId} role="group" aria-label="Form fields">
      {fields.length === 0 && <p className="muted small">No fields: the person only picks an outcome.</p>}
      {fields.map((f, i) => {
        const who = f.name || `field ${i + 1}`;
        return (
          <fieldset key={i} className="row-card" aria-label={`Form field ${who}`}>
            <div className="row-line">
              <input aria-label={`Field ${i + 1} name`} value={f.name} placeholder="name" aria-invalid={!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.name)}
                onChange={(e) => update(i, { name: e.target.value })} />
              <select aria-label={`Field ${who} type`} value={f.type} onChange={(e) => update(i, { type: e.target.value })}>
                {fieldTypes.map((t) => <option key={t}>{t}</option>)}
              </select>
              <label className="check"><input type="checkbox" checked={f.required === true} onChange={(e) => update(i, { required: e.target.checked })} /> required</label>
              <button type="button" aria-label={`Remove field ${who}`} onClick={() => onChange(fields.length === 1 ? undefined : fields.filter((_, j) => j !== i))}>✕</button>
            </div>
            <input aria-label={`Field ${who} label`} value={f.label ?? ''} placeholder="label shown to the person" onChange={(e) => update(i, { label: e.target.value })} />
            {f.type === 'string' && (
              <input aria-label={`Field ${who} options`} value={(f.options ?? []).join(', ')} placeholder="options (comma-separated), or free text"
                onChange={(e) => update(i, { options: names(e.target.value) })} />
            )}
            {outcomes.length > 0 && !f.required && (
              <div className="row-line small" role="group" aria-label={`Outcomes that need ${who}`}>
                <span className="muted">required to:</span>
                {outcomes.map((o) => (
                  <label key={o} className="check"><input type="checkbox" checked={(f.requiredFor ?? []).includes(o)}
                    onChange={(e) => update(i, { requiredFor: e.target.checked ? [...(f.requiredFor ?? []), o] : (f.requiredFor ?? []).filter((x) => x !== o) })} /> {o}</label>
                ))}
              </div>
            )}
            {!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.name) && <p className="field-error">The name must be a word of letters, digits and _ (it is the key in the answer).</p>}
          </fieldset>
        );
      })}
      <button type="button" onClick={add}>Add field</button>
    </div>
  );
}

/** Leaves out what is empty, so the stored form stays as small as one written by hand. */
function tidy(f: FormField): FormField {
  const out: FormField = { name: f.name, type: f.type };
  if (f.label) out.label = f.label;
  if (f.required) out.required = true;
  if (!f.required && f.requiredFor && f.requiredFor.length > 0) out.requiredFor = f.requiredFor;
  if (f.type === 'string' && f.options && f.options.length > 0) out.options = f.options;
  if (f.maxLength != null) out.maxLength = f.maxLength;
  return out;
}
