/**
 * Where reminders go: the e-mail address of each allocated worker and of each team's manager, per
 * authority. A worker or team is named as on the children's records; names are matched without
 * regard to case or spacing (due-list.ts).
 */
import { compareNames, normaliseName } from '../domain/reminders/due-list.js';
import type { Contact, ContactKind } from '../domain/reminders/digest.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import type { Author } from './records.js';
import { remindersDb } from './reminders-schema.js';

/** Sets (or replaces) the address of a worker or of a team's manager. */
export async function setContact(connection: Connection, scope: AuthorityScope, contact: Contact, author: Author): Promise<'added' | 'changed'> {
  const at = author.at ?? new Date().toISOString();
  const db = remindersDb(connection);
  const key = normaliseName(contact.name);
  const name = contact.name.trim().replace(/\s+/g, ' ');
  const values = { name, email: contact.email, recorded_at: at, recorded_by: author.by };
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('reminder_contacts').select('name').where('authority_id', '=', scope.id).where('kind', '=', contact.kind).where('name_key', '=', key).executeTakeFirst();
    if (existing) {
      await trx.updateTable('reminder_contacts').set(values).where('authority_id', '=', scope.id).where('kind', '=', contact.kind).where('name_key', '=', key).execute();
      return 'changed';
    }
    await trx.insertInto('reminder_contacts').values({ authority_id: scope.id, kind: contact.kind, name_key: key, ...values }).execute();
    return 'added';
  });
}

/** Removes a worker's or team's address; false when there was none. */
export async function removeContact(connection: Connection, scope: AuthorityScope, kind: ContactKind, name: string): Promise<boolean> {
  const result = await remindersDb(connection).deleteFrom('reminder_contacts').where('authority_id', '=', scope.id).where('kind', '=', kind).where('name_key', '=', normaliseName(name)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every address the authority holds: workers first, then teams, each by name. */
export async function listContacts(connection: Connection, scope: AuthorityScope): Promise<Contact[]> {
  const rows = await remindersDb(connection).selectFrom('reminder_contacts').select(['kind', 'name', 'email']).where('authority_id', '=', scope.id).execute();
  // Ordered here, not in SQL: names in the order of names (compareNames), the same on either engine.
  return rows
    .map((row) => ({ kind: row.kind as ContactKind, name: row.name, email: row.email }))
    .sort((a, b) => (a.kind === b.kind ? compareNames(a.name, b.name) : a.kind === 'worker' ? -1 : 1));
}
