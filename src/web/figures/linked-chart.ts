/**
 * A chart for the page: each dot of a run chart and each bar of a waiting chart becomes a link to
 * that child's record ("follow a dot to the child"). Plot names each mark in a <title> that starts
 * with the child's reference; the link is added through the DOM, and svgMarkup escapes every attribute.
 * The root stops being role="img" (whose children are hidden from assistive technology) and
 * becomes a labelled group whose links can be reached by keyboard.
 */
import { parseHTML } from 'linkedom';
import { svgMarkup } from '../../charts/svg-markup.js';

const svgNamespace = 'http://www.w3.org/2000/svg';

/** The same SVG with each child's mark wrapped in a link to `hrefOf(childId)`. */
export function linkChartMarks(svg: string, options: { label: string; childIds: ReadonlySet<string>; hrefOf: (childId: string) => string }): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('linkChartMarks needs an SVG');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', options.label);
  for (const title of Array.from(root.querySelectorAll('g[aria-label="dot"] > * > title, g[aria-label="bar"] > * > title'))) {
    const mark = title.parentElement;
    const text = title.textContent ?? '';
    const childId = childIdOf(text, options.childIds);
    if (!mark || childId === null) continue;
    const link = document.createElementNS(svgNamespace, 'a');
    link.setAttribute('href', options.hrefOf(childId));
    link.setAttribute('aria-label', text);
    mark.replaceWith(link);
    link.appendChild(mark);
  }
  // Inside a group (no longer an image) Plot's labelled <g> elements would be announced, and
  // aria-label is not allowed on them: the axes and lines are hidden from assistive technology
  // (the caption, the verdicts and the table say what they show); the marks keep their links.
  for (const group of Array.from(root.querySelectorAll('g[aria-label]'))) {
    const label = group.getAttribute('aria-label');
    group.removeAttribute('aria-label');
    if (label !== 'dot' && label !== 'bar') group.setAttribute('aria-hidden', 'true');
  }
  return svgMarkup(root);
}

/** The longest known reference the title starts with, followed by ": ". */
function childIdOf(title: string, childIds: ReadonlySet<string>): string | null {
  let index = title.indexOf(': ');
  let found: string | null = null;
  while (index > 0) {
    const candidate = title.slice(0, index);
    if (childIds.has(candidate)) found = candidate;
    index = title.indexOf(': ', index + 1);
  }
  return found;
}
