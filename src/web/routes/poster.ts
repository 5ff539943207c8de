/**
 * The poster (issue 20, point 1): its print page and its PDFs, A3 and A4, as at a date (read by
 * everyone who sees the authority; a partner gets the partners' poster, its small counts `[c]` and
 * no run chart: docs/decisions/0027-partner-access.md), and the form for the words the team keeps with it (changed by
 * whoever may change the improvement work). The poster names no child, so reading it is not a view
 * of any child's record and is not audited; a change of its words is.
 */
import { partnerAsAt } from '../../domain/national/national-period.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { posterFor } from '../../app/poster.js';
import { formatInstant } from '../../app/format.js';
import type { PosterDocument } from '../../charts/poster-document.js';
import { posterSizes, type PosterSize } from '../../charts/poster-pdf.js';
import { isAfter, isBefore, type PlainDate } from '../../domain/date.js';
import { describeChildIdentifiers, posterTextIdentifiers } from '../../domain/improvement/poster.js';
import { findPosterText, identifyingValuesOf, savePosterText, type StoredPosterText, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { figuresOrWorkingOut } from '../figures-page.js';
import { everyChild } from '../../domain/child-filter.js';
import { attachment } from '../downloads.js';
import { parseAsAt } from '../forms/as-at.js';
import { parsePosterTextForm, posterTextFields, posterTextToForm, type FormValues } from '../forms/improvement-forms.js';
import { HeavyWork } from '../heavy-work.js';
import { again, pdfFile, pdfMakingState, type AskedPdf } from '../pdf-pages.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { PackMakingPage, type PackMakingModel } from '../views/pack-making.js';
import { PosterTextForm } from '../views/poster-text.js';
import { PosterPage, type PosterChart } from '../views/poster.js';
import { HttpError } from '../errors.js';

type PosterQuery = { Params: { code: string }; Querystring: Record<string, string> };

const posterQuery = z.object({
  size: z.enum(['a3', 'a4']).catch('a3').default('a3'),
  saved: z.string().max(20).optional().catch(undefined),
});

/** The poster's page, the page that makes one of its PDFs, or the PDF itself, as at a date. */
export function posterHref(code: string, asAt: PlainDate | null, file: 'page' | { making: PosterSize } | { pdf: PosterSize } = 'page', size: PosterSize = 'a3'): string {
  const query = new URLSearchParams(asAt ? { as_at: asAt.toString() } : {});
  if (file === 'page') {
    if (size === 'a4') query.set('size', 'a4');
  } else if ('making' in file) query.set('size', file.making);
  const path = file === 'page' ? '/poster' : 'making' in file ? '/poster/pdf' : `/poster-${file.pdf}.pdf`;
  const search = query.toString();
  return authorityPath(code, `${path}${search ? `?${search}` : ''}`);
}

/** An aim's chart on the poster, as a picture, as at a date (today's poster when null). */
function posterChartHref(code: string, aimId: string, chart: PosterChart, asAt: PlainDate | null): string {
  return authorityPath(code, `/poster/${encodeURIComponent(aimId)}/${chart}.svg${asAt ? `?as_at=${asAt.toString()}` : ''}`);
}

/** Who saved the team's words and when, in a sentence. */
function savedWords(stored: StoredPosterText | null): string {
  return stored ? `The poster's words were last saved by ${stored.savedBy} on ${formatInstant(stored.savedAt)}.` : 'Nobody has written the poster’s words yet.';
}

export function registerPosterRoutes(app: FastifyInstance, ctx: WebContext): void {
  /** The as-at date asked for (today when none, or one that is not a date), and the error if any. */
  const asAtOf = (request: FastifyRequest<PosterQuery>) => {
    const parsed = parseAsAt(request.query.as_at, ctx.today());
    return { asAt: parsed.ok ? parsed.value : ctx.today(), text: parsed.text, errors: parsed.ok ? [] : [parsed.error] };
  };
  // A partner (who may not see children) gets the partners' poster; everyone else the team's.
  const posterOf = (grant: UserGrant, asAt: PlainDate): Promise<PosterDocument> => posterFor(ctx.connection, ctx.cache, grant, asAt, ctx.today(), may(grant, 'view') ? 'team' : 'partner');
  /** An as-at date in the address only when it is not today, so that a bookmark of today's poster stays today's. */
  const dated = (asAt: PlainDate) => (isBefore(asAt, ctx.today()) ? asAt : null);
  /** The PDF job of a poster, as `grant` reads it: keyed by its content (its data version), for its audience. */
  const pdfJob = (grant: UserGrant, poster: PosterDocument, asAt: PlainDate, size: PosterSize): AskedPdf => ({
    key: HeavyWork.pdfKey(grant.scope.id, poster, `poster-${size}-${asAt.toString()}`),
    input: { what: 'poster', code: grant.scope.code, asAt: asAt.toString(), size, audience: may(grant, 'view') ? 'team' : 'partner', today: ctx.today().toString(), fileName: `poster-${grant.scope.code}-${asAt.toString()}-${size}.pdf` },
  });

  app.get<PosterQuery>('/a/:code/poster', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'aggregate');
    const { size, saved } = posterQuery.parse(request.query);
    const { asAt, text, errors } = asAtOf(request);
    // Figures not yet worked out for the date: the page says how far that has got, and comes back.
    const figuresAsAt = may(grant, 'view') ? (isAfter(asAt, ctx.today()) ? ctx.today() : asAt) : partnerAsAt(asAt, ctx.today());
    if (!(await figuresOrWorkingOut(ctx, request, reply, grant, figuresAsAt, everyChild, 'improvement'))) return reply;
    const [poster, stored] = await Promise.all([posterOf(grant, asAt), findPosterText(ctx.connection, grant.scope)]);
    const code = grant.scope.code;
    const other: PosterSize = size === 'a3' ? 'a4' : 'a3';
    return sendPage(
      reply,
      PosterPage({
        model: {
          poster,
          size,
          asAt: { action: authorityPath(code, '/poster'), value: text, errors },
          pdfHrefs: { a3: posterHref(code, dated(asAt), { making: 'a3' }), a4: posterHref(code, dated(asAt), { making: 'a4' }) },
          otherSize: { href: posterHref(code, dated(asAt), 'page', other), text: `Print it on ${other.toUpperCase()} instead` },
          textHref: may(grant, 'improve') ? authorityPath(code, '/poster/text') : null,
          savedWords: savedWords(stored),
          notice: saved ? 'The poster’s words are saved.' : null,
          back: may(grant, 'view') ? { href: authorityPath(code, '/improvement'), text: 'Back to the improvement work' } : { href: authorityPath(code, '/partner'), text: 'Back to the overview' },
          chartHref: (aimId, chart) => posterChartHref(code, aimId, chart, dated(asAt)),
        },
      }),
      errors.length ? 400 : 200,
    );
  });

  // An aim's chart on the poster's page, as a picture: the poster's own drawing (no dot names a
  // child; a partner's are the months and quarters, suppressed), for whoever may read the poster.
  app.get<PosterQuery & { Params: { code: string; aimId: string; file: string } }>('/a/:code/poster/:aimId/:file', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'aggregate');
    const chart = /^(run-chart|quarters)\.svg$/.exec(request.params.file)?.[1] as PosterChart | undefined;
    if (!chart) throw new HttpError(404, 'Page not found');
    const { asAt, errors } = asAtOf(request);
    if (errors.length) throw new HttpError(400, (errors[0] as FieldError).message);
    const aim = (await posterOf(grant, asAt)).aims.find((a) => a.id === request.params.aimId);
    const svg = chart === 'run-chart' ? aim?.runSvg : aim?.trends?.quarters.smallSvg;
    if (svg === undefined) throw new HttpError(404, 'Page not found');
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-cache').send(svg);
  });

  for (const size of posterSizes) {
    app.get<PosterQuery>(`/a/:code/poster-${size}.pdf`, async (request, reply) => {
      const user = userOf(request);
      const grant = grantFor(user, request.params.code, 'aggregate');
      const { asAt, errors } = asAtOf(request);
      if (errors.length) return reply.code(400).type('text/plain; charset=utf-8').send((errors[0] as FieldError).message);
      // Made by a job (in a render thread of whichever process takes it), or made already for this
      // content; the bytes are read from the database, so any process serves a PDF any other made.
      const file = await pdfFile(ctx, grant, user.username, pdfJob(grant, await posterOf(grant, asAt), asAt, size));
      if (!file) return reply.redirect(posterHref(grant.scope.code, dated(asAt), { making: size }), 303);
      attachment(reply, file.fileName);
      return reply.type(file.contentType).send(file.bytes);
    });
  }

  // The PDF takes a second or two: this page starts it (or finds it made), shows it being made and
  // refreshes itself, then links to the file — as the meeting pack's does.
  app.get<PosterQuery>('/a/:code/poster/pdf', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'aggregate');
    const { size } = posterQuery.parse(request.query);
    const { asAt } = asAtOf(request);
    const poster = await posterOf(grant, asAt);
    const state = await pdfMakingState(ctx, grant, user.username, pdfJob(grant, poster, asAt, size), again(request.query));
    const code = grant.scope.code;
    const model: PackMakingModel = {
      title: `Poster, ${size.toUpperCase()}: ${poster.title}`,
      label: 'Poster as a PDF',
      state,
      pdfHref: posterHref(code, dated(asAt), { pdf: size }),
      selfHref: posterHref(code, dated(asAt), { making: size }),
      againHref: `${posterHref(code, dated(asAt), { making: size })}&again=1`,
      back: { href: posterHref(code, dated(asAt)), text: 'Back to the poster' },
    };
    return sendPage(reply, PackMakingPage({ chrome: chromeOf(request, reply, grant, may(grant, 'view') ? 'improvement' : 'poster'), model }));
  });

  const showForm = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, values: FormValues | null, errors: readonly FieldError[]) => {
    const stored = await findPosterText(ctx.connection, grant.scope);
    const code = grant.scope.code;
    return sendPage(
      reply,
      PosterTextForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: { action: authorityPath(code, '/poster/text'), cancelHref: authorityPath(code, '/poster'), values: values ?? (stored ? posterTextToForm(stored.text) : {}), errors, savedWords: savedWords(stored) },
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string } }>('/a/:code/poster/text', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    return showForm(request, reply, grant, null, []);
  });

  app.post<{ Params: { code: string } }>('/a/:code/poster/text', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const { values, result } = parsePosterTextForm(request.body);
    if (!result.ok) return showForm(request, reply, grant, values, result.errors);
    // A poster is shown outside the authority: nothing that could identify one of its children goes
    // on it. The team is shown what matched and what kind of thing it is, never whose it is.
    const found = posterTextIdentifiers(result.value, await identifyingValuesOf(ctx.connection, grant.scope));
    if (found.length) {
      const errors = found.map(({ part, found: matches }) => ({ field: posterTextFields[part].field, message: `Reword what could identify a child: ${describeChildIdentifiers(matches)}` }));
      return showForm(request, reply, grant, values, errors);
    }
    await savePosterText(ctx.connection, grant.scope, result.value, { by: user.username }, { clientIp: request.ip });
    return reply.redirect(`${authorityPath(grant.scope.code, '/poster')}?saved=1`, 303);
  });
}
