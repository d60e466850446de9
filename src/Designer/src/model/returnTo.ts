/**
 * Where sign-in may send a person back to: only a path of this site. `next` comes from the address bar, so anyone can
 * put anything there (https://evil.example, //evil.example, /\evil.example, javascript:…): a phishing link would sign
 * the person in and hand them to another site. Anything that does not resolve to this origin is ignored.
 */
export function safeReturnTo(next: string | null, origin: string): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = url.pathname + url.search + url.hash;
  return path === '/' || path.startsWith('/sign-in') ? null : path;
}
