// Every page on a phone (390 px) and a desktop (1280 px): nothing wider than the screen, so the
// page never scrolls sideways (a wide table scrolls inside its own box), no serious or critical
// accessibility problem at either width, and a menu that opens without JavaScript on the phone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCycle, newTest, recordCyclePart, type TestOfChange } from '../../src/domain/improvement/test-of-change.js';
import type { GroupPerson } from '../../src/domain/improvement/aim-group.js';
import { addAction, addDriverNode, addTest, grantNationalAnalyst, saveAimGroup, saveAttendance, saveMeeting, savePosterText, saveTest } from '../../src/store/index.js';
import { d } from '../builders.js';
import { cleanExport } from '../ingest/fixtures.js';
import { saveNorth, saveSiblings } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, drawingsShown, hasChromium, seriousViolations, signedIn } from './browser.js';
import { saveHistory } from './fixtures.js';

type Reader = 'amy' | 'nat' | 'pat' | 'nobody';

/** Each page with who reads it: amy (an admin of NORTH), nat (a national analyst), pat (a partner of NORTH) or nobody signed in. */
const pages: readonly (readonly [string, Reader])[] = [
  ['/a/NORTH', 'amy'],
  ['/a/NORTH/aims/aim-2', 'amy'],
  ['/a/NORTH/aims/aim-2/journeys?status=late', 'amy'],
  ['/a/NORTH/aims/aim-2/breakdown', 'amy'],
  ['/a/NORTH/aims/aim-2/breakdown?by=placement&suppress=yes', 'amy'],
  ['/a/NORTH/waiting', 'amy'],
  ['/a/NORTH/due', 'amy'],
  ['/a/NORTH/due/rules', 'amy'],
  ['/a/NORTH/due/contacts', 'amy'],
  ['/a/NORTH/children', 'amy'],
  ['/a/NORTH/children/A1', 'amy'],
  ['/a/NORTH/children/C7', 'amy'],
  ['/a/NORTH/children/C7/timeline/print', 'amy'],
  ['/a/NORTH/timelines', 'amy'],
  ['/a/NORTH/add-child', 'amy'],
  ['/a/NORTH/children/A1/events/new', 'amy'],
  ['/a/NORTH/children/A1/placements/new', 'amy'],
  ['/a/NORTH/aims', 'amy'],
  ['/a/NORTH/aims/aim-2/edit', 'amy'],
  ['/a/NORTH/improvement', 'amy'],
  ['/a/NORTH/tests/1', 'amy'],
  ['/a/NORTH/tests/new', 'amy'],
  ['/a/NORTH/tests/1/cycles/1/study', 'amy'],
  ['/a/NORTH/aims/aim-2/drivers', 'amy'],
  ['/a/NORTH/drivers/1', 'amy'],
  ['/a/NORTH/library', 'amy'],
  ['/a/NORTH/library/1', 'amy'],
  ['/a/NORTH/meetings', 'amy'],
  ['/a/NORTH/meetings/2021-03-10', 'amy'],
  ['/a/NORTH/meetings/2021-03-10/actions/2', 'amy'],
  ['/a/NORTH/aims/aim-2/group', 'amy'],
  ['/a/NORTH/packs/2021-03-10', 'amy'],
  ['/a/NORTH/poster', 'amy'],
  ['/a/NORTH/poster/text', 'amy'],
  ['/a/NORTH/partner', 'pat'],
  ['/a/NORTH/meetings', 'pat'],
  ['/a/NORTH/packs/2021-03-10', 'pat'],
  ['/a/NORTH/balancing', 'amy'],
  ['/a/NORTH/import', 'amy'],
  ['/a/NORTH/data-quality', 'amy'],
  ['/a/NORTH/exports', 'amy'],
  ['/a/NORTH/audit', 'amy'],
  ['/help/format', 'amy'],
  ['/a/NORTH/no-such-page', 'amy'],
  ['/national', 'nat'],
  ['/national/aims/aim-2', 'nat'],
  ['/sign-in', 'nobody'],
  ['/api/docs', 'nobody'],
];

/** The pages whose screenshots, at both widths, are in docs/screenshots (issue 16): the file name of each (a reader other than amy named before the page). */
const screenshotNames = new Map([
  ['/a/NORTH', 'dashboard'],
  ['/a/NORTH/aims/aim-2', 'aim'],
  ['/a/NORTH/aims/aim-2/breakdown', 'breakdown'],
  ['/a/NORTH/waiting', 'waiting'],
  ['/a/NORTH/children/C7', 'child'],
  ['/a/NORTH/meetings/2021-03-10', 'meeting'],
  ['/a/NORTH/packs/2021-03-10', 'meeting-pack'],
  ['/a/NORTH/poster', 'poster'],
  ['pat /a/NORTH/partner', 'partner-overview'],
  ['pat /a/NORTH/packs/2021-03-10', 'partner-pack'],
]);

/**
 * Null when the page is no wider than the window; otherwise how wide it is and the elements that
 * run past the window's right edge and are not clipped by a box that scrolls (or hides) sideways,
 * the outermost of them, widest first.
 */
async function tooWide(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const limit = window.innerWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= limit) return null;
    // Clipped by a box that scrolls or hides what overflows it sideways; such a box clips only what
    // it contains, so an absolutely positioned element (a visually hidden caption) skips the
    // static boxes between it and the positioned box it is placed in.
    const clipped = (element: Element): boolean => {
      let position = getComputedStyle(element).position;
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (position === 'fixed' || (position === 'absolute' && style.position === 'static')) continue;
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
        position = style.position;
      }
      return false;
    };
    const over = Array.from(document.body.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > limit + 0.5 && !clipped(e));
    const outermost = over.filter((e) => !over.includes(e.parentElement as Element)).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    const selector = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${Array.from(e.classList).map((c) => `.${c}`).join('')}`;
    const named = (e: Element) => {
      const path = [e.parentElement?.parentElement, e.parentElement, e].filter((a): a is Element => a instanceof Element && a !== document.body).map(selector).join(' > ');
      const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${path} (right edge ${Math.round(e.getBoundingClientRect().right)} px${text ? `, "${text}"` : ''})`;
    };
    return `${width} px wide in a ${limit} px window: ${outermost.slice(0, 3).map(named).join('; ') || 'no element found'}`;
  });
}

function ok(result: { ok: true; value: TestOfChange } | { ok: false; error: unknown }): TestOfChange {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe.skipIf(!hasChromium)('pace at 390 px and 1280 px', () => {
  const suite = browserSuite(async (web) => {
    await saveNorth(web.connection, web.north);
    await saveHistory(web.connection, web.north);
    await saveSiblings(web.connection, web.north);
    const amyId = await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
    await grantNationalAnalyst(web.connection, await addTestUser(web.connection, 'nat', []), 'test');
    await addTestUser(web.connection, 'pat', [[web.north, 'partner']]);
    const by = { by: 'fixture' };
    const primary = await addDriverNode(web.connection, web.north, { aimId: 'aim-2', kind: 'primary', parentId: null, text: 'Complete information early, from every agency', libraryIdea: null }, by);
    await addDriverNode(web.connection, web.north, { aimId: 'aim-2', kind: 'secondary', parentId: primary.id, text: 'Legal advice ready before the permanence review', libraryIdea: null }, by);
    const details = {
      title: 'Legal advice referral form',
      change: 'A referral form for legal advice, with the documents it lists',
      changeIdea: null,
      libraryIdea: null,
      agencies: ['legal', 'social-work'] as const,
      owner: 'Permanence team leader',
      aimIds: ['aim-2'],
      driverIds: [1],
      start: d('2021-01-04'),
      scale: 'one-team' as const,
    };
    await addTest(web.connection, web.north, details, by);
    let test = ok(addCycle(newTest(1, details), { what: 'Use the form three times', who: 'Two workers', where: 'North team', when: d('2021-01-11'), prediction: 'Advice within four weeks', measures: 'Days to advice' }, d('2021-06-01')));
    test = ok(recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-02-01'), whatHappened: 'Three forms sent', observations: '' } }, d('2021-06-01')));
    await saveTest(web.connection, web.north, test, by);
    await saveMeeting(web.connection, web.north, { date: d('2021-03-10'), title: "Champions' group", notes: '' }, by);
    // Aim 2's group, the actions of two meetings and who was at the second: what the meeting's page shows.
    await saveMeeting(web.connection, web.north, { date: d('2021-02-10'), title: "Champions' group", notes: '' }, by);
    const amy = { kind: 'user' as const, userId: amyId, name: 'amy' };
    const partner = (name: string, organisation: string) => ({ kind: 'partner' as const, name, organisation });
    const [sample, counsel, reporter] = [partner('Dr A. Sample', 'NHS health visiting'), partner('Ms C. Counsel', 'Legal services'), partner('The locality reporter', 'SCRA')];
    const audit = { clientIp: null };
    await saveAimGroup(web.connection, web.north, 'aim-2', { lead: amy, members: [sample, counsel, reporter] }, by, audit);
    const agree = (at: string, text: string, owner: GroupPerson, due: string, done: string | null) => addAction(web.connection, web.north, d(at), { text, owner, due: d(due), done: done === null ? null : d(done) }, by, audit);
    await agree('2021-02-10', 'Draft the legal advice referral form with legal services', counsel, '2021-03-01', '2021-02-26');
    await agree('2021-02-10', 'Ask independent reviewing officers to record the date of every permanence recommendation in the minutes', amy, '2021-03-08', null);
    await agree('2021-02-10', "Invite health visiting to the next champions' group", sample, '2021-04-07', null);
    await agree('2021-03-10', 'Offer the referral form to the other two teams', amy, '2021-04-07', null);
    await agree('2021-03-10', 'Share the run chart of aim 2 with the panel members', reporter, '2021-04-07', '2021-03-20');
    await saveAttendance(web.connection, web.north, d('2021-03-10'), [amy, sample, counsel, partner('Ms B. Example', 'Education')], by, audit);
    await savePosterText(
      web.connection,
      web.north,
      {
        done: 'Process-mapped the key parts of our permanence process\nDeveloped two aims and began testing a legal advice referral form',
        learning: 'The importance of good links between administration and social work practice\nData on how well our systems work helps us choose the next test',
        nextSteps: 'Offer the referral form to the other two teams\nRefocus the permanence tracking meetings on outcomes',
        contact: 'The PACE lead, North Council: pace.lead@north.gov.uk',
      },
      by,
      { clientIp: null },
    );
  });

  describe.each([390, 1280])('at %i px', (width) => {
    const viewport = { width, height: 900 };
    const readers = new Map<Reader, { context: BrowserContext; page: Page }>();

    beforeAll(async () => {
      readers.set('amy', await signedIn(suite.browser, suite.base, 'amy', { bypassCSP: true, viewport }));
      readers.set('nat', await signedIn(suite.browser, suite.base, 'nat', { bypassCSP: true, viewport, landing: '/national' }));
      readers.set('pat', await signedIn(suite.browser, suite.base, 'pat', { bypassCSP: true, viewport, landing: '/a/NORTH/partner' }));
      const context = await suite.browser.newContext({ bypassCSP: true, viewport });
      readers.set('nobody', { context, page: await context.newPage() });
    });
    afterAll(async () => {
      for (const { context } of readers.values()) await context.close();
    });

    it.each(pages)('%s, read by %s, fits the window and axe finds nothing serious', async (path, reader) => {
      const { page } = readers.get(reader) as { page: Page };
      await page.goto(`${suite.base}${path}`);
      expect(await tooWide(page)).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
      const name = screenshotNames.get(reader === 'amy' ? path : `${reader} ${path}`);
      if (name !== undefined) {
        // Every picture shown on the page loaded (one waiting for the reader to scroll near it asked for now; one hidden at this width never), then the whole page as a reader sees it (docs/screenshots/).
        const shown = await page.evaluate(() => Array.from(document.images).filter((img) => img.getClientRects().length > 0).map((img) => ((img.loading = 'eager'), img.src)));
        await page.waitForFunction((sources) => Array.from(document.images).filter((img) => sources.includes(img.src)).every((img) => img.complete && img.naturalWidth > 0), shown);
        await page.screenshot({ path: `docs/screenshots/${name}-${width}.png`, fullPage: true });
      }
    });

    it('draws each of an aim’s charts for the window: the narrow drawing on a phone, whose words stay legible, the run chart a picture fetched only there; the wide one on a desk', async () => {
      const { page } = readers.get('amy') as { page: Page };
      const asked: string[] = [];
      const listen = (request: { url(): string }) => void (request.url().includes('/run-chart-phone.svg') && asked.push(new URL(request.url()).pathname));
      page.on('request', listen);
      await page.goto(`${suite.base}/a/NORTH/aims/aim-2`);
      // Each figure (the run chart, month by month, quarter by quarter twice, waiting, stages, survival) shows one drawing: its width as drawn, and the size its words show at.
      const shown = await drawingsShown(page, 'figure.pace-figure');
      const picture = page.locator('figure.pace-figure img.pace-chart--narrow');
      if (width === 390) {
        // The run chart's is a picture of its own (its dots, links on a desk, are too small for a finger).
        await picture.scrollIntoViewIfNeeded();
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(560);
        expect(asked).toEqual(['/a/NORTH/aims/aim-2/run-chart-phone.svg']);
        expect(Math.round(((await picture.evaluate((img) => img.getBoundingClientRect().width)) * 13) / 56) / 10).toBeGreaterThanOrEqual(8);
        expect(shown.map((s) => s.drawn)).toEqual([560, 560, 560, 560, 560, 560]);
        // 13 px words drawn at 560 and shown on a phone's 358 px: 8 px, where the desk's drawing gave 4.
        expect(shown.every((s) => s.textPx >= 8)).toBe(true);
      } else {
        expect(shown.map((s) => s.drawn)).toEqual([1100, 1100, 1100, 1100, 1100, 1100, 1100]);
        expect(await picture.isVisible()).toBe(false);
        await page.waitForLoadState('networkidle');
        expect([asked, await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)]).toEqual([[], 0]);
      }
      page.off('request', listen);
    });

    it('draws the balancing measures for the window, their words as large on a phone as the aim page’s', async () => {
      const { page } = readers.get('amy') as { page: Page };
      await page.goto(`${suite.base}/a/NORTH/balancing`);
      // (A partner's trends are drawn the same way, test/web/partner-trend-view.test.ts: here every one of their months is hidden, [c].)
      const balancing = await drawingsShown(page, 'main');
      expect(balancing.map((chart) => chart.drawn)).toEqual(width === 390 ? [560, 560, 560, 560] : [1100, 1100, 1100, 1100]);
      // 13 px words drawn at 560 on a phone's 358 px: 8.3 px, where the desk's drawing gave 4.2.
      if (width === 390) expect(balancing.filter((chart) => chart.smallestPx < 8)).toEqual([]);
    });

    it("draws a group's timelines for the window: a picture of its own on a phone, fetched only there", async () => {
      const { page } = readers.get('amy') as { page: Page };
      await page.goto(`${suite.base}/a/NORTH/timelines?group=siblings&sibling_group=SG1`);
      const picture = page.locator('section[aria-labelledby="group-title"] img.pace-chart--narrow');
      if (width === 390) {
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(560);
        expect(await drawingsShown(page, 'section[aria-labelledby="group-title"]')).toEqual([]);
        // 13 px words drawn at 560 and shown on a phone's 358 px: 8.3 px, where the desk's drawing gave 3.8.
        expect(Math.round(((await picture.evaluate((img) => img.getBoundingClientRect().width)) * 13) / 56) / 10).toBeGreaterThanOrEqual(8);
      } else {
        expect((await drawingsShown(page, 'section[aria-labelledby="group-title"]')).map((chart) => chart.drawn)).toEqual([1120]);
        await page.waitForLoadState('networkidle');
        expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
      }
    });

    it("draws the driver diagram for the window: the tree on a desk, an outline on a phone whose words show at 11.9 px (the tree's at 4.4)", async () => {
      const { page } = readers.get('amy') as { page: Page };
      await page.goto(`${suite.base}/a/NORTH/aims/aim-2/drivers`);
      const diagram = await drawingsShown(page, 'figure.pace-figure');
      expect(diagram.map((chart) => [chart.drawn, chart.smallestPx])).toEqual([width === 390 ? [360, 11.9] : [972, 12]]);
    });

    it("draws a meeting pack's charts for the window: each aim's waiting chart and the balancing measures in the page, and each run chart a picture drawn for the window, the aim page's own", async () => {
      const { page } = readers.get('amy') as { page: Page };
      const asked: string[] = [];
      const listen = (request: { url(): string }) => void (/\/run-chart(-phone)?\.svg/.test(request.url()) && asked.push(`${new URL(request.url()).pathname}${new URL(request.url()).search}`));
      page.on('request', listen);
      await page.goto(`${suite.base}/a/NORTH/packs/2021-03-10`);
      const pack = await drawingsShown(page, 'main');
      const pictures = page.locator('main picture img');
      // Each aim's waiting chart, then the four balancing measures, drawn in the page for the window.
      expect(pack.map((chart) => chart.drawn)).toEqual(Array<number>(8).fill(width === 390 ? 560 : 1100));
      for (const picture of await pictures.all()) {
        await picture.scrollIntoViewIfNeeded();
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(width === 390 ? 560 : 1100);
      }
      // Each aim's run chart: only the drawing for the window is asked for, as at the pack's date.
      expect(asked).toEqual([1, 2, 3, 4].map((n) => `/a/NORTH/aims/aim-${n}/${width === 390 ? 'run-chart-phone' : 'run-chart'}.svg?as_at=2021-03-10`));
      if (width === 390) {
        // 13 px words drawn at 560 on a phone's 358 px: 8.3 px, where the desk's drawings gave about 4.
        expect([pack.every((chart) => chart.textPx >= 8), Math.min(...pack.map((chart) => chart.smallestPx))]).toEqual([true, 8.3]);
        for (const picture of await pictures.all()) expect(Math.round(((await picture.evaluate((img) => img.getBoundingClientRect().width)) * 13) / 56) / 10).toBeGreaterThanOrEqual(8);
      }
      page.off('request', listen);
    });

    it("draws a child's timeline for the window: a picture of its own on a phone, fetched only there", async () => {
      const { page } = readers.get('amy') as { page: Page };
      const asked: string[] = [];
      const listen = (request: { url(): string }) => void (request.url().includes('size=small') && asked.push(new URL(request.url()).pathname));
      page.on('request', listen);
      await page.goto(`${suite.base}/a/NORTH/children/C7`);
      const section = page.locator('section[aria-labelledby="timeline"]');
      const picture = section.locator('img.pace-chart--narrow');
      if (width === 390) {
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(560);
        expect(await drawingsShown(page, 'section[aria-labelledby="timeline"]')).toEqual([]);
        // 13 px words drawn at 560 and shown on a phone's 358 px: 8.3 px, where the desk's drawing gave 3.8.
        const shownWidth = await picture.evaluate((img) => img.getBoundingClientRect().width);
        expect(Math.round((13 * shownWidth) / 560 * 10) / 10).toBeGreaterThanOrEqual(8);
        expect(asked).toEqual(['/a/NORTH/children/C7/timeline.svg']);
      } else {
        expect((await drawingsShown(page, 'section[aria-labelledby="timeline"]')).map((chart) => chart.drawn)).toEqual([1120]);
        expect(await picture.isVisible()).toBe(false);
        await page.waitForLoadState('networkidle');
        expect([asked, await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)]).toEqual([[], 0]);
      }
      page.off('request', listen);
    });

    it("an import check's report fits the window and axe finds nothing serious", async () => {
      const { page } = readers.get('amy') as { page: Page };
      const dir = mkdtempSync(join(tmpdir(), 'pace-browser-widths-'));
      const files = Object.entries(cleanExport).map(([name, lines]) => {
        const file = join(dir, name);
        writeFileSync(file, `${lines.join('\r\n')}\r\n`.replace('2020-08-20', '2099-08-20'));
        return file;
      });
      await page.goto(`${suite.base}/a/NORTH/import`);
      await page.getByLabel('Files', { exact: true }).setInputFiles(files);
      await page.getByRole('button', { name: 'Check the files' }).click();
      await page.getByRole('heading', { name: 'Checking the files', level: 1 }).waitFor();
      await page.waitForFunction(() => !document.querySelector('meta[http-equiv="refresh"]'), undefined, { timeout: 20_000 });
      await page.locator('.ds_error-summary').waitFor();
      expect(await tooWide(page)).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('opens the menu on a phone without JavaScript, by mouse or keyboard, and follows a link in it', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const menu = page.locator('summary', { hasText: 'Menu' });
    const waiting = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Children waiting' });
    expect(await menu.isVisible()).toBe(true);
    expect(await waiting.isVisible()).toBe(false);
    await menu.click();
    expect(await waiting.isVisible()).toBe(true);
    await menu.click();
    expect(await waiting.isVisible()).toBe(false);
    // Tab reaches it (after the skip link, the name of the service and Sign out), and Enter opens it.
    for (let i = 0; i < 5 && !(await menu.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await menu.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await waiting.isVisible()).toBe(true);
    await waiting.click();
    await page.waitForURL(`${suite.base}/a/NORTH/waiting`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Children waiting');
    // On the new page the menu starts closed again.
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).isVisible()).toBe(false);
    expect(await menu.isVisible()).toBe(true);
    await context.close();
  });

  it("scrolls a wide table on a phone inside its own box, by keyboard, while the page stays put", async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await page.goto(`${suite.base}/a/NORTH/children/C7`);
    const box = page.getByRole('region', { name: 'Placements, earliest first' });
    expect(await box.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await box.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    // Chromium scrolls smoothly: the box gets there a moment later.
    await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
    await context.close();
  });

  it("draws every chart of an aim's page at the full content width, its smallest text at least 12 px, at 1280 px", async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.base}/a/NORTH/aims/aim-2`);
    const charts = await page.evaluate(() =>
      // The drawings shown (a chart drawn for a phone as well is hidden on a desk).
      Array.from(document.querySelectorAll('main figure svg'))
        .filter((svg) => svg.getClientRects().length > 0)
        .map((svg) => {
          const shown = svg.getBoundingClientRect().width;
          const scale = shown / (svg as SVGSVGElement).viewBox.baseVal.width;
          const sizes = Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return { label: svg.getAttribute('aria-label')?.slice(0, 40) ?? '', width: Math.round(shown), smallest: Math.round(Math.min(...sizes) * 10) / 10 };
        }),
    );
    const content = await page.evaluate(() => Math.round((document.querySelector('main figure') as HTMLElement).getBoundingClientRect().width));
    expect(content).toBe(1120);
    // The run chart, month by month, quarter by quarter (% in time and median weeks), waiting, stages and survival.
    expect(charts.length).toBe(7);
    // The charts are drawn 1,100 px wide: the content column (1,120 px at 1280) less its 20 px of air.
    expect(charts.filter((c) => c.width < content - 20 || c.smallest < 12)).toEqual([]);
    await context.close();
  });

  it('prints the poster on one sheet of A3, or of A4 when asked, with nothing but the poster on it', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { viewport: { width: 1280, height: 900 } });
    for (const [query, size] of [
      ['', { width: '841.89', height: '1190.55' }],
      ['?size=a4', { width: '595.28', height: '841.89' }],
    ] as const) {
      await page.goto(`${suite.base}/a/NORTH/poster${query}`);
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => `${Number(m[1]).toFixed(0)} x ${Number(m[2]).toFixed(0)}`);
      expect(boxes, query).toEqual([`${Number(size.width).toFixed(0)} x ${Number(size.height).toFixed(0)}`]);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pace-print-bar').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'North Council – PACE', level: 1 }).isVisible()).toBe(true);
    await context.close();
  });

  it('shows the navigation itself, with no menu, on a desktop', async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { viewport: { width: 1280, height: 800 } });
    expect(await page.locator('summary', { hasText: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Children waiting' }).isVisible()).toBe(true);
    await context.close();
  });
});
