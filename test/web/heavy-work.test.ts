// Heavy responses (issue 19, point 7): PNGs and meeting-pack PDFs are made in render threads, at
// most two at once for each reader, and a PDF once for its content; its page shows how far it has got.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RenderPool, type RenderProgress } from '../../src/charts/render-pool.js';
import { HeavyWork } from '../../src/web/heavy-work.js';
import { PackMakingPage } from '../../src/web/views/pack-making.js';
import { render } from 'preact-render-to-string';
import type { PackDocument } from '../../src/charts/pack-document.js';
import type { PosterDocument } from '../../src/charts/poster-document.js';
import { engines } from '../engines.js';
import { pdfPageTexts } from '../pdf-text.js';
import { readWorkbook } from '../read-workbook.js';
import { northWithAMeeting } from './fixtures.js';
import { openWeb, type Client, textOf, today, type WebFixture } from './harness.js';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { meetingPackFor } from '../../src/app/meeting-pack.js';
import { findAuthority, saveMeeting } from '../../src/store/index.js';
import { d } from '../builders.js';
import { generateAuthority } from '../../src/demo/generate.js';
import { childTimeline } from '../../src/domain/timeline.js';
import { nationalAims } from '../../src/domain/aim.js';
import { childTimelineSvg } from '../../src/charts/timeline-chart.js';
import { inlinePicture } from '../../src/charts/inline-picture.js';
import { datesFromWire, datesToWire } from '../../src/charts/wire-dates.js';

const square = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" viewBox="0 0 30 20"><rect width="30" height="20" fill="#0065bd"/></svg>';

function deferred(): { promise: Promise<string>; resolve: (value: string) => void } {
  let resolve: (value: string) => void = () => undefined;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('heavy work', () => {
  let heavy: HeavyWork;
  beforeAll(() => {
    heavy = new HeavyWork(new RenderPool({ threads: 1 }));
  });
  afterAll(async () => {
    await heavy.close();
  });

  it('lets one reader have two heavy responses in hand at once; the third waits for one of them, and another reader does not wait', async () => {
    const tasks = [deferred(), deferred(), deferred()];
    const started: string[] = [];
    const results = tasks.map((task, i) =>
      heavy.forUser('amy', () => {
        started.push(`amy ${i + 1}`);
        return task.promise;
      }),
    );
    const ben = deferred();
    const bens = heavy.forUser('ben', () => {
      started.push('ben 1');
      return ben.promise;
    });
    await Promise.resolve();
    expect(started).toEqual(['amy 1', 'amy 2', 'ben 1']);
    expect(heavy.inHand('amy')).toEqual({ running: 2, waiting: 1 });
    tasks[0]?.resolve('first');
    await expect(results[0]).resolves.toBe('first');
    await Promise.resolve();
    expect(started).toEqual(['amy 1', 'amy 2', 'ben 1', 'amy 3']);
    tasks[1]?.resolve('second');
    tasks[2]?.resolve('third');
    ben.resolve('bens');
    await expect(Promise.all([...results, bens])).resolves.toEqual(['first', 'second', 'third', 'bens']);
    // A reader with nothing in hand is forgotten.
    await Promise.resolve();
    expect(heavy.inHand('amy')).toEqual({ running: 0, waiting: 0 });
  });

  it('writes a long list as CSV in a render thread, quoted and with formulas neutralised as every CSV of pace is', async () => {
    const csv = await heavy.pool.csv(['child_id', 'note'], [['=1+1', 2], ['A1', 'x, "y"'], ['B2', null]]);
    expect(csv.toString()).toBe(`child_id,note\r\n'=1+1,2\r\nA1,"x, ""y"""\r\nB2,\r\n`);
  });

  it('sends a long list to the render thread 5,000 rows at a time, waiting between parts, and writes every row in order', async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [`C${i}`, i]);
    let waits = 0;
    const csv = (await heavy.pool.csv(['child_id', 'n'], rows, async () => void (waits += 1))).toString().split('\r\n');
    expect(waits).toBe(3);
    expect(csv.length).toBe(12_003);
    expect([csv[0], csv[1], csv[5001], csv[12_001], csv[12_002]]).toEqual(['child_id,n', 'C0,0', 'C5000,5000', 'C12000,12000', '']);
    waits = 0;
    const xlsx = await heavy.pool.xlsx(
      [
        { name: 'children', columns: ['child'], dateColumns: [], rows: rows.slice(0, 5_001).map(([id]) => [id as string]) },
        { name: 'events', columns: ['child', 'n'], dateColumns: [], rows: rows.slice(0, 3) },
      ],
      async () => void (waits += 1),
    );
    expect(waits).toBe(3);
    const { children, events } = await readWorkbook(xlsx);
    expect([children?.length, children?.[5001], events]).toEqual([5_002, ['C5000'], [['child', 'n'], ['C0', 0], ['C1', 1], ['C2', 2]]]);
  });

  it('writes a workbook in a render thread: dates sent as text come back as date cells, text neutralised', async () => {
    const xlsx = await heavy.pool.xlsx([{ name: 'events', columns: ['child', 'date', 'count'], dateColumns: [1], rows: [['=K1', '2021-07-31', 3], ['K2', null, null]] }]);
    const { events } = await readWorkbook(xlsx);
    expect(events).toEqual([
      ['child', 'date', 'count'],
      ["'=K1", new Date(Date.UTC(2021, 6, 31)), 3],
      ['K2'],
    ]);
  });

  it("draws a child's timeline in a render thread, for a page and for a phone, the same pictures as on the event loop, every date arriving as a date", async () => {
    const [record] = generateAuthority({ code: 'NORTH', name: 'North', children: 40, seed: 'timeline-thread', asAt: d('2024-01-01'), firstYear: 2017 }).records.filter((r) => r.placements.length > 2);
    if (!record) throw new Error('no child with three placements');
    const timeline = childTimeline(record, { asAt: d('2024-01-01'), aims: nationalAims() });
    expect(datesFromWire(JSON.parse(JSON.stringify(datesToWire(timeline))))).toEqual(timeline);
    expect(await heavy.timelinePicture('amy', timeline)).toBe(inlinePicture(childTimelineSvg(timeline)));
    expect(await heavy.timelinePicture('amy', timeline, { size: 'small', forPage: false })).toBe(childTimelineSvg(timeline, { size: 'small' }));
  });

  it("draws a child's timeline and a PNG while a workbook is being written, without waiting for it: pictures a page waits for have a thread of their own", async () => {
    const [record] = generateAuthority({ code: 'NORTH', name: 'North', children: 40, seed: 'timeline-thread', asAt: d('2024-01-01'), firstYear: 2017 }).records.filter((r) => r.placements.length > 2);
    if (!record) throw new Error('no child with three placements');
    const timeline = childTimeline(record, { asAt: d('2024-01-01'), aims: nationalAims() });
    // A workbook of 150,000 rows: seconds of work for the one thread documents have here.
    const rows = Array.from({ length: 150_000 }, (_, i) => [`C${i}`, '2021-07-31', i]);
    const finished: string[] = [];
    const workbook = heavy.pool.xlsx([{ name: 'events', columns: ['child', 'date', 'count'], dateColumns: [1], rows }]).then((xlsx) => (finished.push('workbook'), xlsx));
    const picture = await heavy.timelinePicture('amy', timeline);
    finished.push('timeline');
    const png = await heavy.png('ben', square);
    finished.push('png');
    expect(finished).toEqual(['timeline', 'png']);
    expect(picture).toBe(inlinePicture(childTimelineSvg(timeline)));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect((await readWorkbook(await workbook)).events?.length).toBe(150_001);
    expect(finished).toEqual(['timeline', 'png', 'workbook']);
  });

  it('draws a PNG in a render thread, at twice the size of the SVG', async () => {
    const before = heavy.pool.completed;
    const png = await heavy.png('amy', square);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([60, 40]);
    expect(heavy.pool.completed).toBe(before + 1);
  });
});

describe('a PDF made in a render thread', () => {
  const aim = (n: number) => ({
    id: `aim-${n}`,
    name: `Aim ${n}`,
    answer: { kind: 'no-change' as const, words: 'No change yet.' },
    sentence: `Aim ${n} in a sentence.`,
    headline: '50.0% in time',
    lines: ['n = 2 journeys counted'],
    runSvg: square,
    runAlt: 'A blue square.',
    waitingSvg: square,
    waitingSmallSvg: square,
    waitingAlt: 'A blue square.',
    verdicts: [],
    marksKey: [],
  });
  const pack = {
    title: "Meeting pack: Champions' group, 10 March 2021",
    authorityName: 'North Council',
    meetingWords: "Champions' group, 10 March 2021",
    periodWords: 'Since the previous meeting',
    asAt: '2021-03-10',
    asAtWords: 'As at 10 March 2021',
    notes: '',
    actions: { periodWords: 'Since the previous meeting', due: [{ text: 'A1: Draft the form', details: 'Owner: Dr A. Sample. Due 1 March 2021.' }], done: [], attendance: null },
    aims: [aim(1), aim(2)],
    tests: [],
    balancing: [],
    quality: { summary: 'No problems found.', rows: [] },
  } satisfies PackDocument;

  it('tells how far it has got as each part is drawn, in order, up to the whole', async () => {
    const pool = new RenderPool({ threads: 1 });
    try {
      const seen: RenderProgress[] = [];
      const pdf = await pool.pdf(pack, (progress) => seen.push(progress));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The actions, each aim, then the tests of change, the balancing measures and data quality.
      expect(seen).toEqual([
        { done: 1, total: 6, step: 'Actions' },
        { done: 2, total: 6, step: 'Aim 1' },
        { done: 3, total: 6, step: 'Aim 2' },
        { done: 4, total: 6, step: 'Tests of change since the previous meeting' },
        { done: 5, total: 6, step: 'Balancing measures' },
        { done: 6, total: 6, step: 'Data quality' },
      ]);
    } finally {
      await pool.close();
    }
  });
});

describe("a poster's PDF made in a render thread", () => {
  it('is one page, of the size asked for, and says when it is drawn', async () => {
    const pool = new RenderPool({ threads: 1 });
    try {
      const poster = {
        title: 'North Council – PACE',
        authorityName: 'North Council',
        subtitle: 'Our aims, as at 10 March 2021.',
        asAtWords: 'Figures as at 10 March 2021.',
        aimSentences: ['Aim 1 in a sentence.'],
        aims: [{ id: 'aim-1', name: 'Aim 1', answer: { kind: 'no-change' as const, words: 'No change yet.' }, figures: [{ label: 'Last 12 months', value: '50.0% in time', counts: '1 of 2 journeys' }], target: null, runSvg: square, runAlt: 'A blue square.' }],
        tests: [],
        testsNote: 'No test of change had started by 10 March 2021.',
        sections: [],
        withheld: [],
        footer: 'Made by pace.',
      } satisfies PosterDocument;
      const seen: RenderProgress[] = [];
      const pdf = await pool.poster(poster, 'a4', (progress) => seen.push(progress));
      expect(pdfPageTexts(pdf).length).toBe(1);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
      expect(seen).toEqual([{ done: 1, total: 1, step: 'the poster' }]);
    } finally {
      await pool.close();
    }
  });
});

describe('the page of a PDF being made', () => {
  const model = { title: "Meeting pack: Champions' group, 10 March 2021", pdfHref: '/a/NORTH/packs/2021-03-10.pdf', selfHref: '/a/NORTH/packs/2021-03-10/pdf', back: { href: '/a/NORTH/packs/2021-03-10', text: 'Back to the pack' } };
  const chrome = { user: { username: 'pat', displayName: null }, authority: { code: 'NORTH', name: 'North Council' }, authorities: [], csrfToken: 'token', active: 'improvement', nav: ['dashboard'] } as const;

  it('says how far it has got and refreshes itself every second, with a link that does the same', () => {
    const html = render(PackMakingPage({ chrome, model: { ...model, state: { kind: 'making', done: 2, total: 9, step: 'Aim 2: permanence recommendation' } } }));
    expect(html).toContain('<meta http-equiv="refresh" content="1"/>');
    expect(textOf(html)).toContain('Making the PDF: 2 of 9 parts drawn (Aim 2: permanence recommendation).');
    expect(html).toContain('<progress max="9" value="2" aria-label="Progress">22%</progress>');
    expect(html).toContain('<a class="ds_link" href="/a/NORTH/packs/2021-03-10/pdf">check again</a>');
  });

  it('offers the file once it is made, and stops refreshing', () => {
    const html = render(PackMakingPage({ chrome, model: { ...model, state: { kind: 'ready', bytes: 187_000 } } }));
    expect(html).not.toContain('http-equiv="refresh"');
    expect(textOf(html)).toContain('The PDF is ready (183 KB).');
    expect(html).toContain('<a class="ds_button" href="/a/NORTH/packs/2021-03-10.pdf">Download the PDF</a>');
  });
});

describe.each(engines)('meeting-pack PDFs on the web, $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    client = await northWithAMeeting(web);
  });

  afterEach(async () => {
    await web.dispose();
  });

  it("makes a meeting's pack once for its data version and the meetings as they stand", async () => {
    const cache = new FiguresCache(web.connection);
    const stored = await findAuthority(web.connection, 'NORTH');
    if (!stored) throw new Error('no NORTH');
    const first = await meetingPackFor(web.connection, cache, stored, d('2021-03-10'), today);
    expect(first?.notes).toBe('');
    expect(await meetingPackFor(web.connection, cache, stored, d('2021-03-10'), today)).toBe(first);
    await saveMeeting(web.connection, web.north, { date: d('2021-03-10'), title: "Champions' group", notes: 'Quarterly review' }, { by: 'test' });
    const changed = await meetingPackFor(web.connection, cache, stored, d('2021-03-10'), today);
    expect(changed).not.toBe(first);
    expect(changed?.notes).toBe('Quarterly review');
  });

  it('leads from the meetings and the pack to the page that makes the PDF, which offers the file once made; the file is made once for its content', async () => {
    expect((await client.get('/a/NORTH/meetings')).body).toContain('href="/a/NORTH/packs/2021-03-10/pdf"');
    expect((await client.get('/a/NORTH/packs/2021-03-10')).body).toContain('href="/a/NORTH/packs/2021-03-10/pdf"');
    let page = await client.get('/a/NORTH/packs/2021-03-10/pdf');
    for (let tries = 0; tries < 100 && !textOf(page.body).includes('The PDF is ready'); tries += 1) {
      expect(page.body).toContain('<meta http-equiv="refresh" content="1"/>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = await client.get('/a/NORTH/packs/2021-03-10/pdf');
    }
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a class="ds_button" href="/a/NORTH/packs/2021-03-10.pdf">Download the PDF</a>');
    const first = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect([first.statusCode, first.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdfPageTexts(first.rawPayload)[0]).toContain("Meeting pack: Champions' group, 10 March 2021");
    // pdfkit writes the time it made a file into it: the same bytes mean the same one file.
    const again = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    // A change to the pack's content (the meeting's notes) makes a new file.
    await client.post('/a/NORTH/meetings', { meeting_date: '2021-03-10', title: "Champions' group", notes: 'Quarterly review' });
    const changed = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect(changed.rawPayload.equals(first.rawPayload)).toBe(false);
  });
});
