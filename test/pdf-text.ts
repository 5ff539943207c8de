// Reads back the text of a PDF that pdfkit wrote, as a text extractor does: each page's content
// streams (inflated), each font's ToUnicode map, and the strings shown with Tj and TJ. Enough for
// pdfkit's own output (embedded fonts with Identity-H encoding, or the standard fonts), no more.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const body = match[2] as string;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const start = match.index + match[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const end = text.lastIndexOf('endstream', match.index + match[0].length);
    let stream = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(body.slice(0, at))) stream = inflateSync(stream);
    objects.set(Number(match[1]), { dict: body.slice(0, at), stream });
  }
  return objects;
}

/** A ToUnicode CMap's codes (as pdfkit writes them: bfrange with arrays, and bfchar). */
function cmapOf(source: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
  for (const range of source.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(range[1] as string, 16);
    [...(range[3] as string).matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((entry, i) => map.set(start + i, hex((entry[1] as string).replace(/\s/g, ''))));
  }
  for (const one of source.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>\s*$/gm)) map.set(parseInt(one[1] as string, 16), hex(one[2] as string));
  return map;
}

/** A piece of marked content on a page: its tag (H1, P, LBody, Figure, Artifact…) and each line of text in it. */
export interface MarkedContent {
  readonly tag: string;
  readonly lines: readonly string[];
}

/** Each page's marked content, in the order drawn (text outside any marked content has the tag ''). */
export function pdfPageContents(pdf: Buffer): MarkedContent[][] {
  const objects = objectsOf(pdf);
  const fonts = new Map<string, Map<number, string> | null>();
  for (const object of objects.values()) {
    for (const font of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const fontObject = objects.get(Number(font[2]));
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(fontObject?.dict ?? '');
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : null;
      fonts.set(font[1] as string, cmap ? cmapOf(cmap.toString('latin1')) : null);
    }
  }
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  return pages.map((page) => {
    const refs = /\/Contents\s+(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict);
    const ids = refs ? (refs[1] ?? refs[2] ?? '').match(/\d+(?= 0 R)|^\d+$/g) ?? [] : [];
    const marked: { tag: string; lines: string[] }[] = [];
    const open: { tag: string; lines: string[] }[] = [];
    const loose = (): { tag: string; lines: string[] } => {
      const last = marked[marked.length - 1];
      if (last && last.tag === '' && open.length === 0) return last;
      const piece = { tag: '', lines: [] };
      marked.push(piece);
      return piece;
    };
    for (const id of ids) {
      const content = objects.get(Number(id))?.stream?.toString('latin1') ?? '';
      let cmap: Map<number, string> | null = null;
      for (const op of content.matchAll(/\/(\w+)\s*(?:<<[^>]*>>)?\s*BDC|\/(\w+)\s+BMC|\bEMC\b|\/(F\d+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        const tag = op[1] ?? op[2];
        if (tag !== undefined) {
          const piece = { tag, lines: [] };
          // Nested content (an LBody in an LI) is its own piece; its text is not counted twice.
          marked.push(piece);
          open.push(piece);
          continue;
        }
        if (op[0] === 'EMC') {
          open.pop();
          continue;
        }
        if (op[3]) {
          cmap = fonts.get(op[3]) ?? null;
          continue;
        }
        const strings = op[4] ? [...op[4].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] as string) : op[5] !== undefined ? [op[5]] : [];
        if (strings.length === 0) continue;
        const line = strings
          .map((h) => (cmap ? (h.match(/.{4}/g) ?? []).map((c) => cmap?.get(parseInt(c, 16)) ?? '') : (h.match(/.{2}/g) ?? []).map((c) => String.fromCharCode(parseInt(c, 16)))).join(''))
          .join('');
        (open[open.length - 1] ?? loose()).lines.push(line);
      }
    }
    return marked;
  });
}

/** The text of each page, lines joined by spaces. */
export function pdfPageTexts(pdf: Buffer): string[] {
  return pdfPageContents(pdf).map((page) =>
    page
      .flatMap((piece) => piece.lines)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
