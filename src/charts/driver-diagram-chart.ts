/**
 * A driver diagram drawn as a left-to-right tree (or, for a phone, an outline top to bottom): the
 * aim, its primary drivers, their secondary drivers and the change ideas, each a box of wrapped
 * text joined to its parent. Built as SVG
 * elements through a DOM (linkedom), so every word a person typed is escaped as Plot's text is.
 *
 * Layout: each node's subtree gets a band of height max(its own box, its children's bands stacked);
 * a box sits in the middle of its band. Bands of siblings never overlap, so neither do boxes.
 */
import { parseHTML } from 'linkedom';
import { fontFamily, palette } from './render.js';
import { svgMarkup } from './svg-markup.js';

export interface DiagramNode {
  readonly text: string;
  /** A line under the text, such as the tests that try a change idea. */
  readonly note?: string;
  readonly children: readonly DiagramNode[];
}

export interface DriverDiagramInput {
  readonly aim: string;
  readonly primaries: readonly DiagramNode[];
}

export const diagramLayout = { columnWidth: 210, columnGap: 36, margin: 12, fontSize: 12, lineHeight: 15, padding: 7, siblingGap: 10, characterWidth: 7 } as const;

const columnTitles = ['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas'];
const columnFills = ['#002d54', '#0065bd', '#d9effc', '#ffffff'];
const textFills = ['#ffffff', '#ffffff', '#002d54', '#002d54'];

/** Words broken into lines of at most `width` characters; a word longer than that is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const raw of text.split(/\s+/).filter((w) => w !== '')) {
    let word = raw;
    while (word.length > width) {
      if (line !== '') lines.push(line);
      lines.push(word.slice(0, width - 1) + '-');
      word = word.slice(width - 1);
      line = '';
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length ? lines : [''];
}

interface Placed {
  readonly column: number;
  readonly lines: readonly string[];
  readonly note: readonly string[];
  readonly y: number;
  readonly height: number;
  readonly parent: Placed | null;
}

const charsPerLine = Math.floor((diagramLayout.columnWidth - 2 * diagramLayout.padding) / diagramLayout.characterWidth);

function boxHeight(lines: number): number {
  return lines * diagramLayout.lineHeight + 2 * diagramLayout.padding;
}

function measure(node: DiagramNode): { lines: string[]; note: string[]; own: number; band: number; children: ReturnType<typeof measure>[] } {
  const lines = wrapText(node.text, charsPerLine);
  const note = node.note ? wrapText(node.note, charsPerLine) : [];
  const own = boxHeight(lines.length + note.length);
  const children = node.children.map(measure);
  const stacked = children.reduce((sum, c) => sum + c.band, 0) + Math.max(0, children.length - 1) * diagramLayout.siblingGap;
  return { lines, note, own, band: Math.max(own, stacked), children };
}

function place(m: ReturnType<typeof measure>, column: number, top: number, parent: Placed | null, out: Placed[]): void {
  const placed: Placed = { column, lines: m.lines, note: m.note, y: top + (m.band - m.own) / 2, height: m.own, parent };
  out.push(placed);
  const stacked = m.children.reduce((sum, c) => sum + c.band, 0) + Math.max(0, m.children.length - 1) * diagramLayout.siblingGap;
  let y = top + (m.band - stacked) / 2;
  for (const child of m.children) {
    place(child, column + 1, y, placed, out);
    y += child.band + diagramLayout.siblingGap;
  }
}

/**
 * The diagram as standalone SVG: `full`, the tree left to right in four columns (972 px); `small`,
 * for a phone, the same boxes as an outline top to bottom, each level indented under its parent and
 * joined to it at the left, the four levels told apart by the key at the top (360 px, its words at
 * 12 px on a 390-px screen, where the tree's would show at 4).
 */
export function driverDiagramSvg(input: DriverDiagramInput, size: 'full' | 'small' = 'full'): string {
  const aim: DiagramNode = { text: input.aim, children: input.primaries.length ? input.primaries : [{ text: 'No drivers yet', children: [] }] };
  return size === 'small' ? outlineSvg(input.aim, aim) : treeSvg(input.aim, aim);
}

function treeSvg(title: string, aim: DiagramNode): string {
  const { columnWidth, columnGap, margin } = diagramLayout;
  const measured = measure(aim);
  const headerHeight = 24;
  const placed: Placed[] = [];
  place(measured, 0, margin + headerHeight, null, placed);
  const width = margin * 2 + 4 * columnWidth + 3 * columnGap;
  const height = margin * 2 + headerHeight + measured.band;
  const x = (column: number) => margin + column * (columnWidth + columnGap);
  const { svg, el } = drawing(width, height, title);
  columnTitles.forEach((words, column) => {
    el('text', { x: x(column), y: margin + 12, 'font-weight': 'bold', fill: palette.darkBlue }, svg).textContent = words;
  });
  const links = el('g', { fill: 'none', stroke: palette.grey, 'stroke-width': 1.2, 'aria-hidden': 'true' }, svg);
  for (const node of placed) {
    if (!node.parent) continue;
    const x1 = x(node.parent.column) + columnWidth;
    const y1 = node.parent.y + node.parent.height / 2;
    const x2 = x(node.column);
    const y2 = node.y + node.height / 2;
    const mid = x1 + columnGap / 2;
    el('path', { d: `M${x1},${round(y1)}H${mid}V${round(y2)}H${x2}` }, links);
  }
  for (const node of placed) drawBox(el, svg, node, x(node.column), columnWidth);
  return svgMarkup(svg);
}

/** The phone's outline: a box a node in the tree's order, indented by level. */
const outline = { width: 360, indent: 18, gap: 6, keyRow: 20 } as const;

function outlineSvg(title: string, aim: DiagramNode): string {
  const { margin, padding, characterWidth } = diagramLayout;
  const boxWidth = (column: number) => outline.width - 2 * margin - column * outline.indent;
  const x = (column: number) => margin + column * outline.indent;
  // The key: the four levels' colours and names, two to a row.
  const keyHeight = 2 * outline.keyRow + 6;
  const placed: Placed[] = [];
  let y = margin + keyHeight;
  const visit = (node: DiagramNode, column: number, parent: Placed | null) => {
    const chars = Math.floor((boxWidth(column) - 2 * padding) / characterWidth);
    const lines = wrapText(node.text, chars);
    const note = node.note ? wrapText(node.note, chars) : [];
    const box: Placed = { column, lines, note, y, height: boxHeight(lines.length + note.length), parent };
    placed.push(box);
    y += box.height + outline.gap;
    for (const child of node.children) visit(child, column + 1, box);
  };
  visit(aim, 0, null);
  const height = y - outline.gap + margin;
  const { svg, el } = drawing(outline.width, height, title);
  columnTitles.forEach((words, column) => {
    const keyX = margin + (column % 2) * (outline.width / 2);
    const keyY = margin + Math.floor(column / 2) * outline.keyRow;
    el('rect', { x: keyX, y: keyY + 2, width: 14, height: 14, rx: 2, fill: columnFills[column] ?? 'white', stroke: palette.darkBlue, 'stroke-width': 1 }, svg);
    el('text', { x: keyX + 20, y: keyY + 14, 'font-weight': 'bold', fill: palette.darkBlue }, svg).textContent = words;
  });
  const links = el('g', { fill: 'none', stroke: palette.grey, 'stroke-width': 1.2, 'aria-hidden': 'true' }, svg);
  for (const node of placed) {
    if (!node.parent) continue;
    // Down from under the parent's left edge, then across to the child's.
    const down = x(node.parent.column) + outline.indent / 2;
    el('path', { d: `M${down},${round(node.parent.y + node.parent.height)}V${round(node.y + node.height / 2)}H${x(node.column)}` }, links);
  }
  for (const node of placed) drawBox(el, svg, node, x(node.column), boxWidth(node.column));
  return svgMarkup(svg);
}

type Draw = (name: string, attributes: Record<string, string | number>, parent: Element) => Element;

/** An empty drawing of `width` by `height`, titled, on white; `el` adds an element to it. */
function drawing(width: number, height: number, title: string): { svg: Element; el: Draw } {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const ns = 'http://www.w3.org/2000/svg';
  const el: Draw = (name, attributes, parent) => {
    const node = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
    parent.appendChild(node);
    return node;
  };
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ xmlns: ns, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'font-family': fontFamily, 'font-size': diagramLayout.fontSize, class: 'pace-chart' })) svg.setAttribute(k, String(v));
  el('title', {}, svg).textContent = `Driver diagram: ${title}`;
  el('rect', { x: 0, y: 0, width, height, fill: 'white' }, svg);
  return { svg, el };
}

/** A node's box at `x`, `width` wide, with its lines and its note. */
function drawBox(el: Draw, svg: Element, node: Placed, x: number, width: number): void {
  const { lineHeight, padding } = diagramLayout;
  const g = el('g', {}, svg);
  el('rect', { x, y: round(node.y), width, height: round(node.height), rx: 4, fill: columnFills[node.column] ?? 'white', stroke: palette.darkBlue, 'stroke-width': 1 }, g);
  const text = el('text', { fill: textFills[node.column] ?? palette.darkBlue }, g);
  node.lines.forEach((line, i) => {
    el('tspan', { x: x + padding, y: round(node.y + padding + (i + 1) * lineHeight - 3) }, text).textContent = line;
  });
  node.note.forEach((line, i) => {
    el('tspan', { x: x + padding, y: round(node.y + padding + (node.lines.length + i + 1) * lineHeight - 3), 'font-style': 'italic', fill: palette.green }, text).textContent = line;
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
