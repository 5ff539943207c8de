/** The audit log page of an authority, for data leads and administrators: searched by child reference, user, action and dates. */
import type { FastifyInstance } from 'fastify';
import { auditActions, queryAudit, type AuditAction, type AuditEntry } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { parseAuditQuery } from '../forms/audit-query.js';
import { formatInstant } from '../../app/format.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { AuditPage, type AuditRow } from '../views/audit.js';
import { authorityPath } from '../views/layout.js';
import { childListLabels, isChildList } from '../list-audit.js';

const perPage = 100;

export const auditActionLabels: Readonly<Record<AuditAction, string>> = {
  view: 'Viewed',
  add: 'Added',
  edit: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
  import: 'Imported',
  change: 'Added or changed',
  export: 'Exported',
};

export function registerAuditRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/audit', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'audit');
    const query = parseAuditQuery(request.query);
    const found = await queryAudit(ctx.connection, grant.scope, query.filter, { offset: (query.page - 1) * perPage, limit: perPage });
    const base = authorityPath(grant.scope.code, '/audit');
    const pages = Math.max(1, Math.ceil(found.total / perPage));
    const kept = Object.fromEntries(Object.entries(query.values).filter(([, value]) => value !== ''));
    const rowOf = (entry: AuditEntry): AuditRow => ({
      when: formatInstant(entry.at),
      who: entry.username,
      action: auditActionLabels[entry.action] ?? entry.action,
      what: whatOf(entry),
      child: entry.childId === null ? null : { id: entry.childId, href: authorityPath(grant.scope.code, `/children/${encodeURIComponent(entry.childId)}`) },
      from: entry.clientIp === 'cli' ? 'the pace command' : (entry.clientIp ?? 'not recorded'),
    });
    return sendPage(
      reply,
      AuditPage({
        chrome: chromeOf(request, reply, grant, 'audit'),
        model: {
          action: base,
          values: query.values,
          actions: auditActions.map((a) => ({ value: a, label: auditActionLabels[a] })),
          errors: query.errors,
          total: found.total,
          rows: found.entries.map(rowOf),
          page: Math.min(query.page, pages),
          pages,
          hrefOf: (page) => `${base}?${new URLSearchParams({ ...kept, page: String(page) }).toString()}`,
        },
      }),
      query.errors.length ? 400 : 200,
    );
  });
}

/** What an entry is about, in words: a child; a list of children, with the address asked for (its filters readable); or a record of another kind. */
function whatOf(entry: AuditEntry): string {
  if (entry.entity === 'child') return 'child';
  if (isChildList(entry.entity)) return `${childListLabels[entry.entity]}: ${readableAddress(entry.recordId)}`;
  return `${entry.entity} ${entry.recordId}`;
}

/** `/a/NORTH/due?worker=Ann%20Smith` as `/a/NORTH/due?worker=Ann Smith`; an address that does not decode is shown as it is. */
function readableAddress(address: string): string {
  try {
    return decodeURIComponent(address.replace(/\+/g, ' '));
  } catch {
    return address;
  }
}
