import { describe, expect, it } from 'vitest';
import { codeReaders } from './code-values.js';
import { headerNamesFor, loadProfile, parseProfile } from './profile.js';

describe('mapping profiles', () => {
  it('loads the canonical profile, which maps everything to itself', () => {
    const canonical = loadProfile('canonical');
    if (!canonical.ok) throw new Error(canonical.error.detail);
    expect(canonical.value.tables.children.file).toBe('children.csv');
    expect(headerNamesFor(canonical.value, 'children', 'date_of_birth')).toEqual(['date_of_birth']);
    expect(codeReaders(canonical.value).legal_basis('cso')).toBe('CSO');
  });

  it('loads the example profile with its own names, codes and date format', () => {
    const larchwood = loadProfile('larchwood');
    if (!larchwood.ok) throw new Error(larchwood.error.detail);
    expect(headerNamesFor(larchwood.value, 'children', 'date_of_birth')).toEqual(['DOB', 'Date of Birth', 'date_of_birth']);
    expect(codeReaders(larchwood.value).placement_type(' foster care - la ')).toBe('foster');
    expect(codeReaders(larchwood.value).placement_type('Foster Care')).toBeNull();
    expect(larchwood.value.dateFormats).toEqual(['DD-MMM-YYYY', 'DD/MM/YYYY']);
  });

  it('fills in what a small profile leaves out', () => {
    const small = parseProfile({ name: 'small', values: { route: { Adopt: 'adoption' } } }, 'small');
    expect(small.ok && [small.value.tables.events.file, small.value.dateFormats]).toEqual(['events.csv', ['YYYY-MM-DD', 'DD/MM/YYYY']]);
  });

  it('names what is wrong with a bad profile', () => {
    const bad = parseProfile({ name: 'bad', values: { placement_type: { 'Foster Care': 'fostering' } }, dateFormats: ['DD/MM/YY'] }, 'bad');
    expect(bad.ok ? '' : bad.error.detail).toMatch(/^dateFormats\.0: a date format is made of YYYY, MMM, MM, DD and separators, e\.g\. DD-MMM-YYYY; values\.placement_type\.Foster Care: /);
    expect(loadProfile('no-such-profile')).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
  });
});
