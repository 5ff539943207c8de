/**
 * Sessions: a random id in an HttpOnly cookie, its hash in the database (src/store/sessions.ts),
 * so that any process can serve any request and signing out ends the session everywhere.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSession, deleteExpiredSessions, deleteSession, findSession, grantsOf, type Connection } from '../../store/index.js';
import type { SignedInUser } from './access.js';
import { newSecret, sha256 } from './secrets.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set for pages, never for the API (which uses tokens). */
    user: SignedInUser | null;
    sessionHash: string | null;
  }
}

export const sessionCookie = 'pace_session';
/** A session lasts a working day; then the user signs in again. */
export const sessionHours = 12;

/** HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS (directly or via a trusted proxy). */
export const cookieOptions: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' };

/** Paths that never need to know who is asking. */
function isPublic(url: string): boolean {
  return url.startsWith('/assets/') || url.startsWith('/api/') || url === '/health';
}

export function registerSessions(app: FastifyInstance, connection: Connection): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);
  app.addHook('onRequest', async (request, reply) => {
    if (isPublic(request.url)) return;
    const id = request.cookies[sessionCookie];
    if (!id) return;
    const hash = sha256(id);
    const session = await findSession(connection, hash);
    if (!session || session.userDisabled || session.expiresAt <= new Date().toISOString()) {
      reply.clearCookie(sessionCookie, cookieOptions);
      return;
    }
    request.user = { id: session.userId, username: session.username, displayName: session.displayName, grants: await grantsOf(connection, session.userId) };
    request.sessionHash = hash;
  });
}

/**
 * Signs the user in with a new random session id. Any session the browser already held ends
 * first, so an id planted in the browser before sign-in (session fixation) never becomes signed in.
 */
export async function startSession(connection: Connection, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const now = new Date();
  const presented = request.cookies[sessionCookie];
  if (presented) await deleteSession(connection, sha256(presented));
  await deleteExpiredSessions(connection, now.toISOString());
  const id = newSecret();
  const expires = new Date(now.getTime() + sessionHours * 3600_000);
  await createSession(connection, { idHash: sha256(id), userId, createdAt: now.toISOString(), expiresAt: expires.toISOString() });
  reply.setCookie(sessionCookie, id, { ...cookieOptions, expires });
}

export async function endSession(connection: Connection, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionHash) await deleteSession(connection, request.sessionHash);
  reply.clearCookie(sessionCookie, cookieOptions);
}
