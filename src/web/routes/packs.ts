/**
 * The champions' group's meetings (recorded by practitioners and above) and each meeting's pack:
 * a printable page and the same pack as a PDF (read by everyone who sees the authority).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { meetingPackPdf } from '../../charts/pack-pdf.js';
import type { PackDocument } from '../../charts/pack-document.js';
import { parseDate, type PlainDate } from '../../domain/date.js';
import { listMeetings, saveMeeting, appendAudit, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { parseMeetingForm, type FormValues } from '../forms/improvement-forms.js';
import { meetingPackFor } from '../../app/meeting-pack.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { MeetingsPage } from '../views/meetings.js';
import { PackPage } from '../views/pack.js';

const savedQuery = z.object({ saved: z.string().max(20).optional() });
const packFile = /^(\d{4}-\d{2}-\d{2})(\.pdf)?$/;

export function packHref(code: string, date: PlainDate, pdf = false): string {
  return authorityPath(code, `/packs/${date.toString()}${pdf ? '.pdf' : ''}`);
}

/** The pack of the authority's meeting on `date`, as at that date (or today, for a meeting still to come); null when there is no such meeting. */
export function packFor(ctx: WebContext, grant: UserGrant, date: PlainDate): Promise<PackDocument | null> {
  return meetingPackFor(ctx.connection, ctx.cache, grant, date, ctx.today());
}

export function registerPackRoutes(app: FastifyInstance, ctx: WebContext): void {
  const showMeetings = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, values: FormValues, errors: readonly FieldError[], notice: string | null) => {
    const code = grant.scope.code;
    const meetings = await listMeetings(ctx.connection, grant.scope);
    return sendPage(
      reply,
      MeetingsPage({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        meetings: [...meetings].reverse().map((m) => ({ date: m.date.toString(), title: m.title, packHref: packHref(code, m.date), pdfHref: packHref(code, m.date, true) })),
        action: may(grant, 'improve') ? authorityPath(code, '/meetings') : null,
        values,
        errors,
        notice,
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/meetings', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
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
    const grant = grantFor(user, request.params.code);
    const match = packFile.exec(request.params.file);
    const parsed = match ? parseDate(match[1] as string) : null;
    if (!match || !parsed?.ok) throw new HttpError(404, 'Page not found');
    const pack = await packFor(ctx, grant, parsed.value);
    if (!pack) throw new HttpError(404, `There is no meeting on ${parsed.value.toString()}: record it on the meetings page first.`);
    await auditListView(ctx.connection, grant.scope, request, user.username, 'meeting-pack');
    if (match[2]) {
      attachment(reply, `meeting-pack-${grant.scope.code}-${parsed.value.toString()}.pdf`);
      return reply.type('application/pdf').send(await meetingPackPdf(pack));
    }
    return sendPage(reply, PackPage({ pack, pdfHref: packHref(grant.scope.code, parsed.value, true), back: { href: authorityPath(grant.scope.code, '/meetings'), text: 'Back to the meetings' } }));
  });
}
