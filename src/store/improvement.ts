/**
 * An authority's improvement work: driver diagram nodes, tests of change with their PDSA cycles,
 * and the dated meetings of its champions' group. Every change keeps the previous version in the
 * record history; the lifecycle rules are the domain's (domain/improvement/test-of-change.ts), and
 * this module stores what they return.
 */
import type { DriverNode, DriverNodeKind } from '../domain/improvement/driver-diagram.js';
import { isTestStatus } from '../domain/improvement/codes.js';
import type { PdsaCycle, TestDetails, TestOfChange } from '../domain/improvement/test-of-change.js';
import { parseDateOrThrow, type PlainDate } from '../domain/date.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { appendHistory } from './history.js';
import { noteDataChange } from './data-version.js';
import { improvementDb, improvementTrx } from './improvement-schema.js';
import { cycleFromRow, cycleToJson, testDefinitionToJson, testDetailsFromRow } from './improvement-json.js';
import type { Author } from './records.js';

// --- driver diagrams ---------------------------------------------------------------------------

function nodeFromRow(row: { node_id: number; aim_id: string; kind: string; parent_id: number | null; text: string; library_idea: number | null; position: number }): DriverNode {
  return { id: row.node_id, aimId: row.aim_id, kind: row.kind as DriverNodeKind, parentId: row.parent_id, text: row.text, libraryIdea: row.library_idea, position: row.position };
}

/** The authority's driver diagram nodes (of one aim, or of every aim). */
export async function listDriverNodes(connection: Connection, scope: AuthorityScope, aimId?: string): Promise<DriverNode[]> {
  let query = improvementDb(connection).selectFrom('driver_nodes').selectAll().where('authority_id', '=', scope.id).where('deleted_at', 'is', null);
  if (aimId !== undefined) query = query.where('aim_id', '=', aimId);
  return (await query.orderBy('position').orderBy('node_id').execute()).map(nodeFromRow);
}

export async function findDriverNode(connection: Connection, scope: AuthorityScope, id: number): Promise<DriverNode | null> {
  const row = await improvementDb(connection).selectFrom('driver_nodes').selectAll().where('authority_id', '=', scope.id).where('node_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? nodeFromRow(row) : null;
}

/** Adds a node at the end of its siblings; returns it with its id. */
export async function addDriverNode(connection: Connection, scope: AuthorityScope, node: Omit<DriverNode, 'id' | 'position'>, author: Author): Promise<DriverNode> {
  const at = author.at ?? new Date().toISOString();
  return connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const last = await trx.selectFrom('driver_nodes').select((eb) => eb.fn.max('node_id').as('id')).where('authority_id', '=', scope.id).executeTakeFirst();
    const siblings = await trx
      .selectFrom('driver_nodes')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('authority_id', '=', scope.id)
      .where('aim_id', '=', node.aimId)
      .where((eb) => (node.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', node.parentId)))
      .executeTakeFirst();
    const added: DriverNode = { ...node, id: Number(last?.id ?? 0) + 1, position: Number(siblings?.position ?? 0) + 1 };
    await trx
      .insertInto('driver_nodes')
      .values({ authority_id: scope.id, node_id: added.id, aim_id: added.aimId, kind: added.kind, parent_id: added.parentId, text: added.text, library_idea: added.libraryIdea, position: added.position, version: 1, recorded_at: at, recorded_by: author.by, deleted_at: null, deleted_by: null })
      .execute();
    return added;
  });
}

/** Changes a node's words or its place (parent, position), keeping the previous version. */
export async function changeDriverNode(connection: Connection, scope: AuthorityScope, node: DriverNode, author: Author): Promise<'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  return connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const stored = await trx.selectFrom('driver_nodes').selectAll().where('authority_id', '=', scope.id).where('node_id', '=', node.id).executeTakeFirstOrThrow();
    if (stored.text === node.text && stored.parent_id === node.parentId && stored.position === node.position && stored.library_idea === node.libraryIdea) return 'unchanged';
    await appendHistory(base, { authorityId: scope.id, entity: 'driver', recordId: String(node.id), version: stored.version, previous: nodeHistory(stored), change: 'edit', by: author.by, at });
    await trx
      .updateTable('driver_nodes')
      .set({ text: node.text, parent_id: node.parentId, position: node.position, library_idea: node.libraryIdea, version: stored.version + 1, recorded_at: at, recorded_by: author.by })
      .where('authority_id', '=', scope.id)
      .where('node_id', '=', node.id)
      .execute();
    return 'changed';
  });
}

/** Removes a node (the caller checks it has none under it); the history keeps it. */
export async function removeDriverNode(connection: Connection, scope: AuthorityScope, id: number, author: Author): Promise<void> {
  const at = author.at ?? new Date().toISOString();
  await connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const stored = await trx.selectFrom('driver_nodes').selectAll().where('authority_id', '=', scope.id).where('node_id', '=', id).executeTakeFirstOrThrow();
    await appendHistory(base, { authorityId: scope.id, entity: 'driver', recordId: String(id), version: stored.version, previous: nodeHistory(stored), change: 'delete', by: author.by, at });
    await trx.updateTable('driver_nodes').set({ deleted_at: at, deleted_by: author.by, version: stored.version + 1 }).where('authority_id', '=', scope.id).where('node_id', '=', id).execute();
  });
}

function nodeHistory(row: { aim_id: string; kind: string; parent_id: number | null; text: string; library_idea: number | null; position: number; recorded_by: string }) {
  return { aim_id: row.aim_id, kind: row.kind, parent_id: row.parent_id, text: row.text, library_idea: row.library_idea, position: row.position, recorded_by: row.recorded_by };
}

// --- tests of change and their cycles ----------------------------------------------------------

/** Every test of the authority with its cycles, in number order. */
export async function listTests(connection: Connection, scope: AuthorityScope): Promise<TestOfChange[]> {
  const db = improvementDb(connection);
  const [rows, cycleRows] = await Promise.all([
    db.selectFrom('tests_of_change').selectAll().where('authority_id', '=', scope.id).orderBy('test_no').execute(),
    db.selectFrom('pdsa_cycles').select(['test_no', 'cycle_no', 'definition']).where('authority_id', '=', scope.id).orderBy('test_no').orderBy('cycle_no').execute(),
  ]);
  const cycles = new Map<number, PdsaCycle[]>();
  for (const row of cycleRows) cycles.set(row.test_no, [...(cycles.get(row.test_no) ?? []), cycleFromRow(row)]);
  return rows.map((row) => {
    if (!isTestStatus(row.status)) throw new Error(`stored test ${row.test_no} has an unknown status: ${row.status}`);
    return { ...testDetailsFromRow(row), number: row.test_no, status: row.status, cycles: cycles.get(row.test_no) ?? [] };
  });
}

export async function findTest(connection: Connection, scope: AuthorityScope, testNumber: number): Promise<TestOfChange | null> {
  return (await listTests(connection, scope)).find((t) => t.number === testNumber) ?? null;
}

/** Adds a test with the next number; returns the number. */
export async function addTest(connection: Connection, scope: AuthorityScope, details: TestDetails, author: Author): Promise<number> {
  const at = author.at ?? new Date().toISOString();
  return connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const last = await trx.selectFrom('tests_of_change').select((eb) => eb.fn.max('test_no').as('n')).where('authority_id', '=', scope.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await trx
      .insertInto('tests_of_change')
      .values({ authority_id: scope.id, test_no: number, title: details.title, status: 'idea', start_date: details.start.toString(), definition: testDefinitionToJson(details), version: 1, recorded_at: at, recorded_by: author.by })
      .execute();
    // Tests of change are marked on the aims' run charts: a new one is a new data version.
    await noteDataChange(base, scope);
    return number;
  });
}

/**
 * Stores a test as the domain's rules left it: its details and status, and each cycle that is new
 * or changed. Every earlier version goes to the history.
 */
export async function saveTest(connection: Connection, scope: AuthorityScope, test: TestOfChange, author: Author): Promise<void> {
  const at = author.at ?? new Date().toISOString();
  await connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const stored = await trx.selectFrom('tests_of_change').selectAll().where('authority_id', '=', scope.id).where('test_no', '=', test.number).executeTakeFirstOrThrow();
    const definition = testDefinitionToJson(test);
    const start = test.start.toString();
    if (stored.title !== test.title || stored.status !== test.status || String(stored.start_date) !== start || stored.definition !== definition) {
      await appendHistory(base, {
        authorityId: scope.id,
        entity: 'test-of-change',
        recordId: `T${test.number}`,
        version: stored.version,
        previous: { title: stored.title, status: stored.status, start_date: String(stored.start_date), definition: JSON.parse(stored.definition) as unknown, recorded_by: stored.recorded_by },
        change: 'edit',
        by: author.by,
        at,
      });
      await trx
        .updateTable('tests_of_change')
        .set({ title: test.title, status: test.status, start_date: start, definition, version: stored.version + 1, recorded_at: at, recorded_by: author.by })
        .where('authority_id', '=', scope.id)
        .where('test_no', '=', test.number)
        .execute();
    }
    const storedCycles = new Map(
      (await trx.selectFrom('pdsa_cycles').selectAll().where('authority_id', '=', scope.id).where('test_no', '=', test.number).execute()).map((row) => [row.cycle_no, row]),
    );
    for (const cycle of test.cycles) {
      const json = cycleToJson(cycle);
      const old = storedCycles.get(cycle.number);
      if (!old) {
        await trx.insertInto('pdsa_cycles').values({ authority_id: scope.id, test_no: test.number, cycle_no: cycle.number, definition: json, version: 1, recorded_at: at, recorded_by: author.by }).execute();
        continue;
      }
      if (old.definition === json) continue;
      await appendHistory(base, {
        authorityId: scope.id,
        entity: 'pdsa-cycle',
        recordId: `T${test.number}.${cycle.number}`,
        version: old.version,
        previous: { definition: JSON.parse(old.definition) as unknown, recorded_by: old.recorded_by },
        change: 'edit',
        by: author.by,
        at,
      });
      await trx
        .updateTable('pdsa_cycles')
        .set({ definition: json, version: old.version + 1, recorded_at: at, recorded_by: author.by })
        .where('authority_id', '=', scope.id)
        .where('test_no', '=', test.number)
        .where('cycle_no', '=', cycle.number)
        .execute();
    }
    await noteDataChange(base, scope);
  });
}

// --- meetings ----------------------------------------------------------------------------------

export interface Meeting {
  readonly date: PlainDate;
  readonly title: string;
  readonly notes: string;
}

/** The authority's meetings, oldest first. */
export async function listMeetings(connection: Connection, scope: AuthorityScope): Promise<Meeting[]> {
  const rows = await improvementDb(connection).selectFrom('meetings').select(['meeting_date', 'title', 'notes']).where('authority_id', '=', scope.id).orderBy('meeting_date').execute();
  return rows.map((row) => ({ date: parseDateOrThrow(String(row.meeting_date)), title: row.title, notes: row.notes }));
}

/** Adds a meeting, or changes the one on the same date (keeping the previous version). */
export async function saveMeeting(connection: Connection, scope: AuthorityScope, meeting: Meeting, author: Author): Promise<'added' | 'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  const date = meeting.date.toString();
  return connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const stored = await trx.selectFrom('meetings').selectAll().where('authority_id', '=', scope.id).where('meeting_date', '=', date).executeTakeFirst();
    if (!stored) {
      await trx.insertInto('meetings').values({ authority_id: scope.id, meeting_date: date, title: meeting.title, notes: meeting.notes, version: 1, recorded_at: at, recorded_by: author.by }).execute();
      return 'added';
    }
    if (stored.title === meeting.title && stored.notes === meeting.notes) return 'unchanged';
    await appendHistory(base, { authorityId: scope.id, entity: 'meeting', recordId: date, version: stored.version, previous: { title: stored.title, notes: stored.notes, recorded_by: stored.recorded_by }, change: 'edit', by: author.by, at });
    await trx.updateTable('meetings').set({ title: meeting.title, notes: meeting.notes, version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('authority_id', '=', scope.id).where('meeting_date', '=', date).execute();
    return 'changed';
  });
}
