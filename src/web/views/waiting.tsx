/** Children waiting: every journey still waiting, with weeks waited, due date and current placement. */
import type { VNode } from 'preact';
import { placementTypes } from '../../domain/codes.js';
import { formatCount, placementLabel } from '../../app/format.js';
import type { FilterChoices } from '../../domain/child-filter.js';
import { waitingFilter, waitingHref, type WaitingListModel, type WaitingQuery, type WaitingSort } from '../presenters/waiting.js';
import { CountLink } from './dashboard.js';
import { FilterSelects } from './scope-form.js';
import { ChildCell, ErrorSummary, LinkList, PageHeader, Pagination, Select, TableScroll, Tag, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

const columns: readonly { label: string; sort: WaitingSort | null; firstDir: 'asc' | 'desc' }[] = [
  { label: 'Child', sort: 'child', firstDir: 'asc' },
  { label: 'Aim', sort: 'aim', firstDir: 'asc' },
  { label: 'Weeks waited', sort: 'weeks', firstDir: 'desc' },
  { label: 'Due by', sort: 'due', firstDir: 'asc' },
  { label: 'Status', sort: null, firstDir: 'asc' },
  { label: 'Current placement', sort: 'placement', firstDir: 'asc' },
];

const urgencyColour = { overdue: 'red', 'due-soon': 'orange', waiting: 'grey' } as const;

export function WaitingPage(props: { chrome: Chrome; code: string; model: WaitingListModel; choices: FilterChoices; asAtValue: string; errors: readonly FieldError[] }): VNode {
  const { model, code } = props;
  const q = model.query;
  const whose = model.filterWords ? `: ${model.filterWords}` : '';
  return (
    <Page title={`Children waiting${whose}, ${model.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={`Children waiting${whose}`} label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">As at {model.asAtWords}.</p>
      </PageHeader>
      {/* The answer first, then the ways to narrow it. */}
      <p>
        {formatCount(model.total)} {model.total === 1 ? 'journey is' : 'journeys are'} waiting: <CountLink count={model.overdue} /> overdue, <CountLink count={model.dueSoon} /> due within 4 weeks. A child waiting for more than one milestone is listed once for each.
      </p>
      <form method="get" action={`/a/${encodeURIComponent(code)}/waiting`} class="pace-filters" aria-label="Filter the list">
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div class="ds_question">
          <label class="ds_label" for="as_at">
            As at
          </label>
          <input class="ds_input ds_input--fixed-10" type="text" id="as_at" name="as_at" value={props.asAtValue} />
        </div>
        <Select name="aim" label="Aim" value={q.aim} blank="All aims" options={model.aims.map((a) => ({ value: a.id, label: a.name }))} errors={[]} />
        <Select
          name="status"
          label="Status"
          value={q.status}
          blank="Any status"
          options={[
            { value: 'overdue', label: 'Overdue' },
            { value: 'due-soon', label: 'Due within 4 weeks' },
            { value: 'waiting', label: 'Not yet overdue' },
          ]}
          errors={[]}
        />
        <Select name="placement" label="Current placement" value={q.placement} blank="Any placement" options={[...placementTypes.map((t) => ({ value: t, label: placementLabel(t) })), { value: 'none', label: 'no current placement' }]} errors={[]} />
        <FilterSelects filter={waitingFilter(q)} choices={props.choices} errors={props.errors} />
        <div class="ds_question">
          <button type="submit" class="ds_button ds_button--small">
            Apply filters
          </button>
        </div>
      </form>
      <TableScroll label="Journeys waiting">
        <table class="ds_table">
          <caption class="visually-hidden">Journeys waiting, sorted by {columns.find((c) => c.sort === q.sort)?.label.toLowerCase()}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.label} aria-sort={c.sort === q.sort ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.sort ? <SortLink code={code} query={q} column={c} /> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr class={row.urgency === 'waiting' ? undefined : `pace-row--${row.urgency}`} key={`${row.aimName}|${row.childId}|${row.started}`}>
                <ChildCell childId={row.childId} childName={row.childName} href={row.childHref} />
                <td>{row.aimName}</td>
                <td>{row.weeks}</td>
                <td>{row.due}</td>
                <td>
                  <Tag colour={urgencyColour[row.urgency]}>{row.urgencyLabel}</Tag>
                </td>
                <td>{row.placement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {model.rows.length === 0 && <p>Nobody matches these filters.</p>}
      <Pagination page={model.page} pages={model.pages} hrefOf={(page) => waitingHref(code, q, { page })} />
      <TimelineLinks links={model.timelines} />
    </Page>
  );
}

function SortLink(props: { code: string; query: WaitingQuery; column: (typeof columns)[number] }): VNode {
  const { query, column } = props;
  const current = column.sort === query.sort;
  const dir = current ? (query.dir === 'asc' ? 'desc' : 'asc') : column.firstDir;
  return (
    <a class="ds_link" href={waitingHref(props.code, query, { sort: column.sort as WaitingSort, dir })}>
      {column.label}
      <span class="visually-hidden">, sort {dir === 'asc' ? 'ascending' : 'descending'}</span>
    </a>
  );
}

function TimelineLinks({ links }: { links: WaitingListModel['timelines'] }): VNode | null {
  const [only] = links;
  if (links.length === 1 && only) {
    return (
      <p>
        <a class="ds_link" href={only.href}>
          {only.text}
        </a>
      </p>
    );
  }
  if (links.length === 0) return null;
  return (
    <>
      <h2 class="ds_h3">See the children waiting on one timeline</h2>
      <LinkList links={links} />
    </>
  );
}
