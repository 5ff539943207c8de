import { describe, expect, it } from 'vitest';
import { codeReaders } from './code-values.js';
import { loadProfile } from './profile.js';

describe('reading coded values', () => {
  it('reads a code written exactly, in another case or with spaces around it to the same code', () => {
    const profile = loadProfile('canonical');
    if (!profile.ok) throw new Error('the canonical profile does not load');
    const codes = codeReaders(profile.value);
    for (const text of ['CSO', 'cso', ' Cso ', '\tCSO']) expect(codes.legal_basis(text)).toBe('CSO');
    for (const text of ['foster', 'FOSTER', ' Foster ']) expect(codes.placement_type(text)).toBe('foster');
    expect(codes.sex('m')).toBe('M');
    expect(codes.legal_basis('CS0')).toBeNull();
    expect(codes.route('')).toBeNull();
  });

  it('gives what a profile maps a value to, however it is written, even where the value is spelled as a code', () => {
    const profile = loadProfile('canonical');
    if (!profile.ok) throw new Error('the canonical profile does not load');
    const mapped = { ...profile.value, values: { ...profile.value.values, placement_type: { 'Foster Care - LA': 'foster', Kinship: 'other' } as const } };
    const codes = codeReaders(mapped);
    for (const text of ['Foster Care - LA', 'foster care - la', '  FOSTER CARE - LA ']) expect(codes.placement_type(text)).toBe('foster');
    // The profile's mapping of "kinship" wins over the code of that name, written in any case.
    for (const text of ['kinship', 'Kinship', 'KINSHIP']) expect(codes.placement_type(text)).toBe('other');
  });
});
