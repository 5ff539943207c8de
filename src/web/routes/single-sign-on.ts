/**
 * Signing in through the deployment's identity provider (OpenID Connect): the start sends the
 * browser to the provider with a fresh state, nonce and PKCE challenge, kept in the database under
 * a random id in a short-lived cookie; the callback takes them back (once), lets openid-client
 * check the answer, and signs in the pace user linked to the provider's subject. A user is linked
 * by an administrator beforehand: `pace user add … --oidc-subject SUB`, or `--email ADDRESS` to be
 * linked on their first sign-in when the provider vouches for that address (docs/security.md).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUserByOidcSubject, grantsOf, isNationalAnalyst, linkOidcSubjectByEmail, savePendingSignIn, takePendingSignIn } from '../../store/index.js';
import { oidcCallbackPath, oidcStartPath, OidcSignIn } from '../auth/oidc.js';
import { safeNext } from '../auth/safe-next.js';
import { newSecret, sha256 } from '../../app/secrets.js';
import { cookieOptions, startSession } from '../auth/sessions.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { chromeOf, sendPage } from '../render.js';
import { ErrorPage } from '../views/sign-in.js';

/** The cookie naming a sign-in in progress, and how long it may take at the provider. */
export const pendingCookie = 'pace_oidc';
const pendingMinutes = 10;
const pendingCookieOptions = { ...cookieOptions, path: oidcStartPath };

export function registerSingleSignOnRoutes(app: FastifyInstance, ctx: WebContext, signInLimit: { max: number; timeWindow: number }): void {
  const oidcOrNotFound = (): OidcSignIn => {
    if (!ctx.oidc) throw new HttpError(404, 'Page not found');
    return ctx.oidc;
  };

  app.get<{ Querystring: { next?: string } }>(oidcStartPath, { config: { rateLimit: signInLimit } }, async (request, reply) => {
    const oidc = oidcOrNotFound();
    const checks = OidcSignIn.newChecks();
    let url: URL;
    try {
      url = await oidc.authorizationUrl(checks);
    } catch (error) {
      request.log.warn({ err: error }, 'the identity provider could not be reached');
      return sendProblem(request, reply, 502, 'Your organisation’s sign-in service cannot be reached', 'pace could not reach your organisation’s sign-in service. Try again in a few minutes, or sign in with a pace username and password if you have one.');
    }
    const id = newSecret();
    const next = safeNext(typeof request.query.next === 'string' ? request.query.next : undefined);
    await savePendingSignIn(ctx.connection, sha256(id), { ...checks, next }, new Date(Date.now() + pendingMinutes * 60_000).toISOString());
    reply.setCookie(pendingCookie, id, { ...pendingCookieOptions, maxAge: pendingMinutes * 60 });
    return reply.redirect(url.href, 303);
  });

  app.get(oidcCallbackPath, { config: { rateLimit: signInLimit } }, async (request, reply) => {
    const oidc = oidcOrNotFound();
    const id = request.cookies[pendingCookie];
    reply.clearCookie(pendingCookie, pendingCookieOptions);
    const pending = id ? await takePendingSignIn(ctx.connection, sha256(id)) : null;
    if (!pending) return refuse(request, reply, 'This sign-in did not start here, or took too long. Nobody has been signed in. Start again from the sign-in page.');
    let identity: Awaited<ReturnType<OidcSignIn['finish']>>;
    try {
      identity = await oidc.finish(queryOf(request.url), pending);
    } catch (error) {
      // The reason goes to the log (never the token itself); the person sees that it was refused.
      request.log.warn({ err: error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: unknown }).code } : String(error) }, 'single sign-on refused');
      return refuse(request, reply, 'pace could not trust the answer from your organisation’s sign-in service, so nobody has been signed in. Start again from the sign-in page; if it happens again, tell the people who run pace.');
    }
    const user = (await findUserByOidcSubject(ctx.connection, identity.subject)) ?? (identity.verifiedEmail ? await linkOidcSubjectByEmail(ctx.connection, identity.verifiedEmail, identity.subject) : null);
    const hasRole = user !== null && !user.disabled && ((await grantsOf(ctx.connection, user.id)).length > 0 || (await isNationalAnalyst(ctx.connection, user.id)));
    if (!user || !hasRole) {
      return sendProblem(
        request,
        reply,
        403,
        'You do not have access to pace',
        `Your organisation’s sign-in service knows you, but you have no role in pace, so you have not been signed in. Ask your pace administrator to give you access, quoting this reference: ${identity.subject}`,
      );
    }
    await startSession(ctx.connection, request, reply, user.id);
    return reply.redirect(pending.next, 303);
  });
}

function refuse(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  return sendProblem(request, reply, 401, 'Single sign-on did not work', message);
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  return sendPage(reply, ErrorPage({ chrome: chromeOf(request, reply), title, message }), status);
}

/** The query string of a request's address, without its `?`. */
function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}
