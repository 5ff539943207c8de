// The poster's PDF for the demo authority (invented children with names, references and dates of
// birth) and for the web tests' NORTH: one page of A3 or A4, tagged for a screen reader, in the seeds'
// shape — and naming no child, which the extracted text and the raw file are searched for. The PDF
// does not depend on the store's engine, so one engine is enough (the words' store is tested on both).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiguresCache } from '../src/app/figures-cache.js';
import { posterFor } from '../src/app/poster.js';
import type { PosterDocument } from '../src/charts/poster-document.js';
import { posterPdf } from '../src/charts/poster-pdf.js';
import { longDate } from '../src/domain/date.js';
import { demoPosterText, loadDemoImprovement } from '../src/demo/improvement.js';
import { childIdentifiersIn } from '../src/domain/improvement/poster.js';
import { findAuthority, identifyingValuesOf, savePosterText, type Connection, type StoredAuthority } from '../src/store/index.js';
import type { IdentifyingValues } from '../src/domain/improvement/identifying-text.js';
import { d } from './builders.js';
import { pace } from './cli-harness.js';
import { engines, openTwoAuthorities } from './engines.js';
import { pdfPageContents, pdfPageTexts } from './pdf-text.js';
import { saveNorth } from './web/fixtures.js';

const engine = engines[0] as (typeof engines)[number];

function catalogOf(pdf: Buffer): { tagged: boolean; lang: string | null; displayTitle: boolean } {
  const text = pdf.toString('latin1');
  const catalog = /\/Type \/Catalog[^]*?>>/.exec(text)?.[0] ?? '';
  const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog)?.[1];
  const marked = markInfo ? new RegExp(`\\b${markInfo} 0 obj\\s*<<\\s*/Marked true\\s*>>`).test(text) : false;
  return { tagged: marked && /\/StructTreeRoot \d+ 0 R/.test(catalog), lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null, displayTitle: /\/DisplayDocTitle true/.test(text) };
}

/** Each page's size in points, from its MediaBox. */
function pageSizes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) => (m[1] as string).trim().split(/\s+/).slice(2).join(' x '));
}

/** A PDF string's text: its escapes undone, and read as UTF-16 when it starts with the byte-order mark (as pdfkit writes any string not in ASCII). */
function pdfString(raw: string): string {
  const bytes = Buffer.from(raw.replace(/\\([0-7]{1,3}|.)/g, (_all, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e)), 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
}

/** Every /Alt of the structure tree, unescaped. */
function altsOf(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Alt \(((?:\\.|[^\\)])*)\)/g)].map((m) => pdfString(m[1] as string));
}

/** What in `text` could identify one of the children: their reference, first or last name, whole name or date of birth. */
function childrenNamedIn(text: string, values: IdentifyingValues): string[] {
  const references = values.children.map((c) => c.childId).filter((id) => new RegExp(`\\b${id}\\b`).test(text));
  const wholeNames = values.children.map((c) => `${c.firstName} ${c.lastName}`).filter((name) => text.includes(name));
  return [...references, ...wholeNames, ...childIdentifiersIn(text, values).map((m) => `${m.text} (${m.kinds.join(', ')})`)];
}

describe('the poster PDF of the demo authority', () => {
  let dir: string;
  let connection: Connection;
  let demo: StoredAuthority;
  let poster: PosterDocument;
  let a3: Buffer;
  let a4: Buffer;
  let identifying: IdentifyingValues;
  let databaseUrl: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    connection = opened.connection;
    databaseUrl = opened.url;
    expect((await pace(['demo', '--children', '150', '--as-at', '2024-03-27'], { DATABASE_URL: opened.url })).code).toBe(0);
    const found = await findAuthority(connection, 'DEMO01');
    if (!found) throw new Error('demo authority');
    demo = found;
    await loadDemoImprovement(connection, demo.scope, d('2024-03-27'));
    poster = await posterFor(connection, new FiguresCache(connection), demo, d('2024-03-27'), d('2024-03-27'));
    [a3, a4] = await Promise.all([posterPdf(poster, { size: 'a3', compress: false }), posterPdf(poster, { size: 'a4', compress: false })]);
    identifying = await identifyingValuesOf(connection, demo.scope);
    dir = mkdtempSync(join(tmpdir(), 'pace-poster-'));
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dispose();
  });

  it('is one page of A3, or of A4, portrait', () => {
    expect(pageSizes(a3)).toEqual(['841.89 x 1190.55']);
    expect(pageSizes(a4)).toEqual(['595.28 x 841.89']);
    expect(pdfPageTexts(a3).length).toBe(1);
    expect(pdfPageTexts(a4).length).toBe(1);
  });

  it('is tagged, in British English, titled, with words for each run chart saying what it shows', () => {
    for (const pdf of [a3, a4]) {
      expect(catalogOf(pdf)).toEqual({ tagged: true, lang: 'en-GB', displayTitle: true });
      const text = pdf.toString('latin1');
      const title = /\/Title (\d+) 0 R/.exec(text)?.[1];
      expect(pdfString(new RegExp(`\\b${title} 0 obj\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(text)?.[1] ?? '')).toBe('Demoshire Council (synthetic demo) – PACE');
    }
    const tags = new Set(pdfPageContents(a3).flatMap((page) => page.map((p) => p.tag)));
    expect([...tags].sort()).toEqual(['Artifact', 'Figure', 'H1', 'H2', 'H3', 'LBody', 'Lbl', 'P']);
    const alts = altsOf(a3);
    expect(alts.length).toBe(4);
    expect(alts[1]).toBe(`Run chart of Aim 2: permanence recommendation: 101 children, one dot each at the date they reached the milestone, height the weeks it took; 2 tests of change marked. ${poster.aims[1]?.answer.words}`);
  });

  it('shows, in the seeds’ order, the aims as sentences, each aim’s answer and figures, the tests of change with their outcomes, and the team’s words', () => {
    const text = pdfPageTexts(a3)[0] as string;
    const order = [
      'Demoshire Council (synthetic demo) – PACE',
      'Permanence and Care Excellence: our aims, what our data say, and the changes we are testing, as at 27 March 2024.',
      'Our aims',
      '1. All children looked after at home on a Compulsory Supervision Order will have a review of their whole period at home within 24 months of becoming looked after at home.',
      '2. All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
      'Are we getting better?',
      'Aim 2: permanence recommendation',
      poster.aims[1]?.answer.words as string,
      `Last 12 months ${poster.aims[1]?.figures[0]?.value} ${poster.aims[1]?.figures[0]?.counts}`,
      'What have we done so far?',
      '• Process-mapped our permanence process, from accommodation to the application to court',
      'Key learning points',
      'Tests of change and what we decided',
      'ADOPT T1: Legal advice referral form Cycle 1: adapt; cycle 2: adopt. Last decided 30 October 2023. Aim 2: permanence recommendation.',
      'ADOPT T2: Standard agenda for the 72-hour meeting',
      'ADAPT T3: Cease Form E part 2 Cycle 1: adapt. Cycle 2 under way.',
      'BEING TESTED T5: Recorded delivery for advice hearings 1 cycle, none acted on yet.',
      'ABANDON T4: Remove the ratifying looked after review Cycle 1: abandon. Last decided 8 March 2024.',
      'Next steps',
      'Further information',
      'The PACE lead, Demoshire permanence service: 01632 960 123 (an invented number)',
      'Made by pace from Demoshire Council (synthetic demo)’s records as at 27 March 2024.',
    ];
    const at = order.map((words) => text.indexOf(words));
    expect(order.filter((_, i) => at[i] === -1)).toEqual([]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(poster.sections.map((s) => s.points.length)).toEqual([4, 3, 3, 1]);
    expect(poster.withheld).toEqual([]);
  });

  it("names no child: no reference, name or date of birth of any of the demo's 150 children, in the text or anywhere in the file", () => {
    expect(identifying.children.length).toBe(150);
    // The authority's own name holds two of the demo's last names ("Demo", "Synthetic"): it is not a child's.
    const withoutAuthority = (text: string) => text.replaceAll(demo.authority.name, '');
    for (const pdf of [a3, a4]) {
      expect(childrenNamedIn(withoutAuthority(pdfPageTexts(pdf).join(' ')), identifying)).toEqual([]);
      expect(childrenNamedIn(withoutAuthority(altsOf(pdf).join(' ')), identifying)).toEqual([]);
      // The raw file too: the structure tree, the metadata, the charts' own words.
      expect(identifying.children.filter((c) => pdf.toString('latin1').includes(c.childId)).map((c) => c.childId)).toEqual([]);
    }
    expect(childrenNamedIn(withoutAuthority(JSON.stringify(poster)), identifying)).toEqual([]);
  });

  it('is written by pace poster, A3 by default or A4', async () => {
    const a3File = join(dir, 'poster-a3.pdf');
    const a4File = join(dir, 'poster-a4.pdf');
    const env = { DATABASE_URL: databaseUrl };
    const run = await pace(['poster', '--authority', 'demo01', '--as-at', '2024-03-27', '--out', a3File], env);
    expect(run).toEqual({ code: 0, out: `wrote ${a3File}: Demoshire Council (synthetic demo) – PACE, A3, as at 2024-03-27 (${(readFileSync(a3File).length / 1024).toFixed(0)} KB)\n`, err: '' });
    expect((await pace(['poster', '--authority', 'DEMO01', '--as-at', '2024-03-27', '--size', 'a4', '--out', a4File], env)).code).toBe(0);
    expect(pageSizes(readFileSync(a3File))).toEqual(['841.89 x 1190.55']);
    expect(pageSizes(readFileSync(a4File))).toEqual(['595.28 x 841.89']);
    expect(await pace(['poster', '--authority', 'DEMO01', '--size', 'a2', '--out', a4File], env)).toMatchObject({ code: 2, err: expect.stringContaining('not a poster size: a2 (a3 or a4)') as string });
    expect(await pace(['poster', '--authority', 'NOWHERE', '--out', a4File], env)).toEqual({ code: 1, out: '', err: 'pace: no authority with code NOWHERE (see: pace authority list)\n' });
  });
});

describe("the poster of an authority whose words name a child recorded after they were saved", () => {
  let poster: PosterDocument;
  let pdf: Buffer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTwoAuthorities(engine);
    dispose = opened.dispose;
    await saveNorth(opened.connection, opened.north);
    // Saved straight to the store, as words saved before Amy Adams was recorded would be (the form refuses them).
    await savePosterText(opened.connection, opened.north, { ...demoPosterText, learning: 'Amy Adams taught us to listen', contact: 'Ask about A1' }, { by: 'test' }, { clientIp: null });
    const north = await findAuthority(opened.connection, 'NORTH');
    if (!north) throw new Error('NORTH');
    poster = await posterFor(opened.connection, new FiguresCache(opened.connection), north, d('2021-06-01'), d('2021-06-01'));
    pdf = await posterPdf(poster, { compress: false });
  }, 60_000);

  afterAll(() => dispose());

  it('withholds those words, saying so, and still makes one page naming no child', () => {
    expect(poster.withheld).toEqual(['Key learning points', 'Further information']);
    const text = pdfPageTexts(pdf).join(' ');
    expect(text).toContain('Key learning points • Withheld from the poster: these words could identify a child. Change the poster’s text in pace.');
    for (const word of ['Amy', 'Adams', 'A1']) expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(text).toContain('What have we done so far? • Process-mapped our permanence process');
    expect(text).toContain(`No test of change had started by ${longDate(d('2021-06-01'))}.`);
    expect(pageSizes(pdf)).toEqual(['841.89 x 1190.55']);
  });
});

describe('the poster of an authority whose team wrote as much as the form allows', () => {
  let poster: PosterDocument;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTwoAuthorities(engine);
    dispose = opened.dispose;
    await saveNorth(opened.connection, opened.north);
    // Eight points of 145 characters in each part, and a contact of 3 lines: the form's most.
    const part = (name: string) => Array.from({ length: 8 }, (_, i) => `${name} point ${i + 1}: ${'a longer sentence about the work '.repeat(4).trim()}`.slice(0, 145)).join('\n');
    const contact = ['The PACE lead, permanence service, North Council', 'pace.lead@north.gov.uk', 'or the service manager for looked after children, on 01632 960 000'].join('\n');
    await savePosterText(opened.connection, opened.north, { done: part('Done'), learning: part('Learning'), nextSteps: part('Next'), contact }, { by: 'test' }, { clientIp: null });
    const north = await findAuthority(opened.connection, 'NORTH');
    if (!north) throw new Error('NORTH');
    poster = await posterFor(opened.connection, new FiguresCache(opened.connection), north, d('2021-06-01'), d('2021-06-01'));
  }, 60_000);

  afterAll(() => dispose());

  it('still fits one page of A3 and of A4, every word on it, made smaller to fit', async () => {
    for (const size of ['a3', 'a4'] as const) {
      const pdf = await posterPdf(poster, { size, compress: false });
      expect(pageSizes(pdf), size).toEqual([size === 'a3' ? '841.89 x 1190.55' : '595.28 x 841.89']);
      const text = pdfPageTexts(pdf)[0] as string;
      for (const point of ['Done point 8:', 'Learning point 8:', 'Next point 8:', 'or the service manager for looked after children, on 01632 960 000']) expect(text, size).toContain(point);
    }
  });
});
