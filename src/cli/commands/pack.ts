import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { meetingPackPdf } from '../../charts/pack-pdf.js';
import { isAfter, Temporal, type PlainDate } from '../../domain/date.js';
import { listAims, listMeetings, listTests, loadChildRecords } from '../../store/index.js';
import { computeAuthorityFigures } from '../../app/authority-figures.js';
import { meetingPack } from '../../app/meeting-pack.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';

/** `pace pack`: a champions' group meeting pack as a PDF, the same pack as the web page's. */
export function packCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('pack')
    .description("a champions' group meeting pack as a PDF: every aim's figures and charts, the tests of change since the previous meeting, the balancing measures and the data-quality summary")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--date <date>', 'the date of the meeting (recorded on the meetings page)', dateArgument)
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (options: { authority: string; date: PlainDate; out: string }) => {
      const today = Temporal.Now.plainDateISO('Europe/London');
      const result = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        const meetings = await listMeetings(connection, found.scope);
        if (!meetings.some((m) => m.date.toString() === options.date.toString())) {
          const known = meetings.map((m) => m.date.toString()).join(', ');
          io.err.write(`pace: ${found.scope.code} has no meeting on ${options.date.toString()} (${known ? `meetings: ${known}` : 'no meetings are recorded'}); record it on the meetings page first\n`);
          return null;
        }
        const asAt = isAfter(options.date, today) ? today : options.date;
        const [aims, records, tests] = await Promise.all([listAims(connection, found.scope), loadChildRecords(connection, found.scope), listTests(connection, found.scope)]);
        const figures = computeAuthorityFigures(found.authority, aims, records, asAt, 'pack');
        return meetingPack({ figures, records, tests, meetings }, options.date);
      });
      if (result === null) return done(exitCodes.refused);
      const pdf = await meetingPackPdf(result);
      writeFileSync(options.out, pdf);
      io.out.write(`wrote ${options.out}: ${result.title} (${(pdf.length / 1024).toFixed(0)} KB)\n`);
      done(exitCodes.ok);
    });
}
