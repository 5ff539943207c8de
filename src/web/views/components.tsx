/** Design-system components used across pages: headings, the error summary, questions, tables. */
import type { ComponentChildren, VNode } from 'preact';

export interface FieldError {
  /** The input's name and id, for the error summary's link. */
  readonly field: string;
  readonly message: string;
}

export function PageHeader(props: { title: string; label?: string; children?: ComponentChildren }): VNode {
  return (
    <header class="ds_page-header">
      {props.label && <span class="ds_page-header__label ds_content-label">{props.label}</span>}
      <h1 class="ds_page-header__title">{props.title}</h1>
      {props.children}
    </header>
  );
}

/** The error summary pattern: a titled box at the top of the page linking to each field in error. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }): VNode | null {
  if (errors.length === 0) return null;
  return (
    <div class="ds_error-summary" aria-labelledby="error-summary-title" role="alert">
      <h2 class="ds_error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul class="ds_error-summary__list">
        {errors.map((e) => (
          <li key={e.field + e.message}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }): VNode {
  return <input type="hidden" name="_csrf" value={token} />;
}

function errorFor(errors: readonly FieldError[], field: string): string | null {
  return errors.find((e) => e.field === field)?.message ?? null;
}

interface QuestionProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly errors: readonly FieldError[];
}

function Question(props: QuestionProps & { children: ComponentChildren }): VNode {
  const error = errorFor(props.errors, props.name);
  return (
    <div class={`ds_question${error ? ' ds_question--error' : ''}`}>
      <label class="ds_label" for={props.name}>
        {props.label}
      </label>
      {props.hint && (
        <p class="ds_hint-text" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="ds_question__error-message" id={`${props.name}-error`}>
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}

function describedBy(props: QuestionProps): string | undefined {
  const ids = [props.hint ? `${props.name}-hint` : null, errorFor(props.errors, props.name) ? `${props.name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextInput(props: QuestionProps & { value: string; width?: string; type?: 'text' | 'password'; autocomplete?: string; readOnly?: boolean }): VNode {
  const error = errorFor(props.errors, props.name);
  const attributes = {
    class: `ds_input${props.width ? ` ${props.width}` : ''}${error ? ' ds_input--error' : ''}`,
    id: props.name,
    name: props.name,
    value: props.value,
    autocomplete: props.autocomplete,
    readOnly: props.readOnly,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props),
  };
  return <Question {...props}>{props.type === 'password' ? <input type="password" {...attributes} /> : <input type="text" {...attributes} />}</Question>;
}

export function TextArea(props: QuestionProps & { value: string; rows?: number }): VNode {
  const error = errorFor(props.errors, props.name);
  return (
    <Question {...props}>
      <textarea
        class={`ds_input${error ? ' ds_input--error' : ''}`}
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        value={props.value}
      />
    </Question>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function Select(props: QuestionProps & { value: string; options: readonly Option[]; blank?: string }): VNode {
  const error = errorFor(props.errors, props.name);
  return (
    <Question {...props}>
      <div class="ds_select-wrapper">
        <select class={`ds_select${error ? ' ds_select--error' : ''}`} id={props.name} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props)}>
          {props.blank !== undefined && <option value="">{props.blank}</option>}
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value} key={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <span class="ds_select-arrow" aria-hidden="true" />
      </div>
    </Question>
  );
}

/** A question of several choices: its legend, hint and error above the choices. */
function ChoiceQuestion(props: { name: string; legend: string; hint?: string | undefined; errors: readonly FieldError[]; children: ComponentChildren }): VNode {
  const error = errorFor(props.errors, props.name);
  return (
    <div class={`ds_question${error ? ' ds_question--error' : ''}`}>
      <fieldset id={props.name}>
        <legend>{props.legend}</legend>
        {props.hint && <p class="ds_hint-text">{props.hint}</p>}
        {error && <p class="ds_question__error-message">{error}</p>}
        <div class="ds_field-group">{props.children}</div>
      </fieldset>
    </div>
  );
}

export function Checkboxes(props: { name: string; legend: string; hint?: string; options: readonly Option[]; checked: readonly string[]; errors: readonly FieldError[] }): VNode {
  return (
    <ChoiceQuestion name={props.name} legend={props.legend} hint={props.hint} errors={props.errors}>
      {props.options.map((o) => (
        <div class="ds_checkbox ds_checkbox--small" key={o.value}>
          <input class="ds_checkbox__input" type="checkbox" id={`${props.name}-${o.value}`} name={props.name} value={o.value} checked={props.checked.includes(o.value)} />
          <label class="ds_checkbox__label" for={`${props.name}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </ChoiceQuestion>
  );
}

/** Radio buttons; an option's `fields` (the questions that go with it) sit beneath it, always shown, so the form works without JavaScript. */
export function Radios(props: { name: string; legend: string; hint?: string; options: readonly (Option & { fields?: ComponentChildren })[]; value: string; errors: readonly FieldError[] }): VNode {
  return (
    <ChoiceQuestion name={props.name} legend={props.legend} hint={props.hint} errors={props.errors}>
      {props.options.map((o) => (
        <div key={o.value}>
          <div class="ds_radio ds_radio--small">
            <input class="ds_radio__input" type="radio" id={`${props.name}-${o.value}`} name={props.name} value={o.value} checked={props.value === o.value} />
            <label class="ds_radio__label" for={`${props.name}-${o.value}`}>
              {o.label}
            </label>
          </div>
          {o.fields && <div class="pace-radio-fields">{o.fields}</div>}
        </div>
      ))}
    </ChoiceQuestion>
  );
}

/**
 * The box a table sits in: on a narrow screen a wide table scrolls sideways inside it, never the
 * page. A named region in the tab order, so that a keyboard can scroll it too (axe's
 * scrollable-region-focusable); `label` says which table it holds.
 */
export function TableScroll(props: { label: string; class?: string; children: ComponentChildren }): VNode {
  return (
    <div class={`pace-table-scroll${props.class ? ` ${props.class}` : ''}`} role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

export interface TableModel {
  readonly caption: string;
  readonly columns: readonly string[];
  /** Each cell is text, or text with a link. */
  readonly rows: readonly (readonly (string | { text: string; href: string })[])[];
}

/** A table made from a model: a chart's data (the table alternative), a timeline, the national figures. */
export function DataTable({ table }: { table: TableModel }): VNode {
  return (
    <TableScroll label={table.caption}>
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
    </TableScroll>
  );
}

export function SummaryList({ items }: { items: readonly { key: string; value: ComponentChildren }[] }): VNode {
  return (
    <dl class="ds_summary-list">
      {items.map((item) => (
        <div class="ds_summary-list__item" key={item.key}>
          <dt class="ds_summary-list__key">{item.key}</dt>
          <dd class="ds_summary-list__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list's cell naming a child: the id, linked to the child's page, then the name, unless it is empty (none recorded, or not for this reader). */
export function ChildCell({ childId, childName, href }: { childId: string; childName: string; href: string }): VNode {
  return (
    <td>
      <a class="ds_link" href={href}>
        {childId}
      </a>
      {childName && <span class="pace-child-name"> {childName}</span>}
    </td>
  );
}

export function Tag({ colour, children }: { colour: 'red' | 'orange' | 'green' | 'grey' | 'blue' | 'yellow'; children: ComponentChildren }): VNode {
  return <span class={`ds_tag ds_tag--${colour}`}>{children}</span>;
}

/** What the last action did (saved, removed, …), announced to screen readers; nothing when there is no notice. */
export function NoticeBox({ notice }: { notice: string | null }): VNode | null {
  if (!notice) return null;
  return (
    <div class="ds_inset-text" role="status">
      <p class="ds_inset-text__text">{notice}</p>
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="ds_inset-text">
      <div class="ds_inset-text__text">{children}</div>
    </div>
  );
}

export function Pagination(props: { page: number; pages: number; hrefOf: (page: number) => string; label?: string }): VNode | null {
  if (props.pages <= 1) return null;
  return (
    <nav class="ds_pagination" aria-label={props.label ?? 'Pages'}>
      <ul class="ds_pagination__list">
        {props.page > 1 && (
          <li class="ds_pagination__item">
            <a class="ds_pagination__link ds_pagination__link--text" href={props.hrefOf(props.page - 1)}>
              Previous
            </a>
          </li>
        )}
        <li class="ds_pagination__item">
          <span class="ds_pagination__link ds_pagination__link--text">
            Page {props.page} of {props.pages}
          </span>
        </li>
        {props.page < props.pages && (
          <li class="ds_pagination__item">
            <a class="ds_pagination__link ds_pagination__link--text" href={props.hrefOf(props.page + 1)}>
              Next
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** A list of links, one an item. */
export function LinkList(props: { links: readonly { readonly href: string; readonly text: string }[]; class?: string }): VNode {
  return (
    <ul class={props.class}>
      {props.links.map((link) => (
        <li key={link.href}>
          <a class="ds_link" href={link.href}>
            {link.text}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Links within a sentence, one after another with `separator` between them ("T1, T2"). */
export function InlineLinks(props: { links: readonly { readonly href: string; readonly text: string }[]; separator: string }): VNode {
  return (
    <>
      {props.links.map((link, i) => (
        <span key={link.href}>
          {i > 0 && props.separator}
          <a class="ds_link" href={link.href}>
            {link.text}
          </a>
        </span>
      ))}
    </>
  );
}

/** A form's submit button with a link back to where the reader came from. */
export function SubmitOrCancel(props: { label: ComponentChildren; cancelHref: string }): VNode {
  return (
    <div class="ds_button-group">
      <button type="submit" class="ds_button">
        {props.label}
      </button>
      <a class="ds_link" href={props.cancelHref}>
        Cancel
      </a>
    </div>
  );
}
