/** A child's record for the page: details, placements, events, journeys with their statuses, and every change. */
import { aimSubject, type Aim } from '../../domain/aim.js';
import { measuredJourneys, type CohortStatus } from '../../domain/aim-figures.js';
import type { sexes } from '../../domain/codes.js';
import { compareDates, type PlainDate } from '../../domain/date.js';
import type { ChildRecord } from '../../domain/records.js';
import { journeyRouteLabels } from '../../domain/codes.js';
import { leaveReasonWords, statusLabels, statusMeaning } from '../../domain/status-words.js';
import type { ChildTimeline } from '../../domain/timeline.js';
import type { RecordChange } from '../../store/index.js';
import { displayName } from '../../app/authority-figures.js';
import { authorityPath } from '../views/layout.js';
import { eventLabel, formatInstant, formatWeeks, longDate, placementLabel, routeLabel } from '../../app/format.js';
import { sinceLastDecisionWords } from '../../charts/timeline-words.js';
import { presentChildTimeline, type ChildTimelineModel } from './timeline.js';

export interface ChildModel {
  readonly childId: string;
  readonly title: string;
  readonly asAtWords: string;
  readonly details: readonly { key: string; value: string }[];
  readonly placements: readonly { id: string; start: string; end: string; type: string; legalBasis: string; carer: string; editHref: string }[];
  readonly events: readonly { id: string; date: string; type: string; route: string; note: string; editHref: string }[];
  /** Events not held: planned (soonest last) or cancelled, by planned date (docs/decisions/0030-planned-events.md). */
  readonly plans: readonly { id: string; date: string; type: string; status: string; reason: string; editHref: string }[];
  readonly journeys: readonly { aimName: string; rows: readonly JourneyRow[] }[];
  /** The journeys still waiting for their milestone (waiting or overdue), aim by aim: the page's answer, first. */
  readonly waiting: readonly { aimName: string; row: JourneyRow }[];
  /** "191 weeks so far since the application lodged at court (29 September 2017)", while looked after with no order; else null. */
  readonly sinceLastDecision: string | null;
  /** The child's timeline as at the page's date, measured against the authority's aims. */
  readonly timeline: ChildTimelineModel;
  readonly history: readonly { when: string; who: string; what: string; changes: readonly string[] }[];
  readonly links: { readonly edit: string; readonly addPlacement: string; readonly addEvent: string };
}

export interface JourneyRow {
  readonly start: string;
  /** The day the milestone was reached, or the day the child left and why, or "Not yet". */
  readonly end: string;
  readonly due: string;
  readonly weeks: string;
  readonly route: string;
  readonly status: CohortStatus;
  readonly statusLabel: string;
  /** What the status means, in a sentence. */
  readonly statusMeaning: string;
}


const sexLabels: Readonly<Record<(typeof sexes)[number], string>> = { M: 'Male', F: 'Female', X: 'Other or not known' };

/** The child's page; `timeline` is the child's timeline as at `asAt` and its drawing (made in a render thread by the route). */
export function presentChild(code: string, record: ChildRecord, aims: readonly Aim[], asAt: PlainDate, history: readonly RecordChange[], timeline: { readonly model: ChildTimeline; readonly svg: string }): ChildModel {
  const { child } = record;
  const base = authorityPath(code, `/children/${encodeURIComponent(child.childId)}`);
  const name = displayName(record);
  const journeys = aims.map((aim) => ({
    aimName: aim.name,
    rows: measuredJourneys(aim, [record], asAt).map((j) => ({
      start: longDate(j.journey.start),
      end: j.journey.end
        ? longDate(j.journey.end)
        : j.journey.leave && j.journey.leaveReason
          ? `Left on ${longDate(j.journey.leave)}: ${leaveReasonWords(j.journey.leaveReason, aimSubject(aim))}`
          : 'Not yet',
      due: longDate(j.due),
      weeks: formatWeeks(j.weeks),
      route: journeyRouteLabels[j.journey.route],
      status: j.status,
      statusLabel: statusLabels[j.status],
      statusMeaning: statusMeaning(j.status, aimSubject(aim)),
    })),
  }));
  return {
    childId: child.childId,
    title: name ? `${child.childId}: ${name}` : child.childId,
    asAtWords: longDate(asAt),
    details: [
      { key: 'Reference', value: child.childId },
      { key: 'Name', value: name ?? 'Not recorded' },
      { key: 'Date of birth', value: longDate(child.dateOfBirth) },
      { key: 'Sex', value: child.sex ? sexLabels[child.sex] : 'Not recorded' },
      { key: 'Sibling group', value: child.siblingGroup ?? 'None recorded' },
      { key: 'Social worker', value: child.worker ?? 'Not recorded' },
      { key: 'Team', value: child.team ?? 'Not recorded' },
      { key: 'Locality', value: child.locality ?? 'Not recorded' },
    ],
    placements: [...record.placements]
      .sort((a, b) => compareDates(a.start, b.start))
      .map((p) => ({
        id: p.placementId,
        start: longDate(p.start),
        end: p.end ? longDate(p.end) : 'Continuing',
        type: placementLabel(p.type),
        legalBasis: p.legalBasis ?? '',
        carer: p.carerRef ?? '',
        editHref: `${base}/placements/${encodeURIComponent(p.placementId)}/edit`,
      })),
    events: [...record.events]
      .sort((a, b) => compareDates(a.date, b.date))
      .map((e) => ({
        id: e.eventId,
        // "12 March 2025 (planned for 5 March 2025)": whether it was held on the day planned.
        date: e.plannedDate && longDate(e.plannedDate) !== longDate(e.date) ? `${longDate(e.date)} (planned for ${longDate(e.plannedDate)})` : e.plannedDate ? `${longDate(e.date)} (as planned)` : longDate(e.date),
        type: eventLabel(e.type),
        route: routeLabel(e.route),
        note: e.note ?? '',
        editHref: `${base}/events/${encodeURIComponent(e.eventId)}/edit`,
      })),
    plans: [...(record.plans ?? [])]
      .sort((a, b) => compareDates(a.plannedDate, b.plannedDate))
      .map((p) => ({ id: p.eventId, date: longDate(p.plannedDate), type: eventLabel(p.type), status: p.status === 'planned' ? 'Planned' : 'Cancelled', reason: p.reason ?? '', editHref: `${base}/events/${encodeURIComponent(p.eventId)}/edit` })),
    journeys,
    sinceLastDecision: sinceLastDecisionWords(timeline.model, { withDate: true }),
    waiting: journeys.flatMap(({ aimName, rows }) => rows.filter((row) => row.status === 'waiting' || row.status === 'overdue').map((row) => ({ aimName, row }))),
    timeline: presentChildTimeline(code, timeline.model, timeline.svg),
    history: history.map(presentChange),
    links: { edit: `${base}/edit`, addPlacement: `${base}/placements/new`, addEvent: `${base}/events/new` },
  };
}

const entityWords = { child: 'Child details', placement: 'Placement', event: 'Event' } as const;
const changeWords = { edit: 'changed', delete: 'deleted', restore: 'restored' } as const;
const hiddenColumns = new Set(['version', 'recorded_at', 'recorded_by', 'deleted_at', 'deleted_by']);

function presentChange(change: RecordChange): { when: string; who: string; what: string; changes: string[] } {
  const what = change.entity === 'child' ? `${entityWords.child} ${changeWords[change.change]}` : `${entityWords[change.entity]} ${change.recordId} ${changeWords[change.change]}`;
  const changes: string[] = [];
  if (change.change === 'edit') {
    for (const [column, before] of Object.entries(change.before)) {
      if (hiddenColumns.has(column)) continue;
      const after = change.after[column] ?? null;
      if ((before ?? null) !== after) changes.push(`${column.replace(/_/g, ' ')}: ${shown(before)} → ${shown(after)}`);
    }
  }
  return { when: formatInstant(change.changedAt), who: change.changedBy, what, changes };
}

function shown(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(blank)' : String(value);
}
