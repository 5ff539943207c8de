import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTest, findAuthority, listAims, saveAim, saveRecords, setProgrammeStart, type StoredAuthority } from '../../src/store/index.js';
import type { Aim } from '../../src/domain/aim.js';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { d, event } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { openWeb, type WebFixture } from './harness.js';

const asAt = d('2021-06-01');

describe.each(engines)('the cache of figures on $name', (engine) => {
  let web: WebFixture;
  let north: StoredAuthority;
  let cache: FiguresCache;

  const aim2Percentage = async () => (await cache.figures(north, asAt)).aims.find((a) => a.aim.id === 'aim-2')?.figures.percentage;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    north = (await findAuthority(web.connection, 'NORTH')) as StoredAuthority;
    cache = new FiguresCache(web.connection);
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('computes once and serves the same figures while nothing changes', async () => {
    const first = await cache.figures(north, asAt);
    expect(await cache.figures(north, asAt)).toBe(first);
    // A save that changes nothing is no change.
    await saveRecords(web.connection, web.north, { events: [event('permanence_recommendation', '2020-06-01', 'adoption', { childId: 'A1', id: 'EA1' })] }, { by: 'again' });
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

  it('sees a changed aim, a new test of change and a new programme start at once, each a new data version', async () => {
    const before = await cache.figures(north, asAt);
    const [aim1] = await listAims(web.connection, web.north);
    await saveAim(web.connection, web.north, { ...(aim1 as Aim), timescale: { unit: 'months', months: 18 } }, { by: 'lead' });
    const afterAim = await cache.figures(north, asAt);
    expect(afterAim).not.toBe(before);
    expect(afterAim.aims[0]?.aim.timescale).toEqual({ unit: 'months', months: 18 });
    await addTest(web.connection, web.north, { title: 'Early legal advice', change: 'Refer for legal advice at the early review', changeIdea: null, libraryIdea: null, aimIds: ['aim-2'], driverIds: [], owner: 'Lead', agencies: ['social-work'], scale: 'one-team', start: d('2021-01-04') }, { by: 'lead' });
    const afterTest = await cache.figures(north, asAt);
    expect(afterTest).not.toBe(afterAim);
    await setProgrammeStart(web.connection, web.north, d('2020-06-01'));
    const restarted = await cache.figures((await findAuthority(web.connection, 'NORTH')) as StoredAuthority, asAt);
    expect(restarted).not.toBe(afterTest);
    expect(restarted.authority.programmeStart?.toString()).toBe('2020-06-01');
  });

  it('is one entry per authority and date, the newest kept and the least recently used dropped', async () => {
    const small = new FiguresCache(web.connection, { maxEntries: 2 });
    const first = await small.figures(north, d('2021-01-01'));
    await small.figures(north, d('2021-02-01'));
    await small.figures(north, d('2021-03-01'));
    expect(await small.figures(north, d('2021-01-01'))).not.toBe(first);
  });
});
