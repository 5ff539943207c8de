import { describe, expect, it } from 'vitest';
import { savedWords } from './saved-words.js';

describe('what a save did, in words', () => {
  const saved = { children: { added: 12000, changed: 1, unchanged: 0 }, placements: { added: 0, changed: 0, unchanged: 1351 }, events: { added: 5, changed: 0, unchanged: 0 } };

  it('on a page, with commas between thousands', () => {
    expect(savedWords(saved)).toBe('children 12,000 added, 1 changed, 0 unchanged; placements 0 added, 0 changed, 1,351 unchanged; events 5 added, 0 changed, 0 unchanged');
  });

  it('on the command line, with plain numbers', () => {
    expect(savedWords(saved, String)).toBe('children 12000 added, 1 changed, 0 unchanged; placements 0 added, 0 changed, 1351 unchanged; events 5 added, 0 changed, 0 unchanged');
  });
});
