import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthority, deleteRecord, findChildRecord, listImports, saveRecords } from '../../src/store/index.js';
import { buildApp } from '../../src/web/app.js';
import { keepTemporaryFilesIn } from '../../src/app/import-jobs.js';
import { child } from '../builders.js';
import { engines } from '../engines.js';
import { cleanExport, snapshotRecords } from '../ingest/fixtures.js';
import { addTestUser, Client, leftBehindUpload, openWeb, textOf, today, type WebFixture } from './harness.js';

const csv = (lines: readonly string[]) => `${lines.join('\r\n')}\r\n`;
const cleanFiles = Object.entries(cleanExport).map(([name, lines]) => ({ field: 'files', name, content: csv(lines) }));
const withBadDate = cleanFiles.map((f) => (f.name === 'placements.csv' ? { ...f, content: f.content.replace('01/07/2020', '31/02/2020') } : f));

/** Follows a check or an import until its page stops refreshing itself. */
async function finished(client: Client, location: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const page = await client.get(location);
    expect(page.statusCode).toBe(200);
    if (!page.body.includes('http-equiv="refresh"')) return page.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${location} never finished`);
}

describe.each(engines)('importing files from the browser on $name', (engine) => {
  let web: WebFixture;
  let client: Client;
  let uploads: string;

  beforeEach(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'pace-uploads-test-'));
    web = await openWeb(engine, { uploadsDir: uploads });
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    await addTestUser(web.connection, 'sol', [[web.south, 'data-lead']]);
    client = new Client(web.app);
    await client.signIn('dana');
  });

  afterEach(async () => {
    await web.dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('checks a clean export, shows what it would save, and imports it when asked', async () => {
    const form = await client.get('/a/NORTH/import');
    expect(textOf(form.body)).toContain('Import files');
    expect(form.body).toContain('<option value="larchwood">larchwood</option>');
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, cleanFiles);
    expect(checked.statusCode).toBe(303);
    const report = textOf(await finished(client, checked.headers.location as string));
    expect(report).toContain('Files: children.csv, placements.csv, events.csv. Profile: canonical.');
    expect(report).toContain('Read 2 children, 3 placements and 3 events.');
    expect(report).toContain('Nothing has been written yet. Importing would save: children 2 added, 0 changed, 0 unchanged; placements 3 added, 0 changed, 0 unchanged; events 3 added, 0 changed, 0 unchanged.');
    expect(await findChildRecord(web.connection, web.north, 'C1')).toBeNull();

    const committed = await client.post(`${checked.headers.location as string}/commit`, {});
    expect(committed.statusCode).toBe(303);
    const imported = textOf(await finished(client, committed.headers.location as string));
    expect(imported).toMatch(/Imported \(import \d+\): children 2 added, 0 changed, 0 unchanged; placements 3 added, 0 changed, 0 unchanged; events 3 added, 0 changed, 0 unchanged\./);
    expect((await findChildRecord(web.connection, web.north, 'C1'))?.placements.map((p) => p.placementId)).toEqual(['P1', 'P2']);
    expect((await listImports(web.connection, web.north)).map((i) => [i.by, i.outcome, i.files.map((f) => f.name).join(' ')])).toEqual([
      ['dana', 'imported', 'children.csv placements.csv events.csv'],
      ['dana', 'dry-run', 'children.csv placements.csv events.csv'],
    ]);
    // The uploaded files are removed once imported, and the same check cannot be imported twice.
    expect(readdirSync(uploads)).toEqual([]);
    expect((await client.post(`${checked.headers.location as string}/commit`, {})).statusCode).toBe(409);
    expect(textOf((await client.get('/a/NORTH/import')).body)).toContain('dana Imported children.csv, placements.csv, events.csv children 2 added');
  });

  it('reports the records it replaced as changed, beside added and unchanged, in the check, the import and the list of imports', async () => {
    await client.get('/a/NORTH/import');
    const first = await client.upload('/a/NORTH/import', { profile: 'canonical' }, cleanFiles);
    await finished(client, first.headers.location as string);
    await finished(client, (await client.post(`${first.headers.location as string}/commit`, {})).headers.location as string);
    const changed = cleanFiles.map((f) => (f.name === 'placements.csv' ? { ...f, content: f.content.replace('C1,P2,01/07/2020,,', 'C1,P2,01/07/2020,2021-03-31,') } : f));
    await client.get('/a/NORTH/import');
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, changed);
    expect(textOf(await finished(client, checked.headers.location as string))).toContain('Importing would save: children 0 added, 0 changed, 2 unchanged; placements 0 added, 1 changed, 2 unchanged; events 0 added, 0 changed, 3 unchanged.');
    const committed = await client.post(`${checked.headers.location as string}/commit`, {});
    expect(textOf(await finished(client, committed.headers.location as string))).toMatch(/Imported \(import \d+\): children 0 added, 0 changed, 2 unchanged; placements 0 added, 1 changed, 2 unchanged; events 0 added, 0 changed, 3 unchanged\./);
    expect(textOf((await client.get('/a/NORTH/import')).body)).toContain('dana Imported children.csv, placements.csv, events.csv children 0 added, 0 changed, 2 unchanged; placements 0 added, 1 changed, 2 unchanged');
  });

  it('checks and imports one .xlsx workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('children').addRows([cleanExport['children.csv'][0]?.split(',') ?? [], ['K1', 'Kim', 'Sheet', new Date(Date.UTC(2015, 4, 6)), 'F', '', '', '']]);
    workbook.addWorksheet('placements').addRows([cleanExport['placements.csv'][0]?.split(',') ?? [], ['K1', 'PK1', '03/02/2021', '', 'foster', 'CSO', '']]);
    workbook.addWorksheet('events').addRows([cleanExport['events.csv'][0]?.split(',') ?? []]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, [{ field: 'files', name: 'north export.xlsx', content, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
    const report = textOf(await finished(client, checked.headers.location as string));
    expect(report).toContain('Files: north export.xlsx. Profile: canonical.');
    expect(report).toContain('Importing would save: children 1 added, 0 changed, 0 unchanged; placements 1 added');
    const committed = await client.post(`${checked.headers.location as string}/commit`, {});
    await finished(client, committed.headers.location as string);
    expect((await findChildRecord(web.connection, web.north, 'K1'))?.child.dateOfBirth.toString()).toBe('2015-05-06');
  });

  it('names an error by file, row and column, offers no import, and writes nothing', async () => {
    const before = await snapshotRecords(web.connection);
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, withBadDate);
    const page = await finished(client, checked.headers.location as string);
    const text = textOf(page);
    expect(text).toContain('1 error: nothing was imported');
    expect(text).toContain('placements.csv, row 3, column start_date: invalid start_date: 31/02/2020');
    expect(text).toContain('Write the date as YYYY-MM-DD or DD/MM/YYYY');
    expect(text).toContain('Correct the errors in your files and upload them again. Nothing was written.');
    expect(page).not.toContain('Import these records');
    expect((await client.post(`${checked.headers.location as string}/commit`, {})).statusCode).toBe(409);
    expect(await snapshotRecords(web.connection)).toBe(before);
    const problems = await client.get(`${checked.headers.location as string}/problems.csv`);
    expect(problems.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(problems.body.split('\r\n').slice(0, 2)).toEqual([
      'severity,rule,file,row,column,value,child_id,problem,fix',
      'error,date-invalid,placements.csv,3,start_date,31/02/2020,C1,invalid start_date: 31/02/2020,"Write the date as YYYY-MM-DD or DD/MM/YYYY (or the format the mapping profile names), and check that the day exists."',
    ]);
  });

  it('asks again, in the error summary, for an upload with no files or with both kinds of file', async () => {
    const none = await client.upload('/a/NORTH/import', { profile: 'canonical' }, []);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('<a href="#files">Choose the files to import: the three CSV files (children, placements, events) or one .xlsx workbook</a>');
    const both = await client.upload('/a/NORTH/import', { profile: 'canonical' }, [...cleanFiles, { field: 'files', name: 'export.xlsx', content: Buffer.from('PK'), type: 'application/octet-stream' }]);
    expect(both.statusCode).toBe(400);
    expect(textOf(both.body)).toContain('Upload either one .xlsx workbook or the CSV files, not both');
    const other = await client.upload('/a/NORTH/import', { profile: 'nonsense' }, [{ field: 'files', name: 'notes.txt', content: 'hello' }]);
    expect(textOf(other.body)).toContain('Choose a profile from the list');
    expect(textOf(other.body)).toContain('Only .csv and .xlsx files can be imported (you chose notes.txt)');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('refuses an upload without the form’s token before keeping any file', async () => {
    await client.get('/a/NORTH/import');
    client.lastToken = 'forged';
    const refused = await client.upload('/a/NORTH/import', { profile: 'canonical' }, cleanFiles);
    expect(refused.statusCode).toBe(403);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('is for data leads of the authority only, and a check is seen only by the one who started it', async () => {
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, cleanFiles);
    const location = checked.headers.location as string;
    await finished(client, location);

    const practitioner = new Client(web.app);
    await practitioner.signIn('pat');
    const home = await practitioner.get('/a/NORTH');
    expect(home.body).not.toContain('href="/a/NORTH/import"');
    expect((await practitioner.get('/a/NORTH/import')).statusCode).toBe(403);
    expect((await practitioner.get('/a/NORTH/data-quality')).statusCode).toBe(403);

    const stranger = new Client(web.app);
    await stranger.signIn('sol');
    for (const url of ['/a/NORTH/import', location, `${location}/problems.csv`, '/a/NORTH/data-quality', '/a/NORTH/data-quality.csv']) expect((await stranger.get(url)).statusCode).toBe(404);
    await stranger.get('/a/SOUTH/import');
    expect((await stranger.post(`${location}/commit`, {})).statusCode).toBe(404);
    expect((await stranger.get(location.replace('/a/NORTH/', '/a/SOUTH/'))).statusCode).toBe(404);
    expect(await findChildRecord(web.connection, web.north, 'C1')).toBeNull();
    expect((await client.get('/a/NORTH')).body).toContain('href="/a/NORTH/import"');
  });
  it('removes the files of a check that finds errors at once', async () => {
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, withBadDate);
    expect(textOf(await finished(client, checked.headers.location as string))).toContain('1 error: nothing was imported');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('removes the files of an import refused at commit, when the records changed after the check', async () => {
    await saveRecords(web.connection, web.north, { children: [child({ childId: 'C9' })] }, { by: 'test' });
    const withC9 = cleanFiles.map((f) => (f.name === 'placements.csv' ? { ...f, content: `${f.content}C9,P9,2020-02-01,,foster,CSO,F-1\r\n` } : f));
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, withC9);
    expect(textOf(await finished(client, checked.headers.location as string))).toContain('Importing would save: children 2 added, 0 changed, 0 unchanged; placements 4 added');
    expect(readdirSync(uploads)).toHaveLength(1);
    expect((await deleteRecord(web.connection, web.north, 'child', 'C9', { by: 'test' })).ok).toBe(true);
    const committed = await client.post(`${checked.headers.location as string}/commit`, {});
    expect(textOf(await finished(client, committed.headers.location as string))).toContain('nothing was imported');
    expect(readdirSync(uploads)).toEqual([]);
    expect(await findChildRecord(web.connection, web.north, 'C1')).toBeNull();
  });

  it('keeps a checked upload in a folder of its own (mode 0700) under the folder it was given, until it is imported', async () => {
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, cleanFiles);
    await finished(client, checked.headers.location as string);
    const [folder] = readdirSync(uploads);
    expect(folder).toMatch(/^[0-9a-f]{32}$/);
    expect(statSync(join(uploads, folder as string)).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(uploads, folder as string)).sort()).toEqual(['children.csv', 'events.csv', 'placements.csv']);
    const committed = await client.post(`${checked.headers.location as string}/commit`, {});
    await finished(client, committed.headers.location as string);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('removes every upload left behind when the server starts, and what its temporary folder holds, and nothing else in the folder', async () => {
    leftBehindUpload(uploads);
    mkdirSync(join(uploads, 'tmp'));
    writeFileSync(join(uploads, 'tmp', 'tmp-4235-isXnoYju4idj'), 'a sheet set aside');
    writeFileSync(join(uploads, 'README.txt'), 'not an upload');
    const restarted = await buildApp({ connection: web.connection, uploadsDir: uploads });
    try {
      expect(readdirSync(uploads).sort()).toEqual(['README.txt', 'tmp']);
      expect(readdirSync(join(uploads, 'tmp'))).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});

describe.each(engines)('where uploads are kept on $name', (engine) => {
  it('keeps them in the database’s own folder and writes nothing to the system’s temporary folder', async () => {
    const opened = await engine.open();
    const own = mkdtempSync(join(tmpdir(), 'pace-own-'));
    const trap = mkdtempSync(join(tmpdir(), 'pace-trap-'));
    const before = process.env.TMPDIR;
    // PostgreSQL has no file to keep them beside: its folder is PACE_UPLOADS_DIR (or data/uploads under the working directory).
    const expected = opened.url.startsWith('sqlite:') ? join(dirname(opened.url.slice('sqlite:'.length)), 'uploads') : join(own, 'uploads');
    if (!opened.url.startsWith('sqlite:')) process.env.PACE_UPLOADS_DIR = expected;
    process.env.TMPDIR = trap;
    let app: Awaited<ReturnType<typeof buildApp>> | null = null;
    try {
      expect(tmpdir()).toBe(trap);
      const north = await addAuthority(opened.connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
      if (!north.ok) throw new Error('fixture authority');
      await addTestUser(opened.connection, 'dana', [[north.value.scope, 'data-lead']]);
      app = await buildApp({ connection: opened.connection, today: () => today });
      const client = new Client(app);
      await client.signIn('dana');
      await client.get('/a/NORTH/import');
      const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, cleanFiles);
      await finished(client, checked.headers.location as string);
      expect(readdirSync(expected)).toHaveLength(1);
      const committed = await client.post(`${checked.headers.location as string}/commit`, {});
      expect(textOf(await finished(client, committed.headers.location as string))).toContain('Imported (import');
      expect(readdirSync(expected)).toEqual([]);
      expect(readdirSync(trap)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      delete process.env.PACE_UPLOADS_DIR;
      await app?.close();
      await opened.dispose();
      rmSync(own, { recursive: true, force: true });
      rmSync(trap, { recursive: true, force: true });
    }
  });
  it('keeps the sheets a workbook reader sets aside in the uploads folder, never the system’s temporary folder', async () => {
    const opened = await engine.open();
    const uploadsDir = mkdtempSync(join(tmpdir(), 'pace-own-'));
    const trap = mkdtempSync(join(tmpdir(), 'pace-trap-'));
    const before = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
    process.env.TMPDIR = trap;
    const seen: string[] = [];
    const watcher = watch(trap, (_event, name) => seen.push(String(name)));
    let app: Awaited<ReturnType<typeof buildApp>> | null = null;
    try {
      keepTemporaryFilesIn(uploadsDir);
      const north = await addAuthority(opened.connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
      if (!north.ok) throw new Error('fixture authority');
      await addTestUser(opened.connection, 'dana', [[north.value.scope, 'data-lead']]);
      app = await buildApp({ connection: opened.connection, today: () => today, uploadsDir });
      const client = new Client(app);
      await client.signIn('dana');
      await client.get('/a/NORTH/import');
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, [{ field: 'files', name: 'reordered.xlsx', content: await sheetsBeforeIndex(), type }]);
      expect(textOf(await finished(client, checked.headers.location as string))).toContain('Files: reordered.xlsx.');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual([]);
      // The process's own temporary folder (tmp/<process id>) is empty again.
      expect(readdirSync(join(uploadsDir, 'tmp'))).toEqual([String(process.pid)]);
      expect(readdirSync(join(uploadsDir, 'tmp', String(process.pid)))).toEqual([]);
    } finally {
      watcher.close();
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await app?.close();
      await opened.dispose();
      rmSync(uploadsDir, { recursive: true, force: true });
      rmSync(trap, { recursive: true, force: true });
    }
  });
});

/** A workbook zipped with its sheets first (as some writers do): a streaming reader must set each sheet aside until it has read the index and the shared strings. */
async function sheetsBeforeIndex(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('children').addRows([['child_id', 'date_of_birth'], ['C1', '2016-02-29']]);
  workbook.addWorksheet('placements').addRows([['child_id', 'placement_id', 'start_date', 'end_date', 'placement_type'], ['C1', 'P1', '2020-01-10', null, 'foster']]);
  workbook.addWorksheet('events').addRows([['child_id', 'event_id', 'event_type', 'date', 'route']]);
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const names = Object.keys(written.files).filter((name) => !written.files[name]?.dir);
  const sheets = names.filter((name) => name.startsWith('xl/worksheets/sheet'));
  const reordered = new JSZip();
  for (const name of [...sheets, ...names.filter((n) => !sheets.includes(n))]) reordered.file(name, await (written.files[name] as JSZip.JSZipObject).async('uint8array'));
  return reordered.generateAsync({ type: 'nodebuffer' });
}
