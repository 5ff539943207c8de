/**
 * The partners' version of a meeting pack (docs/decisions/0032-partner-charts-and-packs.md), for a
 * multi-agency partner, who sees no child: each aim's sentence, answer and figures as the partners'
 * poster shows them, with its months and quarters suppressed with the figures (partner-trends.ts);
 * the tests of change with their titles and outcomes; the meeting's actions with their owners and
 * dates. Every piece of the team's own words it shows — the tests' titles, the actions' words and
 * owners, who was there — is checked, as it is made, for a child's reference, name or date of birth,
 * or the name of a worker or team of fewer than 5 children (partnerIdentifiersIn), and withheld
 * when it holds one. Left out: the run charts whose dots are
 * children, the waiting chart, the PDSA cycles' free text, the balancing measures, data quality and
 * the meeting's notes (free text that nothing checks).
 */
import type { PackActions, PartnerPackDocument } from '../charts/pack-document.js';
import { isAfter, longDate, type PlainDate } from '../domain/date.js';
import { personWords, type GroupPerson } from '../domain/improvement/aim-group.js';
import type { IdentifyingValues } from '../domain/improvement/identifying-text.js';
import type { MeetingAction } from '../domain/improvement/meeting-actions.js';
import { previousMeeting } from '../domain/improvement/meeting-window.js';
import { partnerIdentifiersIn } from '../domain/improvement/poster.js';
import { suppressedMark } from '../domain/national/suppression.js';
import { findAttendance, identifyingValuesOf, listActions, listMeetings, type Connection, type Meeting, type StoredAuthority } from '../store/index.js';
import type { FiguresCache } from './figures-cache.js';
import { packActions } from './meeting-pack.js';
import { posterFor } from './poster.js';
import type { PosterDocument } from '../charts/poster-document.js';

/** The partners' pack of the meeting on `date`, as at that date (today for one still to come); null when there is no meeting that day. */
export async function partnerMeetingPackFor(connection: Connection, cache: FiguresCache, stored: StoredAuthority, date: PlainDate, today: PlainDate): Promise<PartnerPackDocument | null> {
  const meetings = await listMeetings(connection, stored.scope);
  const meeting = meetings.find((m) => m.date.toString() === date.toString());
  if (!meeting) return null;
  // The partners' poster as at the meeting's date holds the aims and the tests as a partner reads them.
  const [poster, actions, attendance, identifying] = await Promise.all([
    posterFor(connection, cache, stored, isAfter(date, today) ? today : date, today, 'partner'),
    listActions(connection, stored.scope),
    findAttendance(connection, stored.scope, date),
    identifyingValuesOf(connection, stored.scope),
  ]);
  return partnerMeetingPack({ poster, meeting, meetings, actions, attendance, identifying });
}

export interface PartnerPackInputs {
  /** The partners' poster as at the meeting's date (app/poster.ts). */
  readonly poster: PosterDocument;
  readonly meeting: Meeting;
  readonly meetings: readonly Meeting[];
  readonly actions: readonly MeetingAction[];
  readonly attendance: readonly GroupPerson[] | null;
  readonly identifying: IdentifyingValues;
}

const withheldWords = 'withheld: its words could identify a child';

export function partnerMeetingPack(inputs: PartnerPackInputs): PartnerPackDocument {
  const { poster, meeting } = inputs;
  const date = meeting.date;
  const safe = (text: string) => partnerIdentifiersIn(text, inputs.identifying).length === 0;
  const withheld = [...poster.withheld.filter((w) => w.startsWith('the title of'))];
  // An action whose words, or whose owner's name, could identify a child is listed by number only.
  const unsafeActions = inputs.actions.filter((a) => !safe(a.text) || !safe(personWords(a.owner))).map((a) => a.number);
  const actions = inputs.actions.map((a): MeetingAction => (unsafeActions.includes(a.number) ? { ...a, text: `(${withheldWords})`, owner: { kind: 'partner', name: 'withheld', organisation: '' } } : a));
  const window = { after: previousMeeting(inputs.meetings.map((m) => m.date), date), to: date };
  const reviewed: PackActions = packActions(actions, inputs.attendance, window);
  const listed = unsafeActions.filter((n) => [...reviewed.due, ...reviewed.done].some((a) => a.text.startsWith(`A${n}:`)));
  if (listed.length > 0) withheld.push(`the words of ${listed.map((n) => `A${n}`).join(', ')}`);
  const attendance = reviewed.attendance && reviewed.attendance.map((name) => (safe(name) ? name : `(a name ${withheldWords})`));
  return {
    audience: 'partner',
    title: `Meeting pack for partners: ${meeting.title}, ${longDate(date)}`,
    authorityName: poster.authorityName,
    meetingWords: `${meeting.title}, ${longDate(date)}`,
    asAtWords: poster.asAtWords,
    aboutWords: `This is the partners’ pack: figures and charts only, never a child. A count under 5, and any count that would give one away, reads ${suppressedMark} (confidential), with no percentage; a month whose counts are hidden is not drawn. The team’s pack also holds the run charts (one dot a child), the waiting charts, the PDSA cycles, the balancing measures and data quality, which partners do not see.`,
    aimSentences: poster.aimSentences,
    actions: { ...reviewed, attendance },
    aims: poster.aims.flatMap((aim, i) =>
      aim.trends ? [{ name: aim.name, answer: aim.answer, sentence: poster.aimSentences[i] ?? '', figures: aim.figures, target: aim.target, months: aim.trends.months, quarters: aim.trends.quarters }] : [],
    ),
    tests: poster.tests.map((t) => ({ heading: t.heading, outcome: t.outcome, detail: t.detail })),
    testsNote: poster.testsNote,
    withheld,
  };
}
