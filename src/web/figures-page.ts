/**
 * The figures a page shows, or — when they are not ready within a moment — the "working out the
 * figures" page in its place (issue 18, point 3). Figures for an as-at date (and a team, locality or
 * worker) nobody has asked for since the data last changed are worked out a part at a time
 * (app/figures-cache.ts); a reader is not kept waiting on a blank screen meanwhile: they see how far
 * the work has got, and the page refreshes itself until their page is ready.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthorityFigures } from '../app/authority-figures.js';
import type { ChildFilter } from '../domain/child-filter.js';
import { longDate, type PlainDate } from '../domain/date.js';
import type { UserGrant } from '../store/index.js';
import type { WebContext } from './context.js';
import { chromeOf, sendPage } from './render.js';
import type { NavItem } from './views/layout.js';
import { WorkingOutPage } from './views/working-out.js';

/** The figures, or null once the working-out page has been sent (the route returns the reply). */
export async function figuresOrWorkingOut(ctx: WebContext, request: FastifyRequest, reply: FastifyReply, grant: UserGrant, asAt: PlainDate, filter: ChildFilter, section: NavItem): Promise<AuthorityFigures | null> {
  const found = await ctx.cache.figuresWithin(grant, asAt, filter, ctx.figuresWaitMs);
  if ('figures' in found) return found.figures;
  const of = [filter.team && `team ${filter.team}`, filter.locality && `locality ${filter.locality}`, filter.worker && `worker ${filter.worker}`].filter((part) => part);
  const whose = `${grant.authority.name}${of.length > 0 ? ` (${of.join(', ')})` : ''} as at ${longDate(asAt)}`;
  // 202: accepted, not yet done. The page asks again by itself.
  sendPage(reply, WorkingOutPage({ chrome: chromeOf(request, reply, grant, section), model: { whose, progress: found.progress, selfHref: request.url } }), 202);
  return null;
}
