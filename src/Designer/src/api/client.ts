/**
 * Fetch wrapper: JSON in and out, the sign-in token on every call, RFC 7807 problems as ApiError. An access token
 * lasts minutes; when a call answers 401 the client exchanges the refresh token for new ones (once, shared by
 * every call waiting) and repeats the call, so an edit is never lost to an expired token.
 */

const TOKEN_KEY = 'sleek.token';
const REFRESH_KEY = 'sleek.refresh';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Sets (or with null clears) the access token; clearing also forgets the refresh token. */
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  }
}

/** The tokens of a sign-in or refresh answer. */
export interface SignInAnswer {
  status: 'signed_in' | 'two_factor_required' | 'two_factor_enrolment_required';
  accessToken?: string | null;
  refreshToken?: string | null;
  challenge?: string | null;
  role?: string | null;
}

export function setTokens(answer: SignInAnswer): void {
  if (!answer.accessToken) throw new Error('The server answered without a token.');
  sessionStorage.setItem(TOKEN_KEY, answer.accessToken);
  if (answer.refreshToken) sessionStorage.setItem(REFRESH_KEY, answer.refreshToken);
}

/** One refresh at a time: calls that fail together wait for the same new token. */
let refreshing: Promise<boolean> | null = null;

export function refreshTokens(): Promise<boolean> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!response.ok) return false;
      setTokens((await response.json()) as SignInAnswer);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Signs out: ends the session on the server (its tokens stop working at once), then forgets the tokens. */
export async function signOut(): Promise<void> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  setToken(null);
  if (refreshToken) {
    try {
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
    } catch {
      // Offline: the tokens are gone from this tab anyway and the session runs out by itself.
    }
  }
}

/** Called on 401 so the app can show the sign-in screen. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]> | { field: string; message: string; activityId?: string }[];
  current?: unknown;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The field errors as "field: message" lines. */
  get fieldErrors(): string[] {
    const e = this.problem.errors;
    if (!e) return [];
    if (Array.isArray(e)) return e.map((x) => `${x.field}: ${x.message}`);
    return Object.entries(e).flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));
  }
}

/** The messages per field of a refused form (problem details' `errors` object); empty for any other error. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return error instanceof ApiError && error.problem.errors && !Array.isArray(error.problem.errors) ? error.problem.errors : {};
}

/**
 * `idempotencyKey` is sent as the Idempotency-Key header: the server runs the first request with a key once and
 * answers a repeat (a double click, a retry after a dropped connection) with the first answer. See useActionKey.
 * `sent` is the GET's first request, already sent (by the page's early script, see src/earlyEditor.ts): its answer is
 * taken as this call's own (a 401 is refreshed and asked again as usual), and if it failed the call asks again.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; raw?: boolean; idempotencyKey?: string; sent?: Promise<Response> } = {}): Promise<T> {
  // A FormData body (a file upload) goes as multipart/form-data: the browser sets its Content-Type with the boundary.
  let body: string | FormData | undefined;
  if (init.body !== undefined) body = typeof init.body === 'string' || init.body instanceof FormData ? init.body : JSON.stringify(init.body);
  const send = async (): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
    try {
      return await fetch(path, { method: init.method ?? 'GET', headers, body });
    } catch (e) {
      throw new ApiError(0, { title: 'Network error', detail: `The server did not answer: ${(e as Error).message}` });
    }
  };
  let response = init.sent ? await init.sent.catch(() => send()) : await send();
  // An expired access token: refresh silently and send the same call again (sign-in calls answer 401 for themselves).
  if (response.status === 401 && getToken() && !path.startsWith('/api/auth/') && (await refreshTokens())) response = await send();
  const text = await response.text();
  let json: unknown = undefined;
  if (text !== '') {
    try { json = JSON.parse(text); } catch { json = text; }
  }
  if (!response.ok) {
    if (response.status === 401 && onUnauthorized) onUnauthorized();
    const problem: Problem = typeof json === 'object' && json !== null ? (json as Problem) : { title: response.statusText, detail: typeof json === 'string' && json !== '' ? json : `HTTP ${response.status} ${response.statusText}` };
    if (problem.status === undefined) problem.status = response.status;
    throw new ApiError(response.status, problem);
  }
  return (init.raw ? text : json) as T;
}

/** True when the error means "this API is not on the server yet" (404/405 on a route that does not exist). */
export function isMissingApi(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 404 || e.status === 405) && !e.problem.detail;
}
