/** Words for people: what happened and what to do, from an HTTP status and the server's field errors. */

export function titleFor(status: number | undefined): string {
  switch (status) {
    case undefined: return 'Something went wrong — try again';
    case 0: return 'The server did not answer — check the connection and try again';
    case 400: return 'Some details need fixing — see below, then try again';
    case 401: return 'Your session ended — sign in again';
    case 403: return 'Your role may not do this — ask an admin if you need to';
    case 404: return 'Not found — it may have been removed; go back to the list';
    case 409: return 'Not done: it clashes with the current state — see why below';
    case 413: return 'Too large — send something smaller';
    case 429: return 'Too many requests — wait a moment, then try again';
    default: return status >= 500 ? 'Something went wrong on the server — try again; if it keeps happening, tell an admin' : 'That did not work — see why below';
  }
}

/**
 * "root.activities[2]: activity 'decision1': unreachable…" → "decision1: unreachable…"; other paths keep only
 * their last readable part ("inputs.condition" → "condition"). The full path stays in the technical details.
 */
export function humanFieldError(line: string): string {
  const m = /^([^:]+): (?:activity '([^']+)': )?(.*)$/s.exec(line);
  if (!m) return line;
  const [, field, activity, message] = m;
  const input = /\.inputs\.([A-Za-z0-9_]+)$/.exec(field)?.[1];
  if (activity) return `${activity}${input ? ` · ${input}` : ''}: ${message}`;
  if (field === '$' || field.startsWith('root.')) return message;
  return `${field.split('.').pop()}: ${message}`;
}

/** A definition id the server takes: lower-case letters, digits and dashes; a hint while typing, or null. */
export function definitionIdProblem(id: string): string | null {
  if (id === '') return null;
  if (id.length > 100) return `Too long: ${id.length} characters, at most 100.`;
  if (/[A-Z]/.test(id)) return 'Use lower-case letters: ' + id.toLowerCase();
  if (/\s/.test(id)) return 'No spaces: use dashes, e.g. ' + id.trim().replace(/\s+/g, '-');
  if (id.startsWith('-')) return 'Start with a letter or a digit, not a dash.';
  const bad = [...new Set(id.replace(/[a-z0-9-]/g, ''))];
  if (bad.length > 0) return `Not allowed: ${bad.map((c) => `"${c}"`).join(' ')} — use lower-case letters, digits and dashes.`;
  return null;
}
