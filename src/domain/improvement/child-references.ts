/**
 * What is published to the shared library must hold no child's data: no child's reference and no
 * child's full name. This finds them in a text, so that publishing can refuse it and say where.
 */

export interface ChildIdentity {
  readonly childId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
}

const normalise = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** The references and full names of `children` that appear in `text` as whole words. */
export function childReferencesIn(text: string, children: readonly ChildIdentity[]): string[] {
  const haystack = normalise(text);
  const found = new Set<string>();
  for (const child of children) {
    const reference = normalise(child.childId);
    // A short reference that is all letters or all digits would match ordinary words and numbers.
    const bare = reference.trim();
    const distinctive = bare.length >= 4 || (/\p{L}/u.test(bare) && /\p{N}/u.test(bare));
    if (distinctive && haystack.includes(reference)) found.add(child.childId);
    const first = child.firstName?.trim() ?? '';
    const last = child.lastName?.trim() ?? '';
    if (first !== '' && last !== '' && haystack.includes(normalise(`${first} ${last}`))) found.add(`${first} ${last}`);
  }
  return [...found].sort();
}
