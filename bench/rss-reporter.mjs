// Loaded with `node --import` into a benchmarked process: on exit, reports its peak resident set
// size (kilobytes) on a line of its own to standard error, for bench/lib.ts to read. Worker threads
// load it too (they inherit the process's options); only the main thread reports, as the process ends.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    process.stderr.write(`\nPACE_BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
  });
}
