import { useState } from 'react';
import { ApiError, api, setToken } from '../api/client';
import { useApi } from '../api/useApi';
import { ErrorBox } from '../components/Feedback';
import type { SetupStatus } from '../model/credentials';
import { Link, useRouter } from '../router';

/** POST /api/auth/login; the token is kept in sessionStorage and sent on every call. */
export function SignIn() {
  const { search, navigate } = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const setup = useApi<SetupStatus>('/api/setup/status');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<Record<string, unknown>>('/api/auth/login', { method: 'POST', body: { email, password } });
      const token = (r.token ?? r.accessToken ?? r.access_token) as string | undefined;
      if (!token) throw new Error('The server answered without a token.');
      setToken(token);
      // Back where the person was headed, unless that was just the start page: then to their role's own work.
      const next = new URLSearchParams(search).get('next');
      navigate(next && next !== '/' ? next : homeOf(r.role as string | undefined));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 405) && !err.problem.detail) setMissing(true);
      else setError(err);
    }
  };
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      {setup.data?.setupNeeded && <NoAdminYet method={setup.data.method} />}
      {missing && <div className="note" role="status">This server has no sign-in yet (<code>POST /api/auth/login</code> is not there): every screen is open without one.</div>}
      <form className="card" onSubmit={submit} aria-label="Sign in">
        <div className="input-row"><label htmlFor="signin-email">Email</label><input id="signin-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required /></div>
        <div className="input-row"><label htmlFor="signin-password">Password</label><input id="signin-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></div>
        <ErrorBox error={error} title="Sign-in failed" />
        <button type="submit" className="primary">Sign in</button>
      </form>
      <nav className="first-run-links" aria-label="Without an account">
        <Link to="/quote">Ask for a quote (no account needed)</Link>
        <Link to="/register">Create an account (buyers and suppliers)</Link>
      </nav>
    </div>
  );
}

/** Where each role's own work is: staff see the workflows, rule authors the rules, everyone else their tasks. */
function homeOf(role: string | undefined): string {
  if (role === 'rule_author') return '/rules';
  if (role === 'admin' || role === 'ops' || role === undefined) return '/';
  return '/tasks';
}

/** What to do while the server has no admin: the console's setup link, or the bootstrap token. */
function NoAdminYet({ method }: { method: SetupStatus['method'] }) {
  return (
    <section className="note" aria-labelledby="no-admin-title">
      <h2 id="no-admin-title">No admin account yet</h2>
      {method === 'bootstrap_token' ? (
        <p>This server creates its first admin with its bootstrap token (<code>Auth__BootstrapToken</code>): <Link to="/setup">open the setup screen</Link> and enter it.</p>
      ) : (
        <>
          <p>Look at the console of the host you started: it printed a one-time link, “No admin yet: open http://…/setup#… to create one”. Open it to create the admin. The link works once, for an hour; restarting the host prints a new one.</p>
          <p>For automated deployments, set <code>Auth__BootstrapToken</code> instead and create the admin with <code>POST /api/auth/bootstrap-admin</code>.</p>
        </>
      )}
    </section>
  );
}
