/**
 * `npm start`: opens the database named by DATABASE_URL (default: the embedded SQLite file under
 * data/), brings it to the latest schema, loads the synthetic demo authority into an empty
 * database, and serves the web application on PORT (default 3000).
 *
 * With PACE_PROCESSES=N (N > 1) it serves from N processes sharing the port (Node's cluster: the
 * first process prepares the database, then starts N that serve, and starts another whenever one
 * stops unasked). Every process can answer every request: sessions, the sign-in limit, the figures'
 * data version and the jobs are in the database (README, "Running for a whole council or for
 * Scotland"). On SQLite, one process is the better choice: the file takes one writer at a time.
 */
import cluster from 'node:cluster';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { closeStore, countUsers, openStore } from '../store/index.js';
import { buildApp } from './app.js';
import { oidcSettingsFromEnv } from './auth/oidc.js';
import { keepTemporaryFilesIn, uploadsDirFor } from '../app/import-jobs.js';
import { jobSettingsFromEnv } from '../app/job-queue.js';
import { demoAccountUsable, demoPassword, demoUsername, ensureDemoAccount } from './demo-account.js';
import { trustProxyFromEnv } from './trust-proxy.js';
import type { AddressInfo } from 'node:net';
import { keepColumnsInSharedMemory } from '../app/kept-columns-memory.js';

// Figures' columns out of V8's external-memory trigger (docs/decisions/0022-fast-figures.md, "Fifth pass").
keepColumnsInSharedMemory();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost';
const oidc = oidcSettingsFromEnv(process.env);
const trustProxy = trustProxyFromEnv(process.env);
const processes = Number(process.env.PACE_PROCESSES ?? 1);
if (!oidc.ok || !trustProxy.ok || !Number.isInteger(processes) || processes < 1) {
  for (const setting of [oidc, trustProxy]) if (!setting.ok) console.error(`pace: ${setting.error}`);
  if (!Number.isInteger(processes) || processes < 1) console.error(`pace: PACE_PROCESSES must be a whole number of processes, 1 or more (it is "${process.env.PACE_PROCESSES}")`);
  process.exit(1);
}
const settings = { trustProxy: trustProxy.value, oidc: oidc.value };

if (processes > 1 && cluster.isPrimary) await startProcesses(processes);
else await serve();

/** Prepares the database once, then starts `count` serving processes and keeps that many running. */
async function startProcesses(count: number): Promise<void> {
  const connection = await openStore();
  await loadDemoIfEmpty(connection);
  await closeStore(connection);
  let stopping = false;
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    console.log(`pace process ${worker.id} (pid ${worker.process.pid}) is serving`);
    listening += 1;
    // The port the processes share: PORT, or the one the system chose when PORT is 0.
    if (listening === count) console.log(`pace is serving at http://localhost:${address.port} from ${count} processes\nStop with Ctrl+C.`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`pace: process ${worker.id} (pid ${worker.process.pid}) stopped (${signal ?? `exit ${code}`}); starting another`);
    cluster.fork();
  });
  for (let i = 0; i < count; i += 1) cluster.fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      let left = workers.length;
      if (left === 0) process.exit(0);
      for (const worker of workers) {
        worker.once('exit', () => (left -= 1) === 0 && process.exit(0));
        worker.process.kill('SIGTERM');
      }
    });
  }
}

/** Serves the web application from this process (the only one, or one of the cluster's). */
async function serve(): Promise<void> {
  const connection = await openStore();
  // Uploads, and whatever the libraries reading them set aside, stay in the database's own folder.
  const uploadsDir = uploadsDirFor(connection, process.env);
  keepTemporaryFilesIn(uploadsDir);
  // In a cluster the first process has loaded the demo already.
  if (cluster.isPrimary) await loadDemoIfEmpty(connection);
  const jobs = jobSettingsFromEnv(process.env);
  const app = await buildApp({ connection, logLevel: process.env.LOG_LEVEL ?? 'warn', trustProxy: settings.trustProxy, warmUp: true, oidc: settings.oidc, uploadsDir, runJobs: jobs.runJobs, ...(jobs.staleAfterMs ? { jobStaleAfterMs: jobs.staleAfterMs } : {}) });
  await app.listen({ port, host });

  if (cluster.isPrimary) {
    // The port it listens on: PORT, or the one the system chose when PORT is 0.
    console.log(`pace is serving at http://localhost:${(app.server.address() as AddressInfo).port}`);
    if (await demoAccountUsable(connection)) {
      console.log(`Sign in as "${demoUsername}" with the password "${demoPassword}" (it sees only the synthetic demo authority).`);
    } else if ((await countUsers(connection)) === 0) {
      console.log('No accounts yet. Add one with: npx pace user add USERNAME --authority CODE --role admin');
    } else {
      console.log('Sign in with your account (add more with: npx pace user add).');
    }
    console.log('Stop with Ctrl+C.');
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => closeStore(connection)).then(() => process.exit(0));
    });
  }
}

async function loadDemoIfEmpty(connection: Awaited<ReturnType<typeof openStore>>): Promise<void> {
  const demo = await seedDemoIfEmpty(connection);
  if (!demo.seeded) return;
  console.log(`Loaded the synthetic demo authority ${demo.code} (${demo.name}). Every child in it is invented.`);
  await ensureDemoAccount(connection, demo.code);
}
