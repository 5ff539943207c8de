import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveRecords } from '../../src/store/index.js';
import { child, d, event } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const lateFix = '"Record milestones as they happen: late records make waits look shorter than they were. (Measured only where the recorded date is known: pace’s own forms, or a recorded_date column.)"';

describe.each(engines)('the data-quality page on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    // The source system's recording dates of the two recommendations: a lag is measured only where
    // one is known (the store's own time of import never counts).
    await saveRecords(
      web.connection,
      web.north,
      { events: [event('permanence_recommendation', '2020-06-01', 'adoption', { childId: 'A1', id: 'EA1', recordedDate: '2021-05-01' }), event('permanence_recommendation', '2020-10-05', 'permanence_order', { childId: 'B2', id: 'EB2', recordedDate: '2021-05-01' })] },
      { by: 'fixture' },
    );
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
    client = new Client(web.app);
    await client.signIn('dana');
  });

  afterEach(async () => {
    await web.dispose();
  });

  const addF6 = () =>
    saveRecords(
      web.connection,
      web.north,
      { children: [child({ childId: 'F6', firstName: 'Fay', dateOfBirth: d('2015-01-01') })], events: [event('adm_decision', '2021-01-10', 'adoption', { childId: 'F6', id: 'EF6', recordedDate: '2021-05-20' }), event('lac_review', '2021-01-11', null, { childId: 'F6', id: 'EF7' })] },
      { by: 'fixture', at: '2021-05-20T09:00:00.000Z' },
    );

  it('shows every problem with its child and what to fix, completeness of each milestone and recording lag', async () => {
    await addF6();
    const page = await client.get('/a/NORTH/data-quality');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('As at 1 June 2021: 6 children, 5 problems to look at.');
    expect(text).toContain('Rule Kind Problems Recorded late Warning 3 ADM decision before a recommendation Warning 1 Child with no placement Warning 1');
    // Recorded in the source system on 2021-05-01: 334 and 208 days after the events; F6's on 2021-05-20,
    // 130 days after. F6's review has no recorded date (stored 2021-05-20): no lag, no problem.
    expect(text).toContain('A1 event EA1 Warning event dated 2020-06-01 was recorded 334 days after it happened Record milestones as they happen');
    expect(text).toContain('B2 event EB2 Warning event dated 2020-10-05 was recorded 208 days after it happened');
    expect(text).toContain('F6 event EF6 Warning agency decision maker decision on 2021-01-10 has no permanence recommendation on or before it Record the permanence recommendation, or correct the date of the decision.');
    expect(text).toContain('F6 child F6 Warning child has no placement');
    expect(page.body).toContain('<a class="ds_link" href="/a/NORTH/children/F6">F6</a>');
    // Five accommodation journeys; three have gone 26 weeks (A1, B2, C3), two of them with a recommendation.
    expect(text).toContain('Accommodated: to the permanence recommendation Milestone Due Recorded Complete 72-hour planning meeting 5 0 0% Early review 5 0 0% Looked after child review 5 0 0% Permanence recommendation 3 2 66.7%');
    expect(text).toContain('Recording lag by kind of event Event Events Median days 90th percentile Recorded over 90 days late Agency decision maker decision 1 130 130 1 Permanence recommendation 2 334 334 2');
  });

  it('shows a change to the records at once, though it keeps today’s report between pages', async () => {
    expect(textOf((await client.get('/a/NORTH/data-quality')).body)).toContain('As at 1 June 2021: 5 children, 2 problems to look at.');
    await addF6();
    expect(textOf((await client.get('/a/NORTH/data-quality?rule=child-without-placement')).body)).toContain('As at 1 June 2021: 6 children, 5 problems to look at.');
    // Another date is reported as at that date.
    expect(textOf((await client.get('/a/NORTH/data-quality?as_at=2021-05-01')).body)).toContain('As at 1 May 2021: 6 children,');
  });

  it('lists one rule when asked, and downloads the lines as CSV', async () => {
    await addF6();
    const text = textOf((await client.get('/a/NORTH/data-quality?rule=child-without-placement')).body);
    expect(text).toContain('Problems: Child with no placement Show every rule');
    expect(text).not.toContain('A1 event EA1');
    const csv = await client.get('/a/NORTH/data-quality.csv?rule=recording-late&as_at=2021-05-25');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="data-quality-NORTH-2021-05-25.csv"');
    expect(csv.body.split('\r\n')).toEqual([
      'severity,rule,code,child_id,record,column,value,message,fix',
      `warning,Recorded late,recording-late,A1,event EA1,date,2020-06-01,event dated 2020-06-01 was recorded 334 days after it happened,${lateFix}`,
      `warning,Recorded late,recording-late,B2,event EB2,date,2020-10-05,event dated 2020-10-05 was recorded 208 days after it happened,${lateFix}`,
      `warning,Recorded late,recording-late,F6,event EF6,date,2021-01-10,event dated 2021-01-10 was recorded 130 days after it happened,${lateFix}`,
      '',
    ]);
  });

  it('names an as-at date it cannot use in the error summary', async () => {
    const page = await client.get('/a/NORTH/data-quality?as_at=31/02/2021');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<a href="#as_at">Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)</a>');
    expect(textOf(page.body)).toContain('As at 1 June 2021: 5 children');
  });
});
