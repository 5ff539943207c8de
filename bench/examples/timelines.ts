// Example timelines from the synthetic demo authority, for docs/screenshots/: the child with the
// most moves on the way to a decision, and the sibling group with the most moves between them.
// Run: npx tsx bench/examples/timelines.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { svgToPng } from '../../src/charts/render.js';
import { childTimelineSvg } from '../../src/charts/timeline-chart.js';
import { groupTimelineSvg } from '../../src/charts/timeline-group-chart.js';
import { nationalAims } from '../../src/domain/aim.js';
import { makeDate } from '../../src/domain/date.js';
import { childTimeline, type ChildTimeline } from '../../src/domain/timeline.js';
import { groupTimeline, selectGroup } from '../../src/domain/timeline-group.js';
import { generateAuthorities } from '../../src/demo/generate.js';

// A fixed date and seed, so the pictures are the same on every run.
const asAt = makeDate(2024, 3, 31);
const [demo] = generateAuthorities({ authorities: 1, children: 2000, seed: 'pace-demo', asAt });
if (!demo) throw new Error('the demo generator made no authority');
const aims = nationalAims();
const timelines = demo.records.map((record) => childTimeline(record, { asAt, aims }));

/** Many moves first, then the most decisions; a story of at most six years stays readable on one sheet. */
function interest(t: ChildTimeline): number {
  const years = (t.end.year - t.start.year);
  return years > 6 ? -1 : t.moves * 10 + t.marks.filter((m) => m.group === 'milestone').length;
}

const child = [...timelines].sort((a, b) => interest(b) - interest(a) || (a.childId < b.childId ? -1 : 1))[0] as ChildTimeline;
const groups = new Map<string, ChildTimeline[]>();
for (const t of timelines) if (t.siblingGroup !== null) groups.set(t.siblingGroup, [...(groups.get(t.siblingGroup) ?? []), t]);
const [siblingGroup] = [...groups.entries()]
  .filter(([, members]) => members.length === 3)
  .map(([name, members]) => [name, members.reduce((sum, t) => sum + interest(t), 0)] as const)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
if (siblingGroup === undefined) throw new Error('the demo authority has no sibling group of three');

const waiting = selectGroup(demo.records, { kind: 'waiting-longer-than', aim: aims[1] as (typeof aims)[number], weeks: 52 }, asAt);
const longestWaits = { ...waiting, title: `${waiting.title}: the 15 longest`, records: waiting.records.slice(0, 15) };

const out = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const group = groupTimeline(selectGroup(demo.records, { kind: 'siblings', siblingGroup }, asAt), { asAt, aims, alignment: { kind: 'calendar' } });
const pictures = {
  'timeline-child': childTimelineSvg(child),
  'timeline-siblings': groupTimelineSvg(group),
  // Placement histories of the children waiting longest for a recommendation, weeks since each was accommodated.
  'timeline-waiting-placements': groupTimelineSvg(groupTimeline(longestWaits, { asAt, aims, alignment: { kind: 'journey-start', journeyKind: 'accommodation' } }), { view: 'placements' }),
};
for (const [name, svg] of Object.entries(pictures)) {
  writeFileSync(join(out, `${name}.png`), svgToPng(svg));
  console.log(`wrote docs/screenshots/${name}.png`);
}
console.log(`child ${child.childId} (${child.moves} moves), sibling group ${siblingGroup}, ${waiting.records.length} waiting more than 52 weeks, as at ${asAt.toString()}`);
