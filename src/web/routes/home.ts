/**
 * The start page: straight to the dashboard of the user's only authority (or to the national view
 * of a national analyst with no authority), or a choice of them.
 */
import type { FastifyInstance } from 'fastify';
import { isNationalAnalyst } from '../../store/index.js';
import type { WebContext } from '../context.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { HomePage } from '../views/home.js';
import { authorityPath } from '../views/layout.js';

export function registerHomeRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get('/', async (request, reply) => {
    const user = userOf(request);
    const national = await isNationalAnalyst(ctx.connection, user.id);
    const only = user.grants.length === 1 && !national ? user.grants[0] : undefined;
    if (only) return reply.redirect(authorityPath(only.scope.code), 303);
    if (national && user.grants.length === 0) return reply.redirect('/national', 303);
    return sendPage(reply, HomePage({ chrome: chromeOf(request, reply), authorities: user.grants.map((g) => ({ name: g.authority.name, href: authorityPath(g.scope.code) })), nationalHref: national ? '/national' : null }));
  });
}
