/**
 * The web application: server-rendered pages in the Scottish Government Design System and the JSON
 * API, on one Fastify instance. `buildApp` makes it without listening, for `app.inject()` tests;
 * start.ts listens.
 */
import { sql } from 'kysely';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { PlainDate } from '../domain/date.js';
import { listAuthorities, type Connection } from '../store/index.js';
import { registerApi } from './api/plugin.js';
import { registerAssets } from './assets.js';
import { OidcSignIn, type OidcSettings } from './auth/oidc.js';
import { changesState, checkCsrfToken, refuseOtherOrigin } from './auth/csrf.js';
import { registerSessions } from './auth/sessions.js';
import { todayInScotland, type WebContext } from './context.js';
import { answerFrameworkError, registerErrorHandling } from './error-handling.js';
import { FiguresCache } from '../app/figures-cache.js';
import { ImportJobs, uploadsDirFor } from '../app/import-jobs.js';
import { JobQueue } from '../app/job-queue.js';
import { NationalJobs } from '../app/national-figures.js';
import { DigestJobs } from '../app/digests.js';
import { PdfJobs } from '../app/pdf-jobs.js';
import { RenderPool } from '../charts/render-pool.js';
import { HeavyWork } from './heavy-work.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { uploadLimits } from './routes/import.js';
import { registerPages } from './routes/pages.js';
import { fastifyTrustProxy, trustNoProxy, type TrustProxy } from './trust-proxy.js';

export interface AppOptions {
  readonly connection: Connection;
  /** Fastify's log level ('warn' by default from npm start; silent when not given). */
  readonly logLevel?: string;
  /** Today's date, the default as-at; tests fix it. */
  readonly today?: () => PlainDate;
  /** Sign-in attempts allowed per address in each window. */
  readonly signInLimit?: { readonly max: number; readonly timeWindow: number };
  /** The proxies whose X-Forwarded-* headers are believed (TRUST_PROXY; trust-proxy.ts): none when not given. */
  readonly trustProxy?: TrustProxy;
  /** Compute every authority's figures for today once the server is listening, so the first dashboard is quick. */
  readonly warmUp?: boolean;
  /** Single sign-on (OpenID Connect) settings; none, no single sign-on. */
  readonly oidc?: OidcSettings | null;
  /** Where uploaded files wait to be imported; by default the database's own (`uploadsDirFor`). Swept when the app is built. */
  readonly uploadsDir?: string;
  /** Threads that make PNG pictures and PDFs (charts/render-pool.ts); by default one per core but one. */
  readonly renderThreads?: number;
  /** Whether this process runs queued jobs (imports, PDFs) as well as serving pages (default true; app/job-queue.ts). */
  readonly runJobs?: boolean;
  /** A running job with no heartbeat for this long is queued again (default 60 s). */
  readonly jobStaleAfterMs?: number;
  /** How long a page waits for figures being worked out before it shows how far the work has got (default 500 ms). */
  readonly figuresWaitMs?: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logLevel ? { level: options.logLevel } : false, trustProxy: fastifyTrustProxy(options.trustProxy ?? trustNoProxy), bodyLimit: 2 * 1024 * 1024, frameworkErrors: answerFrameworkError });
  const jobs = new JobQueue(options.connection, {
    ...(options.runJobs !== undefined ? { runJobs: options.runJobs } : {}),
    ...(options.jobStaleAfterMs !== undefined ? { staleAfterMs: options.jobStaleAfterMs } : {}),
    onError: (error, what) => app.log.error({ err: error }, `${what} failed`),
  });
  const cache = new FiguresCache(options.connection);
  const heavy = new HeavyWork(new RenderPool({ threads: options.renderThreads }));
  const ctx: WebContext = {
    connection: options.connection,
    cache,
    jobs,
    imports: new ImportJobs(options.connection, options.uploadsDir ?? uploadsDirFor(options.connection, process.env), jobs),
    national: new NationalJobs(options.connection, jobs),
    digests: new DigestJobs(options.connection, jobs),
    pdfs: new PdfJobs(options.connection, jobs, cache, heavy.pool, { forUser: (user, make) => heavy.forUser(user, make) }),
    heavy,
    figuresWaitMs: options.figuresWaitMs ?? 500,
    today: options.today ?? todayInScotland,
    oidc: options.oidc ? new OidcSignIn(options.oidc) : null,
  };

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Observable Plot writes a <style> element and style attributes into each chart.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // The SVG and PNG downloads are same-origin resources; nothing here is meant to be embedded elsewhere.
    crossOriginEmbedderPolicy: false,
    // Nothing to other sites, as before; to pace itself the browser then sends the real Origin on a
    // form post (with no-referrer it sends `Origin: null`, which the origin check must refuse).
    referrerPolicy: { policy: 'same-origin' },
  });
  // Pages, CSV and SVG gzipped for a browser that accepts it: an aim's page is mostly charts' markup
  // (900 KB on the demo, about a tenth of that sent). Those over 128 KiB, and pages sent as a
  // stream, are compressed off the event loop (libuv's threads); one of up to 128 KiB in one call
  // (a child's page of 40 KB in 0.4 ms), not through a stream whose every step waits its turn of a
  // busy event loop (decision 0037). PDFs, PNGs and workbooks are compressed already and go as
  // they are.
  await app.register(fastifyCompress, { encodings: ['gzip'], threshold: 1024, syncThreshold: 128 * 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  // Files are streamed to disk by the one route that takes them (routes/import.ts), within its limits.
  await app.register(fastifyMultipart, { limits: uploadLimits });
  // Counted in the database, so that every process counts the same attempts (rate-limit-store.ts).
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(ctx.connection) });

  // Jobs queued before this process started (by another, or by one that stopped) are taken up now.
  await jobs.start();
  await ctx.imports.sweep();
  app.addHook('onClose', async () => {
    ctx.imports.close();
    await jobs.stop();
    await ctx.heavy.close();
  });
  registerErrorHandling(app);
  registerSessions(app, ctx.connection);
  // Every form is protected (auth/csrf.ts): a state-changing request to a page must not say it came
  // from another origin (checked before its body is read), and must carry the token its form was given.
  app.addHook('onRequest', async (request) => {
    if (changesState(request)) refuseOtherOrigin(request);
  });
  app.addHook('preHandler', async (request) => {
    // An upload's token is the first field of its multipart body: the route checks it before keeping any file.
    if (!changesState(request) || request.routeOptions.config.multipartCsrf === true) return;
    checkCsrfToken(request, csrfTokenOf(request.body));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Pages hold personal information: never kept by a browser or a proxy.
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await registerAssets(app);
  // /health: the process answers (a liveness check). /ready: it can reach its database (a load
  // balancer's readiness check: send it requests only while this says ready).
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.connection.db);
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'not ready', database: 'unreachable' });
    }
  });
  registerPages(app, ctx, options.signInLimit ?? { max: 10, timeWindow: 60_000 });
  await registerApi(app, ctx);
  if (options.warmUp) app.addHook('onListen', async () => void warmUp(ctx, app));
  return app;
}

/** Computes today's figures of every authority, one after another, in the background. */
async function warmUp(ctx: WebContext, app: FastifyInstance): Promise<void> {
  try {
    for (const stored of await listAuthorities(ctx.connection)) await ctx.cache.figures(stored, ctx.today());
  } catch (error) {
    app.log.warn({ err: error }, 'warming the figures failed; they will be computed on first use');
  }
}

function csrfTokenOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('_csrf' in body)) return undefined;
  const token = (body as { _csrf: unknown })._csrf;
  return typeof token === 'string' ? token : undefined;
}
