import { useEffect } from 'react';
import { getToken, setUnauthorizedHandler, signOut } from './api/client';
import { Link, match, useRouter } from './router';
import { WorkflowList } from './screens/WorkflowList';
import { Editor } from './screens/Editor';
import { InstanceList } from './screens/InstanceList';
import { InstanceView } from './screens/InstanceView';
import { Tasks } from './screens/Tasks';
import { Rules } from './screens/Rules';
import { Dashboard } from './screens/Dashboard';
import { SignIn } from './screens/SignIn';
import { ResetPassword } from './screens/ResetPassword';
import { Setup } from './screens/Setup';
import { Register } from './screens/Register';
import { Quote, QuoteView } from './screens/Quote';

export function App() {
  const { path, navigate } = useRouter();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!['/sign-in', '/reset-password'].includes(window.location.pathname)) navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  let screen: React.ReactNode;
  let params: Record<string, string> | null;
  if (path === '/' || path === '/workflows') screen = <WorkflowList />;
  else if ((params = match('/workflows/:id', path))) screen = <Editor key={params.id} definitionId={params.id} />;
  else if (path === '/instances') screen = <InstanceList />;
  else if ((params = match('/instances/:id', path))) screen = <InstanceView key={params.id} instanceId={params.id} />;
  else if (path === '/tasks') screen = <Tasks />;
  else if (path === '/rules') screen = <Rules />;
  else if ((params = match('/rules/:name', path))) screen = <Rules name={params.name} />;
  else if (path === '/dashboard') screen = <Dashboard />;
  else if (path === '/sign-in') screen = <SignIn />;
  else if (path === '/reset-password') screen = <ResetPassword />;
  else if (path === '/setup') screen = <Setup />;
  else if (path === '/register') screen = <Register />;
  else if (path === '/quote') screen = <Quote />;
  else if ((params = match('/quotes/:id', path))) screen = <QuoteView key={params.id} quoteId={params.id} />;
  else screen = <div className="page"><h1>Not found</h1><p>No screen at {path}. <Link to="/">Back to workflows</Link></p></div>;

  const signedIn = getToken() !== null;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Sleek Workflows</span>
        <nav aria-label="Main">
          <Link to="/">Workflows</Link>
          <Link to="/instances">Instances</Link>
          <Link to="/tasks">Tasks</Link>
          <Link to="/rules">Rules</Link>
          <Link to="/dashboard">Dashboard</Link>
        </nav>
        <span className="spacer" />
        {signedIn ? (
          <button type="button" className="link-button" onClick={() => { void signOut().then(() => navigate('/sign-in')); }}>Sign out</button>
        ) : (
          <Link to="/sign-in">Sign in</Link>
        )}
      </header>
      <main>{screen}</main>
    </div>
  );
}
