/**
 * A standalone chart put into a page as one labelled picture (the meeting pack, the balancing
 * measures): as charts/inline-picture.ts, with the label a picture needs; the words and tables beside it
 * say the rest.
 */
import { parseHTML } from 'linkedom';
import { svgMarkup } from '../../charts/svg-markup.js';
import { inlinePicture } from '../../charts/inline-picture.js';
import { trustedSvg, type ChartForWidths, type TrustedSvg } from '../views/trusted-svg.js';

export function labelledPicture(svg: string, label: string): TrustedSvg {
  const { document } = parseHTML(`<!doctype html><html><body>${inlinePicture(svg)}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('labelledPicture needs an SVG');
  root.setAttribute('aria-label', label);
  return trustedSvg(svgMarkup(root));
}

/** A chart drawn at both sizes by `draw` (trusted-svg.tsx, `drawnForWidths`), each drawing labelled as `labelledPicture` labels one. */
export function labelledForWidths(draw: (size: 'full' | 'small') => string, label: string): ChartForWidths {
  return { wide: labelledPicture(draw('full'), label), narrow: labelledPicture(draw('small'), label) };
}
