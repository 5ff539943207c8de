/**
 * A multi-agency partner's overview of an authority (issue 20, point 3;
 * docs/decisions/0027-partner-access.md), open to everyone with a role there, partners included:
 * the partners' poster as a page of the site. It shows no child, so reading it is not audited.
 */
import type { FastifyInstance } from 'fastify';
import { partnerDriverDiagrams } from '../../app/partner-drivers.js';
import { posterFor } from '../../app/poster.js';
import { everyChild } from '../../domain/child-filter.js';
import { isBefore } from '../../domain/date.js';
import { partnerAsAt } from '../../domain/national/national-period.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { figuresOrWorkingOut } from '../figures-page.js';
import { parseAsAt } from '../forms/as-at.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { authorityPath } from '../views/layout.js';
import { PartnerPage } from '../views/partner.js';
import { posterHref } from './poster.js';

export function registerPartnerRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/partner', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'aggregate');
    const parsed = parseAsAt(request.query.as_at, ctx.today());
    // The figures are as at the end of the last whole month by the day asked for (partnerAsAt).
    const asAt = partnerAsAt(parsed.ok ? parsed.value : ctx.today(), ctx.today());
    const errors = parsed.ok ? [] : [parsed.error];
    if (!(await figuresOrWorkingOut(ctx, request, reply, grant, asAt, everyChild, 'partner'))) return reply;
    // Whoever reads it, it is the partners' view: a team member can see what their partners see.
    const [poster, drivers] = await Promise.all([posterFor(ctx.connection, ctx.cache, grant, asAt, ctx.today(), 'partner'), partnerDriverDiagrams(ctx.connection, grant)]);
    const code = grant.scope.code;
    return sendPage(
      reply,
      PartnerPage({
        chrome: chromeOf(request, reply, grant, 'partner'),
        model: { poster, asAt: { action: authorityPath(code, '/partner'), value: parsed.text, errors }, posterHref: posterHref(code, isBefore(asAt, ctx.today()) ? asAt : null), drivers },
      }),
      errors.length ? 400 : 200,
    );
  });
}
