/**
 * The page a reader sees while an authority's figures for a new as-at date (or a team's, a
 * locality's or a worker's) are worked out (issue 18, point 3): how far the work has got, refreshing
 * itself every second until the page asked for is ready; a plain link does the same without the
 * refresh. The work goes on in the server whether or not the page is left open.
 */
import type { VNode } from 'preact';
import type { Chrome } from './layout.js';
import { Page } from './layout.js';
import { PageHeader } from './components.js';

export interface WorkingOutModel {
  /** Whose figures, and as at when: "North Council as at 5 December 2026". */
  readonly whose: string;
  /** Parts worked out of how many; null while the work waits for others' figures to be worked out first. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** The caption above the title, when the words of `whose` do not start a line well (default: `whose`). */
  readonly label?: string;
  /** The page asked for: where the refresh and the link go. */
  readonly selfHref: string;
}

export function WorkingOutPage(props: { chrome: Chrome; model: WorkingOutModel }): VNode {
  const { model } = props;
  const { progress } = model;
  return (
    <Page title="Working out the figures" chrome={props.chrome} refreshSeconds={1}>
      <PageHeader title="Working out the figures" label={model.label ?? model.whose} />
      <div role="status">
        <p>
          {progress === null
            ? `pace is working out other figures first; the figures of ${model.whose} come next.`
            : `pace is working out the figures of ${model.whose}: ${Math.round((100 * progress.done) / Math.max(progress.total, 1))}% done. Every child's journeys are measured against every aim as at that day, once; after that the page comes at once.`}
        </p>
        <progress max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} aria-label="Progress">
          {progress ? `${Math.round((100 * progress.done) / Math.max(progress.total, 1))}%` : ''}
        </progress>
        <p class="ds_hint-text">
          This page refreshes itself every second until the figures are ready, or{' '}
          <a class="ds_link" href={model.selfHref}>
            check again
          </a>
          .
        </p>
      </div>
    </Page>
  );
}
