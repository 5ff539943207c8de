import type { Command } from 'commander';
import { connect, closeStore, migrateToLatest, defaultDatabaseUrl } from '../../store/index.js';
import { exitCodes, type Io } from '../context.js';

export function migrateCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('migrate')
    .description('bring the database (DATABASE_URL) to the latest schema')
    .action(async () => {
      const connection = connect(io.env.DATABASE_URL || defaultDatabaseUrl);
      try {
        const ran = await migrateToLatest(connection);
        io.out.write(ran.length === 0 ? 'The database is up to date.\n' : `Ran ${ran.length} migration(s): ${ran.join(', ')}\n`);
      } finally {
        await closeStore(connection);
      }
      done(exitCodes.ok);
    });
}
