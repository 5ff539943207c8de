/** Every page: sign-in is open; everything else needs a signed-in user. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { registerAimRoutes } from './aims.js';
import { registerAimGroupRoutes } from './aim-groups.js';
import { registerAuditRoutes } from './audit.js';
import { registerBalancingRoutes } from './balancing.js';
import { registerBreakdownRoutes } from './breakdown.js';
import { registerDriverRoutes } from './drivers.js';
import { registerImprovementRoutes } from './improvement.js';
import { registerLibraryRoutes } from './library.js';
import { registerMeetingRoutes } from './meeting.js';
import { registerPackRoutes } from './packs.js';
import { registerPosterRoutes } from './poster.js';
import { registerPartnerRoutes } from './partner.js';
import { registerAuthRoutes } from './auth.js';
import { registerCalendarRoutes } from './calendar.js';
import { registerDashboardRoutes } from './dashboard.js';
import { registerDueRoutes } from './due.js';
import { registerExportRoutes } from './exports.js';
import { registerChildrenRoutes } from './children.js';
import { registerHelpRoutes } from './help.js';
import { registerHomeRoutes } from './home.js';
import { registerImportRoutes } from './import.js';
import { registerJourneyRoutes } from './journeys.js';
import { registerNationalRoutes } from './national.js';
import { registerQualityRoutes } from './quality.js';
import { registerRecordRoutes } from './records.js';
import { registerTimelineRoutes } from './timelines.js';
import { registerWaitingRoutes } from './waiting.js';

export function registerPages(app: FastifyInstance, ctx: WebContext, signInLimit: { max: number; timeWindow: number }): void {
  registerAuthRoutes(app, ctx, signInLimit);
  // A calendar feed is read by calendar programs, which cannot sign in: its secret address is the key.
  registerCalendarRoutes(app, ctx);
  void app.register(async (pages) => {
    pages.addHook('preHandler', async (request, reply) => {
      if (request.user) return;
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/sign-in${next}`, 303);
    });
    registerHomeRoutes(pages, ctx);
    registerHelpRoutes(pages, ctx);
    registerDashboardRoutes(pages, ctx);
    registerJourneyRoutes(pages, ctx);
    registerBreakdownRoutes(pages, ctx);
    registerWaitingRoutes(pages, ctx);
    registerDueRoutes(pages, ctx);
    registerRecordRoutes(pages, ctx);
    registerChildrenRoutes(pages, ctx);
    registerAimRoutes(pages, ctx);
    registerImportRoutes(pages, ctx);
    registerQualityRoutes(pages, ctx);
    registerTimelineRoutes(pages, ctx);
    registerExportRoutes(pages, ctx);
    registerNationalRoutes(pages, ctx);
    registerAuditRoutes(pages, ctx);
    registerImprovementRoutes(pages, ctx);
    registerDriverRoutes(pages, ctx);
    registerLibraryRoutes(pages, ctx);
    registerPackRoutes(pages, ctx);
    registerMeetingRoutes(pages, ctx);
    registerAimGroupRoutes(pages, ctx);
    registerPosterRoutes(pages, ctx);
    registerPartnerRoutes(pages, ctx);
    registerBalancingRoutes(pages, ctx);
  });
}
