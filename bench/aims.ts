// `npm run bench:aims`: every aim's figures and run-chart analyses — the four national aims, and
// twelve aims per authority (the four and eight local measures) — and the four charts of the four
// national aims, for one authority of 20,000 children and for 32 authorities of 10,000 each. Each
// scenario runs in its own process; the reference is one bare pass over the same records in the same
// process. Targets (issue 18, point 5; issue 15 asks the same of twelve aims): one authority ≤ 100 ms
// for figures and analyses, all 32 ≤ 2 s; the four charts of the four aims for one authority ≤ 300 ms.
import { join } from 'node:path';
import { root, round, runCommand, writeResults } from './lib.js';

async function scenario(name: 'one' | 'all' | 'one-national' | 'all-national'): Promise<Record<string, unknown>> {
  // The scenario runs compiled, as the product does (npm run bench:aims compiles it first).
  const run = await runCommand(process.execPath, ['--import', join(root, 'bench', 'rss-reporter.mjs'), join(root, 'bench', '.build', 'bench', 'aims-scenario.js'), name]);
  if (run.code !== 0) throw new Error(`scenario ${name} failed:\n${run.stderr}`);
  const line = run.stdout.trim().split('\n').pop() as string;
  return { ...(JSON.parse(line) as Record<string, number | string>), peak_rss_mb: run.maxRssMb === null ? null : round(run.maxRssMb, 0) };
}

const one = await scenario('one');
const all = await scenario('all');
const oneNational = await scenario('one-national');
const allNational = await scenario('all-national');
const ms = (value: unknown) => round(Number(value), 1);
const targets = { one_authority_figures_ms: 100, all_authorities_figures_ms: 2000, one_authority_charts_ms: 300 };
const met = {
  one: Number(one.figures_and_analyses_ms) <= targets.one_authority_figures_ms,
  all: Number(all.figures_and_analyses_ms) <= targets.all_authorities_figures_ms,
  one_national: Number(oneNational.figures_and_analyses_ms) <= targets.one_authority_figures_ms,
  all_national: Number(allNational.figures_and_analyses_ms) <= targets.all_authorities_figures_ms,
  charts: Number(oneNational.charts_ms) <= targets.one_authority_charts_ms,
};
const verdict = (ok: boolean) => (ok ? '(met)' : '(MISSED)');
writeResults(
  'aims',
  { one_authority: one, all_authorities: all, one_authority_national_four: oneNational, all_authorities_national_four: allNational, targets, targets_met: met },
  [
    '| scenario | aims | children | figures + analyses, median (ms) | target | fastest run (ms) | of the median run, full collections (ms) | full collections, all runs | four charts × 4 national aims (ms) | target | reference: one pass over the records (ms) | peak RSS (MB) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| 1 authority, the four national aims (issue 18) | 4 | ${oneNational.children} | ${ms(oneNational.figures_and_analyses_ms)} | ≤ ${targets.one_authority_figures_ms} ${verdict(met.one_national)} | ${ms(oneNational.figures_and_analyses_fastest_ms)} | ${ms(oneNational.median_run_full_collection_ms)} | ${oneNational.full_collections} | ${ms(oneNational.charts_ms)} | ≤ ${targets.one_authority_charts_ms} ${verdict(met.charts)} | ${ms(oneNational.reference_touch_every_record_ms)} | ${oneNational.peak_rss_mb} |`,
    `| 32 authorities, the four national aims (issue 18) | 4 | ${allNational.children} | ${ms(allNational.figures_and_analyses_ms)} | ≤ ${targets.all_authorities_figures_ms} ${verdict(met.all_national)} | ${ms(allNational.figures_and_analyses_fastest_ms)} | ${ms(allNational.median_run_full_collection_ms)} | ${allNational.full_collections} | ${ms(allNational.charts_ms)} | – | ${ms(allNational.reference_touch_every_record_ms)} | ${allNational.peak_rss_mb} |`,
    `| 1 authority, twelve aims (issue 15) | 12 | ${one.children} | ${ms(one.figures_and_analyses_ms)} | ≤ ${targets.one_authority_figures_ms} ${verdict(met.one)} | ${ms(one.figures_and_analyses_fastest_ms)} | ${ms(one.median_run_full_collection_ms)} | ${one.full_collections} | ${ms(one.charts_ms)} | – | ${ms(one.reference_touch_every_record_ms)} | ${one.peak_rss_mb} |`,
    `| 32 authorities, twelve aims (issue 15) | 12 | ${all.children} | ${ms(all.figures_and_analyses_ms)} | ≤ ${targets.all_authorities_figures_ms} ${verdict(met.all)} | ${ms(all.figures_and_analyses_fastest_ms)} | ${ms(all.median_run_full_collection_ms)} | ${all.full_collections} | ${ms(all.charts_ms)} | – | ${ms(all.reference_touch_every_record_ms)} | ${all.peak_rss_mb} |`,
    '',
    'Full collections: the mark-compact collections V8 made during the runs (Node\'s `gc` performance entries of kind major), every live object marked, the records included; the column gives their milliseconds within the median run, and how many there were over all the runs (15 for one authority, 5 for 32). With 32 authorities the records are about 1.3 GB of objects, and V8 starts a full collection whenever 64 MB more of ArrayBuffer memory is held than after the last one: the scenarios, like the server and the pace command, keep the journeys\' and cohorts\' columns in shared memory once the heap passes 256 MB, and collect once those have grown by a quarter of the heap (docs/decisions/0022-fast-figures.md, "Fourth pass" and "Fifth pass").',
    '',
    'Twelve aims per authority: the four national aims and eight local measures of the seed documents (issue 15). Each row is a process of its own: the four national aims are measured without the twelve aims\' journeys in memory beside them, as a server holding the four national aims would run. The target is judged on the median; one authority is measured 15 times, 32 authorities 5 times, and the fastest run is given beside it (the machine is shared, and other work only ever slows a run).',
    '',
    `Loading the one authority from SQLite (not counted above): ${ms(oneNational.load_from_sqlite_ms)} ms cold, ${ms(oneNational.reload_from_sqlite_ms)} ms again. That load includes putting each child's events in order by type and date, and its placements by date, once (putAllInOrder: one block of numbers for the whole authority, kept with the records for every as-at date's figures): ${ms(one.order_events_on_load_ms)} ms for the 20,000 children, ${ms(all.order_events_on_load_ms)} ms for the 32 authorities' 320,000 (done before the 32 authorities are timed, as their loading would).`,
  ].join('\n'),
);
