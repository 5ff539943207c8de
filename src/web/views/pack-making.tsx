/**
 * A PDF while it is made — the meeting pack's (routes/packs.ts) or the poster's (routes/poster.ts):
 * how far it has got, refreshing itself every second (a plain link does the same without the
 * refresh), then a link to the file.
 */
import type { VNode } from 'preact';
import type { Chrome } from './layout.js';
import { Page } from './layout.js';
import { PageHeader } from './components.js';

export interface PackMakingModel {
  readonly title: string;
  /** What the PDF is, above the title: "Meeting pack as a PDF" unless given. */
  readonly label?: string;
  readonly state: { readonly kind: 'making'; readonly done: number; readonly total: number; readonly step: string | null; readonly attempt?: number } | { readonly kind: 'ready'; readonly bytes: number } | { readonly kind: 'failed'; readonly reason: string };
  readonly pdfHref: string;
  readonly selfHref: string;
  /** Where "Try again" after a failure leads: the page, asking for the PDF to be made anew. */
  readonly againHref?: string;
  readonly back: { readonly href: string; readonly text: string };
}

export function PackMakingPage(props: { chrome: Chrome; model: PackMakingModel }): VNode {
  const { model } = props;
  const { state } = model;
  const making = state.kind === 'making';
  return (
    <Page title={making ? `Making the PDF: ${model.title}` : model.title} chrome={props.chrome} hasErrors={state.kind === 'failed'} {...(making ? { refreshSeconds: 1 } : {})}>
      <PageHeader title={model.title} label={model.label ?? 'Meeting pack as a PDF'} />
      {state.kind === 'making' && (
        <div role="status">
          <p>{state.step === null ? 'Making the PDF: starting…' : `Making the PDF: ${state.done} of ${state.total} parts drawn (${state.step}).`}</p>
          {(state.attempt ?? 1) > 1 && <p>The server first making it stopped, so another is making it again from the start.</p>}
          <progress max={Math.max(state.total, 1)} value={state.done} aria-label="Progress">
            {state.total > 0 ? `${Math.round((100 * state.done) / state.total)}%` : ''}
          </progress>
          <p class="ds_hint-text">
            This page refreshes itself every second until the PDF is ready, or{' '}
            <a class="ds_link" href={model.selfHref}>
              check again
            </a>
            .
          </p>
        </div>
      )}
      {state.kind === 'ready' && (
        <div role="status">
          <p>The PDF is ready ({kilobytes(state.bytes)}).</p>
          <p>
            <a class="ds_button" href={model.pdfHref}>
              Download the PDF
            </a>
          </p>
        </div>
      )}
      {state.kind === 'failed' && (
        <div class="ds_error-summary" role="alert" aria-labelledby="failure-title">
          <h2 class="ds_error-summary__title" id="failure-title">
            The PDF could not be made
          </h2>
          <p>{state.reason}</p>
          <p>
            <a class="ds_link" href={model.againHref ?? model.selfHref}>
              Try again
            </a>
          </p>
        </div>
      )}
      <p>
        <a class="ds_link" href={model.back.href}>
          {model.back.text}
        </a>
      </p>
    </Page>
  );
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
}
