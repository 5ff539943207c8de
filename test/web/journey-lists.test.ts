// Every count leads to its children: each count on the dashboard links to the list of exactly the
// journeys it counts, and the lists' totals are the counts (test/leaving-fixtures.ts, as at
// 2024-06-30, worked out by hand).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, saveRecords } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { leavingAsAt, leavingChildren } from '../leaving-fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('the journeys behind each count, on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine, { today: leavingAsAt });
    await saveRecords(web.connection, web.north, { children: leavingChildren.map((r) => r.child), placements: leavingChildren.flatMap((r) => r.placements), events: leavingChildren.flatMap((r) => r.events) }, { by: 'fixture' });
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  /** The address and number of each count link in the dashboard's summary row for an aim. */
  async function summaryLinks(aimName: string): Promise<{ href: string; count: number }[]> {
    const body = (await client.get('/a/NORTH')).body;
    const row = new RegExp(`<th scope="row"><a class="ds_link" href="/a/NORTH/aims/[^"]+">${aimName}</a></th>(.*?)</tr>`).exec(body)?.[1] ?? '';
    return [...row.matchAll(/<a class="ds_link" href="([^"]+)">(\d+)<\/a>/g)].map((m) => ({ href: (m[1] as string).replace(/&amp;/g, '&'), count: Number(m[2]) }));
  }

  it('links every count of every aim to a list holding exactly that many journeys, and its CSV the same', async () => {
    const expected: Record<string, Record<string, number>> = {
      'Aim 1: review of children looked after at home': { counted: 1, left_late: 1, waiting: 1, left_early: 1 },
      'Aim 2: permanence recommendation': { counted: 7, in_time: 2, late: 2, overdue: 1, left_late: 2, left_early: 2 },
      'Aim 3: Agency Decision Maker decision': { counted: 5, in_time: 2, late: 1, overdue: 1, left_late: 1, left_early: 1 },
      'Aim 4: application lodged at court': { counted: 3, in_time: 1, overdue: 1, left_late: 1, left_early: 1 },
    };
    for (const [aimName, counts] of Object.entries(expected)) {
      const links = await summaryLinks(aimName);
      const byStatus = Object.fromEntries(links.map((l) => [new URL(l.href, 'http://x').searchParams.get('status'), l.count]));
      expect(byStatus).toEqual(counts);
      for (const link of links) {
        const page = await client.get(link.href);
        expect(page.statusCode).toBe(200);
        expect(textOf(page.body)).toMatch(new RegExp(`: ${link.count} journeys? `));
        expect([...page.body.matchAll(/<tr><td><a class="ds_link" href="\/a\/NORTH\/children\//g)]).toHaveLength(link.count);
        const csv = await client.get(link.href.replace('/journeys?', '/journeys.csv?'));
        expect(csv.body.trimEnd().split('\r\n')).toHaveLength(link.count + 1);
      }
    }
  });

  it('lists the journeys that left after the timescale with when and why each child left, and downloads them', async () => {
    const page = await client.get('/a/NORTH/aims/aim-2/journeys?status=left_late&as_at=2024-06-30');
    const text = textOf(page.body);
    expect(text).toContain('Left after the timescale: 2 journeys');
    expect(text).toContain('Left after the timescale without a permanence recommendation (left care, moved, turned 18 or the plan was replaced): counts against the aim.');
    expect(text).toContain('L2B 1 March 2022 Left on 31 December 2022: moved home while still looked after 30 August 2022 43.6 weeks no plan recorded yet Left after the timescale');
    expect(text).toContain('T18 1 May 2021 Left on 28 February 2022: turned 18 30 October 2021 43.3 weeks no plan recorded yet Left after the timescale');
    const csv = await client.get('/a/NORTH/aims/aim-2/journeys.csv?status=left_late&as_at=2024-06-30');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-aim-2-left_late-2024-06-30.csv"');
    expect(csv.body.split('\r\n')).toEqual([
      'child_id,start,end,leave,leave_reason,due,weeks,route,status',
      'L2B,2022-03-01,,2022-12-31,run-ended,2022-08-30,43.6,undecided,left_late',
      'T18,2021-05-01,,2022-02-28,turned-18,2021-10-30,43.3,undecided,left_late',
      '',
    ]);
  });

  it('never shows a child who has left on the waiting list or the waiting chart', async () => {
    const waiting = textOf((await client.get('/a/NORTH/waiting')).body);
    for (const left of ['L2A', 'CSD', 'T18', 'L1B']) expect(waiting).not.toContain(left);
    expect(waiting).toContain('4 journeys are waiting: 3 overdue, 0 due within 4 weeks.');
    const chart = (await client.get('/a/NORTH/aims/aim-2/waiting-chart.csv?as_at=2024-06-30')).body;
    expect(chart.trimEnd().split('\r\n').map((line) => line.split(',')[0])).toEqual(['child_id', 'L1A']);
  });

  it('writes one audit entry for each view of a list, naming what was asked for', async () => {
    await client.get('/a/NORTH/aims/aim-2/journeys?status=overdue&as_at=2024-06-30');
    const entries = await auditOf(web.connection, web.north, 'journey-list', '/a/NORTH/aims/aim-2/journeys?status=overdue&as_at=2024-06-30');
    expect(entries.map((e) => [e.username, e.action])).toEqual([['amy', 'view']]);
  });

  it('refuses a list it does not have, and an aim that does not exist', async () => {
    expect((await client.get('/a/NORTH/aims/aim-2/journeys?status=gone')).statusCode).toBe(400);
    expect((await client.get('/a/NORTH/aims/aim-9/journeys')).statusCode).toBe(404);
  });
});
