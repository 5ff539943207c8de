// Issue 18, point 2: the sign-in rate limit lives in the database, so that every web process
// counts the same attempts (a client cannot spread its guesses over several processes behind a
// load balancer). One row for each limited route and client address: the start of its current
// window (milliseconds since 1970) and the attempts counted in it (src/store/rate-limits.ts).
import type { Kysely, Migration } from 'kysely';

export function rateLimitsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('rate_limits').execute();
    },
  };
}
