import { describe, expect, it } from 'vitest';
import { countText, formatCount, plural } from './format.js';

describe('counts as a person reads them', () => {
  it('puts a comma between thousands, and none below a thousand', () => {
    expect([0, 7, 999, 1000, 1351, 20000, 1234567].map(formatCount)).toEqual(['0', '7', '999', '1,000', '1,351', '20,000', '1,234,567']);
  });

  it('says a count with its noun, one or many', () => {
    expect([plural(1, 'child', 'children'), plural(0, 'child', 'children'), plural(1351, 'journey'), plural(2000, 'child', 'children')]).toEqual(['1 child', '0 children', '1,351 journeys', '2,000 children']);
  });

  it('leaves the mark of a count withheld as it is', () => {
    expect([countText('[c]'), countText(13600)]).toEqual(['[c]', '13,600']);
  });
});
