/**
 * A group's timelines for the group page: the drawing (at most `maxGroupLanes` children, and the
 * page says so plainly when more matched, and in what order they were taken), a table listing the
 * same children with a link to each record, and where the downloads and the print page are.
 */
import { groupTimelineSvg, maxGroupLanes, type GroupView } from '../../charts/timeline-group-chart.js';
import { timelineEndingWords } from '../../charts/timeline-words.js';
import type { Aim } from '../../domain/aim.js';
import type { PlainDate } from '../../domain/date.js';
import { groupOrderWords, type GroupRow, type GroupSelector, type GroupTimeline } from '../../domain/timeline-group.js';
import type { Timescale } from '../../domain/timescale.js';
import { inlinePicture } from '../../charts/inline-picture.js';
import type { TableModel } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { trustedSvg, type PhonePicture, type TrustedSvg } from '../views/trusted-svg.js';
import { formatCount, longDate, plural, routeLabel } from '../../app/format.js';

export interface GroupTimelineModel {
  readonly title: string;
  /** Plain sentences: how many matched, how many are drawn and in what order, who is left off and why. */
  readonly notes: readonly string[];
  /** Null when no child is drawn. */
  readonly svg: TrustedSvg | null;
  /** The drawing for a phone: a picture of its own, fetched only where the page is narrow enough to show it. */
  readonly narrow: PhonePicture;
  readonly table: TableModel;
  readonly links: { readonly svg: string; readonly png: string; readonly print: string };
}

/** The children drawn: the first `maxGroupLanes` in the group's order. */
export function shownRows(group: GroupTimeline): readonly GroupRow[] {
  return group.rows.slice(0, maxGroupLanes);
}

/** The group page, and its files, for the query string `search`. */
export function timelinesHref(code: string, file: '' | '.svg' | '.png' | '/print', search: string): string {
  return authorityPath(code, `/timelines${file}?${search}`);
}

/** The group page for the children waiting more than `weeks` for `aim`, as at `asAt`. */
export function waitingGroupHref(code: string, aim: Aim, weeks: number, asAt: PlainDate): string {
  return timelinesHref(code, '', new URLSearchParams({ group: 'waiting', aim: aim.id, weeks: String(weeks), as_at: asAt.toString() }).toString());
}

/**
 * Whole weeks a wait must pass to be past the timescale: the weeks themselves, or for a timescale in
 * months the whole weeks in that many average months (24 months: 104 weeks).
 */
export function timescaleWeeks(timescale: Timescale): number {
  if (timescale.unit === 'days') return Math.floor(timescale.days / 7);
  return timescale.unit === 'weeks' ? timescale.weeks : Math.floor((timescale.months * 365.25) / 12 / 7);
}

export function presentGroupTimeline(code: string, group: GroupTimeline, options: { readonly selector: GroupSelector; readonly view: GroupView; readonly search: string }): GroupTimelineModel {
  const rows = shownRows(group);
  return {
    title: group.title,
    notes: groupTimelineNotes(group, options.selector),
    svg: rows.length === 0 ? null : trustedSvg(inlinePicture(groupTimelineSvg(group, { view: options.view }))),
    narrow: { href: `${timelinesHref(code, '.svg', options.search)}&size=small`, alt: `${group.title}, drawn for a small screen: the table below gives the same facts.` },
    table: tableOf(code, group, rows, options.view),
    links: { svg: timelinesHref(code, '.svg', options.search), png: timelinesHref(code, '.png', options.search), print: timelinesHref(code, '/print', options.search) },
  };
}

/** Plain sentences about what is drawn: how many matched, in what order, and who is left off and why. */
export function groupTimelineNotes(group: GroupTimeline, selector: GroupSelector): string[] {
  const matched = group.total + group.unaligned.length;
  const notes = [matched === 0 ? 'No children match.' : `${plural(matched, 'child', 'children')} ${matched === 1 ? 'matches' : 'match'}, ${groupOrderWords(selector)}. As at ${longDate(group.asAt)}.`];
  if (group.total > maxGroupLanes) notes.push(`Only the first ${formatCount(maxGroupLanes)} of the ${formatCount(group.total)} are drawn and listed below (${groupOrderWords(selector)}). Choose a narrower group to see the others.`);
  if (group.unaligned.length > 0) notes.push(`Not drawn, because they have no journey to count the weeks from: ${group.unaligned.join(', ')}. Line the group up by calendar date to see them.`);
  if (group.unknownIds.length > 0) notes.push(`No record of: ${group.unknownIds.join(', ')}.`);
  return notes;
}

function tableOf(code: string, group: GroupTimeline, rows: readonly GroupRow[], view: GroupView): TableModel {
  const full = view === 'full';
  const byJourney = group.axis.kind === 'weeks';
  return {
    caption: `${group.title}: the children drawn, in the order drawn`,
    columns: ['Child', 'Name', 'Born', ...(byJourney ? ['Weeks counted from'] : []), 'Where they lived', 'Moves', ...(full ? ['Decisions', "Aims' due dates"] : []), 'Timeline ends'],
    rows: rows.map(({ timeline: t, anchor }) => [
      { text: t.childId, href: authorityPath(code, `/children/${encodeURIComponent(t.childId)}?as_at=${group.asAt.toString()}`) },
      t.name ?? 'Not recorded',
      longDate(t.dateOfBirth),
      ...(byJourney ? [anchor === null ? '' : longDate(anchor)] : []),
      t.bands.map((b) => (b.continues ? `${b.label} from ${longDate(b.start)}, continuing` : `${b.label}, ${longDate(b.start)} to ${longDate(b.end)}`)).join('; ') || 'No placements recorded',
      String(t.moves),
      ...(full
        ? [
            t.marks
              .filter((m) => m.group === 'milestone' && m.type !== 'referral')
              .map((m) => `${m.label}${m.route ? ` (${routeLabel(m.route)})` : ''}, ${longDate(m.date)}`)
              .join('; ') || 'None yet',
            t.dueDates.map((d) => `${d.label}, ${longDate(d.due)}: ${d.outcome}`).join('; ') || 'None',
          ]
        : []),
      timelineEndingWords(t),
    ]),
  };
}
