import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanExport } from '../ingest/fixtures.js';
import { saveNorth } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';

/** The clean export of the import tests, written to a folder, with some lines changed. */
function exportFolder(change: (name: string, text: string) => string = (_, text) => text): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pace-browser-import-'));
  return Object.entries(cleanExport).map(([name, lines]) => {
    const path = join(dir, name);
    writeFileSync(path, change(name, `${lines.join('\r\n')}\r\n`));
    return path;
  });
}

describe.skipIf(!hasChromium)('importing files in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
  });

  async function upload(page: Page, files: string[]): Promise<void> {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByLabel('What the files are').selectOption('canonical');
    await page.getByLabel('Files', { exact: true }).setInputFiles(files);
    await page.getByRole('button', { name: 'Check the files' }).click();
    // The page refreshes itself until the check is done.
    await page.getByRole('heading', { name: 'Checking the files', level: 1 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('meta[http-equiv="refresh"]'), undefined, { timeout: 20_000 });
  }

  it('names an error by row and column, then imports a good file and shows its data', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'dana', { bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.base}/a/NORTH/import`);
    expect(await seriousViolations(page)).toEqual([]);

    await upload(page, exportFolder((name, text) => (name === 'events.csv' ? text.replace('2020-08-20', '2099-08-20') : text)));
    const summary = page.locator('.ds_error-summary');
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('1 error: nothing was imported');
    await expect(summary.getByRole('link').first().textContent()).resolves.toBe('events.csv, row 3, column date: date 2099-08-20 is after today (2021-06-01)');
    await expect(page.getByRole('button', { name: 'Import these records' }).count()).resolves.toBe(0);
    // The advice names the way to record a meeting still to come, not only what is wrong.
    await expect(page.getByRole('row').nth(1).getByRole('cell').last().textContent()).resolves.toBe(
      'Record the day it happened. If it is an event still to come, set its status to planned, give the day in planned_date and leave date empty.',
    );
    await page.screenshot({ path: 'docs/screenshots/import-refused.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await upload(page, exportFolder());
    await expect(page.getByText('Nothing has been written yet.').textContent()).resolves.toContain('children 2 added, 0 changed, 0 unchanged');
    await page.getByRole('button', { name: 'Import these records' }).click();
    await page.getByRole('heading', { name: 'Importing the files', level: 1 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('meta[http-equiv="refresh"]'), undefined, { timeout: 20_000 });
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Imported \(import \d+\): children 2 added/);

    await page.goto(`${suite.base}/a/NORTH/children/C1`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('C1: Amy Testcase');
    // Its second placement, with kinship carer K-3, as imported.
    await page.getByRole('cell', { name: 'K-3', exact: true }).first().waitFor();

    await page.getByRole('link', { name: 'Data quality' }).click();
    await page.getByRole('heading', { name: 'Data quality', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
