/**
 * The meeting pack as a PDF, made in-process with pdfkit; the charts are placed as vector graphics
 * by svg-to-pdfkit from the same SVG the page shows (docs/decisions/0011-improvement.md: no browser
 * is needed). A4 portrait: a cover page with the contents, the actions the meeting reviews and who
 * was there, a page for each aim (leading with its answer, then its figures and run chart, then
 * what the rules say and the waiting chart), then the tests of change, the balancing measures and
 * the data-quality summary, each starting a new page;
 * every page is numbered. The PDF is tagged (pdf-blocks.ts) and laid out before it is drawn
 * (pack-layout.ts), so no paragraph is split across pages and no page is left nearly empty.
 */
import { isPartnerPack, packActionWords, type AnyPackDocument, type PackAction, type PackActions, type PackDocument, type PartnerPackDocument } from './pack-document.js';
import type { PartnerTrend } from './partner-trend-chart.js';
import { paginate } from './pack-layout.js';
import { BlockWriter, bottom, colours, contentWidth, page, taggedPdf } from './pdf-blocks.js';

/** A page holding no heading and no figure holds at least this many lines, when the layout allows. */
export const minLinesOnAPage = 6;

export interface PackPdfOptions {
  /** false leaves the page streams readable (for tests). */
  readonly compress?: boolean;
  /** Called as each part is drawn: the actions, an aim, the tests of change, the balancing measures, data quality. */
  readonly onProgress?: (done: number, total: number, step: string) => void;
}

/** Renders the pack as a tagged A4 PDF. */
export async function meetingPackPdf(pack: AnyPackDocument, options: PackPdfOptions = {}): Promise<Buffer> {
  const { doc, fonts, root, bytes } = taggedPdf({
    size: page.size,
    margin: page.margin,
    bufferPages: true,
    autoFirstPage: true,
    compress: options.compress ?? true,
    info: { Title: pack.title, Author: pack.authorityName, Subject: isPartnerPack(pack) ? 'Meeting pack for partners' : 'Meeting pack', Creator: 'pace' },
  });
  const write = new BlockWriter(doc, fonts, root);
  const steps = isPartnerPack(pack) ? writePartnerPack(write, pack) : writePack(write, pack);

  // Lay the blocks out on pages, then draw them, part by part, letting other work run between parts.
  const pageOf = paginate(write.blocks, bottom - page.margin, minLinesOnAPage);
  let current = 0;
  let y = page.margin;
  for (let i = 0; i < write.blocks.length; i++) {
    const block = write.blocks[i] as (typeof write.blocks)[number];
    const onPage = pageOf[i] as number;
    if (onPage !== current) {
      doc.addPage();
      current = onPage;
      y = page.margin;
    }
    block.draw(y);
    y += block.height + block.gap;
    const next = write.blocks[i + 1];
    if (block.part > 0 && (next === undefined || next.part !== block.part)) {
      options.onProgress?.(block.part, steps.length, steps[block.part - 1] as string);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // Every page numbered, with what the pack is: page furniture, not content.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the footer: let it write there.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write.artifact(() => {
      doc
        .font(fonts.regular)
        .fontSize(8)
        .fillColor(colours.muted)
        .text(fonts.clean(`${pack.authorityName} — ${pack.meetingWords} — page ${i + 1} of ${range.count}`), page.margin, page.height - page.margin + 6, { width: contentWidth, align: 'center', lineBreak: false });
    }, 'Pagination');
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return bytes;
}

/** Writes the pack's blocks; returns the name of each part, in order. */
function writePack(write: BlockWriter, pack: PackDocument): string[] {
  const parts = ['Tests of change since the previous meeting', 'Balancing measures', 'Data quality'];
  // The cover: what the meeting is, the as-at date, what "since the last meeting" means, the contents.
  write.heading(1, pack.title);
  write.paragraph(pack.authorityName, { bold: true });
  write.paragraph(pack.asAtWords);
  write.paragraph(pack.periodWords);
  if (pack.notes) write.paragraph(`Notes: ${pack.notes}`);
  write.heading(2, 'Contents');
  write.item(packActionWords.heading);
  for (const aim of pack.aims) write.item(aim.name);
  for (const part of parts) write.item(part);

  write.startPart();
  writeActions(write, pack.actions);

  for (const aim of pack.aims) {
    write.startPart();
    // The aim's heading, its answer, its figures and its run chart are kept on one page.
    write.heading(2, aim.name, { newPage: true });
    write.paragraph(aim.answer.words, { bold: true, size: 12, keepWithNext: true });
    write.paragraph(aim.sentence, { keepWithNext: true });
    if (aim.headline) write.paragraph(aim.headline, { bold: true, size: 16, keepWithNext: true });
    for (const line of aim.lines) write.paragraph(line, { size: 9, keepWithNext: true });
    write.heading(3, 'Run chart: weeks to the milestone, one dot a child');
    write.figure(aim.runSvg, aim.runAlt);
    if (aim.marksKey.length) {
      write.paragraph('Tests of change on this chart:', { size: 8, colour: colours.green, keepWithNext: true });
      for (const m of aim.marksKey) write.item(m, 8);
    }
    write.heading(3, 'What the rules say');
    for (const v of aim.verdicts) write.item(v, 9);
    write.heading(3, 'Waiting chart: weeks waited so far, one bar a child');
    write.figure(aim.waitingSvg, aim.waitingAlt);
  }

  write.startPart();
  write.heading(2, 'Tests of change since the previous meeting', { newPage: true });
  write.paragraph(pack.periodWords);
  if (pack.tests.length === 0) write.paragraph('No PDSA cycle was planned, done, studied or acted on in this period.');
  for (const test of pack.tests) {
    write.heading(3, test.heading);
    for (const line of test.lines) write.paragraph(line, { size: 9 });
    for (const cycle of test.cycles) {
      write.heading(4, cycle.heading);
      for (const part of cycle.parts) {
        write.paragraph(part.title, { bold: true, size: 9, keepWithNext: true });
        for (const line of part.lines) write.paragraph(line, { size: 9 });
      }
    }
  }

  write.startPart();
  write.heading(2, 'Balancing measures', { newPage: true });
  write.paragraph('What might get worse while the aims get better, month by month.', { size: 9 });
  for (const measure of pack.balancing) {
    // The measure's name, definition, chart and latest month are kept on one page.
    write.heading(3, measure.name);
    write.paragraph(measure.definition, { size: 8, colour: colours.muted, keepWithNext: true });
    write.figure(measure.svg, measure.alt, { keepWithNext: true });
    write.paragraph(measure.latest, { size: 9 });
    for (const v of measure.verdicts) write.item(v, 8);
  }

  write.startPart();
  write.heading(2, 'Data quality', { newPage: true });
  write.paragraph(pack.quality.summary);
  if (pack.quality.rows.length === 0) write.paragraph('No problems found.');
  else {
    const widths = [contentWidth - 180, 100, 80];
    write.row(['Rule', 'Kind', 'Problems'], widths, true);
    for (const row of pack.quality.rows) write.row([row.code, row.kind, String(row.count)], widths);
  }
  return [packActionWords.heading, ...pack.aims.map((aim) => aim.name), ...parts];
}

/**
 * The partners' pack (pack-document.ts): the cover, the actions, each aim's figures and its months
 * and quarters (each chart with what the rules say and its table), then the tests' outcomes.
 */
function writePartnerPack(write: BlockWriter, pack: PartnerPackDocument): string[] {
  const testsHeading = 'Tests of change and what was decided';
  write.heading(1, pack.title);
  write.paragraph(pack.authorityName, { bold: true });
  write.paragraph(pack.asAtWords);
  write.paragraph(pack.aboutWords);
  write.heading(2, 'Our aims');
  for (const sentence of pack.aimSentences) write.item(sentence);
  write.heading(2, 'Contents');
  write.item(packActionWords.heading);
  for (const aim of pack.aims) write.item(aim.name);
  write.item(testsHeading);

  write.startPart();
  writeActions(write, pack.actions);

  for (const aim of pack.aims) {
    write.startPart();
    write.heading(2, aim.name, { newPage: true });
    write.paragraph(aim.answer.words, { bold: true, size: 12, keepWithNext: true });
    write.paragraph(aim.sentence, { keepWithNext: true });
    for (const f of aim.figures) write.paragraph(`${f.label}: ${f.value} (${f.counts})`, { size: 10, keepWithNext: true });
    if (aim.target) write.paragraph(`${aim.target}.`, { size: 9 });
    for (const trend of [aim.months, aim.quarters]) writeTrend(write, trend);
  }

  write.startPart();
  write.heading(2, testsHeading, { newPage: true });
  if (pack.tests.length === 0 && !pack.testsNote) write.paragraph('No test of change has started yet.');
  for (const test of pack.tests) {
    write.paragraph(`${test.heading} — ${test.outcome}`, { bold: true, size: 10, keepWithNext: true });
    write.paragraph(test.detail, { size: 9 });
  }
  if (pack.testsNote) write.paragraph(pack.testsNote, { size: 9 });
  if (pack.withheld.length > 0) write.paragraph(`Withheld because it could identify a child: ${pack.withheld.join('; ')}.`, { size: 9 });
  return [packActionWords.heading, ...pack.aims.map((aim) => aim.name), testsHeading];
}

/** A partner's chart, what the rules say, and the chart as a table: a hidden month reads `[c]`. */
function writeTrend(write: BlockWriter, trend: PartnerTrend): void {
  write.heading(3, trend.heading);
  if (trend.shown > 0) write.figure(trend.svg, trend.alt);
  for (const v of trend.verdicts) write.item(v, 9);
  const widths = [contentWidth - 270, 90, 90, 90];
  write.row([trend.heading.startsWith('Quarter') ? 'Quarter' : 'Month', '% in time', 'In time', 'Of how many'], widths, true);
  for (const r of trend.rows) write.row([r.period, r.percentage, r.inTime, r.n], widths);
}

/** The actions due and not done, those done since the previous meeting, and who was there. */
function writeActions(write: BlockWriter, actions: PackActions): void {
  const words = packActionWords;
  write.heading(2, words.heading, { newPage: true });
  write.paragraph(actions.periodWords);
  const list = (heading: string, items: readonly PackAction[], none: string) => {
    write.heading(3, heading);
    if (items.length === 0) write.paragraph(none, { size: 9 });
    for (const action of items) {
      // An action's words stay with its owner and dates.
      write.paragraph(action.text, { bold: true, size: 10, keepWithNext: true });
      write.paragraph(action.details, { size: 9 });
    }
  };
  list(words.due, actions.due, words.noneDue);
  list(words.done, actions.done, words.noneDone);
  write.heading(3, words.attendance);
  if (actions.attendance === null) write.paragraph(words.notRecorded, { size: 9 });
  else if (actions.attendance.length === 0) write.paragraph(words.nobody, { size: 9 });
  else for (const name of actions.attendance) write.item(name, 9);
}
