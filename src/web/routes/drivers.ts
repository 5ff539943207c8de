/** Each aim's driver diagram: drawn and listed for everyone; added to and changed by practitioners and above. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { driverDiagramSvg, type DiagramNode } from '../../charts/driver-diagram-chart.js';
import type { Aim } from '../../domain/aim.js';
import { aimSentence } from '../../domain/aim-sentence.js';
import { checkParent, checkRemove, driverNodeKindLabels, driverTree, type DriverNode, type DriverTreeNode } from '../../domain/improvement/driver-diagram.js';
import type { TestOfChange } from '../../domain/improvement/test-of-change.js';
import { addDriverNode, appendAudit, changeDriverNode, findAim, findDriverNode, findLibraryIdea, listDriverNodes, listLibraryIdeas, listTests, removeDriverNode, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { parseDriverNodeForm, type FormValues } from '../forms/improvement-forms.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { DriverDiagramPage, DriverNodeForm, type DiagramListNode } from '../views/drivers.js';
import { authorityPath } from '../views/layout.js';
import { drawnForWidths } from '../views/trusted-svg.js';
import { testHref } from './improvement.js';

const savedQuery = z.object({ saved: z.string().max(60).optional() });

export function diagramHref(code: string, aimId: string): string {
  return authorityPath(code, `/aims/${encodeURIComponent(aimId)}/drivers`);
}

/** The tests that try each change idea. */
function testsByIdea(tests: readonly TestOfChange[]): Map<number, TestOfChange[]> {
  const map = new Map<number, TestOfChange[]>();
  for (const t of tests) if (t.changeIdea !== null) map.set(t.changeIdea, [...(map.get(t.changeIdea) ?? []), t]);
  return map;
}

/** The diagram's drawing, for a desk (`full`) or a phone (`small`). */
export function diagramSvg(aim: Aim, tree: readonly DriverTreeNode[], tests: readonly TestOfChange[], size: 'full' | 'small' = 'full'): string {
  const byIdea = testsByIdea(tests);
  const toNode = (n: DriverTreeNode): DiagramNode => {
    const trying = byIdea.get(n.node.id) ?? [];
    return { text: n.node.text, ...(trying.length ? { note: `Tested in ${trying.map((t) => `T${t.number}`).join(', ')}` } : {}), children: n.children.map(toNode) };
  };
  return driverDiagramSvg({ aim: aim.name, primaries: tree.map(toNode) }, size);
}

export function registerDriverRoutes(app: FastifyInstance, ctx: WebContext): void {
  const aimOf = async (grant: UserGrant, aimId: string): Promise<Aim> => {
    const aim = await findAim(ctx.connection, grant.scope, aimId);
    if (!aim) throw new HttpError(404, 'Page not found');
    return aim;
  };

  const showDiagram = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, aim: Aim, values: FormValues, errors: readonly FieldError[], notice: string | null) => {
    const code = grant.scope.code;
    const [nodes, tests, library] = await Promise.all([listDriverNodes(ctx.connection, grant.scope, aim.id), listTests(ctx.connection, grant.scope), listLibraryIdeas(ctx.connection)]);
    const tree = driverTree(nodes, aim.id);
    const byIdea = testsByIdea(tests);
    const canChange = may(grant, 'improve');
    const toList = (n: DriverTreeNode): DiagramListNode => {
      const idea = n.node.libraryIdea === null ? null : library.find((l) => l.id === n.node.libraryIdea);
      return {
        id: n.node.id,
        kindLabel: driverNodeKindLabels[n.node.kind],
        text: n.node.text,
        editHref: canChange ? authorityPath(code, `/drivers/${n.node.id}`) : null,
        library: idea ? { text: idea.title, href: authorityPath(code, `/library/${idea.id}`) } : null,
        tests: (byIdea.get(n.node.id) ?? []).map((t) => ({ text: `T${t.number}: ${t.title}`, href: testHref(code, t.number) })),
        children: n.children.map(toList),
      };
    };
    return sendPage(
      reply,
      DriverDiagramPage({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: {
          aimName: aim.name,
          sentence: aimSentence(aim),
          svg: drawnForWidths((size) => diagramSvg(aim, tree, tests, size)),
          tree: tree.map(toList),
          add: canChange
            ? {
                action: diagramHref(code, aim.id),
                primaries: nodes.filter((n) => n.kind === 'primary').map((n) => ({ value: String(n.id), label: n.text })),
                secondaries: nodes.filter((n) => n.kind === 'secondary').map((n) => ({ value: String(n.id), label: n.text })),
                libraryIdeas: library.map((l) => ({ value: String(l.id), label: l.title })),
              }
            : null,
          backHref: authorityPath(code, '/improvement'),
        },
        values,
        errors,
        notice,
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string; aimId: string }; Querystring: Record<string, string> }>('/a/:code/aims/:aimId/drivers', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const aim = await aimOf(grant, request.params.aimId);
    const { saved } = savedQuery.parse(request.query);
    return showDiagram(request, reply, grant, aim, {}, [], saved ? `${saved} saved.` : null);
  });

  app.post<{ Params: { code: string; aimId: string } }>('/a/:code/aims/:aimId/drivers', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const aim = await aimOf(grant, request.params.aimId);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    // The form has one parent list for each kind; the chosen kind says which applies.
    const parentField = body.kind === 'secondary' ? 'parent_secondary' : 'parent_idea';
    let text = typeof body.text === 'string' ? body.text : '';
    const ideaId = Number(body.library_idea);
    if (body.kind === 'change-idea' && text.trim() === '' && Number.isInteger(ideaId) && ideaId > 0) text = (await findLibraryIdea(ctx.connection, ideaId))?.title ?? '';
    const { values, result } = parseDriverNodeForm({ ...body, text, parent: body[parentField] }, null);
    const rename = (errors: readonly FieldError[]) => errors.map((e) => (e.field === 'parent' ? { ...e, field: parentField } : e));
    const shown = { ...values, parent_secondary: String(body.parent_secondary ?? ''), parent_idea: String(body.parent_idea ?? '') };
    if (!result.ok) return showDiagram(request, reply, grant, aim, shown, rename(result.errors), null);
    const parent = result.value.parentId === null ? null : await findDriverNode(ctx.connection, grant.scope, result.value.parentId);
    if (checkParent(result.value.kind, parent, aim.id)) return showDiagram(request, reply, grant, aim, shown, [{ field: parentField, message: 'Choose where it goes from the list' }], null);
    if (result.value.libraryIdea !== null && !(await findLibraryIdea(ctx.connection, result.value.libraryIdea))) return showDiagram(request, reply, grant, aim, shown, [{ field: 'library_idea', message: 'Choose an idea from the library' }], null);
    const added = await addDriverNode(ctx.connection, grant.scope, { aimId: aim.id, kind: result.value.kind, parentId: result.value.parentId, text: result.value.text, libraryIdea: result.value.libraryIdea }, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'add', entity: 'driver', recordId: String(added.id), clientIp: request.ip });
    return reply.redirect(`${diagramHref(grant.scope.code, aim.id)}?saved=${encodeURIComponent(driverNodeKindLabels[added.kind])}`, 303);
  });

  const nodeOf = async (grant: UserGrant, id: string): Promise<DriverNode> => {
    const number = Number(id);
    const node = Number.isInteger(number) && number > 0 ? await findDriverNode(ctx.connection, grant.scope, number) : null;
    if (!node) throw new HttpError(404, 'Page not found');
    return node;
  };

  const showNode = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, node: DriverNode, values: FormValues, errors: readonly FieldError[]) => {
    const nodes = await listDriverNodes(ctx.connection, grant.scope, node.aimId);
    const parentKind = node.kind === 'secondary' ? 'primary' : node.kind === 'change-idea' ? 'secondary' : null;
    const refusal = checkRemove(node, nodes);
    const base = authorityPath(grant.scope.code, `/drivers/${node.id}`);
    return sendPage(
      reply,
      DriverNodeForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        title: `Change the ${driverNodeKindLabels[node.kind].toLowerCase()}`,
        action: base,
        removeAction: refusal ? null : `${base}/remove`,
        removeRefusal: refusal?.code === 'has-children' ? `It cannot be removed while ${refusal.count} ${refusal.count === 1 ? 'item sits' : 'items sit'} under it: move or remove those first.` : null,
        cancelHref: diagramHref(grant.scope.code, node.aimId),
        parents: parentKind ? nodes.filter((n) => n.kind === parentKind).map((n) => ({ value: String(n.id), label: n.text })) : null,
        values,
        errors,
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string; id: string } }>('/a/:code/drivers/:id', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const node = await nodeOf(grant, request.params.id);
    return showNode(request, reply, grant, node, { text: node.text, parent: node.parentId === null ? '' : String(node.parentId) }, []);
  });

  app.post<{ Params: { code: string; id: string } }>('/a/:code/drivers/:id', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const node = await nodeOf(grant, request.params.id);
    const { values, result } = parseDriverNodeForm(request.body, node.kind);
    if (!result.ok) return showNode(request, reply, grant, node, values, result.errors);
    const parent = result.value.parentId === null ? null : await findDriverNode(ctx.connection, grant.scope, result.value.parentId);
    if (checkParent(node.kind, parent, node.aimId)) return showNode(request, reply, grant, node, values, [{ field: 'parent', message: 'Choose where it goes from the list' }]);
    await changeDriverNode(ctx.connection, grant.scope, { ...node, text: result.value.text, parentId: result.value.parentId }, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'edit', entity: 'driver', recordId: String(node.id), clientIp: request.ip });
    return reply.redirect(`${diagramHref(grant.scope.code, node.aimId)}?saved=${encodeURIComponent(driverNodeKindLabels[node.kind])}`, 303);
  });

  app.post<{ Params: { code: string; id: string } }>('/a/:code/drivers/:id/remove', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const node = await nodeOf(grant, request.params.id);
    const refusal = checkRemove(node, await listDriverNodes(ctx.connection, grant.scope, node.aimId));
    if (refusal) return showNode(request, reply, grant, node, { text: node.text, parent: String(node.parentId ?? '') }, [{ field: 'text', message: 'Remove or move what sits under it first' }]);
    await removeDriverNode(ctx.connection, grant.scope, node.id, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'delete', entity: 'driver', recordId: String(node.id), clientIp: request.ip });
    return reply.redirect(`${diagramHref(grant.scope.code, node.aimId)}?saved=${encodeURIComponent('The diagram')}`, 303);
  });
}
