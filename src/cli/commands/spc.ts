import type { Command } from 'commander';
import { analyseSeries, checkSpcOptions, describeVerdicts } from '../../domain/spc/index.js';
import { positiveIntegerArgument } from '../args.js';
import { exitCodes, writeJson, type Io } from '../context.js';

export function spcCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('spc')
    .description('run-chart analysis of any series: Anhøj and IHI rules, rephasing (values as arguments or on standard input; NA is missing)')
    .argument('[values...]', 'the series, in order')
    .option('--freeze <k>', 'the first K points are the baseline', positiveIntegerArgument)
    .option('--rephase', 're-phase the median after each sustained shift (baseline: --freeze, default 12)')
    .option('--json', 'print JSON')
    .action(async (args: string[], options: { freeze?: number; rephase?: boolean; json?: boolean }) => {
      const words = args.length > 0 ? args : (await readAll(io)).split(/[\s,;]+/).filter(Boolean);
      const values: (number | null)[] = [];
      for (const [index, word] of words.entries()) {
        if (/^(NA|N\/A)$/i.test(word)) values.push(null);
        else if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(word)) values.push(Number(word));
        else {
          io.err.write(`pace: value ${index + 1} is not a number or NA: ${word}\n`);
          return done(exitCodes.usage);
        }
      }
      if (values.length === 0) {
        io.err.write('pace: give the series as arguments or on standard input\n');
        return done(exitCodes.usage);
      }
      const spcOptions = { ...(options.freeze !== undefined ? { freeze: options.freeze } : {}), ...(options.rephase ? { rephase: true } : {}) };
      const problem = checkSpcOptions(values, spcOptions);
      if (problem) {
        io.err.write(`pace: ${problem.message}\n`);
        return done(exitCodes.usage);
      }
      const analysis = analyseSeries(values, spcOptions);
      if (options.json) writeJson(io, analysis);
      else io.out.write(`${values.length} points, centre line ${analysis.cl ?? '—'}\n${describeVerdicts(analysis).map((line) => `- ${line}\n`).join('')}`);
      done(exitCodes.ok);
    });
}

async function readAll(io: Io): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += chunk.toString();
  return text;
}
