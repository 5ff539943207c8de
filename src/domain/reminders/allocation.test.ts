import { describe, expect, it } from 'vitest';
import { d, record } from '../../../test/builders.js';
import { allocationOn, withAllocationsOn } from './allocation.js';

// Worker A from the child's first version (recorded 2026-01-05), Worker B from 2026-03-01.
const versions = [
  { worker: 'Worker A', team: 'Team A', recordedOn: d('2026-01-05') },
  { worker: 'Worker B', team: 'Team B', recordedOn: d('2026-03-01') },
];

describe('the allocation in force on a date', () => {
  it('is the latest version recorded on or before the date', () => {
    expect(allocationOn(versions, d('2026-02-15'))).toEqual({ worker: 'Worker A', team: 'Team A' });
    expect(allocationOn(versions, d('2026-02-28'))).toEqual({ worker: 'Worker A', team: 'Team A' });
    expect(allocationOn(versions, d('2026-03-01'))).toEqual({ worker: 'Worker B', team: 'Team B' });
    expect(allocationOn(versions, d('2026-03-15'))).toEqual({ worker: 'Worker B', team: 'Team B' });
  });

  it('is the earliest known before any version was recorded', () => {
    expect(allocationOn(versions, d('2025-12-01'))).toEqual({ worker: 'Worker A', team: 'Team A' });
  });

  it('does not depend on the order the versions are given in', () => {
    expect(allocationOn([...versions].reverse(), d('2026-02-15'))).toEqual({ worker: 'Worker A', team: 'Team A' });
    expect(allocationOn([...versions].reverse(), d('2025-12-01'))).toEqual({ worker: 'Worker A', team: 'Team A' });
  });

  it('is given to each child of a list; a child with no versions known keeps the allocation on the record', () => {
    const m1 = record([], [], { childId: 'M1', worker: 'Worker B', team: 'Team B' });
    const n2 = record([], [], { childId: 'N2', worker: 'Worker C', team: null });
    const asAt = withAllocationsOn([m1, n2], new Map([['M1', versions]]), d('2026-02-15'));
    expect(asAt.map((r) => [r.child.childId, r.child.worker, r.child.team])).toEqual([
      ['M1', 'Worker A', 'Team A'],
      ['N2', 'Worker C', null],
    ]);
    expect(asAt[0]?.placements).toBe(m1.placements);
  });
});
