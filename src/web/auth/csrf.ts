/**
 * Cross-site request forgery. A state-changing request to a page (any method but GET and HEAD,
 * outside the API, which takes bearer tokens and never cookies) is refused with 403, before its
 * handler runs, when
 *
 * - it says it came from another origin: its `Origin` header, or failing that its `Referer`,
 *   names an origin other than the request's own (the scheme and host it was made to, as the
 *   trusted proxy reports them). `Origin: null` names an opaque origin, never this one. A request
 *   with neither header is left to the token;
 * - it does not carry a token its form was given in this browser's session: a token is a random
 *   salt and an HMAC of it keyed by the session id, which only the browser holds (the database
 *   keeps its hash); before sign-in, keyed by a random secret in a cookie of its own, which
 *   sign-in and sign-out end (sessions.ts). So a token from another session, from before sign-in,
 *   or from a session that has ended is refused, and a new session needs no stored secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { newSecret } from '../../app/secrets.js';
import { cookieName, cookieOptions, preSessionCsrfCookie, sessionIdOf } from './sessions.js';

const refusal = 'This form has expired or did not come from pace. Go back, reload the page and try again.';

interface TokenKey {
  readonly kind: 'session' | 'visitor';
  readonly secret: string;
}

const secretPattern = /^[\w-]{43}$/;
const tokenPattern = /^([\w-]{22})\.([\w-]{43})$/;

/** A pre-session secret made during this request, before its cookie has reached the browser. */
const madeHere = new WeakMap<FastifyRequest, string>();

/** True for a request that must pass both checks. */
export function changesState(request: FastifyRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD' && !request.url.startsWith('/api/');
}

/** A new token for a form in this page; before sign-in, makes the browser's secret when it has none. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  let key = keyOf(request);
  if (!key) {
    const secret = newSecret();
    madeHere.set(request, secret);
    reply.setCookie(cookieName(request, preSessionCsrfCookie), secret, cookieOptions);
    key = { kind: 'visitor', secret };
  }
  const salt = randomBytes(16).toString('base64url');
  return `${salt}.${mac(key, salt)}`;
}

/** Throws 403 unless `token` was made for this request's session (or, before sign-in, this browser). */
export function checkCsrfToken(request: FastifyRequest, token: unknown): void {
  const parts = typeof token === 'string' ? tokenPattern.exec(token) : null;
  const key = keyOf(request);
  if (!parts || !key) throw new HttpError(403, refusal, 'csrf');
  const expected = Buffer.from(mac(key, parts[1] as string));
  const given = Buffer.from(parts[2] as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new HttpError(403, refusal, 'csrf');
}

/** Throws 403 when the request's Origin, or failing that its Referer, names another origin than its own. */
export function refuseOtherOrigin(request: FastifyRequest): void {
  const claimed = claimedOrigin(request);
  if (claimed === null) return;
  const own = ownOrigin(request);
  if (own !== null && claimed === own) return;
  request.log.warn({ origin: claimed, ownOrigin: own }, 'refused a request from another origin (is the proxy passing Host or X-Forwarded-Host and X-Forwarded-Proto, and trusted by TRUST_PROXY?)');
  throw new HttpError(403, refusal, 'csrf');
}

/** What the request's tokens are keyed by: its session's id, or before sign-in the browser's secret. */
function keyOf(request: FastifyRequest): TokenKey | null {
  const sessionId = sessionIdOf(request);
  if (sessionId !== null) return { kind: 'session', secret: sessionId };
  const secret = madeHere.get(request) ?? request.cookies[cookieName(request, preSessionCsrfCookie)];
  return secret !== undefined && secretPattern.test(secret) ? { kind: 'visitor', secret } : null;
}

function mac(key: TokenKey, salt: string): string {
  return createHmac('sha256', key.secret).update(`pace csrf token:${key.kind}:${salt}`).digest('base64url');
}

/** The origin the request names as its own: null when it names none; `null` (a string) for an opaque or unreadable one. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = request.headers.referer;
  return referer !== undefined ? originOf(referer) : null;
}

/** The scheme, host and port the request was made to, honouring only a trusted proxy; null when they are not an http(s) origin. */
function ownOrigin(request: FastifyRequest): string | null {
  const scheme = request.protocol;
  if ((scheme !== 'http' && scheme !== 'https') || request.host === '' || /[/?#@\\]/.test(request.host)) return null;
  const origin = originOf(`${scheme}://${request.host}`);
  return origin === 'null' ? null : origin;
}

function originOf(address: string): string {
  return URL.canParse(address) ? new URL(address).origin : 'null';
}
