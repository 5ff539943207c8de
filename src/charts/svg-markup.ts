/**
 * SVG text out of a DOM tree (linkedom's), with every attribute value fully escaped. linkedom
 * 0.18.12 escapes only `"` in an attribute: a `<` or `&` left bare there (a child's name typed
 * with one, in a chart's label) makes a standalone SVG ill-formed XML, so its download does not
 * open and its PNG cannot be drawn, and leaves text that reads as markup. Every chart and every
 * chart put into a page is written through here.
 */
interface MarkupElement {
  readonly outerHTML: string;
  getAttributeNames(): ArrayLike<string>;
  getAttributeNode(name: string): { readonly value: string } | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selectors: string): ArrayLike<MarkupElement>;
}

export function svgMarkup(root: MarkupElement): string {
  const elements = root.querySelectorAll('*');
  escapeAttributes(root);
  for (let i = 0; i < elements.length; i++) escapeAttributes(elements[i] as MarkupElement);
  return root.outerHTML;
}

function escapeAttributes(element: MarkupElement): void {
  // By name rather than through `attributes`, which linkedom makes a Proxy that cost more to walk
  // than the rest of this.
  const names = element.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = element.getAttributeNode(name)?.value;
    if (value !== undefined && /[&<>]/.test(value)) element.setAttribute(name, escapeAttribute(value));
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The size an SVG asks for, from its width and height attributes (our charts always set both). */
export function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 760);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 360);
  return { width, height };
}
