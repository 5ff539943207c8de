// Aim groups and the actions of meetings on the web, on every engine: the aim's group on its page and
// its form, a meeting's page with its actions and who was there, the forms' refusals named field by
// field, who may change them, and the next meeting's pack (page and PDF) reviewing the actions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, findAimGroup, listActions, recordHistory, saveMeeting } from '../../src/store/index.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { pdfPageTexts } from '../pdf-text.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const groupForm = (ids: { pat: number; dl: number }) => ({
  lead: `user-${ids.pat}`,
  lead_partner: '',
  members: [`user-${ids.dl}`],
  partners: 'Dr A. Sample, NHS health visiting\n\nThe locality reporter, SCRA',
});

describe.each(engines)('aim groups and meeting actions on the web, $name', (engine) => {
  let web: WebFixture;
  let client: Client;
  let ids: { pat: number; dl: number };

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    ids = { dl: await addTestUser(web.connection, 'dl', [[web.north, 'data-lead']]), pat: await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]) };
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
    client = new Client(web.app);
    await client.signIn('pat');
  });

  afterEach(async () => {
    await web.dispose();
  });

  /** Names aim 2's group through its form. */
  async function nameGroup(): Promise<void> {
    await client.get('/a/NORTH/aims/aim-2/group');
    const saved = await client.post('/a/NORTH/aims/aim-2/group', groupForm(ids));
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/aims/aim-2?saved=group#aim-group']);
  }

  /** Two meetings, with two actions agreed at the first. */
  async function agreeActions(): Promise<void> {
    await saveMeeting(web.connection, web.north, { date: d('2021-02-10'), title: "Champions' group", notes: '' }, { by: 'test' });
    await saveMeeting(web.connection, web.north, { date: d('2021-03-10'), title: "Champions' group", notes: '' }, { by: 'test' });
    await client.get('/a/NORTH/meetings/2021-02-10');
    const first = await client.post('/a/NORTH/meetings/2021-02-10/actions', { action_text: 'Draft the legal advice referral form', owner: 'partner-dr-a-sample--nhs-health-visiting', owner_name: '', due_date: '2021-03-01' });
    expect([first.statusCode, first.headers.location]).toEqual([303, '/a/NORTH/meetings/2021-02-10?saved=A1#action-1']);
    await client.post('/a/NORTH/meetings/2021-02-10/actions', { action_text: 'Ask IROs to date every recommendation', owner: '', owner_name: 'IRO team manager, Social work', due_date: '24/02/2021' });
    await client.post('/a/NORTH/meetings/2021-02-10/actions', { action_text: 'Book the room for the learning event', owner: `user-${ids.pat}`, owner_name: '', due_date: '2021-04-07' });
  }

  it("names an aim's lead and members, pace users and partners, and shows them on the aim's page", async () => {
    const before = textOf((await client.get('/a/NORTH/aims/aim-2')).body);
    expect(before).toContain("The aim group Nobody has named this aim's group yet. Name the aim group");
    await nameGroup();
    const page = await client.get('/a/NORTH/aims/aim-2?saved=group');
    expect(textOf(page.body)).toContain('The aim group The aim group is saved. Lead pat Members dl Dr A. Sample, NHS health visiting The locality reporter, SCRA Change the aim group');
    expect(page.body).toContain('href="/a/NORTH/aims/aim-2/group"');
    const stored = await findAimGroup(web.connection, web.north, 'aim-2');
    expect(stored?.group.members.map((m) => m.kind)).toEqual(['user', 'partner', 'partner']);
    // The form shows the group as saved; a partner who leads replaces the user.
    const form = (await client.get('/a/NORTH/aims/aim-2/group')).body;
    expect(form).toContain(`<option value="user-${ids.pat}" selected>pat</option>`);
    expect(form).toContain('Dr A. Sample, NHS health visiting\nThe locality reporter, SCRA</textarea>');
    await client.post('/a/NORTH/aims/aim-2/group', { ...groupForm(ids), lead: '', lead_partner: 'Ms C. Counsel, Legal services' });
    expect(textOf((await client.get('/a/NORTH/aims/aim-2')).body)).toContain('Lead Ms C. Counsel, Legal services Members dl Dr A. Sample');
    expect((await recordHistory(web.connection, web.north, 'aim-group', 'aim-2')).length).toBe(1);
    expect((await auditOf(web.connection, web.north, 'aim-group', 'aim-2')).map((e) => [e.username, e.action])).toEqual([
      ['pat', 'add'],
      ['pat', 'edit'],
    ]);
  });

  it("refuses a group form with two leads, someone who is not a user of the authority or a partner with no name, naming each field", async () => {
    await client.get('/a/NORTH/aims/aim-2/group');
    const response = await client.post('/a/NORTH/aims/aim-2/group', { lead: `user-${ids.pat}`, lead_partner: 'Dr A. Sample, NHS', members: ['user-9999'], partners: 'Ms B. Example, Education\n, NHS health visiting' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#lead_partner">Name one lead: choose a pace user or type a partner’s name, not both</a>');
    expect(response.body).toContain('<a href="#members">Choose the members from the list of pace users (you sent user-9999)</a>');
    expect(response.body).toContain('<a href="#partners">Partners without a pace account, line 2: give a name before the comma (you entered , NHS health visiting)</a>');
    expect(response.body).toContain('Ms B. Example, Education\n, NHS health visiting</textarea>');
    const stranger = await client.post('/a/NORTH/aims/aim-2/group', { lead: 'user-9999', lead_partner: '', partners: '' });
    expect(stranger.body).toContain('<a href="#lead">Choose the lead from the list of pace users (you sent user-9999)</a>');
    expect(await findAimGroup(web.connection, web.north, 'aim-2')).toBeNull();
    expect((await client.get('/a/NORTH/aims/no-such-aim/group')).statusCode).toBe(404);
  });

  it("lists on a meeting's page the actions it agreed and those left open before it, with their owners and states, and marks one done", async () => {
    await nameGroup();
    await agreeActions();
    const first = textOf((await client.get('/a/NORTH/meetings/2021-02-10?saved=A1')).body);
    expect(first).toContain('Action A1 saved.');
    expect(first).toContain("Champions' group, 10 February 2021 This is the first meeting recorded.");
    expect(first).toContain(
      'Actions agreed at this meeting Mark done records the action as done on 10 February 2021, the day of this meeting; to give another day, change the action. A1: Draft the legal advice referral form State Overdue Owner Dr A. Sample, NHS health visiting Due 1 March 2021 Mark done : A1 Change A1 A2: Ask IROs to date every recommendation State Overdue Owner IRO team manager, Social work Due 24 February 2021',
    );
    const page = await client.get('/a/NORTH/meetings/2021-03-10');
    const text = textOf(page.body);
    expect(text).toContain('The previous meeting was on 10 February 2021.');
    expect(text).toContain('Actions agreed at this meeting Mark done records the action as done on 10 March 2021, the day of this meeting; to give another day, change the action. None yet.');
    // The longest overdue first.
    expect(text).toContain(
      'Actions from earlier meetings Those still open after the previous meeting: open now, or done since. A2: Ask IROs to date every recommendation State Overdue Owner IRO team manager, Social work Due 24 February 2021 Agreed 10 February 2021 Mark done : A2 Change A2 A1: Draft the legal advice referral form State Overdue Owner Dr A. Sample, NHS health visiting Due 1 March 2021 Agreed 10 February 2021 Mark done : A1',
    );
    const done = await client.post('/a/NORTH/meetings/2021-03-10/actions/1/done', {});
    expect([done.statusCode, done.headers.location]).toEqual([303, '/a/NORTH/meetings/2021-03-10?done=A1#action-1']);
    expect(textOf((await client.get('/a/NORTH/meetings/2021-03-10?done=A1')).body)).toContain('Action A1 marked done. ');
    expect(textOf((await client.get('/a/NORTH/meetings/2021-03-10')).body)).toContain('A1: Draft the legal advice referral form State Done 10 March 2021 Owner Dr A. Sample, NHS health visiting Due 1 March 2021 Agreed 10 February 2021 Change A1');
    expect((await listActions(web.connection, web.north)).map((a) => [a.number, a.done?.toString() ?? null])).toEqual([
      [1, '2021-03-10'],
      [2, null],
      [3, null],
    ]);
    // An action agreed later than the meeting is not this meeting's to change.
    await saveMeeting(web.connection, web.north, { date: d('2021-01-13'), title: "Champions' group", notes: '' }, { by: 'test' });
    expect((await client.get('/a/NORTH/meetings/2021-01-13/actions/1')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/meetings/2021-03-11')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/meetings/10-03-2021')).statusCode).toBe(404);
  });

  it('changes an action, its owner and the day it was done, refusing dates that cannot be, each against its field', async () => {
    await nameGroup();
    await agreeActions();
    const form = (await client.get('/a/NORTH/meetings/2021-03-10/actions/2')).body;
    expect(textOf(form)).toContain('Change action A2 Agreed at the meeting on 10 February 2021.');
    // Its owner, typed when it was agreed, is offered as it stands.
    expect(form).toContain('<option value="partner-iro-team-manager--social-work" selected>IRO team manager, Social work</option>');
    const bad = await client.post('/a/NORTH/meetings/2021-03-10/actions/2', { action_text: 'Ask IROs to date every recommendation', owner: '', owner_name: 'IRO team manager', due_date: '2021-02-01', done_date: '2021-06-02' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#due_date">The due date (1 February 2021) cannot be before the meeting that agreed the action (10 February 2021)</a>');
    expect(bad.body).toContain('<a href="#done_date">The date it was done (2 June 2021) cannot be after today, 1 June 2021</a>');
    const saved = await client.post('/a/NORTH/meetings/2021-03-10/actions/2', { action_text: 'Ask IROs to date every recommendation in the minutes', owner: `user-${ids.dl}`, owner_name: '', due_date: '2021-02-24', done_date: '05/03/2021' });
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/meetings/2021-03-10?saved=A2#action-2']);
    const action = (await listActions(web.connection, web.north))[1];
    expect([action?.text, action?.owner, action?.due.toString(), action?.done?.toString()]).toEqual(['Ask IROs to date every recommendation in the minutes', { kind: 'user', userId: ids.dl, name: 'dl' }, '2021-02-24', '2021-03-05']);
    expect(textOf((await client.get('/a/NORTH/meetings/2021-03-10/actions/2')).body)).toMatch(/Earlier versions \d{4}-\d{2}-\d{2}: changed by pat/);
    expect((await auditOf(web.connection, web.north, 'meeting-action', 'A2')).map((e) => e.action)).toEqual(['add', 'edit']);
  });

  it('refuses an action with no words, no owner or a due date that is not a date, naming each field', async () => {
    await nameGroup();
    await agreeActions();
    await client.get('/a/NORTH/meetings/2021-03-10');
    const response = await client.post('/a/NORTH/meetings/2021-03-10/actions', { action_text: '   ', owner_name: '', due_date: '2021-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#action_text">Enter what is to be done</a>');
    expect(response.body).toContain('<a href="#owner">Choose who owns the action, or type the name of someone else</a>');
    expect(response.body).toContain('<a href="#due_date">The due date must be a real date, such as 2021-03-01 or 01/03/2021 (you entered 2021-02-30)</a>');
    const both = await client.post('/a/NORTH/meetings/2021-03-10/actions', { action_text: 'x', owner: 'partner-nobody--', owner_name: 'Someone', due_date: '' });
    expect(both.body).toContain('<a href="#owner">Choose the owner from the list (you sent partner-nobody--)</a>');
    expect(both.body).toContain('<a href="#due_date">Enter the due date</a>');
    expect((await listActions(web.connection, web.north)).length).toBe(3);
  });

  it('records who was at a meeting: members of the groups ticked and others typed', async () => {
    await nameGroup();
    await agreeActions();
    const page = (await client.get('/a/NORTH/meetings/2021-03-10')).body;
    expect(textOf(page)).toContain('Who was there Not recorded yet. Record who was there Members of the aim groups who were there pat dl Dr A. Sample, NHS health visiting The locality reporter, SCRA');
    const saved = await client.post('/a/NORTH/meetings/2021-03-10/attendance', { attended: [`user-${ids.pat}`, 'partner-dr-a-sample--nhs-health-visiting'], others: 'Ms B. Example, Education\nA panel member' });
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/meetings/2021-03-10?saved=attendance#attendance']);
    const after = await client.get('/a/NORTH/meetings/2021-03-10?saved=attendance');
    expect(textOf(after.body)).toContain('Who was there pat Dr A. Sample, NHS health visiting Ms B. Example, Education A panel member Change who was there Members of the aim groups');
    expect(after.body).toContain(`id="attended-user-${ids.pat}" name="attended" value="user-${ids.pat}" checked`);
    expect(after.body).toContain('Ms B. Example, Education\nA panel member</textarea>');
    const bad = await client.post('/a/NORTH/meetings/2021-03-10/attendance', { attended: ['user-9999'], others: '' });
    expect(bad.body).toContain('<a href="#attended">Choose the members who were there from the list (you sent user-9999)</a>');
  });

  it("puts in the next meeting's pack the actions due and not done and those done since the previous meeting, with who was there, on the page and in the PDF", async () => {
    await nameGroup();
    await agreeActions();
    await client.get('/a/NORTH/meetings/2021-03-10');
    await client.post('/a/NORTH/meetings/2021-03-10/actions/1/done', {});
    await client.post('/a/NORTH/meetings/2021-03-10/attendance', { attended: [`user-${ids.pat}`, 'partner-dr-a-sample--nhs-health-visiting'], others: 'Ms B. Example, Education' });
    const expected = [
      'Actions The actions due by this meeting and not done on 10 March 2021, and those done after the previous meeting on 10 February 2021, up to 10 March 2021.',
      'Due and not done',
      'A2: Ask IROs to date every recommendation Owner: IRO team manager, Social work. Overdue: due 24 February 2021. Agreed at the meeting on 10 February 2021.',
      'Done since the previous meeting',
      'A1: Draft the legal advice referral form Owner: Dr A. Sample, NHS health visiting. Due 1 March 2021; done 10 March 2021, after its due date. Agreed at the meeting on 10 February 2021.',
      'Who was at this meeting',
    ];
    const text = textOf((await client.get('/a/NORTH/packs/2021-03-10')).body);
    expect(text).toContain(`${expected.join(' ')} pat Dr A. Sample, NHS health visiting Ms B. Example, Education Aim 1:`);
    // At the first meeting nothing was due yet.
    expect(textOf((await client.get('/a/NORTH/packs/2021-02-10')).body)).toContain('Due and not done No action due by this meeting is still open. Done since the previous meeting No action was done in this period. Who was at this meeting Not recorded yet.');
    const pdf = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect(pdf.statusCode).toBe(200);
    const pages = pdfPageTexts(pdf.rawPayload);
    expect(pages[1]).toBe(`${expected.join(' ')} • pat • Dr A. Sample, NHS health visiting • Ms B. Example, Education North Council — Champions' group, 10 March 2021 — page 2 of 10`);
  });

  it('lets a viewer read the group and the meeting but change nothing, and shows another authority none of it', async () => {
    await nameGroup();
    await agreeActions();
    const viewer = new Client(web.app);
    await viewer.signIn('vic');
    const aim = textOf((await viewer.get('/a/NORTH/aims/aim-2')).body);
    expect(aim).toContain('Lead pat Members dl');
    expect(aim).not.toContain('Change the aim group');
    const meeting = await viewer.get('/a/NORTH/meetings/2021-02-10');
    expect(meeting.statusCode).toBe(200);
    expect(textOf(meeting.body)).toContain('A1: Draft the legal advice referral form');
    for (const hidden of ['Mark done', 'Add an action', 'Save who was there', 'Change A1']) expect(textOf(meeting.body)).not.toContain(hidden);
    expect((await viewer.get('/a/NORTH/aims/aim-2/group')).statusCode).toBe(403);
    expect((await viewer.get('/a/NORTH/meetings/2021-02-10/actions/1')).statusCode).toBe(403);
    const posts: [string, Record<string, string | string[]>][] = [
      ['/a/NORTH/aims/aim-2/group', groupForm(ids)],
      ['/a/NORTH/meetings/2021-02-10/actions', { action_text: 'x', owner_name: 'y', due_date: '2021-03-01' }],
      ['/a/NORTH/meetings/2021-02-10/actions/1', { action_text: 'x', owner_name: 'y', due_date: '2021-03-01', done_date: '' }],
      ['/a/NORTH/meetings/2021-02-10/actions/1/done', {}],
      ['/a/NORTH/meetings/2021-02-10/attendance', { others: 'x' }],
    ];
    for (const [url, fields] of posts) expect([url, (await viewer.post(url, fields)).statusCode]).toEqual([url, 403]);
    expect((await listActions(web.connection, web.north)).map((a) => [a.text, a.done])).toEqual([
      ['Draft the legal advice referral form', null],
      ['Ask IROs to date every recommendation', null],
      ['Book the room for the learning event', null],
    ]);
    const other = new Client(web.app);
    await other.signIn('sam');
    for (const url of ['/a/NORTH/aims/aim-2/group', '/a/NORTH/meetings/2021-02-10', '/a/NORTH/meetings/2021-02-10/actions/1']) expect([url, (await other.get(url)).statusCode]).toEqual([url, 404]);
    expect((await other.get('/a/SOUTH/meetings/2021-02-10')).statusCode).toBe(404);
  });
});
