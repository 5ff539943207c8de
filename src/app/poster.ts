/**
 * An authority's poster as at a date (issue 20, point 1; docs/decisions/0023-poster.md), in the shape
 * of the programme's own posters: the aims as sentences; for each aim the answer to "are we getting
 * better?", its figure for the last 12 months beside its figure since the from-date, and its run
 * chart with the tests of change marked; the tests of change with what the team decided (adopt,
 * adapt, abandon); and the team's own words — what we have done, key learning, next steps, contact.
 * The print page, the PDFs and `pace poster` all show this one value.
 *
 * It shows aggregates only. The run charts name no child; the team's words and the tests' titles
 * are checked, as they are made into the poster, for anything that could identify one of the
 * authority's children (a reference, a name, a date of birth) and withheld if they hold any — the
 * form refuses such words, but a child recorded after they were saved could be named by them.
 */
import { partnerAsAt } from '../domain/national/national-period.js';
import { aimRunChartSvg } from '../charts/aim-charts.js';
import type { PosterAim, PosterDocument, PosterFigure, PosterOutcomeKind, PosterSection, PosterTest } from '../charts/poster-document.js';
import { windowFigures } from '../domain/aim-window.js';
import { isAfter, longDate, type PlainDate } from '../domain/date.js';
import { actDecisionLabels, type ActDecision } from '../domain/improvement/codes.js';
import type { IdentifyingValues } from '../domain/improvement/identifying-text.js';
import { childIdentifiersIn, emptyPosterText, partnerIdentifiersIn, outcomeRank, posterPoints, posterTextIdentifiers, posterTextParts, testOutcome, type PosterText, type PosterTextPart, type TestOutcome } from '../domain/improvement/poster.js';
import type { TestOfChange } from '../domain/improvement/test-of-change.js';
import { findPosterText, identifyingValuesOf, listTests, type Connection, type StoredAuthority } from '../store/index.js';
import type { AuthorityFigures } from './authority-figures.js';
import type { FiguresCache } from './figures-cache.js';
import { aimWords, answerSentence } from './aim-words.js';
import { partnerAnswerWords, type PublishedFigure } from '../domain/partner-figures.js';
import { partnerAimTrends } from './partner-trends.js';
import { suppressedMark } from '../domain/national/suppression.js';
import { countText, formatCount, formatPercent, plural } from './format.js';

/** The months of the recent figure beside the figure since the from-date (the dashboard's default). */
export const posterWindowMonths = 12;

/** At most this many tests of change are listed: a poster is one page. */
export const posterMaxTests = 12;

export const posterSectionHeadings: Readonly<Record<PosterTextPart, string>> = {
  done: 'What have we done so far?',
  learning: 'Key learning points',
  nextSteps: 'Next steps',
  contact: 'Further information',
};

/**
 * Who the poster is for: the authority's own team, or a multi-agency partner, who sees every count
 * under 5 as `[c]` (with the secondary suppression of the national view) and, for the run chart
 * whose dots are children, the percentage in time month by month and quarter by quarter, suppressed
 * with the figures (docs/decisions/0027-partner-access.md, 0032-partner-charts-and-packs.md).
 */
export type PosterAudience = 'team' | 'partner';

/**
 * The poster of the authority as at `asAt` (today for a date still to come), from the figures
 * cache: made once for the figures' data version (tests of change included), the team's words as
 * they stand, today's date and the audience.
 */
export async function posterFor(connection: Connection, cache: FiguresCache, stored: StoredAuthority, asAt: PlainDate, today: PlainDate, audience: PosterAudience = 'team'): Promise<PosterDocument> {
  // A partner's figures move in whole months, as the national view's do.
  const figures = await cache.figures(stored, audience === 'partner' ? partnerAsAt(asAt, today) : isAfter(asAt, today) ? today : asAt);
  const text = (await findPosterText(connection, stored.scope))?.text ?? emptyPosterText;
  const key = `poster|${audience}|${today.toString()}|${JSON.stringify(text)}`;
  return cache.made(figures, key, async () => {
    const [tests, identifying] = await Promise.all([listTests(connection, stored.scope), identifyingValuesOf(connection, stored.scope)]);
    return poster({ figures, tests, text, identifying, audience }, today);
  });
}

export interface PosterInputs {
  readonly figures: AuthorityFigures;
  readonly tests: readonly TestOfChange[];
  readonly text: PosterText;
  /** What could identify one of the authority's children, to keep off the poster. */
  readonly identifying: IdentifyingValues;
  /** The team's (the default) or a partner's. */
  readonly audience?: PosterAudience;
}

/** A partner's figure: "58.3% in time" and "7 of 12 journeys", or `[c]` for a hidden count. */
function partnerFigureWords(label: string, figure: PublishedFigure): PosterFigure {
  const n = figure.n === suppressedMark ? `${suppressedMark} journeys` : plural(figure.n, 'journey');
  return {
    label,
    value: figure.percentage !== null ? `${formatPercent(figure.percentage)} in time` : figure.suppressed ? `${suppressedMark}: a count under 5` : 'No figure yet',
    counts: `${countText(figure.inTime)} of ${n}`,
  };
}

/** The poster of `inputs.figures`' authority as at their date. */
export function poster(inputs: PosterInputs, today: PlainDate): PosterDocument {
  const { figures } = inputs;
  const asAt = figures.asAt;
  const programmeStart = figures.authority.programmeStart;
  const withheld: string[] = [];

  // Tests whose title could identify a child are listed, and marked on the charts, by number only;
  // for a partner, so are those naming a worker or team of fewer than 5 children.
  const forPartner = inputs.audience === 'partner';
  const identifies = (text: string) => (forPartner ? partnerIdentifiersIn(text, inputs.identifying) : childIdentifiersIn(text, inputs.identifying)).length > 0;
  const unsafeTitles = new Set(inputs.tests.filter((t) => identifies(t.title)).map((t) => t.number));
  if (unsafeTitles.size > 0) withheld.push(`the title of ${[...unsafeTitles].map((n) => `T${n}`).join(', ')}`);
  const testTitle = (t: TestOfChange) => (unsafeTitles.has(t.number) ? `T${t.number} (its title is withheld: it could identify a child)` : `T${t.number}: ${t.title}`);

  const aims = figures.aims.map((result): PosterAim => {
    const words = aimWords(result.figures);
    const recent = windowFigures(result.figures, posterWindowMonths);
    const answer = answerSentence(result.aim, result.answer);
    const points = result.chart.series.weeks.length;
    const marks = result.marks.map((m) => (unsafeTitles.has(m.testNumber) ? { ...m, description: `Test ${m.testNumber}: ${m.kind === 'start' ? 'started' : 'acted on'} ${m.date.toString()}` } : m));
    const wholeLabel = result.figures.fromDate ? `Since ${longDate(result.figures.fromDate)}` : 'Since records began';
    if (forPartner) {
      // The figures, months and quarters suppressed together: none gives another's hidden count away.
      const trends = partnerAimTrends(result, programmeStart, posterWindowMonths);
      const partnerAnswer = partnerAnswerWords(result.answer);
      return {
        id: result.aim.id,
        name: result.aim.name,
        answer: { kind: result.answer.kind, words: partnerAnswer },
        figures: [partnerFigureWords(`Last ${posterWindowMonths} months`, trends.recent), partnerFigureWords(wholeLabel, trends.whole)],
        target: words.target,
        runSvg: trends.months.smallSvg,
        runAlt: `${trends.months.alt} ${partnerAnswer}`,
        trends: { months: trends.months, quarters: trends.quarters },
      };
    }
    return {
      id: result.aim.id,
      name: result.aim.name,
      answer: { kind: result.answer.kind, words: answer },
      figures: [
        {
          label: `Last ${posterWindowMonths} months`,
          value: recent.percentage === null ? 'No figure yet' : `${formatPercent(recent.percentage)} in time`,
          counts: `${formatCount(recent.counts.in_time)} of ${plural(recent.n, 'journey')}`,
        },
        {
          label: wholeLabel,
          value: words.headline ?? 'No figure yet',
          counts: `${formatCount(result.figures.counts.in_time)} of ${plural(result.figures.n, 'journey')}`,
        },
      ],
      target: words.target,
      runSvg: aimRunChartSvg(result.aim, result.chart, programmeStart, marks, { size: 'small', anonymous: true }),
      runAlt: `Run chart of ${result.aim.name}: ${plural(points, 'child', 'children')}, one dot each at the date they reached the milestone, height the weeks it took${marks.length > 0 ? `; ${plural(new Set(marks.map((m) => m.testNumber)).size, 'test')} of change marked` : ''}. ${answer}`,
    };
  });

  const aimNames = new Map(figures.aims.map((r) => [r.aim.id, r.aim.name]));
  const outcomes = inputs.tests
    .map((test) => ({ test, outcome: testOutcome(test, asAt, today) }))
    .filter((t): t is { test: TestOfChange; outcome: TestOutcome } => t.outcome !== null)
    .sort((a, b) => outcomeRank(a.outcome) - outcomeRank(b.outcome) || a.test.number - b.test.number);
  const tests = outcomes.slice(0, posterMaxTests).map(({ test, outcome }): PosterTest => {
    const aimsServed = test.aimIds.map((id) => aimNames.get(id) ?? id);
    const { kind, label, detail } = outcomeWords(outcome);
    return { heading: testTitle(test), outcomeKind: kind, outcome: label, detail: `${detail}${aimsServed.length ? ` ${aimsServed.join('; ')}.` : ''}`.trim() };
  });
  const left = outcomes.length - tests.length;
  const testsNote =
    outcomes.length === 0
      ? `No test of change had started by ${longDate(asAt)}.`
      : left > 0
        ? `${plural(left, 'more test')} of change ${left === 1 ? 'is' : 'are'} on the improvement page in pace.`
        : null;

  const unsafe = new Set(posterTextIdentifiers(inputs.text, inputs.identifying).map((p) => p.part));
  if (forPartner) for (const part of posterTextParts) if (partnerIdentifiersIn(inputs.text[part], inputs.identifying).length > 0) unsafe.add(part);
  const sections = posterTextParts.map((part): PosterSection => {
    if (!unsafe.has(part)) return { heading: posterSectionHeadings[part], points: posterPoints(inputs.text[part]) };
    withheld.push(posterSectionHeadings[part]);
    return { heading: posterSectionHeadings[part], points: ['Withheld from the poster: these words could identify a child. Change the poster’s text in pace.'] };
  });

  return {
    title: `${figures.authority.name} – PACE`,
    authorityName: figures.authority.name,
    subtitle: `Permanence and Care Excellence: our aims, what our data say, and the changes we are testing, as at ${longDate(asAt)}.`,
    asAtWords: `Figures as at ${longDate(asAt)}${programmeStart ? `; programme start ${longDate(programmeStart)}` : '; no programme start date set'}.`,
    aimSentences: figures.aims.map((r) => r.sentence),
    aims,
    tests,
    testsNote,
    sections,
    withheld,
    footer: `Made by pace from ${figures.authority.name}’s records as at ${longDate(asAt)}. Every figure counts journeys (a child accommodated twice is counted twice); no child is named.${
      forPartner ? ` This is the partners’ poster: a count under 5, and any count that would give one away, reads ${suppressedMark} (confidential), with no percentage.` : ''
    }`,
  };
}

/** A test's outcome in words: its kind, its label ("Adopt") and what each cycle decided. */
function outcomeWords(outcome: TestOutcome): { kind: PosterOutcomeKind; label: string; detail: string } {
  // Acts come in cycle order, and a cycle follows only an Act: the acted cycles are the first ones.
  const history = (decisions: readonly ActDecision[], cycles: number) => {
    const decided = decisions.map((d, i) => `${i === 0 ? 'Cycle' : 'cycle'} ${i + 1}: ${actDecisionLabels[d].toLowerCase()}`).join('; ');
    const open = cycles > decisions.length ? `${decided ? ' ' : ''}Cycle ${cycles} under way.` : '';
    return `${decided ? `${decided}.` : ''}${open}`;
  };
  switch (outcome.kind) {
    case 'decided':
      return { kind: outcome.decision, label: actDecisionLabels[outcome.decision], detail: `${history(outcome.decisions, outcome.cycles)} Last decided ${longDate(outcome.date)}.` };
    case 'business-as-usual':
      return { kind: 'business-as-usual', label: 'Adopt: now business as usual', detail: history(outcome.decisions, outcome.cycles) || 'Made business as usual.' };
    case 'abandoned':
      return { kind: 'abandon', label: actDecisionLabels.abandon, detail: history(outcome.decisions, outcome.cycles) || 'Abandoned before any cycle.' };
    case 'testing':
      return { kind: 'testing', label: 'Being tested', detail: `${plural(outcome.cycles, 'cycle')}, none acted on yet.` };
    case 'idea':
      return { kind: 'idea', label: 'Not tested yet', detail: 'No cycle planned yet.' };
    default: {
      const never: never = outcome;
      return never;
    }
  }
}
