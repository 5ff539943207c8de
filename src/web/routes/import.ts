/**
 * Importing files from the browser, for data leads: upload a set of CSV files or one workbook and
 * choose a profile; pace checks every row (a dry run, in the background, the page showing its
 * progress) and shows every problem by file, row and column; when nothing is an error, the data
 * lead imports them, checked again, in one transaction.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadProfile, shippedProfiles, type Profile } from '../../ingest/profile.js';
import { listImports, type UserGrant } from '../../store/index.js';
import { grantFor, type SignedInUser } from '../auth/access.js';
import { checkCsrfToken } from '../auth/csrf.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import type { ImportJob, Upload } from '../../app/import-jobs.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { ImportJobPage, ImportPage, problemsCsv } from '../views/import.js';
import { authorityPath } from '../views/layout.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart body and checks its CSRF token itself (the token is its first field). */
    multipartCsrf?: boolean;
  }
}

/** The largest file accepted, and how many files one upload may hold. */
export const uploadLimits = { fileSize: 100 * 1024 * 1024, files: 10, fields: 5, parts: 15 };

type CodeParams = { Params: { code: string } };
type JobParams = { Params: { code: string; jobId: string } };

export function registerImportRoutes(app: FastifyInstance, ctx: WebContext): void {
  const showForm = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, form: { profile: string; errors: readonly FieldError[] }) =>
    sendPage(
      reply,
      ImportPage({
        chrome: chromeOf(request, reply, grant, 'import'),
        action: authorityPath(grant.scope.code, '/import'),
        profiles: shippedProfiles(),
        profile: form.profile,
        errors: form.errors,
        imports: (await listImports(ctx.connection, grant.scope)).slice(0, 20),
      }),
      form.errors.length ? 400 : 200,
    );

  app.get<CodeParams>('/a/:code/import', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'import');
    return showForm(request, reply, grant, { profile: 'canonical', errors: [] });
  });

  app.post<CodeParams>('/a/:code/import', { config: { multipartCsrf: true } }, async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    if (!request.isMultipart()) throw new HttpError(415, 'Upload the files with the form on the import page.');
    const { id, dir } = ctx.imports.newUploadDir();
    let received: Awaited<ReturnType<typeof receiveUpload>>;
    try {
      received = await receiveUpload(request, dir);
    } catch (error) {
      await ctx.imports.discardUpload(id, dir);
      throw error;
    }
    const errors = uploadErrors(received.fileNames, received.fields.profile);
    if (errors.length > 0) {
      await ctx.imports.discardUpload(id, dir);
      return showForm(request, reply, grant, { profile: received.fields.profile ?? 'canonical', errors });
    }
    const upload: Upload = { id, dir, authorityId: grant.scope.id, username: user.username, fileNames: received.fileNames };
    const profile = loadProfile(received.fields.profile ?? 'canonical');
    if (!profile.ok) {
      await ctx.imports.discardUpload(id, dir);
      throw new HttpError(400, `The profile cannot be used: ${profile.error.detail}`);
    }
    await ctx.imports.keepUpload(upload);
    const jobId = await startJob(ctx, request, grant, upload, profile.value, true);
    if (jobId === null) throw new Error('a check could not be queued');
    return reply.redirect(jobHref(grant, jobId), 303);
  });

  app.get<JobParams>('/a/:code/import/:jobId', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    const job = await jobOrNotFound(ctx, grant, user, request.params.jobId);
    const running = job.report === null && job.failure === null;
    const canCommit = job.dryRun && job.report?.outcome === 'dry-run' && (await ctx.imports.upload(job.upload.id, grant.scope.id, user.username)) !== null;
    return sendPage(
      reply,
      ImportJobPage({
        chrome: chromeOf(request, reply, grant, 'import'),
        job,
        running,
        commitAction: canCommit ? `${jobHref(grant, job.id)}/commit` : null,
        problemsHref: job.report && job.report.problems.length > 0 ? `${jobHref(grant, job.id)}/problems.csv` : null,
        importHref: authorityPath(grant.scope.code, '/import'),
        dashboardHref: authorityPath(grant.scope.code),
        qualityHref: authorityPath(grant.scope.code, '/data-quality'),
      }),
    );
  });

  app.get<JobParams>('/a/:code/import/:jobId/problems.csv', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    const job = await jobOrNotFound(ctx, grant, user, request.params.jobId);
    if (job.report === null) throw new HttpError(404, 'Page not found');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-problems-${grant.scope.code}.csv"`)
      .send(problemsCsv(job.report.problems));
  });

  app.post<JobParams>('/a/:code/import/:jobId/commit', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    const checked = await jobOrNotFound(ctx, grant, user, request.params.jobId);
    const upload = await ctx.imports.upload(checked.upload.id, grant.scope.id, user.username);
    // Taking the upload is one update only one request can win: two clicks import once.
    const jobId = checked.dryRun && checked.report?.outcome === 'dry-run' && upload !== null ? await startJob(ctx, request, grant, upload, checked.profile, false) : null;
    if (jobId === null) throw new HttpError(409, 'These files cannot be imported: they were refused, are already imported, or were uploaded too long ago. Upload them again.');
    return reply.redirect(jobHref(grant, jobId), 303);
  });
}

function jobHref(grant: UserGrant, jobId: string): string {
  return authorityPath(grant.scope.code, `/import/${jobId}`);
}

async function jobOrNotFound(ctx: WebContext, grant: UserGrant, user: SignedInUser, jobId: string): Promise<ImportJob> {
  const job = await ctx.imports.job(jobId, grant.scope.id, user.username);
  if (!job) throw new HttpError(404, 'Page not found');
  return job;
}

function startJob(ctx: WebContext, request: FastifyRequest, grant: UserGrant, upload: Upload, profile: Profile, dryRun: boolean): Promise<string | null> {
  const workbook = upload.fileNames.find((name) => name.toLowerCase().endsWith('.xlsx'));
  return ctx.imports.start(upload, {
    scope: grant.scope,
    profile,
    dryRun,
    by: userOf(request).username,
    clientIp: request.ip,
    today: ctx.today(),
    path: workbook ? join(upload.dir, workbook) : upload.dir,
  });
}

/** Reads the form: its CSRF token first (checked before any file is kept), then the profile and the files, each streamed to `dir`. */
async function receiveUpload(request: FastifyRequest, dir: string): Promise<{ fields: { profile?: string }; fileNames: string[] }> {
  const fields: { profile?: string } = {};
  const fileNames: string[] = [];
  let checked = false;
  for await (const part of request.parts({ limits: uploadLimits })) {
    if (!checked) {
      checkCsrfToken(request, part.type === 'field' && part.fieldname === '_csrf' ? String(part.value) : undefined);
      checked = true;
      if (part.type === 'field') continue;
    }
    if (part.type === 'field') {
      if (part.fieldname === 'profile') fields.profile = String(part.value);
      continue;
    }
    const name = safeFileName(part);
    if (name === null) {
      part.file.resume();
      continue;
    }
    await pipeline(part.file, createWriteStream(join(dir, name), { mode: 0o600 }));
    fileNames.push(name);
  }
  if (!checked) checkCsrfToken(request, undefined);
  return { fields, fileNames };
}

/** The file's own name without any folder, or null for an empty file input. */
function safeFileName(part: MultipartFile): string | null {
  const name = basename(part.filename.replace(/\\/g, '/')).replace(/[^\w .()-]/g, '_');
  return name === '' || name === '.' || name === '..' ? null : name;
}

function uploadErrors(fileNames: readonly string[], profile: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (profile !== undefined && !shippedProfiles().some((p) => p.name === profile)) errors.push({ field: 'profile', message: 'Choose a profile from the list' });
  const workbooks = fileNames.filter((n) => n.toLowerCase().endsWith('.xlsx'));
  const csvs = fileNames.filter((n) => n.toLowerCase().endsWith('.csv'));
  if (fileNames.length === 0) errors.push({ field: 'files', message: 'Choose the files to import: the three CSV files (children, placements, events) or one .xlsx workbook' });
  else if (workbooks.length > 0 && fileNames.length > 1) errors.push({ field: 'files', message: 'Upload either one .xlsx workbook or the CSV files, not both' });
  else if (csvs.length > 3) errors.push({ field: 'files', message: `Choose at most three CSV files: children, placements and events (you chose ${csvs.length})` });
  else if (workbooks.length + csvs.length !== fileNames.length) errors.push({ field: 'files', message: `Only .csv and .xlsx files can be imported (you chose ${fileNames.filter((n) => !/\.(csv|xlsx)$/i.test(n)).join(', ')})` });
  return errors;
}
