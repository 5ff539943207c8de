/**
 * What the pages of a meeting pack's and a poster's PDF share (routes/packs.ts, routes/poster.ts):
 * the PDF is a durable job (app/pdf-jobs.ts) whose row says how far it has got and whose file is
 * kept in the database, so the page that shows it being made and the file itself are served by any
 * process. Who may see a job, and fetch its file, is decided exactly as the page is: the route
 * works the document out for the reader (their authority, their role's audience) and only a job
 * whose key is that document's — the authority, what it is, and a digest of its content — is found.
 */
import { PdfJobs, type PdfJobInput } from '../app/pdf-jobs.js';
import type { JobFile, UserGrant } from '../store/index.js';
import type { WebContext } from './context.js';
import { HttpError } from './errors.js';
import type { PackMakingModel } from './views/pack-making.js';

/** A PDF as the reader's page asks for it: its key (HeavyWork.pdfKey) and what its job makes. */
export interface AskedPdf {
  readonly key: string;
  readonly input: PdfJobInput;
}

/** How long the page waits for a PDF that is quick (or made already) before it shows how far it has got. */
const pageWaitMs = 200;

/** How long the file's own address waits for the PDF before it sends the reader to the page that shows it being made. */
const fileWaitMs = 60_000;

/** Whether the reader asked for a failed PDF to be made again (the failure page's "Try again"). */
export function again(query: Readonly<Record<string, string | undefined>>): boolean {
  return query.again === '1';
}

/** The state of the PDF's job for its page, after starting it if nobody has. */
export async function pdfMakingState(ctx: WebContext, grant: UserGrant, username: string, asked: AskedPdf, tryAgain: boolean): Promise<PackMakingModel['state']> {
  const job = await ctx.pdfs.waitFor(await ctx.pdfs.ask(grant.scope.id, username, asked.key, asked.input, tryAgain), pageWaitMs, 50);
  return PdfJobs.stateOf(job);
}

/**
 * The PDF's file, made now if nobody has made it (a failed one is tried again); null when it is
 * not made within a minute (no process is running jobs, or they are all busy), when the reader is
 * better sent to the page that shows it being made.
 */
export async function pdfFile(ctx: WebContext, grant: UserGrant, username: string, asked: AskedPdf): Promise<JobFile | null> {
  const job = await ctx.pdfs.waitFor(await ctx.pdfs.ask(grant.scope.id, username, asked.key, asked.input, true), fileWaitMs);
  if (job.state === 'failed') throw new HttpError(503, job.failure ?? 'The PDF could not be made.');
  return ctx.pdfs.file(job);
}
