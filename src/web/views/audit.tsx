/** The audit log of an authority, for data leads and administrators: who saw or changed what, when and from where. */
import type { VNode } from 'preact';
import { ErrorSummary, PageHeader, Pagination, Select, TableScroll, TextInput, type FieldError, type Option } from './components.js';
import { Page, type Chrome } from './layout.js';
import { plural } from '../../app/format.js';

export interface AuditRow {
  readonly when: string;
  readonly who: string;
  readonly action: string;
  readonly what: string;
  readonly child: { readonly id: string; readonly href: string } | null;
  readonly from: string;
}

export interface AuditModel {
  readonly action: string;
  readonly values: { readonly child: string; readonly user: string; readonly action: string; readonly from: string; readonly to: string };
  readonly actions: readonly Option[];
  readonly errors: readonly FieldError[];
  readonly total: number;
  readonly rows: readonly AuditRow[];
  readonly page: number;
  readonly pages: number;
  readonly hrefOf: (page: number) => string;
}

export function AuditPage(props: { chrome: Chrome; model: AuditModel }): VNode {
  const { model } = props;
  return (
    <Page title="Audit log" chrome={props.chrome} hasErrors={model.errors.length > 0} wide>
      <ErrorSummary errors={model.errors} />
      <PageHeader title="Audit log" label={props.chrome.authority?.name} />
      <p>Every view and change of a child's record, and every import and export, with who, when and from where. Entries can be added but never changed or deleted.</p>
      <form method="get" action={model.action} aria-label="Filter the audit log">
        <div class="pace-filters">
          <TextInput name="child" label="Child reference" value={model.values.child} errors={model.errors} width="ds_input--fixed-10" />
          <TextInput name="user" label="User" value={model.values.user} errors={model.errors} width="ds_input--fixed-10" />
          <Select name="action" label="Action" value={model.values.action} options={model.actions} blank="Any action" errors={model.errors} />
          <TextInput name="from" label="From" hint="For example, 2024-03-01" value={model.values.from} errors={model.errors} width="ds_input--fixed-10" />
          <TextInput name="to" label="To" hint="The day itself included" value={model.values.to} errors={model.errors} width="ds_input--fixed-10" />
          <div class="ds_question">
            <button type="submit" class="ds_button ds_button--small">
              Show entries
            </button>
          </div>
        </div>
      </form>
      <p>
        {plural(model.total, 'entry', 'entries')}, newest first.
      </p>
      {model.rows.length > 0 && (
        <TableScroll label="Audit log entries, newest first">
        <table class="ds_table">
          <caption class="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Child</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((r, index) => (
              <tr key={index}>
                <td>{r.when}</td>
                <td>{r.who}</td>
                <td>{r.action}</td>
                <td>{r.what}</td>
                <td>
                  {r.child && (
                    <a class="ds_link" href={r.child.href}>
                      {r.child.id}
                    </a>
                  )}
                </td>
                <td>{r.from}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <Pagination page={model.page} pages={model.pages} hrefOf={model.hrefOf} />
    </Page>
  );
}
