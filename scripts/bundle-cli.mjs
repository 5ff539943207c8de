// `npm run build`, after the TypeScript compiler: bundles the compiled `pace` command
// (dist/cli/pace.js) into dist/bundle/, which bin/pace.js runs.
//
// Node loads an ES module file by file: resolving, reading and compiling each. The query builder
// (kysely, 262 files), the validation library (zod, 95) and pace's own modules made up most of a
// command's start: 0.3 s before an import read its first row (docs/decisions/0021-postgres-copy.md,
// "A faster start"). Bundled, pace's modules and those packages are a few files. The other packages
// stay outside: they are loaded only by the commands that need them, or are native.
//
// The bundle's files sit one folder below dist/, as each compiled module does, so that the paths a
// module finds from its own place still lead where they did: ../store/sqlite-writer-thread.js,
// ../charts/render-worker.js (worker threads, which load the compiled modules unbundled) and
// ../../profiles. Nothing is bundled again while every file it was made from is older than it, and
// so are this script and package-lock.json (a package installed again keeps its files' old times).
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
const entry = join(outdir, 'pace.js');
const inputsFile = join(outdir, 'inputs.json');

/** The packages bundled: pure JavaScript, loaded by almost every command, in many module files. */
const bundled = new Set(['kysely', 'zod', 'commander', 'temporal-polyfill']);
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !bundled.has(name));

if (current()) process.exit(0);
// Loaded only to bundle: `npm start` runs this script each time, and mostly finds the bundle current.
const { build } = await import('esbuild');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { pace: join(root, 'dist', 'cli', 'pace.js') },
  outdir,
  bundle: true,
  // Each command's module stays a file of its own, loaded when that command runs (src/cli/main.ts).
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // A CommonJS package bundled into ES modules calls require() for Node's own modules.
  banner: { js: "import { createRequire as paceBundleRequire } from 'node:module'; const require = paceBundleRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));

/** Whether the bundle is there and newer than every file it was made from. */
function current() {
  if (!existsSync(entry) || !existsSync(inputsFile)) return false;
  const made = statSync(entry).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(inputsFile, 'utf8')), 'package-lock.json', 'scripts/bundle-cli.mjs'];
  return inputs.every((input) => existsSync(join(root, input)) && statSync(join(root, input)).mtimeMs < made);
}
