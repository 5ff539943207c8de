import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { clasYear } from '../../domain/exports/clas.js';
import { longDate } from '../../domain/date.js';
import { auditExport, clasExportTables, pseudonymisedExportTables } from '../../app/exports/export-use-cases.js';
import { csvFileNames, exportFormatOf, tableCsv, tablesXlsx, type ExportFormat, type ExportTable } from '../../app/exports/export-table.js';
import { readPseudonymKey } from '../../app/exports/pseudonym-key.js';
import { loadChildRecords } from '../../store/index.js';
import { authorityCodeArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';

function outArgument(value: string): string {
  if (exportFormatOf(value) === null) throw new InvalidArgumentError(`the file must end .csv or .xlsx: ${value}`);
  return value;
}

function yearArgument(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < 1901) throw new InvalidArgumentError(`not a return year: ${value} (the year it ends in, e.g. 2021 for 1 August 2020 to 31 July 2021)`);
  return year;
}

export function exportCommand(program: Command, io: Io, done: (code: number) => void): void {
  const command = program.command('export').description("an authority's records for other systems: the CLAS permanence fields, a pseudonymised extract");

  command
    .command('clas')
    .description('the CLAS permanence fields (recommendation, ADM decision, application to court, with routes) per child and episode open in a return year')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--year <yyyy>', 'the return year, named by the year it ends in: 2021 is 1 August 2020 to 31 July 2021', yearArgument)
    .requiredOption('--out <file>', 'the file to write: .csv or .xlsx', outArgument)
    .action(async (options: { authority: string; year: number; out: string }) => {
      const year = clasYear(options.year);
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const tables = await clasExportTables(await loadChildRecords(connection, found.scope), year);
          const written = await writeTables(options.out, tables);
          await auditExport(connection, found, { username: io.env.USER ?? 'cli', clientIp: 'cli' }, `clas-${year.endYear}.${exportFormatOf(options.out)}`);
          io.out.write(`Wrote the CLAS permanence fields of ${tables[0]?.rows.length ?? 0} episodes, ${found.scope.code}, return year ${year.label} (${longDate(year.first)} to ${longDate(year.last)}), to ${written.join(', ')}.\n`);
          return exitCodes.ok;
        }),
      );
    });

  command
    .command('pseudonymised')
    .description(`a pseudonymised extract (children, placements, events): ids replaced by keyed hashes (HMAC-SHA256, key from PACE_PSEUDONYM_KEY), no names, dates of birth as months`)
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--out <file>', 'the file to write: .xlsx (three sheets) or .csv (three files, FILE-children.csv, FILE-placements.csv, FILE-events.csv)', outArgument)
    .action(async (options: { authority: string; out: string }) => {
      const key = readPseudonymKey(io.env.PACE_PSEUDONYM_KEY);
      if (!key.ok) {
        io.err.write(`pace: ${key.error.message}\n`);
        return done(exitCodes.refused);
      }
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const tables = await pseudonymisedExportTables(await loadChildRecords(connection, found.scope), found.scope.code, key.key);
          const written = await writeTables(options.out, tables);
          await auditExport(connection, found, { username: io.env.USER ?? 'cli', clientIp: 'cli' }, `pseudonymised.${exportFormatOf(options.out)}`);
          const count = (name: string) => tables.find((t) => t.name === name)?.rows.length ?? 0;
          io.out.write(`Wrote a pseudonymised extract of ${found.scope.code} (${count('children')} children, ${count('placements')} placements, ${count('events')} events) to ${written.join(', ')}.\n`);
          return exitCodes.ok;
        }),
      );
    });
}

/** Writes the tables as one workbook, or as one CSV file per table; returns the files written. */
async function writeTables(out: string, tables: readonly ExportTable[]): Promise<string[]> {
  const format = exportFormatOf(out) as ExportFormat;
  if (format === 'xlsx') {
    writeFileSync(out, await tablesXlsx(tables));
    return [out];
  }
  const names = csvFileNames(out, tables);
  tables.forEach((table, i) => writeFileSync(names[i] as string, tableCsv(table)));
  return names;
}
