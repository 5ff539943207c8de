import { describe, expect, it } from 'vitest';
import { addCycle, newTest, recordCyclePart, type TestOfChange } from '../../src/domain/improvement/test-of-change.js';
import { addDriverNode, addTest, saveMeeting, saveTest } from '../../src/store/index.js';
import { d } from '../builders.js';
import { saveNorth } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';

const details = {
  title: 'Legal advice referral form',
  change: 'A referral form for legal advice, with the documents it lists',
  changeIdea: 3,
  libraryIdea: null,
  agencies: ['legal', 'social-work'] as const,
  owner: 'Permanence team leader',
  aimIds: ['aim-2'],
  driverIds: [1],
  start: d('2021-01-04'),
  scale: 'one-team' as const,
};

function ok(result: { ok: true; value: TestOfChange } | { ok: false; error: unknown }): TestOfChange {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe.skipIf(!hasChromium)('improvement work in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
    const by = { by: 'fixture' };
    const primary = await addDriverNode(web.connection, web.north, { aimId: 'aim-2', kind: 'primary', parentId: null, text: 'Complete information early, from every agency', libraryIdea: null }, by);
    const secondary = await addDriverNode(web.connection, web.north, { aimId: 'aim-2', kind: 'secondary', parentId: primary.id, text: 'Legal advice ready before the permanence review', libraryIdea: null }, by);
    await addDriverNode(web.connection, web.north, { aimId: 'aim-2', kind: 'change-idea', parentId: secondary.id, text: 'Legal advice referral form', libraryIdea: null }, by);
    await addDriverNode(web.connection, web.north, { aimId: 'aim-2', kind: 'primary', parentId: null, text: 'A process with no needless steps', libraryIdea: null }, by);
    await addTest(web.connection, web.north, details, by);
    let test = ok(addCycle(newTest(1, details), { what: 'Use the form three times', who: 'Two workers', where: 'North team', when: d('2021-01-11'), prediction: 'Advice within four weeks', measures: 'Days to advice' }, d('2021-06-01')));
    test = ok(recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-02-01'), whatHappened: 'Three forms sent', observations: '' } }, d('2021-06-01')));
    test = ok(recordCyclePart(test, 1, { part: 'study', value: { date: d('2021-02-15'), result: 'Two of three in time', numbers: '19, 26, 41 days', quotes: '' } }, d('2021-06-01')));
    await saveTest(web.connection, web.north, test, by);
    await saveMeeting(web.connection, web.north, { date: d('2021-02-10'), title: "Champions' group", notes: '' }, by);
    await saveMeeting(web.connection, web.north, { date: d('2021-03-10'), title: "Champions' group", notes: '' }, by);
  });

  it('records the Act of a cycle without JavaScript, and the run chart shows it', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Improvement' }).click();
    // The page's answer names the step the test waits for, and leads to it.
    await page.getByRole('link', { name: 'T1: Legal advice referral form, to be acted on', exact: true }).click();
    await page.getByRole('link', { name: 'Record the Act' }).click();
    await page.getByLabel('Date of the decision').fill('2021-03-01');
    await page.getByText('Adopt the change').click();
    await page.getByLabel('Next step').fill('Offer the form to every team');
    await page.getByRole('button', { name: 'Save the Act' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('T1: Legal advice referral form');
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('Adopted');
    await page.screenshot({ path: 'docs/screenshots/test-of-change.png', fullPage: true });
    await page.goto(`${suite.base}/a/NORTH/aims/aim-2`);
    expect(await page.locator('main').textContent()).toContain('T1.1: Test 1, Legal advice referral form: cycle 1 acted on 2021-03-01 (adopt)');
    await page.goto(`${suite.base}/a/NORTH/aims/aim-2/drivers`);
    await page.screenshot({ path: 'docs/screenshots/driver-diagram.png', fullPage: true });
    await context.close();
  });

  it("names an aim's group, agrees an action at a meeting, marks it done and records who was there, without JavaScript; the pack lists them", async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { javaScriptEnabled: false });
    await page.goto(`${suite.base}/a/NORTH/aims/aim-2/group`);
    await page.getByLabel('Lead', { exact: true }).selectOption({ label: 'amy' });
    await page.getByLabel('Partners without a pace account').fill('Dr A. Sample, NHS health visiting\nThe locality reporter, SCRA');
    await page.getByRole('button', { name: 'Save the group' }).click();
    await page.waitForURL(/\/a\/NORTH\/aims\/aim-2\?saved=group/);
    await page.goto(`${suite.base}/a/NORTH/meetings`);
    await page.getByRole('link', { name: "Champions' group on 2021-03-10" }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe("Champions' group, 10 March 2021");
    // A click waits for the next page to begin; what is read at once, without waiting, waits for it to load.
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.ds_error-summary li').allTextContents()).toEqual(['Enter what is to be done', 'Choose who owns the action, or type the name of someone else', 'Enter the due date']);
    await page.getByLabel('What is to be done').fill('Invite health visiting to the next meeting');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Dr A. Sample, NHS health visiting' });
    await page.getByLabel('Due by').fill('2021-04-07');
    await page.getByRole('button', { name: 'Add the action' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Action A1 saved.');
    await page.locator('#action-1').getByRole('button', { name: /^Mark done/ }).click();
    await page.waitForLoadState();
    expect(await page.locator('#action-1').textContent()).toContain('Done 10 March 2021');
    await page.locator('label.ds_checkbox__label', { hasText: /^amy$/ }).click();
    await page.getByLabel('Anyone else who was there').fill('Ms B. Example, Education');
    await page.getByRole('button', { name: 'Save who was there' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Who was there is saved.');
    await page.goto(`${suite.base}/a/NORTH/packs/2021-03-10`);
    const actions = (await page.locator('section[aria-labelledby="pack-actions"]').textContent()) ?? '';
    expect(actions).toContain('A1: Invite health visiting to the next meetingOwner: Dr A. Sample, NHS health visiting. Due 7 April 2021; done 10 March 2021.');
    expect(actions).toContain('Who was at this meetingamyMs B. Example, Education');
    await context.close();
  });

  it('finds no serious or critical accessibility problems on the improvement pages', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { bypassCSP: true });
    const found: Record<string, unknown[]> = {};
    const paths = [
      '/a/NORTH/improvement',
      '/a/NORTH/tests/1',
      '/a/NORTH/tests/new',
      '/a/NORTH/tests/1/edit',
      '/a/NORTH/tests/1/cycles/1/study',
      '/a/NORTH/tests/1/publish',
      '/a/NORTH/aims/aim-2/drivers',
      '/a/NORTH/drivers/1',
      '/a/NORTH/library',
      '/a/NORTH/library/1',
      '/a/NORTH/meetings',
      '/a/NORTH/meetings/2021-03-10',
      '/a/NORTH/aims/aim-2/group',
      '/a/NORTH/packs/2021-03-10',
      '/a/NORTH/balancing',
    ];
    for (const path of paths) {
      await page.goto(`${suite.base}${path}`);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    await page.goto(`${suite.base}/a/NORTH/tests/new`);
    await page.getByRole('button', { name: 'Save the test' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.ds_error-summary').count()).toBe(1);
    const withErrors = await seriousViolations(page);
    if (withErrors.length) found['test form with errors'] = withErrors;
    await page.goto(`${suite.base}/a/NORTH/meetings/2021-02-10`);
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.ds_error-summary').count()).toBe(1);
    const meetingWithErrors = await seriousViolations(page);
    if (meetingWithErrors.length) found['meeting page with errors'] = meetingWithErrors;
    expect(found).toEqual({});
    await context.close();
  });
});
