/** The forms that choose which figures a page shows: as at which date, for whose children, over which window. */
import type { VNode } from 'preact';
import type { ChildFilter, FilterChoices } from '../../domain/child-filter.js';
import { windowChoices, type FigureScope } from '../forms/figure-scope.js';
import { Select, type FieldError, type Option } from './components.js';

export function AsAtForm(props: { action: string; value: string; errors: readonly FieldError[]; extra?: Readonly<Record<string, string>> }): VNode {
  return (
    <form method="get" action={props.action} class="pace-as-at">
      <Hidden values={props.extra ?? {}} />
      <AsAtQuestion value={props.value} errors={props.errors} />
    </form>
  );
}

function AsAtQuestion(props: { value: string; errors: readonly FieldError[]; withButton?: boolean }): VNode {
  const error = props.errors.find((e) => e.field === 'as_at');
  return (
    <div class={`ds_question${error ? ' ds_question--error' : ''}`}>
      <label class="ds_label" for="as_at">
        Show the figures as at
      </label>
      <p class="ds_hint-text" id="as_at-hint">
        A date such as 2024-03-01 or 01/03/2024. Only what had happened by then is counted.
      </p>
      {error && (
        <p class="ds_question__error-message" id="as_at-error">
          {error.message}
        </p>
      )}
      <div class="pace-inline-fields">
        <input class={`ds_input ds_input--fixed-10${error ? ' ds_input--error' : ''}`} type="text" id="as_at" name="as_at" value={props.value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'as_at-hint as_at-error' : 'as_at-hint'} />
        {props.withButton !== false && (
          <button type="submit" class="ds_button ds_button--small">
            Show
          </button>
        )}
      </div>
    </div>
  );
}

function Hidden({ values }: { values: Readonly<Record<string, string>> }): VNode {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
    </>
  );
}

/** The choices of a select, keeping a value the address named even if no record names it now. */
function choicesOf(values: readonly string[], chosen: string | null): Option[] {
  const all = chosen !== null && !values.includes(chosen) ? [chosen, ...values] : values;
  return all.map((value) => ({ value, label: value }));
}

/** Team, locality and worker: three selects, each with "every" first. */
export function FilterSelects(props: { filter: ChildFilter; choices: FilterChoices; errors: readonly FieldError[] }): VNode {
  const { filter, choices } = props;
  return (
    <>
      <Select name="team" label="Team" value={filter.team ?? ''} blank="Every team" options={choicesOf(choices.teams, filter.team)} errors={props.errors} />
      <Select name="locality" label="Locality" value={filter.locality ?? ''} blank="Every locality" options={choicesOf(choices.localities, filter.locality)} errors={props.errors} />
      <Select name="worker" label="Worker" value={filter.worker ?? ''} blank="Every worker" options={choicesOf(choices.workers, filter.worker)} errors={props.errors} />
    </>
  );
}

/**
 * As at, whose children (team, locality, worker) and, where the page has a recent figure, which
 * window: one form, in the address when sent, so that a link or bookmark shows the same figures.
 */
export function ScopeForm(props: { action: string; scope: FigureScope; choices: FilterChoices; errors: readonly FieldError[]; withWindow?: boolean; extra?: Readonly<Record<string, string>> }): VNode {
  const { scope, choices } = props;
  return (
    <form method="get" action={props.action} class="pace-scope" aria-label="Choose the figures">
      <Hidden values={props.extra ?? {}} />
      <AsAtQuestion value={scope.asAtText} errors={props.errors} withButton={false} />
      <div class="pace-filters">
        {props.withWindow && <Select name="window" label="Recent figure over" value={String(scope.window)} options={windowChoices.map((m) => ({ value: String(m), label: `the last ${m} months` }))} errors={props.errors} />}
        <FilterSelects filter={scope.filter} choices={choices} errors={props.errors} />
        <div class="ds_question">
          <button type="submit" class="ds_button ds_button--small">
            Show
          </button>
        </div>
      </div>
    </form>
  );
}
