import { describe, expect, it } from 'vitest';
import { detectSeparator } from './separator.js';

describe('detecting the separator from the header row', () => {
  it('finds commas, semicolons and tabs', () => {
    expect(detectSeparator('child_id,date_of_birth,sex\r\nC1;x;y')).toBe(',');
    expect(detectSeparator('child_id;date_of_birth;sex\nC1,2020,x')).toBe(';');
    expect(detectSeparator('child_id\tdate_of_birth\tsex\n')).toBe('\t');
  });

  it('ignores separators inside quotes, and falls back to a comma', () => {
    expect(detectSeparator('"a;b;c;d",child_id,date\n')).toBe(',');
    expect(detectSeparator('child_id\n')).toBe(',');
  });
});
