import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthority, grantNationalAnalyst, saveRecords, type AuthorityScope } from '../../src/store/index.js';
import { child, d, event, placement } from '../builders.js';
import { engines } from '../engines.js';
import { threeAuthorities } from '../national-fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

// NORTH and SOUTH (the harness's) have no records; Alpha, Beta and Gamma are worked out by hand in
// test/national-fixtures.ts. As at 2021-06-01 (the harness's today).
describe.each(engines)('the national view on $name', (engine) => {
  let web: WebFixture;
  let analyst: Client;
  let alpha: AuthorityScope;

  beforeEach(async () => {
    web = await openWeb(engine);
    for (const { authority, records } of threeAuthorities()) {
      const added = await addAuthority(web.connection, authority, 'test');
      if (!added.ok) throw new Error('fixture authority');
      if (authority.code === 'ALP') alpha = added.value.scope;
      await saveRecords(web.connection, added.value.scope, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
    }
    await grantNationalAnalyst(web.connection, await addTestUser(web.connection, 'nina', []), 'test');
    analyst = new Client(web.app);
    await analyst.signIn('nina');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('takes a national analyst with no authority straight to it', async () => {
    const home = await analyst.get('/');
    expect([home.statusCode, home.headers.location]).toEqual([303, '/national']);
  });

  it('compares the authorities on each aim, counts under 5 and those that would give one away hidden', async () => {
    const page = await analyst.get('/national');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Aim 2: permanence recommendation Every authority measured by the national definition: within 26 weeks');
    expect(text).toContain('All authorities: 55.6% in time (95% confidence interval 39.6% to 70.5%), n = 36.');
    expect(text).toContain(
      'Authority n In time % in time 95% confidence interval Median weeks ' +
        'Alpha Council 20 12 60.0% 38.7% to 78.1% 20.0 weeks ' +
        'Beta Council [c] [c] suppressed suppressed 25.0 weeks ' +
        'Gamma Council [c] [c] suppressed suppressed suppressed ' +
        'North Council [c] [c] suppressed suppressed suppressed ' +
        'South Council [c] [c] suppressed suppressed suppressed ' +
        'All authorities 36 20 55.6% 39.6% to 70.5% 20.0 weeks',
    );
    expect(text).toContain('No national percentage: its numbers are too small to publish (n = [c]).');
    expect(page.body).toContain('href="/national/aims/2?as_at=2021-05"');
  });

  it('shows an aim’s funnel plot with its table and downloads', async () => {
    const page = await analyst.get('/national/aims/2?as_at=2021-06-01');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain(
      'Authority In time Late Overdue or left after the timescale n Waiting, not yet due % in time 95% confidence interval Median weeks Against the funnel limits ' +
        'Alpha Council 12 [c] [c] 20 [c] 60.0% 38.7% to 78.1% 20.0 weeks within the 95% limits ' +
        'Beta Council [c] [c] [c] [c] [c] suppressed suppressed 25.0 weeks suppressed',
    );
    expect(text).toContain('All authorities 20 10 6 36 [c] 55.6% 39.6% to 70.5% 20.0 weeks');
    // The funnel: one dot (Alpha), labelled; the others named as not drawn.
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Alpha Council: 60.0% in time of 20');
    expect(page.body).toContain('Not shown, their numbers being too small to publish: Beta Council, Gamma Council, North Council, South Council');
    for (const href of ['/national/aims/2/funnel.svg?as_at=2021-05', '/national/aims/2/funnel.png?as_at=2021-05', '/national/aims/2/table.csv?as_at=2021-05']) expect(page.body).toContain(`href="${href}"`);
  });

  it('downloads the table as CSV with the same suppression, and the funnel as SVG and PNG', async () => {
    const csv = await analyst.get('/national/aims/2/table.csv?as_at=2021-06-01');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="national-aim-2-2021-05-31.csv"');
    expect(csv.body.split('\r\n')).toEqual([
      'authority_code,authority,in_time,late,overdue_or_left_late,n,waiting,percent_in_time,ci95_lower,ci95_upper,median_weeks,funnel_position',
      'ALP,Alpha Council,12,[c],[c],20,[c],60,38.7,78.1,20,within the 95% limits',
      'BET,Beta Council,[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,25,suppressed',
      'GAM,Gamma Council,[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,suppressed,suppressed',
      'NORTH,North Council,[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,suppressed,suppressed',
      'SOUTH,South Council,[c],[c],[c],[c],[c],suppressed,suppressed,suppressed,suppressed,suppressed',
      ',All authorities,20,10,6,36,[c],55.6,39.6,70.5,20,',
      '',
    ]);
    const svg = await analyst.get('/national/aims/2/funnel.svg?as_at=2021-06-01');
    expect([svg.statusCode, svg.headers['content-type'], svg.headers['content-disposition']]).toEqual([200, 'image/svg+xml; charset=utf-8', 'attachment; filename="national-aim-2-2021-05-31-funnel.svg"']);
    const png = await analyst.get('/national/aims/2/funnel.png?as_at=2021-06-01');
    expect([png.statusCode, png.headers['content-type'], png.rawPayload.subarray(1, 4).toString()]).toEqual([200, 'image/png', 'PNG']);
  });

  it('shows each authority quarter by quarter, every quarter suppressed as a table of its own, with its panels and CSV', async () => {
    const page = await analyst.get('/national/aims/2?as_at=2021-06-01');
    const text = textOf(page.body);
    expect(text).toContain("Quarter by quarter: each authority's percentage in time");
    // April to June 2020: Alpha's 12 in time of 12 (the 0 not in time, and so the 12 in time, hidden); the median of 12 completed.
    expect(text).toContain('Alpha Council [c] of [c] [c] of [c] [c] of [c] [c] of [c] [c] of 12, median 20.0 weeks [c] of [c] [c] of [c] [c] of [c]');
    expect(text).toContain('All authorities [c] of [c] [c] of [c] [c] of [c] [c] of [c] [c] of 20, median 20.0 weeks [c] of 10, median 30.0 weeks [c] of 6 [c] of [c]');
    expect(page.body).toContain('href="/national/aims/2/quarters.csv?as_at=2021-05"');
    const csv = await analyst.get('/national/aims/2/quarters.csv?as_at=2021-06-01');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="national-aim-2-2021-05-31-quarters.csv"');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('authority_code,authority,quarter,first_day,in_time,n,percent_in_time,median_weeks');
    expect(lines).toContain('ALP,Alpha Council,2020-Q2,2020-04-01,[c],12,suppressed,20');
    expect(lines).toContain(',All authorities,2020-Q3,2020-07-01,[c],10,suppressed,30');
    const svg = await analyst.get('/national/aims/2/quarters.svg?as_at=2021-06-01');
    expect([svg.statusCode, svg.headers['content-disposition']]).toEqual([200, 'attachment; filename="national-aim-2-2021-05-31-quarters.svg"']);
  });

  it('shows no child id, name or date of birth anywhere', async () => {
    const bodies = await Promise.all(['/national', '/national/aims/1', '/national/aims/2', '/national/aims/2/table.csv', '/national/aims/2/funnel.svg', '/national/aims/3/table.csv', '/national/aims/2/quarters.csv', '/national/aims/2/quarters.svg'].map(async (url) => (await analyst.get(url)).body));
    for (const body of bodies) expect(body).not.toMatch(/Zebedee|Secret\d|2012-03-04|ALP-|BET-|GAM-|04\/03\/2012|4 March 2012/);
  });

  it('limits the cohort to a from-date, and names a date it cannot use', async () => {
    const later = textOf((await analyst.get('/national/aims/2?as_at=2021-06-01&from=2020-06-01')).body);
    // Alpha 5 overdue, Gamma 1, the rest none: Alpha's 5 would give Gamma's 1 away to a reader who
    // knows the others have none; and with the national n and overdue both 6, the hidden national
    // in time and late could only be 0 (src/domain/national/national-comparison.test.ts).
    expect(later).toContain('Alpha Council [c] [c] [c] [c] [c] suppressed');
    expect(later).toContain('All authorities [c] [c] [c] 6 [c] suppressed');
    const bad = await analyst.get('/national?as_at=31/02/2021&from=soon');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#as_at">Enter the as-at month as a month, such as 2024-03 or 03/2024, or a date, such as 2024-03-31 or 31/03/2024 (you entered 31/02/2021)</a>');
    expect(bad.body).toContain('<a href="#from">Enter the from-month as a month, such as 2020-04 or 04/2020, or a date, or leave it empty (you entered soon)</a>');
    const backwards = await analyst.get('/national?as_at=2021-03&from=2021-04-20');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('<a href="#from">The from-month starts on 1 April 2021, after the figures’ date, 31 March 2021: choose an earlier month</a>');
    expect((await analyst.get('/national/aims/5')).statusCode).toBe(404);
  });

  it('gives the same figures for two requests a day apart: as at the end of the last whole month, which the page names', async () => {
    // Two tables a day apart would differ by that day's journeys: the dates move in whole months.
    // One more Alpha child, accommodated 4 January 2021 and recommended on 15 May 2021: waiting on
    // the 14th, in time on the 15th (Alpha's 12 in time of 20 would read 13 of 21).
    await saveRecords(web.connection, alpha, { children: [child({ childId: 'ALP-late-may', dateOfBirth: d('2015-01-01') })], placements: [placement('2021-01-04', null, 'foster', { childId: 'ALP-late-may', id: 'P-ALP-late-may' })], events: [event('permanence_recommendation', '2021-05-15', 'home', { childId: 'ALP-late-may', id: 'E-ALP-late-may' })] }, { by: 'fixture' });
    const csv = async (query: string) => (await analyst.get(`/national/aims/2/table.csv?${query}`)).body;
    const [the14th, the15th] = [await csv('as_at=2021-05-14'), await csv('as_at=2021-05-15')];
    expect(the15th).toBe(the14th);
    expect(the15th.split('\r\n')[1]).toBe('ALP,Alpha Council,12,[c],[c],20,[c],60,38.7,78.1,20,within the 95% limits');
    const download = await analyst.get('/national/aims/2/table.csv?as_at=2021-05-15&from=2019-11-20');
    expect(download.headers['content-disposition']).toBe('attachment; filename="national-aim-2-2021-04-30-from-2019-11-01.csv"');
    const words = async (query: string) => /Figures as at [^.]*\./.exec(textOf((await analyst.get(`/national?${query}`)).body))?.[0];
    expect(await words('as_at=2021-05-15')).toBe('Figures as at 30 April 2021, the end of the last whole month by 15 May 2021.');
    expect(await words('as_at=2021-05-15&from=2019-11-20')).toBe('Figures as at 30 April 2021, the end of the last whole month by 15 May 2021, for journeys that started on or after 1 November 2019.');
    expect(await words('as_at=2021-04')).toBe('Figures as at 30 April 2021.');
    // Today is 1 June 2021: May is the last month that has ended, however late a date is asked for.
    expect(await words('')).toBe('Figures as at 31 May 2021, the end of the last month that has ended.');
    expect(await words('as_at=2021-06')).toBe('Figures as at 31 May 2021, the end of the last month that has ended.');
    const page = await analyst.get('/national?as_at=2021-05-15');
    expect(page.body).toContain('href="/national/aims/2?as_at=2021-04"');
    expect(page.body).toContain('name="as_at" value="2021-05-15"');
  });

  it('gives a national analyst no authority’s pages', async () => {
    for (const url of ['/a/ALP', '/a/ALP/children', '/a/ALP/children/ALP-in_time-0', '/a/ALP/waiting', '/a/ALP/aims/aim-2', '/a/ALP/exports', '/a/NORTH']) expect((await analyst.get(url)).statusCode).toBe(404);
    expect((await analyst.get('/api/v1/authorities/ALP/children/ALP-in_time-0')).statusCode).not.toBe(200);
  });

  it('does not exist for a user with an authority role, however high', async () => {
    await addTestUser(web.connection, 'ada', [[alpha, 'admin'], [web.north, 'data-lead']]);
    const admin = new Client(web.app);
    await admin.signIn('ada');
    for (const url of ['/national', '/national/aims/2', '/national/aims/2/table.csv', '/national/aims/2/funnel.svg']) expect((await admin.get(url)).statusCode).toBe(404);
    expect(textOf((await admin.get('/')).body)).not.toContain('National view');
  });

  it('offers the national view beside the authorities of a user who has both', async () => {
    const both = await addTestUser(web.connection, 'bo', [[alpha, 'viewer']]);
    await grantNationalAnalyst(web.connection, both, 'test');
    const client = new Client(web.app);
    await client.signIn('bo');
    const home = await client.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<a class="ds_link" href="/national">National view: the national aims across authorities</a>');
    expect((await client.get('/a/ALP')).statusCode).toBe(200);
    expect((await client.get('/national')).statusCode).toBe(200);
  });
});
