// The meeting pack's PDF, for the demo authority and for the web tests' NORTH: tagged for a screen
// reader, each aim leading with its answer, and laid out so that no paragraph is split across pages,
// no heading ends a page and no page is left nearly empty. The PDF does not depend on the store's
// engine, so one engine is enough.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiguresCache } from '../src/app/figures-cache.js';
import { meetingPackFor } from '../src/app/meeting-pack.js';
import type { PackDocument } from '../src/charts/pack-document.js';
import { meetingPackPdf, minLinesOnAPage } from '../src/charts/pack-pdf.js';
import { loadDemoImprovement } from '../src/demo/improvement.js';
import { addAction, addUser, findAuthority, saveAttendance, saveMeeting } from '../src/store/index.js';
import { d } from './builders.js';
import { pace } from './cli-harness.js';
import { engines, openTwoAuthorities } from './engines.js';
import { pdfPageContents, pdfPageTexts, type MarkedContent } from './pdf-text.js';
import { saveNorth } from './web/fixtures.js';

const engine = engines[0] as (typeof engines)[number];

/** Every paragraph, list item and table cell of the pack, as the PDF should hold it whole. */
function paragraphsOf(pack: PackDocument): string[] {
  return [
    pack.authorityName,
    pack.asAtWords,
    pack.periodWords,
    pack.actions.periodWords,
    ...[...pack.actions.due, ...pack.actions.done].flatMap((a) => [a.text, a.details]),
    ...(pack.actions.attendance ?? []),
    ...pack.aims.flatMap((a) => [a.answer.words, a.sentence, ...(a.headline ? [a.headline] : []), ...a.lines, ...a.marksKey, ...a.verdicts]),
    ...pack.tests.flatMap((t) => [...t.lines, ...t.cycles.flatMap((c) => c.parts.flatMap((p) => [p.title, ...p.lines]))]),
    ...pack.balancing.flatMap((b) => [b.definition, b.latest, ...b.verdicts]),
    pack.quality.summary,
  ];
}

const words = (piece: MarkedContent): string => piece.lines.join(' ').replace(/\s+/g, ' ').trim();
const isHeading = (piece: MarkedContent): boolean => /^H\d$/.test(piece.tag);
const textTags = new Set(['P', 'LBody', 'TD', 'TH']);

/** What is wrong with the layout: pages nearly empty, paragraphs not whole on one page, pages ending in a heading. */
function layoutProblems(pdf: Buffer, pack: PackDocument): string[] {
  const pages = pdfPageContents(pdf);
  const problems: string[] = [];
  pages.forEach((page, i) => {
    const lines = page.filter((p) => textTags.has(p.tag)).reduce((n, p) => n + p.lines.length, 0);
    if (!page.some(isHeading) && !page.some((p) => p.tag === 'Figure') && lines < minLinesOnAPage) problems.push(`page ${i + 1}: only ${lines} lines`);
    const last = [...page].reverse().find((p) => p.tag !== 'Artifact' && p.lines.length > 0);
    if (last && isHeading(last)) problems.push(`page ${i + 1} ends with the heading ${words(last)}`);
  });
  const pieces = pages.flat().filter((p) => textTags.has(p.tag)).map(words);
  for (const paragraph of paragraphsOf(pack)) if (!pieces.includes(paragraph.replace(/\s+/g, ' ').trim())) problems.push(`not whole on one page: ${paragraph}`);
  return problems;
}

function catalogOf(pdf: Buffer): { tagged: boolean; lang: string | null; displayTitle: boolean } {
  const text = pdf.toString('latin1');
  const catalog = /\/Type \/Catalog[^]*?>>/.exec(text)?.[0] ?? '';
  const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog)?.[1];
  const marked = markInfo ? new RegExp(`\\b${markInfo} 0 obj\\s*<<\\s*/Marked true\\s*>>`).test(text) : false;
  return { tagged: marked && /\/StructTreeRoot \d+ 0 R/.test(catalog), lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null, displayTitle: /\/DisplayDocTitle true/.test(text) };
}

describe('the meeting pack PDF of the demo authority', () => {
  let pack: PackDocument;
  let pdf: Buffer;
  let dispose: () => Promise<void>;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    expect((await pace(['demo', '--children', '150', '--as-at', '2024-03-27'], { DATABASE_URL: opened.url })).code).toBe(0);
    const demo = await findAuthority(opened.connection, 'DEMO01');
    if (!demo) throw new Error('demo authority');
    await loadDemoImprovement(opened.connection, demo.scope, d('2024-03-27'));
    const made = await meetingPackFor(opened.connection, new FiguresCache(opened.connection), demo, d('2024-03-27'), d('2024-03-27'));
    if (!made) throw new Error('demo meeting');
    pack = made;
    pdf = await meetingPackPdf(pack, { compress: false, onProgress: (done, total, step) => progress.push([done, total, step]) });
  }, 60_000);

  afterAll(() => dispose());

  it('is tagged, in British English, and shows its title', () => {
    expect(catalogOf(pdf)).toEqual({ tagged: true, lang: 'en-GB', displayTitle: true });
    const text = pdf.toString('latin1');
    const title = /\/Title (\d+) 0 R/.exec(text)?.[1];
    expect(new RegExp(`\\b${title} 0 obj\\s*\\(([^)]*)\\)`).exec(text)?.[1]).toBe("Meeting pack: Champions' group, 27 March 2024");
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
  });

  it('tags headings, paragraphs, lists, the table and each chart as a figure with words saying what it shows', () => {
    const tags = new Set(pdfPageContents(pdf).flatMap((page) => page.map((p) => p.tag)));
    expect([...tags].sort()).toEqual(['Artifact', 'Figure', 'H1', 'H2', 'H3', 'H4', 'LBody', 'Lbl', 'P', 'TD', 'TH']);
    const text = pdf.toString('latin1');
    expect((text.match(/\/S \/Figure/g) ?? []).length).toBe(2 * pack.aims.length + pack.balancing.length);
    const alts = [...text.matchAll(/\/Alt \(((?:\\.|[^\\)])*)\)/g)].map((m) => (m[1] as string).replace(/\\(.)/g, '$1'));
    expect(alts.length).toBe(2 * pack.aims.length + pack.balancing.length);
    expect(alts).toContain(`Run chart of Aim 2: permanence recommendation: 101 children, one dot each at the date they reached the milestone, height the weeks it took. ${pack.aims[1]?.answer.words}`);
    expect(alts).toContain('Waiting chart of Aim 2: permanence recommendation: 5 children still waiting, one bar each, its length the weeks waited so far; the longest 38.4 weeks.');
  });

  it('begins with the title and leads each aim with its answer, then its sentence and figures', () => {
    const pages = pdfPageTexts(pdf);
    expect(pages[0]?.startsWith("Meeting pack: Champions' group, 27 March 2024 Demoshire Council (synthetic demo) Figures as at 27 March 2024")).toBe(true);
    expect(pack.aims[1]?.answer).toEqual({
      kind: 'worse',
      words: 'Getting worse: since January 2022 the weeks to a permanence recommendation have stayed above the old median of 17.3 weeks (10 children in a row); the median is now 26.7 weeks.',
    });
    expect(pages.find((p) => p.startsWith('Aim 2: permanence recommendation'))).toContain(
      'Aim 2: permanence recommendation Getting worse: since January 2022 the weeks to a permanence recommendation have stayed above the old median of 17.3 weeks (10 children in a row); the median is now 26.7 weeks. All children who become looked after and accommodated',
    );
  });

  it("reviews the demo's actions: due and not done, done since the previous meeting, and who was there", () => {
    expect(pack.actions).toEqual({
      periodWords: 'The actions due by this meeting and not done on 27 March 2024, and those done after the previous meeting on 6 March 2024, up to 27 March 2024.',
      due: [
        {
          text: 'A2: Ask the reviewing officers to record the date of every permanence recommendation',
          details: 'Owner: The IRO team manager, Demoshire social work. Overdue: due 21 February 2024, before the previous meeting. Agreed at the meeting on 7 February 2024.',
        },
        { text: "A4: Invite health visiting to the next champions' group", details: 'Owner: M. Example, Permanence team manager, Demoshire social work. Due 27 March 2024, the day of this meeting. Agreed at the meeting on 6 March 2024.' },
      ],
      done: [{ text: "A3: Share aim 2's run chart with the panel members", details: 'Owner: The locality reporter, SCRA. Due 20 March 2024; done 17 March 2024. Agreed at the meeting on 6 March 2024.' }],
      attendance: ['M. Example, Permanence team manager, Demoshire social work', 'R. Counsel, Legal services', 'The locality reporter, SCRA', 'Dr A. Sample, NHS health visiting'],
    });
    expect(pdfPageTexts(pdf)[1]?.startsWith('Actions The actions due by this meeting and not done on 27 March 2024')).toBe(true);
  });

  it('splits no paragraph across pages, ends no page with a heading and leaves no page nearly empty', () => {
    expect(layoutProblems(pdf, pack)).toEqual([]);
    expect(pdfPageTexts(pdf).length).toBe(14);
  });

  it('reports its progress as each aim and part is drawn', () => {
    expect(progress).toEqual([
      [1, 8, 'Actions'],
      [2, 8, 'Aim 1: review of children looked after at home'],
      [3, 8, 'Aim 2: permanence recommendation'],
      [4, 8, 'Aim 3: Agency Decision Maker decision'],
      [5, 8, 'Aim 4: application lodged at court'],
      [6, 8, 'Tests of change since the previous meeting'],
      [7, 8, 'Balancing measures'],
      [8, 8, 'Data quality'],
    ]);
  });
});

describe('the meeting pack PDF of a small authority', () => {
  let pack: PackDocument;
  let pdf: Buffer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTwoAuthorities(engine);
    dispose = opened.dispose;
    await saveNorth(opened.connection, opened.north);
    await saveMeeting(opened.connection, opened.north, { date: d('2021-05-04'), title: "Champions' group", notes: '' }, { by: 'test' });
    await saveMeeting(opened.connection, opened.north, { date: d('2021-06-01'), title: "Champions' group", notes: 'Quarterly review' }, { by: 'test' });
    // The actions agreed at the meeting before, and who was at this one.
    const added = await addUser(opened.connection, { username: 'amy', displayName: 'Amy Adams', passwordHash: 'x' });
    if (!added.ok) throw new Error('amy');
    const amy = { kind: 'user' as const, userId: added.value.id, name: 'Amy Adams' };
    const sample = { kind: 'partner' as const, name: 'Dr A. Sample', organisation: 'NHS health visiting' };
    const by = { by: 'test' };
    const audit = { clientIp: null };
    await addAction(opened.connection, opened.north, d('2021-05-04'), { text: 'Ask IROs to date every recommendation', owner: amy, due: d('2021-05-20'), done: null }, by, audit);
    await addAction(opened.connection, opened.north, d('2021-05-04'), { text: 'Draft the legal advice referral form', owner: sample, due: d('2021-05-25'), done: d('2021-05-28') }, by, audit);
    await addAction(opened.connection, opened.north, d('2021-05-04'), { text: 'Book the room for the learning event', owner: { kind: 'partner', name: 'The PACE administrator', organisation: '' }, due: d('2021-06-01'), done: null }, by, audit);
    await saveAttendance(opened.connection, opened.north, d('2021-06-01'), [amy, sample], by, audit);
    const north = await findAuthority(opened.connection, 'NORTH');
    if (!north) throw new Error('NORTH');
    const made = await meetingPackFor(opened.connection, new FiguresCache(opened.connection), north, d('2021-06-01'), d('2021-06-01'));
    if (!made) throw new Error('NORTH meeting');
    pack = made;
    pdf = await meetingPackPdf(pack, { compress: false });
  }, 60_000);

  afterAll(() => dispose());

  it('leads each aim with the answer, saying when there are too few children to judge', () => {
    expect(pack.aims[1]?.answer.words).toBe('Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 2 so far.');
    const pages = pdfPageTexts(pdf);
    expect(pages[0]?.startsWith("Meeting pack: Champions' group, 1 June 2021 North Council Figures as at 1 June 2021")).toBe(true);
    expect(pages.find((p) => p.startsWith('Aim 2: permanence recommendation'))?.slice(0, 137)).toBe('Aim 2: permanence recommendation Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 2 so far.');
  });

  it('lists the actions due and not done, those done since the previous meeting, each with its owner and dates, and who was there', () => {
    const pages = pdfPageTexts(pdf);
    expect(pages[0]).toContain('Contents • Actions • Aim 1: review of children looked after at home');
    expect(pages.find((p) => p.startsWith('Actions'))).toBe(
      [
        'Actions The actions due by this meeting and not done on 1 June 2021, and those done after the previous meeting on 4 May 2021, up to 1 June 2021.',
        'Due and not done',
        'A1: Ask IROs to date every recommendation Owner: Amy Adams. Overdue: due 20 May 2021. Agreed at the meeting on 4 May 2021.',
        'A3: Book the room for the learning event Owner: The PACE administrator. Due 1 June 2021, the day of this meeting. Agreed at the meeting on 4 May 2021.',
        'Done since the previous meeting',
        'A2: Draft the legal advice referral form Owner: Dr A. Sample, NHS health visiting. Due 25 May 2021; done 28 May 2021, after its due date. Agreed at the meeting on 4 May 2021.',
        'Who was at this meeting • Amy Adams • Dr A. Sample, NHS health visiting',
        'North Council — Champions\' group, 1 June 2021 — page 2 of 10',
      ].join(' '),
    );
  });

  it('splits no paragraph across pages, ends no page with a heading and leaves no page nearly empty', () => {
    expect(catalogOf(pdf)).toEqual({ tagged: true, lang: 'en-GB', displayTitle: true });
    expect(layoutProblems(pdf, pack)).toEqual([]);
  });
});
