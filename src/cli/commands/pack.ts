import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { meetingPackPdf } from '../../charts/pack-pdf.js';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { listMeetings } from '../../store/index.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { meetingPackFor } from '../../app/meeting-pack.js';
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
        const pack = await meetingPackFor(connection, new FiguresCache(connection), found, options.date, today);
        if (pack === null) {
          const known = (await listMeetings(connection, found.scope)).map((m) => m.date.toString()).join(', ');
          io.err.write(`pace: ${found.scope.code} has no meeting on ${options.date.toString()} (${known ? `meetings: ${known}` : 'no meetings are recorded'}); record it on the meetings page first\n`);
        }
        return pack;
      });
      if (result === null) return done(exitCodes.refused);
      const pdf = await meetingPackPdf(result);
      writeFileSync(options.out, pdf);
      io.out.write(`wrote ${options.out}: ${result.title} (${(pdf.length / 1024).toFixed(0)} KB)\n`);
      done(exitCodes.ok);
    });
}
