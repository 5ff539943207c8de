// Before any test file runs: dist/ and the bundled command (dist/bundle/) brought up to date with
// the sources by `npm run build`, for the tests that run bin/pace.js as a user does. Both steps
// do nothing when nothing has changed (tsc -b; scripts/bundle-cli.mjs).
import { spawnSync } from 'node:child_process';

export default function buildOnce(): void {
  const built = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed before the tests: ${built.stdout}${built.stderr}`);
}
