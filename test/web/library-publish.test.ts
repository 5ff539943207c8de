// Publishing a test's results to the shared change-idea library (every authority reads it): nothing
// that could identify one of the authority's children — a first or last name alone, in any order
// or case, a reference, a date of birth in any common format, their worker's or team's name — may
// leave the authority. Each is refused in the error summary, showing the data lead what matched and
// what kind of thing it is (never which child), and nothing is published.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLibraryIdeas, saveRecords } from '../../src/store/index.js';
import { child, d } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, type WebFixture } from './harness.js';

describe.each(engines)('publishing to the change-idea library, $name', (engine) => {
  let web: WebFixture;
  let lead: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    // NORTH's children A1 Amy Adams … E5 Eve Evans (fixtures.ts), and one more with a worker and a team.
    await saveNorth(web.connection, web.north);
    await saveRecords(web.connection, web.north, { children: [child({ childId: 'N-2207', firstName: 'Skye', lastName: 'MacLeod', dateOfBirth: d('2014-03-07'), worker: 'Morag Fraser', team: 'Leith Family Support' })] }, { by: 'fixture' });
    await addTestUser(web.connection, 'dl', [[web.north, 'data-lead']]);
    lead = new Client(web.app);
    await lead.signIn('dl');
    await lead.get('/a/NORTH/tests/new');
    const started = await lead.post('/a/NORTH/tests/new', { title: 'Legal advice referral form', change: 'Social workers send a referral form', change_idea: '', owner: 'Team leader', start_date: '2021-01-04', scale: 'one-team', agencies: ['legal'], aims: ['aim-2'] });
    expect(started.statusCode).toBe(303);
    await lead.get('/a/NORTH/tests/1/cycles/new');
    await lead.post('/a/NORTH/tests/1/cycles/new', { what: 'Three requests', who: 'Two social workers', where: 'One team', when: '2021-01-11', prediction: 'Advice within four weeks', measures: 'Days' });
    await lead.get('/a/NORTH/tests/1/cycles/1/do');
    await lead.post('/a/NORTH/tests/1/cycles/1/do', { do_date: '2021-02-01', what_happened: 'Three forms sent', observations: '' });
    await lead.get('/a/NORTH/tests/1/cycles/1/study');
    expect((await lead.post('/a/NORTH/tests/1/cycles/1/study', { study_date: '2021-02-15', result: 'Two of three within four weeks', numbers: '', quotes: '' })).statusCode).toBe(303);
    await lead.get('/a/NORTH/tests/1/publish');
  });

  afterEach(async () => {
    await web.dispose();
  });

  const published = async () => (await listLibraryIdeas(web.connection)).filter((idea) => idea.source === 'published').length;

  it('refuses a summary naming a child, a worker or a team in any form, showing what matched and what kind, and publishes nothing', async () => {
    const cases: [string, string][] = [
      ['It helped Adams, Amy most', '“Adams” (a child’s last name), “Amy” (a child’s first name)'],
      ['Skye settled well', '“Skye” (a child’s first name)'],
      ['SKYE and macleod both', '“SKYE” (a child’s first name), “macleod” (a child’s last name)'],
      ['after a visit to the Isle of Skye', '“Skye” (a child’s first name)'],
      ['for Ben’s review', '“Ben” (a child’s first name)'],
      ['born 2014-03-07', '“2014-03-07” (a child’s date of birth)'],
      ['born 07/03/2014', '“07/03/2014” (a child’s date of birth)'],
      ['born 7/3/2014', '“7/3/2014” (a child’s date of birth)'],
      ['born 7 March 2014', '“7 March 2014” (a child’s date of birth)'],
      ['born 7th March 2014', '“7th March 2014” (a child’s date of birth)'],
      ['born on the 7th of March, 2014', '“7th of March, 2014” (a child’s date of birth)'],
      ['born March 7 2014', '“March 7 2014” (a child’s date of birth)'],
      ['born March 7th, 2014', '“March 7th, 2014” (a child’s date of birth)'],
      ['born 07.03.14', '“07.03.14” (a child’s date of birth)'],
      ['born 7-Mar-14', '“7-Mar-14” (a child’s date of birth)'],
      ['born 20140307', '“20140307” (a child’s date of birth)'],
      ['the case of N-2207', '“N-2207” (a child’s reference)'],
      ['the case of n2207', '“n2207” (a child’s reference)'],
      ['and C3 too', '“C3” (a child’s reference)'],
      ['Morag Fraser led it', '“Morag Fraser” (a worker’s name)'],
      ['led by Fraser, Morag', '“Fraser, Morag” (a worker’s name)'],
      ['the leith family support team', '“leith family support” (a team’s name)'],
    ];
    const failures: string[] = [];
    for (const [text, shown] of cases) {
      const response = await lead.post('/a/NORTH/tests/1/publish', { study_summary: `Two of three within four weeks; ${text}.`, act_summary: 'Adapted', consent: 'yes' });
      const expected = `<a href="#study_summary">Reword what could identify a child before publishing: ${shown}</a>`;
      if (response.statusCode !== 400 || !response.body.includes(expected)) failures.push(`${text}: ${response.statusCode} ${/There is a problem[\s\S]*?<\/ul>/.exec(response.body)?.[0] ?? ''}`);
    }
    expect(failures).toEqual([]);
    // The Act summary is checked too, and every kind found in one text is listed once.
    const both = await lead.post('/a/NORTH/tests/1/publish', { study_summary: 'Two of three', act_summary: 'Adapted for Eve (born 3 March 2016) and eve again', consent: 'yes' });
    expect(both.body).toContain('<a href="#act_summary">Reword what could identify a child before publishing: “Eve” (a child’s first name), “3 March 2016” (a child’s date of birth)</a>');
    expect(await published()).toBe(0);
  });

  it('refuses to publish a test whose title or change could identify a child, until the test is changed', async () => {
    await lead.get('/a/NORTH/tests/new');
    await lead.post('/a/NORTH/tests/new', { title: 'Referral form piloted with the MacLeod family', change: 'As agreed by Morag Fraser', change_idea: '', owner: 'Team leader', start_date: '2021-01-04', scale: 'one-team', agencies: ['legal'], aims: ['aim-2'] });
    await lead.get('/a/NORTH/tests/2/publish');
    const response = await lead.post('/a/NORTH/tests/2/publish', { study_summary: 'Two of three within four weeks', act_summary: 'Adapted', consent: 'yes' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#study_summary">The test’s title or change could identify a child: “MacLeod” (a child’s last name), “Morag Fraser” (a worker’s name). Change the test first</a>');
    expect(await published()).toBe(0);
  });

  it('publishes a text that names nobody: no part of a word, no other date, no short number', async () => {
    // "Amylase" holds Amy, "Evening" Eve, "2014" and "7 March 2015" are not a whole date of birth, "3" is not C3.
    const clean = 'Amylase? Evening meetings from 7 March 2015 to 2014-03-08 cut the wait to 3 weeks in the Isle of Arran team';
    const response = await lead.post('/a/NORTH/tests/1/publish', { study_summary: clean, act_summary: 'Adapted', consent: 'yes' });
    expect(response.statusCode).toBe(303);
    expect(await published()).toBe(1);
  });
});
