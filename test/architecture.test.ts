// The layer rule (ARCHITECTURE.md) is enforced by lint; these tests prove the lint rule bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problemsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the domain stays pure', () => {
  it('may not import Node built-ins', async () => {
    expect(await problemsIn('src/domain/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
  });

  it('may not import the store, the web layer or the database library', async () => {
    expect(await problemsIn('src/domain/example.ts', "import { openStore } from '../store/index.js';\nexport const x = openStore;\n")).toContain('no-restricted-imports');
    expect(await problemsIn('src/domain/rules/example.ts', "import { main } from '../../cli/main.js';\nexport const x = main;\n")).toContain('no-restricted-imports');
    expect(await problemsIn('src/domain/example.ts', "import { Kysely } from 'kysely';\nexport const x = Kysely;\n")).toContain('no-restricted-imports');
  });

  it('may not read the clock, randomness or the environment', async () => {
    expect(await problemsIn('src/domain/example.ts', 'export const now = Date.now();\n')).toContain('no-restricted-globals');
    expect(await problemsIn('src/domain/example.ts', 'export const r = Math.random();\n')).toContain('no-restricted-properties');
    expect(await problemsIn('src/domain/example.ts', 'export const e = process.env.X;\n')).toContain('no-restricted-globals');
  });

  it('lets other layers import the domain', async () => {
    expect(await problemsIn('src/store/example.ts', "import { epochDay } from '../domain/date.js';\nexport const x = epochDay;\n")).toEqual([]);
  });
});
