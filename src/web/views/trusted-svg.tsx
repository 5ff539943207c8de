/**
 * The ways markup that is not written as JSX at the moment of the request enters a page
 * (docs/architecture.md, "How the code reads" 10), both ours and both here:
 * - SVG made by src/charts from domain results (`trustedSvg`). Nothing a user typed reaches a chart
 *   unescaped: Plot writes text into the SVG through the DOM, which escapes it, and
 *   linked-chart.ts adds links the same way. `dangerouslySetInnerHTML` is used here and nowhere
 *   else (test/web/trusted-svg.test.ts checks).
 * - A part of a page rendered from JSX ahead of time (`prerendered`): a part that is the same for
 *   every reader (a dashboard's aims) is rendered once per data version, and JSX escaped it.
 */
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Markup from our own chart code or our own JSX, safe to put into a page as it is. */
export interface TrustedSvg {
  readonly kind: 'trusted-svg';
  readonly markup: string;
}

/** Marks SVG text made by src/charts (or linked-chart.ts) as safe to put into a page. */
export function trustedSvg(markup: string): TrustedSvg {
  if (!markup.startsWith('<svg')) throw new Error('trustedSvg takes only SVG made by our chart code');
  return { kind: 'trusted-svg', markup };
}

/** A part rendered ahead of time, kept as the bytes a response sends (see sendPage in render.ts). */
export interface PrerenderedPart {
  readonly kind: 'prerendered';
  readonly bytes: Buffer;
}

/**
 * Renders JSX now, for putting into pages later. It is kept as bytes and sent between the rest of
 * the page's bytes, so that a large part costs each request no rendering and no large allocation.
 */
export function prerendered(node: VNode): PrerenderedPart {
  return { kind: 'prerendered', bytes: Buffer.from(`<div class="pace-part">${render(node)}</div>`) };
}

/** Where a page's prerendered part goes: JSX escapes `<` in anything a user typed, so this cannot be forged. */
export const partSlotMarkup = '<div class="pace-part-slot"></div>';

export function PartSlot(): VNode {
  return <div class="pace-part-slot" />;
}

/** Puts a trusted chart into the page. */
export function Svg({ svg, class: className }: { svg: TrustedSvg; class?: string }): VNode {
  return <div class={className ?? 'pace-chart'} dangerouslySetInnerHTML={{ __html: svg.markup }} />;
}

/** A chart drawn twice: wide for a desk, narrow for a phone, whose words a phone's width can still show. */
export interface ChartForWidths {
  readonly wide: TrustedSvg;
  readonly narrow: TrustedSvg;
}

/** A chart drawn at both sizes by `draw`: the full drawing for a desk, the small one for a phone. */
export function drawnForWidths(draw: (size: 'full' | 'small') => string): ChartForWidths {
  return { wide: trustedSvg(draw('full')), narrow: trustedSvg(draw('small')) };
}

/** Puts both drawings of a chart into the page; its stylesheet shows the one that fits the window (app-css.ts). */
export function SvgForWidths({ chart }: { chart: ChartForWidths }): VNode {
  return (
    <>
      <Svg svg={chart.wide} class="pace-chart pace-chart--wide" />
      <Svg svg={chart.narrow} class="pace-chart pace-chart--narrow" />
    </>
  );
}

/** A chart's phone drawing as a picture of its own (a child's or a group's timeline: decision 0034), where it is and what it shows. */
export interface PhonePicture {
  readonly href: string;
  readonly alt: string;
}

/**
 * The desk's drawing in the page, and the phone's as a lazy picture hidden on a desk (app-css.ts),
 * so that a desk's browser never asks for it and a phone's asks once it nears the screen.
 */
export function SvgAndPhonePicture({ svg, phone }: { svg: TrustedSvg; phone: PhonePicture }): VNode {
  return (
    <>
      <Svg svg={svg} class="pace-chart pace-chart--wide" />
      <img class="pace-chart--narrow pace-chart-picture" src={phone.href} alt={phone.alt} width={560} loading="lazy" />
    </>
  );
}
