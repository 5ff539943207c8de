/** An aim's driver diagram: the drawing, the same tree as nested lists, and the forms that change it. */
import type { VNode } from 'preact';
import type { FormValues } from '../forms/improvement-forms.js';
import { CsrfField, ErrorSummary, InlineLinks, NoticeBox, PageHeader, Radios, Select, SubmitOrCancel, TextInput, type FieldError, type Option } from './components.js';
import type { Link } from './improvement.js';
import { Page, type Chrome } from './layout.js';
import { SvgForWidths, type ChartForWidths } from './trusted-svg.js';

export interface DiagramListNode {
  readonly id: number;
  readonly kindLabel: string;
  readonly text: string;
  readonly editHref: string | null;
  readonly library: Link | null;
  /** For a change idea: the tests that try it. */
  readonly tests: readonly Link[];
  readonly children: readonly DiagramListNode[];
}

export interface DiagramModel {
  readonly aimName: string;
  readonly sentence: string;
  readonly svg: ChartForWidths;
  readonly tree: readonly DiagramListNode[];
  /** Null for a reader who may not change it. */
  readonly add: { readonly action: string; readonly primaries: readonly Option[]; readonly secondaries: readonly Option[]; readonly libraryIdeas: readonly Option[] } | null;
  readonly backHref: string;
}

function LibraryNote({ link }: { link: Link }): VNode {
  // On one line: a line break before the closing bracket would be read as a space.
  // prettier-ignore
  return <>{' '}(from the library: <a class="ds_link" href={link.href}>{link.text}</a>)</>;
}

function NestedList({ nodes }: { nodes: readonly DiagramListNode[] }): VNode | null {
  if (nodes.length === 0) return null;
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          <span class="visually-hidden">{n.kindLabel}: </span>
          {n.text}
          {n.library && <LibraryNote link={n.library} />}
          {n.tests.length > 0 && (
            <>
              {' '}
              — tried in <InlineLinks links={n.tests} separator=", " />
            </>
          )}
          {n.editHref && (
            <>
              {' '}
              <a class="ds_link" href={n.editHref}>
                Change<span class="visually-hidden"> {n.text}</span>
              </a>
            </>
          )}
          <NestedList nodes={n.children} />
        </li>
      ))}
    </ul>
  );
}

export function DriverDiagramPage(props: { chrome: Chrome; model: DiagramModel; values: FormValues; errors: readonly FieldError[]; notice: string | null }): VNode {
  const m = props.model;
  const e = props.errors;
  return (
    <Page title={`Driver diagram: ${m.aimName}`} chrome={props.chrome} hasErrors={e.length > 0} wide>
      <ErrorSummary errors={e} />
      <NoticeBox notice={props.notice} />
      <PageHeader title={`Driver diagram: ${m.aimName}`} label={props.chrome.authority?.name} />
      <p class="pace-sentence">{m.sentence}</p>
      <figure class="pace-figure">
        <SvgForWidths chart={m.svg} />
        <figcaption>The aim first; its primary drivers, their secondary drivers and the change ideas after it (to the right, or on a phone below it). The same diagram as a list follows.</figcaption>
      </figure>
      <h2>The diagram as a list</h2>
      {m.tree.length === 0 ? <p>No drivers yet.</p> : <NestedList nodes={m.tree} />}
      {m.add && (
        <>
          <h2>Add to the diagram</h2>
          <form method="post" action={m.add.action} novalidate>
            <CsrfField token={props.chrome.csrfToken} />
            <Radios
              name="kind"
              legend="What to add"
              options={[
                { value: 'primary', label: 'A primary driver' },
                { value: 'secondary', label: 'A secondary driver', fields: <Select name="parent_secondary" label="Under the primary driver" value={props.values.parent_secondary ?? ''} options={m.add.primaries} blank="Choose one" errors={e} /> },
                {
                  value: 'change-idea',
                  label: 'A change idea',
                  fields: (
                    <>
                      <Select name="parent_idea" label="Under the secondary driver" value={props.values.parent_idea ?? ''} options={m.add.secondaries} blank="Choose one" errors={e} />
                      <Select name="library_idea" label="From the library (optional)" value={props.values.library_idea ?? ''} options={m.add.libraryIdeas} blank="None" errors={e} />
                    </>
                  ),
                },
              ]}
              value={props.values.kind ?? ''}
              errors={e}
            />
            <TextInput name="text" label="Words" hint="For a change idea from the library, leave empty to use the idea's title." value={props.values.text ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
            <button type="submit" class="ds_button">
              Add
            </button>
          </form>
        </>
      )}
      <p>
        <a class="ds_link" href={m.backHref}>
          Back to the improvement work
        </a>
      </p>
    </Page>
  );
}

export function DriverNodeForm(props: { chrome: Chrome; title: string; action: string; removeAction: string | null; cancelHref: string; parents: readonly Option[] | null; values: FormValues; errors: readonly FieldError[]; removeRefusal: string | null }): VNode {
  const e = props.errors;
  return (
    <Page title={props.title} chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={props.title} label={props.chrome.authority?.name} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <TextInput name="text" label="Words" value={props.values.text ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
        {props.parents && <Select name="parent" label="Under" value={props.values.parent ?? ''} options={props.parents} errors={e} />}
        <SubmitOrCancel label="Save" cancelHref={props.cancelHref} />
      </form>
      {props.removeAction && (
        <form method="post" action={props.removeAction}>
          <CsrfField token={props.chrome.csrfToken} />
          <button type="submit" class="ds_button ds_button--secondary">
            Remove it from the diagram
          </button>
        </form>
      )}
      {props.removeRefusal && <p>{props.removeRefusal}</p>}
    </Page>
  );
}
