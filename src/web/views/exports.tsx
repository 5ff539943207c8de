/** The exports page, for data leads: the CLAS permanence fields of a return year, and a pseudonymised extract. */
import type { VNode } from 'preact';
import { ErrorSummary, Notice, PageHeader, Select, type FieldError, type Option } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface ExportsModel {
  readonly clasAction: string;
  readonly years: readonly Option[];
  readonly year: string;
  /** The downloads of the pseudonymised extract, or why there are none. */
  readonly pseudonymised: { readonly kind: 'ready'; readonly xlsx: string; readonly csv: readonly { readonly table: string; readonly href: string }[] } | { readonly kind: 'no-key'; readonly message: string };
}

export function ExportsPage(props: { chrome: Chrome; model: ExportsModel; errors: readonly FieldError[] }): VNode {
  const { model } = props;
  return (
    <Page title="Exports" chrome={props.chrome} hasErrors={props.errors.length > 0}>
      <ErrorSummary errors={props.errors} />
      <PageHeader title="Exports" label={props.chrome.authority?.name} />
      <p>Each download is written to the audit log with your name. Every spreadsheet pace writes shows a cell that begins =, +, -, @ or a tab with a ' in front, so it is never run as a formula.</p>
      <section aria-labelledby="clas">
        <h2 id="clas">CLAS return: the permanence fields</h2>
        <p>
          For the Children Looked After Statistics return: one row for each child and episode (a period of being looked after) open on any day of the return year, with the date and route of the latest permanence recommendation in the episode, the Agency Decision Maker's decision on it and
          the application to court that followed. A return year runs from 1 August to 31 July; only what had happened by 31 July is counted. Dates in the workbook are date cells; in the CSV file they are written 2021-07-31.
        </p>
        <form method="get" action={model.clasAction}>
          <Select name="year" label="Return year" value={model.year} options={model.years} errors={props.errors} />
          <div class="ds_button-group">
            <button type="submit" name="format" value="csv" class="ds_button">
              Download CSV
            </button>
            <button type="submit" name="format" value="xlsx" class="ds_button ds_button--secondary">
              Download Excel workbook
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="pseudonymised">
        <h2 id="pseudonymised">Pseudonymised extract</h2>
        <p>
          For a data-sharing agreement: every child, placement and event, with each id replaced by a pseudonym made with this server's secret key (the same key always gives the same pseudonym, so extracts can be linked), no names, workers, teams or notes, and each date of birth given as its month only.
        </p>
        {model.pseudonymised.kind === 'ready' ? (
          <ul>
            <li>
              <a class="ds_link" href={model.pseudonymised.xlsx} download>
                Excel workbook (children, placements and events, one sheet each)
              </a>
            </li>
            {model.pseudonymised.csv.map((file) => (
              <li key={file.table}>
                <a class="ds_link" href={file.href} download>
                  CSV: {file.table}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <Notice>{model.pseudonymised.message}</Notice>
        )}
      </section>
    </Page>
  );
}
