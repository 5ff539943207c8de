// Child and group timelines in the web application: in the record page, as downloads, as print
// pages, and the group page. C7's figures as at 2018-09-30 are worked by hand in
// src/domain/timeline.test.ts; NORTH's aim 2 waits as at 2021-06-01 in test/web/fixtures.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, saveRecords } from '../../src/store/index.js';
import { child, placement } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth, saveSiblings } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The rows of the page's last table, each as its cells' text joined by " | ". */
function lastTableRows(html: string): string[] {
  const body = html.slice(html.lastIndexOf('<tbody>'), html.lastIndexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] as string).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1] as string)).join(' | '));
}

/** Every link's address and text, with `&amp;` read back as `&`. */
function linksOf(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: (m[1] as string).replace(/&amp;/g, '&'), text: textOf(m[2] as string) }));
}

/** The inline SVGs of a page. */
function svgsOf(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

describe.each(engines)('timelines on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await saveSiblings(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  const viewsOf = async (childId: string) => (await auditOf(web.connection, web.north, 'child', childId)).map((a) => `${a.username} ${a.action}`);

  describe("a child's timeline", () => {
    it("is in the child's record: the drawing, its summary, the same facts as tables, and its downloads", async () => {
      const response = await client.get('/a/NORTH/children/C7?as_at=2018-09-30');
      const text = textOf(response.body);
      // The page's answer first: no aim's milestone awaited, but a year since the last decision and no order.
      expect(text).toContain(
        "Waiting as at 30 September 2018 Not waiting for any aim's milestone. Still looked after, with no order yet: 52 weeks so far since the application lodged at court (29 September 2017). Every journey, aim by aim Details",
      );
      expect(text).toContain(
        'Timeline as at 30 September 2018 Born 15 June 2015. First recorded on 10 January 2016, aged 6 months. 4 moves of carer or setting. 52 weeks so far since the application lodged at court. As at 30 September 2018, aged 3 years 3 months.',
      );
      const svg = svgsOf(response.body)[0] ?? '';
      expect(svg).toContain('aria-label="Timeline for Alex Example (C7).');
      expect(svg).toContain('Residential care from 1 April 2017 to 15 October 2017 (carer RES-1)');
      // The text alternative: where the child lived, what happened, the gaps and the due dates.
      expect(text).toContain('Where the child lived, earliest first From To Setting Carer How it began 1 February 2016 31 August 2016 at home with parents parents Became looked after');
      expect(text).toContain('1 January 2017 31 March 2017 foster care FOS-1 Same carer, new placement record (not a move)');
      expect(text).toContain('1 April 2017 15 October 2017 residential care RES-1 A move to a new carer or setting');
      expect(text).toContain('1 June 2018 30 September 2018, continuing with prospective adopters ADO-1 A move to a new carer or setting');
      expect(text).toContain('What happened, earliest first Date Event Route 10 January 2016 Referral');
      expect(text).toContain('10 March 2017 Permanence recommendation adoption');
      expect(text).toContain('The time between decisions From To Time Looked after away from home, 1 September 2016 Permanence recommendation, 10 March 2017 27 weeks');
      expect(text).toContain('Application lodged at court, 29 September 2017 As at, 30 September 2018 52 weeks so far');
      expect(text).toContain("The aims' due dates Aim What was due Due on Outcome Aim 2: permanence recommendation Permanence recommendation due (26 weeks) 2 March 2017 missed by 8 days");
      expect(linksOf(response.body)).toEqual(
        expect.arrayContaining([
          { href: '/a/NORTH/children/C7/timeline.svg?as_at=2018-09-30', text: 'Download SVG picture of the timeline' },
          { href: '/a/NORTH/children/C7/timeline.png?as_at=2018-09-30', text: 'Download PNG picture of the timeline' },
          { href: '/a/NORTH/children/C7/timeline/print?as_at=2018-09-30', text: 'Print (A4)' },
        ]),
      );
      expect(await viewsOf('C7')).toEqual(['amy view']);
      // The phone's drawing is a picture of its own, fetched only where it is shown (lazy, and hidden on a desk).
      expect(response.body).toContain(
        '<img class="pace-chart--narrow pace-chart-picture" src="/a/NORTH/children/C7/timeline.svg?as_at=2018-09-30&amp;size=small" alt="Timeline for Alex Example (C7). Born 15 June 2015. First recorded on 10 January 2016, aged 6 months. 4 moves of carer or setting. 52 weeks so far since the application lodged at court. As at 30 September 2018, aged 3 years 3 months." width="560" loading="lazy"/>',
      );
      expect(svgsOf(response.body)).toHaveLength(1);
    });

    it("draws the phone's picture small, as at the date asked, audited as any view of the child", async () => {
      const small = await client.get('/a/NORTH/children/C7/timeline.svg?as_at=2018-09-30&size=small');
      expect([small.statusCode, small.headers['content-type'], small.headers['content-disposition']]).toEqual([200, 'image/svg+xml; charset=utf-8', 'attachment; filename="NORTH-C7-timeline-2018-09-30-small.svg"']);
      expect(small.body).toMatch(/^<svg [^>]*viewBox="0 0 560 \d+"/);
      for (const words of ['Residential care from 1 April 2017 to 15 October 2017 (carer RES-1)', '52 weeks so far', '>Decisions and milestones</text>']) expect(small.body).toContain(words);
      expect(await viewsOf('C7')).toEqual(['amy view']);
      const wrong = await client.get('/a/NORTH/children/C7/timeline.svg?size=huge');
      expect([wrong.statusCode, textOf(wrong.body).includes('The size of a timeline picture is "small", or not given for the full drawing.')]).toEqual([400, true]);
    });

    it('downloads as SVG and PNG, as at the date asked, each download audited', async () => {
      const svg = await client.get('/a/NORTH/children/C7/timeline.svg?as_at=2018-09-30');
      expect([svg.statusCode, svg.headers['content-type'], svg.headers['content-disposition']]).toEqual([200, 'image/svg+xml; charset=utf-8', 'attachment; filename="NORTH-C7-timeline-2018-09-30.svg"']);
      expect(svg.body).toMatch(/^<svg /);
      for (const words of ['Timeline for Alex Example (C7)', 'Residential care from 1 April 2017 to 15 October 2017 (carer RES-1)', '52 weeks so far', 'Permanence recommendation due (26 weeks)']) expect(svg.body).toContain(words);
      const png = await client.get('/a/NORTH/children/C7/timeline.png');
      expect([png.statusCode, png.headers['content-type'], png.headers['content-disposition']]).toEqual([200, 'image/png', 'attachment; filename="NORTH-C7-timeline-2021-06-01.png"']);
      expect([...png.rawPayload.subarray(0, 8)]).toEqual(pngSignature);
      expect(await viewsOf('C7')).toEqual(['amy view', 'amy view']);
    });

    it('prints on one A4 landscape sheet with the reference, name, date of birth, as-at date, timeline and legend', async () => {
      const response = await client.get('/a/NORTH/children/C7/timeline/print?as_at=2018-09-30');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('@page { size: A4 landscape; margin: 10mm }');
      expect(response.body).toMatch(/@media print \{[^}]*\.pace-print-bar \{ display: none; \}/);
      expect(response.body).not.toContain('ds_site-navigation');
      expect(textOf(response.body)).toContain('Timeline for Alex Example (C7) Reference C7 Name Alex Example Date of birth 15 June 2015 As at 30 September 2018');
      const sheets = response.body.match(/<section class="pace-sheet"/g) ?? [];
      expect(sheets).toHaveLength(1);
      const svg = svgsOf(response.body)[0] ?? '';
      // The legend is drawn on the chart, so it is on the paper.
      for (const words of ['A move to a new carer or setting', 'Time between decisions', 'Due date missed']) expect(svg).toContain(words);
      expect(linksOf(response.body)).toContainEqual({ href: '/a/NORTH/children/C7?as_at=2018-09-30', text: "Back to the child's record" });
      expect(await viewsOf('C7')).toEqual(['amy view']);
    });

    it('says so when nothing is recorded for the child yet', async () => {
      await saveRecords(web.connection, web.north, { children: [child({ childId: 'F6', firstName: 'Fay' })], placements: [], events: [] }, { by: 'fixture' });
      const text = textOf((await client.get('/a/NORTH/children/F6')).body);
      expect(text).toContain('Timeline as at 1 June 2021 Born 15 June 2015. 0 moves of carer or setting. As at 1 June 2021, aged 5 years 11 months.');
      expect(text).toContain('The timeline as tables Nothing is recorded for this child yet.');
    });

    it('answers 400 for an as-at date that is not a date, and 404 for a child that is not there', async () => {
      const bad = await client.get('/a/NORTH/children/C7/timeline.svg?as_at=31/02/2021');
      expect([bad.statusCode, textOf(bad.body).includes('Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)')]).toEqual([400, true]);
      expect((await client.get('/a/NORTH/children/Z9/timeline.png')).statusCode).toBe(404);
      expect((await client.get('/a/NORTH/children/Z9/timeline/print')).statusCode).toBe(404);
    });
  });

  describe('a group on one timeline', () => {
    it('offers the sibling groups and the aims to choose from, and draws nothing until a group is chosen', async () => {
      const response = await client.get('/a/NORTH/timelines');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<option value="SG1">SG1 (3 children)</option>');
      expect(response.body).toContain('<option value="aim-2">Aim 2: permanence recommendation</option>');
      expect(svgsOf(response.body)).toEqual([]);
    });

    it('draws a sibling group, eldest first, lists each child with a link to their record, and audits each', async () => {
      const response = await client.get('/a/NORTH/timelines?group=siblings&sibling_group=SG1');
      expect(response.statusCode).toBe(200);
      expect(textOf(response.body)).toContain('Brothers and sisters (sibling group SG1) 3 children match, eldest first. As at 1 June 2021.');
      const svg = svgsOf(response.body)[0] ?? '';
      const lanes = ['S1, born 2 Apr 2011', 'C7, born 15 Jun 2015', 'S3, born 20 Aug 2016'].map((words) => svg.indexOf(words));
      expect(lanes.every((at) => at > 0) && lanes[0]! < lanes[1]! && lanes[1]! < lanes[2]!).toBe(true);
      expect(lastTableRows(response.body).map((row) => row.split(' | ').slice(0, 5).join(' | '))).toEqual([
        'S1 | Robin Example | 2 April 2011 | foster care, 1 September 2016 to 31 May 2017; kinship care from 1 June 2017, continuing | 1',
        'C7 | Alex Example | 15 June 2015 | at home with parents, 1 February 2016 to 31 August 2016; foster care, 1 September 2016 to 31 December 2016; foster care, 1 January 2017 to 31 March 2017; residential care, 1 April 2017 to 15 October 2017; foster care, 16 October 2017 to 31 May 2018; with prospective adopters from 1 June 2018, continuing | 4',
        'S3 | Skye Example | 20 August 2016 | foster care, 1 September 2016 to 31 May 2017; kinship care from 1 June 2017, continuing | 1',
      ]);
      const links = linksOf(response.body);
      expect(links).toContainEqual({ href: '/a/NORTH/children/S1?as_at=2021-06-01', text: 'S1' });
      const query = 'group=siblings&sibling_group=SG1&align=calendar&view=full&as_at=2021-06-01';
      expect(links).toEqual(
        expect.arrayContaining([
          { href: `/a/NORTH/timelines.svg?${query}`, text: "Download SVG picture of the group's timelines" },
          { href: `/a/NORTH/timelines.png?${query}`, text: "Download PNG picture of the group's timelines" },
          { href: `/a/NORTH/timelines/print?${query}`, text: "Print each child's timeline (A4)" },
        ]),
      );
      for (const childId of ['S1', 'C7', 'S3']) expect(await viewsOf(childId)).toEqual(['amy view']);
      expect(await viewsOf('A1')).toEqual([]);
      // The phone's drawing, a picture of its own fetched only where it is shown; drawn small, each child's lines above their lane.
      expect(response.body).toContain(
        `<img class="pace-chart--narrow pace-chart-picture" src="/a/NORTH/timelines.svg?${query.replaceAll('&', '&amp;')}&amp;size=small" alt="Brothers and sisters (sibling group SG1), drawn for a small screen: the table below gives the same facts." width="560" loading="lazy"/>`,
      );
      const small = await client.get(`/a/NORTH/timelines.svg?${query}&size=small`);
      expect([small.statusCode, small.headers['content-disposition']]).toEqual([200, 'attachment; filename="NORTH-timelines-2021-06-01-small.svg"']);
      expect(small.body).toMatch(/^<svg [^>]*viewBox="0 0 560 \d+"/);
      for (const line of ['Robin Example (S1)', 'born 2 Apr 2011; 1 move', 'Alex Example (C7)', 'born 15 Jun 2015; 4 moves', 'Skye Example (S3)', 'born 20 Aug 2016; 1 move']) expect(small.body).toContain(`>${line}</text>`);
      for (const childId of ['S1', 'C7', 'S3']) expect(await viewsOf(childId)).toEqual(['amy view', 'amy view']);
      expect((await client.get(`/a/NORTH/timelines.svg?${query}&size=tiny`)).statusCode).toBe(400);
    });

    it('draws the children waiting more than a number of weeks for an aim, longest wait first', async () => {
      const response = await client.get('/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=10');
      expect(textOf(response.body)).toContain('Waiting more than 10 weeks (Aim 2: permanence recommendation) 3 children match, longest wait first.');
      expect(lastTableRows(response.body).map((row) => row.split(' | ')[0])).toEqual(['C3', 'E5', 'D4']);
      expect(lastTableRows(response.body)[0]).toContain('Permanence recommendation due (26 weeks), 2 March 2021: overdue by 13 weeks');
      // C3 alone has waited more than 26 weeks (39).
      const overdue = await client.get('/a/NORTH/timelines?group=waiting&aim=2&weeks=26');
      expect(lastTableRows(overdue.body).map((row) => row.split(' | ')[0])).toEqual(['C3']);
    });

    it('lines the children up by weeks since their journey started, and shows only where they lived when asked', async () => {
      const response = await client.get('/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=10&align=journey&view=placements');
      expect(svgsOf(response.body)[0]).toContain('Weeks since looked after away from home');
      expect(textOf(response.body)).toContain('Child Name Born Weeks counted from Where they lived Moves Timeline ends');
      expect(lastTableRows(response.body)[0]).toBe('C3 | Cal Clark | 20 January 2010 | 1 September 2020 | residential care from 1 September 2020, continuing | 0 | As at 1 June 2021, aged 11 years 4 months');
    });

    it('draws chosen children in the order chosen, and names a reference it has no record of', async () => {
      const response = await client.get('/a/NORTH/timelines?group=chosen&children=D4,%20A1,,Z9');
      expect(textOf(response.body)).toContain('2 children match, in the order chosen. As at 1 June 2021. No record of: Z9.');
      expect(lastTableRows(response.body).map((row) => row.split(' | ')[0])).toEqual(['D4', 'A1']);
    });

    it('says plainly when more children match than are drawn, and how they were ordered', async () => {
      const ids = Array.from({ length: 42 }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);
      await saveRecords(
        web.connection,
        web.north,
        { children: ids.map((childId) => child({ childId })), placements: ids.map((childId, i) => placement(`2020-01-${String((i % 28) + 1).padStart(2, '0')}`, null, 'foster', { childId, id: `P${childId}` })), events: [] },
        { by: 'fixture' },
      );
      const response = await client.get('/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=0');
      expect(textOf(response.body)).toContain('45 children match, longest wait first. As at 1 June 2021. Only the first 40 of the 45 are drawn and listed below (longest wait first). Choose a narrower group to see the others.');
      expect(lastTableRows(response.body)).toHaveLength(40);
      expect(svgsOf(response.body)[0]).toContain('45 children; 1 to 40 are shown.');
      expect(await viewsOf('D4')).toEqual([]);
    });

    it('downloads the group as SVG and PNG, and prints each drawn child on a sheet of their own', async () => {
      const query = 'group=siblings&sibling_group=SG1&view=placements';
      const svg = await client.get(`/a/NORTH/timelines.svg?${query}`);
      expect([svg.statusCode, svg.headers['content-type'], svg.headers['content-disposition']]).toEqual([200, 'image/svg+xml; charset=utf-8', 'attachment; filename="NORTH-timelines-2021-06-01.svg"']);
      expect(svg.body).toMatch(/^<svg /);
      expect(svg.body).toContain('Brothers and sisters (sibling group SG1)');
      const png = await client.get(`/a/NORTH/timelines.png?${query}`);
      expect([png.statusCode, png.headers['content-type']]).toEqual([200, 'image/png']);
      expect([...png.rawPayload.subarray(0, 8)]).toEqual(pngSignature);
      const print = await client.get(`/a/NORTH/timelines/print?${query}`);
      expect(print.body).toContain('@page { size: A4 landscape; margin: 10mm }');
      expect(print.body).toContain('.pace-sheet { margin: 0; break-after: page; break-inside: avoid; }');
      expect(print.body.match(/<section class="pace-sheet"/g)).toHaveLength(3);
      const text = textOf(print.body);
      expect([text.indexOf('Timeline for Robin Example (S1) Reference S1'), text.indexOf('Timeline for Alex Example (C7) Reference C7'), text.indexOf('Timeline for Skye Example (S3) Reference S3')].every((at, i, all) => at > 0 && (i === 0 || at > (all[i - 1] as number)))).toBe(true);
      expect(svgsOf(print.body)).toHaveLength(3);
      for (const childId of ['S1', 'C7', 'S3']) expect(await viewsOf(childId)).toEqual(['amy view', 'amy view', 'amy view']);
    });

    it('answers a query it cannot read with the error summary and a 400, never a stack trace', async () => {
      const response = await client.get('/a/NORTH/timelines?group=waiting&aim=nope&weeks=x&align=sideways&as_at=31/02/2021');
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('<div class="ds_error-summary" aria-labelledby="error-summary-title" role="alert">');
      const start = response.body.indexOf('ds_error-summary__list');
      const summary = response.body.slice(start, response.body.indexOf('</ul>', start));
      expect(linksOf(summary)).toEqual([
        { href: '#aim', text: 'There is no aim nope in this authority' },
        { href: '#weeks', text: 'Enter the weeks waited as a whole number from 0 to 1000, such as 26 (you entered x)' },
        { href: '#align', text: 'Choose to line the children up by calendar date or by weeks since their journey started (you entered sideways)' },
        { href: '#as_at', text: 'Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)' },
      ]);
      expect(response.body).not.toMatch(/\.ts:\d+|at async /);
      expect(svgsOf(response.body)).toEqual([]);
      for (const url of ['/a/NORTH/timelines?group=everyone', '/a/NORTH/timelines?group=siblings&sibling_group=SG9', '/a/NORTH/timelines?group=at-home&months=-3', '/a/NORTH/timelines?group=chosen&children=,', '/a/NORTH/timelines.svg', '/a/NORTH/timelines.png?view=full', '/a/NORTH/timelines/print?group=waiting&weeks=5']) {
        const refused = await client.get(url);
        expect([url, refused.statusCode, refused.body.includes('ds_error-summary')]).toEqual([url, 400, true]);
      }
      expect(textOf((await client.get('/a/NORTH/timelines.svg')).body)).toContain('There is a problem Choose which children to show');
    });
  });

  it('answers 404 on every timeline address to a user of another authority, and audits nothing', async () => {
    await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
    const other = new Client(web.app);
    await other.signIn('sam');
    const group = 'group=siblings&sibling_group=SG1';
    for (const url of ['/a/NORTH/children/C7/timeline.svg', '/a/NORTH/children/C7/timeline.png', '/a/NORTH/children/C7/timeline/print', '/a/NORTH/timelines', `/a/NORTH/timelines?${group}`, `/a/NORTH/timelines.svg?${group}`, `/a/NORTH/timelines.png?${group}`, `/a/NORTH/timelines/print?${group}`]) {
      expect([url, (await other.get(url)).statusCode]).toEqual([url, 404]);
    }
    expect(await viewsOf('C7')).toEqual([]);
  });

  it("is reached from the waiting list and from each aim's page", async () => {
    const chosen = linksOf((await client.get('/a/NORTH/waiting?aim=aim-2')).body);
    expect(chosen).toContainEqual({ href: '/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=0&as_at=2021-06-01', text: 'See these children on one timeline' });
    const overdue = linksOf((await client.get('/a/NORTH/waiting?aim=aim-2&status=overdue')).body);
    expect(overdue).toContainEqual({ href: '/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=26&as_at=2021-06-01', text: 'See these children on one timeline' });
    const every = linksOf((await client.get('/a/NORTH/waiting')).body);
    expect(every).toContainEqual({ href: '/a/NORTH/timelines?group=waiting&aim=aim-4&weeks=0&as_at=2021-06-01', text: 'Everyone waiting for Aim 4: application lodged at court' });
    // Each aim's page links the timelines of its children waiting longer than its timescale.
    expect(linksOf((await client.get('/a/NORTH/aims/aim-1')).body)).toContainEqual({ href: '/a/NORTH/timelines?group=waiting&aim=aim-1&weeks=104&as_at=2021-06-01', text: 'Timelines of children waiting more than 104 weeks' });
    expect(linksOf((await client.get('/a/NORTH/aims/aim-2')).body)).toContainEqual({ href: '/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=26&as_at=2021-06-01', text: 'Timelines of children waiting more than 26 weeks' });
  });
});
