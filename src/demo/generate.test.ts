import { describe, expect, it } from 'vitest';
import { nationalAims, type Aim } from '../domain/aim.js';
import { aimFigures } from '../domain/aim-figures.js';
import { placementTypes, routes } from '../domain/codes.js';
import { ageInYears, epochDay, parseDateOrThrow as d } from '../domain/date.js';
import { lookedAfterSpells } from '../domain/journey.js';
import { median } from '../domain/spc/median.js';
import { generateAuthorities } from './generate.js';

const asAt = d('2026-11-01');
const [demo] = generateAuthorities({ authorities: 1, children: 500, seed: 'test', asAt });
const records = demo!.records;

describe('the synthetic authority', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateAuthorities({ authorities: 1, children: 50, seed: 'test', asAt })).toEqual(generateAuthorities({ authorities: 1, children: 50, seed: 'test', asAt }));
    expect(generateAuthorities({ authorities: 1, children: 50, seed: 'other', asAt })).not.toEqual(generateAuthorities({ authorities: 1, children: 50, seed: 'test', asAt }));
  });

  it('is labelled synthetic, with a programme start inside its decade', () => {
    expect(demo!.authority.code).toBe('DEMO01');
    expect(demo!.authority.name).toBe('Demoshire Council (synthetic demo)');
    const start = epochDay(demo!.authority.programmeStart!);
    expect(start).toBeGreaterThan(epochDay(d('2019-01-01')));
    expect(start).toBeLessThan(epochDay(d('2024-01-01')));
  });

  it('has exactly the children asked for, with unique ids', () => {
    expect(records).toHaveLength(500);
    expect(new Set(records.map((r) => r.child.childId)).size).toBe(500);
    const placementIds = records.flatMap((r) => r.placements.map((p) => p.placementId));
    const eventIds = records.flatMap((r) => r.events.map((e) => e.eventId));
    expect(new Set(placementIds).size).toBe(placementIds.length);
    expect(new Set(eventIds).size).toBe(eventIds.length);
  });

  it('dates nothing after as-at, and no placement ends before it starts', () => {
    const last = epochDay(asAt);
    for (const r of records) {
      for (const p of r.placements) {
        expect(epochDay(p.start)).toBeLessThanOrEqual(last);
        if (p.end) expect(epochDay(p.end)).toBeGreaterThanOrEqual(epochDay(p.start));
      }
      for (const e of r.events) expect(epochDay(e.date)).toBeLessThanOrEqual(last);
    }
  });

  it('uses every placement type and every route', () => {
    const types = new Set(records.flatMap((r) => r.placements.map((p) => p.type)));
    expect(placementTypes.filter((t) => !types.has(t))).toEqual([]);
    const seenRoutes = new Set(records.flatMap((r) => r.events.map((e) => e.route)));
    expect(routes.filter((route) => !seenRoutes.has(route))).toEqual([]);
  });

  it('has siblings sharing a group', () => {
    const groups = new Map<string, number>();
    for (const r of records) if (r.child.siblingGroup) groups.set(r.child.siblingGroup, (groups.get(r.child.siblingGroup) ?? 0) + 1);
    expect(groups.size).toBeGreaterThan(5);
    expect([...groups.values()].every((n) => n >= 2)).toBe(true);
  });

  it('has children still waiting more than a year for a recommendation', () => {
    const aim2 = aimFigures(nationalAims()[1] as Aim, records, asAt, { fromDate: null });
    expect(aim2.journeys.filter((j) => j.stillWaiting && j.weeks > 52).length).toBeGreaterThan(0);
  });

  it('gets recommendations faster after the programme start than before', () => {
    const start = epochDay(demo!.authority.programmeStart!);
    const done = aimFigures(nationalAims()[1] as Aim, records, asAt, { fromDate: null }).journeys.filter((j) => j.journey.end !== null);
    const before = median(done.filter((j) => epochDay(j.journey.start) < start).map((j) => j.weeks)) as number;
    const after = median(done.filter((j) => epochDay(j.journey.start) >= start).map((j) => j.weeks)) as number;
    expect(after).toBeLessThan(before * 0.8);
  });

  it('has a few of the recording errors real exports have', () => {
    const admBeforeRecommendation = records.filter((r) => r.events.some((e) => e.note?.startsWith('synthetic recording error')));
    expect(admBeforeRecommendation.length).toBeGreaterThan(0);
    expect(admBeforeRecommendation.length).toBeLessThan(15);
  });

  it('sends children home, to adoption and kinship orders and into adulthood, each ceasing to be looked after', () => {
    const ceased = records.filter((r) => r.events.some((e) => e.type === 'ceased_looked_after'));
    expect(ceased.length / records.length).toBeGreaterThan(0.5);
    const orders = (route: string) => ceased.filter((r) => r.events.some((e) => e.type === 'order_granted' && e.route === route)).length;
    expect([orders('adoption') > 10, orders('kinship_order') > 10]).toEqual([true, true]);
    const endings = records.map((r) => lookedAfterSpells(r, asAt).at(-1)?.overReason ?? 'still looked after');
    expect(new Set(endings)).toEqual(new Set(['left-care', 'turned-18', 'still looked after']));
    // Still looked after as at the demo's date: a believable share of a decade's children.
    const still = endings.filter((e) => e === 'still looked after').length / records.length;
    expect(still).toBeGreaterThan(0.2);
    expect(still).toBeLessThan(0.5);
  });

  it('has nobody waiting who is 18 or over, or who has left care', () => {
    const byId = new Map(records.map((r) => [r.child.childId, r]));
    for (const aim of nationalAims()) {
      for (const j of aimFigures(aim, records, asAt).journeys.filter((x) => x.stillWaiting)) {
        const record = byId.get(j.journey.childId)!;
        expect(ageInYears(record.child.dateOfBirth, asAt)).toBeLessThan(18);
        expect(lookedAfterSpells(record, asAt).at(-1)?.over).toBeNull();
      }
    }
  });

  it('ends every placement by the day before the 18th birthday', () => {
    for (const r of records) {
      const eighteen = epochDay(r.child.dateOfBirth.add({ years: 18 }));
      for (const p of r.placements) expect(p.end === null ? epochDay(asAt) < eighteen || epochDay(p.start) >= eighteen : epochDay(p.end) < eighteen).toBe(true);
    }
  });

  it('gives most records the day they were entered in the case-management system, a few months late', () => {
    const events = records.flatMap((r) => r.events);
    expect(events.every((e) => e.recordedDate !== null && epochDay(e.recordedDate) >= epochDay(e.date) && epochDay(e.recordedDate) <= epochDay(asAt))).toBe(true);
    const late = events.filter((e) => epochDay(e.recordedDate!) - epochDay(e.date) > 90).length / events.length;
    expect(late).toBeGreaterThan(0.01);
    expect(late).toBeLessThan(0.1);
  });
});
