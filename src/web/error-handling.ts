/**
 * Every failure ends in a plain page (or, under /api/, plain JSON): the status, a sentence a person
 * can act on, and for a fault of ours a reference to quote. Never a stack trace.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { InvalidRecords } from './api/batch.js';
import { HttpError, statusTitles } from './errors.js';
import { chromeOf, sendPage } from './render.js';
import { ErrorPage } from './views/sign-in.js';

interface Failure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** Every problem with what was sent, each naming the record and the field (API only). */
  readonly issues?: readonly { readonly record: string; readonly field: string; readonly message: string }[];
}

/** What went wrong, in words, from any error a request can end in. */
export function failureOf(error: unknown): Failure {
  if (error instanceof InvalidRecords) return { status: error.statusCode, code: error.code, message: error.message, issues: error.issues };
  if (error instanceof HttpError) return { status: error.statusCode, code: error.code, message: error.message };
  if (error instanceof ZodError) return { status: 400, code: 'bad-request', message: 'The request was not in the form pace expects.' };
  const fastifyError = error as { statusCode?: number; code?: string };
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return { status, code: 'too-large', message: 'What was sent is larger than pace accepts.' };
  if (status === 415) return { status, code: 'unsupported-media-type', message: 'pace does not accept that kind of request.' };
  if (status === 429) return { status, code: 'too-many-requests', message: 'Too many attempts from here. Wait a minute, then try again.' };
  if (status >= 400 && status < 500) return { status, code: 'bad-request', message: 'The request was not in the form pace expects.' };
  return { status: 500, code: 'internal', message: 'Something went wrong on our side. Nothing you sent has been lost or half-saved: try again, and if it happens again tell your data lead.' };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const failure = failureOf(error);
    if (failure.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendFailure(request, reply, failure, failure.status >= 500 ? request.id : undefined);
  });
  app.setNotFoundHandler(async (request, reply) => sendFailure(request, reply, { status: 404, code: 'not-found', message: 'There is no page at this address. Check it, or start again from the start page.' }));
}

/**
 * Fastify's own answer to an address it cannot read (a path whose %-encoding is not UTF-8) is JSON;
 * pages get the plain error page instead (given to Fastify as `frameworkErrors`, before any hook).
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const failure: Failure = { status: (error as { statusCode?: number }).statusCode ?? 400, code: 'bad-request', message: 'This address cannot be read: check it, or start again from the start page.' };
  if (request.url.startsWith('/api/')) {
    void sendFailure(request, reply, failure);
    return;
  }
  // No hook has run (no cookies read, no session): the page is shown as to someone not signed in.
  const chrome = { user: null, authority: null, authorities: [], csrfToken: '', active: null, nav: [] };
  void sendPage(reply, ErrorPage({ chrome, title: statusTitles[failure.status] ?? statusTitles[400] ?? 'Error', message: failure.message }), failure.status);
}

function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: Failure, reference?: string): FastifyReply {
  if (request.url.startsWith('/api/')) {
    return reply.code(failure.status).type('application/json; charset=utf-8').send({ error: { code: failure.code, message: failure.message, ...(failure.issues ? { issues: failure.issues } : {}), ...(reference ? { reference } : {}) } });
  }
  const title = statusTitles[failure.status] ?? statusTitles[500] ?? 'Error';
  const message = failure.status === 404 && failure.message === 'Page not found' ? 'There is no page at this address, or you do not have access to it.' : failure.message;
  return sendPage(reply, ErrorPage({ chrome: chromeOf(request, reply), title, message, reference }), failure.status);
}
