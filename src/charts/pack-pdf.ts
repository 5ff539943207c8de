/**
 * The meeting pack as a PDF, made in-process with pdfkit; the charts are placed as vector graphics
 * by svg-to-pdfkit from the same SVG the page shows (docs/decisions/0011-improvement.md: no browser
 * is needed). A4 portrait: a cover page with the contents, a page for each aim, then the tests of
 * change, the balancing measures and the data-quality summary, each starting a new page; every page
 * is numbered. Text is set in DejaVu Sans when the system has it (as the PNG charts are), which
 * covers every character we write; otherwise in Helvetica, with the few characters it lacks replaced.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { PackDocument } from './pack-document.js';

const fontDir = '/usr/share/fonts/truetype/dejavu';
const page = { size: 'A4' as const, margin: 40, width: 595.28, height: 841.89 };
const contentWidth = page.width - 2 * page.margin;
const bottom = page.height - page.margin - 14;
const colours = { text: '#000000', heading: '#002d54', muted: '#5e5e5e', green: '#428542' };

interface Fonts {
  readonly regular: string;
  readonly bold: string;
  /** Replaces what the font cannot show. */
  readonly clean: (text: string) => string;
}

function fontsFor(doc: PDFKit.PDFDocument): Fonts {
  const regular = `${fontDir}/DejaVuSans.ttf`;
  const bold = `${fontDir}/DejaVuSans-Bold.ttf`;
  if (existsSync(regular) && existsSync(bold)) {
    doc.registerFont('Pack', regular);
    doc.registerFont('Pack-Bold', bold);
    return { regular: 'Pack', bold: 'Pack-Bold', clean: (text) => text };
  }
  const replacements: Readonly<Record<string, string>> = { '→': '->', '≥': '>=', '≤': '<=', '÷': '/', '−': '-', '…': '...', '✓': 'v' };
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: (text) => text.replace(/[→≥≤÷−…✓]/g, (c) => replacements[c] ?? '?') };
}

/** The size an SVG asks for, from its width and height attributes (our charts always set both). */
export function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 760);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 360);
  return { width, height };
}

/** Renders the pack; `compress: false` leaves the page streams readable (for tests). */
export function meetingPackPdf(pack: PackDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: page.size, margin: page.margin, bufferPages: true, compress: options.compress ?? true, info: { Title: pack.title, Author: pack.authorityName, Subject: 'Meeting pack', Creator: 'pace' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = fontsFor(doc);
  const write = new Writer(doc, fonts);

  // The cover: what the meeting is, the as-at date, what "since the last meeting" means, the contents.
  write.heading(pack.title, 18);
  write.paragraph(pack.authorityName, { bold: true });
  write.paragraph(pack.asAtWords);
  write.paragraph(pack.periodWords);
  if (pack.notes) write.paragraph(`Notes: ${pack.notes}`);
  write.heading('Contents', 13);
  for (const aim of pack.aims) write.bullet(aim.name);
  for (const part of ['Tests of change since the previous meeting', 'Balancing measures', 'Data quality']) write.bullet(part);

  for (const aim of pack.aims) {
    doc.addPage();
    write.heading(aim.name, 15);
    write.paragraph(aim.sentence);
    if (aim.headline) write.paragraph(aim.headline, { bold: true, size: 16 });
    for (const line of aim.lines) write.paragraph(line, { size: 9 });
    write.figure('Run chart: weeks to the milestone, one dot a child', aim.runSvg);
    if (aim.marksKey.length) {
      write.paragraph('Tests of change on this chart:', { size: 8, colour: colours.green });
      for (const m of aim.marksKey) write.bullet(m, 8);
    }
    write.subheading('What the rules say');
    for (const v of aim.verdicts) write.bullet(v, 9);
    write.figure('Waiting chart: weeks waited so far, one bar a child', aim.waitingSvg);
  }

  doc.addPage();
  write.heading('Tests of change since the previous meeting', 15);
  write.paragraph(pack.periodWords);
  if (pack.tests.length === 0) write.paragraph('No PDSA cycle was planned, done, studied or acted on in this period.');
  for (const test of pack.tests) {
    write.ensure(80);
    write.subheading(test.heading);
    for (const line of test.lines) write.paragraph(line, { size: 9 });
    for (const cycle of test.cycles) {
      write.paragraph(cycle.heading, { bold: true, size: 10 });
      for (const part of cycle.parts) {
        write.paragraph(part.title, { bold: true, size: 9 });
        for (const line of part.lines) write.paragraph(line, { size: 9 });
      }
    }
  }

  doc.addPage();
  write.heading('Balancing measures', 15);
  write.paragraph('What might get worse while the aims get better, month by month.', { size: 9 });
  for (const measure of pack.balancing) {
    write.ensure(svgHeight(measure.svg) + 90);
    write.subheading(measure.name);
    write.paragraph(measure.definition, { size: 8, colour: colours.muted });
    write.svg(measure.svg);
    write.paragraph(measure.latest, { size: 9 });
    for (const v of measure.verdicts) write.bullet(v, 8);
  }

  doc.addPage();
  write.heading('Data quality', 15);
  write.paragraph(pack.quality.summary);
  if (pack.quality.rows.length === 0) write.paragraph('No problems found.');
  for (const row of pack.quality.rows) write.bullet(`${row.code} (${row.kind.toLowerCase()}): ${row.count}`, 10);

  // Every page numbered, with what the pack is.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the footer: let it write there.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor(colours.muted)
      .text(fonts.clean(`${pack.authorityName} — ${pack.meetingWords} — page ${i + 1} of ${range.count}`), page.margin, page.height - page.margin + 6, { width: contentWidth, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

/** The room a chart may take: a page less a heading. */
const chartRoom = bottom - page.margin - 40;

/** A chart's size on the page: the full width, or less so that it fits on one page with its heading. */
function chartBox(svg: string): { width: number; height: number } {
  const size = svgSize(svg);
  const height = (size.height * contentWidth) / size.width;
  return height <= chartRoom ? { width: contentWidth, height } : { width: (contentWidth * chartRoom) / height, height: chartRoom };
}

function svgHeight(svg: string): number {
  return chartBox(svg).height;
}

class Writer {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
  ) {}

  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > bottom) this.doc.addPage();
  }

  heading(text: string, size: number): void {
    this.ensure(size * 3);
    this.doc.font(this.fonts.bold).fontSize(size).fillColor(colours.heading).text(this.fonts.clean(text), page.margin, this.doc.y, { width: contentWidth });
    this.doc.moveDown(0.4);
  }

  subheading(text: string): void {
    this.ensure(40);
    this.doc.moveDown(0.3);
    this.doc.font(this.fonts.bold).fontSize(11).fillColor(colours.heading).text(this.fonts.clean(text), page.margin, this.doc.y, { width: contentWidth });
    this.doc.moveDown(0.2);
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; colour?: string } = {}): void {
    this.doc
      .font(options.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(options.size ?? 10)
      .fillColor(options.colour ?? colours.text)
      .text(this.fonts.clean(text), page.margin, this.doc.y, { width: contentWidth });
    this.doc.moveDown(0.25);
  }

  bullet(text: string, size = 10): void {
    this.doc
      .font(this.fonts.regular)
      .fontSize(size)
      .fillColor(colours.text)
      .text(this.fonts.clean(`•  ${text}`), page.margin + 6, this.doc.y, { width: contentWidth - 6, indent: 0 });
    this.doc.moveDown(0.1);
  }

  /** A heading and its chart, kept on one page. */
  figure(title: string, svg: string): void {
    this.ensure(svgHeight(svg) + 36);
    this.subheading(title);
    this.svg(svg);
  }

  /** A chart the full width of the page (or less, to fit one page), on a new page when it does not fit. */
  svg(svg: string): void {
    const { width, height } = chartBox(svg);
    this.ensure(height + 6);
    const y = this.doc.y;
    SVGtoPDF(this.doc, svg, page.margin, y, { width, height, preserveAspectRatio: 'xMinYMin meet', fontCallback: (_family, bold) => (bold ? this.fonts.bold : this.fonts.regular) });
    this.doc.x = page.margin;
    this.doc.y = y + height + 6;
  }
}
