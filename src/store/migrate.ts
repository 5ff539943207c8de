/**
 * Versioned migrations, kept in code (not read from a folder) so that they run the same from the
 * sources and from the compiled package.
 */
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Connection } from './dialect.js';
import { recordsMigration } from './migrations/0001-records.js';
import { aimsMigration } from './migrations/0003-aims.js';
import { usersMigration } from './migrations/0004-users.js';
import { importsMigration } from './migrations/0005-imports.js';
import { remindersMigration } from './migrations/0006-reminders.js';
import { nationalMigration } from './migrations/0007-national.js';
import { securityMigration } from './migrations/0008-security.js';
import { improvementMigration } from './migrations/0009-improvement.js';
import { recordChangesMigration } from './migrations/0010-record-changes.js';
import { digestsSentMigration } from './migrations/0011-digests-sent.js';
import { recordingDatesMigration } from './migrations/0012-recording-dates.js';
import { auditChainMigration } from './migrations/0013-audit-chain.js';
import { rateLimitsMigration } from './migrations/0014-rate-limits.js';
import { posterMigration } from './migrations/0015-poster.js';
import { jobsMigration } from './migrations/0016-jobs.js';
import { aimGroupsMigration } from './migrations/0017-aim-groups.js';
import { plannedEventsMigration } from './migrations/0018-planned-events.js';
import { jobFilesMigration } from './migrations/0019-job-files.js';
import { nationalResultsMigration } from './migrations/0020-national-results.js';
import { recordAuthorityCheckMigration } from './migrations/0021-record-authority-check.js';

function migrationsFor(connection: Connection): Record<string, Migration> {
  return {
    '0001-records': recordsMigration(connection.capabilities),
    '0003-aims': aimsMigration(connection.capabilities),
    '0004-users': usersMigration(connection.capabilities),
    '0005-imports': importsMigration(connection.capabilities),
    '0006-reminders': remindersMigration(connection.capabilities),
    '0007-national': nationalMigration(connection.capabilities),
    '0008-security': securityMigration(connection.capabilities),
    '0009-improvement': improvementMigration(connection.capabilities),
    '0010-record-changes': recordChangesMigration(),
    '0011-digests-sent': digestsSentMigration(connection.capabilities),
    '0012-recording-dates': recordingDatesMigration(connection.capabilities),
    '0013-audit-chain': auditChainMigration(connection.capabilities),
    '0014-rate-limits': rateLimitsMigration(),
    '0015-poster': posterMigration(connection.capabilities),
    '0016-jobs': jobsMigration(),
    '0017-aim-groups': aimGroupsMigration(connection.capabilities),
    '0018-planned-events': plannedEventsMigration(connection.capabilities),
    '0019-job-files': jobFilesMigration(connection.capabilities),
    '0020-national-results': nationalResultsMigration(),
    '0021-record-authority-check': recordAuthorityCheckMigration(connection.capabilities),
  };
}

/** Brings the database to the latest schema; returns the names of the migrations it ran. */
export async function migrateToLatest(connection: Connection): Promise<string[]> {
  const migrator = new Migrator({
    db: connection.db,
    provider: { getMigrations: async () => migrationsFor(connection) },
    // Work on different features adds migrations in parallel; each is independent of the others.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
