/**
 * A child's timeline for a page: the drawing, its summary in words, and the same model as tables
 * (where the child lived, what happened, the time between decisions, the aims' due dates), so a
 * reader who cannot see the drawing gets the same facts. Also each child's printed sheet.
 */
import { childTimelineSvg } from '../../charts/timeline-chart.js';
import { timelineSummary, timelineTitle } from '../../charts/timeline-words.js';
import type { PlainDate } from '../../domain/date.js';
import type { BandStart, ChildTimeline, TimelineGap } from '../../domain/timeline.js';
import { inlinePicture } from '../../charts/inline-picture.js';
import type { TableModel } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { trustedSvg, type PhonePicture, type TrustedSvg } from '../views/trusted-svg.js';
import { longDate, routeLabel } from '../../app/format.js';

export interface ChildTimelineModel {
  readonly asAtWords: string;
  readonly summary: string;
  /** The drawing for a desk, in the page. */
  readonly svg: TrustedSvg;
  /** The drawing for a phone: a picture of its own, fetched only where the page is narrow enough to show it. */
  readonly narrow: PhonePicture;
  /** The drawing's facts as tables; a table with no rows is left out. */
  readonly tables: readonly TableModel[];
  readonly links: { readonly svg: string; readonly png: string; readonly print: string };
}

/** One child's printed sheet. */
export interface TimelineSheet {
  readonly childId: string;
  readonly heading: string;
  readonly details: readonly { readonly key: string; readonly value: string }[];
  readonly svg: TrustedSvg;
}

const beganWords: Readonly<Record<BandStart, string>> = {
  'became-looked-after': 'Became looked after',
  move: 'A move to a new carer or setting',
  'same-carer': 'Same carer, new placement record (not a move)',
};

/** Where the child's own timeline and its downloads are, as at `asAt`. */
export function childTimelineHref(code: string, childId: string, asAt: PlainDate, file: 'timeline.svg' | 'timeline.png' | 'timeline/print'): string {
  return `${authorityPath(code, `/children/${encodeURIComponent(childId)}`)}/${file}?as_at=${asAt.toString()}`;
}

/** The timeline for its page; `picture` is its drawing ready for the page (childTimelineSvg through inlinePicture, made in a render thread by the page's route). */
export function presentChildTimeline(code: string, timeline: ChildTimeline, picture: string): ChildTimelineModel {
  const href = (file: 'timeline.svg' | 'timeline.png' | 'timeline/print') => childTimelineHref(code, timeline.childId, timeline.asAt, file);
  const summary = timelineSummary(timeline);
  return {
    asAtWords: longDate(timeline.asAt),
    summary,
    svg: trustedSvg(picture),
    // Named as the desk's drawing is (its title and summary), for a reader who cannot see it.
    narrow: { href: `${href('timeline.svg')}&size=small`, alt: `${timelineTitle(timeline, { withName: true })}. ${summary}` },
    tables: timelineTables(timeline).filter((table) => table.rows.length > 0),
    links: { svg: href('timeline.svg'), png: href('timeline.png'), print: href('timeline/print') },
  };
}

export function presentTimelineSheet(timeline: ChildTimeline): TimelineSheet {
  return {
    childId: timeline.childId,
    heading: timelineTitle(timeline, { withName: true }),
    details: [
      { key: 'Reference', value: timeline.childId },
      { key: 'Name', value: timeline.name ?? 'Not recorded' },
      { key: 'Date of birth', value: longDate(timeline.dateOfBirth) },
      { key: 'As at', value: longDate(timeline.asAt) },
    ],
    svg: trustedSvg(inlinePicture(childTimelineSvg(timeline))),
  };
}

function timelineTables(timeline: ChildTimeline): TableModel[] {
  return [
    {
      caption: 'Where the child lived, earliest first',
      columns: ['From', 'To', 'Setting', 'Carer', 'How it began'],
      rows: timeline.bands.map((b) => [longDate(b.start), b.continues ? `${longDate(b.end)}, continuing` : longDate(b.end), b.label, b.carerRef ?? 'Not recorded', beganWords[b.began]]),
    },
    {
      caption: 'What happened, earliest first',
      columns: ['Date', 'Event', 'Route'],
      rows: timeline.marks.map((m) => [m.plannedDate && longDate(m.plannedDate) !== longDate(m.date) ? `${longDate(m.date)} (planned for ${longDate(m.plannedDate)})` : longDate(m.date), m.label, routeLabel(m.route)]),
    },
    // Only when there are some, so that a timeline without plans keeps its tables as they were.
    ...(timeline.plans.length === 0
      ? []
      : [
          {
            caption: 'Planned and cancelled, not held (open marks)',
            columns: ['Planned for', 'Event', 'Status'],
            rows: timeline.plans.map((p) => [longDate(p.date), p.label, p.status === 'planned' ? 'Planned, not yet held' : 'Cancelled']),
          },
        ]),
    {
      caption: 'The time between decisions',
      columns: ['From', 'To', 'Time'],
      rows: timeline.gaps.map((g) => [gapEndWords(g.from), gapEndWords(g.to), g.words]),
    },
    {
      caption: "The aims' due dates",
      columns: ['Aim', 'What was due', 'Due on', 'Outcome'],
      rows: timeline.dueDates.map((d) => [d.aimName, d.label, longDate(d.due), d.outcome]),
    },
  ];
}

function gapEndWords(end: TimelineGap['from']): string {
  return `${end.label}, ${longDate(end.date)}`;
}
