/** What a data lead needs to prepare an export: the format pace reads, made from the lists the import checks against. */
import type { FastifyInstance } from 'fastify';
import { eventStatuses, eventStatusLabels, eventTypeLabels, eventTypes, legalBases, legalBasisLabels, placementTypeLabels, placementTypes, routeLabels, routes, sexes, sexLabels } from '../../domain/codes.js';
import { tableColumns, tableNames } from '../../ingest/tables.js';
import { may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { FormatHelpPage, type FormatHelpModel } from '../views/format-help.js';
import { authorityPath } from '../views/layout.js';

const codeList = <T extends string>(column: string, values: readonly T[], labels: Readonly<Record<T, string>>) => ({ column, values: values.map((code) => ({ code, meaning: labels[code] })) });

const model: FormatHelpModel = {
  tables: tableNames.map((name) => ({ name, file: `${name}.csv`, columns: tableColumns[name].map((c) => ({ name: c.name, required: c.required, meaning: c.meaning })) })),
  codes: [
    codeList('placement_type', placementTypes, placementTypeLabels),
    codeList('legal_basis', legalBases, legalBasisLabels),
    codeList('sex', sexes, sexLabels),
    codeList('event_type', eventTypes, eventTypeLabels),
    codeList('route', routes, routeLabels),
    codeList('status', eventStatuses, eventStatusLabels),
  ],
};

export function registerHelpRoutes(app: FastifyInstance, _ctx: WebContext): void {
  app.get<{ Querystring: { authority?: string } }>('/help/format', async (request, reply) => {
    const user = userOf(request);
    const grant = user.grants.find((g) => g.scope.code === request.query.authority) ?? null;
    const importHref = grant && may(grant, 'import') ? authorityPath(grant.scope.code, '/import') : null;
    return sendPage(reply, FormatHelpPage({ chrome: chromeOf(request, reply, grant, null), model, importHref }));
  });
}
