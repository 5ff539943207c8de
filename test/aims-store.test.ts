import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aim } from '../src/domain/aim.js';
import { weeks } from '../src/domain/timescale.js';
import { findAim, listAims, parseAimJson, recordHistory, saveAim, aimToJson, type AuthorityScope, type Connection } from '../src/store/index.js';
import { d } from './builders.js';
import { engines, openTwoAuthorities } from './engines.js';

describe.each(engines)('aims in the store on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  let north: AuthorityScope;
  let south: AuthorityScope;

  beforeEach(async () => {
    ({ connection, north, south, dispose } = await openTwoAuthorities(engine));
  });

  afterEach(async () => {
    await dispose();
  });

  it('gives a new authority the four national aims with default timescales and no from-date', async () => {
    const aims = await listAims(connection, north);
    expect(aims.map((a) => [a.id, a.nationalAim, a.timescale, a.fromDate])).toEqual([
      ['aim-1', 1, { unit: 'months', months: 24 }, null],
      ['aim-2', 2, { unit: 'weeks', weeks: 26 }, null],
      ['aim-3', 3, { unit: 'weeks', weeks: 14 }, null],
      ['aim-4', 4, { unit: 'weeks', weeks: 3 }, null],
    ]);
  });

  it('keeps the previous definition when an aim changes', async () => {
    const aim2 = (await findAim(connection, north, 'aim-2')) as Aim;
    const tailored: Aim = { ...aim2, timescale: weeks(36), fromDate: d('2018-07-02'), targetPercent: 70, byDate: d('2019-01-31'), filters: { placementTypes: ['foster'] } };
    expect((await saveAim(connection, north, tailored, { by: 'lead' })).value).toMatchObject({ change: 'changed', version: 2 });
    expect(await findAim(connection, north, 'aim-2')).toEqual(tailored);
    const history = await recordHistory(connection, north, 'aim', 'aim-2');
    expect(history.map((h) => [h.version, h.change, (h.previous.definition as { timescale: unknown }).timescale])).toEqual([[1, 'edit', { unit: 'weeks', weeks: 26 }]]);
    expect((await saveAim(connection, north, tailored, { by: 'lead' })).value.change).toBe('unchanged');
  });

  it('adds a local aim after the national ones, for its authority only', async () => {
    const local: Aim = { ...((await findAim(connection, north, 'aim-3')) as Aim), id: 'panel-12-weeks', name: 'Presented to panel within 12 weeks', nationalAim: null, timescale: weeks(12) };
    expect((await saveAim(connection, north, local, { by: 'lead' })).value.change).toBe('added');
    expect((await listAims(connection, north)).map((a) => a.id)).toEqual(['aim-1', 'aim-2', 'aim-3', 'aim-4', 'panel-12-weeks']);
    expect((await listAims(connection, south)).map((a) => a.id)).toEqual(['aim-1', 'aim-2', 'aim-3', 'aim-4']);
  });
});

describe('an aim definition as JSON', () => {
  const json = {
    id: 'aim-2',
    name: 'Aim 2',
    national_aim: 2,
    kind: 'accommodation',
    by_date: '2019-01-31',
    target_percent: 70,
    from_date: '2018-07-02',
    timescale: { unit: 'weeks', weeks: 26 },
    filters: { placement_types: ['foster', 'kinship'], placement_types_not: ['secure'], routes: ['adoption', 'undecided'], routes_not: ['home'], min_age: 0, max_age: 11, sibling_group: 'not_in', teams: ['North Team'] },
    backlog: { by_date: '2017-10-31', started_before: '2017-04-01' },
  };

  it('round-trips', () => {
    const parsed = parseAimJson(json);
    expect(parsed.ok && aimToJson(parsed.value)).toEqual(json);
  });

  it('reads a version 1 plan-route filter as a filter on the journey’s own route', () => {
    const parsed = parseAimJson({ ...json, filters: { plan_routes: ['permanence_order', 'adoption'] } });
    expect(parsed.ok && parsed.value.filters).toEqual({ routes: ['permanence_order', 'adoption'] });
    expect(parsed.ok && aimToJson(parsed.value).filters).toEqual({ routes: ['permanence_order', 'adoption'] });
  });

  it('refuses a route or setting that is both kept and left out', () => {
    const parsed = parseAimJson({ ...json, filters: { routes: ['home'], routes_not: ['home'], placement_types: ['foster'], placement_types_not: ['foster'] } });
    expect(parsed.ok ? [] : parsed.error.issues).toEqual(['filters: foster is both in placement_types and in placement_types_not', 'filters: home is both in routes and in routes_not']);
  });

  it('names each field that is wrong', () => {
    const parsed = parseAimJson({ id: 'Aim 2', name: '', national_aim: 5, kind: 'accommodation', by_date: '31/02/2019', target_percent: 170, from_date: null, timescale: { unit: 'weeks', weeks: 0 } });
    expect(parsed.ok ? [] : parsed.error.issues.map((i) => i.split(':')[0])).toEqual(['id', 'name', 'national_aim', 'by_date', 'target_percent', 'timescale.weeks']);
  });
});
