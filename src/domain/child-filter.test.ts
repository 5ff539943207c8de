import { describe, expect, it } from 'vitest';
import { child } from '../../test/builders.js';
import { distinctNames, everyChild, filterChoices, filterKey, filterWords, inFilter } from './child-filter.js';
import type { ChildRecord } from './records.js';

const record = (overrides: Parameters<typeof child>[0]): ChildRecord => ({ child: child(overrides), placements: [], events: [] });

describe("a team's, a locality's or a worker's children", () => {
  const a = record({ childId: 'A', team: 'North East', locality: 'Hillside', worker: 'Jo Bloggs' });
  const b = record({ childId: 'B', team: 'north  east ', locality: null, worker: null });
  const c = record({ childId: 'C', team: 'South', locality: 'Riverside', worker: 'Jo Bloggs' });

  it('takes a child whose record names every part of the filter, names compared without regard to case or spacing', () => {
    const northEast = { ...everyChild, team: 'North East' };
    expect([a, b, c].filter((r) => inFilter(r, northEast)).map((r) => r.child.childId)).toEqual(['A', 'B']);
    expect([a, b, c].filter((r) => inFilter(r, { ...everyChild, worker: 'jo bloggs', locality: 'Riverside' })).map((r) => r.child.childId)).toEqual(['C']);
    expect([a, b, c].every((r) => inFilter(r, everyChild))).toBe(true);
  });

  it('says whose children in words, and keys each filter apart for the cache', () => {
    expect(filterWords({ team: 'East', locality: 'Hillside', worker: 'Jo Bloggs' })).toBe('East team, Hillside, worker Jo Bloggs');
    expect(filterWords({ ...everyChild, team: 'North Team' })).toBe('North Team');
    expect(filterWords(everyChild)).toBeNull();
    expect(filterKey(everyChild)).toBe('');
    expect(filterKey({ ...everyChild, team: 'A' })).not.toBe(filterKey({ ...everyChild, locality: 'A' }));
  });

  it('offers each name once, as first written, in alphabetical order', () => {
    expect(filterChoices([c, a, b])).toEqual({ teams: ['North East', 'South'], localities: ['Hillside', 'Riverside'], workers: ['Jo Bloggs'] });
  });

  it('puts numbered names in the order of their numbers, as a manager looks for them: Worker 2 before Worker 10', () => {
    const numbered = ['Worker 10', 'Worker 2', 'worker 1', 'Ann Smith', 'Worker 2 ', 'Team 3'].map((worker, i) => record({ childId: `N${i}`, worker }));
    expect(filterChoices(numbered).workers).toEqual(['Ann Smith', 'Team 3', 'worker 1', 'Worker 2', 'Worker 10']);
    expect(distinctNames(['Team 11', null, '  ', 'team 9', 'Team 11'])).toEqual(['team 9', 'Team 11']);
  });
});
