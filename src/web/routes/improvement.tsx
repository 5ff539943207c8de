/**
 * Improvement work: the overview, tests of change and their PDSA cycles (read by everyone; changed
 * by practitioners and above), and publishing a test to the shared library (data leads).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { longDate, monthWords, type PlainDate } from '../../domain/date.js';
import type { ComponentChildren } from 'preact';
import type { AuthorityFigures } from '../../app/authority-figures.js';
import type { RunChartMark } from '../../charts/run-chart.js';
import { formatCount, plural } from '../../app/format.js';
import { aimMonths, aimMonthsChart, journeysSettledIn } from '../../domain/aim-months.js';
import { groupFigures, groupWords, measurementWords, studySeries } from '../../domain/improvement/test-data.js';
import { filterChoicesOf } from '../../app/figures-cache.js';
import { studySeriesSvg, studyValueText } from '../../charts/study-chart.js';
import { everyChild } from '../../domain/child-filter.js';
import { changeMarks } from '../../domain/improvement/change-marks.js';
import { aimMonthsChartSvg } from '../../charts/aim-months-chart.js';
import { journeyListHref } from '../presenters/journey-list.js';
import { drawnForWidths } from '../views/trusted-svg.js';
import { actDecisionLabels, agencies, agencyLabels, testScaleLabels, testScales, testStatuses, testStatusLabels, type TestStatus } from '../../domain/improvement/codes.js';
import { describeIdentifyingMatches, identifyingValuesIn } from '../../domain/improvement/identifying-text.js';
import { cyclePartLabels } from '../../domain/improvement/improvement-words.js';
import { addCycle, allowedStatuses, changeTest, cycleStage, isClosed, newTest, recordCyclePart, type CyclePart, type PdsaCycle, type TestGroup, type TestOfChange } from '../../domain/improvement/test-of-change.js';
import {
  addTest,
  appendAudit,
  findLibraryIdea,
  findTest,
  listAims,
  listDriverNodes,
  listTests,
  identifyingValuesOf,
  publishedIdeaOf,
  publishToLibrary,
  recordHistory,
  saveTest,
  type UserGrant,
} from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import {
  cyclePartToForm,
  improvementFieldError,
  parseCyclePartForm,
  parsePlanForm,
  parsePublishForm,
  parseTestForm,
  testToForm,
  type FormValues,
  type ListValues,
} from '../forms/improvement-forms.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { CycleForm, ImprovementPage, PublishForm, TestForm, TestPage, type CycleView, type ImprovementModel, type TestModel } from '../views/improvement.js';
import { authorityPath } from '../views/layout.js';

const savedQuery = z.object({ saved: z.string().max(60).optional(), idea: z.coerce.number().int().positive().optional().catch(undefined) });

const statusColours: Readonly<Record<TestStatus, 'green' | 'blue' | 'orange' | 'grey' | 'red' | 'yellow'>> = {
  idea: 'grey',
  testing: 'blue',
  adapting: 'yellow',
  adopted: 'green',
  abandoned: 'red',
  'business-as-usual': 'green',
};

type TestParams = { Params: { code: string; n: string } };
type CycleParams = { Params: { code: string; n: string; c: string; part: string } };

export function testHref(code: string, n: number): string {
  return authorityPath(code, `/tests/${n}`);
}

export function registerImprovementRoutes(app: FastifyInstance, ctx: WebContext): void {
  const testOf = async (grant: UserGrant, n: string): Promise<TestOfChange> => {
    const number = Number(n);
    const test = Number.isInteger(number) && number > 0 ? await findTest(ctx.connection, grant.scope, number) : null;
    if (!test) throw new HttpError(404, 'Page not found');
    return test;
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/improvement', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const code = grant.scope.code;
    const [tests, aims] = await Promise.all([listTests(ctx.connection, grant.scope), listAims(ctx.connection, grant.scope)]);
    const aimNames = new Map(aims.map((a) => [a.id, a.name]));
    const { saved } = savedQuery.parse(request.query);
    return sendPage(
      reply,
      ImprovementPage({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        notice: saved ? `${saved} saved.` : null,
        model: {
          summary: testsSummary(code, tests),
          tests: tests.map((t) => ({
            number: t.number,
            title: t.title,
            href: testHref(code, t.number),
            status: testStatusLabels[t.status],
            statusColour: statusColours[t.status],
            aims: t.aimIds.map((id) => aimNames.get(id) ?? id).join('; '),
            start: longDate(t.start),
            cycles: t.cycles.length === 0 ? 'none yet' : `${t.cycles.length} (the last ${stageWords(t.cycles[t.cycles.length - 1] as PdsaCycle)})`,
          })),
          diagrams: aims.map((a) => ({ text: `Driver diagram: ${a.name}`, href: authorityPath(code, `/aims/${encodeURIComponent(a.id)}/drivers`) })),
          newTestHref: may(grant, 'improve') ? authorityPath(code, '/tests/new') : null,
          libraryHref: authorityPath(code, '/library'),
          meetingsHref: authorityPath(code, '/meetings'),
          posterHref: authorityPath(code, '/poster'),
          balancingHref: authorityPath(code, '/balancing'),
        },
      }),
    );
  });

  /** The choices of the test form: the authority's aims, drivers and change ideas, and the teams and children a test may run with. */
  const formChoices = async (grant: UserGrant) => {
    const figures = await ctx.cache.figures(grant, ctx.today());
    const [aims, nodes, records, { teams }] = await Promise.all([listAims(ctx.connection, grant.scope), listDriverNodes(ctx.connection, grant.scope), ctx.cache.records(grant, figures), filterChoicesOf(ctx.cache, grant, figures)]);
    const aimNames = new Map(aims.map((a) => [a.id, a.name]));
    const drivers = nodes.filter((n) => n.kind !== 'change-idea');
    const ideas = nodes.filter((n) => n.kind === 'change-idea');
    return {
      aims,
      choices: { aimIds: aims.map((a) => a.id), driverIds: drivers.map((n) => n.id), changeIdeaIds: ideas.map((n) => n.id), teams, childIds: new Set(records.map((r) => r.child.childId)) },
      options: {
        aims: aims.map((a) => ({ value: a.id, label: a.name })),
        drivers: drivers.map((n) => ({ value: String(n.id), label: `${n.text} (${n.kind === 'primary' ? 'primary' : 'secondary'} driver, ${aimNames.get(n.aimId) ?? n.aimId})` })),
        changeIdeas: ideas.map((n) => ({ value: String(n.id), label: `${n.text} (${aimNames.get(n.aimId) ?? n.aimId})` })),
        teams: teams.map((t) => ({ value: t, label: t })),
      },
    };
  };

  const showTestForm = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, form: { values: FormValues; lists: ListValues; errors: readonly FieldError[]; test: TestOfChange | null; fromLibrary: string | null }) => {
    const { options } = await formChoices(grant);
    const code = grant.scope.code;
    return sendPage(
      reply,
      TestForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: {
          title: form.test ? `Change test T${form.test.number}` : 'Start a test of change',
          action: form.test ? `${testHref(code, form.test.number)}/edit` : authorityPath(code, '/tests/new'),
          cancelHref: form.test ? testHref(code, form.test.number) : authorityPath(code, '/improvement'),
          values: form.values,
          lists: form.lists,
          errors: form.errors,
          agencies: agencies.map((a) => ({ value: a, label: agencyLabels[a] })),
          ...options,
          scales: testScales.map((s) => ({ value: s, label: testScaleLabels[s] })),
          statuses: form.test ? [...new Set([form.test.status, ...allowedStatuses(form.test)])].map((s) => ({ value: s, label: testStatusLabels[s] })) : null,
          fromLibrary: form.fromLibrary,
        },
      }),
      form.errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/tests/new', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const { idea: ideaId } = savedQuery.parse(request.query);
    const idea = ideaId ? await findLibraryIdea(ctx.connection, ideaId) : null;
    if (ideaId && !idea) throw new HttpError(404, 'Page not found');
    const aims = await listAims(ctx.connection, grant.scope);
    const values: FormValues = idea ? { title: idea.title, change: idea.change, library_idea: String(idea.id), start_date: ctx.today().toString() } : { start_date: ctx.today().toString() };
    const lists: ListValues = idea ? { agencies: [...idea.agencies], aims: aims.filter((a) => a.nationalAim !== null && idea.aims.includes(a.nationalAim)).map((a) => a.id) } : {};
    return showTestForm(request, reply, grant, { values, lists, errors: [], test: null, fromLibrary: idea ? `Started from the library idea "${idea.title}". Change anything to fit how your authority will test it.` : null });
  });

  app.post<{ Params: { code: string } }>('/a/:code/tests/new', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const { choices } = await formChoices(grant);
    const { values, lists, result } = parseTestForm(request.body, choices, ctx.today());
    if (!result.ok) return showTestForm(request, reply, grant, { values, lists, errors: result.errors, test: null, fromLibrary: null });
    const number = await addTest(ctx.connection, grant.scope, newTest(0, result.value.details), { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'add', entity: 'test-of-change', recordId: `T${number}`, clientIp: request.ip });
    return reply.redirect(`${testHref(grant.scope.code, number)}?saved=${encodeURIComponent(`Test T${number}`)}`, 303);
  });

  app.get<TestParams & { Querystring: Record<string, string> }>('/a/:code/tests/:n', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const test = await testOf(grant, request.params.n);
    const { saved } = savedQuery.parse(request.query);
    const model = await presentTest(ctx, grant, test);
    return sendPage(reply, TestPage({ chrome: chromeOf(request, reply, grant, 'improvement'), model, notice: saved ? `${saved} saved.` : null, back: { text: 'Back to the improvement work', href: authorityPath(grant.scope.code, '/improvement') } }));
  });

  app.get<TestParams>('/a/:code/tests/:n/edit', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const test = await testOf(grant, request.params.n);
    return showTestForm(request, reply, grant, { ...testToForm(test), errors: [], test, fromLibrary: null });
  });

  app.post<TestParams>('/a/:code/tests/:n/edit', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const test = await testOf(grant, request.params.n);
    const { choices } = await formChoices(grant);
    const { values, lists, result } = parseTestForm(request.body, choices, ctx.today());
    if (!result.ok) return showTestForm(request, reply, grant, { values, lists, errors: result.errors, test, fromLibrary: null });
    const changed = changeTest(test, { ...result.value.details, libraryIdea: test.libraryIdea }, result.value.status ?? test.status);
    if (!changed.ok) return showTestForm(request, reply, grant, { values, lists, errors: [improvementFieldError(changed.error, 'test')], test, fromLibrary: null });
    await saveTest(ctx.connection, grant.scope, changed.value, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'edit', entity: 'test-of-change', recordId: `T${test.number}`, clientIp: request.ip });
    return reply.redirect(`${testHref(grant.scope.code, test.number)}?saved=${encodeURIComponent(`Test T${test.number}`)}`, 303);
  });

  registerCycleRoutes(app, ctx, testOf);
  registerPublishRoutes(app, ctx, testOf);
}

/**
 * The improvement page's answer: how many tests of change there are, by status, and what each test
 * still being tested waits for — its last cycle to be carried out, studied or acted on.
 */
function testsSummary(code: string, tests: readonly TestOfChange[]): ImprovementModel['summary'] {
  if (tests.length === 0) return { counts: 'No test of change yet.', next: [] };
  const byStatus = testStatuses.map((status) => [status, tests.filter((t) => t.status === status).length] as const).filter(([, count]) => count > 0);
  const counts = `${plural(tests.length, 'test')} of change: ${byStatus.map(([status, count]) => `${formatCount(count)} ${testStatusLabels[status].toLowerCase()}`).join(', ')}.`;
  const next = tests.flatMap((t) => {
    const last = t.cycles[t.cycles.length - 1];
    if (isClosed(t.status) || last === undefined) return [];
    const stage = cycleStage(last);
    if (stage === 'acted') return [];
    return [{ text: `T${t.number}: ${t.title}, ${nextStepWords[stage]}`, href: testHref(code, t.number) }];
  });
  return { counts, next };
}

/** What a cycle not yet acted on waits for. */
const nextStepWords = { planned: 'to be carried out', done: 'to be studied', studied: 'to be acted on' } as const;

function stageWords(cycle: PdsaCycle): string {
  switch (cycleStage(cycle)) {
    case 'planned':
      return 'planned';
    case 'done':
      return `done, ${nextStepWords.done}`;
    case 'studied':
      return `studied, ${nextStepWords.studied}`;
    case 'acted':
      return `acted on: ${actDecisionLabels[(cycle.act as NonNullable<PdsaCycle['act']>).decision].toLowerCase()}`;
    default:
      return '';
  }
}

async function presentTest(ctx: WebContext, grant: UserGrant, test: TestOfChange): Promise<TestModel> {
  const code = grant.scope.code;
  const [aims, nodes, published] = await Promise.all([listAims(ctx.connection, grant.scope), listDriverNodes(ctx.connection, grant.scope), publishedIdeaOf(ctx.connection, grant.scope, test.number)]);
  const idea = test.libraryIdea === null ? null : await findLibraryIdea(ctx.connection, test.libraryIdea);
  const node = (id: number) => nodes.find((n) => n.id === id);
  const canImprove = may(grant, 'improve');
  const base = testHref(code, test.number);
  const last = test.cycles[test.cycles.length - 1];
  const noNewCycle = isClosed(test.status)
    ? `This test is ${testStatusLabels[test.status].toLowerCase()}: it takes no new cycles.`
    : last && !last.act
      ? `Cycle ${last.number} is ${stageWords(last)}: the next cycle can be planned once it has been acted on.`
      : null;
  const actions = canImprove ? [{ text: 'Change the test', href: `${base}/edit` }, ...(noNewCycle ? [] : [{ text: test.cycles.length ? 'Plan the next cycle' : 'Plan the first cycle', href: `${base}/cycles/new` }])] : [];
  if (may(grant, 'publish') && test.cycles.some((c) => c.study)) actions.push({ text: published ? 'Publish the latest results to the library again' : 'Publish the results to the library', href: `${base}/publish` });
  const historyEntries = [
    ...(await recordHistory(ctx.connection, grant.scope, 'test-of-change', `T${test.number}`)).map((h) => ({ at: h.changedAt, text: `Test changed by ${h.changedBy}` })),
    ...(await Promise.all(test.cycles.map(async (c) => (await recordHistory(ctx.connection, grant.scope, 'pdsa-cycle', `T${test.number}.${c.number}`)).map((h) => ({ at: h.changedAt, text: `Cycle ${c.number} changed by ${h.changedBy}` }))))).flat(),
  ].sort((a, b) => (a.at < b.at ? -1 : 1));
  return {
    title: `T${test.number}: ${test.title}`,
    summary: [
      { key: 'Status', value: testStatusLabels[test.status] },
      { key: 'The change', value: test.change },
      { key: 'Change idea', value: test.changeIdea === null ? 'None' : (node(test.changeIdea)?.text ?? 'A change idea since removed') },
      ...(idea ? [{ key: 'From the library', value: <a class="ds_link" href={authorityPath(code, `/library/${idea.id}`)}>{idea.title}</a> }] : []),
      { key: 'Agencies', value: test.agencies.map((a) => agencyLabels[a]).join(', ') },
      { key: 'Owner', value: test.owner },
      {
        key: 'Aims',
        value: (
          <ul class="ds_no-bullets">
            {test.aimIds.map((id) => (
              <li key={id}>
                <a class="ds_link" href={authorityPath(code, `/aims/${encodeURIComponent(id)}`)}>
                  {aims.find((a) => a.id === id)?.name ?? id}
                </a>
              </li>
            ))}
          </ul>
        ),
      },
      { key: 'Drivers', value: test.driverIds.length === 0 ? 'None chosen' : test.driverIds.map((id) => node(id)?.text ?? `driver ${id} (removed)`).join('; ') },
      { key: 'Start date', value: longDate(test.start) },
      { key: 'Scale', value: testScaleLabels[test.scale] },
      // The page needs `view`, which a partner never holds: the children named here are seen only by the authority's own staff.
      ...(test.runsWith && may(grant, 'view') ? [{ key: 'Runs with', value: runsWithValue(code, test) }] : []),
    ],
    actions,
    noNewCycle: canImprove ? noNewCycle : null,
    published: published ? `Published to the library as "${published.title}".` : null,
    cycles: test.cycles.map((c) => presentCycle(base, c, canImprove)),
    history: historyEntries.map((h) => `${h.at.slice(0, 10)}: ${h.text}`),
    measures: await testMeasures(ctx, grant, test),
    studies: studySeries(test).map((series) => ({
      label: series.label,
      svg: drawnForWidths((size) => studySeriesSvg(series, test.number, size)),
      kind: series.kind,
      caption: `${series.label}: ${series.points.length === 1 ? 'one number' : `${series.points.length} numbers`} from ${plural(new Set(series.points.map((p) => p.cycle)).size, 'cycle')}${series.median === null ? '' : `; median ${studyValueText(series.kind, series.median)}`}.`,
      rows: series.points.map((p) => ({ cycle: `Cycle ${p.cycle}`, date: longDate(p.date), count: String(p.measurement.count), outOf: p.measurement.outOf === null ? '—' : String(p.measurement.outOf), value: series.kind === 'percent' ? studyValueText('percent', p.value) : '—' })),
    })),
  };
}

/** The team (a link to its dashboard) or the named children (each a link to the child's record). */
function runsWithValue(code: string, test: TestOfChange): ComponentChildren {
  const group = test.runsWith;
  if (!group || group.kind === 'everyone') return 'Everyone';
  if (group.kind === 'team') {
    return (
      <a class="ds_link" href={`${authorityPath(code, "")}?team=${encodeURIComponent(group.team)}`}>
        {groupWords(group)}
      </a>
    );
  }
  return (
    <>
      {`${groupWords(group)}: `}
      {group.childIds.map((id, i) => (
        <>
          {i > 0 && ', '}
          <a class="ds_link" href={authorityPath(code, `/children/${encodeURIComponent(id)}`)} key={id}>
            {id}
          </a>
        </>
      ))}
    </>
  );
}

/** Each aim the test serves, month by month as at today, with this test's own marks (aim-months.ts). */
async function testMeasures(ctx: WebContext, grant: UserGrant, test: TestOfChange): Promise<TestModel['measures']> {
  if (test.aimIds.length === 0) return [];
  const figures = await ctx.cache.figures(grant, ctx.today());
  const code = grant.scope.code;
  const scope = { asAt: figures.asAt, filter: everyChild };
  // Only the authority's own staff reach this page (it needs `view`); the few are shown to them alone.
  const group = test.runsWith && test.runsWith.kind !== 'everyone' && may(grant, 'view') ? test.runsWith : null;
  return figures.aims
    .filter((result) => test.aimIds.includes(result.aim.id))
    .map((result) => {
      const months = aimMonths(result.figures);
      const chart = aimMonthsChart(months, figures.authority.programmeStart);
      const marks = changeMarks([test], result.aim.id, figures.asAt);
      const monthHref = (month: string) => journeyListHref(code, result.aim.id, 'counted', scope, { month });
      return {
        name: result.aim.name,
        href: `${authorityPath(code, `/aims/${encodeURIComponent(result.aim.id)}`)}#month-by-month`,
        svg: drawnForWidths((size) => aimMonthsChartSvg(result.aim, chart, months, figures.authority.programmeStart, monthHref, marks, size)),
        caption: `${chart.plotted.length} of the last ${months.length} whole months with a journey settled; ${marks.length === 0 ? 'the test has not started yet' : marks.map((m) => m.description).join('; ')}.`,
        group: group && groupMeasure(code, result, group, figures.asAt, figures.authority.programmeStart, marks),
      };
    });
}

/**
 * The aim month by month for just the few the test runs with (test-data.ts), with the same marks: a
 * team's dots link to that month's journeys of the team; for named children, whom no journey list
 * filters to, a table lists each month's children, each a link to the child's record.
 */
function groupMeasure(code: string, result: AuthorityFigures['aims'][number], group: Exclude<TestGroup, { kind: 'everyone' }>, asAt: PlainDate, programmeStart: PlainDate | null, marks: readonly RunChartMark[]): NonNullable<TestModel['measures'][number]['group']> {
  const figures = groupFigures(result.figures, group);
  const months = aimMonths(figures);
  const chart = aimMonthsChart(months, programmeStart);
  const teamScope = group.kind === 'team' ? { asAt, filter: { team: group.team, locality: null, worker: null } } : null;
  // Named children's dots lead to their month's row of the table beside the chart.
  const rowId = (month: string) => `few-${result.aim.id}-${month}`;
  const monthHref = teamScope ? (month: string) => journeyListHref(code, result.aim.id, 'counted', teamScope, { month }) : (month: string) => `#${rowId(month)}`;
  const child = (id: string) => ({ id, href: authorityPath(code, `/children/${encodeURIComponent(id)}`) });
  return {
    title: `For ${groupWords(group)}`,
    svg: drawnForWidths((size) => aimMonthsChartSvg(result.aim, chart, months, programmeStart, monthHref, marks, size)),
    caption: `${groupWords(group)[0]?.toUpperCase() ?? ''}${groupWords(group).slice(1)}: ${chart.plotted.length} of the last ${months.length} whole months with a journey settled; ${figures.n === 0 ? 'none of their journeys has been settled yet' : `${figures.counts.in_time} of ${figures.n} settled journeys in time`}.`,
    months:
      group.kind === 'children'
        ? months
            .filter((m) => m.n > 0)
            .map((m) => ({ id: rowId(m.month.toString().slice(0, 7)), month: monthWords(m.month), inTime: `${formatCount(m.inTime)} of ${formatCount(m.n)}`, children: journeysSettledIn(figures, m.month).map((j) => child(j.journey.childId)) }))
        : null,
  };
}

function presentCycle(base: string, cycle: PdsaCycle, canImprove: boolean): CycleView {
  const href = (part: CyclePart) => `${base}/cycles/${cycle.number}/${part}`;
  const action = (part: CyclePart, recorded: boolean, possible: boolean) => (canImprove && possible ? { text: `${recorded ? 'Change' : 'Record'} the ${cyclePartLabels[part]}`, href: href(part) } : null);
  const opt = (text: string) => (text === '' ? '—' : text);
  return {
    number: cycle.number,
    heading: `Cycle ${cycle.number}: ${stageWords(cycle)}`,
    parts: [
      {
        title: 'Plan',
        items: [
          { key: 'What', value: cycle.plan.what },
          { key: 'Who', value: cycle.plan.who },
          { key: 'Where', value: cycle.plan.where },
          { key: 'When', value: longDate(cycle.plan.when) },
          { key: 'Prediction', value: cycle.plan.prediction },
          { key: 'Measures', value: cycle.plan.measures },
        ],
        action: action('plan', true, true),
      },
      { title: 'Do', items: cycle.do && [{ key: 'Done on', value: longDate(cycle.do.date) }, { key: 'What happened', value: cycle.do.whatHappened }, { key: 'Observations', value: opt(cycle.do.observations) }], action: action('do', cycle.do !== null, true) },
      {
        title: 'Study',
        items: cycle.study && [
          { key: 'Studied on', value: longDate(cycle.study.date) },
          { key: 'Result against the prediction', value: cycle.study.result },
          // The numbers in words written before a Study could record dated numbers stay as they were.
          ...(cycle.study.numbers !== '' || !cycle.study.measurements?.length ? [{ key: 'Numbers', value: opt(cycle.study.numbers) }] : []),
          ...(cycle.study.measurements ?? []).map((m, i) => ({ key: `Number ${i + 1}, ${longDate(m.date)}`, value: measurementWords(m) })),
          { key: 'What people said', value: opt(cycle.study.quotes) },
        ],
        action: action('study', cycle.study !== null, cycle.do !== null),
      },
      {
        title: 'Act',
        items: cycle.act && [{ key: 'Decided on', value: longDate(cycle.act.date) }, { key: 'Decision', value: actDecisionLabels[cycle.act.decision] }, { key: 'Next step', value: cycle.act.nextStep }],
        action: action('act', cycle.act !== null, cycle.study !== null),
      },
    ],
  };
}

const partIntro: Readonly<Record<CyclePart, string>> = {
  plan: 'Plan: what will be tested, by whom, where and when; what you predict will happen; and how you will measure it.',
  do: 'Do: what happened when the change was tried, and what was noticed.',
  study: 'Study: the result against the prediction, with the numbers and what people said.',
  act: 'Act: adopt, adapt or abandon the change, and the next step. The test’s status follows this decision.',
};

function registerCycleRoutes(app: FastifyInstance, ctx: WebContext, testOf: (grant: UserGrant, n: string) => Promise<TestOfChange>): void {
  const showForm = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, test: TestOfChange, cycleNumber: number | null, part: CyclePart, values: FormValues, errors: readonly FieldError[]) => {
    const base = testHref(grant.scope.code, test.number);
    const title = cycleNumber === null ? `Plan cycle ${(test.cycles[test.cycles.length - 1]?.number ?? 0) + 1} of T${test.number}` : `${cyclePartLabels[part]} of cycle ${cycleNumber}, T${test.number}`;
    return sendPage(
      reply,
      CycleForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: { title, intro: partIntro[part], action: cycleNumber === null ? `${base}/cycles/new` : `${base}/cycles/${cycleNumber}/${part}`, cancelHref: base, part, values, errors, button: `Save the ${cyclePartLabels[part]}` },
      }),
      errors.length ? 400 : 200,
    );
  };
  const parsePart = (part: string): CyclePart => {
    if (part === 'plan' || part === 'do' || part === 'study' || part === 'act') return part;
    throw new HttpError(404, 'Page not found');
  };
  const cycleOf = (test: TestOfChange, c: string): PdsaCycle => {
    const cycle = test.cycles.find((x) => String(x.number) === c);
    if (!cycle) throw new HttpError(404, 'Page not found');
    return cycle;
  };

  app.get<TestParams>('/a/:code/tests/:n/cycles/new', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const test = await testOf(grant, request.params.n);
    return showForm(request, reply, grant, test, null, 'plan', {}, []);
  });

  app.post<TestParams>('/a/:code/tests/:n/cycles/new', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const test = await testOf(grant, request.params.n);
    const { values, result } = parsePlanForm(request.body);
    if (!result.ok) return showForm(request, reply, grant, test, null, 'plan', values, result.errors);
    const added = addCycle(test, result.value, ctx.today());
    if (!added.ok) return showForm(request, reply, grant, test, null, 'plan', values, [improvementFieldError(added.error, 'plan')]);
    await saveTest(ctx.connection, grant.scope, added.value, { by: user.username });
    const number = added.value.cycles.length;
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'add', entity: 'pdsa-cycle', recordId: `T${test.number}.${number}`, clientIp: request.ip });
    return reply.redirect(`${testHref(grant.scope.code, test.number)}?saved=${encodeURIComponent(`The plan of cycle ${number}`)}`, 303);
  });

  app.get<CycleParams>('/a/:code/tests/:n/cycles/:c/:part', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const part = parsePart(request.params.part);
    const test = await testOf(grant, request.params.n);
    const cycle = cycleOf(test, request.params.c);
    return showForm(request, reply, grant, test, cycle.number, part, cyclePartToForm(test, cycle.number, part), []);
  });

  app.post<CycleParams>('/a/:code/tests/:n/cycles/:c/:part', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const part = parsePart(request.params.part);
    const test = await testOf(grant, request.params.n);
    const cycle = cycleOf(test, request.params.c);
    const parsed = part === 'plan' ? parsePlanForm(request.body) : parseCyclePartForm(request.body, part, ctx.today());
    if (!parsed.result.ok) return showForm(request, reply, grant, test, cycle.number, part, parsed.values, parsed.result.errors);
    const value = parsed.result.value;
    const record = 'part' in value ? value : { part: 'plan' as const, value };
    const recorded = recordCyclePart(test, cycle.number, record, ctx.today());
    if (!recorded.ok) return showForm(request, reply, grant, test, cycle.number, part, parsed.values, [improvementFieldError(recorded.error, part)]);
    await saveTest(ctx.connection, grant.scope, recorded.value, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'edit', entity: 'pdsa-cycle', recordId: `T${test.number}.${cycle.number}`, clientIp: request.ip });
    return reply.redirect(`${testHref(grant.scope.code, test.number)}?saved=${encodeURIComponent(`The ${cyclePartLabels[part]} of cycle ${cycle.number}`)}`, 303);
  });
}

/** The Study and Act of every cycle, as a first draft of what to publish. */
function draftSummaries(test: TestOfChange): FormValues {
  const study = test.cycles.filter((c) => c.study).map((c) => `Cycle ${c.number}: ${(c.study as NonNullable<PdsaCycle['study']>).result}${c.study?.numbers ? ` (${c.study.numbers})` : ''}`);
  const act = test.cycles.filter((c) => c.act).map((c) => `Cycle ${c.number}: ${actDecisionLabels[(c.act as NonNullable<PdsaCycle['act']>).decision]}. ${c.act?.nextStep ?? ''}`.trim());
  return { study_summary: study.join('\n'), act_summary: act.join('\n') };
}

function registerPublishRoutes(app: FastifyInstance, ctx: WebContext, testOf: (grant: UserGrant, n: string) => Promise<TestOfChange>): void {
  const show = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, test: TestOfChange, values: FormValues, errors: readonly FieldError[]) =>
    sendPage(
      reply,
      PublishForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: {
          title: `Publish T${test.number} to the library`,
          action: `${testHref(grant.scope.code, test.number)}/publish`,
          cancelHref: testHref(grant.scope.code, test.number),
          shared: [
            { key: 'Title', value: test.title },
            { key: 'The change', value: test.change },
            { key: 'Agencies', value: test.agencies.map((a) => agencyLabels[a]).join(', ') },
            { key: 'Published by', value: grant.authority.name },
          ],
          values,
          errors,
        },
      }),
      errors.length ? 400 : 200,
    );

  app.get<TestParams>('/a/:code/tests/:n/publish', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'publish');
    const test = await testOf(grant, request.params.n);
    return show(request, reply, grant, test, draftSummaries(test), []);
  });

  app.post<TestParams>('/a/:code/tests/:n/publish', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'publish');
    const test = await testOf(grant, request.params.n);
    const { values, result } = parsePublishForm(request.body);
    if (!result.ok) return show(request, reply, grant, test, values, result.errors);
    // Nothing that could identify one of the authority's children leaves it: the data lead is shown
    // what matched and what kind of thing it is, never whose it is.
    const identifying = await identifyingValuesOf(ctx.connection, grant.scope);
    const errors: FieldError[] = [];
    for (const [field, text] of [
      ['study_summary', result.value.studySummary],
      ['act_summary', result.value.actSummary],
    ] as const) {
      const found = identifyingValuesIn(text, identifying);
      if (found.length) errors.push({ field, message: `Reword what could identify a child before publishing: ${describeIdentifyingMatches(found)}` });
    }
    const foundInTest = identifyingValuesIn(`${test.title}\n${test.change}`, identifying);
    if (foundInTest.length) errors.push({ field: 'study_summary', message: `The test’s title or change could identify a child: ${describeIdentifyingMatches(foundInTest)}. Change the test first` });
    if (errors.length) return show(request, reply, grant, test, values, errors);
    const aims = await listAims(ctx.connection, grant.scope);
    const national = [...new Set(test.aimIds.map((id) => aims.find((a) => a.id === id)?.nationalAim).filter((n): n is 1 | 2 | 3 | 4 => typeof n === 'number'))];
    const id = await publishToLibrary(
      ctx.connection,
      grant.scope,
      { testNumber: test.number, authorityName: grant.authority.name, title: test.title, change: test.change, agencies: test.agencies, aims: national, studySummary: result.value.studySummary, actSummary: result.value.actSummary },
      { by: user.username },
    );
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'add', entity: 'library-idea', recordId: String(id), clientIp: request.ip });
    return reply.redirect(`${authorityPath(grant.scope.code, `/library/${id}`)}?saved=published`, 303);
  });
}
