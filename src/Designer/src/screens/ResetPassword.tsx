import { useState } from 'react';
import { api } from '../api/client';
import { ErrorBox } from '../components/Feedback';
import { Link, useRouter } from '../router';

/**
 * Without a token: asks for a reset link (POST /api/auth/password-reset; the same answer for every address). With the
 * token of an e-mailed link (?token=…): sets a new password (POST /api/auth/password-reset/confirm).
 */
export function ResetPassword() {
  const { search } = useRouter();
  const token = new URLSearchParams(search).get('token');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const request = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ message: string }>('/api/auth/password-reset', { method: 'POST', body: { email } });
      setMessage(r.message);
    } catch (err) {
      setError(err);
    }
  };
  const reset = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (password !== repeat) {
      setError(new Error('The two passwords differ.'));
      return;
    }
    try {
      await api('/api/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword: password } });
      setMessage('Your password is changed. Sign in with the new one.');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page narrow">
      <h1>Reset your password</h1>
      {message ? (
        <div className="card" role="status"><p>{message}</p><p><Link to="/sign-in">Sign in</Link></p></div>
      ) : token ? (
        <form className="card" onSubmit={reset} aria-label="New password">
          <div className="input-row"><label htmlFor="reset-password">New password</label><input id="reset-password" type="password" autoComplete="new-password" minLength={12} maxLength={128} value={password} onChange={(e) => setPassword(e.target.value)} required /></div>
          <div className="input-row"><label htmlFor="reset-repeat">New password again</label><input id="reset-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required /></div>
          <ErrorBox error={error} title="The password was not changed" />
          <button type="submit" className="primary">Set the new password</button>
        </form>
      ) : (
        <form className="card" onSubmit={request} aria-label="Ask for a reset link">
          <p>Enter your account's e-mail. If it has an account, a link to choose a new password is sent there.</p>
          <div className="input-row"><label htmlFor="reset-email">Email</label><input id="reset-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required /></div>
          <ErrorBox error={error} title="The request failed" />
          <button type="submit" className="primary">Send the link</button>
        </form>
      )}
    </div>
  );
}
