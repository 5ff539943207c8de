import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../engines.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('the files pace reads, on $name', (engine) => {
  let web: WebFixture;

  beforeEach(async () => {
    web = await openWeb(engine);
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('describes every table, column and code the import checks, linked from the import page', async () => {
    const client = new Client(web.app);
    await client.signIn('dana');
    const importPage = (await client.get('/a/NORTH/import')).body;
    expect(importPage).toContain('<a class="ds_link" href="/help/format?authority=NORTH">The files pace reads: every column and code</a>');
    const text = textOf((await client.get('/help/format?authority=NORTH')).body);
    expect(text).toContain('events (events.csv) The columns of events Column Needed What it holds child_id Yes the child’s reference, as in children event_id Yes');
    expect(text).toContain('recorded_date No the day it was entered in the case-management system, when known (for recording lag); a file without the column keeps the one held');
    expect(text).toContain('locality No the area team or locality');
    expect(text).toContain('status No held (the default when empty or absent), planned, or cancelled planned_date No the day it was planned for: needed for a planned or cancelled event, optional for a held one; a file without the column keeps the one held');
    expect(text).toContain('date Yes the day it happened, not the day it was recorded; empty for an event planned or cancelled');
    expect(text).toContain('cancelled not held: cancelled (the reason in note)');
    expect(text).toContain('ceased_looked_after Ceased to be looked after');
    expect(text).toContain('poa permanence order with authority to adopt');
    expect(text).toContain('A row with a reference pace already holds replaces that record; the earlier version is kept in its history. A file that leaves out an optional column pace also lets you fill (names, sex, sibling group, worker, team, locality, legal basis, carer, recorded and planned dates) keeps what pace holds for it.');
    expect(text).toContain('Back to the import');
  });

  it('is there for anyone signed in, and nobody else', async () => {
    const anonymous = await new Client(web.app).get('/help/format');
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/sign-in?next=%2Fhelp%2Fformat']);
  });
});
