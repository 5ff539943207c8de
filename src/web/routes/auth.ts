/** Signing in and out. Sign-in is rate-limited per address; a failed attempt says no more than that it failed. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findUser } from '../../store/index.js';
import { oidcStartPath } from '../auth/oidc.js';
import { safeNext } from '../auth/safe-next.js';
import { decoyHash, isPasswordHash, verifyPassword } from '../../app/secrets.js';
import { endSession, startSession } from '../auth/sessions.js';
import type { WebContext } from '../context.js';
import { chromeOf, sendPage } from '../render.js';
import type { FieldError } from '../views/components.js';
import { SignInPage } from '../views/sign-in.js';
import { registerSingleSignOnRoutes } from './single-sign-on.js';

const signInForm = z.object({
  username: z.string().trim().max(200).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().max(2000).default('/'),
});

export function registerAuthRoutes(app: FastifyInstance, ctx: WebContext, signInLimit: { max: number; timeWindow: number }): void {
  /** The single sign-on button's address, carrying where to go next; null when there is no single sign-on. */
  const ssoHref = (next: string) => (ctx.oidc ? `${oidcStartPath}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}` : null);

  app.get<{ Querystring: { next?: string } }>('/sign-in', async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.user) return reply.redirect(next, 303);
    return sendPage(reply, SignInPage({ chrome: chromeOf(request, reply), username: '', next, errors: [], ssoHref: ssoHref(next) }));
  });

  app.post('/sign-in', { config: { rateLimit: signInLimit } }, async (request, reply) => {
    const form = signInForm.parse(request.body ?? {});
    const next = safeNext(form.next);
    const errors: FieldError[] = [];
    if (form.username === '') errors.push({ field: 'username', message: 'Enter your username' });
    if (form.password === '') errors.push({ field: 'password', message: 'Enter your password' });
    if (errors.length === 0) {
      const user = await findUser(ctx.connection, form.username);
      // Check a decoy when there is no such user (or they sign in only through single sign-on), so the answer takes as long either way.
      const usable = user !== null && isPasswordHash(user.passwordHash);
      const matches = await verifyPassword(form.password, usable ? user.passwordHash : await decoyHash());
      if (user && usable && matches && !user.disabled) {
        await startSession(ctx.connection, request, reply, user.id);
        return reply.redirect(next, 303);
      }
      errors.push({ field: 'username', message: 'The username or password is not right' });
    }
    return sendPage(reply, SignInPage({ chrome: chromeOf(request, reply), username: form.username, next, errors, ssoHref: ssoHref(next) }), 401);
  });

  registerSingleSignOnRoutes(app, ctx, signInLimit);

  app.post('/sign-out', async (request, reply) => {
    await endSession(ctx.connection, request, reply);
    return reply.redirect('/sign-in', 303);
  });
}
