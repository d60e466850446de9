/** The server's rules for e-mails and passwords (Host/Auth/Credentials.cs), checked as the person types. */

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 128;

export interface Rule {
  /** What the rule asks, in words. */
  label: string;
  ok: boolean;
}

/** The password rules with whether each holds now; the confirmation rule only once something is typed there. */
export function passwordRules(password: string, confirmation: string): Rule[] {
  // string.Length on the server: UTF-16 code units, as here.
  const length = password.length;
  return [
    { label: `At least ${MIN_PASSWORD} characters (now ${length})`, ok: length >= MIN_PASSWORD },
    { label: `At most ${MAX_PASSWORD} characters`, ok: length <= MAX_PASSWORD },
    { label: 'Both passwords are the same', ok: confirmation.length > 0 && confirmation === password },
  ];
}

/** True when every rule holds. */
export function passwordAcceptable(password: string, confirmation: string): boolean {
  return passwordRules(password, confirmation).every((r) => r.ok);
}

/** The token of a setup link: the part after '#', from a whole pasted link or the bare token. */
export function setupTokenFrom(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const token = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/** GET /api/setup/status: whether the first admin is still to be created, and how. */
export interface SetupStatus {
  setupNeeded: boolean;
  /** setup_link: the host printed a one-time link in its console; bootstrap_token: Auth__BootstrapToken is set. */
  method: 'setup_link' | 'bootstrap_token' | null;
}
