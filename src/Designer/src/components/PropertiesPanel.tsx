import { memo } from 'react';
import type { CompletionScope } from '../model/completion';
import type { ActivityNode } from '../model/graph';
import type { ActivityDescriptor, ValidationError } from '../model/types';
import { InputEditor } from './InputEditor';

interface Props {
  node: ActivityNode | null;
  descriptor: ActivityDescriptor | undefined;
  variables: string[];
  scope: CompletionScope;
  errors: ValidationError[];
  onRename: (name: string) => void;
  onInput: (name: string, value: unknown) => void;
  readOnly?: boolean;
}

/** The selected activity's name and inputs; the server's errors shown under the field they name. */
function PropertiesPanelInner({ node, descriptor, variables, scope, errors, onRename, onInput, readOnly }: Props) {
  if (!node) {
    return <section className="panel" aria-label="Properties"><h2>Properties</h2><p className="muted small">Select an activity to edit its inputs.</p></section>;
  }
  const activity = node.data.activity;
  const inputs = activity.inputs ?? {};
  const fieldErrors = (name: string) => errors.filter((e) => e.field.endsWith(`.inputs.${name}`)).map((e) => e.message);
  const otherErrors = errors.filter((e) => !/\.inputs\.[^.]+$/.test(e.field) || !(descriptor?.inputs ?? []).some((i) => e.field.endsWith(`.inputs.${i.name}`)));
  const unknownInputs = Object.keys(inputs).filter((k) => !(descriptor?.inputs ?? []).some((i) => i.name === k));
  return (
    <section className="panel" aria-label="Properties">
      <h2>Properties</h2>
      <div className="muted small">{descriptor?.displayName ?? activity.type} · id <code>{activity.id}</code></div>
      {descriptor?.description && <p className="hint">{descriptor.description}</p>}
      <fieldset disabled={readOnly}>
        <div className="input-row">
          <label htmlFor={`name-${activity.id}`}>Name</label>
          <input id={`name-${activity.id}`} aria-label="Activity name" value={activity.name ?? ''} placeholder={descriptor?.displayName} onChange={(e) => onRename(e.target.value)} />
        </div>
        {otherErrors.map((e, i) => <p key={i} className="field-error server" role="alert">{e.message}</p>)}
        {!descriptor && <p className="field-error">Unknown activity type '{activity.type}': this host cannot run it.</p>}
        {(descriptor?.inputs ?? []).map((d) => (
          <InputEditor key={`${activity.id}-${d.name}`} activityId={activity.id} descriptor={d} value={inputs[d.name]} variables={variables} scope={scope} siblings={inputs}
            serverErrors={fieldErrors(d.name)} onChange={(v) => onInput(d.name, v)} />
        ))}
        {unknownInputs.map((k) => (
          <div key={k} className="input-row invalid">
            <label>{k} (not an input of {activity.type})</label>
            <code className="small">{JSON.stringify(inputs[k])}</code>
            <button type="button" onClick={() => onInput(k, undefined)} aria-label={`Remove input ${k}`}>Remove</button>
          </div>
        ))}
      </fieldset>
    </section>
  );
}

/** Memoized: a drag or another node's change re-renders the editor, not the selected activity's fields (CodeMirror among them). */
export const PropertiesPanel = memo(PropertiesPanelInner);
