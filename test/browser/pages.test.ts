import { describe, expect, it } from 'vitest';
import { grantNationalAnalyst } from '../../src/store/index.js';
import { saveNorth } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';
import { saveHistory } from './fixtures.js';

const screenshots = 'docs/screenshots';

describe.skipIf(!hasChromium)('pace in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await saveHistory(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
    await grantNationalAnalyst(web.connection, await addTestUser(web.connection, 'nat', []), 'test');
  });

  const signIn = (options: Parameters<typeof signedIn>[3] = {}) => signedIn(suite.browser, suite.base, 'amy', options);

  it('signs in and reads the dashboard: each aim with its sentence, headline, charts and what the rules say', async () => {
    const { context, page } = await signIn();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.reload();
    const aim2 = page.locator('section.pace-aim', { has: page.getByRole('heading', { name: 'Aim 2: permanence recommendation', level: 2 }) });
    // 36 journeys of the history (17 in time) and A1 in time, B2 late, C3 overdue: 18 of n = 39.
    await expect(aim2.locator('.pace-headline').textContent()).resolves.toBe('46.2% in time');
    await expect(aim2.locator('.pace-verdicts li').first().textContent()).resolves.toBe('The baseline is the 18 journeys that ended before the programme start on 1 January 2020.');
    // 38 dots on the run chart and 3 bars on the waiting chart, each a link.
    expect(await aim2.locator('svg[role="group"] a').count()).toBe(41);
    await page.screenshot({ path: `${screenshots}/dashboard.png`, fullPage: true, clip: { x: 0, y: 0, width: 1440, height: 2250 } });
    await aim2.screenshot({ path: `${screenshots}/dashboard-aim-2.png` });
    // The design system's script runs (enhancing, never required) without a single error.
    expect(errors).toEqual([]);
    await context.close();
  });

  it("follows a dot on the run chart to that child's record", async () => {
    const { context, page } = await signIn();
    await page.locator('a[aria-label^="A1: 21.7 weeks"]').click();
    await page.waitForURL(`${suite.base}/a/NORTH/children/A1`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('A1: Amy Adams');
    await page.screenshot({ path: `${screenshots}/child.png`, fullPage: true });
    await context.close();
  });

  it("adds an event without JavaScript and sees the aim's figure change", async () => {
    const { context, page } = await signIn({ javaScriptEnabled: false });
    const headline = () => page.locator('section.pace-aim', { has: page.getByRole('heading', { name: 'Aim 2: permanence recommendation', level: 2 }) }).locator('.pace-headline').textContent();
    await expect(headline()).resolves.toBe('46.2% in time');
    await page.goto(`${suite.base}/a/NORTH/children/E5`);
    await page.getByRole('link', { name: 'Add an event' }).click();
    await page.getByLabel('Event', { exact: true }).selectOption('permanence_recommendation');
    await page.getByLabel('Date it happened').fill('27/05/2021');
    await page.getByLabel('Route').selectOption('adoption');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Event added\. \(E-[0-9a-f]{10}\)$/);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    // E5, accommodated on 2020-12-07, was waiting; recommended after 171 days it is in time: 19 of n = 40.
    await expect(headline()).resolves.toBe('47.5% in time');
    const figures = page.locator('section.pace-aim').nth(1).locator('.pace-figures');
    await expect(figures.locator('p').nth(1).textContent()).resolves.toMatch(/^n = 40 journeys counted/);
    await expect(figures.locator('dt').allTextContents()).resolves.toEqual(['19 in time', '20 late', '1 overdue', '0 left after the timescale', '1 waiting', '0 left within the timescale']);
    // Each count leads to its journeys: the 19 in time are listed, every one of them.
    await figures.getByRole('link', { name: '19', exact: true }).click();
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
