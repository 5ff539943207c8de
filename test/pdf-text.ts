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

/** The text of each page, lines joined by spaces. */
export function pdfPageTexts(pdf: Buffer): string[] {
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
    const lines: string[] = [];
    for (const id of ids) {
      const content = objects.get(Number(id))?.stream?.toString('latin1') ?? '';
      let cmap: Map<number, string> | null = null;
      for (const op of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (op[1]) cmap = fonts.get(op[1]) ?? null;
        const strings = op[2] ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] as string) : op[3] !== undefined ? [op[3]] : [];
        if (strings.length === 0) continue;
        lines.push(
          strings
            .map((h) => (cmap ? (h.match(/.{4}/g) ?? []).map((c) => cmap?.get(parseInt(c, 16)) ?? '') : (h.match(/.{2}/g) ?? []).map((c) => String.fromCharCode(parseInt(c, 16)))).join(''))
            .join(''),
        );
      }
    }
    return lines.join(' ').replace(/\s+/g, ' ').trim();
  });
}
