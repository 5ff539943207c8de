import { describe, expect, it } from 'vitest';
import { saveReminderChildren } from '../reminders-fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';

describe.skipIf(!hasChromium)('what is due in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveReminderChildren(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
  });

  it("chooses a worker without JavaScript, sees their list, and makes a calendar feed", async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'What is due' }).click();
    await page.getByLabel('Worker').selectOption('Ann Smith');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('What is due for Ann Smith');
    await page.waitForLoadState();
    expect(await page.locator('tbody tr.pace-row--overdue').count()).toBe(2);
    await page.screenshot({ path: 'docs/screenshots/due-worker.png', fullPage: true });
    await page.getByRole('button', { name: 'Make a calendar feed' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Calendar feed made');
    const address = (await page.locator('main code').textContent()) ?? '';
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(address);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    await context.close();
  });

  it('finds no serious or critical accessibility problems on the due pages', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { bypassCSP: true });
    const found: Record<string, unknown[]> = {};
    for (const path of ['/a/NORTH/due', '/a/NORTH/due?worker=Ann%20Smith', '/a/NORTH/due?team=North%20East', '/a/NORTH/due/rules', '/a/NORTH/due/rules/permanence-recommendation', '/a/NORTH/due/contacts']) {
      await page.goto(`${suite.base}${path}`);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    await page.goto(`${suite.base}/a/NORTH/due/rules/early-review`);
    await page.getByLabel('Falls due after').fill('0');
    await page.getByRole('button', { name: 'Save the rule' }).click();
    const withErrors = await seriousViolations(page);
    if (withErrors.length) found['rule form with errors'] = withErrors;
    await page.goto(`${suite.base}/a/NORTH/due/contacts`);
    await page.getByLabel('E-mail address').fill('not an address');
    await page.getByRole('button', { name: 'Save the address' }).click();
    await expect(page.getByText('Enter the name as on the children’s records').first().isVisible()).resolves.toBe(true);
    const contactErrors = await seriousViolations(page);
    if (contactErrors.length) found['address form with errors'] = contactErrors;
    expect(found).toEqual({});
    await context.close();
  });
});
