/** The data-quality report: completeness of each milestone, recording lag, and every problem with the child and what to fix. */
import type { VNode } from 'preact';
import type { EventType } from '../../domain/codes.js';
import { ruleTitles, type RuleCode } from '../../domain/quality/catalogue.js';
import type { PlainDate } from '../../domain/date.js';
import type { JourneyKind } from '../../domain/journey.js';
import type { QualityLine, qualityJson } from '../../domain/quality/quality-json.js';
import { eventLabel, formatCount, longDate, plural } from '../../app/format.js';
import { AsAtForm } from './scope-form.js';
import { ErrorSummary, PageHeader, Pagination, TableScroll, Tag, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

type QualityJson = ReturnType<typeof qualityJson>;

const kindTitles: Readonly<Record<JourneyKind, string>> = {
  'at-home': 'Looked after at home',
  accommodation: 'Accommodated: to the permanence recommendation',
  recommendation: 'Recommendation: to the Agency Decision Maker',
  adm: 'Agency Decision Maker: to the application to court',
};

export interface QualityModel {
  readonly chrome: Chrome;
  readonly report: QualityJson;
  readonly asAt: PlainDate;
  readonly asAtText: string;
  readonly errors: readonly FieldError[];
  readonly action: string;
  readonly rule: string | null;
  readonly lines: readonly QualityLine[];
  readonly shownFrom: number;
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly hrefOf: (page: number) => string;
  readonly ruleHref: (rule: string | null) => string;
  readonly csvHref: string;
  readonly childHref: (childId: string) => string;
}

export function QualityPage(props: QualityModel): VNode {
  const { report } = props;
  return (
    <Page title="Data quality" chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <PageHeader title="Data quality" label={props.chrome.authority?.name} />
      <ErrorSummary errors={props.errors} />
      <p>
        As at {longDate(props.asAt)}: {plural(report.children, 'child', 'children')}, {plural(report.problems.length, 'problem')} to look at.
      </p>
      <AsAtForm action={props.action} value={props.asAtText} errors={props.errors} extra={props.rule ? { rule: props.rule } : {}} />
      <h2>Problems by rule</h2>
      {report.problem_counts.length === 0 ? (
        <p>No problems found.</p>
      ) : (
        <TableScroll label="How many problems of each rule there are; choose one to list only those">
          <table class="ds_table">
            <caption class="visually-hidden">How many problems of each rule there are; choose one to list only those</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Kind</th>
                <th scope="col" class="pace-number">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {report.problem_counts.map((c) => (
                <tr key={c.code}>
                  <td>
                    <a class="ds_link" href={props.ruleHref(c.code)} aria-current={props.rule === c.code ? 'true' : undefined}>
                      {c.rule}
                    </a>
                  </td>
                  <td>
                    <Tag colour={c.severity === 'error' ? 'red' : 'orange'}>{c.severity === 'error' ? 'Error' : 'Warning'}</Tag>
                  </td>
                  <td class="pace-number">{formatCount(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 id="problems">{props.rule ? `Problems: ${ruleTitles[props.rule as RuleCode] ?? props.rule}` : 'Every problem'}</h2>
      <Problems {...props} />
      <h2>Milestones recorded</h2>
      <p>Of the journeys that have gone on long enough for each milestone to be due, how many have it recorded.</p>
      {report.completeness.map(({ kind, milestones }) => (
        <TableScroll label={kindTitles[kind]} key={kind}>
          <table class="ds_table">
            <caption>{kindTitles[kind]}</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col" class="pace-number">
                  Due
                </th>
                <th scope="col" class="pace-number">
                  Recorded
                </th>
                <th scope="col" class="pace-number">
                  Complete
                </th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.milestone}>
                  <td>{eventLabel(m.milestone)}</td>
                  <td class="pace-number">{m.due}</td>
                  <td class="pace-number">{m.recorded}</td>
                  <td class="pace-number">{m.percent === null ? '—' : `${m.percent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
      <h2>Recording lag</h2>
      <p>
        For events dated in the year up to the as-at date: the days from the day it happened to the day it was recorded. Only where that day is known: an event entered through pace's own forms, or imported with a recorded_date column. The day of an import is never taken as the day it was recorded.
      </p>
      {report.recording_lag.length === 0 ? (
        <p>No event in that year has a known recorded date.</p>
      ) : (
        <TableScroll label="Recording lag by kind of event">
          <table class="ds_table">
            <caption class="visually-hidden">Recording lag by kind of event</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col" class="pace-number">
                  Events
                </th>
                <th scope="col" class="pace-number">
                  Median days
                </th>
                <th scope="col" class="pace-number">
                  90th percentile
                </th>
                <th scope="col" class="pace-number">
                  Recorded over 90 days late
                </th>
              </tr>
            </thead>
            <tbody>
              {report.recording_lag.map((l) => (
                <tr key={l.event_type}>
                  <td>{eventLabel(l.event_type as EventType)}</td>
                  <td class="pace-number">{formatCount(l.events)}</td>
                  <td class="pace-number">{l.median_days}</td>
                  <td class="pace-number">{l.p90_days}</td>
                  <td class="pace-number">{formatCount(l.late)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}

function Problems(props: QualityModel): VNode {
  if (props.total === 0) return <p>{props.rule ? 'None.' : 'No problems found.'}</p>;
  return (
    <>
      <p>
        {props.total > props.lines.length ? `Showing ${formatCount(props.shownFrom)} to ${formatCount(props.shownFrom + props.lines.length - 1)} of ${formatCount(props.total)}. ` : ''}
        {props.rule && (
          <a class="ds_link" href={props.ruleHref(null)}>
            Show every rule
          </a>
        )}
        {props.rule && ' · '}
        <a class="ds_link" href={props.csvHref} download>
          Download as CSV
        </a>
      </p>
      <TableScroll label="Each problem with its child and what to fix">
        <table class="ds_table pace-problems">
          <caption class="visually-hidden">Each problem with its child and what to fix</caption>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">Record</th>
              <th scope="col">Problem</th>
              <th scope="col">What to fix</th>
            </tr>
          </thead>
          <tbody>
            {props.lines.map((line, i) => (
              <tr key={i}>
                <td>
                  {line.child_id === null ? (
                    '—'
                  ) : (
                    <a class="ds_link" href={props.childHref(line.child_id)}>
                      {line.child_id}
                    </a>
                  )}
                </td>
                <td>{line.record ?? ''}</td>
                <td>
                  <Tag colour={line.severity === 'error' ? 'red' : 'orange'}>{line.severity === 'error' ? 'Error' : 'Warning'}</Tag> {line.message}
                </td>
                <td>{line.fix}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={props.page} pages={props.pages} hrefOf={props.hrefOf} />
    </>
  );
}
