/** The authority's children, found by reference or name. */
import type { VNode } from 'preact';
import { ErrorSummary, PageHeader, Pagination, TableScroll, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';
import { plural } from '../../app/format.js';

export interface ChildrenModel {
  readonly search: string;
  readonly total: number;
  readonly rows: readonly { childId: string; name: string; dateOfBirth: string; href: string }[];
  readonly page: number;
  readonly pages: number;
  readonly hrefOf: (page: number) => string;
  readonly addHref: string | null;
}

export function ChildrenPage(props: { chrome: Chrome; model: ChildrenModel; action: string; searchValue: string; errors: readonly FieldError[] }): VNode {
  const { model } = props;
  const searchError = props.errors.find((e) => e.field === 'q')?.message ?? null;
  return (
    <Page title="Children" chrome={props.chrome} hasErrors={props.errors.length > 0}>
      <ErrorSummary errors={props.errors} />
      <PageHeader title="Children" label={props.chrome.authority?.name} />
      <form method="get" action={props.action} role="search">
        <div class={`ds_question${searchError ? ' ds_question--error' : ''}`}>
          <label class="ds_label" for="q">
            Find a child by reference or name
          </label>
          {searchError && (
            <p class="ds_question__error-message" id="q-error">
              {searchError}
            </p>
          )}
          <div class="pace-inline-fields">
            <input
              class={`ds_input ds_input--fluid-one-third${searchError ? ' ds_input--error' : ''}`}
              type="search"
              id="q"
              name="q"
              value={props.searchValue}
              aria-invalid={searchError ? 'true' : undefined}
              aria-describedby={searchError ? 'q-error' : undefined}
            />
            <button type="submit" class="ds_button ds_button--small">
              Search
            </button>
          </div>
        </div>
      </form>
      {model.addHref && (
        <p>
          <a class="ds_button ds_button--secondary ds_button--small" href={model.addHref}>
            Add a child
          </a>
        </p>
      )}
      <p>
        {plural(model.total, 'child', 'children')}
        {model.search ? ` matching “${model.search}”` : ''}.
      </p>
      {model.rows.length > 0 && (
        <TableScroll label="Children, by reference">
          <table class="ds_table">
            <caption class="visually-hidden">Children, by reference</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Name</th>
                <th scope="col">Date of birth</th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((r) => (
                <tr key={r.childId}>
                  <td>
                    <a class="ds_link" href={r.href}>
                      {r.childId}
                    </a>
                  </td>
                  <td>{r.name}</td>
                  <td>{r.dateOfBirth}</td>
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
