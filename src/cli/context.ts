/** What every command shares: the database it opens, and how it reports. */
import type { Readable, Writable } from 'node:stream';
import type { AuthorityScope, Connection, StoredAuthority } from '../store/index.js';
import { closeStore, findAuthority, openStore } from '../store/index.js';

export interface Io {
  readonly out: Writable;
  readonly err: Writable;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: Readable;
}

/** Exit codes: 0 done, 1 refused (a reason is printed), 2 a usage error. */
export const exitCodes = { ok: 0, refused: 1, usage: 2 } as const;

/** Opens the database named by DATABASE_URL, runs `work`, and always closes it. */
export async function withStore<T>(io: Io, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openStore(io.env.DATABASE_URL || undefined);
  try {
    return await work(connection);
  } finally {
    await closeStore(connection);
  }
}

/** The authority named on the command line, or null after saying it does not exist. */
export async function authorityOrReport(io: Io, connection: Connection, code: string): Promise<StoredAuthority | null> {
  const found = await findAuthority(connection, code);
  if (!found) io.err.write(`pace: no authority with code ${code} (see: pace authority list)\n`);
  return found;
}

export function writeJson(io: Io, value: unknown): void {
  io.out.write(`${JSON.stringify(value, null, 2)}\n`);
}

export type { AuthorityScope };
