/**
 * Sessions: a random id in an HttpOnly cookie, its hash in the database (src/store/sessions.ts),
 * so that any process can serve any request and signing out ends the session everywhere.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSession, deleteExpiredSessions, deleteSession, findSession, grantsOfSession, type Connection } from '../../store/index.js';
import type { SignedInUser } from './access.js';
import { newSecret, sha256 } from '../../app/secrets.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set for pages, never for the API (which uses tokens). */
    user: SignedInUser | null;
    sessionHash: string | null;
  }
}

export const sessionCookie = 'pace_session';
/** Before sign-in, the secret the sign-in form's CSRF token is made from (csrf.ts); sign-in and sign-out end it. */
export const preSessionCsrfCookie = 'pace_csrf';
/** A session lasts a working day; then the user signs in again. */
export const sessionHours = 12;

/** HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS (directly or via a trusted proxy). */
export const cookieOptions: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' };

/**
 * A cookie's name for this request: over TLS with the `__Host-` prefix, which a browser accepts
 * only from a secure origin, marked Secure, for Path=/ and with no Domain, so that neither a
 * neighbouring subdomain nor anyone on plain HTTP can set it (cookieOptions gives all three).
 */
export function cookieName(request: FastifyRequest, name: string): string {
  return request.protocol === 'https' ? `__Host-${name}` : name;
}

/** Paths that never need to know who is asking. */
function isPublic(url: string): boolean {
  return url.startsWith('/assets/') || url.startsWith('/api/') || url === '/health';
}

export function registerSessions(app: FastifyInstance, connection: Connection): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);
  app.addHook('onRequest', async (request, reply) => {
    if (isPublic(request.url)) return;
    const name = cookieName(request, sessionCookie);
    const id = request.cookies[name];
    if (!id) return;
    const hash = sha256(id);
    // The session and its user's grants asked at once: one round trip to the database, not two, before every page.
    const [session, grants] = await Promise.all([findSession(connection, hash), grantsOfSession(connection, hash)]);
    if (!session || session.userDisabled || session.expiresAt <= new Date().toISOString()) {
      reply.clearCookie(name, cookieOptions);
      return;
    }
    request.user = { id: session.userId, username: session.username, displayName: session.displayName, grants };
    request.sessionHash = hash;
  });
}

/** The id of the request's session, as its cookie holds it; null when it has no live session. */
export function sessionIdOf(request: FastifyRequest): string | null {
  return request.sessionHash === null ? null : (request.cookies[cookieName(request, sessionCookie)] ?? null);
}

/**
 * Signs the user in with a new random session id. Any session the browser already held ends
 * first, so an id planted in the browser before sign-in (session fixation) never becomes signed in;
 * the secret of the sign-in form's CSRF token ends too (from now on tokens are the session's).
 */
export async function startSession(connection: Connection, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const now = new Date();
  const name = cookieName(request, sessionCookie);
  const presented = request.cookies[name];
  if (presented) await deleteSession(connection, sha256(presented));
  await deleteExpiredSessions(connection, now.toISOString());
  endPreSessionCsrfSecret(request, reply);
  const id = newSecret();
  const expires = new Date(now.getTime() + sessionHours * 3600_000);
  await createSession(connection, { idHash: sha256(id), userId, createdAt: now.toISOString(), expiresAt: expires.toISOString() });
  reply.setCookie(name, id, { ...cookieOptions, expires });
}

/** Ends the session everywhere, and with it every CSRF token it was given. */
export async function endSession(connection: Connection, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionHash) await deleteSession(connection, request.sessionHash);
  endPreSessionCsrfSecret(request, reply);
  reply.clearCookie(cookieName(request, sessionCookie), cookieOptions);
}

function endPreSessionCsrfSecret(request: FastifyRequest, reply: FastifyReply): void {
  const name = cookieName(request, preSessionCsrfCookie);
  if (request.cookies[name] !== undefined) reply.clearCookie(name, cookieOptions);
}
