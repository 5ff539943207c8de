/**
 * Who may do what. A user holds one role per authority; each role may do everything the ones
 * before it may. An authority the user holds no role in does not exist for them (404, never 403,
 * so its existence is not disclosed).
 */
import { isNationalAnalyst, type Connection, type UserGrant, type UserRole } from '../../store/index.js';
import { HttpError } from '../errors.js';

export interface SignedInUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly grants: readonly UserGrant[];
}

/**
 * `aggregate`: the pages that show no child — figures with small counts suppressed, the poster, the
 * titles and outcomes of the tests of change (docs/decisions/0027-partner-access.md). Every other
 * page needs `view` or more, which a partner does not hold.
 */
export type Permission = 'aggregate' | 'view' | 'record' | 'import' | 'set-aims' | 'audit' | 'improve' | 'publish';

const needed: Readonly<Record<Permission, UserRole>> = {
  aggregate: 'partner',
  view: 'viewer',
  record: 'practitioner',
  import: 'data-lead',
  'set-aims': 'data-lead',
  audit: 'data-lead',
  improve: 'practitioner',
  publish: 'data-lead',
};

const rank: Readonly<Record<UserRole, number>> = { partner: 0, viewer: 1, practitioner: 2, 'data-lead': 3, admin: 4 };

export const roleLabels: Readonly<Record<UserRole, string>> = { partner: 'partner (multi-agency)', viewer: 'viewer', practitioner: 'practitioner', 'data-lead': 'data lead', admin: 'administrator' };

export function may(grant: UserGrant, permission: Permission): boolean {
  return rank[grant.role] >= rank[needed[permission]];
}

const refusals: Readonly<Record<Permission, string>> = {
  aggregate: 'see this authority',
  view: 'see this authority',
  record: 'add or change records',
  import: 'import files',
  'set-aims': 'change aims',
  audit: 'read the audit log',
  improve: 'change the improvement work',
  publish: 'publish to the change-idea library',
};

/**
 * The viewer's suppression rule (docs/decisions/0026-breakdowns.md): whether a role sees its
 * authority's own counts under 5, or `[c]` in their place as in a table shared beyond the authority.
 * Every role of an authority's own staff sees them; a partner (multi-agency) does not.
 */
const smallCountsSeen: Readonly<Record<UserRole, boolean>> = { partner: false, viewer: true, practitioner: true, 'data-lead': true, admin: true };

export function seesSmallCounts(grant: UserGrant): boolean {
  return smallCountsSeen[grant.role];
}

/** The user's grant for the authority with `code`, holding `permission`; otherwise an HttpError. */
export function grantFor(user: SignedInUser, code: string, permission: Permission = 'view'): UserGrant {
  const grant = user.grants.find((g) => g.scope.code === code);
  if (!grant) throw new HttpError(404, 'Page not found');
  if (!may(grant, permission)) {
    if (grant.role === 'partner') throw new HttpError(403, `This page shows children’s records, and partners see only ${grant.authority.name}’s figures, poster and improvement work, never a child. Ask its data lead if you need more.`);
    throw new HttpError(403, `You cannot ${refusals[permission]} in ${grant.authority.name}: your role there is ${roleLabels[grant.role]}. Ask your data lead if you need more.`);
  }
  return grant;
}

/** A national analyst may go on; anyone else is told there is no such page (as for an authority they have no role in). */
export async function requireNationalAnalyst(connection: Connection, user: SignedInUser): Promise<void> {
  if (!(await isNationalAnalyst(connection, user.id))) throw new HttpError(404, 'Page not found');
}
