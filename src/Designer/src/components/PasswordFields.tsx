import { passwordRules } from '../model/credentials';

/** Password and confirmation with the server's rules, each shown as met or not while the person types. */
export function PasswordFields({ idPrefix, password, confirmation, onPassword, onConfirmation, invalid }: {
  idPrefix: string;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  /** The server refused the password: mark the field. */
  invalid?: boolean;
}) {
  const rules = passwordRules(password, confirmation);
  return (
    <>
      <div className="input-row">
        <label htmlFor={`${idPrefix}-password`}>Password</label>
        <input id={`${idPrefix}-password`} type="password" autoComplete="new-password" value={password} aria-describedby={`${idPrefix}-rules`}
          aria-invalid={invalid || undefined} onChange={(e) => onPassword(e.target.value)} required />
      </div>
      <div className="input-row">
        <label htmlFor={`${idPrefix}-confirmation`}>Confirm password</label>
        <input id={`${idPrefix}-confirmation`} type="password" autoComplete="new-password" value={confirmation} aria-describedby={`${idPrefix}-rules`}
          onChange={(e) => onConfirmation(e.target.value)} required />
      </div>
      <ul id={`${idPrefix}-rules`} className="password-rules" aria-label="Password rules" aria-live="polite">
        {rules.map((r) => (
          <li key={r.label.replace(/ \(now \d+\)$/, '')} className={r.ok ? 'rule-ok' : 'rule-todo'}>
            <span aria-hidden="true">{r.ok ? '✓' : '•'}</span> {r.label}<span className="sr-only">{r.ok ? ': met' : ': not met yet'}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
