// The poster on the web (issue 20, point 1), on every engine: its page shows the aims as sentences
// and the tests of change with their outcomes, and no child; the team's words are saved from a form
// by those who may change the improvement work, audited, and refused when they could identify a
// child; the A3 and A4 PDFs are made in the render pool, one page each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCycle, newTest, recordCyclePart, type TestOfChange } from '../../src/domain/improvement/test-of-change.js';
import { addTest, findPosterText, queryAudit, saveMeeting, saveTest } from '../../src/store/index.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { pdfPageTexts } from '../pdf-text.js';
import { northChildren, saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

function ok(result: { ok: true; value: TestOfChange } | { ok: false; error: unknown }): TestOfChange {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const today = d('2021-06-01');
const details = (title: string, aimIds: readonly string[]) => ({ title, change: 'A change', changeIdea: null, libraryIdea: null, agencies: ['legal' as const], owner: 'Team leader', aimIds, driverIds: [], start: d('2021-01-04'), scale: 'one-team' as const });
const plan = (when: string) => ({ what: 'Try it', who: 'Two workers', where: 'North team', when: d(when), prediction: 'Quicker', measures: 'Days' });

/** T1 adapted then adopted, T2 abandoned, T3 an idea. */
async function saveTests(web: WebFixture): Promise<void> {
  const by = { by: 'fixture' };
  let t1 = newTest(1, details('Legal advice referral form', ['aim-2']));
  await addTest(web.connection, web.north, t1, by);
  t1 = ok(addCycle(t1, plan('2021-01-11'), today));
  t1 = ok(recordCyclePart(t1, 1, { part: 'do', value: { date: d('2021-01-25'), whatHappened: 'Done', observations: '' } }, today));
  t1 = ok(recordCyclePart(t1, 1, { part: 'study', value: { date: d('2021-02-01'), result: 'Two of three', numbers: '', quotes: '' } }, today));
  t1 = ok(recordCyclePart(t1, 1, { part: 'act', value: { date: d('2021-02-08'), decision: 'adapt', nextStep: 'A checklist' } }, today));
  t1 = ok(addCycle(t1, plan('2021-02-15'), today));
  t1 = ok(recordCyclePart(t1, 2, { part: 'do', value: { date: d('2021-02-22'), whatHappened: 'Done', observations: '' } }, today));
  t1 = ok(recordCyclePart(t1, 2, { part: 'study', value: { date: d('2021-02-26'), result: 'All', numbers: '', quotes: '' } }, today));
  t1 = ok(recordCyclePart(t1, 2, { part: 'act', value: { date: d('2021-03-01'), decision: 'adopt', nextStep: 'Scale up' } }, today));
  await saveTest(web.connection, web.north, t1, by);
  let t2 = newTest(2, details('Remove the ratifying review', ['aim-3']));
  await addTest(web.connection, web.north, t2, by);
  t2 = ok(addCycle(t2, plan('2021-03-01'), today));
  t2 = ok(recordCyclePart(t2, 1, { part: 'do', value: { date: d('2021-03-08'), whatHappened: 'Refused', observations: '' } }, today));
  t2 = ok(recordCyclePart(t2, 1, { part: 'study', value: { date: d('2021-03-15'), result: 'Not possible', numbers: '', quotes: '' } }, today));
  t2 = ok(recordCyclePart(t2, 1, { part: 'act', value: { date: d('2021-03-22'), decision: 'abandon', nextStep: 'Change the policy' } }, today));
  await saveTest(web.connection, web.north, t2, by);
  await addTest(web.connection, web.north, newTest(3, details('Two-week review', [])), by);
}

const words = {
  done: '• Process-mapped our permanence process\n• Developed 2 aims with 11 tests of change',
  learning: 'We need to build confidence in social workers',
  next_steps: 'Prepare to scale up to other localities',
  contact: 'The PACE lead: pace.lead@north.gov.uk',
};

describe.each(engines)('the poster on the web, $name', (engine) => {
  let web: WebFixture;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await saveTests(web);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
  });

  afterEach(async () => {
    await web.dispose();
  });

  const signedIn = async (username: string) => {
    const client = new Client(web.app);
    await client.signIn(username);
    return client;
  };

  it('shows every reader the aims as sentences, each aim’s answer, and the tests of change with their outcomes; naming no child', async () => {
    const vic = await signedIn('vic');
    const page = await vic.get('/a/NORTH/poster');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain(
      'North Council – PACE Permanence and Care Excellence: our aims, what our data say, and the changes we are testing, as at 1 June 2021. Figures as at 1 June 2021; programme start 1 January 2020. Our aims All children looked after at home on a Compulsory Supervision Order will have a review of their whole period at home within 24 months of becoming looked after at home. All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
    );
    expect(text).toContain(
      'Aim 2: permanence recommendation Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 2 so far. Last 12 months 0.0% in time 0 of 2 journeys Since records began 33.3% in time 1 of 3 journeys',
    );
    expect(text).toContain(
      'Tests of change and what we decided Adopt T1: Legal advice referral form Cycle 1: adapt; cycle 2: adopt. Last decided 1 March 2021. Aim 2: permanence recommendation. Abandon T2: Remove the ratifying review Cycle 1: abandon. Last decided 22 March 2021. Aim 3: Agency Decision Maker decision. Not tested yet T3: Two-week review No cycle planned yet.',
    );
    // A viewer reads it; only those who may change the improvement work are offered the words' form.
    expect(text).toContain('Nobody has written the poster’s words yet. Not written yet: what have we done so far; key learning points; next steps; further information.');
    expect(page.body).not.toContain('href="/a/NORTH/poster/text"');
    expect((await (await signedIn('pat')).get('/a/NORTH/poster')).body).toContain('href="/a/NORTH/poster/text"');
    // Aggregates only: no child's reference, name or record, anywhere in the page (its charts included).
    for (const c of northChildren) for (const word of [c.childId, c.firstName, c.lastName]) expect(page.body).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(page.body).not.toContain('/children/');
    // Each aim's run chart is a picture of the poster's own drawing, which names no child either.
    expect(page.body.match(/<img class="pace-chart-picture" src="[^"]*"/g)).toEqual([1, 2, 3, 4].map((n) => `<img class="pace-chart-picture" src="/a/NORTH/poster/aim-${n}/run-chart.svg"`));
    expect(page.body).toContain('alt="Run chart of Aim 2: permanence recommendation: 2 children, one dot each at the date they reached the milestone, height the weeks it took; 1 test of change marked.');
    const chart = await vic.get('/a/NORTH/poster/aim-2/run-chart.svg');
    expect([chart.statusCode, chart.headers['content-type']]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    expect(chart.body).toMatch(/^<svg [^>]*width="560"/);
    // Each dot says its weeks and month, not whose it is.
    expect(chart.body.match(/<title>[^<]* to the milestone[^<]*<\/title>/g)).toEqual(['<title>21.7 weeks to the milestone, reached in June 2020</title>', '<title>35 weeks to the milestone, reached in October 2020</title>']);
    for (const c of northChildren) for (const word of [c.childId, c.firstName, c.lastName]) expect(chart.body).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect((await vic.get('/a/NORTH/poster/aim-2/quarters.svg')).statusCode).toBe(404);
    expect((await vic.get('/a/NORTH/poster/aim-9/run-chart.svg')).statusCode).toBe(404);
  });

  it('shows the poster as at another date, and says so when the date is not one', async () => {
    const vic = await signedIn('vic');
    const earlierPage = (await vic.get('/a/NORTH/poster?as_at=2021-02-15')).body;
    const earlier = textOf(earlierPage);
    expect(earlier).toContain('as at 15 February 2021.');
    // Its charts are as at that date too.
    expect(earlierPage).toContain('<img class="pace-chart-picture" src="/a/NORTH/poster/aim-2/run-chart.svg?as_at=2021-02-15"');
    expect((await vic.get('/a/NORTH/poster/aim-2/run-chart.svg?as_at=2021-02-30')).statusCode).toBe(400);
    expect(earlier).toContain('Adapt T1: Legal advice referral form Cycle 1: adapt. Cycle 2 under way. Last decided 8 February 2021.');
    // T2 had started, but its first cycle was planned for March.
    expect(earlier).toContain('Not tested yet T2: Remove the ratifying review No cycle planned yet.');
    const bad = await vic.get('/a/NORTH/poster?as_at=2021-02-30');
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('There is a problem Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 2021-02-30)');
  });

  it('prints on A3, or on A4 when asked', async () => {
    const vic = await signedIn('vic');
    const a3 = (await vic.get('/a/NORTH/poster')).body;
    expect(a3).toContain('@page { size: A3 portrait; margin: 10mm }');
    expect(a3).toContain('<a class="ds_link" href="/a/NORTH/poster?size=a4">Print it on A4 instead</a>');
    const a4 = (await vic.get('/a/NORTH/poster?size=a4&as_at=2021-05-01')).body;
    expect(a4).toContain('@page { size: A4 portrait; margin: 7mm }');
    expect(a4).toContain('<a class="ds_link" href="/a/NORTH/poster?as_at=2021-05-01">Print it on A3 instead</a>');
    expect(a4).toContain('<a class="ds_link" href="/a/NORTH/poster/pdf?as_at=2021-05-01&amp;size=a4">A4</a>');
  });

  it('saves the team’s words from the form, audited, and shows them as points on the poster', async () => {
    const pat = await signedIn('pat');
    expect((await pat.get('/a/NORTH/poster/text')).statusCode).toBe(200);
    const saved = await pat.post('/a/NORTH/poster/text', words);
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/poster?saved=1']);
    const text = textOf((await pat.get('/a/NORTH/poster?saved=1')).body);
    expect(text).toContain('The poster’s words are saved.');
    expect(text).toMatch(/The poster's words were last saved by pat on \d{1,2} \w+ \d{4} at \d\d:\d\d\. Change the poster's words/);
    expect(text).toContain('What have we done so far? Process-mapped our permanence process Developed 2 aims with 11 tests of change Key learning points We need to build confidence in social workers');
    expect(text).toContain('Next steps Prepare to scale up to other localities Further information The PACE lead: pace.lead@north.gov.uk');
    expect((await findPosterText(web.connection, web.north))?.text).toEqual({ done: words.done, learning: words.learning, nextSteps: words.next_steps, contact: words.contact });
    // The form shows what is saved; a change is saved over it.
    expect((await pat.get('/a/NORTH/poster/text')).body).toContain('We need to build confidence in social workers</textarea>');
    await pat.post('/a/NORTH/poster/text', { ...words, learning: 'Cross-agency relationships matter' });
    const audit = (await queryAudit(web.connection, web.north, { username: 'pat' }, { offset: 0, limit: 50, order: 'oldest' })).entries.filter((e) => e.entity === 'poster');
    expect(audit.map((e) => `${e.username} ${e.action} ${e.entity} ${e.recordId} from=${e.clientIp}`)).toEqual(['pat add poster text from=127.0.0.1', 'pat edit poster text from=127.0.0.1']);
  });

  it('refuses words that could identify a child, saying what matched and what kind of thing it is, and saves nothing', async () => {
    const pat = await signedIn('pat');
    await pat.get('/a/NORTH/poster/text');
    const refused = await pat.post('/a/NORTH/poster/text', { ...words, done: 'Moved Amy home within 20 weeks\nC3 waited longest', contact: 'Amy Adams, or the PACE lead' });
    expect(refused.statusCode).toBe(400);
    const text = textOf(refused.body);
    expect(text).toContain('There is a problem Reword what could identify a child: “Amy” (a child’s first name), “C3” (a child’s reference) Reword what could identify a child: “Amy Adams” (a child’s name)');
    expect(refused.body).toContain('Moved Amy home within 20 weeks');
    const crowded = await pat.post('/a/NORTH/poster/text', { ...words, next_steps: Array.from({ length: 9 }, (_, i) => `Step ${i + 1}`).join('\n') });
    expect(crowded.statusCode).toBe(400);
    expect(textOf(crowded.body)).toContain('The next steps can have at most 8 points, one a line (you entered 9)');
    expect(await findPosterText(web.connection, web.north)).toBeNull();
  });

  it('lets only those who may change the improvement work change the words; another authority does not see the poster at all', async () => {
    const vic = await signedIn('vic');
    expect((await vic.get('/a/NORTH/poster/text')).statusCode).toBe(403);
    await vic.get('/a/NORTH/poster');
    expect((await vic.post('/a/NORTH/poster/text', words)).statusCode).toBe(403);
    const sam = await signedIn('sam');
    for (const url of ['/a/NORTH/poster', '/a/NORTH/poster/text', '/a/NORTH/poster-a3.pdf', '/a/NORTH/poster/pdf']) expect((await sam.get(url)).statusCode, url).toBe(404);
    expect(await findPosterText(web.connection, web.north)).toBeNull();
  });

  it('makes the A3 and A4 PDFs in the render pool, each one page, as at the date asked for, offered once made', async () => {
    const vic = await signedIn('vic');
    let page = await vic.get('/a/NORTH/poster/pdf?size=a4');
    for (let tries = 0; tries < 100 && !textOf(page.body).includes('The PDF is ready'); tries += 1) {
      expect(page.body).toContain('<meta http-equiv="refresh" content="1"/>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = await vic.get('/a/NORTH/poster/pdf?size=a4');
    }
    expect(textOf(page.body)).toContain('Poster as a PDF Poster, A4: North Council – PACE The PDF is ready');
    expect(page.body).toContain('<a class="ds_button" href="/a/NORTH/poster-a4.pdf">Download the PDF</a>');
    const a4 = await vic.get('/a/NORTH/poster-a4.pdf');
    expect([a4.statusCode, a4.headers['content-type'], a4.headers['content-disposition']]).toEqual([200, 'application/pdf', 'attachment; filename="poster-NORTH-2021-06-01-a4.pdf"']);
    const a4Text = pdfPageTexts(a4.rawPayload);
    expect(a4Text.length).toBe(1);
    expect(a4Text[0]).toContain('North Council – PACE');
    expect(a4.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const a3 = await vic.get('/a/NORTH/poster-a3.pdf?as_at=2021-02-15');
    expect(a3.headers['content-disposition']).toBe('attachment; filename="poster-NORTH-2021-02-15-a3.pdf"');
    expect(pdfPageTexts(a3.rawPayload)[0]).toContain('as at 15 February 2021.');
    expect(a3.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 841.89 1190.55]');
    expect((await vic.get('/a/NORTH/poster-a3.pdf?as_at=yesterday')).statusCode).toBe(400);
  });

  it('is offered from the improvement work, the meetings and the dashboard', async () => {
    await saveMeeting(web.connection, web.north, { date: d('2021-03-10'), title: "Champions' group", notes: '' }, { by: 'fixture' });
    const vic = await signedIn('vic');
    expect((await vic.get('/a/NORTH/improvement')).body).toContain('<a class="ds_link" href="/a/NORTH/poster">The poster: aims, run charts and tests of change on one page</a>');
    expect((await vic.get('/a/NORTH/meetings')).body).toContain('<a class="ds_link" href="/a/NORTH/poster">the poster</a>');
    expect((await vic.get('/a/NORTH?as_at=2021-05-01')).body).toContain('<a class="ds_link" href="/a/NORTH/poster?as_at=2021-05-01">These aims on a poster to print</a>');
    expect((await vic.get('/a/NORTH?team=North%20East')).body).not.toContain('/a/NORTH/poster');
  });
});
