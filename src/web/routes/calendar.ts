/**
 * A worker's calendar feed at its secret address: no sign-in, the token in the address is the key.
 * An unknown or revoked token is a plain "not found", like any other missing page.
 */
import type { FastifyInstance } from 'fastify';
import { childrenDue, isAllocatedTo } from '../../domain/reminders/due-list.js';
import { resolveSchedule } from '../../domain/reminders/schedule.js';
import { findCalendarFeed, listScheduleRules } from '../../store/index.js';
import { calendarIcs } from '../calendar/calendar-ics.js';
import { calendarTokenHash } from '../../app/calendar-feeds.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';

/** A feed's token: 32 random bytes in base64url. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function registerCalendarRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { token: string } }>('/calendar/:token.ics', async (request, reply) => {
    const { token } = request.params;
    const feed = tokenPattern.test(token) ? await findCalendarFeed(ctx.connection, calendarTokenHash(token)) : null;
    if (!feed) throw new HttpError(404, 'Page not found');
    const asAt = ctx.today();
    const figures = await ctx.cache.figures(feed.authority, asAt);
    const [records, rules] = await Promise.all([ctx.cache.records(feed.authority, figures), listScheduleRules(ctx.connection, feed.authority.scope)]);
    const schedule = resolveSchedule(
      rules,
      figures.aims.map((a) => a.aim),
    );
    const children = childrenDue(
      records.filter((r) => isAllocatedTo(r.child, { worker: feed.worker })),
      schedule,
      asAt,
      0,
    );
    const ics = calendarIcs({ authorityCode: feed.authority.scope.code, authorityName: feed.authority.authority.name, worker: feed.worker, asAt, children });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="pace-due.ics"').send(ics);
  });
}
