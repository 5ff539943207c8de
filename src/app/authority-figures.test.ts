// The figures worked out a part at a time are the figures worked out at once; the parts are small.
import { describe, expect, it } from 'vitest';
import { nationalAims } from '../domain/aim.js';
import { everyChild } from '../domain/child-filter.js';
import { d } from '../../test/builders.js';
import { generateAuthority } from '../demo/generate.js';
import { deriveJourneysInSteps, journeysOfKindForEach } from '../domain/journey.js';
import { computeAuthorityFigures, computeAuthorityFiguresInParts } from './authority-figures.js';

const asAt = d('2024-06-01');
const generated = () => generateAuthority({ code: 'NORTH', name: 'North', children: 1200, seed: 'in-parts', asAt, firstYear: 2017 });

describe('figures worked out a part at a time', () => {
  it('derives the journeys 250 children at a time, then remembers them as the one call does', () => {
    const { records } = generated();
    const steps = [...deriveJourneysInSteps(records, asAt, 250)];
    expect(steps).toEqual([250, 500, 750, 1000]);
    // Remembered: asked again, there is nothing to do.
    expect([...deriveJourneysInSteps(records, asAt, 250)]).toEqual([]);
    const fresh = generated().records;
    expect(journeysOfKindForEach(records, 'accommodation', asAt)).toEqual(journeysOfKindForEach(fresh, 'accommodation', asAt));
  });

  it('gives the same figures as working them out at once, pausing after each part', async () => {
    const { authority, records } = generated();
    const pauses: string[] = [];
    const inParts = await computeAuthorityFiguresInParts(authority, nationalAims(), records, [], asAt, '7', everyChild, async (done, total) => {
      pauses.push(`${done}/${total}`);
    });
    const atOnce = computeAuthorityFigures(authority, nationalAims(), generated().records, [], asAt, '7');
    expect(inParts).toEqual(atOnce);
    // 4 steps of 250 children, then each of the four aims' figures and run chart.
    expect(pauses).toEqual(['1/12', '2/12', '3/12', '4/12', '5/12', '6/12', '7/12', '8/12', '9/12', '10/12', '11/12', '12/12']);
  });
});
