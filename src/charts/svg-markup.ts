/**
 * SVG text out of a DOM tree (linkedom's), with every attribute value fully escaped. linkedom
 * 0.18.12 escapes only `"` in an attribute: a `<` or `&` left bare there (a child's name typed
 * with one, in a chart's label) makes a standalone SVG ill-formed XML, so its download does not
 * open and its PNG cannot be drawn, and leaves text that reads as markup. Every chart and every
 * chart put into a page is written through here.
 */
interface MarkupElement {
  readonly outerHTML: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selectors: string): ArrayLike<MarkupElement>;
}

export function svgMarkup(root: MarkupElement): string {
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(element.attributes)) if (/[&<>]/.test(value)) element.setAttribute(name, escapeAttribute(value));
  }
  return root.outerHTML;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
