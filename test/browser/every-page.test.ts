// Every page of the app in Chromium, with its scripts running: no page may throw a script error or
// log a console error. The pages are read from the app's own route tree (test/web/routes.ts) and
// filled with NORTH's real ids (test/web/route-addresses.ts), so a page added later is loaded too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { grantNationalAnalyst } from '../../src/store/index.js';
import { cleanExport } from '../ingest/fixtures.js';
import { saveNorth } from '../web/fixtures.js';
import { addTestUser, Client } from '../web/harness.js';
import { addressOf, type SeededIds } from '../web/route-addresses.js';
import { publicByDesign, registeredRoutes, type Route } from '../web/routes.js';
import { north, saveNorthSecrets } from '../web/security-fixtures.js';
import { browserSuite, hasChromium, signedIn } from './browser.js';
import { saveHistory } from './fixtures.js';

/** Addresses that are files to save, not pages: a browser downloads them. */
const download = /\.(svg|png|csv|pdf|xlsx|ics|json)(\?|$)/;

/** A page that needs a question to show anything but its form asks it here. */
const queries: Readonly<Record<string, string>> = {
  '/a/:code/timelines/print': `?group=siblings&sibling_group=${north.siblingGroup}`,
};

/** The pages a signed-in user of NORTH reaches: every GET route outside the API, the assets and sign-in, that is not a download. */
function authorityPages(routes: readonly Route[], ids: SeededIds): string[] {
  return routes
    .filter((r) => r.method === 'GET' && !r.url.startsWith('/api/v1/') && !r.url.startsWith('/national') && !publicByDesign.has(`${r.method} ${r.url}`))
    .map((r) => `${addressOf(r, ids)}${queries[r.url] ?? ''}`)
    .filter((url) => !download.test(url));
}

/** The pages that answer 400 by design: a GET form's target asked without its question shows the form with the error summary. */
const expected400 = new Set(['/a/NORTH/exports/clas']);

/**
 * Every script error and console error while `page` loads `url`, and the page's status. Chromium
 * logs a page's own 4xx status as a console error ("Failed to load resource"): that one is the
 * status, checked on its own, not a problem of the page's scripts.
 */
async function problemsLoading(page: Page, url: string): Promise<{ status: number; problems: string[] }> {
  const problems: string[] = [];
  const onError = (error: Error) => problems.push(`page error: ${error.message}`);
  const onConsole = (message: { type(): string; text(): string; location(): { url: string } }) => {
    if (message.type() !== 'error') return;
    if (message.location().url === url && message.text().startsWith('Failed to load resource: the server responded with a status of 4')) return;
    problems.push(`console error: ${message.text()}`);
  };
  await leaveForBlank(page);
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    // Module scripts run after the document is parsed; give their promises a turn.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    return { status: response?.status() ?? 0, problems };
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
}

/**
 * Leaves the page shown for a blank one. A page that refreshes itself (a meeting pack's PDF being
 * made asks again each second) refreshes on its own timer; going from it straight to the next page,
 * its refresh could fire before the next page's answer came and abort that navigation (seen on a
 * slow machine, as `net::ERR_ABORTED`). A blank page needs no answer, and ends the timer.
 */
async function leaveForBlank(page: Page): Promise<void> {
  for (let tries = 1; ; tries += 1) {
    try {
      await page.goto('about:blank');
      return;
    } catch (error) {
      if (tries === 5 || !String(error).includes('ERR_ABORTED')) throw error;
    }
  }
}

describe.skipIf(!hasChromium)('every page in Chromium', () => {
  let ids: SeededIds;
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await saveHistory(web.connection, web.north);
    const { feedId } = await saveNorthSecrets(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
    await grantNationalAnalyst(web.connection, await addTestUser(web.connection, 'nat', []), 'test');
    // One of NORTH's checked uploads, for the pages of an import.
    const lead = new Client(web.app);
    await lead.signIn('amy');
    await lead.get('/a/NORTH/import');
    const files = Object.entries(cleanExport).map(([name, lines]) => ({ field: 'files', name, content: `${lines.join('\r\n')}\r\n` }));
    const checked = await lead.upload('/a/NORTH/import', { profile: 'canonical' }, files);
    const jobId = /\/import\/(\w+)$/.exec(String(checked.headers.location))?.[1];
    if (!jobId) throw new Error(`no import job: ${checked.statusCode}`);
    ids = { feedId, jobId };
  });

  it('loads every page without a script error or a console error', async () => {
    const routes = registeredRoutes(suite.web.app);
    const pages = authorityPages(routes, ids);
    expect(pages).toContain('/a/NORTH/import');
    expect(pages.length).toBeGreaterThan(35);
    const found: Record<string, string[]> = {};
    const visit = async (page: Page, path: string) => {
      const { status, problems } = await problemsLoading(page, `${suite.base}${path}`);
      if (status !== (expected400.has(path) ? 400 : 200)) problems.push(`status ${status}`);
      if (problems.length) found[path] = problems;
    };
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy');
    for (const path of pages) await visit(page, path);
    // The file input is styled by the design system, and left alone by its script (0008-web-import.md).
    await page.goto(`${suite.base}/a/NORTH/import`);
    await expect(page.locator('input[type="file"].ds_file-upload__input').isVisible()).resolves.toBe(true);
    await context.close();
    const national = await signedIn(suite.browser, suite.base, 'nat', { landing: '/national' });
    for (const path of ['/national', '/national/aims/2']) await visit(national.page, path);
    await national.context.close();
    const anonymous = await suite.browser.newPage();
    for (const path of ['/sign-in', '/help/format', '/api/docs']) await visit(anonymous, path);
    await anonymous.close();
    expect(found).toEqual({});
    // Some seventy pages, each after a blank one: 30–40 s on this machine, more than most tests.
  }, 180_000);
});
