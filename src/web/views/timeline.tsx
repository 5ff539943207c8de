/** A child's timeline in their record: the drawing, its summary, its downloads and print page, and the same facts as tables. */
import type { VNode } from 'preact';
import type { ChildTimelineModel } from '../presenters/timeline.js';
import { DataTable } from './components.js';
import { SvgAndPhonePicture } from './trusted-svg.js';

export function ChildTimelineSection({ model }: { model: ChildTimelineModel }): VNode {
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">Timeline as at {model.asAtWords}</h2>
      <p>{model.summary}</p>
      <SvgAndPhonePicture svg={model.svg} phone={model.narrow} />
      <ul class="pace-actions ds_no-bullets pace-downloads">
        <li>
          <a class="ds_link" href={model.links.svg} download>
            Download SVG<span class="visually-hidden"> picture of the timeline</span>
          </a>
        </li>
        <li>
          <a class="ds_link" href={model.links.png} download>
            Download PNG<span class="visually-hidden"> picture of the timeline</span>
          </a>
        </li>
        <li>
          <a class="ds_link" href={model.links.print}>
            Print (A4)
          </a>
        </li>
      </ul>
      <details class="ds_details">
        <summary class="ds_details__summary">The timeline as tables</summary>
        <div class="ds_details__text">
          {model.tables.length === 0 ? <p>Nothing is recorded for this child yet.</p> : model.tables.map((table) => <DataTable table={table} key={table.caption} />)}
        </div>
      </details>
    </section>
  );
}
