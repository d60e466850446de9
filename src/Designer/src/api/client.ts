/** Fetch wrapper: JSON in and out, the sign-in token on every call, RFC 7807 problems as ApiError. */

const TOKEN_KEY = 'sleek.token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
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

export async function api<T>(path: string, init: { method?: string; body?: unknown; raw?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, body });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: `The server did not answer: ${(e as Error).message}` });
  }
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
