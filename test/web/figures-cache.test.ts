import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuthority, saveRecords, type StoredAuthority } from '../../src/store/index.js';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { d, event } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { openWeb, type WebFixture } from './harness.js';

const asAt = d('2021-06-01');

describe.each(engines)('the cache of figures on $name', (engine) => {
  let web: WebFixture;
  let north: StoredAuthority;
  let clock: number;
  let cache: FiguresCache;

  const aim2Percentage = async () => (await cache.figures(north, asAt)).aims.find((a) => a.aim.id === 'aim-2')?.figures.percentage;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    north = (await findAuthority(web.connection, 'NORTH')) as StoredAuthority;
    clock = 1_000_000;
    cache = new FiguresCache(web.connection, { exactCheckMs: 1000, now: () => clock });
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('computes once and serves the same figures while nothing changes', async () => {
    const first = await cache.figures(north, asAt);
    clock += 5000;
    expect(await cache.figures(north, asAt)).toBe(first);
  });

  it('keeps one entry per as-at date', async () => {
    const june = await cache.figures(north, asAt);
    const july = await cache.figures(north, d('2020-07-01'));
    expect([june.aims[1]?.figures.n, july.aims[1]?.figures.n]).toEqual([3, 1]);
    expect(await cache.figures(north, asAt)).toBe(june);
  });

  it('sees a new record at once', async () => {
    expect(await aim2Percentage()).toBeCloseTo(33.33, 2);
    await saveRecords(web.connection, web.north, { events: [event('permanence_recommendation', '2021-05-20', 'adoption', { childId: 'E5', id: 'EE5' })] }, { by: 'elsewhere' });
    expect(await aim2Percentage()).toBe(50);
  });

  it('sees an edit at once, whatever time it carries', async () => {
    expect(await aim2Percentage()).toBeCloseTo(33.33, 2);
    await saveRecords(web.connection, web.north, { events: [event('permanence_recommendation', '2020-08-01', 'permanence_order', { childId: 'B2', id: 'EB2' })] }, { by: 'elsewhere', at: '2000-01-01T00:00:00.000Z' });
    expect(await aim2Percentage()).toBeCloseTo(66.67, 2);
  });

  it('sees at once an add stamped no later than the latest record: the stamp counts changes, whatever their time', async () => {
    expect(await aim2Percentage()).toBeCloseTo(33.33, 2);
    await saveRecords(web.connection, web.north, { events: [event('permanence_recommendation', '2021-05-20', 'adoption', { childId: 'E5', id: 'EE5' })] }, { by: 'skewed clock', at: '2021-05-01T09:00:00.000Z' });
    expect(await aim2Percentage()).toBe(50);
  });
});
