/** The champions' group's meetings, each with its pack, and the form to record one. */
import type { VNode } from 'preact';
import type { FormValues } from '../forms/improvement-forms.js';
import { CsrfField, ErrorSummary, NoticeBox, PageHeader, TableScroll, TextArea, TextInput, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface MeetingRow {
  readonly date: string;
  /** The meeting's page: its actions and who was there (null for a partner, who reads them in the partners' pack). */
  readonly href: string | null;
  readonly title: string;
  readonly packHref: string;
  readonly pdfHref: string;
}

export function MeetingsPage(props: { chrome: Chrome; meetings: readonly MeetingRow[]; action: string | null; values: FormValues; errors: readonly FieldError[]; notice: string | null; posterHref: string; forPartner?: boolean }): VNode {
  const e = props.errors;
  return (
    <Page title="Meetings and meeting packs" chrome={props.chrome} hasErrors={e.length > 0} wide>
      <ErrorSummary errors={e} />
      <NoticeBox notice={props.notice} />
      <PageHeader title="Meetings and meeting packs" label={props.chrome.authority?.name} />
      {props.forPartner ? (
        <p>
          Each meeting's pack for partners shows the actions due and done since the previous meeting, every aim as at the meeting's date with its figures and its month-by-month and quarter-by-quarter
          charts (a count under 5, and any count that would give one away, reads [c]), and the tests of change with what was decided. It never shows a child.
        </p>
      ) : (
        <p>
          Each meeting's page holds the actions it agreed and who was there. Each meeting's pack shows the actions due and done since the previous meeting, every aim as at the meeting's date, the tests of
          change with the PDSA cycles dated since the previous meeting, the balancing measures and the data-quality summary.
        </p>
      )}
      <p>
        To share where you are on one page, print{' '}
        <a class="ds_link" href={props.posterHref}>
          the poster
        </a>
        : the aims, their run charts, the tests of change with what was decided, and the team's own words.
      </p>
      {props.meetings.length === 0 ? (
        <p>No meetings recorded yet.</p>
      ) : (
        <TableScroll label="Meetings">
          <table class="ds_table">
            <caption class="visually-hidden">Meetings</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Meeting</th>
                <th scope="col">Pack</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr key={m.date}>
                  <td>{m.date}</td>
                  <td>
                    {m.href === null ? (
                      m.title
                    ) : (
                      <a class="ds_link" href={m.href}>
                        {m.title}
                        <span class="visually-hidden"> on {m.date}</span>
                      </a>
                    )}
                  </td>
                  <td>
                    <a class="ds_link" href={m.packHref}>
                      Printable pack<span class="visually-hidden"> for {m.date}</span>
                    </a>
                    {' · '}
                    <a class="ds_link" href={m.pdfHref}>
                      PDF<span class="visually-hidden"> of the pack for {m.date}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {props.action && (
        <>
          <h2>Record a meeting</h2>
          <form method="post" action={props.action} novalidate>
            <CsrfField token={props.chrome.csrfToken} />
            <TextInput name="meeting_date" label="Date of the meeting" hint="For example 2021-03-10 or 10/03/2021. A meeting already recorded on that date is changed." value={props.values.meeting_date ?? ''} errors={e} width="ds_input--fixed-10" />
            <TextInput name="title" label="Title" value={props.values.title ?? "Champions' group"} errors={e} width="ds_input--fluid-two-thirds" />
            <TextArea name="notes" label="Notes (optional)" value={props.values.notes ?? ''} errors={e} />
            <button type="submit" class="ds_button">
              Save the meeting
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
