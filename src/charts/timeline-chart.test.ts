import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { manyMoves, siblings } from '../../test/timeline-fixtures.js';
import { nationalAims } from '../domain/aim.js';
import { groupTimeline, selectGroup } from '../domain/timeline-group.js';
import { childTimeline } from '../domain/timeline.js';
import { svgToPng } from './render.js';
import { inlinePicture } from './inline-picture.js';
import { childTimelineSvg } from './timeline-chart.js';
import { groupTimelineSvg } from './timeline-group-chart.js';
import { assignLevels } from './timeline-style.js';
import { sinceLastDecisionWords, timelineSummary } from './timeline-words.js';

const aims = nationalAims();
const asAt = d('2018-09-30');

function count(svg: string, text: string): number {
  return svg.split(text).length - 1;
}

describe("a child's timeline", () => {
  const timeline = childTimeline(manyMoves(), { asAt, aims });
  const svg = childTimelineSvg(timeline);

  it('drawn for a page, is the picture a page makes of the standalone drawing: one image, its marks not read out one by one', () => {
    const forPage = childTimelineSvg(timeline, { forPage: true });
    expect(forPage).toBe(inlinePicture(svg));
    expect(svg).toMatch(/<g [^>]*aria-label="x-axis tick"/);
    expect(forPage).not.toMatch(/<g [^>]*aria-label=/);
    expect(forPage).toContain('role="img"');
  });

  it('draws each placement as a band, saying where, when and with whom on hover', () => {
    for (const band of [
      'At home with parents from 1 February 2016 to 31 August 2016 (carer parents)',
      'Foster care from 1 September 2016 to 31 December 2016 (carer FOS-1)',
      'Foster care from 1 January 2017 to 31 March 2017 (carer FOS-1)',
      'Residential care from 1 April 2017 to 15 October 2017 (carer RES-1)',
      'Foster care from 16 October 2017 to 31 May 2018 (carer FOS-2)',
      'With prospective adopters from 1 June 2018, continuing (carer ADO-1)',
    ]) expect(svg).toContain(`<title>${band}</title>`);
    expect(svg).toContain('fill="url(#pace-timeline-residential)"');
  });

  it('marks each of the four moves, and not the new record with the same foster carer', () => {
    expect(count(svg, '<title>Moved on ')).toBe(4);
    expect(svg).not.toContain('Moved on 1 January 2017');
    expect(svg).toContain('(4 moves)');
  });

  it('labels each event in plain words, with the route and date of each decision', () => {
    for (const mark of [
      'Referral, 10 January 2016',
      "Children's hearing, 1 February 2016",
      '72-hour planning meeting, 3 September 2016',
      'Looked after child review, 13 October 2016',
      'Legal advice requested, 20 January 2017',
      'Legal advice received, 17 February 2017',
      'Permanence planning meeting, 10 March 2017',
      'Permanence recommendation: adoption, 10 March 2017',
      'Permanence panel, 5 May 2017',
      'Agency decision maker decision: adoption, 30 June 2017',
      'Application lodged at court: adoption, 29 September 2017',
    ]) expect(svg).toContain(`<title>${mark}</title>`);
    expect(svg).toMatch(/>Agency decision maker decision<\/tspan><tspan [^>]+>adoption<\/tspan><tspan [^>]+>30 Jun 2017<\/tspan>/);
    expect(svg).not.toMatch(/adm_decision|lac_review|permanence_order|childrens_hearing/);
  });

  it('draws the gaps between decisions with their weeks, and the wait still going', () => {
    for (const words of ['27 weeks', '8 weeks', '13 weeks', '52 weeks so far']) expect(svg).toContain(`>${words}</text>`);
    expect(count(svg, '>8 weeks</text>')).toBe(2);
    expect(svg).toContain('<title>Application lodged at court (29 September 2017) to the as-at date (30 September 2018): 52 weeks so far</title>');
  });

  it("marks each aim's due date with whether it was met", () => {
    expect(svg).toContain('<title>Permanence recommendation due (26 weeks) on 2 March 2017: missed by 8 days (Aim 2: permanence recommendation)</title>');
    expect(svg).toContain('<title>Agency decision maker decision due (14 weeks) on 16 June 2017: missed by 2 weeks (Aim 3: Agency Decision Maker decision)</title>');
    expect(svg).toContain('<title>Application to court due (3 weeks) on 21 July 2017: missed by 10 weeks (Aim 4: application lodged at court)</title>');
  });

  it('gives the age along the axis, a heading, a summary and a legend of only what is drawn', () => {
    for (const age of ['1 year', '1 year 6 months', '2 years', '2 years 6 months', '3 years']) expect(svg).toContain(`>${age}</text>`);
    expect(svg).toContain('>Timeline for Alex Example (C7)</text>');
    expect(timelineSummary(timeline)).toBe(
      'Born 15 June 2015. First recorded on 10 January 2016, aged 6 months. 4 moves of carer or setting. 52 weeks so far since the application lodged at court. As at 30 September 2018, aged 3 years 3 months.',
    );
    for (const words of ['At home with parents', 'Residential care', 'A move to a new carer or setting', 'Time between decisions', 'Time since the last decision, still going', 'Due date missed']) expect(svg).toContain(`>${words}</text>`);
    expect(svg).not.toContain('>Due date met</text>');
    expect(svg).not.toContain('>Kinship care</text>');
  });

  it('says how long the child has waited since the last decision, or since becoming looked after before any', () => {
    expect(sinceLastDecisionWords(timeline, { withDate: true })).toBe('52 weeks so far since the application lodged at court (29 September 2017)');
    // Looked after away from home since 1 January 2018, no decision yet: 272 days to the as-at date.
    const undecided = childTimeline(record([placement('2018-01-01', null, 'foster')]), { asAt, aims });
    expect(sinceLastDecisionWords(undecided, { withDate: true })).toBe('38 weeks so far since becoming looked after away from home (1 January 2018)');
    expect(timelineSummary(undecided)).toBe('Born 15 June 2015. First recorded on 1 January 2018, aged 2 years 6 months. 0 moves of carer or setting. 38 weeks so far since becoming looked after away from home. As at 30 September 2018, aged 3 years 3 months.');
    // An order granted: no wait still going.
    const ordered = childTimeline(record([placement('2018-01-01', null, 'foster')], [event('permanence_recommendation', '2018-03-01', 'adoption'), event('order_granted', '2018-09-01', 'adoption')]), { asAt, aims });
    expect(sinceLastDecisionWords(ordered, { withDate: true })).toBeNull();
  });

  it('leaves the name out when asked', () => {
    const anonymous = childTimelineSvg(timeline, { withoutName: true });
    expect([anonymous.includes('Timeline for C7'), anonymous.includes('Alex')]).toEqual([true, false]);
  });

  it('matches the committed snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/timeline-child.svg');
  });

  it('ends at legal permanence when the order is granted', () => {
    const granted = childTimelineSvg(childTimeline(manyMoves({ order: true }), { asAt: d('2019-01-01'), aims }));
    expect(granted).toContain('>Legal permanence (adoption): 10 October 2018</text>');
    expect(granted).toContain('>53 weeks</text>');
    expect(granted).not.toContain('so far');
  });

  it('still draws a sheet for a child with nothing recorded yet', () => {
    const empty = childTimelineSvg(childTimeline(record([]), { asAt, aims }));
    expect(empty).toContain('(0 moves)');
    expect(empty).toContain('As at 30 September 2018');
  });

  it('renders as a PNG twice the size of the SVG', () => {
    const png = svgToPng(svg);
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect([png.subarray(1, 4).toString('ascii'), png.readUInt32BE(16)]).toEqual(['PNG', width * 2]);
  });

  it('drawn small for a phone, is 560 wide with each row named above it, and no words smaller than the rest', () => {
    const small = childTimelineSvg(timeline, { size: 'small' });
    expect(/<svg[^>]* width="(\d+)"/.exec(small)?.[1]).toBe('560');
    expect(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]).toBe('1120');
    // The row names, each on one line and starting at the left, as the desk's drawing has them in its margin.
    const names = /<g [^>]*text-anchor="start"[^>]*aria-label="text">((?:<text transform="translate\(16,\d+\)" y="0.71em">[^<]*<\/text>)+)<\/g>/.exec(small)?.[1] ?? '';
    for (const name of ['Decisions and milestones', 'Time between decisions', 'Aim due dates', 'Where the child lived (4 moves)', 'Age']) expect(names).toContain(`y="0.71em">${name}</text>`);
    expect(svg).toContain('text-anchor="end" fill="#002d54" aria-label="text"><text transform="translate(190,236)"><tspan y="-0.18em" x="0">Decisions and</tspan><tspan dy="1em" x="0">milestones</tspan>');
    // Every word at the chart's 13 px or larger (the desk's legend is 12 px), the heading at 18.
    const sizes = [...small.matchAll(/<g [^>]*font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBe(13);
    expect(small).toContain('font-size="18"');
    expect(svg).toContain('font-size="12"');
    // The summary is in its label, not written under its heading (the page gives it above).
    expect(small).toContain(`aria-label="Timeline for Alex Example (C7). ${timelineSummary(timeline)}"`);
    expect(small).not.toContain('>Born 15 June 2015.');
    expect(svg).toContain('>Born 15 June 2015.');
    // The same facts: every band, move and event has its title in both.
    const titles = (text: string) => [...text.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]).sort();
    expect(titles(small)).toEqual(titles(svg));
  });

  it('keeps every label inside the small drawing, even one that fits on neither side of its mark', () => {
    const small = childTimelineSvg(timeline, { size: 'small' });
    // Each text's left and right edges, from its position, its group's shift, its anchor and its longest line.
    const edges = [...small.matchAll(/<g (?:transform="translate\((-?[\d.]+),0\)")?[^>]*text-anchor="(start|end|middle)"[^>]*>((?:<text[^>]*>.*?<\/text>)+)/g)].flatMap(([, dx = '0', anchor, inner]) =>
      [...(inner as string).matchAll(/<text transform="translate\(([\d.]+),[\d.]+\)"[^>]*>(.*?)<\/text>/g)].map(([, x, words]) => {
        const width = Math.max(...(words as string).replace(/<tspan[^>]*>/g, '\n').replace(/<[^>]+>/g, '').split('\n').map((line) => line.length)) * 13 * 0.62;
        const left = Number(x) + Number(dx) - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
        return [left, left + width];
      }),
    );
    expect(edges.length).toBeGreaterThan(15);
    expect(Math.min(...edges.map(([left]) => left as number))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...edges.map(([, right]) => right as number))).toBeLessThanOrEqual(560);
  });
});

describe('a child who left care', () => {
  it('marks the day they ceased to be looked after with a shape that shows (an asterisk, not the cross of a missed due date)', () => {
    const left = childTimeline(record([placement('2016-02-01', '2017-05-31', 'foster')], [event('referral', '2016-01-10'), event('ceased_looked_after', '2017-05-31', null, { id: 'E2' })]), { asAt, aims });
    const drawn = childTimelineSvg(left);
    expect(drawn).toMatch(/<path stroke-width="2.5" stroke="#002d54" fill="none" d="M0,7.392L0,-7.392M-6.402,-3.696L6.402,3.696M-6.402,3.696L6.402,-3.696" [^>]*><title>Ceased to be looked after, 31 May 2017<\/title><\/path>/);
    expect(drawn).not.toMatch(/<path [^>]*stroke="white"[^>]*><title>Ceased to be looked after/);
  });
});

describe('grouped timelines', () => {
  const group = groupTimeline(selectGroup(siblings(), { kind: 'siblings', siblingGroup: 'SG1' }, asAt), { asAt, aims, alignment: { kind: 'calendar' } });
  const svg = groupTimelineSvg(group);

  it('puts brothers and sisters on one axis, eldest first, each with their moves', () => {
    expect(svg).toContain('>Brothers and sisters (sibling group SG1)</text>');
    const lanes = ['S1, born 2 Apr 2011', 'C7, born 15 Jun 2015', 'S3, born 20 Aug 2016'].map((lane) => svg.indexOf(lane));
    expect(lanes.every((at, i) => at > 0 && (i === 0 || at > (lanes[i - 1] as number)))).toBe(true);
    expect([count(svg, '>1 move</text>'), count(svg, '>4 moves</text>')]).toEqual([2, 1]);
    expect(svg).toContain('<title>S1 moved on 1 June 2017: kinship care</title>');
  });

  it('shows the decisions and due dates of each child in the full view', () => {
    expect(svg).toContain('<title>S3: Agency decision maker decision: kinship care order, 14 July 2017</title>');
    // S1's aim 4 was due 2017-07-14 + 21 days = 2017-08-04; by 2018-09-30 that is 422 days past.
    expect(svg).toContain('<title>S1: Application to court due (3 weeks) on 4 August 2017: overdue by 60 weeks</title>');
    expect(svg).toContain('aged 7 years 5 months now');
  });

  it('matches the committed snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/timeline-siblings.svg');
  });

  it('drawn small for a phone, is 560 wide with each child on two lines above their lane, the same facts, no words smaller than the rest', () => {
    const small = groupTimelineSvg(group, { size: 'small' });
    expect(/<svg[^>]* width="(\d+)"/.exec(small)?.[1]).toBe('560');
    const lines = ['Robin Example (S1)', 'born 2 Apr 2011; 1 move', 'Alex Example (C7)', 'born 15 Jun 2015; 4 moves', 'Skye Example (S3)', 'born 20 Aug 2016; 1 move'].map((line) => small.indexOf(`y="0.71em">${line}</text>`));
    expect(lines.every((at, i) => at > 0 && (i === 0 || at > (lines[i - 1] as number)))).toBe(true);
    // No words in the margins: nothing anchored at the end of the left margin, no moves at the right.
    expect(small).not.toContain('>4 moves</text>');
    expect(Math.min(...[...small.matchAll(/<g [^>]*font-size="(\d+)"/g)].map((m) => Number(m[1])))).toBe(13);
    const titles = (text: string) => [...text.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]).sort();
    expect(titles(small)).toEqual(titles(svg));
  });

  it('shows only where each child lived and every move in the placement-history view', () => {
    const placements = groupTimelineSvg(group, { view: 'placements' });
    expect(count(placements, ' moved on ')).toBe(6);
    expect(placements).not.toContain('Agency decision maker decision');
    expect(placements).not.toContain('due (');
  });

  it('counts weeks from each journey when aligned by journey', () => {
    const aligned = groupTimelineSvg(groupTimeline(selectGroup(siblings(), { kind: 'siblings', siblingGroup: 'SG1' }, asAt), { asAt, aims, alignment: { kind: 'journey-start', journeyKind: 'accommodation' } }));
    expect(aligned).toContain('>Weeks since looked after away from home →</text>');
    expect(aligned).toContain('Weeks since looked after away from home, for each child.');
  });

  it('draws a large group a sheet at a time, each sheet on the whole group’s axis', () => {
    // C7 from January 2016; F only from March 2018. F's sheet keeps C7's years.
    const fostered = record([placement('2018-03-01', null, 'foster', { childId: 'F' })], [], { childId: 'F' });
    const pair = groupTimeline(selectGroup([manyMoves(), fostered], { kind: 'chosen', childIds: ['C7', 'F'] }, asAt), { asAt, aims, alignment: { kind: 'calendar' } });
    const sheet = groupTimelineSvg(pair, { lanes: { from: 1, to: 2 } });
    expect(sheet).toContain('2 children; 2 to 2 are shown.');
    expect(sheet).toMatch(/>F<\/tspan><tspan[^>]*>born 15 Jun 2015<\/tspan>/);
    expect(sheet).not.toContain('C7');
    const tickXs = (chart: string) => [...(/aria-label="x-axis tick">(.*?)<\/g>/.exec(chart)?.[1] ?? '').matchAll(/translate\(([\d.]+),/g)].map((m) => m[1]);
    expect(tickXs(sheet)).toEqual(tickXs(groupTimelineSvg(pair)));
    expect(sheet).toMatch(/<tspan[^>]*>Jan<\/tspan><tspan[^>]*>2016<\/tspan>/);
  });

  it('says so when the group is empty', () => {
    const empty = groupTimelineSvg(groupTimeline(selectGroup(siblings(), { kind: 'siblings', siblingGroup: 'NONE' }, asAt), { asAt, aims, alignment: { kind: 'calendar' } }));
    expect(empty).toContain('No children in this group');
  });
});

describe('keeping labels apart', () => {
  it('puts a label on the first level where it does not touch the one before', () => {
    // 0–100 on level 0; 50–150 overlaps it, level 1; 120–200 clears level 0 (100 + 8 gap).
    expect(assignLevels([{ left: 0, right: 100 }, { left: 50, right: 150 }, { left: 120, right: 200 }, { left: 130, right: 140 }])).toEqual([0, 1, 0, 2]);
  });

  it('past the last level, reuses the level that ends first', () => {
    expect(assignLevels([{ left: 0, right: 100 }, { left: 10, right: 50 }, { left: 20, right: 80 }], 2)).toEqual([0, 1, 1]);
  });
});
