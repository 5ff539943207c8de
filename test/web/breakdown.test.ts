// An aim's figures by group (issue 20, point 5): the page answers in words first, its table gives
// every figure with each count leading to exactly its journeys, small counts are hidden when the
// table is shown as it may be shared, and the chart and table download. test/breakdown-fixtures.ts
// gives the eighteen children and every figure worked out by hand, as at 2021-06-01 (the tests' today).
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveRecords, userRoles, type UserGrant, type UserRole } from '../../src/store/index.js';
import { seesSmallCounts } from '../../src/web/auth/access.js';
import { breakdownChildren, saveBreakdownChildren } from '../breakdown-fixtures.js';
import { engines } from '../engines.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const page = '/a/NORTH/aims/aim-2/breakdown';

/** The table's rows as text, cells joined by " | ". */
function tableRows(body: string): string[] {
  const { document } = parseHTML(body);
  return Array.from(document.querySelectorAll('main table tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim()).join(' | '));
}

/** The group and address of every count in a column of the table that is a link. */
function countLinks(body: string, column: number): { group: string; count: number; href: string }[] {
  const { document } = parseHTML(body);
  return Array.from(document.querySelectorAll('main table tbody tr')).flatMap((tr) => {
    const cells = Array.from(tr.querySelectorAll('td'));
    const link = cells[column]?.querySelector('a');
    return link ? [{ group: (cells[0]?.textContent ?? '').trim(), count: Number(link.textContent), href: link.getAttribute('href') ?? '' }] : [];
  });
}

/** The words before the table: the answer, the median, the groups with no percentage and all children. */
function answer(body: string): string {
  const text = textOf(body);
  return text.slice(text.indexOf('Does any group wait longer?') + 'Does any group wait longer?'.length, text.indexOf('Split the figures by:')).trim();
}

describe.each(engines)("an aim's figures by group, on $name", (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveBreakdownChildren(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('says first which group was in time less often, and that the intervals do not overlap, by age band at the start (the default)', async () => {
    const body = (await client.get(page)).body;
    expect(textOf(body)).toContain('Aim 2: permanence recommendation by age band at the start Figures as at 1 June 2021.');
    expect(answer(body)).toBe(
      [
        'Children aged 12–15 were in time less often: 0.0% (95% interval 0.0% to 39.0%, 0 of 6), against 100.0% (95% interval 67.6% to 100.0%, 8 of 8) for children aged 1–4. The intervals do not overlap.',
        'The longest median wait to the milestone: children aged 12–15, 30.0 weeks (3 journeys that reached it).',
        'No percentage yet for children aged under 1: none of their journeys has reached the milestone or gone past its timescale.',
        'All children: 62.5% in time (95% interval 38.6% to 81.5%, 10 of 16).',
      ].join(' '),
    );
    expect(tableRows(body)).toEqual([
      'Under 1 | 0 | 0 | none yet | none yet | none yet | 0 | 0 | 0 | 1 | 0',
      '1–4 | 8 | 8 | 100.0% | 67.6% to 100.0% | 13.0 | 0 | 0 | 0 | 0 | 0',
      '5–11 | 1 | 1 | 100.0% | 20.7% to 100.0% | 10.0 | 0 | 0 | 0 | 0 | 1',
      '12–15 | 6 | 0 | 0.0% | 0.0% to 39.0% | 30.0 | 3 | 2 | 1 | 0 | 0',
      '16–17 | 1 | 1 | 100.0% | 20.7% to 100.0% | 20.0 | 0 | 0 | 0 | 0 | 0',
      'All children | 16 | 10 | 62.5% | 38.6% to 81.5% | 13.0 | 3 | 2 | 1 | 1 | 1',
    ]);
  });

  it('says no group stands out when every interval overlaps, by sex, and names the least and most often in time', async () => {
    const body = (await client.get(`${page}?by=sex`)).body;
    expect(answer(body)).toBe(
      [
        'No group stands out: every interval overlaps the others.',
        'In time least often: children recorded as female, 57.1% (95% interval 25.0% to 84.2%, 4 of 7); most often: children recorded as other or not known, 100.0% (95% interval 20.7% to 100.0%, 1 of 1).',
        'The longest median wait to the milestone, 13.0 weeks, is shared by children recorded as male and children recorded as female.',
        'No percentage yet for children whose sex is not recorded: none of their journeys has reached the milestone or gone past its timescale.',
        'All children: 62.5% in time (95% interval 38.6% to 81.5%, 10 of 16).',
      ].join(' '),
    );
    expect(tableRows(body).map((row) => row.split(' | ').slice(0, 4).join(' | '))).toEqual(['Male | 8 | 5 | 62.5%', 'Female | 7 | 4 | 57.1%', 'Other or not known | 1 | 1 | 100.0%', 'Not recorded | 0 | 0 | none yet', 'All children | 16 | 10 | 62.5%']);
  });

  it('splits by placement type, route, team and locality, each with its groups in order and not recorded last', async () => {
    const firstCells = async (by: string) => tableRows((await client.get(`${page}?by=${by}`)).body).map((row) => row.split(' | ').slice(0, 4).join(' | '));
    expect(await firstCells('placement')).toEqual(['Kinship care | 3 | 3 | 100.0%', 'Foster care | 9 | 6 | 66.7%', 'Residential care | 3 | 0 | 0.0%', 'Secure care | 1 | 1 | 100.0%', 'All children | 16 | 10 | 62.5%']);
    expect(await firstCells('route')).toEqual([
      'Return to or remain at home | 4 | 1 | 25.0%',
      'Kinship care order | 2 | 1 | 50.0%',
      'Permanence order | 4 | 4 | 100.0%',
      'Adoption | 4 | 4 | 100.0%',
      'No plan recorded yet | 2 | 0 | 0.0%',
      'All children | 16 | 10 | 62.5%',
    ]);
    // M1's team is written "north ": the North team, named as most of its children have it.
    expect(await firstCells('team')).toEqual(['North | 8 | 5 | 62.5%', 'South | 8 | 5 | 62.5%', 'Not recorded | 0 | 0 | none yet', 'All children | 16 | 10 | 62.5%']);
    expect(await firstCells('locality')).toEqual(['Hillside | 8 | 8 | 100.0%', 'Riverside | 6 | 0 | 0.0%', 'Not recorded | 2 | 2 | 100.0%', 'All children | 16 | 10 | 62.5%']);
    const team = answer((await client.get(`${page}?by=team`)).body);
    expect(team).toContain('No group stands out: every interval overlaps the others. Every group was in time as often: 62.5%. The median wait to the milestone is the same in every group that has one: 13.0 weeks.');
    expect(answer((await client.get(`${page}?by=locality`)).body)).toContain('Children in Riverside were in time less often: 0.0% (95% interval 0.0% to 39.0%, 0 of 6), against 100.0% (95% interval 67.6% to 100.0%, 8 of 8) for children in Hillside. The intervals do not overlap.');
  });

  it("links each group's n, and every other count, to a list of exactly those journeys: a team or locality by its own filter, the rest by the group's", async () => {
    const checked: string[] = [];
    for (const by of ['age', 'sex', 'placement', 'route', 'team', 'locality']) {
      const body = (await client.get(`${page}?by=${by}`)).body;
      for (const column of [1, 2, 6, 7, 8, 9, 10]) {
        for (const link of countLinks(body, column)) {
          const list = await client.get(link.href);
          expect(list.statusCode, link.href).toBe(200);
          expect([...list.body.matchAll(/<tr><td><a class="ds_link" href="\/a\/NORTH\/children\//g)], link.href).toHaveLength(link.count);
          if (column === 1) checked.push(`${by} ${link.group}: ${link.count}, ${decodeURIComponent(link.href.split('?')[1] ?? '').replace(/\+/g, ' ')}`);
        }
      }
    }
    expect(checked).toEqual([
      'age 1–4: 8, as_at=2021-06-01&status=counted&by=age&group=1-4',
      'age 5–11: 1, as_at=2021-06-01&status=counted&by=age&group=5-11',
      'age 12–15: 6, as_at=2021-06-01&status=counted&by=age&group=12-15',
      'age 16–17: 1, as_at=2021-06-01&status=counted&by=age&group=16-17',
      'age All children: 16, as_at=2021-06-01&status=counted',
      'sex Male: 8, as_at=2021-06-01&status=counted&by=sex&group=M',
      'sex Female: 7, as_at=2021-06-01&status=counted&by=sex&group=F',
      'sex Other or not known: 1, as_at=2021-06-01&status=counted&by=sex&group=X',
      'sex All children: 16, as_at=2021-06-01&status=counted',
      'placement Kinship care: 3, as_at=2021-06-01&status=counted&by=placement&group=kinship',
      'placement Foster care: 9, as_at=2021-06-01&status=counted&by=placement&group=foster',
      'placement Residential care: 3, as_at=2021-06-01&status=counted&by=placement&group=residential',
      'placement Secure care: 1, as_at=2021-06-01&status=counted&by=placement&group=secure',
      'placement All children: 16, as_at=2021-06-01&status=counted',
      'route Return to or remain at home: 4, as_at=2021-06-01&status=counted&by=route&group=home',
      'route Kinship care order: 2, as_at=2021-06-01&status=counted&by=route&group=kinship_order',
      'route Permanence order: 4, as_at=2021-06-01&status=counted&by=route&group=permanence_order',
      'route Adoption: 4, as_at=2021-06-01&status=counted&by=route&group=adoption',
      'route No plan recorded yet: 2, as_at=2021-06-01&status=counted&by=route&group=undecided',
      'route All children: 16, as_at=2021-06-01&status=counted',
      'team North: 8, as_at=2021-06-01&team=North&status=counted',
      'team South: 8, as_at=2021-06-01&team=South&status=counted',
      'team All children: 16, as_at=2021-06-01&status=counted',
      'locality Hillside: 8, as_at=2021-06-01&locality=Hillside&status=counted',
      'locality Riverside: 6, as_at=2021-06-01&locality=Riverside&status=counted',
      'locality Not recorded: 2, as_at=2021-06-01&status=counted&by=locality&group=not-recorded',
      'locality All children: 16, as_at=2021-06-01&status=counted',
    ]);
  });

  it("names the group on its journey list, keeps it in the list's other counts, and refuses a group the breakdown has not", async () => {
    const list = await client.get('/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&status=counted&by=age&group=12-15');
    const text = textOf(list.body);
    expect(text).toContain('Counted in the percentage: 6 journeys');
    expect(text).toContain('Children aged 12–15.');
    expect(text).toContain('Late: 3');
    expect(list.body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=late&amp;by=age&amp;group=12-15"');
    const csv = await client.get('/a/NORTH/aims/aim-2/journeys.csv?as_at=2021-06-01&status=late&by=age&group=12-15');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-aim-2-late-age-12-15-2021-06-01.csv"');
    expect(csv.body.trimEnd().split('\r\n').map((line) => line.split(',')[0])).toEqual(['child_id', 'T1', 'T2', 'T3']);
    const wrong = await client.get('/a/NORTH/aims/aim-2/journeys?status=counted&by=age&group=teenagers');
    expect(wrong.statusCode).toBe(400);
    expect(textOf(wrong.body)).toContain('Choose a group of the breakdown by age band at the start (you entered teenagers)');
    expect((await client.get('/a/NORTH/aims/aim-2/journeys?status=counted&group=12-15')).statusCode).toBe(400);
  });

  it('hides counts under 5, and those that would give one away, when shown as it may be shared, and then links no count to its children', async () => {
    const body = (await client.get(`${page}?by=age&suppress=yes`)).body;
    expect(tableRows(body)).toEqual([
      'Under 1 | [c] | [c] | suppressed | suppressed | suppressed | [c] | [c] | [c] | [c] | [c]',
      '1–4 | [c] | [c] | suppressed | suppressed | 13.0 | [c] | [c] | [c] | [c] | [c]',
      '5–11 | [c] | [c] | suppressed | suppressed | suppressed | [c] | [c] | [c] | [c] | [c]',
      '12–15 | 6 | [c] | suppressed | suppressed | suppressed | [c] | [c] | [c] | [c] | [c]',
      '16–17 | [c] | [c] | suppressed | suppressed | suppressed | [c] | [c] | [c] | [c] | [c]',
      'All children | 16 | 10 | 62.5% | 38.6% to 81.5% | 13.0 | [c] | [c] | [c] | [c] | [c]',
    ]);
    expect(answer(body)).toBe('No group’s percentage is shown: each would give away a count under 5. All children: 62.5% in time (95% interval 38.6% to 81.5%, 10 of 16).');
    expect(body).not.toContain('/journeys?');
    expect(textOf(body)).toContain('As shared beyond the authority: a count under 5 reads [c] (confidential)');
    // The choice is kept from one dimension to the next, and the way back shows every count.
    expect(body).toContain(`href="${page}?as_at=2021-06-01&amp;by=sex&amp;suppress=yes"`);
    expect(body).toContain(`<a class="ds_link" href="${page}?as_at=2021-06-01&amp;by=age">Show every count</a>`);
    // The form for another date or team keeps the way of splitting and the hidden counts.
    expect(body).toContain('<input type="hidden" name="by" value="age"/><input type="hidden" name="suppress" value="yes"/>');
    const csv = await client.get(`${page}/age.csv?as_at=2021-06-01&suppress=yes`);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-aim-2-by-age-suppressed-2021-06-01.csv"');
    expect(csv.body.split('\r\n')).toEqual([
      'group,in_time,late,overdue,left_late,n,waiting,left_early,percent_in_time,ci95_lower,ci95_upper,median_weeks',
      'Under 1,[c],[c],[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,suppressed',
      '1–4,[c],[c],[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,13',
      '5–11,[c],[c],[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,suppressed',
      '12–15,[c],[c],[c],[c],6,[c],[c],suppressed,suppressed,suppressed,suppressed',
      '16–17,[c],[c],[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,suppressed',
      'All children,10,[c],[c],[c],16,[c],[c],62.5,38.6,81.5,13',
      '',
    ]);
  });

  it('shows every count to the authority’s own staff by default, in the page and the files', async () => {
    const body = (await client.get(`${page}?by=age`)).body;
    expect(tableRows(body).join('\n')).not.toContain('[c]');
    expect(textOf(body)).not.toContain('As shared beyond the authority');
    expect(body).toContain(`<a class="ds_link" href="${page}?as_at=2021-06-01&amp;by=age&amp;suppress=yes">Show it as it may be shared beyond the authority, with counts under 5 as [c]</a>`);
    const csv = await client.get(`${page}/age.csv?as_at=2021-06-01`);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-aim-2-by-age-2021-06-01.csv"');
    expect(csv.body.split('\r\n').slice(1, 3)).toEqual(['Under 1,0,0,0,0,0,1,0,,,,', '1–4,8,0,0,0,8,0,0,100,67.6,100,13']);
  });

  it('draws the dot chart: one dot a group with a percentage, its interval, all children as a dashed line, and a label for those who cannot see it; as SVG and PNG', async () => {
    const body = (await client.get(`${page}?by=age`)).body;
    const { document } = parseHTML(body);
    const [wide, narrow] = Array.from(document.querySelectorAll('main figure svg'));
    expect(wide?.getAttribute('role')).toBe('img');
    expect(wide?.getAttribute('aria-label')).toBe(
      "Aim 2: permanence recommendation by age band at the start: a dot chart of each group's percentage in time, with a line across each dot for its 95% confidence interval and a dashed line down the chart for all children, 62.5%. The table below gives every figure.",
    );
    // Four groups with a percentage (under 1 has none yet), in both drawings.
    expect(wide?.querySelectorAll('circle')).toHaveLength(4);
    expect(narrow?.querySelectorAll('circle')).toHaveLength(4);
    expect(wide?.textContent).toContain('All children: 62.5%');
    expect(wide?.textContent).toContain('0.0% (0 of 6)');
    expect(wide?.textContent).toContain('no percentage yet');
    const svg = await client.get(`${page}/age.svg?as_at=2021-06-01`);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers['content-disposition']).toBe('attachment; filename="NORTH-aim-2-by-age-2021-06-01.svg"');
    expect(svg.body.startsWith('<svg')).toBe(true);
    const png = await client.get(`${page}/age.png?as_at=2021-06-01`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await client.get(`${page}/ages.svg`)).statusCode).toBe(404);
  });

  it('counts a team as allocated on the as-at date', async () => {
    // T1 (late) moves from North to East on 20 May 2021.
    const t1 = breakdownChildren.find((r) => r.child.childId === 'T1')?.child;
    if (!t1) throw new Error('fixture');
    await saveRecords(web.connection, web.north, { children: [{ ...t1, team: 'East' }] }, { by: 'fixture', at: '2021-05-20T09:00:00.000Z' });
    const teams = async (asAt: string) => tableRows((await client.get(`${page}?by=team&as_at=${asAt}`)).body).map((row) => row.split(' | ').slice(0, 3).join(' | '));
    expect(await teams('2021-06-01')).toEqual(['East | 1 | 0', 'North | 7 | 5', 'South | 8 | 5', 'Not recorded | 0 | 0', 'All children | 16 | 10']);
    expect(await teams('2021-05-19')).toEqual(['North | 8 | 5', 'South | 8 | 5', 'Not recorded | 0 | 0', 'All children | 16 | 10']);
    // East's n leads to the East team's own list: T1 alone.
    const east = countLinks((await client.get(`${page}?by=team`)).body, 1)[0];
    expect(east?.href).toBe('/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&team=East&status=counted');
    expect(textOf((await client.get(east?.href ?? '')).body)).toContain('Counted in the percentage: 1 journey');
  });

  it("keeps the page's team filter, splitting only that team's children, and is linked from the aim's page", async () => {
    const rows = tableRows((await client.get(`${page}?by=age&team=South`)).body).map((row) => row.split(' | ').slice(0, 3).join(' | '));
    // South: Y5–Y8 (1–4, in time), T4–T6 (12–15: two overdue, one left late), O1 (16–17, in time).
    expect(rows).toEqual(['1–4 | 4 | 4', '12–15 | 3 | 0', '16–17 | 1 | 1', 'All children | 8 | 5']);
    // Split by team, the South team's children are one group: nothing to compare.
    expect(answer((await client.get(`${page}?by=team&team=South`)).body)).toBe('Only children of South team have a percentage: 62.5% (95% interval 30.6% to 86.3%, 5 of 8). No other group has one to compare it with. All children: 62.5% in time (95% interval 30.6% to 86.3%, 5 of 8).');
    const aim = (await client.get('/a/NORTH/aims/aim-2')).body;
    expect(aim).toContain(`<a class="ds_link" href="${page}?as_at=2021-06-01&amp;by=age">The same figures by age, sex, placement type, route, team and locality</a>`);
  });

  it('names a way of splitting it does not have in the error summary and splits by age, and has no breakdown of an aim that does not exist', async () => {
    const response = await client.get(`${page}?by=shoe-size`);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Choose how to split the figures: age, sex, placement, route, team or locality (you entered shoe-size)');
    expect(textOf(response.body)).toContain('Aim 2: permanence recommendation by age band at the start');
    expect((await client.get('/a/NORTH/aims/aim-9/breakdown')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/aims/aim-2/breakdown/age.csv?suppress=no')).statusCode).toBe(400);
  });
});

describe("the viewer's suppression rule", () => {
  it("lets every role of an authority's own staff see its counts under 5, and not a partner", () => {
    const grant = (role: UserRole) => ({ role }) as UserGrant;
    expect(userRoles.map((role) => [role, seesSmallCounts(grant(role))])).toEqual([
      ['partner', false],
      ['viewer', true],
      ['practitioner', true],
      ['data-lead', true],
      ['admin', true],
    ]);
  });
});
