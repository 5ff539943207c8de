import { describe, expect, it } from 'vitest';
import { idProblems, isPlainText, textProblems } from './text-rules.js';

const codes = (text: string) => textProblems(text, { column: 'first_name' }).map((p) => p.code);

describe('text rules', () => {
  it('names a value that a spreadsheet would run as a formula', () => {
    expect(codes('=HYPERLINK("http://example.invalid","Amy")')).toEqual(['text-formula']);
    expect(codes('+44 1234')).toEqual(['text-formula']);
    expect(codes('@SUM(A1)')).toEqual(['text-formula']);
    expect(codes('-A1*2')).toEqual(['text-formula']);
  });

  it('leaves a leading minus before a number or a space alone', () => {
    expect(codes('-12')).toEqual([]);
    expect(codes('- moved in with gran')).toEqual([]);
  });

  it('names HTML markup and entities', () => {
    expect(codes('<script>alert(1)</script>')).toEqual(['text-markup']);
    expect(codes('Amy &amp; Ben')).toEqual(['text-markup']);
    expect(codes('5 < 6 and 7 > 2')).toEqual([]);
  });

  it('names text longer than a name or note should be', () => {
    expect(textProblems('x'.repeat(501), { column: 'note' }).map((p) => [p.code, p.detail])).toEqual([['text-too-long', '501']]);
  });

  it('names an id a spreadsheet turned into a number', () => {
    expect(idProblems('1001.0', { column: 'child_id' }).map((p) => p.code)).toEqual(['id-looks-like-number']);
    expect(idProblems('1.001E+3', { column: 'child_id' }).map((p) => p.code)).toEqual(['id-looks-like-number']);
    expect(idProblems('C1001', { column: 'child_id' })).toEqual([]);
  });

  it('knows plain text needs no checks', () => {
    expect(isPlainText("Amy O'Neil")).toBe(true);
    expect(isPlainText('=1+1')).toBe(false);
  });
});
