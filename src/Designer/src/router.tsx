import { createContext, useContext, useEffect, useRef, useState, type ReactNode, type MouseEvent } from 'react';

/** navigate(to, { force: true }) skips the unsaved-work prompt (the sign-in redirect: the edit is kept locally). */
export interface NavigateOptions { force?: boolean; replace?: boolean }

/** A small history-API router: the Host's SPA fallback serves index.html for these paths. */
const RouterContext = createContext<{ path: string; search: string; navigate: (to: string, options?: NavigateOptions) => void }>({
  path: '/', search: '', navigate: () => {},
});

/** Screens with unsaved work register a question here; any navigation asks it first. */
const prompts = new Set<{ message: string }>();

function mayLeave(): boolean {
  for (const p of prompts) if (!window.confirm(p.message)) return false;
  return true;
}

/** While `message` is not null, leaving the screen (a link, back, closing the tab) asks the person first. */
export function useLeavePrompt(message: string | null): void {
  useEffect(() => {
    if (message === null) return;
    const entry = { message };
    prompts.add(entry);
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = message; };
    window.addEventListener('beforeunload', warn);
    return () => { prompts.delete(entry); window.removeEventListener('beforeunload', warn); };
  }, [message]);
}

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState({ path: window.location.pathname, search: window.location.search });
  const shown = useRef(location);
  shown.current = location;
  useEffect(() => {
    const onPop = () => {
      // Back/forward has already moved the URL: put it back unless the person agrees to leave.
      if (prompts.size > 0 && !mayLeave()) {
        window.history.pushState(null, '', shown.current.path + shown.current.search);
        return;
      }
      setLocation({ path: window.location.pathname, search: window.location.search });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string, options: NavigateOptions = {}) => {
    const url0 = new URL(to, window.location.origin);
    const leaving = url0.pathname !== shown.current.path;
    if (leaving && !options.force && !mayLeave()) return;
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    const url = new URL(to, window.location.origin);
    setLocation({ path: url.pathname, search: url.search });
    window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter() {
  return useContext(RouterContext);
}

/** Matches "/workflows/:id" against a path; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

export function Link({ to, children, className, ariaLabel }: { to: string; children: ReactNode; className?: string; ariaLabel?: string }) {
  const { navigate, path } = useRouter();
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  const current = path === to || (to !== '/' && path.startsWith(to + '/'));
  return (
    <a href={to} onClick={onClick} className={className} aria-label={ariaLabel} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
