/**
 * An aim's group: the form naming its lead and members, for those who may change improvement work
 * (practitioners and above). The aim's page shows the group; the store audits each change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { longDate, parseDate } from '../../domain/date.js';
import type { Aim } from '../../domain/aim.js';
import { emptyAimGroup, type GroupPerson } from '../../domain/improvement/aim-group.js';
import { findAim, findAimGroup, listAuthorityUsers, saveAimGroup, type StoredAimGroup, type UserGrant } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { aimGroupToForm, choicesOf, parseAimGroupForm, type PersonChoice } from '../forms/group-forms.js';
import type { FormValues, ListValues } from '../forms/improvement-forms.js';
import { personOptions } from '../presenters/meeting.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { AimGroupForm } from '../views/aim-group.js';
import { authorityPath } from '../views/layout.js';

type AimParams = { Params: { code: string; aimId: string } };

/** The aim group's form. */
export function aimGroupHref(code: string, aimId: string): string {
  return authorityPath(code, `/aims/${encodeURIComponent(aimId)}/group`);
}

export function registerAimGroupRoutes(app: FastifyInstance, ctx: WebContext): void {
  const aimOf = async (grant: UserGrant, aimId: string): Promise<Aim> => {
    const aim = await findAim(ctx.connection, grant.scope, aimId);
    if (!aim) throw new HttpError(404, 'Page not found');
    return aim;
  };

  /** The pace users the form offers: the authority's, and anyone in the group who no longer has a role there (so that saving keeps them). */
  const userChoices = async (grant: UserGrant, stored: StoredAimGroup | null): Promise<PersonChoice[]> => {
    const users = await listAuthorityUsers(ctx.connection, grant.scope);
    const inGroup = stored ? [...(stored.group.lead ? [stored.group.lead] : []), ...stored.group.members].filter((p) => p.kind === 'user') : [];
    return choicesOf([...users.map((u): GroupPerson => ({ kind: 'user', userId: u.id, name: u.name })), ...inGroup]);
  };

  const showForm = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, aim: Aim, stored: StoredAimGroup | null, users: readonly PersonChoice[], form: { values: FormValues; lists: ListValues; errors: readonly FieldError[] }) => {
    const savedOn = stored ? parseDate(stored.savedAt.slice(0, 10)) : null;
    return sendPage(
      reply,
      AimGroupForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: {
          aimName: aim.name,
          action: aimGroupHref(grant.scope.code, aim.id),
          cancelHref: `${authorityPath(grant.scope.code, `/aims/${encodeURIComponent(aim.id)}`)}#aim-group`,
          users: personOptions(users),
          values: form.values,
          lists: form.lists,
          errors: form.errors,
          savedWords: stored && savedOn?.ok ? `Last saved by ${stored.savedBy} on ${longDate(savedOn.value)}.` : 'Nobody has named this group yet.',
        },
      }),
      form.errors.length ? 400 : 200,
    );
  };

  app.get<AimParams>('/a/:code/aims/:aimId/group', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const aim = await aimOf(grant, request.params.aimId);
    const stored = await findAimGroup(ctx.connection, grant.scope, aim.id);
    const users = await userChoices(grant, stored);
    return showForm(request, reply, grant, aim, stored, users, { ...aimGroupToForm(stored?.group ?? emptyAimGroup), errors: [] });
  });

  app.post<AimParams>('/a/:code/aims/:aimId/group', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const aim = await aimOf(grant, request.params.aimId);
    const stored = await findAimGroup(ctx.connection, grant.scope, aim.id);
    const users = await userChoices(grant, stored);
    const { values, lists, result } = parseAimGroupForm(request.body, users);
    if (!result.ok) return showForm(request, reply, grant, aim, stored, users, { values, lists, errors: result.errors });
    await saveAimGroup(ctx.connection, grant.scope, aim.id, result.value, { by: user.username }, { clientIp: request.ip });
    return reply.redirect(`${authorityPath(grant.scope.code, `/aims/${encodeURIComponent(aim.id)}`)}?saved=group#aim-group`, 303);
  });
}
