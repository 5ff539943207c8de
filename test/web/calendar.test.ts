import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../engines.js';
import { saveReminderChildren } from '../reminders-fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

/** The feed's content lines, folded lines joined again (RFC 5545, 3.1). */
function unfolded(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe.each(engines)('calendar feeds on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveReminderChildren(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'practitioner']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  /** Makes Ann Smith's feed from her due page; returns its path. */
  async function makeFeed(): Promise<string> {
    await client.get('/a/NORTH/due?worker=Ann%20Smith');
    const made = await client.post('/a/NORTH/due/calendar', { worker: 'Ann Smith' });
    expect(made.statusCode).toBe(201);
    expect(textOf(made.body)).toContain('This is the only time the address is shown');
    const path = /http:\/\/localhost(?::80)?(\/calendar\/[A-Za-z0-9_-]{43}\.ics)/.exec(made.body)?.[1];
    if (!path) throw new Error('no feed address on the page');
    return path;
  }

  it("serves a worker's open items as all-day events on their due dates, without signing in", async () => {
    const path = await makeFeed();
    const feed = await new Client(web.app).get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = unfolded(feed.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Overdue: B2: Looked after review every 6 months',
      'SUMMARY:Overdue: B2: Permanence recommendation',
      'SUMMARY:A1: Early review',
      'SUMMARY:A1: Looked after review at 6 weeks',
      'SUMMARY:A1: Looked after review at 3 months',
      'SUMMARY:B2: Looked after review every 6 months',
      'SUMMARY:A1: Permanence recommendation',
      'SUMMARY:A1: Looked after review every 6 months',
    ]);
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual([
      'DTSTART;VALUE=DATE:20210301',
      'DTSTART;VALUE=DATE:20210302',
      'DTSTART;VALUE=DATE:20210603',
      'DTSTART;VALUE=DATE:20210701',
      'DTSTART;VALUE=DATE:20210820',
      'DTSTART;VALUE=DATE:20210901',
      'DTSTART;VALUE=DATE:20211118',
      'DTSTART;VALUE=DATE:20211120',
    ]);
    expect(lines).toContain('UID:early-review-1-2021-05-20-A1-NORTH@pace');
    expect(lines).toContain('DTSTAMP:20210601T000000Z');
    // Text is escaped: the comma in the description is written "\,".
    expect(lines).toContain('DESCRIPTION:Early review for child A1\\, due in 2 days as at 2021-06-01. Sign in to pace to see the child\'s record.');
  });

  it('writes lines of at most 75 octets ending in CRLF, and names each child by reference only', async () => {
    const body = (await new Client(web.app).get(await makeFeed())).body;
    expect(body.endsWith('END:VCALENDAR')).toBe(true);
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75 && !line.includes('\n'))).toBe(true);
    expect(body.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    // Ann Smith's children, by reference; nobody else's; and nothing else of their records.
    const text = unfolded(body).join('\n');
    for (const reference of ['A1', 'B2']) expect(text).toMatch(new RegExp(`SUMMARY:(Overdue: )?${reference}: `));
    for (const reference of ['C3', 'D4']) expect(text).not.toContain(reference);
    for (const word of ['Amy', 'Adams', 'Ben', 'Brown', '2015-06-15', '20150615', 'foster', 'residential', 'PA1', 'PB2', 'North East']) expect(text).not.toContain(word);
  });

  it('stops serving a feed once it is revoked from the worker’s page', async () => {
    const path = await makeFeed();
    await client.get('/a/NORTH/due?worker=Ann%20Smith');
    expect(textOf((await client.get('/a/NORTH/due?worker=Ann%20Smith')).body)).toContain('Feed 1, made');
    const revoked = await client.post('/a/NORTH/due/calendar/1/revoke', {});
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/a/NORTH/due?worker=Ann+Smith&revoked=1');
    const page = await client.get(revoked.headers.location as string);
    expect(textOf(page.body)).toContain('Calendar feed 1 is revoked: its address no longer works.');
    expect(textOf(page.body)).toContain('Ann Smith has no calendar feed.');
    expect((await new Client(web.app).get(path)).statusCode).toBe(404);
    expect((await client.post('/a/NORTH/due/calendar/1/revoke', {})).statusCode).toBe(404);
  });

  it('does not know an address it never made', async () => {
    expect((await new Client(web.app).get(`/calendar/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await new Client(web.app).get('/calendar/short.ics')).statusCode).toBe(404);
  });
});
