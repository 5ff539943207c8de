/**
 * Aim groups, and the attendance and actions of the champions' group's meetings (migration 0017;
 * docs/decisions/0025-aim-groups.md). A person is kept as a pace user's id or a partner's name and
 * organisation; a user is named as their account names them when read. A save that changes
 * anything keeps the previous version in the record history and is written to the audit log in the
 * same transaction, as the poster's words are, so that no change is kept unaudited.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { normaliseGroup, type AimGroup, type GroupPerson } from '../domain/improvement/aim-group.js';
import type { ActionDetails, MeetingAction } from '../domain/improvement/meeting-actions.js';
import { parseDateOrThrow, type PlainDate } from '../domain/date.js';
import { accessDb } from './access-schema.js';
import type { AuthorityScope } from './authorities.js';
import { insertAuditEntries } from './audit.js';
import type { Connection } from './dialect.js';
import { appendHistory } from './history.js';
import type { AuditContext, Author } from './records.js';
import { timestampToIso } from './rows.js';
import type { Database, Timestamp } from './schema.js';

interface Recorded {
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
}

interface AimGroupTable extends Recorded {
  authority_id: number;
  aim_id: string;
  definition: string;
}

interface MeetingAttendanceTable extends Recorded {
  authority_id: number;
  meeting_date: string;
  people: string;
}

interface MeetingActionTable extends Recorded {
  authority_id: number;
  action_no: number;
  meeting_date: string;
  text: string;
  owner: string;
  due_date: string;
  done_date: string | null;
}

type GroupTables = { aim_groups: AimGroupTable; meeting_attendance: MeetingAttendanceTable; meeting_actions: MeetingActionTable };

const groupDb = (connection: Connection) => connection.db.withTables<GroupTables>();
const groupTrx = (trx: Transaction<Database>) => trx.withTables<GroupTables>();

// --- people as stored --------------------------------------------------------------------------

const personJson = z.discriminatedUnion('kind', [z.object({ kind: z.literal('user'), user_id: z.number().int() }), z.object({ kind: z.literal('partner'), name: z.string(), organisation: z.string() })]);
type PersonJson = z.infer<typeof personJson>;
const groupJson = z.object({ lead: personJson.nullable(), members: z.array(personJson) });
const peopleJson = z.array(personJson);

function personToJson(person: GroupPerson): PersonJson {
  return person.kind === 'user' ? { kind: 'user', user_id: person.userId } : { kind: 'partner', name: person.name, organisation: person.organisation };
}

type Names = ReadonlyMap<number, string>;

function personFromJson(json: PersonJson, names: Names): GroupPerson {
  return json.kind === 'user' ? { kind: 'user', userId: json.user_id, name: names.get(json.user_id) ?? `user ${json.user_id}` } : { kind: 'partner', name: json.name, organisation: json.organisation };
}

/** The names of the users among `people`, as their accounts give them now. */
async function namesOf(connection: Connection, people: readonly PersonJson[]): Promise<Names> {
  const ids = [...new Set(people.flatMap((p) => (p.kind === 'user' ? [p.user_id] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await accessDb(connection).selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name ?? row.username]));
}

function groupToJson(group: AimGroup): string {
  const kept = normaliseGroup(group);
  return JSON.stringify({ lead: kept.lead && personToJson(kept.lead), members: kept.members.map(personToJson) });
}

function peopleToJson(people: readonly GroupPerson[]): string {
  return JSON.stringify(people.map(personToJson));
}

// --- aim groups --------------------------------------------------------------------------------

export interface StoredAimGroup {
  readonly aimId: string;
  readonly group: AimGroup;
  readonly version: number;
  readonly savedBy: string;
  /** ISO instant. */
  readonly savedAt: string;
}

/** The authority's aim groups (of aims that have one), by aim id. */
export async function listAimGroups(connection: Connection, scope: AuthorityScope): Promise<StoredAimGroup[]> {
  const rows = await groupDb(connection).selectFrom('aim_groups').selectAll().where('authority_id', '=', scope.id).orderBy('aim_id').execute();
  const parsed = rows.map((row) => ({ row, json: groupJson.parse(JSON.parse(row.definition)) }));
  const names = await namesOf(
    connection,
    parsed.flatMap(({ json }) => [...(json.lead ? [json.lead] : []), ...json.members]),
  );
  return parsed.map(({ row, json }) => ({
    aimId: row.aim_id,
    group: { lead: json.lead && personFromJson(json.lead, names), members: json.members.map((m) => personFromJson(m, names)) },
    version: row.version,
    savedBy: row.recorded_by,
    savedAt: timestampToIso(row.recorded_at) as string,
  }));
}

/** The aim's group, or null when nobody has named one. */
export async function findAimGroup(connection: Connection, scope: AuthorityScope, aimId: string): Promise<StoredAimGroup | null> {
  return (await listAimGroups(connection, scope)).find((g) => g.aimId === aimId) ?? null;
}

/** Names the aim's lead and members (once each); the previous group goes to the history, and the change to the audit log as `aim-group`. */
export async function saveAimGroup(connection: Connection, scope: AuthorityScope, aimId: string, group: AimGroup, author: Author, audit: AuditContext): Promise<'added' | 'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  const definition = groupToJson(group);
  return connection.db.transaction().execute(async (base) => {
    const trx = groupTrx(base);
    const stored = await trx.selectFrom('aim_groups').selectAll().where('authority_id', '=', scope.id).where('aim_id', '=', aimId).executeTakeFirst();
    if (!stored) {
      await trx.insertInto('aim_groups').values({ authority_id: scope.id, aim_id: aimId, definition, version: 1, recorded_at: at, recorded_by: author.by }).execute();
    } else {
      if (stored.definition === definition) return 'unchanged';
      await appendHistory(base, { authorityId: scope.id, entity: 'aim-group', recordId: aimId, version: stored.version, previous: { definition: JSON.parse(stored.definition) as unknown, recorded_by: stored.recorded_by }, change: 'edit', by: author.by, at });
      await trx.updateTable('aim_groups').set({ definition, version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('authority_id', '=', scope.id).where('aim_id', '=', aimId).execute();
    }
    await insertAuditEntries(base, scope, [{ username: author.by, action: stored ? 'edit' : 'add', entity: 'aim-group', recordId: aimId, childId: null, clientIp: audit.clientIp, at }]);
    return stored ? 'changed' : 'added';
  });
}

// --- who was at a meeting ----------------------------------------------------------------------

/** Who was at the meeting on `date`, as recorded; null when nobody has recorded it. */
export async function findAttendance(connection: Connection, scope: AuthorityScope, date: PlainDate): Promise<GroupPerson[] | null> {
  const row = await groupDb(connection).selectFrom('meeting_attendance').select('people').where('authority_id', '=', scope.id).where('meeting_date', '=', date.toString()).executeTakeFirst();
  if (!row) return null;
  const json = peopleJson.parse(JSON.parse(row.people));
  const names = await namesOf(connection, json);
  return json.map((p) => personFromJson(p, names));
}

/** Records who was at the meeting on `date` (which must be recorded); audited as `meeting-attendance`. */
export async function saveAttendance(connection: Connection, scope: AuthorityScope, date: PlainDate, people: readonly GroupPerson[], author: Author, audit: AuditContext): Promise<'added' | 'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  const day = date.toString();
  const json = peopleToJson(people);
  return connection.db.transaction().execute(async (base) => {
    const trx = groupTrx(base);
    const stored = await trx.selectFrom('meeting_attendance').selectAll().where('authority_id', '=', scope.id).where('meeting_date', '=', day).executeTakeFirst();
    if (!stored) {
      await trx.insertInto('meeting_attendance').values({ authority_id: scope.id, meeting_date: day, people: json, version: 1, recorded_at: at, recorded_by: author.by }).execute();
    } else {
      if (stored.people === json) return 'unchanged';
      await appendHistory(base, { authorityId: scope.id, entity: 'meeting-attendance', recordId: day, version: stored.version, previous: { people: JSON.parse(stored.people) as unknown, recorded_by: stored.recorded_by }, change: 'edit', by: author.by, at });
      await trx.updateTable('meeting_attendance').set({ people: json, version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('authority_id', '=', scope.id).where('meeting_date', '=', day).execute();
    }
    await insertAuditEntries(base, scope, [{ username: author.by, action: stored ? 'edit' : 'add', entity: 'meeting-attendance', recordId: day, childId: null, clientIp: audit.clientIp, at }]);
    return stored ? 'changed' : 'added';
  });
}

// --- actions -----------------------------------------------------------------------------------

/** Every action the authority's meetings agreed, in number order. */
export async function listActions(connection: Connection, scope: AuthorityScope): Promise<MeetingAction[]> {
  const rows = await groupDb(connection).selectFrom('meeting_actions').selectAll().where('authority_id', '=', scope.id).orderBy('action_no').execute();
  const owners = rows.map((row) => personJson.parse(JSON.parse(row.owner)));
  const names = await namesOf(connection, owners);
  return rows.map((row, i) => ({
    number: row.action_no,
    raisedAt: parseDateOrThrow(String(row.meeting_date)),
    text: row.text,
    owner: personFromJson(owners[i] as PersonJson, names),
    due: parseDateOrThrow(String(row.due_date)),
    done: row.done_date === null ? null : parseDateOrThrow(String(row.done_date)),
  }));
}

export async function findAction(connection: Connection, scope: AuthorityScope, number: number): Promise<MeetingAction | null> {
  return (await listActions(connection, scope)).find((a) => a.number === number) ?? null;
}

/** Adds an action agreed at the meeting on `raisedAt` (which must be recorded), with the next number; audited as `meeting-action`. */
export async function addAction(connection: Connection, scope: AuthorityScope, raisedAt: PlainDate, details: ActionDetails, author: Author, audit: AuditContext): Promise<number> {
  const at = author.at ?? new Date().toISOString();
  return connection.db.transaction().execute(async (base) => {
    const trx = groupTrx(base);
    const last = await trx.selectFrom('meeting_actions').select((eb) => eb.fn.max('action_no').as('n')).where('authority_id', '=', scope.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await trx
      .insertInto('meeting_actions')
      .values({ authority_id: scope.id, action_no: number, meeting_date: raisedAt.toString(), ...actionColumns(details), version: 1, recorded_at: at, recorded_by: author.by })
      .execute();
    await insertAuditEntries(base, scope, [{ username: author.by, action: 'add', entity: 'meeting-action', recordId: `A${number}`, childId: null, clientIp: audit.clientIp, at }]);
    return number;
  });
}

/** Changes an action's words, owner, due date or the day it was done; the previous version goes to the history. */
export async function saveAction(connection: Connection, scope: AuthorityScope, action: MeetingAction, author: Author, audit: AuditContext): Promise<'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  const columns = actionColumns(action);
  return connection.db.transaction().execute(async (base) => {
    const trx = groupTrx(base);
    const stored = await trx.selectFrom('meeting_actions').selectAll().where('authority_id', '=', scope.id).where('action_no', '=', action.number).executeTakeFirstOrThrow();
    const was = { text: stored.text, owner: stored.owner, due_date: String(stored.due_date), done_date: stored.done_date === null ? null : String(stored.done_date) };
    if (was.text === columns.text && was.owner === columns.owner && was.due_date === columns.due_date && was.done_date === columns.done_date) return 'unchanged';
    await appendHistory(base, {
      authorityId: scope.id,
      entity: 'meeting-action',
      recordId: `A${action.number}`,
      version: stored.version,
      previous: { ...was, owner: JSON.parse(was.owner) as unknown, recorded_by: stored.recorded_by },
      change: 'edit',
      by: author.by,
      at,
    });
    await trx.updateTable('meeting_actions').set({ ...columns, version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('authority_id', '=', scope.id).where('action_no', '=', action.number).execute();
    await insertAuditEntries(base, scope, [{ username: author.by, action: 'edit', entity: 'meeting-action', recordId: `A${action.number}`, childId: null, clientIp: audit.clientIp, at }]);
    return 'changed';
  });
}

function actionColumns(details: ActionDetails): { text: string; owner: string; due_date: string; done_date: string | null } {
  return { text: details.text, owner: JSON.stringify(personToJson(details.owner)), due_date: details.due.toString(), done_date: details.done === null ? null : details.done.toString() };
}
