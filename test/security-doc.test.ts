// docs/security.md names, for each threat, the tests that cover it. This keeps it honest: every
// test it names must exist, in the file it names.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Each (file, test name) the document cites: "`file`: "name", "name"" in a line, names in straight double quotes. */
function citations(markdown: string): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const line of markdown.split('\n')) {
    const files = [...line.matchAll(/`((?:test|src)\/[\w/.-]+\.test\.ts)`/g)];
    files.forEach((match, index) => {
      const end = files[index + 1]?.index ?? line.length;
      const cell = line.slice((match.index ?? 0) + match[0].length, end).split('|')[0] ?? '';
      for (const name of cell.replace(/`[^`]*`/g, '').matchAll(/"([^"]+)"/g)) found.push({ file: match[1] as string, name: name[1] as string });
    });
  }
  return found;
}

describe('the threat model in docs/security.md', () => {
  it('names only tests that exist, each in the file it names', () => {
    const cited = citations(readFileSync('docs/security.md', 'utf8'));
    expect(cited.length).toBeGreaterThan(60);
    const missing = cited.filter(({ file, name }) => {
      if (!existsSync(file)) return true;
      const source = readFileSync(file, 'utf8');
      return !['"', "'", '`'].some((quote) => source.includes(`it(${quote}${name}${quote}`));
    });
    expect(missing).toEqual([]);
  });
});
