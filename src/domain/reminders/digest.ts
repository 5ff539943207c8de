/**
 * The weekly e-mail digest: to each allocated worker, what is overdue and due soon for their
 * children; to each team manager, the same for the team. E-mail leaves the authority's systems,
 * so a digest names a child by reference only, never by name, and says only what is due and when
 * (docs/decisions/0009-reminders.md): no names, dates of birth, placements, carers, routes or notes,
 * and nothing about any child in the subject line.
 */
import { longDate } from '../date.js';
import type { PlainDate } from '../date.js';
import { formatCount } from '../round.js';
import { timingWords, type ScheduledItem } from './due.js';
import { compareNames, listOf, normaliseName, type DueChild } from './due-list.js';

export type ContactKind = 'worker' | 'team';

/** Where a worker's digest, or a team manager's, goes. */
export interface Contact {
  readonly kind: ContactKind;
  /** The worker's or the team's name, as on the children's records. */
  readonly name: string;
  readonly email: string;
}

export interface DigestMessage {
  readonly kind: ContactKind;
  readonly name: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly children: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

export interface DigestPlan {
  readonly messages: readonly DigestMessage[];
  /** Workers and teams with something due who have no e-mail address: nothing is sent for them. */
  readonly withoutAddress: readonly { readonly kind: ContactKind; readonly name: string; readonly children: number }[];
  /** Children with something due who have neither a worker nor a team. */
  readonly unallocated: number;
}

export interface DigestOptions {
  readonly authorityName: string;
  readonly asAt: PlainDate;
  readonly windowDays: number;
  /** The address of the due page for a worker or team, when pace's address is known. */
  readonly linkFor: (kind: ContactKind, name: string) => string | null;
}

/**
 * The digests for one authority. `children` is every child with an open item (childrenDue);
 * a worker or team with nothing overdue or due within the window gets no message.
 */
export function planDigests(children: readonly DueChild[], contacts: readonly Contact[], options: DigestOptions): DigestPlan {
  const messages: DigestMessage[] = [];
  const withoutAddress: { kind: ContactKind; name: string; children: number }[] = [];
  for (const kind of ['worker', 'team'] as const) {
    for (const group of groupsOf(children, kind)) {
      const list = listOf(group.children, options.asAt, options.windowDays);
      if (list.children.length === 0) continue;
      const contact = contacts.find((c) => c.kind === kind && normaliseName(c.name) === group.key);
      if (!contact) {
        withoutAddress.push({ kind, name: group.name, children: list.children.length });
        continue;
      }
      messages.push(composeDigest(kind, contact, list.children, options));
    }
  }
  const unallocated = listOf(
    children.filter((c) => blank(c.worker) && blank(c.team)),
    options.asAt,
    options.windowDays,
  ).children.length;
  return { messages, withoutAddress, unallocated };
}

function groupsOf(children: readonly DueChild[], kind: ContactKind): { key: string; name: string; children: DueChild[] }[] {
  const groups = new Map<string, { key: string; name: string; children: DueChild[] }>();
  for (const child of children) {
    const name = kind === 'worker' ? child.worker : child.team;
    if (blank(name)) continue;
    const key = normaliseName(name as string);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, name: (name as string).trim(), children: [] }));
    group.children.push(child);
  }
  return [...groups.values()].sort((a, b) => compareNames(a.key, b.key));
}

function blank(name: string | null): boolean {
  return name === null || name.trim() === '';
}

function composeDigest(kind: ContactKind, contact: Contact, children: readonly DueChild[], options: DigestOptions): DigestMessage {
  const overdue = children.flatMap((c) => c.overdue.map((item) => ({ child: c, item })));
  const dueSoon = children.flatMap((c) => c.dueSoon.map((item) => ({ child: c, item })));
  byDue(overdue);
  byDue(dueSoon);
  const asAtWords = longDate(options.asAt);
  const soonWords = `due in the next ${options.windowDays} ${options.windowDays === 1 ? 'day' : 'days'}`;
  const whose = kind === 'worker' ? 'the children allocated to you' : `the children of the ${contact.name} team`;
  // The child's own planned day, where there is one, before the schedule's (due.ts).
  const when = (item: ScheduledItem) =>
    item.plan === undefined ? `due ${longDate(item.due)} (${timingWords(item)})` : `planned for ${longDate(item.due)} (${timingWords(item)}; the schedule's date ${longDate(item.plan.ruleDue)})`;
  const line = ({ child, item }: { child: DueChild; item: ScheduledItem }) => `- ${child.childId}${kind === 'team' ? ` (${child.worker?.trim() || 'no allocated worker'})` : ''}: ${item.name}, ${when(item)}`;
  const link = options.linkFor(kind, contact.name);
  const text = [
    `Reminders from pace for ${kind === 'worker' ? contact.name : `the manager of the ${contact.name} team`}, as at ${asAtWords}.`,
    '',
    `${options.authorityName}: ${formatCount(overdue.length)} overdue and ${formatCount(dueSoon.length)} ${soonWords} for ${whose}.`,
    ...(overdue.length > 0 ? ['', 'Overdue', ...overdue.map(line)] : []),
    ...(dueSoon.length > 0 ? ['', capitalise(soonWords), ...dueSoon.map(line)] : []),
    '',
    'Children are named here by their reference only. Sign in to pace to see their records' + (link ? `:\n${link}` : '.'),
    '',
    kind === 'worker' ? 'You receive this because you are the allocated worker for these children.' : `You receive this as the manager of the ${contact.name} team.`,
    '',
  ].join('\n');
  return {
    kind,
    name: contact.name,
    to: contact.email,
    subject: `pace reminders, ${options.authorityName}: ${formatCount(overdue.length)} overdue, ${formatCount(dueSoon.length)} ${soonWords} (as at ${asAtWords})`,
    text,
    children: children.length,
    overdue: overdue.length,
    dueSoon: dueSoon.length,
  };
}

function byDue(entries: { child: DueChild; item: ScheduledItem }[]): void {
  entries.sort((a, b) => a.item.daysToDue - b.item.daysToDue || (a.child.childId < b.child.childId ? -1 : a.child.childId > b.child.childId ? 1 : 0));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
