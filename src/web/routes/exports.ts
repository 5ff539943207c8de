/**
 * Exports for data leads: the CLAS permanence fields of a return year and the pseudonymised extract,
 * as CSV and .xlsx, the same files `pace export` writes. Each download is written to the audit log.
 * A file is worked out a part at a time and written in a render thread (issue 19, point 7), once
 * per data version: readers of the same file share it until the records change.
 */
import { createHash } from 'node:crypto';
import { nextTurn } from '../../app/turns.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clasYear, clasYearOf, type ClasYear } from '../../domain/exports/clas.js';
import type { ChildRecord } from '../../domain/records.js';
import { auditExport, clasExportTables, pseudonymisedExportTables } from '../../app/exports/export-use-cases.js';
import { csvContentType, xlsxContentType, type ExportFormat, type ExportTable } from '../../app/exports/export-table.js';
import { readPseudonymKey } from '../../app/exports/pseudonym-key.js';
import { textSheet, type TextSheet } from '../../charts/xlsx.js';
import type { RenderPool } from '../../charts/render-pool.js';
import type { UserGrant } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { ExportsPage, type ExportsModel } from '../views/exports.js';
import { authorityPath } from '../views/layout.js';

type CodeParams = { Params: { code: string }; Querystring: { year?: string; format?: string } };
type FileParams = { Params: { code: string; file: string } };

/** The first return year with the permanence fields (they were added to CLAS in 2016). */
const firstClasYear = 2017;
const extractTables = ['children', 'placements', 'events'] as const;

export function registerExportRoutes(app: FastifyInstance, ctx: WebContext): void {
  const exportsPath = (grant: UserGrant, path = '') => authorityPath(grant.scope.code, `/exports${path}`);

  const showPage = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, year: string, errors: readonly FieldError[]) => {
    const current = clasYearOf(ctx.today());
    const years = [];
    for (let y = current.endYear; y >= firstClasYear; y--) years.push({ value: String(y), label: `${clasYear(y).label}${y === current.endYear ? ' (this year, so far)' : ''}` });
    const key = readPseudonymKey(process.env.PACE_PSEUDONYM_KEY);
    const model: ExportsModel = {
      clasAction: exportsPath(grant, '/clas'),
      years,
      year,
      pseudonymised: key.ok
        ? { kind: 'ready', xlsx: exportsPath(grant, '/pseudonymised.xlsx'), csv: extractTables.map((table) => ({ table, href: exportsPath(grant, `/pseudonymised-${table}.csv`) })) }
        : { kind: 'no-key', message: 'This server has no pseudonymisation key (PACE_PSEUDONYM_KEY), so it cannot make a pseudonymised extract. Ask whoever runs pace to set one.' },
    };
    return sendPage(reply, ExportsPage({ chrome: chromeOf(request, reply, grant, 'exports'), model, errors }), errors.length ? 400 : 200);
  };

  app.get<CodeParams>('/a/:code/exports', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'import');
    // The last whole return year: the one a return is made for.
    return showPage(request, reply, grant, String(clasYearOf(ctx.today()).endYear - 1), []);
  });

  app.get<CodeParams>('/a/:code/exports/clas', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'import');
    const year = returnYear(request.query.year ?? '', clasYearOf(ctx.today()).endYear);
    const format = request.query.format === 'xlsx' ? 'xlsx' : 'csv';
    if (year === null) return showPage(request, reply, grant, request.query.year ?? '', [{ field: 'year', message: 'Choose a return year from the list' }]);
    return reply.redirect(exportsPath(grant, `/clas-${year.endYear}.${format}`), 303);
  });

  app.get<FileParams>('/a/:code/exports/:file', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    const file = request.params.file;
    const clas = /^clas-(\d{4})\.(csv|xlsx)$/.exec(file);
    const extract = /^pseudonymised(?:-(children|placements|events))?\.(csv|xlsx)$/.exec(file);
    const between = () => nextTurn();
    let tablesOf: (records: readonly ChildRecord[]) => Promise<ExportTable[]>;
    let fileName: string;
    // What the file is made from beyond the records: the pseudonym key (read afresh for each request).
    let keyDigest = '';
    if (clas) {
      const year = returnYear(clas[1] as string, clasYearOf(ctx.today()).endYear);
      if (year === null) throw new HttpError(404, 'Page not found');
      tablesOf = (records) => clasExportTables(records, year, between);
      fileName = `${grant.scope.code}-clas-${year.label}.${clas[2]}`;
    } else if (extract && (extract[1] === undefined) === (extract[2] === 'xlsx')) {
      const key = readPseudonymKey(process.env.PACE_PSEUDONYM_KEY);
      if (!key.ok) throw new HttpError(503, 'This server has no pseudonymisation key (PACE_PSEUDONYM_KEY), so it cannot make a pseudonymised extract.');
      keyDigest = createHash('sha256').update(key.key).digest('hex');
      tablesOf = async (records) => {
        const all = await pseudonymisedExportTables(records, grant.scope.code, key.key, between);
        return extract[1] === undefined ? all : all.filter((t) => t.name === extract[1]);
      };
      fileName = `${grant.scope.code}-pseudonymised${extract[1] ? `-${extract[1]}` : ''}-${ctx.today().toString()}.${extract[2]}`;
    } else {
      throw new HttpError(404, 'Page not found');
    }
    const format = file.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const records = await ctx.cache.currentRecords(grant);
    // The file name carries the day (the current return year, the extract's date), so a file is kept for its day too.
    const body = await ctx.cache.made(records, `export|${fileName}|${keyDigest}`, () => ctx.heavy.forUser(user.username, async () => fileOf(ctx.heavy.pool, await tablesOf(records), format, between)));
    await auditExport(ctx.connection, grant, { username: user.username, clientIp: request.ip }, file);
    attachment(reply, fileName);
    return reply.type(format === 'xlsx' ? xlsxContentType : csvContentType).send(body);
  });
}

/** The return year named by `text` (the year it ends in), from the first with permanence fields to `latest`; null otherwise. */
function returnYear(text: string, latest: number): ClasYear | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= firstClasYear && year <= latest ? clasYear(year) : null;
}

/** The tables as one file: dates to text a part at a time here, the file written in a render thread. */
async function fileOf(pool: RenderPool, tables: readonly ExportTable[], format: ExportFormat, between: () => Promise<void>): Promise<Buffer> {
  const sheets: TextSheet[] = [];
  for (const table of tables) sheets.push(await textSheet(table, between));
  if (format === 'xlsx') return pool.xlsx(sheets, between);
  const [sheet] = sheets;
  if (sheets.length !== 1 || !sheet) throw new Error('a CSV file holds one table');
  return pool.csv(sheet.columns, sheet.rows, between);
}
