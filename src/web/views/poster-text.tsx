/** The form for the words the team keeps with its poster: what we have done, key learning, next steps, contact. */
import type { VNode } from 'preact';
import type { FormValues } from '../forms/improvement-forms.js';
import { CsrfField, ErrorSummary, PageHeader, SubmitOrCancel, TextArea, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface PosterTextFormModel {
  readonly action: string;
  readonly cancelHref: string;
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
  /** Who saved the words and when, or that nobody has yet. */
  readonly savedWords: string;
}

const onePerLine = 'One point a line; each line is a bullet on the poster.';

export function PosterTextForm(props: { chrome: Chrome; model: PosterTextFormModel }): VNode {
  const { model } = props;
  const e = model.errors;
  return (
    <Page title="The poster's words" chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title="The poster's words" label={props.chrome.authority?.name} />
      <p>The poster shows the aims, their figures and run charts, and the tests of change with what was decided. These are the words the team writes and keeps with it, as on the programme's own posters.</p>
      <p>
        A poster is shown to people outside the authority: write nothing that could identify a child — no name, reference or date of birth. pace refuses words that hold one of this
        authority's children's.
      </p>
      <p class="ds_hint-text">{model.savedWords}</p>
      <form method="post" action={model.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <TextArea name="done" label="What have we done so far?" hint={`${onePerLine} At most 8 points and 1,200 characters.`} value={model.values.done ?? ''} errors={e} rows={6} />
        <TextArea name="learning" label="Key learning points" hint={`${onePerLine} At most 8 points and 1,200 characters.`} value={model.values.learning ?? ''} errors={e} rows={6} />
        <TextArea name="next_steps" label="Next steps" hint={`${onePerLine} At most 8 points and 1,200 characters.`} value={model.values.next_steps ?? ''} errors={e} rows={6} />
        <TextArea name="contact" label="Further information: whom to contact" hint="A role, a team or a person, and how to reach them. At most 3 lines and 300 characters." value={model.values.contact ?? ''} errors={e} rows={2} />
        <SubmitOrCancel label="Save the poster's words" cancelHref={model.cancelHref} />
      </form>
    </Page>
  );
}
