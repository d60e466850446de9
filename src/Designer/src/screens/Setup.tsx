import { useState } from 'react';
import { ApiError, api, getToken, setTokens, type SignInAnswer, fieldErrorsOf } from '../api/client';
import { useApi } from '../api/useApi';
import { ErrorBox, Loading } from '../components/Feedback';
import { PasswordFields } from '../components/PasswordFields';
import { passwordAcceptable, setupTokenFrom, type SetupStatus } from '../model/credentials';
import { Link, useRouter } from '../router';

/**
 * First run: the link the host printed ("No admin yet: open …/setup#<token>") opens this screen, which creates the
 * first admin (POST /api/setup/admin) and signs them in. The token stays in the fragment, which the browser never
 * sends to a server. With Auth__BootstrapToken set, the bootstrap token is asked for instead.
 */
export function Setup() {
  const status = useApi<SetupStatus>('/api/setup/status');
  const [done, setDone] = useState(false);
  return (
    <div className="page narrow">
      <h1>Set up Sleek Workflows</h1>
      {status.loading && !status.data && <Loading what="the setup status" />}
      <ErrorBox error={status.error} title="Could not ask the server whether setup is needed" />
      {status.data && (done || !status.data.setupNeeded) && <SetupDone />}
      {status.data && !done && status.data.setupNeeded && <AdminForm method={status.data.method} onDone={() => setDone(true)} />}
    </div>
  );
}

function SetupDone() {
  return (
    <div className="card" role="status">
      <h2>Setup is done</h2>
      <p>
        An admin account exists already, so this screen has nothing left to do.{' '}
        {getToken() !== null ? <>You are signed in: <Link to="/">open the workflows</Link>.</> : <><Link to="/sign-in">Sign in</Link>; an admin creates the other users.</>}
      </p>
    </div>
  );
}

function AdminForm({ method, onDone }: { method: SetupStatus['method']; onDone: () => void }) {
  const { navigate } = useRouter();
  const bootstrap = method === 'bootstrap_token';
  const fromLink = bootstrap ? '' : setupTokenFrom(window.location.hash);
  const [token, setTokenText] = useState(fromLink);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
      const answer = bootstrap
        ? await api<SignInAnswer>('/api/auth/bootstrap-admin', { method: 'POST', body: { token: token.trim(), email, password } })
        : await api<SignInAnswer>('/api/setup/admin', { method: 'POST', body: { token: setupTokenFrom(token), name, email, password } });
      // Staff may have to set up two-factor sign-in first (Auth__RequireTwoFactorForStaff): the sign-in screen does that.
      if (answer.status === 'signed_in') {
        setTokens(answer);
        navigate('/');
      } else navigate('/sign-in');
    } catch (err) {
      // 409 without a field: an admin exists (made elsewhere meanwhile); with one, the e-mail is taken.
      const emailTaken = err instanceof ApiError && !Array.isArray(err.problem.errors) && !!err.problem.errors?.email;
      if (err instanceof ApiError && err.status === 409 && !emailTaken) onDone();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-label="Create the first admin">
      {bootstrap ? (
        <p>No admin account exists yet. This host creates the first one with its bootstrap token (the value of <code>Auth__BootstrapToken</code>).</p>
      ) : fromLink ? (
        <p>No admin account exists yet. Create it here: the admin signs in to the designer and creates the other users.</p>
      ) : (
        <p>No admin account exists yet. Open the setup link the host printed in its console (“No admin yet: open …/setup#… to create one”), or paste it here.</p>
      )}
      {(bootstrap || !fromLink) && (
        <div className={`input-row${fieldErrors.token ? ' invalid' : ''}`}>
          <label htmlFor="setup-token">{bootstrap ? 'Bootstrap token' : 'Setup link'}</label>
          <input id="setup-token" type={bootstrap ? 'password' : 'text'} autoComplete="off" value={token} onChange={(e) => setTokenText(e.target.value)} required />
        </div>
      )}
      {!bootstrap && (
        <div className="input-row">
          <label htmlFor="setup-name">Your name</label>
          <input id="setup-name" type="text" autoComplete="name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      )}
      <div className={`input-row${fieldErrors.email ? ' invalid' : ''}`}>
        <label htmlFor="setup-email">Email</label>
        <input id="setup-email" type="email" autoComplete="username" maxLength={255} value={email} onChange={(e) => setEmail(e.target.value)} required />
      </div>
      <PasswordFields idPrefix="setup" password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} invalid={!!fieldErrors.password} />
      <ErrorBox error={error} title="The admin was not created" />
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create admin and sign in'}</button>
    </form>
  );
}
