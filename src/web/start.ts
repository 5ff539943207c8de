/**
 * `npm start`: opens the database named by DATABASE_URL (default: the embedded SQLite file under
 * data/), brings it to the latest schema, loads the synthetic demo authority into an empty
 * database, and serves the web application on PORT (default 3000).
 */
import { seedDemoIfEmpty } from '../demo/seed.js';
import { closeStore, countUsers, openStore } from '../store/index.js';
import { buildApp } from './app.js';
import { oidcSettingsFromEnv } from './auth/oidc.js';
import { keepTemporaryFilesIn, uploadsDirFor } from '../app/import-jobs.js';
import { jobSettingsFromEnv } from '../app/job-queue.js';
import { demoAccountUsable, demoPassword, demoUsername, ensureDemoAccount } from './demo-account.js';
import { trustProxyFromEnv } from './trust-proxy.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost';
const oidc = oidcSettingsFromEnv(process.env);
const trustProxy = trustProxyFromEnv(process.env);
if (!oidc.ok || !trustProxy.ok) {
  for (const setting of [oidc, trustProxy]) if (!setting.ok) console.error(`pace: ${setting.error}`);
  process.exit(1);
}

const connection = await openStore();
// Uploads, and whatever the libraries reading them set aside, stay in the database's own folder.
const uploadsDir = uploadsDirFor(connection, process.env);
keepTemporaryFilesIn(uploadsDir);
const demo = await seedDemoIfEmpty(connection);
if (demo.seeded) {
  console.log(`Loaded the synthetic demo authority ${demo.code} (${demo.name}). Every child in it is invented.`);
  await ensureDemoAccount(connection, demo.code);
}
const jobs = jobSettingsFromEnv(process.env);
const app = await buildApp({ connection, logLevel: process.env.LOG_LEVEL ?? 'warn', trustProxy: trustProxy.value, warmUp: true, oidc: oidc.value, uploadsDir, runJobs: jobs.runJobs, ...(jobs.staleAfterMs ? { jobStaleAfterMs: jobs.staleAfterMs } : {}) });
await app.listen({ port, host });

const address = `http://localhost:${port}`;
console.log(`pace is serving at ${address}`);
if (await demoAccountUsable(connection)) {
  console.log(`Sign in as "${demoUsername}" with the password "${demoPassword}" (it sees only the synthetic demo authority).`);
} else if ((await countUsers(connection)) === 0) {
  console.log('No accounts yet. Add one with: npx pace user add USERNAME --authority CODE --role admin');
} else {
  console.log('Sign in with your account (add more with: npx pace user add).');
}
console.log('Stop with Ctrl+C.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => closeStore(connection)).then(() => process.exit(0));
  });
}
