/**
 * Properties every run-chart rule must have, checked on seeded random series: the rules read the
 * order of points and their sides of the centre line, never the scale or the origin of the values.
 */
import { describe, expect, it } from 'vitest';
import { analyseSeries, type SpcAnalysis, type SpcOptions } from './analyse.js';
import type { Phase } from './rephase.js';
import type { Side } from './runs.js';
import { findTrends, type Trend } from './trend.js';

type Series = (number | null)[];

/** Mulberry32: a small seeded generator, so every run of these tests sees the same series. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  readonly values: Series;
  readonly options: SpcOptions;
}

/** Series of 0–40 whole numbers, few or many distinct (so ties and points on the median are common), some missing. */
function cases(seed: number, count = 400): Case[] {
  const random = generator(seed);
  const whole = (below: number) => Math.floor(random() * below);
  return Array.from({ length: count }, () => {
    const length = whole(41);
    const spread = [3, 10, 1000][whole(3)] as number;
    const values: Series = Array.from({ length }, () => (random() < 0.1 ? null : whole(spread)));
    const choice = length === 0 ? 0 : whole(3);
    const freeze = 1 + whole(length);
    const options: SpcOptions = choice === 0 ? {} : choice === 1 ? { freeze } : { freeze, rephase: true, rephaseRun: 3 + whole(7) };
    return { values, options };
  });
}

/** As the JSON would carry it (−0 becomes 0). */
function plain(analysis: SpcAnalysis): unknown {
  return JSON.parse(JSON.stringify(analysis));
}

const other = (side: Side): Side => (side === 'above' ? 'below' : 'above');
const otherWay = (trend: Trend): Trend => ({ ...trend, direction: trend.direction === 'up' ? 'down' : 'up' });
const mapPhases = (phases: readonly Phase[], change: (median: number) => number, swap = false): Phase[] =>
  phases.map((phase) => (phase.type === 'sustained' ? { ...phase, median: change(phase.median), side: swap ? other(phase.side) : phase.side } : { ...phase, median: change(phase.median) }));

describe('run-chart rules under transformations of the values', () => {
  it('find the same runs, crossings and verdicts when a constant is added to every value', () => {
    for (const { values, options } of cases(1)) {
      const moved = analyseSeries(values.map((value) => (value === null ? null : value + 17)), options);
      const original = analyseSeries(values, options);
      const cl = original.cl === null ? null : original.cl + 17;
      expect(plain(moved)).toEqual(plain({ ...original, cl, phases: mapPhases(original.phases, (median) => median + 17) }));
    }
  });

  it('find the same runs, crossings and verdicts when every value is multiplied by a positive constant', () => {
    for (const { values, options } of cases(2)) {
      const scaled = analyseSeries(values.map((value) => (value === null ? null : value * 7)), options);
      const original = analyseSeries(values, options);
      const cl = original.cl === null ? null : original.cl * 7;
      expect(plain(scaled)).toEqual(plain({ ...original, cl, phases: mapPhases(original.phases, (median) => median * 7) }));
    }
  });

  it('swap above and below, and up and down, when every value is negated', () => {
    for (const { values, options } of cases(3)) {
      const negated = analyseSeries(values.map((value) => (value === null ? null : 0 - value)), options);
      const original = analyseSeries(values, options);
      const { ihi } = original;
      expect(plain(negated)).toEqual(
        plain({
          ...original,
          cl: original.cl === null ? null : 0 - original.cl,
          ihi: {
            ...ihi,
            n_above: ihi.n_below,
            n_below: ihi.n_above,
            shifts: ihi.shifts.map((shift) => ({ ...shift, side: other(shift.side) })),
            trends: ihi.trends.map(otherWay),
          },
          phases: mapPhases(original.phases, (median) => 0 - median, true),
        }),
      );
    }
  });

  it('leave the longest run, crossings and runs unchanged, and mirror shifts, when the series is reversed', () => {
    for (const { values } of cases(4)) {
      const n = values.length;
      const mirror = <T extends { from: number; to: number }>(span: T): T => ({ ...span, from: n + 1 - span.to, to: n + 1 - span.from });
      const original = analyseSeries(values);
      const reversed = analyseSeries([...values].reverse());
      expect(reversed.anhoej).toEqual(original.anhoej);
      expect(reversed.ihi).toMatchObject({ n_runs: original.ihi.n_runs, runs_limits: original.ihi.runs_limits, runs_verdict: original.ihi.runs_verdict });
      expect(reversed.ihi.shifts).toEqual(original.ihi.shifts.map(mirror).reverse());
    }
  });

  it('mirror trends, up becoming down at mirrored points, when a series without repeated values is reversed', () => {
    for (const { values } of cases(5)) {
      const present = values.filter((value) => value !== null);
      if (present.some((value, index) => index > 0 && value === present[index - 1])) continue;
      const n = values.length;
      const mirrored = findTrends(values).map((trend) => otherWay({ ...trend, from: n + 1 - trend.to, to: n + 1 - trend.from }));
      expect(findTrends([...values].reverse())).toEqual(mirrored.reverse());
    }
  });

  it('keep the counted points of each trend, up becoming down, when any series is reversed', () => {
    // With repeated values the first of each is kept, so the span's ends may move; the counts may not.
    for (const { values } of cases(6)) {
      const counts = findTrends(values).map((trend) => `${trend.n_points} ${trend.direction === 'up' ? 'down' : 'up'}`);
      const reversed = findTrends([...values].reverse()).map((trend) => `${trend.n_points} ${trend.direction}`);
      expect(reversed).toEqual(counts.reverse());
    }
  });
});
