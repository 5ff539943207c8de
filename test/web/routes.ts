// Every route the app has registered, read from Fastify's own route tree, so that a test going
// through "every page" cannot miss one added later.
import type { FastifyInstance } from 'fastify';

export interface Route {
  readonly method: string;
  /** As registered, with its parameters: /a/:code/children/:childId */
  readonly url: string;
}

/**
 * Parses `printRoutes({ commonPrefix: true })`: one line a node of the radix tree, indented four
 * characters a level, each node's text the part of the path after its parent's, and the methods
 * it answers in brackets. HEAD is left out: Fastify answers it with the GET handler.
 */
export function registeredRoutes(app: FastifyInstance): Route[] {
  const tree = app.printRoutes({ commonPrefix: true });
  const prefixes: string[] = [];
  const routes: Route[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    const path = (prefixes[depth - 1] ?? '') + (match[2] as string);
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) if (method !== '' && method !== 'HEAD') routes.push({ method, url: path });
  }
  const methodsPrinted = (tree.match(/\b(GET|POST|PUT|DELETE|PATCH|OPTIONS)\b/g) ?? []).length;
  if (routes.length !== methodsPrinted) throw new Error(`read ${routes.length} routes from a tree naming ${methodsPrinted}: the tree's format has changed`);
  return routes.sort((a, b) => (a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1));
}

/** The names of the route's parameters, in order: ['code', 'childId']. */
export function paramsOf(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

/** Routes open to anyone by design, each with the reason; every other route is tested. */
export const publicByDesign: ReadonlyMap<string, string> = new Map([
  ['GET /sign-in', 'the sign-in form'],
  ['POST /sign-in', 'signing in'],
  ['GET /sign-in/oidc', 'starts single sign-on at the identity provider'],
  ['GET /sign-in/oidc/callback', 'where the identity provider sends the browser back'],
  ['GET /health', 'a load balancer’s check: says only "ok"'],
  ['GET /ready', 'a load balancer’s readiness check: says only whether the database answers'],
  ['GET /assets/app.css', 'a stylesheet'],
  ['GET /assets/app.js', 'a script'],
  ['GET /assets/sgds/*', 'the design system’s files'],
  ['GET /calendar/:token.ics', 'a calendar feed: its secret address is its key (test/web/calendar.test.ts)'],
  ['GET /api/openapi.json', 'the OpenAPI document: describes the API, holds no data'],
  ['GET /api/docs', 'the API’s reference page, made from the OpenAPI document: holds no data'],
]);
