/** The files pace reads: every table, column and code of its own format, from the lists the import itself checks against. */
import type { VNode } from 'preact';
import { PageHeader, TableScroll } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface FormatHelpModel {
  readonly tables: readonly { readonly name: string; readonly file: string; readonly columns: readonly { readonly name: string; readonly required: boolean; readonly meaning: string }[] }[];
  readonly codes: readonly { readonly column: string; readonly values: readonly { readonly code: string; readonly meaning: string }[] }[];
}

export function FormatHelpPage(props: { chrome: Chrome; model: FormatHelpModel; importHref: string | null }): VNode {
  return (
    <Page title="The files pace reads" chrome={props.chrome}>
      <PageHeader title="The files pace reads" label={props.chrome.authority?.name} />
      <p>
        pace reads three tables: as three CSV files (UTF-8, comma-separated, with a header row), or as three sheets of one .xlsx workbook named children, placements and events. Column names may be in any order and any case; columns pace does not use are ignored, with a warning.
        Dates are written 2024-03-27 or 27/03/2024 (or are date cells in a workbook). Every reference is the authority's own, unique within the authority. A row with a reference pace already holds replaces that record; the earlier version is kept in its history. A file that leaves out an optional column pace also lets you fill (names, sex, sibling group, worker, team, locality, legal basis, carer, recorded and planned dates) keeps what pace holds for it.
      </p>
      <p>Another system's export can be read through a mapping profile, which names its files, columns, codes and date formats.</p>
      {props.model.tables.map((table) => (
        <section key={table.name} aria-labelledby={`table-${table.name}`}>
          <h2 id={`table-${table.name}`}>
            {table.name} ({table.file})
          </h2>
          <TableScroll label={`The columns of ${table.name}`}>
            <table class="ds_table">
              <caption class="visually-hidden">The columns of {table.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Needed</th>
                  <th scope="col">What it holds</th>
                </tr>
              </thead>
              <tbody>
                {table.columns.map((c) => (
                  <tr key={c.name}>
                    <td>
                      <code>{c.name}</code>
                    </td>
                    <td>{c.required ? 'Yes' : 'No'}</td>
                    <td>{c.meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <h2>Codes</h2>
      {props.model.codes.map((list) => (
        <section key={list.column} aria-labelledby={`codes-${list.column}`}>
          <h3 id={`codes-${list.column}`}>
            <code>{list.column}</code>
          </h3>
          <dl class="pace-codes">
            {list.values.map((v) => (
              <div key={v.code} class="pace-count">
                <dt>
                  <code>{v.code}</code>
                </dt>
                <dd>{v.meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {props.importHref && (
        <p>
          <a class="ds_link" href={props.importHref}>
            Back to the import
          </a>
        </p>
      )}
    </Page>
  );
}
