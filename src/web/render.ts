/** Pages out: a view rendered to HTML, with its status. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Readable } from 'node:stream';
import { render } from 'preact-render-to-string';
import type { UserGrant } from '../store/index.js';
import { may, type SignedInUser } from './auth/access.js';
import { csrfTokenFor } from './auth/csrf.js';
import { HttpError } from './errors.js';
import type { Chrome, NavItem } from './views/layout.js';
import { partSlotMarkup, type PrerenderedPart } from './views/trusted-svg.js';

/** Sends a page; a page with a `PartSlot` gets the prerendered part's bytes there. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200, part?: PrerenderedPart): FastifyReply {
  const html = `<!doctype html>${render(page)}`;
  reply.code(status).type('text/html; charset=utf-8');
  if (!part) return reply.send(html);
  const at = html.indexOf(partSlotMarkup);
  if (at < 0 || html.indexOf(partSlotMarkup, at + 1) >= 0) throw new Error('a page with a prerendered part needs exactly one PartSlot');
  const head = Buffer.from(html.slice(0, at));
  const tail = Buffer.from(html.slice(at + partSlotMarkup.length));
  reply.header('content-length', head.length + part.bytes.length + tail.length);
  return reply.send(Readable.from([head, part.bytes, tail]));
}

/** The signed-in user; a page reached without one is a bug in the route's registration. */
export function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new HttpError(401, 'Sign in to use pace.');
  return request.user;
}

/** The header and navigation for a page, with a fresh CSRF token for its forms. */
export function chromeOf(request: FastifyRequest, reply: FastifyReply, grant: UserGrant | null = null, active: NavItem | null = null): Chrome {
  const user = request.user;
  // A partner's navigation holds only the pages that show no child (docs/decisions/0027-partner-access.md).
  const partnerOnly = grant !== null && !may(grant, 'view');
  const nav: NavItem[] = partnerOnly ? ['partner', 'poster', 'meetings'] : ['dashboard', 'waiting', 'due', 'children', 'aims', 'improvement', ...(grant && may(grant, 'import') ? (['import', 'quality', 'exports'] as const) : []), ...(grant && may(grant, 'audit') ? (['audit'] as const) : [])];
  return {
    user: user ? { username: user.username, displayName: user.displayName } : null,
    authority: grant ? { code: grant.scope.code, name: grant.authority.name } : null,
    authorities: user ? user.grants.map((g) => ({ code: g.scope.code, name: g.authority.name })) : [],
    csrfToken: csrfTokenFor(request, reply),
    active,
    nav: grant ? nav : [],
  };
}
