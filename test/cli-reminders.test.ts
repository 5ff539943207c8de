import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthority, findCalendarFeed, listContacts, type AuthorityScope, type Connection } from '../src/store/index.js';
import { calendarTokenHash } from '../src/app/calendar-feeds.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { saveMovedChild, saveReminderChildren } from './reminders-fixtures.js';

describe.each(engines)('pace due, contacts and calendar on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  let connection: Connection;
  let north: AuthorityScope;

  beforeEach(async () => {
    const opened = await engine.open();
    ({ connection, dispose } = opened);
    const added = await addAuthority(connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
    if (!added.ok) throw new Error('fixture authority');
    north = added.value.scope;
    await saveReminderChildren(connection, north);
    env = { DATABASE_URL: opened.url, USER: 'tester' };
  });

  afterEach(async () => {
    await dispose();
  });

  it("prints a worker's overdue and due-soon items as JSON, with each child's next item", async () => {
    const run = await pace(['due', '--authority', 'NORTH', '--as-at', '2021-06-01', '--worker', 'Ann Smith', '--json'], env);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const b2Review = { rule: 'reviews-6-monthly', name: 'Looked after review every 6 months', occurrence: 1, journey: 'accommodation', journey_start: '2020-09-01', due: '2021-03-01', status: 'overdue', days_to_due: -92 };
    const b2Recommendation = { rule: 'permanence-recommendation', name: 'Permanence recommendation', occurrence: 1, journey: 'accommodation', journey_start: '2020-09-01', due: '2021-03-02', status: 'overdue', days_to_due: -91 };
    const a1Early = { rule: 'early-review', name: 'Early review', occurrence: 1, journey: 'accommodation', journey_start: '2021-05-20', due: '2021-06-03', status: 'due', days_to_due: 2 };
    expect(JSON.parse(run.out)).toEqual({
      authority: 'NORTH',
      as_at: '2021-06-01',
      window_days: 14,
      worker: 'Ann Smith',
      team: null,
      overdue: 2,
      due_soon: 1,
      children: [
        {
          child_id: 'B2',
          worker: 'Ann Smith',
          team: 'North East',
          overdue: [b2Review, b2Recommendation],
          due_soon: [],
          next: { rule: 'reviews-6-monthly', name: 'Looked after review every 6 months', occurrence: 2, journey: 'accommodation', journey_start: '2020-09-01', due: '2021-09-01', status: 'due', days_to_due: 92 },
        },
        { child_id: 'A1', worker: 'Ann Smith', team: 'North East', overdue: [], due_soon: [a1Early], next: a1Early },
      ],
    });
  });

  it("prints the whole authority's list, most pressing first, and narrows the window", async () => {
    const run = await pace(['due', '--authority', 'north', '--as-at', '2021-06-01'], env);
    expect(run.out).toBe(
      [
        'Due as at 2021-06-01 in NORTH: 3 overdue, 3 due within 14 days.',
        'child      due         what',
        'B2         2021-03-01  Looked after review every 6 months (overdue by 13 weeks)',
        'B2         2021-03-02  Permanence recommendation (overdue by 13 weeks)',
        'D4         2021-03-08  Agency decision maker decision (overdue by 12 weeks)',
        'D4         2021-06-01  Looked after review every 6 months (due today)',
        'A1         2021-06-03  Early review (due in 2 days)',
        'C3         2021-06-10  Review of the time at home at 18 months (due in 9 days)',
        '',
      ].join('\n'),
    );
    const narrow = JSON.parse((await pace(['due', '--authority', 'NORTH', '--as-at', '2021-06-01', '--team', 'north east', '--window', '0', '--json'], env)).out) as { overdue: number; due_soon: number; children: { child_id: string }[] };
    expect([narrow.overdue, narrow.due_soon, narrow.children.map((c) => c.child_id)]).toEqual([3, 1, ['B2', 'D4']]);
  });

  it('chooses a worker’s or a team’s children by the allocation in force on the as-at date', async () => {
    const south = await addAuthority(connection, { code: 'SOUTH', name: 'South Council', programmeStart: null }, 'test');
    if (!south.ok) throw new Error('fixture authority');
    await saveMovedChild(connection, south.value.scope);
    const due = async (...args: string[]) => JSON.parse((await pace(['due', '--authority', 'SOUTH', ...args, '--json'], env)).out) as { overdue: number; due_soon: number; children: { child_id: string; worker: string | null; team: string | null }[] };
    const listed = (list: Awaited<ReturnType<typeof due>>) => [list.overdue, list.due_soon, list.children.map((c) => `${c.child_id} ${c.worker} ${c.team}`)];
    expect(listed(await due('--as-at', '2026-02-15', '--worker', 'Worker A'))).toEqual([1, 1, ['M1 Worker A Team A']]);
    expect(listed(await due('--as-at', '2026-02-15', '--worker', 'Worker B'))).toEqual([0, 0, []]);
    expect(listed(await due('--as-at', '2026-03-15', '--worker', 'Worker B'))).toEqual([1, 0, ['M1 Worker B Team B']]);
    expect(listed(await due('--as-at', '2026-03-15', '--worker', 'Worker A'))).toEqual([0, 0, []]);
    expect(listed(await due('--as-at', '2026-02-15', '--team', 'Team A'))).toEqual([1, 1, ['M1 Worker A Team A']]);
    expect((await pace(['due', '--authority', 'SOUTH', '--as-at', '2026-02-15', '--worker', 'Worker A'], env)).out).toBe(
      ['Due as at 2026-02-15 in SOUTH: 1 overdue, 1 due within 14 days.', 'child      due         what', 'M1         2026-01-19  Early review (overdue by 3 weeks)', 'M1         2026-02-16  Looked after review at 6 weeks (due in 1 day)', ''].join('\n'),
    );
  });

  it('refuses a window that is not a number of days, and an unknown authority', async () => {
    expect((await pace(['due', '--authority', 'NORTH', '--window', 'soon'], env)).err).toContain('not a number of days from 0 to 366: soon');
    expect(await pace(['due', '--authority', 'NOPE', '--as-at', '2021-06-01'], env)).toEqual({ code: 1, out: '', err: 'pace: no authority with code NOPE (see: pace authority list)\n' });
  });

  it('sets, changes, lists and removes the addresses of workers and team managers', async () => {
    expect(await pace(['contacts', 'set', '--authority', 'NORTH', '--worker', 'Ann Smith', '--email', 'ann@north.example'], env)).toEqual({ code: 0, out: 'Set the address of worker Ann Smith in NORTH: ann@north.example\n', err: '' });
    expect((await pace(['contacts', 'set', '--authority', 'NORTH', '--worker', 'ann  smith', '--email', 'ann.smith@north.example'], env)).out).toBe('Changed the address of worker ann smith in NORTH: ann.smith@north.example\n');
    expect((await pace(['contacts', 'set', '--authority', 'NORTH', '--team', 'North East', '--manager-email', 'ne@north.example'], env)).out).toBe('Set the address of the manager of team North East in NORTH: ne@north.example\n');
    expect(await listContacts(connection, north)).toEqual([
      { kind: 'worker', name: 'ann smith', email: 'ann.smith@north.example' },
      { kind: 'team', name: 'North East', email: 'ne@north.example' },
    ]);
    expect((await pace(['contacts', 'list', '--authority', 'NORTH'], env)).out).toBe(`worker  ${'ann smith'.padEnd(30)} ann.smith@north.example\nteam    ${'North East'.padEnd(30)} ne@north.example\n`);
    expect((await pace(['contacts', 'remove', '--authority', 'NORTH', '--team', 'north east'], env)).out).toBe('Removed the address of team north east in NORTH.\n');
    expect((await listContacts(connection, north)).map((c) => c.kind)).toEqual(['worker']);
  });

  it('refuses an address that is not one, and a worker given a manager address', async () => {
    expect((await pace(['contacts', 'set', '--authority', 'NORTH', '--worker', 'Ann Smith', '--email', 'ann at north'], env)).err).toContain('not an e-mail address: ann at north');
    expect(await pace(['contacts', 'set', '--authority', 'NORTH', '--worker', 'Ann Smith', '--manager-email', 'ann@north.example'], env)).toEqual({ code: 2, out: '', err: 'pace: a worker needs --email ADDRESS (and no --manager-email)\n' });
  });

  it('makes a calendar feed whose address is printed once and kept only as a hash, lists it and revokes it', async () => {
    const made = await pace(['calendar', 'create', '--authority', 'NORTH', '--worker', 'Ann Smith'], { ...env, PACE_URL: 'https://pace.north.example/' });
    expect(made.code).toBe(0);
    const url = /^Calendar feed 1 for Ann Smith in NORTH, shown once:\n(\S+)\n$/.exec(made.out)?.[1] ?? '';
    expect(url).toMatch(/^https:\/\/pace\.north\.example\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = url.slice(url.lastIndexOf('/') + 1, -'.ics'.length);
    expect((await findCalendarFeed(connection, calendarTokenHash(token)))?.worker).toBe('Ann Smith');
    expect((await pace(['calendar', 'list', '--authority', 'NORTH'], env)).out).toMatch(/^1 {6}Ann Smith \(made \S+ by tester\)\n$/);
    expect(await pace(['calendar', 'revoke', '1', '--authority', 'NORTH'], env)).toEqual({ code: 0, out: 'Revoked calendar feed 1 in NORTH.\n', err: '' });
    expect(await findCalendarFeed(connection, calendarTokenHash(token))).toBeNull();
    expect(await pace(['calendar', 'revoke', '1', '--authority', 'NORTH'], env)).toEqual({ code: 1, out: '', err: 'pace: NORTH has no live calendar feed 1\n' });
  });
});
