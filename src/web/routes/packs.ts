/**
 * The champions' group's meetings (recorded by practitioners and above) and each meeting's pack:
 * a printable page and the same pack as a PDF (read by everyone who sees the authority; a partner
 * reads the partners' pack, docs/decisions/0032-partner-charts-and-packs.md).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isPartnerPack, type AnyPackDocument } from '../../charts/pack-document.js';
import { parseDate, type PlainDate } from '../../domain/date.js';
import { listMeetings, saveMeeting, appendAudit, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { parseMeetingForm, type FormValues } from '../forms/improvement-forms.js';
import { meetingPackFor } from '../../app/meeting-pack.js';
import { partnerMeetingPackFor } from '../../app/partner-pack.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { MeetingsPage } from '../views/meetings.js';
import { PackPage, PartnerPackPage } from '../views/pack.js';
import { PackMakingPage, type PackMakingModel } from '../views/pack-making.js';
import { HeavyWork } from '../heavy-work.js';
import { again, pdfFile, pdfMakingState, type AskedPdf } from '../pdf-pages.js';

const savedQuery = z.object({ saved: z.string().max(20).optional() });
const packFile = /^(\d{4}-\d{2}-\d{2})(\.pdf)?$/;

/** The pack's page, its PDF file, or the page that shows the PDF being made and then offers it. */
export function packHref(code: string, date: PlainDate, file: 'page' | 'pdf' | 'making' = 'page'): string {
  return authorityPath(code, `/packs/${date.toString()}${file === 'pdf' ? '.pdf' : file === 'making' ? '/pdf' : ''}`);
}

/**
 * The pack of the authority's meeting on `date`, as at that date (or today, for a meeting still to
 * come); null when there is no such meeting. A partner, who may not see children, gets the partners'
 * pack (docs/decisions/0032-partner-charts-and-packs.md); everyone else the team's.
 */
export function packFor(ctx: WebContext, grant: UserGrant, date: PlainDate): Promise<AnyPackDocument | null> {
  return may(grant, 'view') ? meetingPackFor(ctx.connection, ctx.cache, grant, date, ctx.today()) : partnerMeetingPackFor(ctx.connection, ctx.cache, grant, date, ctx.today());
}

/** The PDF job of a pack, as `grant` reads it: keyed by its content (its data version), for its audience. */
function pdfJobOf(grant: UserGrant, pack: AnyPackDocument, date: PlainDate, today: PlainDate): AskedPdf {
  const code = grant.scope.code;
  return {
    key: HeavyWork.pdfKey(grant.scope.id, pack, date.toString()),
    input: { what: 'pack', code, date: date.toString(), audience: isPartnerPack(pack) ? 'partner' : 'team', today: today.toString(), fileName: `meeting-pack-${code}-${date.toString()}.pdf` },
  };
}

export function registerPackRoutes(app: FastifyInstance, ctx: WebContext): void {
  const showMeetings = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, values: FormValues, errors: readonly FieldError[], notice: string | null) => {
    const code = grant.scope.code;
    const meetings = await listMeetings(ctx.connection, grant.scope);
    // A partner opens the partners' packs, not a meeting's own page (its actions' words are not checked there).
    const team = may(grant, 'view');
    return sendPage(
      reply,
      MeetingsPage({
        chrome: chromeOf(request, reply, grant, team ? 'improvement' : 'meetings'),
        forPartner: !team,
        meetings: [...meetings].reverse().map((m) => ({ date: m.date.toString(), href: team ? authorityPath(code, `/meetings/${m.date.toString()}`) : null, title: m.title, packHref: packHref(code, m.date), pdfHref: packHref(code, m.date, 'making') })),
        action: may(grant, 'improve') ? authorityPath(code, '/meetings') : null,
        values,
        errors,
        notice,
        posterHref: authorityPath(code, '/poster'),
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/meetings', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'aggregate');
    const { saved } = savedQuery.parse(request.query);
    return showMeetings(request, reply, grant, {}, [], saved ? `The meeting on ${saved} is saved.` : null);
  });

  app.post<{ Params: { code: string } }>('/a/:code/meetings', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const { values, result } = parseMeetingForm(request.body);
    if (!result.ok) return showMeetings(request, reply, grant, values, result.errors, null);
    await saveMeeting(ctx.connection, grant.scope, result.value, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'add', entity: 'meeting', recordId: result.value.date.toString(), clientIp: request.ip });
    return reply.redirect(`${authorityPath(grant.scope.code, '/meetings')}?saved=${result.value.date.toString()}`, 303);
  });

  app.get<{ Params: { code: string; file: string } }>('/a/:code/packs/:file', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'aggregate');
    const match = packFile.exec(request.params.file);
    const parsed = match ? parseDate(match[1] as string) : null;
    if (!match || !parsed?.ok) throw new HttpError(404, 'Page not found');
    const pack = await packFor(ctx, grant, parsed.value);
    if (!pack) throw new HttpError(404, `There is no meeting on ${parsed.value.toString()}: record it on the meetings page first.`);
    // The partners' pack shows no child, so reading it is not audited (as the overview is not).
    if (!isPartnerPack(pack)) await auditListView(ctx.connection, grant.scope, request, user.username, 'meeting-pack');
    if (match[2]) {
      // Made by a job (in a render thread of whichever process takes it), or made already for this
      // content; the bytes are read from the database, so any process serves a PDF any other made.
      const file = await pdfFile(ctx, grant, user.username, pdfJobOf(grant, pack, parsed.value, ctx.today()));
      if (!file) return reply.redirect(packHref(grant.scope.code, parsed.value, 'making'), 303);
      attachment(reply, file.fileName);
      return reply.type(file.contentType).send(file.bytes);
    }
    const page = { pdfHref: packHref(grant.scope.code, parsed.value, 'making'), back: { href: authorityPath(grant.scope.code, '/meetings'), text: 'Back to the meetings' } };
    if (isPartnerPack(pack)) return sendPage(reply, PartnerPackPage({ pack, ...page }));
    const runChartHref = (aimId: string, drawnFor: 'desk' | 'phone') => authorityPath(grant.scope.code, `/aims/${encodeURIComponent(aimId)}/${drawnFor === 'desk' ? 'run-chart' : 'run-chart-phone'}.svg?as_at=${pack.asAt}`);
    return sendPage(reply, PackPage({ pack, ...page, runChartHref }));
  });

  // The PDF takes seconds to make: this page starts it (or finds it made or being made), shows how
  // far it has got and refreshes itself, then links to the file.
  // (`:file`, not `:date`: one name for the segment both routes share, as the router keeps one.)
  app.get<{ Params: { code: string; file: string }; Querystring: Record<string, string> }>('/a/:code/packs/:file/pdf', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'aggregate');
    const parsed = parseDate(request.params.file);
    if (!parsed.ok) throw new HttpError(404, 'Page not found');
    const pack = await packFor(ctx, grant, parsed.value);
    if (!pack) throw new HttpError(404, `There is no meeting on ${parsed.value.toString()}: record it on the meetings page first.`);
    const state = await pdfMakingState(ctx, grant, user.username, pdfJobOf(grant, pack, parsed.value, ctx.today()), again(request.query));
    const code = grant.scope.code;
    const model: PackMakingModel = {
      title: pack.title,
      state,
      pdfHref: packHref(code, parsed.value, 'pdf'),
      selfHref: packHref(code, parsed.value, 'making'),
      againHref: `${packHref(code, parsed.value, 'making')}?again=1`,
      back: { href: packHref(code, parsed.value), text: 'Back to the pack' },
    };
    return sendPage(reply, PackMakingPage({ chrome: chromeOf(request, reply, grant, may(grant, 'view') ? 'improvement' : 'meetings'), model }));
  });
}
