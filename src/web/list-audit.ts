/**
 * A view of a list of children (the waiting list, a search, what is due, the data-quality report,
 * a meeting pack, a group's timelines, the API's lists) is written to the audit log once per view:
 * who, from where, which list, and the address asked for, whose query holds the filters (worker,
 * team, as-at date, search, aim…). Not once per child: a list shows many children, and what it
 * was asked for says which.
 */
import type { FastifyRequest } from 'fastify';
import { appendAudit, type AuthorityScope, type Connection } from '../store/index.js';

export type ChildList = 'waiting-list' | 'children-list' | 'due-list' | 'data-quality' | 'meeting-pack' | 'group-timeline' | 'run-chart' | 'journey-list';

/** Each list's name as the audit page shows it. */
export const childListLabels: Readonly<Record<ChildList, string>> = {
  'waiting-list': 'Waiting list',
  'children-list': 'Children (search)',
  'due-list': 'What is due',
  'data-quality': 'Data quality report',
  'meeting-pack': 'Meeting pack',
  'group-timeline': 'Group timeline',
  'run-chart': 'Run chart',
  'journey-list': 'Journeys behind a count',
};

export function isChildList(entity: string): entity is ChildList {
  return Object.hasOwn(childListLabels, entity);
}

/** Writes the view of `list`: its entry's record is the address as asked for (path and query). */
export async function auditListView(connection: Connection, scope: AuthorityScope, request: FastifyRequest, username: string, list: ChildList): Promise<void> {
  await appendAudit(connection, scope, { username, action: 'view', entity: list, recordId: request.url, childId: null, clientIp: request.ip });
}
