/**
 * Which weekly digests have been sent: a message is known by its authority, the date it was for,
 * and its recipient (the worker or team and the address). `pace digest` sends a message only once
 * for a date unless asked to send it again.
 */
import type { PlainDate } from '../domain/date.js';
import type { ContactKind } from '../domain/reminders/digest.js';
import { normaliseName } from '../domain/reminders/due-list.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import type { Author } from './records.js';
import { remindersDb } from './reminders-schema.js';
import { timestampToIso } from './rows.js';

/** A digest's recipient. */
export interface DigestRecipient {
  readonly kind: ContactKind;
  readonly name: string;
  readonly to: string;
}

const keyOf = (kind: string, nameKey: string, email: string) => `${kind}|${nameKey}|${email}`;

/** When each recipient was sent the digest for `asAt` (ISO instants), by `recipientKey`. */
export async function digestsSent(connection: Connection, scope: AuthorityScope, asAt: PlainDate): Promise<Map<string, string>> {
  const rows = await remindersDb(connection).selectFrom('digests_sent').select(['kind', 'name_key', 'email', 'sent_at']).where('authority_id', '=', scope.id).where('as_at', '=', asAt.toString()).execute();
  return new Map(rows.map((row) => [keyOf(row.kind, row.name_key, row.email), timestampToIso(row.sent_at) as string]));
}

/** The key of a recipient in `digestsSent`. */
export function recipientKey(recipient: DigestRecipient): string {
  return keyOf(recipient.kind, normaliseName(recipient.name), recipient.to);
}

/** Notes that `recipient` was sent the digest for `asAt` (again, when sent again). */
export async function recordDigestSent(connection: Connection, scope: AuthorityScope, asAt: PlainDate, recipient: DigestRecipient, author: Author): Promise<void> {
  const at = author.at ?? new Date().toISOString();
  const values = { authority_id: scope.id, as_at: asAt.toString(), kind: recipient.kind, name_key: normaliseName(recipient.name), email: recipient.to, sent_at: at, sent_by: author.by };
  await remindersDb(connection)
    .insertInto('digests_sent')
    .values(values)
    .onConflict((oc) => oc.columns(['authority_id', 'as_at', 'kind', 'name_key', 'email']).doUpdateSet({ sent_at: at, sent_by: author.by }))
    .execute();
}
