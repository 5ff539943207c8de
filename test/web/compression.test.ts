// Pages go gzipped to a browser that accepts it, and exactly as they are to one that does not;
// pictures and documents that are compressed already go as they are.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, type WebFixture } from './harness.js';

describe.each(engines)('responses gzipped, on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeAll(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterAll(async () => {
    await web.dispose();
  });

  it("sends an aim's page gzipped to a browser that accepts it, the same page once unzipped, and plain to one that does not", async () => {
    const path = '/a/NORTH/aims/aim-2?as_at=2021-06-01';
    const plain = await client.get(path);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await client.get(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('text/html; charset=utf-8');
    // The same page but for the form's one-time token, which every response has its own of.
    const token = (page: string) => page.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
    expect(token(gunzipSync(zipped.rawPayload).toString('utf8'))).toBe(token(plain.body));
    // Charts' markup compresses well: less than a fifth is sent.
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
  });

  it("sends a child's page gzipped (compressed in one call, being under 128 KiB), the same page once unzipped", async () => {
    const path = '/a/NORTH/children/A1';
    const plain = await client.get(path);
    const zipped = await client.get(path, { 'accept-encoding': 'gzip' });
    expect([plain.statusCode, zipped.statusCode, plain.headers['content-encoding'], zipped.headers['content-encoding']]).toEqual([200, 200, undefined, 'gzip']);
    expect(plain.rawPayload.length).toBeLessThan(128 * 1024);
    const token = (page: string) => page.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
    expect(token(gunzipSync(zipped.rawPayload).toString('utf8'))).toBe(token(plain.body));
    expect(token(plain.body)).toContain('Timeline for Amy Adams (A1)');
  });

  it('gzips an SVG download, sends a small CSV as it is (under 1 KB, not worth it), and a PNG as it is', async () => {
    const svgPath = '/a/NORTH/aims/aim-2/run-chart.svg?as_at=2021-06-01';
    const svg = await client.get(svgPath, { 'accept-encoding': 'gzip' });
    expect([svg.headers['content-type'], svg.headers['content-encoding']]).toEqual(['image/svg+xml; charset=utf-8', 'gzip']);
    expect(gunzipSync(svg.rawPayload).toString('utf8')).toBe((await client.get(svgPath)).body);
    const csv = await client.get('/a/NORTH/aims/aim-2/survival.csv?as_at=2021-06-01', { 'accept-encoding': 'gzip' });
    expect(csv.headers['content-encoding']).toBeUndefined();
    expect(csv.body.split('\r\n')[0]).toBe('group,days,percent_still_waiting,at_risk,reached,still_waiting_censored');
    const png = await client.get('/a/NORTH/aims/aim-2/waiting-chart.png', { 'accept-encoding': 'gzip' });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.rawPayload.subarray(1, 4).toString('ascii')).toBe('PNG');
  });
});
