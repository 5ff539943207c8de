// In-process web tests: a fresh database per test (on each engine), the app built on it, and a
// browser-like client for app.inject() that keeps cookies and sends each form's CSRF token.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAuthority, addUser, grantRole, type AuthorityScope, type Connection, type UserRole } from '../../src/store/index.js';
import { buildApp } from '../../src/web/app.js';
import type { OidcSettings } from '../../src/web/auth/oidc.js';
import type { TrustProxy } from '../../src/web/trust-proxy.js';
import { hashPassword } from '../../src/app/secrets.js';
import type { PlainDate } from '../../src/domain/date.js';
import { d } from '../builders.js';
import type { TestEngine } from '../engines.js';

export const password = 'correct horse battery';
/** The day the tests pretend it is: the default as-at date. */
export const today = d('2021-06-01');

export interface WebFixture {
  readonly app: FastifyInstance;
  readonly connection: Connection;
  /** The database's URL, for running the pace command on it. */
  readonly url: string;
  readonly north: AuthorityScope;
  readonly south: AuthorityScope;
  dispose(): Promise<void>;
}

/** Two authorities (NORTH, with a programme start, and SOUTH) and the app over them. */
export async function openWeb(engine: TestEngine, options: { signInLimit?: { max: number; timeWindow: number }; oidc?: OidcSettings; uploadsDir?: string; trustProxy?: TrustProxy; today?: PlainDate; figuresWaitMs?: number; runJobs?: boolean } = {}): Promise<WebFixture> {
  const { connection, url, dispose } = await engine.open();
  // On SQLite uploads go beside the test's own database file; PostgreSQL's default folder is
  // shared by every test process (each would sweep the others' uploads at start), so each app
  // gets a folder of its own.
  const ownUploads = options.uploadsDir === undefined && engine.name === 'postgres' ? mkdtempSync(join(tmpdir(), 'pace-uploads-')) : null;
  const uploadsDir = options.uploadsDir ?? ownUploads;
  const north = await addAuthority(connection, { code: 'NORTH', name: 'North Council', programmeStart: d('2020-01-01') }, 'test');
  const south = await addAuthority(connection, { code: 'SOUTH', name: 'South Council', programmeStart: null }, 'test');
  if (!north.ok || !south.ok) throw new Error('fixture authorities');
  const appToday = options.today ?? today;
  // Pages wait for their figures (a test asks for the working-out page with a wait of 0).
  const app = await buildApp({ connection, today: () => appToday, figuresWaitMs: options.figuresWaitMs ?? 60_000, ...(uploadsDir !== null ? { uploadsDir } : {}), ...(options.signInLimit ? { signInLimit: options.signInLimit } : {}), ...(options.oidc ? { oidc: options.oidc } : {}), ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}), ...(options.runJobs !== undefined ? { runJobs: options.runJobs } : {}) });
  return {
    app,
    connection,
    url,
    north: north.value.scope,
    south: south.value.scope,
    async dispose() {
      await app.close();
      await dispose();
      if (ownUploads !== null) rmSync(ownUploads, { recursive: true, force: true });
    },
  };
}

const hashes = new Map<string, Promise<string>>();

/** A user with one role in each given authority. */
export async function addTestUser(connection: Connection, username: string, roles: readonly [AuthorityScope, UserRole][]): Promise<number> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const added = await addUser(connection, { username, displayName: null, passwordHash: await (hashes.get(password) as Promise<string>) });
  if (!added.ok) throw new Error(`fixture user ${username}`);
  for (const [scope, role] of roles) await grantRole(connection, added.value.id, scope, role, 'test');
  return added.value.id;
}

/** A client that keeps cookies like a browser; `from` is the address its requests come from (default 127.0.0.1). */
export class Client {
  readonly cookies = new Map<string, string>();
  lastToken = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly from: { readonly remoteAddress?: string } = {},
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, ...this.from, headers: { ...headers, cookie: this.cookieHeader() } });
    this.keep(response);
    return response;
  }

  /** Posts a form as a browser would, with the CSRF token of the last page fetched (unless the fields give one). */
  async post(url: string, fields: Record<string, string | readonly string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries({ _csrf: this.lastToken, ...fields })) for (const v of typeof value === 'string' ? [value] : value) body.append(name, v);
    const response = await this.app.inject({ method: 'POST', url, ...this.from, payload: body.toString(), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() } });
    this.keep(response);
    return response;
  }

  /**
   * Posts a multipart form as a browser would for a file input: the CSRF token first (as the form
   * puts it first), then the fields, then each file.
   */
  async upload(url: string, fields: Record<string, string>, files: readonly { field: string; name: string; content: string | Buffer; type?: string }[], headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const form = new FormData();
    for (const [name, value] of Object.entries({ _csrf: this.lastToken, ...fields })) form.append(name, value);
    for (const file of files) form.append(file.field, new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], { type: file.type ?? 'text/csv' }), file.name);
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    const response = await this.app.inject({ method: 'POST', url, ...this.from, payload, headers: { ...headers, 'content-type': request.headers.get('content-type') ?? '', cookie: this.cookieHeader() } });
    this.keep(response);
    return response;
  }

  /**
   * Signs in through the sign-in form and, as a browser does, follows where it leads, so that the
   * next form is posted with a token of the new session (the sign-in page's no longer counts).
   */
  async signIn(username: string, pass = password): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { username, password: pass });
    let next = response;
    for (let hops = 0; hops < 3 && next.statusCode === 303 && typeof next.headers.location === 'string'; hops++) next = await this.get(next.headers.location);
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.lastToken = token;
  }
}

/** The text of a page without its markup, spaces collapsed: what a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An upload's folder left behind in `uploads` two hours ago (a receiving cut short), holding a
 * children file: old enough for a sweep to remove, as one changed within the hour is not.
 */
export function leftBehindUpload(uploads: string): string {
  const folder = join(uploads, 'a'.repeat(32));
  mkdirSync(folder);
  writeFileSync(join(folder, 'children.csv'), 'child_id\r\nC1\r\n');
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(join(folder, 'children.csv'), twoHoursAgo, twoHoursAgo);
  utimesSync(folder, twoHoursAgo, twoHoursAgo);
  return folder;
}
