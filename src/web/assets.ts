/**
 * Static files: the Scottish Government Design System's built CSS, scripts and icons, served from
 * its package, and pace's own small stylesheet and script. Cached by browsers for a day.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { appCss } from './views/app-css.js';
import { figuresCss } from './views/figures-css.js';

const require = createRequire(import.meta.url);
const designSystemDist = join(dirname(require.resolve('@scottish-government/design-system/package.json')), 'dist');

/**
 * Starts the design system's enhancements; every page works without them. Its tracking is left out:
 * it writes data attributes for an analytics service, which pace does not use, and to do so reads
 * each link's earlier siblings. A run chart is a link a child, all siblings: for an authority of
 * 20,000 children, 13,600 on an aim's page, which Chromium took 16 s more to show.
 */
const appJs = [
  "import DS from '/assets/sgds/scripts/design-system.js';",
  'DS.base.tools.tracking.init = () => {};',
  'DS.initAll();',
  '',
].join('\n');

export async function registerAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: designSystemDist, prefix: '/assets/sgds/', maxAge: '1d', index: false, wildcard: true });
  app.get('/assets/app.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(appCss + figuresCss));
  app.get('/assets/app.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(appJs));
}
