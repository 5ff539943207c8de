/**
 * The JSON API under /api/v1, described by the OpenAPI document at /api/openapi.json and, for
 * people, by the page at /api/docs made from that document (both open to anyone: they describe
 * the API and hold no data). Requests carry a
 * bearer token; bodies are checked by the same parsers as the forms (the route schemas here only
 * describe, so the document and the checks cannot disagree about what is accepted).
 */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { presentApiDocs, type ApiDocsModel, type OpenApiDocument } from '../presenters/api-docs.js';
import type { Chrome } from '../views/layout.js';
import { sendPage } from '../render.js';
import { ApiDocsPage } from '../views/api-docs.js';
import { registerTokenAuth } from './auth.js';
import { registerFigureRoutes } from './figures.js';
import { registerRecordApi } from './records.js';

export async function registerApi(app: FastifyInstance, ctx: WebContext): Promise<void> {
  await app.register(fastifySwagger, {
    hideUntagged: true,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'pace API',
        version: '1',
        description:
          'Records (children, placements, events, in the column names of the canonical import format) and figures (aims as at a date, run charts, waiting journeys) of the authorities the token’s user may see. Case-management systems push milestones with PUT …/events/{eventId}.',
      },
      tags: [
        { name: 'records', description: 'Children, placements and events' },
        { name: 'figures', description: 'Aims measured as at a date' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token made with: pace user token USERNAME' } } },
    },
  });

  const documentHref = '/api/openapi.json';
  app.get(documentHref, async (_request, reply) => reply.type('application/json; charset=utf-8').send(app.swagger()));
  // The document is fixed once the routes are registered: the page's model is made once.
  let model: ApiDocsModel | null = null;
  // No cookie is read or set under /api/ (auth/sessions.ts): the page is shown as to someone not
  // signed in, and has no form to protect.
  const chrome: Chrome = { user: null, authority: null, authorities: [], csrfToken: '', active: null, nav: [] };
  app.get('/api/docs', async (_request, reply) => {
    model ??= presentApiDocs(app.swagger() as unknown as OpenApiDocument);
    return sendPage(reply, ApiDocsPage({ chrome, model, documentHref }));
  });

  await app.register(
    async (api) => {
      // The schemas describe; the parsers decide (and name every problem).
      api.setValidatorCompiler(() => (data) => ({ value: data }));
      api.setSerializerCompiler(() => (data) => JSON.stringify(data));
      registerTokenAuth(api, ctx.connection);
      registerFigureRoutes(api, ctx);
      registerRecordApi(api, ctx);
    },
    { prefix: '/api/v1' },
  );
}
