import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { posterPdf, posterSizes, type PosterSize } from '../../charts/poster-pdf.js';
import { Temporal, isAfter, type PlainDate } from '../../domain/date.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { posterFor } from '../../app/poster.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';

function sizeArgument(value: string): PosterSize {
  const size = value.trim().toLowerCase();
  if (!(posterSizes as readonly string[]).includes(size)) throw new InvalidArgumentError(`not a poster size: ${value} (a3 or a4)`);
  return size as PosterSize;
}

/** `pace poster`: the authority's poster as a one-page PDF, the same poster as the web page's. */
export function posterCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('poster')
    .description("the authority's poster as a one-page PDF: the aims as sentences, each aim's answer and run chart, the tests of change with their outcomes, and the team's own words")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--as-at <date>', 'the figures as at this day (default: today)', dateArgument)
    .option('--size <size>', 'a3 or a4', sizeArgument, 'a3')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (options: { authority: string; asAt?: PlainDate; size: PosterSize; out: string }) => {
      const today = Temporal.Now.plainDateISO('Europe/London');
      const asAt = options.asAt ?? today;
      if (isAfter(asAt, today)) {
        io.err.write(`pace: --as-at ${asAt.toString()} is after today, ${today.toString()}\n`);
        return done(exitCodes.usage);
      }
      const poster = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        return found ? posterFor(connection, new FiguresCache(connection), found, asAt, today) : null;
      });
      if (poster === null) return done(exitCodes.refused);
      const pdf = await posterPdf(poster, { size: options.size });
      writeFileSync(options.out, pdf);
      const withheld = poster.withheld.length ? `; withheld because it could identify a child: ${poster.withheld.join('; ')}` : '';
      io.out.write(`wrote ${options.out}: ${poster.title}, ${options.size.toUpperCase()}, as at ${asAt.toString()} (${(pdf.length / 1024).toFixed(0)} KB)${withheld}\n`);
      return done(exitCodes.ok);
    });
}
