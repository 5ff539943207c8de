/**
 * Progress of a long import: a bar on a terminal (reading by bytes, writing by records), or with
 * `--progress` a line per phase for logs; nothing otherwise.
 */
import cliProgress from 'cli-progress';
import type { ImportProgress } from '../ingest/import-files.js';
import type { Io } from './context.js';

export interface ProgressView {
  readonly update: (progress: ImportProgress) => void;
  readonly stop: () => void;
}

export function importProgress(io: Io, lines: boolean): ProgressView {
  if ((io.err as { isTTY?: boolean }).isTTY) return bar(io);
  if (lines) return phaseLines(io);
  return { update: () => {}, stop: () => {} };
}

function bar(io: Io): ProgressView {
  let phase: ImportProgress['phase'] | null = null;
  let current: cliProgress.SingleBar | null = null;
  const start = (label: string, total: number) => {
    current?.stop();
    current = new cliProgress.SingleBar({ stream: io.err, format: `${label.padEnd(8)} [{bar}] {percentage}% | {value}/{total}`, clearOnComplete: false, hideCursor: true }, cliProgress.Presets.shades_classic);
    current.start(total, 0);
  };
  return {
    update(progress) {
      if (progress.phase !== phase) {
        phase = progress.phase;
        if (progress.phase === 'reading') start('reading', progress.totalBytes);
        else if (progress.phase === 'writing') start('writing', progress.totalRecords);
        else {
          current?.stop();
          current = null;
          io.err.write('checking…\n');
        }
      }
      if (progress.phase === 'reading') current?.update(progress.bytes);
      else if (progress.phase === 'writing') current?.update(progress.records);
    },
    stop() {
      current?.stop();
    },
  };
}

function phaseLines(io: Io): ProgressView {
  let phase: ImportProgress['phase'] | null = null;
  return {
    update(progress) {
      if (progress.phase === phase) return;
      phase = progress.phase;
      if (progress.phase === 'reading') io.err.write(`pace: reading ${progress.totalBytes} bytes\n`);
      else if (progress.phase === 'checking') io.err.write('pace: checking\n');
      else io.err.write(`pace: writing ${progress.totalRecords} records\n`);
    },
    stop() {},
  };
}
