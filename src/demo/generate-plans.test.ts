// The demo's planned and cancelled meetings and reviews (docs/decisions/0030-planned-events.md).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nationalAims, type Aim } from '../domain/aim.js';
import { aimFigures } from '../domain/aim-figures.js';
import { epochDay, parseDateOrThrow as d } from '../domain/date.js';
import type { ChildRecord } from '../domain/records.js';
import { generateAuthorities } from './generate.js';
import { writeCanonicalCsv } from './write-csv.js';

const asAt = d('2026-11-01');
const [demo] = generateAuthorities({ authorities: 1, children: 500, seed: 'test', asAt });
const records = demo!.records;
const plans = records.flatMap((r) => r.plans ?? []);

describe('the synthetic authority’s plans', () => {
  it('gives some children still looked after their next review planned after as-at', () => {
    const ahead = plans.filter((p) => p.status === 'planned');
    expect(ahead.length).toBeGreaterThan(50);
    expect(ahead.every((p) => epochDay(p.plannedDate) > epochDay(asAt))).toBe(true);
    expect(new Set(ahead.map((p) => p.type))).toEqual(new Set(['lac_review', 'permanence_planning_meeting']));
  });

  it('has reviews cancelled, each with its reason, and most meetings held on the day planned', () => {
    const cancelled = plans.filter((p) => p.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(20);
    expect(cancelled.every((p) => p.type === 'lac_review' && p.reason !== null && epochDay(p.plannedDate) <= epochDay(asAt))).toBe(true);
    const withPlannedDate = records.flatMap((r) => r.events).filter((e) => e.plannedDate);
    const onTheDay = withPlannedDate.filter((e) => e.plannedDate?.toString() === e.date.toString());
    expect(onTheDay.length / withPlannedDate.length).toBeGreaterThan(0.6);
    expect(onTheDay.length).toBeLessThan(withPlannedDate.length);
  });

  it('gives plans ids of their own, unique beside the held events’', () => {
    const ids = [...records.flatMap((r) => r.events.map((e) => e.eventId)), ...plans.map((p) => p.eventId)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(plans.every((p) => /^EP\d{6}$/.test(p.eventId))).toBe(true);
  });

  it('changes no aim’s figures: journeys read held events only', () => {
    const withoutPlans: ChildRecord[] = records.map((r) => ({ child: r.child, placements: r.placements, events: r.events.map(({ plannedDate: _, ...e }) => e) }));
    // The figures, and the cohort's journeys as its columns hold them (the cohort also keeps the records it was measured from, which differ).
    const figuresOf = (aim: Aim, from: readonly ChildRecord[]) => {
      const { cohort, places, ...figures } = aimFigures(aim, from, asAt);
      return { ...figures, places: Array.from(places), statuses: Array.from(cohort.status.subarray(0, cohort.count)), days: Array.from(cohort.days.subarray(0, cohort.count)) };
    };
    for (const aim of nationalAims()) expect(figuresOf(aim, records)).toEqual(figuresOf(aim, withoutPlans));
  });

  it('writes plans to events.csv with the status and planned_date columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pace-plans-'));
    await writeCanonicalCsv(dir, records.slice(0, 40));
    const lines = readFileSync(join(dir, 'events.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('child_id,event_id,event_type,date,route,note,recorded_date,status,planned_date');
    const plan = plans.find((p) => records.slice(0, 40).some((r) => r.child.childId === p.childId));
    expect(plan).toBeDefined();
    expect(lines).toContain(`${plan!.childId},${plan!.eventId},${plan!.type},,,${plan!.reason ?? ''},${plan!.recordedDate?.toString() ?? ''},${plan!.status},${plan!.plannedDate.toString()}`);
  });
});
