// A child's page with events planned and cancelled, in Chromium at a phone's width and a desktop's
// (docs/decisions/0030-planned-events.md): the timeline's open marks, its text alternative, the
// list beside it, and no serious accessibility problem. The screenshots go to the system's
// temporary folder, to be looked at.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { d } from '../builders.js';
import { saveRecords } from '../../src/store/index.js';
import { saveSiblings } from '../web/fixtures.js';
import { addTestUser } from '../web/harness.js';
import { browserSuite, hasChromium, seriousViolations, signedIn } from './browser.js';

describe.skipIf(!hasChromium)('planned and cancelled events on a child’s page in Chromium', () => {
  const suite = browserSuite(async (web) => {
    await saveSiblings(web.connection, web.north);
    const plan = (eventId: string, type: 'lac_review' | 'permanence_planning_meeting', status: 'planned' | 'cancelled', day: string, reason: string | null) => ({ childId: 'C7', eventId, type, status, plannedDate: d(day), route: null, reason, recordedDate: null });
    await saveRecords(web.connection, web.north, { events: [plan('C7-P1', 'lac_review', 'cancelled', '2020-11-16', 'chair unavailable'), plan('C7-P2', 'lac_review', 'planned', '2021-06-21', null), plan('C7-P3', 'permanence_planning_meeting', 'planned', '2021-07-05', null)] }, { by: 'test' });
    await addTestUser(web.connection, 'amy', [[web.north, 'admin']]);
  });

  it.each([390, 1280])('shows plans as open marks and in a list at %i px, and says so in words', async (width) => {
    const { context, page } = await signedIn(suite.browser, suite.base, 'amy', { viewport: { width, height: 900 }, bypassCSP: true });
    await page.goto(`${suite.base}/a/NORTH/children/C7`);
    const picture = page.locator('section[aria-labelledby="timeline"]').getByRole('img', { name: /^Timeline for Alex Example \(C7\)\./ });
    // The desk's drawing is named by its label, the phone's picture by its text alternative: the same words.
    expect(await picture.evaluate((drawing) => drawing.getAttribute('aria-label') ?? drawing.getAttribute('alt'))).toContain('Planned, not yet held: looked after child review on 21 June 2021; permanence planning meeting on 5 July 2021. Cancelled: looked after child review (planned for 16 November 2020).');
    const list = page.getByRole('table', { name: 'Planned and cancelled events, by planned date' });
    await expect(list.getByRole('row').allTextContents()).resolves.toEqual([
      expect.stringContaining('Planned for'),
      expect.stringContaining('16 November 2020Looked after child reviewCancelledchair unavailableC7-P1'),
      expect.stringContaining('21 June 2021Looked after child reviewPlannedC7-P2'),
      expect.stringContaining('5 July 2021Permanence planning meetingPlannedC7-P3'),
    ]);
    await page.locator('section[aria-labelledby="timeline"]').getByText('The timeline as tables').click();
    await expect(page.getByRole('table', { name: 'Planned and cancelled, not held (open marks)' }).getByRole('row').allTextContents()).resolves.toEqual([
      'Planned forEventStatus',
      '16 November 2020Looked after child reviewCancelled',
      '21 June 2021Looked after child reviewPlanned, not yet held',
      '5 July 2021Permanence planning meetingPlanned, not yet held',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), `pace-child-plans-${width}.png`), fullPage: true });
    await page.locator('section[aria-labelledby="timeline"]').screenshot({ path: join(tmpdir(), `pace-child-plans-${width}-timeline.png`) });
    await list.screenshot({ path: join(tmpdir(), `pace-child-plans-${width}-list.png`) });
    await context.close();
  });
});
