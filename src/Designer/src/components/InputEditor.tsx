import { useEffect, useState } from 'react';
import { checkExpression, convertValue, defaultKind, expressionText, kindOf, kindsFor, literalOf, makeExpression, makeLiteral, type ValueKind } from '../model/expressions';
import type { CompletionScope } from '../model/completion';
import { allRoles } from '../model/roles';
import type { FormField, InputDescriptor } from '../model/types';
import { ExpressionField } from './ExpressionField';
import { FormFieldsEditor } from './FormFieldsEditor';
import { RuleSetPicker } from './RuleSetPicker';

interface Props {
  activityId: string;
  descriptor: InputDescriptor;
  value: unknown;
  variables: string[];
  /** What an expression here may read, for completion. */
  scope: CompletionScope;
  /** The activity's other inputs (a form's "required to" lists its outcomes). */
  siblings: Record<string, unknown>;
  serverErrors: string[];
  onChange: (value: unknown) => void;
}

const listInputs = new Set(['outcomes', 'branches']);

/** One input: how it is given (literal, JavaScript, variable, template) and its value, checked as you type. */
export function InputEditor({ activityId, descriptor, value, variables, scope, siblings, serverErrors, onChange }: Props) {
  const kind = value === undefined ? defaultKind(descriptor) : kindOf(value);
  const fieldId = `input-${activityId}-${descriptor.name}`;
  const [localError, setLocalError] = useState<string | null>(null);

  const setKind = (k: ValueKind) => onChange(value === undefined && k !== 'literal' ? makeExpression(k, '') : convertValue(value ?? '', k));
  const label = `${descriptor.name}${descriptor.required ? ' *' : ''}`;

  let editor: React.ReactNode;
  if (kind !== 'literal') {
    const text = expressionText(value) ?? '';
    const problem = value === undefined ? null : checkExpression(kind, text, variables);
    editor = kind === 'var' ? (
      <>
        <input id={fieldId} list={`${fieldId}-vars`} value={text} aria-label={`Input ${descriptor.name}`} aria-invalid={problem !== null}
          onChange={(e) => onChange(makeExpression('var', e.target.value))} placeholder="variable name" />
        <datalist id={`${fieldId}-vars`}>{variables.map((v) => <option key={v} value={v} />)}</datalist>
        {problem && <p className="field-error">{problem}</p>}
      </>
    ) : (
      <>
        <ExpressionField id={fieldId} value={text} label={`Input ${descriptor.name}`} invalid={problem !== null} scope={scope} language={kind}
          placeholder={kind === 'js' ? 'variables.total * 0.3' : 'Order {{ input.orderId }}'}
          onChange={(t) => onChange(makeExpression(kind, t))} />
        {problem && <p className="field-error">{problem}</p>}
      </>
    );
  } else {
    editor = <LiteralEditor fieldId={fieldId} descriptor={descriptor} value={literalOf(value)} siblings={siblings} onChange={(v) => onChange(v === undefined ? undefined : makeLiteral(v))} onLocalError={setLocalError} />;
  }

  return (
    <div className={`input-row${serverErrors.length ? ' invalid' : ''}`} data-testid={`field-${descriptor.name}`}>
      <div className="input-head">
        <label htmlFor={fieldId} title={descriptor.description ?? undefined}>{label}</label>
        {!descriptor.literalOnly && (
          <select aria-label={`How ${descriptor.name} is given`} value={kind} onChange={(e) => setKind(e.target.value as ValueKind)}>
            {kindsFor(descriptor, kind).map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
        )}
      </div>
      {editor}
      {descriptor.description && <p className="hint">{descriptor.description}</p>}
      {localError && <p className="field-error">{localError}</p>}
      {serverErrors.map((m, i) => <p key={i} className="field-error server" role="alert">{m}</p>)}
    </div>
  );
}

function LiteralEditor({ fieldId, descriptor, value, siblings, onChange, onLocalError }: {
  fieldId: string; descriptor: InputDescriptor; value: unknown; siblings: Record<string, unknown>; onChange: (v: unknown) => void; onLocalError: (m: string | null) => void;
}) {
  const aria = `Input ${descriptor.name}`;
  const [formAsJson, setFormAsJson] = useState(false);
  const jsonText = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [draft, setDraft] = useState(jsonText);
  // Keep the JSON text in step when the value changes from outside (undo, another field).
  useEffect(() => { setDraft((d) => { try { return JSON.stringify(JSON.parse(d)) === JSON.stringify(value) ? d : jsonText; } catch { return jsonText; } }); }, [jsonText, value]);
  useEffect(() => () => onLocalError(null), [onLocalError]);

  if (descriptor.uiHint === 'ruleSet') {
    return <RuleSetPicker fieldId={fieldId} aria={aria} value={value} onChange={onChange} />;
  }
  if (descriptor.options && descriptor.options.length > 0) {
    return (
      <select id={fieldId} aria-label={aria} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">(default{descriptor.default != null ? `: ${String(descriptor.default)}` : ''})</option>
        {descriptor.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  }
  // The role of a human task: one of the roles the API knows (a role stored that it does not know stays visible).
  if ((descriptor.uiHint === 'role' || descriptor.name === 'role') && descriptor.type === 'string') {
    const known = typeof value !== 'string' || value === '' || allRoles.some((r) => r.role === value);
    return (
      <select id={fieldId} aria-label={aria} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">(choose a role)</option>
        {allRoles.map((r) => <option key={r.role} value={r.role}>{r.label}</option>)}
        {!known && <option value={value as string}>{String(value)} (not a role the server knows)</option>}
      </select>
    );
  }
  // A human task's form: rows of fields, or its JSON for those who prefer it.
  if (descriptor.uiHint === 'form' && !formAsJson && (value === undefined || Array.isArray(value))) {
    const outcomes = Array.isArray(literalOf(siblings.outcomes)) ? (literalOf(siblings.outcomes) as unknown[]).map(String) : [];
    return (
      <>
        <FormFieldsEditor fieldId={fieldId} fields={(value ?? []) as FormField[]} outcomes={outcomes} onChange={onChange} />
        <button type="button" className="link-button" onClick={() => setFormAsJson(true)}>Edit the form as JSON</button>
      </>
    );
  }
  if (listInputs.has(descriptor.name) && descriptor.type === 'array') {
    const list = Array.isArray(value) ? value.map(String) : [];
    return <ListEditor fieldId={fieldId} aria={aria} list={list} onChange={onChange} />;
  }
  switch (descriptor.type) {
    case 'boolean':
      return <input id={fieldId} type="checkbox" aria-label={aria} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'number':
    case 'integer':
      return <input id={fieldId} type="number" aria-label={aria} step={descriptor.type === 'integer' ? 1 : 'any'} value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />;
    case 'string':
      return descriptor.uiHint === 'multiline'
        ? <textarea id={fieldId} aria-label={aria} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
        : <input id={fieldId} aria-label={aria} value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
    default:
      return (
        <>
        {descriptor.uiHint === 'form' && <button type="button" className="link-button" onClick={() => setFormAsJson(false)}>Edit as a form</button>}
        <textarea id={fieldId} className="code" aria-label={aria} rows={4} spellCheck={false} value={draft}
          placeholder={descriptor.type === 'array' ? '[]' : descriptor.type === 'object' ? '{}' : 'JSON value'}
          onChange={(e) => {
            setDraft(e.target.value);
            if (e.target.value.trim() === '') { onLocalError(null); onChange(undefined); return; }
            try {
              const parsed: unknown = JSON.parse(e.target.value);
              onLocalError(null);
              onChange(parsed);
            } catch (err) {
              // A bare word in an "any" field is taken as a string.
              if (descriptor.type === 'any' && !/^[[{"]/.test(e.target.value.trim())) { onLocalError(null); onChange(e.target.value); return; }
              onLocalError(`not valid JSON: ${(err as Error).message}`);
            }
          }} />
        </>
      );
  }
}

/** Comma-separated names (outcomes, branches): each becomes a port. */
function ListEditor({ fieldId, aria, list, onChange }: { fieldId: string; aria: string; list: string[]; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(list.join(', '));
  useEffect(() => {
    setText((t) => (t.split(',').map((s) => s.trim()).filter(Boolean).join('|') === list.join('|') ? t : list.join(', ')));
  }, [list]);
  return (
    <input id={fieldId} aria-label={aria} value={text} placeholder="Approve, Reject"
      onChange={(e) => { setText(e.target.value); onChange(e.target.value.split(',').map((s) => s.trim()).filter(Boolean)); }} />
  );
}
