// More of NORTH's history for the browser tests, so the run chart has a baseline before the
// programme start (2020-01-01) and points after it: 36 children accommodated a month apart from
// January 2018, each recommended after a wait that varies from child to child and shortens after
// the programme start. With test/web/fixtures.ts this is what the screenshots show.
import { saveRecords, type AuthorityScope, type Connection } from '../../src/store/index.js';
import { child, d, event, placement } from '../builders.js';

export async function saveHistory(connection: Connection, north: AuthorityScope): Promise<void> {
  const ids = Array.from({ length: 36 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`);
  const starts = ids.map((_, i) => d('2018-01-01').add({ days: i * 30 }));
  const waits = ids.map((_, i) => (starts[i] as ReturnType<typeof d>).year >= 2020 ? 90 + ((i * 37) % 70) : 150 + ((i * 53) % 120));
  const types = ['foster', 'kinship', 'residential', 'foster', 'adopters'] as const;
  await saveRecords(
    connection,
    north,
    {
      children: ids.map((childId, i) => child({ childId, firstName: ['Ash', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'][i % 6] as string, lastName: 'Example', dateOfBirth: d('2010-01-01').add({ days: i * 97 }) })),
      placements: ids.map((childId, i) => placement((starts[i] as ReturnType<typeof d>).toString(), null, types[i % types.length] as (typeof types)[number], { childId, id: `P${childId}` })),
      events: ids.map((childId, i) => event('permanence_recommendation', (starts[i] as ReturnType<typeof d>).add({ days: waits[i] as number }).toString(), 'permanence_order', { childId, id: `E${childId}` })),
    },
    { by: 'fixture', at: '2021-05-01T09:00:00.000Z' },
  );
}
