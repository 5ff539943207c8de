/**
 * Where to go after signing in (`next`, from the sign-in address, its form, or a single sign-on
 * start): only a path on this site. A value is read the way a browser on one of pace's pages
 * would read it, by the URL parser, and only its path and query are kept, so what pace sends back
 * in `Location` is always an address on its own origin, in plain ASCII.
 */

/**
 * The origin `next` is resolved against. Any origin of the same scheme resolves a path exactly as
 * pace's own does, and this one cannot be named by a request (the Host header is the client's to
 * choose); only a path and query are ever kept, so the origin itself never reaches `Location`.
 */
const base = 'https://pace.invalid';
const startPage = '/';

/**
 * Refused before parsing: every C0 control character and DEL (a browser drops tab, CR and LF from
 * an address, so `/\t/evil.example` becomes `//evil.example`; CR and LF cannot be sent in a
 * header at all), and the backslash (a browser reads `/\evil.example` as `//evil.example`).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses.
const refused = /[\u0000-\u001f\u007f\\]/;

/** `next` as a path and query on this site, or the start page when it is anything else. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || refused.test(next)) return startPage;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return startPage;
  }
  // `//host` names another origin; `/.//host` and `/a/../..//host` are same-origin but resolve to
  // the path `//host`, which a browser would read as another origin again.
  if (url.origin !== base || url.pathname.startsWith('//')) return startPage;
  return `${url.pathname}${url.search}`;
}
