/**
 * The poster as a one-page PDF, A3 or A4 portrait (issue 20, point 1), made in-process with pdfkit as
 * the meeting pack is (pack-pdf.ts), its charts placed as vector graphics from the same SVG the page
 * shows. The shape is the programme's posters': a band with the authority's name; the aims as
 * sentences; each aim's answer, figures and run chart, two aims to a row; then the team's words and
 * the tests of change with their outcomes in three balanced columns; a line saying what it is made
 * from. A4 is the same poster at A4's size (the two are the same shape).
 *
 * Every size is worked out before anything is drawn (poster-layout.ts): when the words or the aims
 * are too many for the page at the poster's own sizes, everything — type and charts — is made
 * smaller, a step at a time, until it fits, so the poster is always one page. It is tagged as the
 * pack is (pdf-blocks.ts): Document > Sect > H1–H3, P, L > LI > Lbl + LBody, Figure with its words;
 * the band and the rules are Artifacts.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { PosterAim, PosterDocument, PosterOutcomeKind, PosterTest } from './poster-document.js';
import { balanceColumns, fitScale, type Measured } from './poster-layout.js';
import { colours, Node, svgForPdf, taggedPdf, type Fonts } from './pdf-blocks.js';
import { svgSize } from './svg-markup.js';

export type PosterSize = 'a3' | 'a4';

export const posterSizes: readonly PosterSize[] = ['a3', 'a4'];

/** Portrait, in points. */
export const posterPages: Readonly<Record<PosterSize, { readonly name: 'A3' | 'A4'; readonly width: number; readonly height: number }>> = {
  a3: { name: 'A3', width: 841.89, height: 1190.55 },
  a4: { name: 'A4', width: 595.28, height: 841.89 },
};

export interface PosterPdfOptions {
  readonly size?: PosterSize;
  /** false leaves the page stream readable (for tests). */
  readonly compress?: boolean;
}

const outcomeColours: Readonly<Record<PosterOutcomeKind, string>> = {
  adopt: colours.green,
  'business-as-usual': colours.green,
  adapt: '#a04d00',
  abandon: '#c0220b',
  testing: '#0065bd',
  idea: colours.muted,
};

const answerColours: Readonly<Record<PosterAim['answer']['kind'], string>> = {
  improving: colours.green,
  worse: '#c0220b',
  'no-change': '#333333',
  'too-few-points': colours.muted,
};

/** Sizes at A3 and full scale, in points: the poster's own. */
const base = { margin: 28, title: 30, subtitle: 12.5, small: 10, h2: 17, h3: 13.5, body: 10.5, answer: 10.5, figure: 16, label: 8.5, detail: 9, footer: 8, gutter: 18, gap: 12, pad: 14 } as const;

/** Renders the poster as a tagged one-page PDF. */
export async function posterPdf(poster: PosterDocument, options: PosterPdfOptions = {}): Promise<Buffer> {
  const page = posterPages[options.size ?? 'a3'];
  const { doc, fonts, root, bytes } = taggedPdf({
    size: page.name,
    layout: 'portrait',
    margin: 0,
    autoFirstPage: true,
    compress: options.compress ?? true,
    info: { Title: poster.title, Author: poster.authorityName, Subject: `Poster, ${page.name}`, Creator: 'pace' },
  });

  // A3 is the poster's own size; A4 is the same poster, smaller by A4's width over A3's.
  const pageScale = page.width / posterPages.a3.width;
  const margin = base.margin * pageScale;
  const room = page.height - 2 * margin;
  const scale = fitScale((s) => new PosterLayout(doc, fonts, root, poster, page.width - 2 * margin, pageScale, s).height(), room);
  const layout = new PosterLayout(doc, fonts, root, poster, page.width - 2 * margin, pageScale, scale);
  layout.draw(margin, margin);
  if (doc.bufferedPageRange().count !== 1) throw new Error(`the poster took ${doc.bufferedPageRange().count} pages`);
  doc.end();
  return bytes;
}

interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly colour?: string;
}

/**
 * The poster laid out for a content width, the page's scale (1 for A3, A4's width over A3's for A4)
 * and the scale that fits it to the page (1 at the poster's own sizes): its height, and how to draw it.
 */
class PosterLayout {
  readonly #parts: { readonly height: number; readonly gap: number; readonly draw: (x: number, y: number) => void }[];
  /** Every size is the poster's own at A3 times this. */
  private readonly u: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
    private readonly root: PDFKit.PDFStructureElement,
    private readonly poster: PosterDocument,
    private readonly width: number,
    pageScale: number,
    private readonly fit: number,
  ) {
    this.u = pageScale * fit;
    const gap = base.gap * this.u;
    this.#parts = [
      { ...this.band(), gap },
      { ...this.aimSentences(), gap },
      { ...this.aimGrid(), gap },
      { ...this.columns(), gap: gap / 2 },
      { ...this.footer(), gap: 0 },
    ];
  }

  height(): number {
    return this.#parts.reduce((sum, part, i) => sum + part.height + (i < this.#parts.length - 1 ? part.gap : 0), 0);
  }

  draw(x: number, y: number): void {
    let at = y;
    for (const part of this.#parts) {
      part.draw(x, at);
      at += part.height + part.gap;
    }
  }

  // --- the parts, each measured for the whole width ------------------------------------------------

  /** The authority's name, what the poster is and its date, white on the heading colour. */
  private band(): { height: number; draw: (x: number, y: number) => void } {
    const pad = base.pad * this.u;
    const inner = this.width - 2 * pad;
    const p = this.poster;
    const title: TextStyle = { size: base.title * this.u, bold: true, colour: '#ffffff' };
    const subtitle: TextStyle = { size: base.subtitle * this.u, colour: '#ffffff' };
    const small: TextStyle = { size: base.small * this.u, colour: '#ffffff' };
    const heights = [this.measure(p.title, title, inner), this.measure(p.subtitle, subtitle, inner), this.measure(p.asAtWords, small, inner)];
    const gap = 4 * this.u;
    const height = 2 * pad + heights[0]! + heights[1]! + heights[2]! + 2 * gap;
    return {
      height,
      draw: (x, y) => {
        this.artifact(() => this.doc.rect(x, y, this.width, height).fill(colours.heading));
        const section = new Node(this.doc, 'Sect', this.root);
        let at = y + pad;
        section.mark('H1', () => this.text(p.title, x + pad, at, inner, title));
        at += heights[0]! + gap;
        section.mark('P', () => this.text(p.subtitle, x + pad, at, inner, subtitle));
        at += heights[1]! + gap;
        section.mark('P', () => this.text(p.asAtWords, x + pad, at, inner, small));
      },
    };
  }

  /** "Our aims": each aim's sentence, numbered. */
  private aimSentences(): { height: number; draw: (x: number, y: number) => void } {
    const heading = this.headingOf(2, 'Our aims', this.width);
    const body: TextStyle = { size: base.body * this.u };
    const label = 22 * this.u;
    const items = this.poster.aimSentences.map((s) => ({ text: s, height: this.measure(s, body, this.width - label) }));
    const gap = 4 * this.u;
    const height = heading.height + items.reduce((sum, item) => sum + item.height + gap, 0);
    return {
      height,
      draw: (x, y) => {
        const section = new Node(this.doc, 'Sect', this.root);
        heading.draw(section, x, y);
        let at = y + heading.height;
        const list = new Node(this.doc, 'L', section);
        items.forEach((item, i) => {
          const li = new Node(this.doc, 'LI', list);
          const top = at;
          li.mark('Lbl', () => this.text(`${i + 1}.`, x, top, label, { ...body, bold: true }));
          li.mark('LBody', () => this.text(item.text, x + label, top, this.width - label, body));
          at += item.height + gap;
        });
      },
    };
  }

  /** "Are we getting better?": each aim's answer, figures and run chart, two aims to a row. */
  private aimGrid(): { height: number; draw: (x: number, y: number) => void } {
    const heading = this.headingOf(2, 'Are we getting better?', this.width);
    const gutter = base.gutter * this.u;
    const panelWidth = (this.width - gutter) / 2;
    const panels = this.poster.aims.map((aim) => this.aimPanel(aim, panelWidth));
    const rows: (typeof panels)[] = [];
    for (let i = 0; i < panels.length; i += 2) rows.push(panels.slice(i, i + 2));
    const rowGap = base.gap * this.u;
    const rowHeights = rows.map((row) => Math.max(...row.map((p) => p.height)));
    const height = heading.height + rowHeights.reduce((sum, h, i) => sum + h + (i < rows.length - 1 ? rowGap : 0), 0);
    return {
      height: panels.length === 0 ? heading.height + this.measure('This authority has no aims yet.', { size: base.body * this.u }, this.width) : height,
      draw: (x, y) => {
        const section = new Node(this.doc, 'Sect', this.root);
        heading.draw(section, x, y);
        let at = y + heading.height;
        if (panels.length === 0) section.mark('P', () => this.text('This authority has no aims yet.', x, at, this.width, { size: base.body * this.u }));
        rows.forEach((row, r) => {
          row.forEach((panel, c) => panel.draw(section, x + c * (panelWidth + gutter), at));
          at += rowHeights[r]! + rowGap;
        });
      },
    };
  }

  private aimPanel(aim: PosterAim, width: number): { height: number; draw: (parent: Node, x: number, y: number) => void } {
    const u = this.u;
    const heading = this.headingOf(3, aim.name, width);
    const bar = 3 * u;
    const answerStyle: TextStyle = { size: base.answer * u, bold: true, colour: answerColours[aim.answer.kind] };
    const answerHeight = this.measure(aim.answer.words, answerStyle, width - 3 * bar);
    const boxGap = 10 * u;
    const boxWidth = (width - boxGap) / 2;
    const valueStyle: TextStyle = { size: base.figure * u, bold: true };
    const labelStyle: TextStyle = { size: base.label * u, colour: colours.muted };
    const boxes = aim.figures.map((f) => {
      const heights = [this.measure(f.label, labelStyle, boxWidth), this.measure(f.value, valueStyle, boxWidth), this.measure(f.counts, labelStyle, boxWidth)];
      return { figure: f, heights, height: heights[0]! + heights[1]! + heights[2]! };
    });
    const boxesHeight = Math.max(0, ...boxes.map((b) => b.height));
    const targetStyle: TextStyle = { size: base.detail * u };
    const targetHeight = aim.target ? this.measure(`${aim.target}.`, targetStyle, width) : 0;
    // The chart is as wide as the panel at full scale, and smaller with everything else.
    // A partner's panel has two charts, the months' and the quarters' (app/partner-trends.ts), side by side.
    const charts = [{ svg: aim.runSvg, alt: aim.runAlt }, ...(aim.trends ? [{ svg: aim.trends.quarters.smallSvg, alt: aim.trends.quarters.alt }] : [])];
    const gap = 5 * u;
    const svg = svgSize(aim.runSvg);
    const chartWidth = ((width - (charts.length - 1) * gap) / charts.length) * this.fit;
    const chartHeight = (svg.height * chartWidth) / svg.width;
    const height = heading.height + answerHeight + gap + boxesHeight + gap + (aim.target ? targetHeight + gap : 0) + chartHeight;
    return {
      height,
      draw: (parent, x, y) => {
        const section = new Node(this.doc, 'Sect', parent);
        heading.draw(section, x, y);
        let at = y + heading.height;
        const top = at;
        this.artifact(() => this.doc.rect(x, top, bar, answerHeight).fill(answerColours[aim.answer.kind]));
        section.mark('P', () => this.text(aim.answer.words, x + 3 * bar, top, width - 3 * bar, answerStyle));
        at += answerHeight + gap;
        boxes.forEach((box, i) => {
          const bx = x + i * (boxWidth + boxGap);
          const by = at;
          section.mark('P', () => {
            this.text(box.figure.label, bx, by, boxWidth, labelStyle);
            this.text(box.figure.value, bx, by + box.heights[0]!, boxWidth, valueStyle);
            this.text(box.figure.counts, bx, by + box.heights[0]! + box.heights[1]!, boxWidth, labelStyle);
          });
        });
        at += boxesHeight + gap;
        if (aim.target) {
          const ty = at;
          section.mark('P', () => this.text(`${aim.target}.`, x, ty, width, targetStyle));
          at += targetHeight + gap;
        }
        const cy = at;
        charts.forEach((chart, i) => {
          const cx = x + i * (chartWidth + gap);
          section.mark(
            'Figure',
            () => SVGtoPDF(this.doc, svgForPdf(chart.svg), cx, cy, { width: chartWidth, height: chartHeight, preserveAspectRatio: 'xMinYMin meet', fontCallback: (_family, bold) => (bold ? this.fonts.bold : this.fonts.regular) }),
            { alt: chart.alt, bbox: [cx, cy, cx + chartWidth, cy + chartHeight], placement: 'Block' },
          );
        });
      },
    };
  }

  /** The team's words and the tests of change, in three columns of about the same height. */
  private columns(): { height: number; draw: (x: number, y: number) => void } {
    const gutter = base.gutter * this.u;
    const columnWidth = (this.width - 2 * gutter) / 3;
    const [done, learning, nextSteps, contact] = this.poster.sections;
    const blocks: { heading: string; items: Measured<(x: number, y: number, list: Node) => void>[] }[] = [];
    for (const s of [done, learning]) if (s && s.points.length > 0) blocks.push({ heading: s.heading, items: s.points.map((pt) => this.bullet(pt, columnWidth)) });
    blocks.push({ heading: 'Tests of change and what we decided', items: [...this.poster.tests.map((t) => this.testItem(t, columnWidth)), ...(this.poster.testsNote ? [this.note(this.poster.testsNote, columnWidth)] : [])] });
    for (const s of [nextSteps, contact]) if (s && s.points.length > 0) blocks.push({ heading: s.heading, items: s.points.map((pt) => this.bullet(pt, columnWidth)) });

    // Each part is kept whole in one column, unless that leaves the columns much less even than
    // going item by item (a heading always with its first item) would.
    const itemGap = 4 * this.u;
    const sectionGap = base.gap * this.u;
    const pieces = blocks.map((block) => {
      const heading = this.headingOf(2, block.heading, columnWidth);
      return block.items.map((item, i) => ({ height: (i === 0 ? heading.height : 0) + item.height, gap: i === block.items.length - 1 ? sectionGap : itemGap, first: i === 0, heading, item }));
    });
    const whole = pieces.map((items) => ({ height: items.reduce((sum, p, i) => sum + p.height + (i < items.length - 1 ? p.gap : 0), 0), gap: sectionGap, items }));
    const single = pieces.flat().map((p) => ({ height: p.height, gap: p.gap, items: [p] }));
    const chains = balanceColumns(whole, 3).height <= 1.2 * balanceColumns(single, 3).height ? whole : single;
    const placed = balanceColumns(chains, 3);
    return {
      height: placed.height,
      draw: (x, y) => {
        let list: Node | null = null;
        for (const { chain, column, top } of placed.chains) {
          const cx = x + column * (columnWidth + gutter);
          let cy = y + top;
          for (const piece of chain.items) {
            if (piece.first) {
              const section = new Node(this.doc, 'Sect', this.root);
              piece.heading.draw(section, cx, cy);
              cy += piece.heading.height;
              list = new Node(this.doc, 'L', section);
            }
            piece.item.draw(cx, cy, list as Node);
            cy += piece.item.height + piece.gap;
          }
        }
      },
    };
  }

  private footer(): { height: number; draw: (x: number, y: number) => void } {
    const style: TextStyle = { size: base.footer * this.u, colour: colours.muted };
    const height = this.measure(this.poster.footer, style, this.width);
    return {
      height,
      draw: (x, y) => {
        const section = new Node(this.doc, 'Sect', this.root);
        section.mark('P', () => this.text(this.poster.footer, x, y, this.width, style));
      },
    };
  }

  // --- pieces ----------------------------------------------------------------------------------------

  private headingOf(level: 2 | 3, text: string, width: number): { height: number; draw: (parent: Node, x: number, y: number) => void } {
    const style: TextStyle = { size: (level === 2 ? base.h2 : base.h3) * this.u, bold: true, colour: colours.heading };
    const space = (level === 2 ? 5 : 3) * this.u;
    const height = this.measure(text, style, width) + space;
    return { height, draw: (parent, x, y) => parent.mark(`H${level}`, () => this.text(text, x, y, width, style)) };
  }

  private bullet(text: string, width: number): Measured<(x: number, y: number, list: Node) => void> {
    const style: TextStyle = { size: base.body * this.u };
    const indent = 12 * this.u;
    return {
      height: this.measure(text, style, width - indent),
      draw: (x, y, list) => {
        const li = new Node(this.doc, 'LI', list);
        li.mark('Lbl', () => this.text(this.fonts.clean('•'), x, y, indent, style));
        li.mark('LBody', () => this.text(text, x + indent, y, width - indent, style));
      },
    };
  }

  /** A test: its outcome (the list item's label), its title, and its cycles and aims. */
  private testItem(test: PosterTest, width: number): Measured<(x: number, y: number, list: Node) => void> {
    const u = this.u;
    const outcome: TextStyle = { size: base.label * u, bold: true, colour: outcomeColours[test.outcomeKind] };
    const heading: TextStyle = { size: base.body * u, bold: true };
    const detail: TextStyle = { size: base.detail * u, colour: colours.muted };
    const label = test.outcome.toUpperCase();
    const heights = [this.measure(label, outcome, width), this.measure(test.heading, heading, width), this.measure(test.detail, detail, width)];
    return {
      height: heights[0]! + heights[1]! + heights[2]!,
      draw: (x, y, list) => {
        const li = new Node(this.doc, 'LI', list);
        li.mark('Lbl', () => this.text(label, x, y, width, outcome));
        li.mark('LBody', () => {
          this.text(test.heading, x, y + heights[0]!, width, heading);
          this.text(test.detail, x, y + heights[0]! + heights[1]!, width, detail);
        });
      },
    };
  }

  /** A sentence under a list, not one of its items. */
  private note(text: string, width: number): Measured<(x: number, y: number, list: Node) => void> {
    const style: TextStyle = { size: base.detail * this.u, colour: colours.muted };
    return { height: this.measure(text, style, width), draw: (x, y, list) => new Node(this.doc, 'LI', list).mark('LBody', () => this.text(text, x, y, width, style)) };
  }

  // --- drawing ---------------------------------------------------------------------------------------

  private setStyle(style: TextStyle): void {
    this.doc
      .font(style.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(style.size)
      .fillColor(style.colour ?? colours.text);
  }

  private measure(text: string, style: TextStyle, width: number): number {
    this.setStyle(style);
    return this.doc.heightOfString(this.fonts.clean(text), { width });
  }

  private text(text: string, x: number, y: number, width: number, style: TextStyle): void {
    this.setStyle(style);
    this.doc.text(this.fonts.clean(text), x, y, { width });
  }

  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }
}
