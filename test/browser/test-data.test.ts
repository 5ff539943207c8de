import { describe, expect, it } from 'vitest';
import { addCycle, newTest, recordCyclePart, type TestOfChange } from '../../src/domain/improvement/test-of-change.js';
import { addTest, saveRecords, saveTest } from '../../src/store/index.js';
import { d } from '../builders.js';
import { northChildren, northEvents, northPlacements } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, drawingsShown, seriousViolations, signedIn } from './browser.js';

// A1 and B2 in the Permanence team, the rest in Kinship (as in test/web/test-data.test.ts).
const teams: Readonly<Record<string, string>> = { A1: 'Permanence', B2: 'Permanence', C3: 'Kinship', D4: 'Kinship', E5: 'Kinship' };

const details = {
  title: '72-hour meeting agenda',
  change: 'A set agenda for every 72-hour meeting',
  changeIdea: null,
  libraryIdea: null,
  agencies: ['health', 'social-work'] as const,
  owner: 'Permanence team leader',
  aimIds: ['aim-2'],
  driverIds: [],
  start: d('2020-05-04'),
  scale: 'one-team' as const,
  runsWith: { kind: 'team', team: 'Permanence' } as const,
};

function ok(result: { ok: true; value: TestOfChange } | { ok: false; error: unknown }): TestOfChange {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const today = d('2021-06-01');
const label = 'meetings held within 72 hours';

describe('a test of change with its data, in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveRecords(web.connection, web.north, { children: northChildren.map((c) => ({ ...c, team: teams[c.childId] ?? null })), placements: northPlacements, events: northEvents }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
    await addTest(web.connection, web.north, details, { by: 'fixture' });
    let test = newTest(1, details);
    const cycles = [
      { plan: '2020-05-11', done: '2020-06-01', studied: '2020-06-08', acted: '2020-06-10', numbers: [['2020-06-05', 4, 9]] },
      { plan: '2020-06-15', done: '2020-07-20', studied: '2020-07-27', acted: '2020-07-29', numbers: [['2020-07-10', 6, 9], ['2020-07-24', 7, 9]] },
      { plan: '2020-08-03', done: '2020-09-07', studied: '2020-09-14', acted: null, numbers: [['2020-09-11', 8, 8]] },
    ] as const;
    cycles.forEach((c, i) => {
      const n = i + 1;
      test = ok(addCycle(test, { what: 'The agenda at the next meetings', who: 'Chairs', where: 'North', when: d(c.plan), prediction: 'Most within 72 hours', measures: label }, today));
      test = ok(recordCyclePart(test, n, { part: 'do', value: { date: d(c.done), whatHappened: 'Meetings held on the agenda', observations: '' } }, today));
      const measurements = c.numbers.map(([date, count, outOf]) => ({ date: d(date), count, outOf, label }));
      test = ok(recordCyclePart(test, n, { part: 'study', value: { date: d(c.studied), result: 'Better', numbers: '', quotes: '', measurements } }, today));
      if (c.acted) test = ok(recordCyclePart(test, n, { part: 'act', value: { date: d(c.acted), decision: 'adapt', nextStep: 'Send the agenda a day ahead' } }, today));
    });
    await saveTest(web.connection, web.north, test, { by: 'fixture' });
  });

  it("draws the aim month by month, for everyone and for the team, at a width its words can be read at: the desk's drawing on one column, the phone's on a phone and side by side", async () => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { viewport: { width: 1000, height: 900 } });
    const shown = async (width: number) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${suite.base}/a/NORTH/tests/1`);
      return (await drawingsShown(page, 'section[aria-labelledby="test-measures"]')).map(({ drawn, textPx }) => ({ drawn, textPx }));
    };
    // A phone: one column, the 560 drawings, their 13 px words at 8 px.
    expect(await shown(390)).toEqual([{ drawn: 560, textPx: 8 }, { drawn: 560, textPx: 8 }]);
    // One column on a desk: the 1,100 drawings.
    expect((await shown(1000)).map((s) => s.drawn)).toEqual([1100, 1100]);
    // Side by side (from 1,200 px): each half the width, so the 560 drawings, shown larger than drawn.
    const sideBySide = await shown(1280);
    expect(sideBySide.map((s) => s.drawn)).toEqual([560, 560]);
    expect(sideBySide.every((s) => s.textPx >= 12)).toBe(true);

    // The Study numbers: 640 on a desk (one column or beside the table), 440 on a phone, whose 13 px words show at 10 px there (7 px when the 640 was shrunk).
    const study = async (width: number) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${suite.base}/a/NORTH/tests/1`);
      return (await drawingsShown(page, 'section[aria-labelledby="study-numbers"]')).map(({ drawn, textPx }) => ({ drawn, textPx }));
    };
    expect(await study(390)).toEqual([{ drawn: 440, textPx: 11 }]);
    expect((await study(1000)).map((s) => s.drawn)).toEqual([640]);
    expect((await study(1280)).map((s) => s.drawn)).toEqual([440]);
    await context.close();
  });

  describe.each([390, 1280])('at %i px', (width) => {
    it("the test's page fits the window, axe finds nothing serious, and the screenshot is kept", async () => {
      const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { bypassCSP: true, viewport: { width, height: 900 } });
      await page.goto(`${suite.base}/a/NORTH/tests/1`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.locator('main').textContent()).toContain('For the Permanence team');
      await page.screenshot({ path: `docs/screenshots/test-data-${width}.png`, fullPage: true });
      await page.goto(`${suite.base}/a/NORTH/tests/1/cycles/2/study`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `docs/screenshots/study-numbers-${width}.png`, fullPage: true });
      await context.close();
    });
  });
});
