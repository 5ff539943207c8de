// Reads vitest's JSON report: prints the plain closing line and fails when any test or suite
// was skipped, left as todo, or when no test ran at all.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const passed = report.numPassedTests;
const failed = report.numFailedTests;
const skipped = report.numPendingTests + report.numTodoTests;
const skippedFiles = report.testResults.filter((file) => file.status === 'skipped' || file.assertionResults.length === 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || !report.success) process.exit(1);
if (passed === 0) {
  console.error('ci: no test ran');
  process.exit(1);
}
if (skipped > 0 || skippedFiles.length > 0) {
  for (const file of skippedFiles) console.error(`ci: suite skipped: ${file.name}`);
  console.error('ci: every suite must run in CI');
  process.exit(1);
}
