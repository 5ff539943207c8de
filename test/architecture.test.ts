// The layer rule (docs/architecture.md) is enforced by lint; these tests prove each part of it bites.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problemsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const importing = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const x = ${name};\n`;

describe('the domain stays pure', () => {
  it('may not import Node built-ins', async () => {
    expect(await problemsIn('src/domain/example.ts', importing('readFileSync', 'node:fs'))).toContain('pace/layers');
  });

  it('may import no package but the date library: not zod, not pdfkit, not the database library', async () => {
    expect(await problemsIn('src/domain/example.ts', importing('z', 'zod'))).toContain('pace/layers');
    expect(await problemsIn('src/domain/example.ts', "import PDFDocument from 'pdfkit';\nexport const x = PDFDocument;\n")).toContain('pace/layers');
    expect(await problemsIn('src/domain/example.ts', importing('Kysely', 'kysely'))).toContain('pace/layers');
    expect(await problemsIn('src/domain/example.ts', importing('Temporal', 'temporal-polyfill'))).toEqual([]);
  });

  it('may not import the store, the web layer or the CLI, however the path is written', async () => {
    expect(await problemsIn('src/domain/example.ts', importing('openStore', '../store/index.js'))).toContain('pace/layers');
    expect(await problemsIn('src/domain/rules/example.ts', importing('main', '../../cli/main.js'))).toContain('pace/layers');
    expect(await problemsIn('src/domain/national/example.ts', importing('x', '../../app/../web/app.js'))).toContain('pace/layers');
    expect(await problemsIn('src/domain/national/example.ts', importing('epochDay', '../date.js'))).toEqual([]);
  });

  it('may not read the clock, randomness or the environment', async () => {
    expect(await problemsIn('src/domain/example.ts', 'export const now = Date.now();\n')).toContain('no-restricted-globals');
    expect(await problemsIn('src/domain/example.ts', 'export const r = Math.random();\n')).toContain('no-restricted-properties');
    expect(await problemsIn('src/domain/example.ts', 'export const e = process.env.X;\n')).toContain('no-restricted-globals');
    expect(await problemsIn('src/domain/example.ts', 'export const t = performance.now();\n')).toContain('no-restricted-globals');
    expect(await problemsIn('src/domain/example.ts', 'export const id = crypto.randomUUID();\n')).toContain('no-restricted-globals');
    expect(await problemsIn('src/domain/example.ts', "import { Temporal } from 'temporal-polyfill';\nexport const today = Temporal.Now.plainDateISO();\n")).toContain('no-restricted-properties');
  });
});

describe('arrows point inward', () => {
  it('keeps the store below ingest, charts, the application layer, the web and the CLI', async () => {
    expect(await problemsIn('src/store/example.ts', importing('importFiles', '../ingest/import-files.js'))).toContain('pace/layers');
    expect(await problemsIn('src/store/example.ts', importing('buildApp', '../web/app.js'))).toContain('pace/layers');
    expect(await problemsIn('src/store/example.ts', importing('epochDay', '../domain/date.js'))).toEqual([]);
  });

  it('lets a migration import only the store and the domain', async () => {
    expect(await problemsIn('src/store/migrations/0099-example.ts', importing('buildApp', '../../web/app.js'))).toContain('pace/layers');
    expect(await problemsIn('src/store/migrations/0099-example.ts', importing('FiguresCache', '../../app/figures-cache.js'))).toContain('pace/layers');
    expect(await problemsIn('src/store/migrations/0099-example.ts', importing('genesisHash', '../../domain/audit-chain.js'))).toEqual([]);
  });

  it('never lets charts reach the store', async () => {
    expect(await problemsIn('src/charts/example.ts', importing('loadChildRecords', '../store/index.js'))).toContain('pace/layers');
    expect(await problemsIn('src/charts/example.ts', importing('aimSentence', '../domain/aim-sentence.js'))).toEqual([]);
  });

  it('keeps the application layer below the web and the CLI', async () => {
    expect(await problemsIn('src/app/example.ts', importing('buildApp', '../web/app.js'))).toContain('pace/layers');
    expect(await problemsIn('src/app/example.ts', importing('main', '../cli/main.js'))).toContain('pace/layers');
    expect(await problemsIn('src/app/example.ts', importing('runChartSvg', '../charts/run-chart.js'))).toEqual([]);
  });

  it('never lets the web import the CLI, nor the CLI the web', async () => {
    expect(await problemsIn('src/web/example.ts', importing('main', '../cli/main.js'))).toContain('pace/layers');
    expect(await problemsIn('src/cli/commands/example.ts', importing('createAccount', '../../web/auth/accounts.js'))).toContain('pace/layers');
    expect(await problemsIn('src/cli/commands/example.ts', importing('createAccount', '../../app/accounts.js'))).toEqual([]);
    expect(await problemsIn('src/web/routes/example.ts', importing('FiguresCache', '../../app/figures-cache.js'))).toEqual([]);
  });

  it('holds for every file as it stands: no file of src/ imports past its layer', async () => {
    const files = (function under(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? under(path) : /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
      });
    })('src');
    const broken: string[] = [];
    for (const file of files) if ((await problemsIn(file, readFileSync(file, 'utf8'))).includes('pace/layers')) broken.push(file);
    expect(broken).toEqual([]);
  });
});
