import { describe, expect, it } from 'vitest';
import { grantNationalAnalyst } from '../../src/store/index.js';
import { saveNorth } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';
import { saveHistory } from './fixtures.js';

// The history's waits shorten after the programme start: the last 6 children below the baseline median.
const ANSWER2 = 'Improving, an early sign: since November 2020 the last 6 children have waited less than the baseline median of 29.6 weeks; 9 in a row would confirm it.';
// In the 12 months from 2 June 2020, by the day each outcome was settled: 10 of the history in time
// (on the day of their recommendation) and 1 late (the day after its due date), B2 late (settled
// 2020-08-04) and C3 overdue (settled 2021-03-03): 10 of 13.
const RECENT2 = '76.9% in time';

describe.skipIf(!hasChromium)('pace in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await saveHistory(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
    await grantNationalAnalyst(web.connection, await addTestUser(web.connection, 'nat', []), 'test');
  });

  const signIn = (options: Parameters<typeof signedIn>[3] = {}) => signedIn(suite.browser, suite.base, 'amy', options);

  it('signs in and reads the dashboard: each aim with its answer, its recent figure and figure since the from-date, who waits, and a small run chart', async () => {
    const { context, page } = await signIn();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.reload();
    const aim2 = page.locator('section.pace-glance', { has: page.getByRole('heading', { name: 'Aim 2: permanence recommendation', level: 2 }) });
    await expect(aim2.locator('.pace-answer').textContent()).resolves.toBe(ANSWER2);
    // 36 journeys of the history (17 in time) and A1 in time, B2 late, C3 overdue: 18 of n = 39.
    await expect(aim2.locator('.pace-figure-box__value').allTextContents()).resolves.toEqual([RECENT2, '46.2% in time']);
    // The small run chart is a picture that has loaded, leading to the aim's page.
    const chart = aim2.locator('a.pace-glance__chart img').first();
    await expect(chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    // So is the quarterly run chart beneath it, leading to the aim's quarters.
    const quarters = aim2.locator('a.pace-glance__chart[href$="#quarter-by-quarter"] img');
    await expect(quarters.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await aim2.locator('a.pace-glance__chart').first().click();
    await page.waitForURL(`${suite.base}/a/NORTH/aims/aim-2?as_at=2021-06-01#run-chart`);
    // 38 dots on the run chart and 3 bars on the waiting chart, each a link (in the drawing the
    // window shows: a phone's is on the page too, hidden on a desk).
    expect(await page.locator('svg[role="group"] a[href*="/children/"]:visible').count()).toBe(41);
    // And month by month: the 29 of the last 36 whole months in which a journey was settled, each a link to its journeys.
    expect(await page.locator('svg[role="group"] a[href*="month="]:not([href*="-Q"]):visible').count()).toBe(29);
    // And quarter by quarter: every one of the last 12 whole quarters had a journey settled (% in
    // time) and one completed (median weeks): 12 dots on each chart, each a link to its journeys.
    expect(await page.locator('svg[role="group"] a[href*="month="][href*="-Q"]:visible').count()).toBe(24);
    // The design system's script runs (enhancing, never required) without a single error, its skip
    // link moving the focus to the page's content; but not its tracking, data attributes for an
    // analytics service pace does not use, which reads every link's earlier siblings: 16 s in
    // Chromium here for an aim page of 20,000 children, its run chart 13,600 sibling links.
    expect(errors).toEqual([]);
    expect(await page.locator('[data-section], [data-navigation], [data-accordion], [data-search], [data-value]').count()).toBe(0);
    await page.locator('.ds_skip-links__link').focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    await context.close();
  });

  it("follows a dot on the aim's run chart to that child's record", async () => {
    const { context, page } = await signIn();
    await page.goto(`${suite.base}/a/NORTH/aims/aim-2`);
    await page.getByRole('link', { name: /^A1: 21\.7 weeks/ }).filter({ visible: true }).click();
    await page.waitForURL(`${suite.base}/a/NORTH/children/A1`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('A1: Amy Adams');
    await context.close();
  });

  it("adds an event without JavaScript and sees the aim's figure change", async () => {
    const { context, page } = await signIn({ javaScriptEnabled: false });
    const since = () => page.locator('section.pace-glance', { has: page.getByRole('heading', { name: 'Aim 2: permanence recommendation', level: 2 }) }).locator('.pace-figure-box__value').nth(1).textContent();
    await expect(since()).resolves.toBe('46.2% in time');
    await page.goto(`${suite.base}/a/NORTH/children/E5`);
    await page.getByRole('link', { name: 'Add an event' }).click();
    await page.getByLabel('Event', { exact: true }).selectOption('permanence_recommendation');
    await page.getByLabel('Date it happened').fill('27/05/2021');
    await page.getByLabel('Route').selectOption('adoption');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Event added\. \(E-[0-9a-f]{10}\)$/);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    // E5, accommodated on 2020-12-07, was waiting; recommended after 171 days it is in time: 19 of n = 40.
    await expect(since()).resolves.toBe('47.5% in time');
    await page.getByRole('link', { name: 'Aim 2: permanence recommendation' }).first().click();
    // A click waits for the next page to begin, not for it to be read in: the aim's page is large,
    // and its counts (read below at once, without waiting) came after a slow machine's first part.
    await page.waitForURL(/\/a\/NORTH\/aims\/aim-2(\?|#|$)/);
    await expect(page.locator('dl.pace-counts dt').allTextContents()).resolves.toEqual(['19 in time', '20 late', '1 overdue', '0 left after the timescale', '1 waiting', '0 left within the timescale']);
    // Each count leads to its journeys: the 19 in time are listed, every one of them.
    await page.locator('dl.pace-counts').getByRole('link', { name: '19', exact: true }).click();
    await page.waitForURL(/\/a\/NORTH\/aims\/aim-2\/journeys\?/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('In time: 19 journeys');
    await expect(page.locator('table tbody tr').count()).resolves.toBe(19);
    await context.close();
  });

  it('finds no serious or critical accessibility problems on any page', async () => {
    const { context, page } = await signIn({ bypassCSP: true });
    const pages = [
      '/a/NORTH',
      '/a/NORTH/waiting',
      '/a/NORTH/waiting?aim=aim-2&sort=due&dir=asc',
      '/a/NORTH/children',
      '/a/NORTH/children/A1',
      '/a/NORTH/add-child',
      '/a/NORTH/children/A1/edit',
      '/a/NORTH/children/A1/placements/new',
      '/a/NORTH/children/A1/events/new',
      '/a/NORTH/children/A1/events/EA1/edit',
      '/a/NORTH/aims',
      '/a/NORTH/aims/aim-2',
      '/a/NORTH/aims/aim-2/edit',
      '/a/NORTH/add-aim',
      '/a/NORTH/audit',
      '/a/NORTH/audit?child=A1&from=2021-13-01',
      '/a/NORTH/import',
      '/a/NORTH/data-quality',
      '/a/NORTH/exports',
      '/a/NORTH/no-such-page',
    ];
    const found: Record<string, unknown[]> = {};
    for (const path of pages) {
      await page.goto(`${suite.base}${path}`);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    // A form shown again with its errors.
    await page.goto(`${suite.base}/a/NORTH/children/A1/events/new`);
    await page.getByRole('button', { name: 'Save' }).click();
    const withErrors = await seriousViolations(page);
    if (withErrors.length) found['event form with errors'] = withErrors;
    const anonymous = await suite.browser.newPage({ bypassCSP: true });
    await anonymous.goto(`${suite.base}/sign-in`);
    const signInPage = await seriousViolations(anonymous);
    if (signInPage.length) found['/sign-in'] = signInPage;
    await anonymous.close();
    const national = await signedIn(suite.browser, suite.base, 'nat', { bypassCSP: true, landing: '/national' });
    const nationalPage = await seriousViolations(national.page);
    if (nationalPage.length) found['/national'] = nationalPage;
    await national.context.close();
    expect(found).toEqual({});
    await context.close();
  });
});
