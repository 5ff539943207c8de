/** The store: one API over SQLite and PostgreSQL. */
import { connect, defaultDatabaseUrl, type Connection } from './dialect.js';
import { migrateToLatest } from './migrate.js';

export * from './aim-json.js';
export * from './aims.js';
export * from './authorities.js';
export * from './compare-stored.js';
export * from './dialect.js';
export * from './history.js';
export * from './imports.js';
export * from './load.js';
export * from './migrate.js';
export * from './records.js';
export * from './rate-limits.js';
export { startWritingWhileReading, type Compared, type RecordColumns, type RecordTable, type WriteWhileReading } from './write-while-reading.js';
export { noCode, noDay, type ColumnRows, type SentColumn } from './row-columns.js';
export * from './users.js';
export * from './sessions.js';
export * from './api-tokens.js';
export * from './audit.js';
export { verifyAuditChain, type AuditChainReport } from './audit-chain.js';
export * from './single-sign-on.js';
export * from './data-version.js';
export * from './child-queries.js';
export * from './schedule-rule-json.js';
export * from './schedule-rules.js';
export * from './contacts.js';
export * from './digests-sent.js';
export * from './calendar-feeds.js';
export * from './allocation.js';
export * from './national-analysts.js';
export * from './improvement.js';
export * from './change-library.js';
export * from './identifying-values.js';
export * from './poster-text.js';
export * from './aim-groups.js';
export type { LibraryIdea } from './improvement-json.js';

/** The database named by DATABASE_URL (default: the embedded SQLite file), migrated to the latest schema. */
export async function openStore(url: string = process.env.DATABASE_URL ?? defaultDatabaseUrl): Promise<Connection> {
  const connection = connect(url);
  await migrateToLatest(connection);
  return connection;
}

export async function closeStore(connection: Connection): Promise<void> {
  await connection.db.destroy();
}
export * from './jobs.js';
export * from './national-results.js';
