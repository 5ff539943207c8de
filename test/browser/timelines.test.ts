import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveNorth, saveSiblings } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';

/** The sheets the page prints on, at the size its own @page rule asks for: each one's width × height in points. */
async function printedSheets(page: Page): Promise<string[]> {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => `${Math.round(Number(m[1]))} × ${Math.round(Number(m[2]))}`);
}

describe.skipIf(!hasChromium)('timelines in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await saveSiblings(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
  });

  const signIn = (options: Parameters<typeof signedIn>[3] = {}) => signedIn(suite.browser, suite.base, 'amy', options);

  it("opens a child's record, sees the timeline, and follows Print (A4) to a sheet with nothing else on paper", async () => {
    const { context, page } = await signIn();
    await page.goto(`${suite.base}/a/NORTH/children/C7`);
    const section = page.locator('section[aria-labelledby="timeline"]');
    await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Timeline as at 1 June 2021');
    const picture = section.getByRole('img', { name: /^Timeline for Alex Example \(C7\)\./ });
    expect(await picture.isVisible()).toBe(true);
    await section.getByText('The timeline as tables').click();
    await expect(section.getByRole('table', { name: 'The time between decisions' }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Print (A4)' }).click();
    await page.waitForURL(`${suite.base}/a/NORTH/children/C7/timeline/print?as_at=2021-06-01`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Timeline for Alex Example (C7), ready to print');
    // A4 landscape is 842 × 595 points.
    expect(await printedSheets(page)).toEqual(['842 × 595']);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pace-print-bar').isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: /^Timeline for Alex Example \(C7\)\./ }).isVisible()).toBe(true);
    await context.close();
  });

  it("prints a group as one A4 sheet for each child's own timeline", async () => {
    const { context, page } = await signIn();
    await page.goto(`${suite.base}/a/NORTH/timelines/print?group=siblings&sibling_group=SG1`);
    expect(await printedSheets(page)).toEqual(['842 × 595', '842 × 595', '842 × 595']);
    await context.close();
  });

  it('opens the group page from the waiting list, and chooses another group without JavaScript', async () => {
    const { context, page } = await signIn({ javaScriptEnabled: false });
    await page.goto(`${suite.base}/a/NORTH/waiting?aim=aim-4`);
    await page.getByRole('link', { name: 'See these children on one timeline' }).click();
    await page.waitForURL(`${suite.base}/a/NORTH/timelines?group=waiting&aim=aim-4&weeks=0&as_at=2021-06-01`);
    await expect(page.getByRole('heading', { level: 2, name: 'Waiting more than 0 weeks (Aim 4: application lodged at court)' }).isVisible()).resolves.toBe(true);
    const table = page.getByRole('table', { name: /the children drawn, in the order drawn$/ });
    await expect(table.getByRole('link').allTextContents()).resolves.toEqual(['S1', 'S3']);
    // The design system draws its own radio button; its label takes the click, as a reader's would.
    await page.locator('label[for="group-siblings"]').click();
    expect(await page.getByLabel('Brothers and sisters').isChecked()).toBe(true);
    await page.getByLabel('Sibling group').selectOption('SG1');
    await page.getByRole('button', { name: 'Show the timelines' }).click();
    await page.waitForURL(/\/a\/NORTH\/timelines\?group=siblings&sibling_group=SG1/);
    await expect(table.getByRole('link').allTextContents()).resolves.toEqual(['S1', 'C7', 'S3']);
    await context.close();
  });

  it('finds no serious or critical accessibility problems on the child page, the group page or the print pages', async () => {
    const { context, page } = await signIn({ bypassCSP: true });
    const pages = [
      '/a/NORTH/children/C7',
      '/a/NORTH/timelines',
      '/a/NORTH/timelines?group=siblings&sibling_group=SG1',
      '/a/NORTH/timelines?group=waiting&aim=aim-2&weeks=0&align=journey&view=placements',
      '/a/NORTH/timelines?group=waiting&aim=nope&weeks=x',
      '/a/NORTH/children/C7/timeline/print',
      '/a/NORTH/timelines/print?group=siblings&sibling_group=SG1',
    ];
    const found: Record<string, unknown[]> = {};
    for (const path of pages) {
      await page.goto(`${suite.base}${path}`);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  });
});
