import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChildRecord, listImports, loadChildRecords, recordHistory, type AuthorityScope } from '../../src/store/index.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { addTestAuthority, cleanExport, exportWith, snapshotRecords, writeFiles } from './fixtures.js';

describe.each(engines)('pace import on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;
  let north: AuthorityScope;

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url, USER: 'data.lead' };
    north = await addTestAuthority(opened.connection);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it('imports the canonical files, and importing them again changes nothing', async () => {
    const dir = writeFiles(cleanExport);
    const first = await pace(['import', dir, '--authority', 'NORTH'], env);
    expect(first.code).toBe(0);
    expect(first.out).toBe(
      'Read children.csv, placements.csv, events.csv: 2 children, 3 placements, 3 events.\n\n' +
        'Imported (import 1): children 2 added, 0 changed, 0 unchanged; placements 3 added, 0 changed, 0 unchanged; events 3 added, 0 changed, 0 unchanged.\n',
    );
    const before = await snapshotRecords(opened.connection);
    const again = await pace(['import', dir, '--authority', 'NORTH'], env);
    expect(again.out.split('\n').at(-2)).toBe('Imported (import 2): children 0 added, 0 changed, 2 unchanged; placements 0 added, 0 changed, 3 unchanged; events 0 added, 0 changed, 3 unchanged.');
    expect(await snapshotRecords(opened.connection)).toBe(before);
    const amy = await findChildRecord(opened.connection, north, 'C1');
    expect(amy?.child.dateOfBirth.toString()).toBe('2016-02-29');
    expect(amy?.placements.map((p) => [p.placementId, p.start.toString(), p.end?.toString() ?? null])).toEqual([
      ['P1', '2020-01-10', '2020-06-30'],
      ['P2', '2020-07-01', null],
    ]);
    expect(amy?.events.find((e) => e.eventId === 'E2')?.note).toBe('agreed, with conditions');
  });

  it('replaces a record whose id is known and keeps its previous version', async () => {
    await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH'], env);
    const changed = exportWith({ 'placements.csv': [...(cleanExport['placements.csv'].slice(0, 2)), 'C1,P2,01/07/2020,2021-03-31,kinship,CSO,K-3', cleanExport['placements.csv'][3] as string] });
    const run = await pace(['import', changed, '--authority', 'NORTH'], env);
    expect(run.out).toContain('placements 0 added, 1 changed, 2 unchanged');
    const history = await recordHistory(opened.connection, north, 'placement', 'P2');
    expect(history.map((h) => [h.version, h.change, h.changedBy, h.previous.end_date])).toEqual([[1, 'edit', 'data.lead', null]]);
  });

  it('reports the records it replaced as changed, beside added and unchanged: in words, in JSON and in the import log', async () => {
    await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH'], env);
    const changed = exportWith({
      'children.csv': [cleanExport['children.csv'][0] as string, 'C1,Amy,Testcase,2016-02-29,F,S1,Worker 3,North Team', cleanExport['children.csv'][2] as string, 'C3,Cal,Newcase,2018-01-01,M,,Worker 3,North Team'],
      'placements.csv': [...cleanExport['placements.csv'].slice(0, 2), 'C1,P2,01/07/2020,2021-03-31,kinship,CSO,K-3', cleanExport['placements.csv'][3] as string],
    });
    const words = await pace(['import', changed, '--authority', 'NORTH', '--dry-run'], env);
    expect(words.out.split('\n').at(-2)).toBe('Dry run, nothing written. Would import: children 1 added, 1 changed, 1 unchanged; placements 0 added, 1 changed, 2 unchanged; events 0 added, 0 changed, 3 unchanged.');
    const json = await pace(['import', changed, '--authority', 'NORTH', '--json'], env);
    expect(JSON.parse(json.out).saved).toEqual({ children: { added: 1, changed: 1, unchanged: 1 }, placements: { added: 0, changed: 1, unchanged: 2 }, events: { added: 0, changed: 0, unchanged: 3 } });
    const [latest] = await listImports(opened.connection, north);
    expect([latest?.outcome, latest?.counts]).toEqual(['imported', { children: { added: 1, changed: 1, unchanged: 1 }, placements: { added: 0, changed: 1, unchanged: 2 }, events: { added: 0, changed: 0, unchanged: 3 } }]);
  });

  it('reports everything on a dry run and writes nothing', async () => {
    const before = await snapshotRecords(opened.connection);
    const run = await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH', '--dry-run'], env);
    expect(run.code).toBe(0);
    expect(run.out.split('\n').at(-2)).toBe('Dry run, nothing written. Would import: children 2 added, 0 changed, 0 unchanged; placements 3 added, 0 changed, 0 unchanged; events 3 added, 0 changed, 0 unchanged.');
    expect(await snapshotRecords(opened.connection)).toBe(before);
  });

  it('records each import: who, when, the files with their SHA-256 hashes, and the counts', async () => {
    const dir = writeFiles(cleanExport);
    await pace(['import', dir, '--authority', 'NORTH', '--dry-run'], env);
    await pace(['import', dir, '--authority', 'NORTH'], env);
    const log = await listImports(opened.connection, north);
    expect(log.map((e) => [e.outcome, e.dryRun, e.by, e.profile, e.counts.events.added])).toEqual([
      ['imported', false, 'data.lead', 'canonical', 3],
      ['dry-run', true, 'data.lead', 'canonical', 3],
    ]);
    const sha = (await import('node:crypto')).createHash('sha256').update(readFileSync(join(dir, 'events.csv'))).digest('hex');
    expect(log[0]?.files.find((f) => f.name === 'events.csv')).toEqual({ name: 'events.csv', sha256: sha, bytes: readFileSync(join(dir, 'events.csv')).length });
    expect(log[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('reads a workbook with real date cells and text dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    workbook.addWorksheet('Children').addRows([['Child_ID', 'Date_of_Birth', 'first_name'], ['C1', utc(2016, 2, 29), 'Amy'], [1001, '12/05/2014', 'Ben']]);
    workbook.addWorksheet('placements').addRows([['child_id', 'placement_id', 'start_date', 'end_date', 'placement_type'], ['C1', 'P1', utc(2020, 1, 10), null, 'Foster'], [1001, 'P2', '2019-03-01', null, 'home']]);
    workbook.addWorksheet('events').addRows([['child_id', 'event_id', 'event_type', 'date', 'route'], ['C1', 'E1', 'permanence_recommendation', utc(2020, 6, 1), 'adoption']]);
    workbook.addWorksheet('notes').addRows([['anything at all']]);
    const path = join(writeFiles({}), 'export.xlsx');
    await workbook.xlsx.writeFile(path);
    const run = await pace(['import', path, '--authority', 'NORTH'], env);
    expect(run.out).toContain('children 2 added');
    expect(run.code).toBe(0);
    const records = await loadChildRecords(opened.connection, north);
    expect(records.map((r) => [r.child.childId, r.child.dateOfBirth.toString(), r.placements.map((p) => `${p.type} from ${p.start.toString()}`)])).toEqual([
      ['1001', '2014-05-12', ['home from 2019-03-01']],
      ['C1', '2016-02-29', ['foster from 2020-01-10']],
    ]);
  });

  it('reads a workbook that stores its sheets before its index, as some writers do', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('children').addRows([['child_id', 'date_of_birth'], ['C1', '2016-02-29']]);
    workbook.addWorksheet('placements').addRows([['child_id', 'placement_id', 'start_date', 'end_date', 'placement_type'], ['C1', 'P1', '2020-01-10', null, 'foster']]);
    workbook.addWorksheet('events').addRows([['child_id', 'event_id', 'event_type', 'date', 'route']]);
    // The same files, zipped again with the shared strings first and xl/workbook.xml last: the
    // streaming reader meets each worksheet before the index that names it.
    const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const names = Object.keys(written.files).filter((name) => !written.files[name]?.dir && name !== 'xl/workbook.xml' && name !== 'xl/sharedStrings.xml');
    const reordered = new JSZip();
    for (const name of ['xl/sharedStrings.xml', ...names, 'xl/workbook.xml']) {
      reordered.file(name, await (written.files[name] as JSZip.JSZipObject).async('uint8array'));
    }
    const path = join(writeFiles({}), 'reordered.xlsx');
    writeFileSync(path, await reordered.generateAsync({ type: 'nodebuffer' }));
    const run = await pace(['import', path, '--authority', 'NORTH'], env);
    expect(run.out).toContain('children 1 added');
    expect(run.code).toBe(0);
  });

  it('imports the example export through its mapping profile, cleanly', async () => {
    const run = await pace(['import', 'examples/larchwood', '--authority', 'NORTH', '--profile', 'larchwood'], env);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      'Read Clients.csv, Placements.csv, Milestones.csv: 8 children, 12 placements, 58 events.\n\n' +
        'Imported (import 1): children 8 added, 0 changed, 0 unchanged; placements 12 added, 0 changed, 0 unchanged; events 58 added, 0 changed, 0 unchanged.\n',
    );
    const ailsa = await findChildRecord(opened.connection, north, 'LW-1001');
    expect([ailsa?.child.dateOfBirth.toString(), ailsa?.child.sex, ailsa?.placements[0]?.type, ailsa?.placements[0]?.legalBasis]).toEqual(['2019-03-14', 'F', 'foster', 'CSO']);
    expect(ailsa?.events.filter((e) => e.type === 'adm_decision').map((e) => [e.date.toString(), e.route])).toEqual([['2021-10-05', 'adoption']]);
  });

  it('reads semicolon-separated Windows-1252 files, saying it guessed the encoding', async () => {
    const ansi = (lines: readonly string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
    const dir = writeFiles({
      'children.csv': ansi(['child_id;first_name;date_of_birth', 'C1;Zoë;29/02/2016']),
      'placements.csv': ansi(['child_id;placement_id;start_date;placement_type', 'C1;P1;10/01/2020;foster']),
      'events.csv': ansi(['child_id;event_id;event_type;date', 'C1;E1;lac_review;21/02/2020']),
    });
    const run = await pace(['import', dir, '--authority', 'NORTH'], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain('  children.csv: the file is not UTF-8; it was read as Windows-1252 [encoding-converted]\n');
    expect((await findChildRecord(opened.connection, north, 'C1'))?.child.firstName).toBe('Zoë');
  });

  it('prints the whole report as JSON', async () => {
    const run = await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH', '--json'], env);
    const report = JSON.parse(run.out) as { outcome: string; rows: unknown; errors: number; saved: { children: unknown } };
    expect([report.outcome, report.rows, report.errors, report.saved.children]).toEqual(['imported', { children: 2, placements: 3, events: 3 }, 0, { added: 2, changed: 0, unchanged: 0 }]);
  });

  it('refuses an authority that does not exist and a profile that cannot be used', async () => {
    expect(await pace(['import', writeFiles(cleanExport), '--authority', 'SOUTH'], env)).toMatchObject({ code: 1, err: 'pace: no authority with code SOUTH (see: pace authority list)\n' });
    const bad = await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH', '--profile', 'nowhere'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^pace: the profile nowhere cannot be used: no such profile: .*nowhere\.json\n$/);
  });
});
