/** The journeys behind one count of an aim, a page at a time, with the other counts beside them. */
import type { VNode } from 'preact';
import type { JourneyListModel } from '../presenters/journey-list.js';
import { ErrorSummary, PageHeader, Pagination, TableScroll, Tag, type FieldError } from './components.js';
import type { FigureScope } from '../forms/figure-scope.js';
import { AsAtForm } from './scope-form.js';
import { Page, type Chrome } from './layout.js';
import { formatCount, plural } from '../../app/format.js';

export const statusColour = { in_time: 'green', late: 'orange', overdue: 'red', waiting: 'grey', left_late: 'orange', left_early: 'grey' } as const;

export function JourneyListPage(props: { chrome: Chrome; model: JourneyListModel; action: string; scope: FigureScope; errors: readonly FieldError[] }): VNode {
  const { model } = props;
  return (
    <Page title={`${model.title}: ${model.aimName}, ${model.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={`${model.title}: ${plural(model.total, 'journey')}`} label={model.aimName}>
        <p class="ds_page-header__metadata">
          As at {model.asAtWords}. {model.fromWords}
          {model.filterWords && ` Children of ${model.filterWords}.`}
          {model.group && ` ${model.group.words}.`}
        </p>
      </PageHeader>
      <p class="pace-sentence">{model.sentence}</p>
      <p>{model.meaning}</p>
      {model.monthsWords && <p>{model.monthsWords}</p>}
      <AsAtForm action={props.action} value={props.scope.asAtText} errors={props.errors} extra={hiddenFields(model, props.scope)} />
      {/* The error summary's link for a status the list does not know leads to the statuses it does. */}
      <nav aria-label="The other counts of this aim" class="pace-count-links" id="status">
        <ul class="ds_no-bullets pace-inline-list">
          {model.others.map((o) => (
            <li key={o.filter}>
              {o.current ? (
                <strong aria-current="page">
                  {o.label}: {formatCount(o.count)}
                </strong>
              ) : (
                <a class="ds_link" href={o.href}>
                  {o.label}: {formatCount(o.count)}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {model.total === 0 ? (
        <p>No journey has this status.</p>
      ) : (
        <TableScroll label={`${model.title}: ${model.aimName}, longest first`}>
          <table class="ds_table">
            <caption class="visually-hidden">
              {model.title}: {model.aimName}, longest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Started</th>
                <th scope="col">Reached the milestone, or left</th>
                <th scope="col">Due by</th>
                <th scope="col">Weeks</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <tr key={`${row.childId}|${row.started}`}>
                  <td>
                    <a class="ds_link" href={row.childHref}>
                      {row.childId}
                    </a>
                  </td>
                  <td>{row.started}</td>
                  <td>{row.outcome}</td>
                  <td>{row.due}</td>
                  <td>{row.weeks}</td>
                  <td>{row.route}</td>
                  <td>
                    <Tag colour={statusColour[row.status]}>{row.statusLabel}</Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={model.page} pages={model.pages} hrefOf={model.pageHref} />
      <p>
        <a class="ds_link" href={model.csvHref} download>
          Download all {model.total} as CSV
        </a>{' '}
        ·{' '}
        <a class="ds_link" href={model.aimHref}>
          Back to the aim
        </a>
      </p>
    </Page>
  );
}

/** What the as-at form keeps as it is: the list, whose children and the months. */
function hiddenFields(model: JourneyListModel, scope: FigureScope): Record<string, string> {
  const fields: Record<string, string> = { status: model.filter };
  for (const part of ['team', 'locality', 'worker'] as const) {
    const value = scope.filter[part];
    if (value !== null) fields[part] = value;
  }
  if (model.months !== null) fields.months = String(model.months);
  if (model.month !== null) fields.month = model.month;
  if (model.group !== null) {
    fields.by = model.group.by;
    fields.group = model.group.key;
  }
  return fields;
}
