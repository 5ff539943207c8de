/** The change-idea library shared by every authority: the programme's tested changes and what authorities publish. */
import type { VNode } from 'preact';
import { NoticeBox, PageHeader, SummaryList, TableScroll, Tag } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface LibraryRow {
  readonly title: string;
  readonly href: string;
  readonly source: string;
  readonly agencies: string;
  readonly aims: string;
}

export function LibraryPage(props: { chrome: Chrome; rows: readonly LibraryRow[] }): VNode {
  return (
    <Page title="Change-idea library" chrome={props.chrome} wide>
      <PageHeader title="Change-idea library" label={props.chrome.authority?.name} />
      <p>
        Changes tested in permanence improvement work across Scotland, shared by every authority that uses pace: the programme's own booklet of tried and tested changes, and the results authorities have chosen to
        publish. Each can be the start of a test of change here.
      </p>
      <TableScroll label="Change ideas">
        <table class="ds_table">
          <caption class="visually-hidden">Change ideas</caption>
          <thead>
            <tr>
              <th scope="col">Change idea</th>
              <th scope="col">From</th>
              <th scope="col">Agencies</th>
              <th scope="col">Aim</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.href}>
                <td>
                  <a class="ds_link" href={r.href}>
                    {r.title}
                  </a>
                </td>
                <td>{r.source}</td>
                <td>{r.agencies}</td>
                <td>{r.aims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Page>
  );
}

export interface LibraryIdeaModel {
  readonly title: string;
  readonly source: string;
  readonly items: readonly { key: string; value: string }[];
  readonly startHref: string | null;
  readonly backHref: string;
}

export function LibraryIdeaPage(props: { chrome: Chrome; model: LibraryIdeaModel; notice: string | null }): VNode {
  const m = props.model;
  return (
    <Page title={m.title} chrome={props.chrome}>
      <NoticeBox notice={props.notice} />
      <PageHeader title={m.title} label="Change-idea library" />
      <p>
        <Tag colour="blue">{m.source}</Tag>
      </p>
      <SummaryList items={m.items} />
      {m.startHref && (
        <p>
          <a class="ds_button" href={m.startHref}>
            Start a test of change from this idea
          </a>
        </p>
      )}
      <p>
        <a class="ds_link" href={m.backHref}>
          Back to the library
        </a>
      </p>
    </Page>
  );
}
