/**
 * A champions' group meeting pack (issue 8): first the actions the meeting reviews — due by it and
 * not done, and done since the previous meeting — and who was there (issue 20, point 2); then for each aim, as at the meeting date, the answer to
 * "are we getting better?" first (the dashboard's sentence), then its sentence, headline figures,
 * run chart (with the tests of change marked), what the rules say and the waiting chart — the
 * dashboard's own presenters and charts, each chart with words for a reader who cannot see it; then the tests of change with the PDSA cycles
 * dated since the previous meeting; then the balancing measures; then the data-quality report's
 * counts by rule. The printable page and `pace pack` both show this one value.
 */
import { aimRunChartSvg, aimWaitingChartSvg } from '../charts/aim-charts.js';
import { balancingChartSvg, formatBalancingValue } from '../charts/balancing-charts.js';
import type { PackAction, PackActions, PackDocument, PackTest } from '../charts/pack-document.js';
import { longDate, monthWords } from '../domain/date.js';
import { isAfter, isBefore, type PlainDate } from '../domain/date.js';
import { personWords, type GroupPerson } from '../domain/improvement/aim-group.js';
import { actionsReview, type MeetingAction } from '../domain/improvement/meeting-actions.js';
import { balancingChart, balancingMeasures } from '../domain/improvement/balancing.js';
import { actDecisionLabels, agencyLabels, testScaleLabels, testStatusLabels } from '../domain/improvement/codes.js';
import { cyclePartLabels } from '../domain/improvement/improvement-words.js';
import { groupWords, measurementWords, studyNumberLines } from '../domain/improvement/test-data.js';
import { previousMeeting, testsInWindow, type MeetingWindow } from '../domain/improvement/meeting-window.js';
import type { CyclePart, PdsaCycle, TestOfChange } from '../domain/improvement/test-of-change.js';
import { qualityJson } from '../domain/quality/quality-json.js';
import { qualityReport } from '../domain/quality/quality-report.js';
import type { ChildRecord } from '../domain/records.js';
import { findAttendance, listActions, listMeetings, listTests, type Connection, type Meeting, type StoredAuthority } from '../store/index.js';
import type { FiguresCache } from './figures-cache.js';
import type { AuthorityFigures } from './authority-figures.js';
import { aimWords, answerSentence } from './aim-words.js';
import { summariseVerdicts } from './verdict-words.js';
import { formatWeeks, plural } from './format.js';

/**
 * The pack of the authority's meeting on `date`, as at that date (or today, for a meeting still to
 * come), from the figures cache; null when the authority has no meeting that day. The page, the
 * PDF and `pace pack` all make it here.
 */
export async function meetingPackFor(connection: Connection, cache: FiguresCache, stored: StoredAuthority, date: PlainDate, today: PlainDate): Promise<PackDocument | null> {
  const meetings = await listMeetings(connection, stored.scope);
  if (!meetings.some((m) => m.date.toString() === date.toString())) return null;
  const [figures, actions, attendance] = await Promise.all([cache.figures(stored, isAfter(date, today) ? today : date), listActions(connection, stored.scope), findAttendance(connection, stored.scope, date)]);
  // Made once for the figures' data version (tests of change included), the meetings, their actions
  // and this one's attendance as they stand: drawing its charts and the data-quality report takes
  // seconds for a large authority.
  const key = `meeting-pack|${date.toString()}|${JSON.stringify([meetings.map((m) => [m.date.toString(), m.title, m.notes]), actions, attendance])}`;
  return cache.made(figures, key, async () => {
    const [records, tests] = await Promise.all([cache.records(stored, figures), listTests(connection, stored.scope)]);
    return meetingPack({ figures, records, tests, meetings, actions, attendance }, date);
  });
}

export interface PackInputs {
  /** The authority's figures as at the meeting date. */
  readonly figures: AuthorityFigures;
  readonly records: readonly ChildRecord[];
  readonly tests: readonly TestOfChange[];
  readonly meetings: readonly Meeting[];
  /** Every action the meetings agreed. */
  readonly actions: readonly MeetingAction[];
  /** Who was at this meeting; null when nobody has recorded it. */
  readonly attendance: readonly GroupPerson[] | null;
}

/** The pack for the meeting on `date`; null when the authority has no meeting that day. */
export function meetingPack(inputs: PackInputs, date: PlainDate): PackDocument | null {
  const meeting = inputs.meetings.find((m) => m.date.toString() === date.toString());
  if (!meeting) return null;
  const { figures } = inputs;
  const programmeStart = figures.authority.programmeStart;
  const previous = previousMeeting(
    inputs.meetings.map((m) => m.date),
    date,
  );
  const window: MeetingWindow = { after: previous, to: date };
  const aims = figures.aims.map((result) => {
    const words = aimWords(result.figures);
    const answer = answerSentence(result.aim, result.answer);
    const points = result.chart.series.weeks.length;
    const waiting = result.chart.series.waiting;
    const longest = waiting.reduce((most, w) => Math.max(most, w.weeks), 0);
    return {
      id: result.aim.id,
      name: result.aim.name,
      answer: { kind: result.answer.kind, words: answer },
      sentence: result.sentence,
      headline: words.headline,
      lines: [...(words.headline ? [] : [words.noPercentage]), words.counts, ...(words.target ? [words.target] : []), words.median, words.waiting, ...(words.backlog ? [words.backlog] : [])],
      runSvg: aimRunChartSvg(result.aim, result.chart, programmeStart, result.marks),
      runAlt: `Run chart of ${result.aim.name}: ${plural(points, 'child', 'children')}, one dot each at the date they reached the milestone, height the weeks it took. ${answer}`,
      waitingSvg: aimWaitingChartSvg(result.aim, result.chart.series),
      waitingSmallSvg: aimWaitingChartSvg(result.aim, result.chart.series, { size: 'small' }),
      waitingAlt:
        waiting.length === 0
          ? `Waiting chart of ${result.aim.name}: nobody is still waiting.`
          : `Waiting chart of ${result.aim.name}: ${plural(waiting.length, 'child', 'children')} still waiting, one bar each, its length the weeks waited so far; the longest ${formatWeeks(longest)}.`,
      verdicts: summariseVerdicts(result.chart),
      marksKey: result.marks.map((m) => `${m.label}: ${m.description}`),
    };
  });
  const aimNames = new Map(figures.aims.map((r) => [r.aim.id, r.aim.name]));
  const tests = testsInWindow(inputs.tests, window).map(
    ({ test, cycles }): PackTest => ({
      heading: `T${test.number}: ${test.title}`,
      lines: [
        `Status: ${testStatusLabels[test.status]}. Scale: ${testScaleLabels[test.scale]}. Started ${longDate(test.start)}. Owner: ${test.owner}.`,
        `Agencies: ${test.agencies.map((a) => agencyLabels[a]).join(', ')}.`,
        `Aims: ${test.aimIds.map((id) => aimNames.get(id) ?? id).join('; ')}.`,
        // The group in words only: a pack is printed and passed round, so the children are not named.
        ...(test.runsWith && test.runsWith.kind !== 'everyone' ? [`Runs with ${groupWords(test.runsWith)}.`] : []),
        `The change: ${test.change}`,
        // Every cycle's numbers, not only those studied since the last meeting: the series is what the meeting reads.
        ...studyNumberLines(test),
      ],
      cycles: cycles.map(({ cycle, parts }) => ({ heading: `Cycle ${cycle.number}: ${parts.map((p) => cyclePartLabels[p]).join(', ')} since the last meeting`, parts: parts.map((p) => cyclePartLines(cycle, p)) })),
    }),
  );
  const balancing = balancingMeasures(inputs.records, figures.asAt).map((measure) => {
    const chart = balancingChart(measure, programmeStart);
    const last = chart.plotted[chart.plotted.length - 1];
    return {
      name: measure.name,
      definition: measure.definition,
      svg: balancingChartSvg(chart, programmeStart),
      smallSvg: balancingChartSvg(chart, programmeStart, [], 'small'),
      alt: `Run chart of ${measure.name}, one dot a month${last ? `; the latest, ${monthWords(last.month)}, ${formatBalancingValue(chart, last.value)}` : ''}.`,
      latest: last ? `Latest month, ${monthWords(last.month)}: ${formatBalancingValue(chart, last.value)}.` : 'No month has a value yet.',
      verdicts: chart.verdicts,
    };
  });
  const quality = qualityJson(qualityReport(inputs.records, figures.asAt));
  return {
    title: `Meeting pack: ${meeting.title}, ${longDate(date)}`,
    authorityName: figures.authority.name,
    meetingWords: `${meeting.title}, ${longDate(date)}`,
    periodWords: previous
      ? `Tests of change: the PDSA cycles with a plan, a Do, a Study or an Act dated after the previous meeting on ${longDate(previous)}, up to ${longDate(date)}.`
      : `Tests of change: this is the first meeting recorded, so every PDSA cycle dated up to ${longDate(date)}.`,
    asAt: figures.asAt.toString(),
    asAtWords: `Figures as at ${longDate(figures.asAt)}${programmeStart ? `; programme start ${longDate(programmeStart)}` : '; no programme start date set'}.`,
    notes: meeting.notes,
    actions: packActions(inputs.actions, inputs.attendance, window),
    aims,
    tests,
    balancing,
    quality: {
      summary: `${plural(quality.children, 'child', 'children')}; ${plural(quality.problems.length, 'problem')} to look at.`,
      rows: quality.problem_counts.map((c) => ({ code: c.rule, kind: c.severity === 'error' ? 'Error' : 'Warning', count: c.count })),
    },
  };
}

/** The actions the meeting reviews, each with its owner and dates, and who was there. */
export function packActions(actions: readonly MeetingAction[], attendance: readonly GroupPerson[] | null, window: MeetingWindow): PackActions {
  const review = actionsReview(actions, window);
  const text = (a: MeetingAction) => `A${a.number}: ${a.text}`;
  const agreed = (a: MeetingAction) => `Agreed at the meeting on ${longDate(a.raisedAt)}.`;
  const due = review.due.map(({ action, overdueBefore }): PackAction => {
    const when = isBefore(action.due, window.to) ? `Overdue: due ${longDate(action.due)}${overdueBefore ? ', before the previous meeting' : ''}.` : `Due ${longDate(action.due)}, the day of this meeting.`;
    return { text: text(action), details: `Owner: ${personWords(action.owner)}. ${when} ${agreed(action)}` };
  });
  const done = review.done.map((action): PackAction => {
    const late = isAfter(action.done as PlainDate, action.due) ? ', after its due date' : '';
    return { text: text(action), details: `Owner: ${personWords(action.owner)}. Due ${longDate(action.due)}; done ${longDate(action.done as PlainDate)}${late}. ${agreed(action)}` };
  });
  return {
    periodWords: window.after
      ? `The actions due by this meeting and not done on ${longDate(window.to)}, and those done after the previous meeting on ${longDate(window.after)}, up to ${longDate(window.to)}.`
      : `This is the first meeting recorded: the actions due by it and not done on ${longDate(window.to)}, and every action done by then.`,
    due,
    done,
    attendance: attendance && attendance.map(personWords),
  };
}

function cyclePartLines(cycle: PdsaCycle, part: CyclePart): { title: string; lines: string[] } {
  switch (part) {
    case 'plan':
      return {
        title: `Plan (for ${longDate(cycle.plan.when)})`,
        lines: [`What: ${cycle.plan.what}`, `Who: ${cycle.plan.who}. Where: ${cycle.plan.where}.`, `Prediction: ${cycle.plan.prediction}`, `Measures: ${cycle.plan.measures}`],
      };
    case 'do':
      return { title: `Do (${longDate((cycle.do as NonNullable<PdsaCycle['do']>).date)})`, lines: [`What happened: ${cycle.do?.whatHappened ?? ''}`, ...(cycle.do?.observations ? [`Observations: ${cycle.do.observations}`] : [])] };
    case 'study':
      return {
        title: `Study (${longDate((cycle.study as NonNullable<PdsaCycle['study']>).date)})`,
        lines: [
          `Result against the prediction: ${cycle.study?.result ?? ''}`,
          ...(cycle.study?.numbers ? [`Numbers: ${cycle.study.numbers}`] : []),
          ...(cycle.study?.measurements ?? []).map((m) => `${longDate(m.date)}: ${measurementWords(m)}`),
          ...(cycle.study?.quotes ? [`What people said: ${cycle.study.quotes}`] : []),
        ],
      };
    case 'act': {
      const act = cycle.act as NonNullable<PdsaCycle['act']>;
      return { title: `Act (${longDate(act.date)})`, lines: [`Decision: ${actDecisionLabels[act.decision]}.`, `Next step: ${act.nextStep}`] };
    }
    default:
      return { title: '', lines: [] };
  }
}
