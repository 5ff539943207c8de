/**
 * A timeline in words: the heading and the one-paragraph summary drawn on the chart, which are also
 * its accessible description (and what a page can show beside it).
 */
import { longDate } from '../domain/date.js';
import type { ChildTimeline } from '../domain/timeline.js';

/** "Timeline for Alex Example (C7)", or "Timeline for C7" without the name. */
export function timelineTitle(timeline: ChildTimeline, options: { readonly withName: boolean }): string {
  return options.withName && timeline.name !== null ? `Timeline for ${timeline.name} (${timeline.childId})` : `Timeline for ${timeline.childId}`;
}

/**
 * "Born 15 June 2015. First recorded on 10 January 2016, aged 6 months. 4 moves of carer or
 * setting. 52 weeks so far since the application lodged at court. As at 30 September 2018, aged
 * 3 years 3 months."
 */
export function timelineSummary(timeline: ChildTimeline): string {
  const parts = [`Born ${longDate(timeline.dateOfBirth)}.`];
  if (timeline.bands.length > 0 || timeline.marks.length > 0) parts.push(`First recorded on ${longDate(timeline.start)}, ${timeline.ageAtStart === 'not yet born' ? 'before birth' : `aged ${timeline.ageAtStart}`}.`);
  parts.push(`${timeline.moves} ${timeline.moves === 1 ? 'move' : 'moves'} of carer or setting.`);
  const waiting = sinceLastDecisionWords(timeline, { withDate: false });
  if (waiting !== null) parts.push(`${capitalise(waiting)}.`);
  parts.push(`${timelineEndingWords(timeline)}.`);
  parts.push(...planWords(timeline));
  return parts.join(' ');
}

/**
 * The time still going since the last decision (or since the child became looked after away from
 * home, before any), while the child is looked after and no order has been granted: "52 weeks so
 * far since the application lodged at court", with its day when asked ("… (29 September 2017)").
 * Null when there is no such wait.
 */
export function sinceLastDecisionWords(timeline: ChildTimeline, options: { readonly withDate: boolean }): string | null {
  const waiting = timeline.gaps.find((g) => g.kind === 'so-far');
  if (waiting === undefined) return null;
  const { from } = waiting;
  const since = from.kind === 'accommodated' ? 'becoming looked after away from home' : `the ${lowerFirst(from.label)}`;
  return `${waiting.words} since ${since}${options.withDate ? ` (${longDate(from.date)})` : ''}`;
}

/**
 * The events not held, for the text alternative: "Planned: looked after child review on 5 March
 * 2027." and "Cancelled: early review (planned for 10 September 2024)." (docs/decisions/0030-planned-events.md).
 */
export function planWords(timeline: ChildTimeline): string[] {
  const planned = timeline.plans.filter((p) => p.status === 'planned');
  const cancelled = timeline.plans.filter((p) => p.status === 'cancelled');
  return [
    ...(planned.length > 0 ? [`Planned, not yet held: ${planned.map((p) => `${lowerFirst(p.label)} on ${longDate(p.date)}`).join('; ')}.`] : []),
    ...(cancelled.length > 0 ? [`Cancelled: ${cancelled.map((p) => `${lowerFirst(p.label)} (planned for ${longDate(p.date)})`).join('; ')}.`] : []),
  ];
}

/** Where the timeline stops: "Legal permanence (adoption) on 10 October 2018, aged 3 years 3 months". */
export function timelineEndingWords(timeline: ChildTimeline): string {
  const { ending } = timeline;
  switch (ending.kind) {
    case 'legal-permanence':
      return `Legal permanence${ending.routeWords ? ` (${ending.routeWords})` : ''} on ${longDate(ending.date)}, aged ${timeline.ageAtEnd}`;
    case 'left-care':
      return `No longer looked after from ${longDate(ending.date)}, aged ${timeline.ageAtEnd}`;
    case 'as-at':
      return `As at ${longDate(ending.date)}, aged ${timeline.ageAtEnd}`;
    default:
      return unreachable(ending);
  }
}

function capitalise(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}

function lowerFirst(text: string): string {
  return `${text[0]?.toLowerCase() ?? ''}${text.slice(1)}`;
}

function unreachable(value: never): never {
  throw new Error(`unhandled timeline ending: ${JSON.stringify(value)}`);
}
