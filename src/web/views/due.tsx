/** What is due: overdue and due-soon items for the authority, a worker or a team, with calendar feeds for a worker. */
import type { VNode } from 'preact';
import type { CalendarFeedRow, DuePageModel } from '../presenters/due.js';
import { ChildCell, CsrfField, ErrorSummary, Notice, NoticeBox, PageHeader, Select, TableScroll, Tag, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface CalendarSection {
  readonly worker: string;
  readonly feeds: readonly CalendarFeedRow[];
  /** Where the form to make a feed posts, when the reader may make one. */
  readonly createAction: string | null;
}

export function DuePage(props: {
  chrome: Chrome;
  code: string;
  model: DuePageModel;
  asAtValue: string;
  /** The window as entered, when it could not be used; otherwise the window shown. */
  windowValue: string;
  errors: readonly FieldError[];
  notice: string | null;
  calendar: CalendarSection | null;
  rulesHref: string | null;
  /** Where a data lead sets the weekly digests' addresses. */
  contactsHref: string | null;
}): VNode {
  const { model } = props;
  const q = model.query;
  const windowError = props.errors.find((e) => e.field === 'window')?.message ?? null;
  return (
    <Page title={`${model.title}, ${model.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <NoticeBox notice={props.notice} />
      <PageHeader title={model.title} label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">As at {model.asAtWords}.</p>
      </PageHeader>
      {/* The answer first, then the ways to narrow it. */}
      <p>{model.summary}</p>
      <form method="get" action={`/a/${encodeURIComponent(props.code)}/due`} class="pace-filters" aria-label="Choose whose children and which dates">
        <div class="ds_question">
          <label class="ds_label" for="as_at">
            As at
          </label>
          <input class="ds_input ds_input--fixed-10" type="text" id="as_at" name="as_at" value={props.asAtValue} />
        </div>
        <Select name="worker" label="Worker" value={q.worker} blank="Every worker" options={model.workers.map((w) => ({ value: w, label: w }))} errors={[]} />
        <Select name="team" label="Team" value={q.team} blank="Every team" options={model.teams.map((t) => ({ value: t, label: t }))} errors={[]} />
        <Select name="locality" label="Locality" value={q.locality} blank="Every locality" options={model.localities.map((l) => ({ value: l, label: l }))} errors={[]} />
        <div class={`ds_question${windowError ? ' ds_question--error' : ''}`}>
          <label class="ds_label" for="window">
            Due within (days)
          </label>
          {windowError && (
            <p class="ds_question__error-message" id="window-error">
              {windowError}
            </p>
          )}
          <input
            class={`ds_input ds_input--fixed-4${windowError ? ' ds_input--error' : ''}`}
            type="text"
            inputmode="numeric"
            id="window"
            name="window"
            value={props.windowValue}
            aria-invalid={windowError ? 'true' : undefined}
            aria-describedby={windowError ? 'window-error' : undefined}
          />
        </div>
        <div class="ds_question">
          <button type="submit" class="ds_button ds_button--small">
            Show
          </button>
        </div>
      </form>
      <TableScroll label="Overdue and due soon, the most pressing first">
        <table class="ds_table">
          <caption class="visually-hidden">Overdue and due soon, the most pressing first</caption>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">What is due</th>
              <th scope="col">Due by</th>
              <th scope="col">Status</th>
              <th scope="col">From</th>
              <th scope="col">Worker</th>
              <th scope="col">Team</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr class={`pace-row--${row.urgency}`} key={`${row.childId}|${row.what}|${row.due}`}>
                <ChildCell childId={row.childId} childName={row.childName} href={row.childHref} />
                <td>{row.what}</td>
                <td>{row.due}</td>
                <td>
                  <Tag colour={row.urgency === 'overdue' ? 'red' : 'orange'}>{row.when}</Tag>
                </td>
                <td>{row.started}</td>
                <td>{row.worker}</td>
                <td>{row.team}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {model.rows.length === 0 && <p>Nothing is overdue or due within {q.window} days.</p>}
      {model.allocation && <AllocationChanges changes={model.allocation} />}
      {props.calendar && <CalendarFeeds section={props.calendar} csrfToken={props.chrome.csrfToken} />}
      <p>
        Each item comes from the authority's schedule rules: when a meeting or decision should happen, counted from the start of the child's journey.
        {props.rulesHref && (
          <>
            {' '}
            <a class="ds_link" href={props.rulesHref}>
              See and change the schedule rules
            </a>
            .
          </>
        )}
        {props.contactsHref && (
          <>
            {' '}
            The weekly e-mails go to the{' '}
            <a class="ds_link" href={props.contactsHref}>
              digest addresses
            </a>
            .
          </>
        )}
      </p>
    </Page>
  );
}

function AllocationChanges({ changes }: { changes: NonNullable<DuePageModel['allocation']> }): VNode {
  return (
    <>
      <h2 class="ds_h3">Changes of allocation</h2>
      {changes.length === 0 ? (
        <p>No child has moved to or from this allocation since their record came into pace.</p>
      ) : (
        <TableScroll label="Changes of worker or team, newest first">
          <table class="ds_table">
            <caption class="visually-hidden">Changes of worker or team, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">From → to</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={`${c.childId}|${c.recorded}`}>
                  <td>
                    <a class="ds_link" href={c.childHref}>
                      {c.childId}
                    </a>
                  </td>
                  <td>{c.change}</td>
                  <td>{c.recorded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function CalendarFeeds({ section, csrfToken }: { section: CalendarSection; csrfToken: string }): VNode {
  return (
    <>
      <h2 class="ds_h3">Calendar feed for {section.worker}</h2>
      <p>
        A calendar feed puts these due dates in a calendar program at a secret address that needs no sign-in. It names each child by reference only. Anyone who has the address can read it, so keep it
        to yourself, and revoke it if it may have been shared.
      </p>
      {section.feeds.length === 0 ? (
        <p>{section.worker} has no calendar feed.</p>
      ) : (
        <ul class="ds_no-bullets">
          {section.feeds.map((feed) => (
            <li key={feed.id}>
              Feed {feed.id}, {feed.made}
              {feed.revokeAction && (
                <>
                  {' '}
                  <form method="post" action={feed.revokeAction} class="pace-inline-form">
                    <CsrfField token={csrfToken} />
                    <button type="submit" class="ds_button ds_button--secondary ds_button--small ds_no-margin">
                      Revoke<span class="visually-hidden"> feed {feed.id}</span>
                    </button>
                  </form>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {section.createAction && (
        <form method="post" action={section.createAction}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="worker" value={section.worker} />
          <button type="submit" class="ds_button ds_button--secondary">
            Make a calendar feed
          </button>
        </form>
      )}
    </>
  );
}

export function CalendarFeedMadePage(props: { chrome: Chrome; worker: string; id: number; url: string; backHref: string }): VNode {
  return (
    <Page title="Calendar feed made" chrome={props.chrome}>
      <PageHeader title="Calendar feed made" label={props.chrome.authority?.name} />
      <p>
        Feed {props.id} holds the due dates of {props.worker}'s children. Add this address to a calendar program as a subscription ("from the internet" or "by URL"):
      </p>
      <p>
        <code style={{ wordBreak: 'break-all' }}>{props.url}</code>
      </p>
      <Notice>
        This is the only time the address is shown: pace keeps only a fingerprint of it. Anyone who has it can read these due dates without signing in. Revoke the feed if the address may have been
        shared.
      </Notice>
      <p>
        <a class="ds_link" href={props.backHref}>
          Back to what is due for {props.worker}
        </a>
      </p>
    </Page>
  );
}
