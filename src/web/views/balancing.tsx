/** Balancing measures beside the aims: each a run chart by month, with its definition, what the rules say, and its data as a table. */
import type { VNode } from 'preact';
import { AsAtForm } from './scope-form.js';
import { ErrorSummary, PageHeader, TableScroll, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';
import { SvgForWidths, type ChartForWidths } from './trusted-svg.js';

export interface BalancingView {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly svg: ChartForWidths;
  readonly latest: string;
  readonly verdicts: readonly string[];
  readonly csvHref: string;
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

export function BalancingPage(props: { chrome: Chrome; asAtWords: string; asAtValue: string; action: string; errors: readonly FieldError[]; measures: readonly BalancingView[] }): VNode {
  return (
    <Page title={`Balancing measures, ${props.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title="Balancing measures" label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">Months up to {props.asAtWords}.</p>
      </PageHeader>
      <p>What might get worse while the aims get better: moves between placements, returns home that break down, and children left at home on a supervision order. Each is a run chart by month, judged by the same rules as the aims.</p>
      <AsAtForm action={props.action} value={props.asAtValue} errors={props.errors} />
      {props.measures.map((m) => (
        <section class="pace-aim" aria-labelledby={`measure-${m.id}`} key={m.id}>
          <h2 id={`measure-${m.id}`}>{m.name}</h2>
          <p>{m.definition}</p>
          <figure class="pace-figure">
            <SvgForWidths chart={m.svg} />
            <figcaption>
              {m.latest}{' '}
              <a class="ds_link" href={m.csvHref} download>
                Download the data as CSV<span class="visually-hidden"> for {m.name}</span>
              </a>
            </figcaption>
          </figure>
          <h3>What the rules say</h3>
          <ul class="pace-verdicts">
            {m.verdicts.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
          <details class="ds_details">
            <summary class="ds_details__summary">The data, month by month</summary>
            <TableScroll label={`${m.name}, month by month`} class="ds_details__text">
              <table class="ds_table">
                <caption class="visually-hidden">{m.name}, month by month</caption>
                <thead>
                  <tr>
                    {m.table.columns.map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {m.table.rows.map((row) => (
                    <tr key={row[0]}>
                      {row.map((cell, i) => (i === 0 ? <th scope="row" key={i}>{cell}</th> : <td key={i}>{cell}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </section>
      ))}
    </Page>
  );
}
