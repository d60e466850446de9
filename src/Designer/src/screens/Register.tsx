import { useState } from 'react';
import { api, fieldErrorsOf } from '../api/client';
import { ErrorBox } from '../components/Feedback';
import { PasswordFields } from '../components/PasswordFields';
import { passwordAcceptable } from '../model/credentials';
import { Link } from '../router';

/** POST /api/auth/register: buyers can sign in at once; suppliers wait until an admin approves them and links their company. */
export function Register() {
  const [role, setRole] = useState<'buyer' | 'supplier'>('buyer');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<{ role: string; status: string } | null>(null);
  const fieldErrors = fieldErrorsOf(error);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!passwordAcceptable(password, confirmation)) {
      setError(new Error('The password does not meet the rules below yet.'));
      return;
    }
    setBusy(true);
    try {
      const user = await api<{ role: string; status: string }>('/api/auth/register', { method: 'POST', body: { email, password, role, displayName: displayName || undefined } });
      setRegistered(user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (registered) {
    return (
      <div className="page narrow">
        <h1>Create an account</h1>
        <div className="card" role="status">
          {registered.status === 'active' ? (
            <p>Your buyer account is ready. <Link to="/sign-in">Sign in</Link>, then <Link to="/quote">ask for a quote</Link>: quotes you ask for signed in are yours to accept. If you asked for quotes with this e-mail address before, we have e-mailed you a link that adds them to your account.</p>
          ) : (
            <p>Your supplier account is registered. An admin checks it and links it to your company; you can sign in once it is approved.</p>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <form className="card" onSubmit={submit} aria-label="Create an account">
        <fieldset className="choice">
          <legend>I am</legend>
          <label><input type="radio" name="register-role" value="buyer" checked={role === 'buyer'} onChange={() => setRole('buyer')} /> a buyer (a brand ordering apparel)</label>
          <label><input type="radio" name="register-role" value="supplier" checked={role === 'supplier'} onChange={() => setRole('supplier')} /> a supplier (a factory)</label>
        </fieldset>
        {role === 'supplier' && <p className="muted small">Supplier accounts wait for an admin's approval before they can sign in.</p>}
        <div className="input-row">
          <label htmlFor="register-name">Name or company</label>
          <input id="register-name" type="text" autoComplete="organization" maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className={`input-row${fieldErrors.email ? ' invalid' : ''}`}>
          <label htmlFor="register-email">Email</label>
          <input id="register-email" type="email" autoComplete="username" maxLength={255} value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <PasswordFields idPrefix="register" password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} invalid={!!fieldErrors.password} />
        <ErrorBox error={error} title="The account was not created" />
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      <p className="muted">Already have an account? <Link to="/sign-in">Sign in</Link>.</p>
    </div>
  );
}
