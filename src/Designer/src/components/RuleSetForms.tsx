import { useState } from 'react';
import { api } from '../api/client';
import { ErrorBox } from './Feedback';

/** The input kinds a rule set may take (what input1 is), as the server names them. */
export const inputKinds: { kind: string; label: string }[] = [
  { kind: 'automation', label: 'automation — quotes, orders and stages (QuoteTotal, Quantity, Stage, StageDaysLate…)' },
  { kind: 'supplier', label: 'supplier — an order and a supplier (Order.Quantity, Supplier.Rating…)' },
  { kind: 'urgency', label: 'urgency — an unassigned order (Quantity, WaitedDays)' },
  { kind: 'supplier-score', label: 'supplier-score — score parts (Match, ActiveOrders, Capacity, Rating, OnTimeRate)' },
];

const template = `[
  {
    "WorkflowName": "MyRules",
    "Rules": [
      {
        "RuleName": "BigQuote",
        "Expression": "input1.QuoteTotal > 10000",
        "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "\\"admin_review\\"" } } }
      }
    ]
  }
]`;

/** Creates a rule set: a name, what its rules read, and its first version (compiled by the server). */
export function NewRuleSetForm({ onCreated, onCancel }: { onCreated: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [input, setInput] = useState('automation');
  const [description, setDescription] = useState('');
  const [rules, setRules] = useState(template);
  const [error, setError] = useState<unknown>(null);
  const nameProblem = name === '' || /^[a-z0-9][a-z0-9-]{0,99}$/.test(name) ? null : 'Lower-case letters, digits and dashes, e.g. rush-orders.';

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try { JSON.parse(rules); } catch (err) { setError(new Error(`The rules are not valid JSON: ${(err as Error).message}`)); return; }
    const query = new URLSearchParams({ name, input, description });
    try {
      await api(`/api/rules?${query.toString()}`, { method: 'POST', body: rules });
      onCreated(name);
    } catch (err) { setError(err); }
  };

  return (
    <form className="card rule-editor" onSubmit={(e) => void create(e)} aria-label="New rule set">
      <h2>New rule set</h2>
      <label>Name <input value={name} onChange={(e) => setName(e.target.value.trim())} placeholder="rush-orders" aria-invalid={nameProblem !== null} aria-describedby="rule-name-hint" /></label>
      <p id="rule-name-hint" className={nameProblem ? 'field-error' : 'hint'}>{nameProblem ?? 'Workflows name it in EvaluateRules; it can be renamed later.'}</p>
      <label>What the rules read (input1)
        <select value={input} onChange={(e) => setInput(e.target.value)}>
          {inputKinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      <label>Description <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What these rules decide" /></label>
      <label htmlFor="new-rule-json">Rules (RulesEngine JSON: an array of workflows, as RulesEngine files are written)</label>
      <textarea id="new-rule-json" className="code" rows={12} spellCheck={false} value={rules} onChange={(e) => setRules(e.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={name === '' || nameProblem !== null}>Create rule set</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
      <ErrorBox error={error} title="The rule set was not created" />
    </form>
  );
}

/** Rename and retire, for rule sets rule authors created (built-in ones are used by name by the marketplace). */
export function RenameRetire({ name, retired, onRenamed, onRetired }: { name: string; retired: boolean; onRenamed: (name: string) => void; onRetired: () => void }) {
  const [newName, setNewName] = useState(name);
  const [error, setError] = useState<unknown>(null);
  const path = `/api/rules/${encodeURIComponent(name)}`;
  const rename = async () => {
    setError(null);
    try { await api(`${path}/rename`, { method: 'POST', body: { name: newName } }); onRenamed(newName); } catch (e) { setError(e); }
  };
  const retire = async () => {
    setError(null);
    if (!window.confirm(`Retire rule set ${name}? Workflows that evaluate it will fault until they use another one.`)) return;
    try { await api(`${path}/retire`, { method: 'POST' }); onRetired(); } catch (e) { setError(e); }
  };
  return (
    <div className="actions" aria-label="Rename or retire">
      <label>New name <input value={newName} onChange={(e) => setNewName(e.target.value.trim())} /></label>
      <button type="button" onClick={() => void rename()} disabled={newName === name || newName === ''}>Rename</button>
      {!retired && <button type="button" className="danger" onClick={() => void retire()}>Retire</button>}
      <ErrorBox error={error} />
    </div>
  );
}
