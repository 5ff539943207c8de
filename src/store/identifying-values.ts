/**
 * What an authority holds that could identify one of its children in a text it publishes (the
 * change-idea library is read by every authority): each child's reference, names and date of
 * birth, and the worker and team allocated to them. Deleted children are included: they were real.
 */
import type { IdentifyingValues } from '../domain/improvement/identifying-text.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { DateReader } from './rows.js';

export async function identifyingValuesOf(connection: Connection, scope: AuthorityScope): Promise<IdentifyingValues> {
  const rows = await connection.db
    .selectFrom('children')
    .select(['child_id', 'first_name', 'last_name', 'date_of_birth', 'worker', 'team'])
    .where('authority_id', '=', scope.id)
    .execute();
  const dates = new DateReader();
  return {
    children: rows.map((r) => ({ childId: r.child_id, firstName: r.first_name, lastName: r.last_name, dateOfBirth: dates.read(r.date_of_birth), worker: r.worker, team: r.team })),
  };
}
