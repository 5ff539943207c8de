/**
 * A tagged PDF built from blocks measured before they are drawn (issue 16): headings, paragraphs,
 * list items, table rows and figures, each with its height known, so pack-layout.ts can place them
 * on pages before any is drawn, and each drawn as marked content of its structure element
 * (Document > Sect > H1–H4, P, L > LI > Lbl + LBody, Table > TR > TH/TD, Figure with its words),
 * as a screen reader needs (PDF/UA, ISO 14289-1). Page furniture is an Artifact.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { LayoutBlock } from './pack-layout.js';
import { svgSize } from './svg-markup.js';

const fontDir = '/usr/share/fonts/truetype/dejavu';
export const page = { size: 'A4' as const, margin: 40, width: 595.28, height: 841.89 };
export const contentWidth = page.width - 2 * page.margin;
/** Where the text may go down to: the footer sits below. */
export const bottom = page.height - page.margin - 14;
export const colours = { text: '#000000', heading: '#002d54', muted: '#5e5e5e', green: '#428542' };

export interface Fonts {
  readonly regular: string;
  readonly bold: string;
  /** Replaces what the font cannot show. */
  readonly clean: (text: string) => string;
}

/** A tagged PDF (PDF 1.7, English, its title shown), its fonts and the root of its structure. */
export interface TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: Fonts;
  readonly root: PDFKit.PDFStructureElement;
  /** The file's bytes, once `doc.end()` has been called. */
  readonly bytes: Promise<Buffer>;
}

/** Starts a tagged PDF with `options` (its size, margins and what it is about): the pack's and the poster's. */
export function taggedPdf(options: PDFKit.PDFDocumentOptions & { readonly info: NonNullable<PDFKit.PDFDocumentOptions['info']> }): TaggedPdf {
  const doc = new PDFDocument({ ...options, tagged: true, displayTitle: true, lang: 'en-GB', pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = fontsFor(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, fonts, root, bytes };
}

/** DejaVu Sans when the system has it (as the PNG charts are), which covers every character we write; otherwise Helvetica. */
export function fontsFor(doc: PDFKit.PDFDocument): Fonts {
  const regular = `${fontDir}/DejaVuSans.ttf`;
  const bold = `${fontDir}/DejaVuSans-Bold.ttf`;
  if (existsSync(regular) && existsSync(bold)) {
    doc.registerFont('Pack', regular);
    doc.registerFont('Pack-Bold', bold);
    return { regular: 'Pack', bold: 'Pack-Bold', clean: (text) => text };
  }
  const replacements: Readonly<Record<string, string>> = { '→': '->', '≥': '>=', '≤': '<=', '÷': '/', '−': '-', '…': '...', '✓': 'v', '•': '-' };
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: (text) => text.replace(/[→≥≤÷−…✓•]/g, (c) => replacements[c] ?? '?') };
}

/**
 * The SVG as svg-to-pdfkit can draw it. Labels on a chart have a white halo drawn under them
 * (`paint-order="stroke"`), which svg-to-pdfkit does not know: it strokes after filling, and the
 * halo covers the label. Each such group is drawn twice instead: the halo, then the label.
 */
export function svgForPdf(svg: string): string {
  return svg.replace(/<g([^>]*?)\spaint-order="stroke"([^>]*)>((?:(?!<g[\s>])[\s\S])*?)<\/g>/g, (_all, before: string, after: string, inner: string) => {
    const attributes = `${before}${after}`;
    const halo = /\sstroke="([^"]*)"/.exec(attributes)?.[1] ?? 'white';
    const behind = attributes.replace(/\sfill="[^"]*"/, '') + ` fill="${halo}"`;
    const front = attributes.replace(/\s(stroke|stroke-width|stroke-linejoin)="[^"]*"/g, '');
    return `<g${behind}>${inner}</g><g${front}>${inner}</g>`;
  });
}

/** The room a chart may take: a page less a heading. */
const chartRoom = bottom - page.margin - 40;

/** A chart's size on the page: the full width, or less so that it fits on one page with its heading. */
function chartBox(svg: string): { width: number; height: number } {
  const size = svgSize(svg);
  const height = (size.height * contentWidth) / size.width;
  return height <= chartRoom ? { width: contentWidth, height } : { width: (contentWidth * chartRoom) / height, height: chartRoom };
}

/** What pdfkit 0.20 reads from a structure element's options (its type declarations know only some). */
interface StructOptions {
  readonly alt?: string;
  readonly scope?: 'Column' | 'Row';
  /** Left, top, right, bottom, from the top left of the page. */
  readonly bbox?: readonly [number, number, number, number];
  readonly placement?: 'Block' | 'Inline';
}

/** A structure element made when its first content is drawn, inside its parent's. */
export class Node {
  private element: PDFKit.PDFStructureElement | null = null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly type: string,
    private readonly parent: Node | PDFKit.PDFStructureElement,
  ) {}

  get(): PDFKit.PDFStructureElement {
    if (this.element === null) {
      this.element = this.doc.struct(this.type);
      (this.parent instanceof Node ? this.parent.get() : this.parent).add(this.element);
    }
    return this.element;
  }

  /** Draws `draw` as the content of a new child element of type `type`. */
  mark(type: string, draw: () => void, options: StructOptions = {}): void {
    this.get().add(this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
  }
}

export interface Block extends LayoutBlock {
  /** The part of the pack it belongs to (0 the cover), for progress. */
  readonly part: number;
  /** Draws it with its top at `y`. */
  readonly draw: (y: number) => void;
}

interface TextStyle {
  readonly bold?: boolean;
  readonly size?: number;
  readonly colour?: string;
}

const headingSizes: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 18, 2: 15, 3: 11, 4: 10 };

/** Collects the blocks of a document, measuring each as it comes. */
export class BlockWriter {
  readonly blocks: Block[] = [];
  private section: Node;
  private list: Node | null = null;
  private table: Node | null = null;
  private part = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
    private readonly root: PDFKit.PDFStructureElement,
  ) {
    this.section = new Node(doc, 'Sect', root);
  }

  /** Starts a part of the document (numbered from 1, after the cover, part 0): a new section. */
  startPart(): void {
    this.part++;
    this.section = new Node(this.doc, 'Sect', this.root);
    this.endGroups();
  }

  heading(level: 1 | 2 | 3 | 4, text: string, options: { newPage?: boolean } = {}): void {
    this.endGroups();
    const size = headingSizes[level];
    const clean = this.fonts.clean(text);
    const space = level >= 3 ? 4 : 0;
    const height = space + this.measure(clean, { bold: true, size }, contentWidth);
    const section = this.section;
    this.push({ height, gap: level <= 2 ? 6 : 3, lines: 0, kind: 'heading', keepWithNext: true, newPage: options.newPage ?? false }, (y) =>
      section.mark(`H${level}`, () => this.text(clean, page.margin, y + space, contentWidth, { bold: true, size, colour: colours.heading })),
    );
  }

  /** A paragraph, never split across pages; `keepWithNext` keeps it on the page of the block after it. */
  paragraph(text: string, style: TextStyle & { keepWithNext?: boolean } = {}): void {
    this.endGroups();
    const clean = this.fonts.clean(text);
    const height = this.measure(clean, style, contentWidth);
    const section = this.section;
    this.push({ height, gap: 3, lines: this.linesOf(height, style), kind: 'text', keepWithNext: style.keepWithNext ?? false, newPage: false }, (y) => section.mark('P', () => this.text(clean, page.margin, y, contentWidth, style)));
  }

  /** An item of a bulleted list (consecutive items make one list). */
  item(text: string, size = 10): void {
    this.table = null;
    const list = (this.list ??= new Node(this.doc, 'L', this.section));
    const clean = this.fonts.clean(text);
    const indent = 16;
    const style = { size };
    const height = this.measure(clean, style, contentWidth - indent);
    this.push({ height, gap: 1.5, lines: this.linesOf(height, style), kind: 'text', keepWithNext: false, newPage: false }, (y) => {
      const li = new Node(this.doc, 'LI', list);
      li.mark('Lbl', () => this.text(this.fonts.clean('•'), page.margin + 4, y, indent, style));
      li.mark('LBody', () => this.text(clean, page.margin + indent, y, contentWidth - indent, style));
    });
  }

  /** A table row: header cells (TH, scope Column) are kept with the first row. */
  row(cells: readonly string[], widths: readonly number[], header = false): void {
    this.list = null;
    const table = (this.table ??= new Node(this.doc, 'Table', this.section));
    const style = { size: 10, bold: header };
    const clean = cells.map((c) => this.fonts.clean(c));
    const height = Math.max(...clean.map((c, i) => this.measure(c, style, (widths[i] ?? 0) - 8)));
    this.push({ height, gap: 4, lines: this.linesOf(height, style), kind: 'text', keepWithNext: header, newPage: false }, (y) => {
      const tr = new Node(this.doc, 'TR', table);
      let x = page.margin;
      clean.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        const at = x;
        tr.mark(header ? 'TH' : 'TD', () => this.text(cell, at, y, width - 8, style), header ? { scope: 'Column' } : {});
        x += width;
      });
      this.artifact(() => {
        this.doc
          .moveTo(page.margin, y + height + 2)
          .lineTo(page.margin + widths.reduce((a, b) => a + b, 0), y + height + 2)
          .lineWidth(0.5)
          .strokeColor('#b3b3b3')
          .stroke();
      });
    });
  }

  /** A chart the full width of the page (or less, to fit one page), with words saying what it shows. */
  figure(svg: string, alt: string, options: { keepWithNext?: boolean } = {}): void {
    this.endGroups();
    const { width, height } = chartBox(svg);
    const section = this.section;
    this.push({ height, gap: 6, lines: 0, kind: 'figure', keepWithNext: options.keepWithNext ?? false, newPage: false }, (y) =>
      section.mark(
        'Figure',
        () => SVGtoPDF(this.doc, svgForPdf(svg), page.margin, y, { width, height, preserveAspectRatio: 'xMinYMin meet', fontCallback: (_family, bold) => (bold ? this.fonts.bold : this.fonts.regular) }),
        { alt, bbox: [page.margin, y, page.margin + width, y + height], placement: 'Block' },
      ),
    );
  }

  /** Draws what is not content (a rule, a page number) as an Artifact. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.doc.markContent('Artifact', type ? { type } : {});
    draw();
    this.doc.endMarkedContent();
  }

  private endGroups(): void {
    this.list = null;
    this.table = null;
  }

  private push(block: LayoutBlock, draw: (y: number) => void): void {
    this.blocks.push({ ...block, part: this.part, draw });
  }

  private measure(text: string, style: TextStyle, width: number): number {
    this.setStyle(style);
    return this.doc.heightOfString(text, { width });
  }

  private linesOf(height: number, style: TextStyle): number {
    this.setStyle(style);
    return Math.max(1, Math.round(height / this.doc.currentLineHeight(true)));
  }

  private setStyle(style: TextStyle): void {
    this.doc
      .font(style.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(style.size ?? 10)
      .fillColor(style.colour ?? colours.text);
  }

  private text(text: string, x: number, y: number, width: number, style: TextStyle): void {
    this.setStyle(style);
    this.doc.text(text, x, y, { width });
  }
}
