/** The change-idea library, read from within any authority the user works in; a test can be started from an idea. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agencyLabels } from '../../domain/improvement/codes.js';
import { findLibraryIdea, listLibraryIdeas, type LibraryIdea } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { authorityPath } from '../views/layout.js';
import { LibraryIdeaPage, LibraryPage } from '../views/library.js';

const savedQuery = z.object({ saved: z.string().max(20).optional() });

function aimsWords(idea: LibraryIdea): string {
  return idea.aims.length === 0 ? '—' : idea.aims.map((a) => `Aim ${a}`).join(', ');
}

function sourceWords(idea: LibraryIdea): string {
  return idea.publishedBy ? `Published by ${idea.publishedBy.authorityName}` : 'The programme’s tested changes';
}

export function registerLibraryRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { code: string } }>('/a/:code/library', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const ideas = await listLibraryIdeas(ctx.connection);
    const rows = ideas.map((idea) => ({ title: idea.title, href: authorityPath(grant.scope.code, `/library/${idea.id}`), source: sourceWords(idea), agencies: idea.agencies.map((a) => agencyLabels[a]).join(', '), aims: aimsWords(idea) }));
    return sendPage(reply, LibraryPage({ chrome: chromeOf(request, reply, grant, 'improvement'), rows }));
  });

  app.get<{ Params: { code: string; id: string }; Querystring: Record<string, string> }>('/a/:code/library/:id', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const id = Number(request.params.id);
    const idea = Number.isInteger(id) && id > 0 ? await findLibraryIdea(ctx.connection, id) : null;
    if (!idea) throw new HttpError(404, 'Page not found');
    const { saved } = savedQuery.parse(request.query);
    const items = [
      { key: 'Agencies', value: idea.agencies.map((a) => agencyLabels[a]).join(', ') },
      { key: 'Aim', value: aimsWords(idea) },
      { key: 'The change', value: idea.change },
      ...(idea.alsoKnownAs.length ? [{ key: 'Also known as', value: idea.alsoKnownAs.join('; ') }] : []),
      ...(idea.rationale ? [{ key: 'Why', value: idea.rationale }] : []),
      ...(idea.impact ? [{ key: 'Reported impact', value: idea.impact }] : []),
      ...(idea.studySummary ? [{ key: 'What the study found', value: idea.studySummary }] : []),
      ...(idea.actSummary ? [{ key: 'What was decided', value: idea.actSummary }] : []),
      ...(idea.publishedBy ? [{ key: 'Published', value: `${idea.publishedBy.at.slice(0, 10)} by ${idea.publishedBy.authorityName}` }] : []),
    ];
    return sendPage(
      reply,
      LibraryIdeaPage({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        notice: saved === 'published' ? 'Published to the library: every authority can now read it.' : null,
        model: {
          title: idea.title,
          source: sourceWords(idea),
          items,
          startHref: may(grant, 'improve') ? `${authorityPath(grant.scope.code, '/tests/new')}?idea=${idea.id}` : null,
          backHref: authorityPath(grant.scope.code, '/library'),
        },
      }),
    );
  });
}
