/** One aim's page: its figures and charts, each chart with its data as a table (the table alternative). */
import type { VNode } from 'preact';
import type { DashboardAim } from '../presenters/dashboard.js';
import { ErrorSummary, PageHeader, type FieldError } from './components.js';
import { AimCharts, AimFigures, AsAtForm } from './dashboard.js';
import { Page, type Chrome } from './layout.js';

export interface TableModel {
  readonly caption: string;
  readonly columns: readonly string[];
  /** Each cell is text, or text with a link. */
  readonly rows: readonly (readonly (string | { text: string; href: string })[])[];
}

export function DataTable({ table }: { table: TableModel }): VNode {
  return (
    <div class="pace-table-scroll">
      <table class="ds_table">
        <caption class="ds_table__caption">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>
                  {typeof cell === 'string' ? (
                    cell
                  ) : (
                    <a class="ds_link" href={cell.href}>
                      {cell.text}
                    </a>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ExtraChart {
  readonly id: string;
  readonly heading: string;
  readonly explanation: string;
  /** What the picture shows, for those who cannot see it; the table below holds its data. */
  readonly alt: string;
  readonly links: { readonly svg: string; readonly png: string; readonly csv: string };
  readonly table: TableModel;
}

export function AimPage(props: { chrome: Chrome; aim: DashboardAim; asAtWords: string; asAtValue: string; action: string; runTable: TableModel; waitingTable: TableModel; extraCharts: readonly ExtraChart[]; errors: readonly FieldError[] }): VNode {
  const { aim } = props;
  return (
    <Page title={`${aim.name}, ${props.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={aim.name} label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">Figures as at {props.asAtWords}.</p>
      </PageHeader>
      <p class="pace-sentence">{aim.sentence}</p>
      <p>
        <a class="ds_link" href={`${props.action}/drivers`}>
          The driver diagram of this aim
        </a>
        , with the change ideas and the tests of change that try them.
      </p>
      <AsAtForm action={props.action} value={props.asAtValue} errors={props.errors} />
      <AimFigures aim={aim} />
      <AimCharts aim={aim} headingLevel={2} />
      <h2 id="run-chart-table">The run chart's data</h2>
      <DataTable table={props.runTable} />
      <h2 id="waiting-chart-table">The waiting chart's data</h2>
      <DataTable table={props.waitingTable} />
      {props.extraCharts.map((chart) => (
        <section key={chart.id} aria-labelledby={chart.id}>
          <h2 id={chart.id}>{chart.heading}</h2>
          <p>{chart.explanation}</p>
          <img class="pace-chart-picture" src={chart.links.svg} alt={chart.alt} />
          <p class="pace-downloads">
            Download: <a class="ds_link" href={chart.links.svg}>SVG</a>, <a class="ds_link" href={chart.links.png}>PNG</a>, <a class="ds_link" href={chart.links.csv}>CSV</a>
          </p>
          <DataTable table={chart.table} />
        </section>
      ))}
    </Page>
  );
}
