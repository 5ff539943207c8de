/** Every page: sign-in is open; everything else needs a signed-in user. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { registerAimRoutes } from './aims.js';
import { registerAuthRoutes } from './auth.js';
import { registerDashboardRoutes } from './dashboard.js';
import { registerChildrenRoutes } from './children.js';
import { registerHomeRoutes } from './home.js';
import { registerImportRoutes } from './import.js';
import { registerQualityRoutes } from './quality.js';
import { registerRecordRoutes } from './records.js';
import { registerTimelineRoutes } from './timelines.js';
import { registerWaitingRoutes } from './waiting.js';

export function registerPages(app: FastifyInstance, ctx: WebContext, signInLimit: { max: number; timeWindow: number }): void {
  registerAuthRoutes(app, ctx, signInLimit);
  void app.register(async (pages) => {
    pages.addHook('preHandler', async (request, reply) => {
      if (request.user) return;
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/sign-in${next}`, 303);
    });
    registerHomeRoutes(pages, ctx);
    registerDashboardRoutes(pages, ctx);
    registerWaitingRoutes(pages, ctx);
    registerRecordRoutes(pages, ctx);
    registerChildrenRoutes(pages, ctx);
    registerAimRoutes(pages, ctx);
    registerImportRoutes(pages, ctx);
    registerQualityRoutes(pages, ctx);
    registerTimelineRoutes(pages, ctx);
  });
}
