import { describe, expect, it } from 'vitest';
import { dateReader, isDateFormat } from './date-formats.js';

describe('reading dates in a profile’s formats', () => {
  const canonical = dateReader(['YYYY-MM-DD', 'DD/MM/YYYY']);
  const larchwood = dateReader(['DD-MMM-YYYY']);

  it('reads ISO and UK dates', () => {
    expect(canonical('2020-02-29')?.toString()).toBe('2020-02-29');
    expect(canonical('29/02/2020')?.toString()).toBe('2020-02-29');
    expect(canonical(' 3/2/2023 ')?.toString()).toBe('2023-02-03');
  });

  it('reads YYYY-MM-DD from its characters exactly as the general reader does', () => {
    const general = dateReader(['DD/MM/YYYY', 'YYYY-MM-DD']);
    const texts = ['2020-02-29', '2019-02-29', '2020-13-01', '2020-00-10', '2020-01-32', '2020-1a-01', '1999-12-31', '0001-01-01', '2020-01-1 ', '2020/01/01', '+020-01-01'];
    for (const text of texts) expect(canonical(text)?.toString() ?? null).toBe(general(text)?.toString() ?? null);
    expect(canonical('2020-13-01')).toBeNull();
    expect(canonical('1999-12-31')?.toString()).toBe('1999-12-31');
  });

  it('refuses a day that does not exist rather than moving it', () => {
    expect(canonical('31/02/2020')).toBeNull();
    expect(canonical('2019-02-29')).toBeNull();
  });

  it('refuses text that is not a date', () => {
    expect(canonical('next Tuesday')).toBeNull();
    expect(canonical('02/29/2020')).toBeNull();
    expect(canonical('43831')).toBeNull();
  });

  it('reads month names and ignores a time of day', () => {
    expect(larchwood('03-Feb-2023')?.toString()).toBe('2023-02-03');
    expect(larchwood('03-FEB-2023 00:00')?.toString()).toBe('2023-02-03');
    expect(canonical('2023-02-03T00:00:00')?.toString()).toBe('2023-02-03');
    expect(larchwood('03-Fbr-2023')).toBeNull();
  });

  it('knows which format strings it understands', () => {
    expect(['DD-MMM-YYYY', 'YYYY-MM-DD', 'DD.MM.YYYY'].map(isDateFormat)).toEqual([true, true, true]);
    expect(['DD/MM/YY', 'dd/mm/yyyy', 'MM/YYYY'].map(isDateFormat)).toEqual([false, false, false]);
  });
});
