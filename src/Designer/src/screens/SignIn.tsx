import { useState } from 'react';
import { ApiError, api, setTokens, type SignInAnswer } from '../api/client';
import { homeOf } from '../model/roles';
import { safeReturnTo } from '../model/returnTo';
import { useApi } from '../api/useApi';
import { ErrorBox } from '../components/Feedback';
import type { SetupStatus } from '../model/credentials';
import { Link, useRouter } from '../router';

type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'enrol'; challenge: string; secret?: string; uri?: string }
  | { kind: 'codes'; codes: string[]; answer: SignInAnswer };

/**
 * POST /api/auth/login, then the second step when the account has two-factor sign-in (a code from the authenticator
 * app, or a recovery code), or its enrolment when staff must have it. The tokens are kept in sessionStorage.
 */
export function SignIn() {
  const { search, navigate } = useRouter();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const setup = useApi<SetupStatus>('/api/setup/status');
  const done = (answer: SignInAnswer) => {
    setTokens(answer);
    // Back where the person was headed, unless that was just the start page: then to their role's own work.
    // Only a path of this site: ?next= comes from a link anyone can write (no open redirect).
    const next = safeReturnTo(new URLSearchParams(search).get('next'), window.location.origin);
    navigate(next ?? homeOf(answer.role ?? undefined));
  };
  const attempt = (work: () => Promise<void>) => async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 405) && !err.problem.detail) setMissing(true);
      else setError(err);
    }
  };

  const next = async (answer: SignInAnswer) => {
    setCode('');
    if (answer.status === 'two_factor_required') setStep({ kind: 'code', challenge: answer.challenge! });
    else if (answer.status === 'two_factor_enrolment_required') {
      const setup = await api<{ secret: string; otpauthUri: string }>('/api/auth/login/two-factor/setup', { method: 'POST', body: { challenge: answer.challenge } });
      setStep({ kind: 'enrol', challenge: answer.challenge!, secret: setup.secret, uri: setup.otpauthUri });
    } else done(answer);
  };

  const submitPassword = attempt(async () => next(await api<SignInAnswer>('/api/auth/login', { method: 'POST', body: { email, password } })));
  const submitCode = attempt(async () => {
    if (step.kind !== 'code') return;
    const body = useRecovery ? { challenge: step.challenge, recoveryCode: code } : { challenge: step.challenge, code: code.trim() };
    done(await api<SignInAnswer>('/api/auth/login/two-factor', { method: 'POST', body }));
  });
  const submitEnrolment = attempt(async () => {
    if (step.kind !== 'enrol') return;
    const r = await api<{ recoveryCodes: string[]; signIn: SignInAnswer }>('/api/auth/login/two-factor/confirm', { method: 'POST', body: { challenge: step.challenge, code: code.trim() } });
    setStep({ kind: 'codes', codes: r.recoveryCodes, answer: r.signIn });
  });

  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      {setup.data?.setupNeeded && <NoAdminYet method={setup.data.method} />}
      {missing && <div className="note" role="status">This server has no sign-in yet (<code>POST /api/auth/login</code> is not there): every screen is open without one.</div>}
      {step.kind === 'password' && (
        <form className="card" onSubmit={submitPassword} aria-label="Sign in">
          <div className="input-row"><label htmlFor="signin-email">Email</label><input id="signin-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required /></div>
          <div className="input-row"><label htmlFor="signin-password">Password</label><input id="signin-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></div>
          <ErrorBox error={error} title="Sign-in failed" />
          <button type="submit" className="primary">Sign in</button>
          <p><Link to="/reset-password">Forgot your password?</Link></p>
        </form>
      )}
      {step.kind === 'code' && (
        <form className="card" onSubmit={submitCode} aria-label="Second step">
          <p>{useRecovery ? 'Enter one of your recovery codes. Each works once.' : 'Enter the six-digit code your authenticator app shows for Sleek Workflows.'}</p>
          {useRecovery ? (
            <div className="input-row"><label htmlFor="signin-recovery">Recovery code</label><input id="signin-recovery" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} required /></div>
          ) : (
            <div className="input-row"><label htmlFor="signin-code">Code</label><input id="signin-code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" value={code} onChange={(e) => setCode(e.target.value)} required /></div>
          )}
          <ErrorBox error={error} title="Sign-in failed" />
          <button type="submit" className="primary">Continue</button>
          <p><button type="button" className="link-button" onClick={() => { setUseRecovery(!useRecovery); setCode(''); setError(null); }}>{useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}</button></p>
        </form>
      )}
      {step.kind === 'enrol' && (
        <form className="card" onSubmit={submitEnrolment} aria-label="Set up two-factor sign-in">
          <h2>Set up two-factor sign-in</h2>
          <p>Your account needs a second step at sign-in. Add it to an authenticator app (open the link on your phone, or type the key), then enter the code it shows.</p>
          <p>Key: <code data-testid="two-factor-secret">{step.secret}</code></p>
          {step.uri && <p><a href={step.uri}>Open in an authenticator app</a></p>}
          <div className="input-row"><label htmlFor="enrol-code">Code from the app</label><input id="enrol-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required /></div>
          <ErrorBox error={error} title="Could not turn two-factor sign-in on" />
          <button type="submit" className="primary">Turn on</button>
        </form>
      )}
      {step.kind === 'codes' && (
        <div className="card" role="region" aria-label="Recovery codes">
          <h2>Keep your recovery codes</h2>
          <p>Each code signs you in once without the app. Store them somewhere safe: they are shown only now.</p>
          <ul className="recovery-codes" data-testid="recovery-codes">{step.codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
          <button type="button" className="primary" onClick={() => done(step.answer)}>I have saved them, continue</button>
        </div>
      )}
      {step.kind === 'password' && (
        <nav className="first-run-links" aria-label="Without an account">
          <Link to="/quote">Ask for a quote (no account needed)</Link>
          <Link to="/register">Create an account (buyers and suppliers)</Link>
        </nav>
      )}
    </div>
  );
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
