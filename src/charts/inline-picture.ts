/**
 * A standalone chart put into a page as one picture: the root keeps role="img" and its label (the
 * chart's title and what it shows), and the words beside it and the table below say the rest.
 * Plot labels each mark's <g> ("rule", "dot"); inside a page that attribute is not allowed on a
 * plain group, and the picture's parts are not read out one by one, so it is removed.
 */
import { parseHTML } from 'linkedom';
import { svgMarkup } from './svg-markup.js';

export function inlinePicture(svg: string, label?: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root || root.getAttribute('role') !== 'img') throw new Error('inlinePicture needs an SVG with role="img"');
  // What the picture shows, for those who cannot see it, where the chart does not say it itself.
  if (label !== undefined) root.setAttribute('aria-label', label);
  for (const group of Array.from(root.querySelectorAll('g[aria-label]'))) group.removeAttribute('aria-label');
  return svgMarkup(root);
}
