/**
 * Synthetic improvement work for a demo authority: a driver diagram for aim 2, five tests of change
 * with their PDSA cycles (some started from the library), the words its team keeps with its poster,
 * and four champions' group meetings, the last on the as-at date. Every date counts back from
 * as-at, so the example fits any demo. All of it goes through the domain's lifecycle rules, as the
 * web forms do.
 */
import { addDays, type PlainDate } from '../domain/date.js';
import type { ActDecision, Agency, TestScale } from '../domain/improvement/codes.js';
import { addCycle, newTest, recordCyclePart, type TestOfChange } from '../domain/improvement/test-of-change.js';
import type { PosterText } from '../domain/improvement/poster.js';
import { addAction, addDriverNode, addTest, findTest, listLibraryIdeas, saveAimGroup, saveAttendance, saveMeeting, savePosterText, saveTest, type AuthorityScope, type Connection } from '../store/index.js';

export const demoImprovementRecorder = 'demo generator';

interface CycleScript {
  /** Days before as-at of the plan, the Do, the Study and the Act (null: not yet). */
  readonly days: readonly [number, number | null, number | null, number | null];
  readonly what: string;
  readonly prediction: string;
  readonly happened: string;
  readonly result: string;
  readonly numbers: string;
  readonly quote: string;
  readonly decision: ActDecision;
  readonly next: string;
}

interface TestScript {
  readonly title: string;
  readonly library: string | null;
  readonly change: string;
  readonly agencies: readonly Agency[];
  readonly owner: string;
  readonly aimIds: readonly string[];
  readonly startDaysAgo: number;
  readonly scale: TestScale;
  readonly idea: string | null;
  readonly cycles: readonly CycleScript[];
}

const tests: readonly TestScript[] = [
  {
    title: 'Legal advice referral form',
    library: 'legal-referral-form',
    change: 'Social workers send legal services a referral form, with the documents it lists, when they ask for advice on a permanence plan.',
    agencies: ['social-work', 'legal'],
    owner: 'Permanence team leader',
    aimIds: ['aim-2'],
    startDaysAgo: 300,
    scale: 'one-team',
    idea: 'Legal advice referral form',
    cycles: [
      { days: [293, 260, 246, 239], what: 'Use the form for the next three requests from one team', prediction: 'Advice within four weeks of the request for all three', happened: 'Three forms sent; one came back for a missing report', result: 'Two of three within four weeks', numbers: 'Advice after 19, 26 and 41 days', quote: 'Having the reports up front saved us a week of chasing.', decision: 'adapt', next: 'Add a checklist of documents to the form' },
      { days: [230, 170, 156, 149], what: 'The form with its checklist, for every request from the team', prediction: 'Every request advised within four weeks', happened: 'Seven forms sent, none returned', result: 'Six of seven within four weeks', numbers: 'Median 22 days', quote: 'No back and forward this time.', decision: 'adopt', next: 'Offer the form to the other two teams' },
    ],
  },
  {
    title: 'Standard agenda for the 72-hour meeting',
    library: 'agenda-72-hour-meeting',
    change: 'Every meeting within 72 hours of a child being accommodated follows one agenda that gives each agency its tasks for the next two weeks.',
    agencies: ['social-work', 'health', 'education'],
    owner: 'Independent reviewing officers',
    aimIds: ['aim-2'],
    startDaysAgo: 210,
    scale: 'locality',
    idea: 'Standard agenda',
    cycles: [
      { days: [203, 163, 142, 135], what: 'Use the agenda at the next five 72-hour meetings', prediction: 'Every agency leaves with a named task', happened: 'Five meetings held on the agenda', result: 'Tasks named for every agency at four of five', numbers: '4 of 5', quote: 'Health knew what to bring for the first time.', decision: 'adopt', next: 'Scale up to the other locality' },
      { days: [83, 37, 19, null], what: 'The agenda in the second locality', prediction: 'Every agency leaves with a named task', happened: 'Six meetings held on the agenda', result: 'Tasks named at all six', numbers: '6 of 6', quote: 'Short and clear.', decision: 'adopt', next: '' },
    ],
  },
  {
    title: 'Cease Form E part 2',
    library: 'cease-form-e-part-2',
    change: 'The assessment report for the permanence review carries what the panel needs, so Form E part 2 is not written.',
    agencies: ['social-work'],
    owner: 'Service manager, permanence',
    aimIds: ['aim-3'],
    startDaysAgo: 146,
    scale: 'one-team',
    idea: null,
    cycles: [
      { days: [139, 72, 51, 26], what: 'Two children’s plans go to panel without a Form E', prediction: 'Panel accepts both; ADM decision within 14 weeks', happened: 'Both reports went to panel', result: 'Panel accepted one; asked for more on contact for the other', numbers: '1 of 2 accepted first time', quote: 'The report had everything except contact.', decision: 'adapt', next: 'Add a section on contact to the report' },
      { days: [16, null, null, null], what: 'The report with a contact section, for the next three children', prediction: 'Panel accepts all three first time', happened: '', result: '', numbers: '', quote: '', decision: 'adopt', next: '' },
    ],
  },
  {
    title: 'Remove the ratifying looked after review',
    library: 'remove-ratifying-review',
    change: 'The review that recommends permanence is not followed by a second review to ratify it.',
    agencies: ['social-work'],
    owner: 'Reviewing officers’ manager',
    aimIds: ['aim-3'],
    startDaysAgo: 76,
    scale: 'one-team',
    idea: null,
    cycles: [{ days: [69, 44, 26, 19], what: 'Skip the ratifying review for two children', prediction: 'No loss of scrutiny; two weeks saved', happened: 'Legal services asked for the ratifying review to stay while the policy is rewritten', result: 'Not possible until the policy changes', numbers: '0 of 2', quote: 'We need the policy changed first.', decision: 'abandon', next: 'Raise with the policy group; test again once the policy changes' }],
  },
  {
    title: 'Recorded delivery for advice hearings',
    library: 'recorded-delivery-advice-hearings',
    change: 'Notices of advice hearings go by recorded delivery, and the social worker calls the family two days before.',
    agencies: ['scra', 'social-work'],
    owner: 'Locality reporter',
    aimIds: ['aim-4'],
    startDaysAgo: 55,
    scale: 'locality',
    idea: null,
    cycles: [{ days: [48, 12, null, null], what: 'The next four advice hearings', prediction: 'None continued for non-attendance', happened: 'Four notices sent by recorded delivery; three families called', result: '', numbers: '', quote: '', decision: 'adopt', next: '' }],
  },
];

const meetingsDaysAgo = [77, 49, 21, 0];

/** The words the demo's team keeps with its poster, in the voice of the programme's own posters (one point a line). */
export const demoPosterText: PosterText = {
  done: [
    'Process-mapped our permanence process, from accommodation to the application to court',
    'Set our four aims, and measure every child against them every month',
    'Legal services and social work agreed a referral form for early legal advice',
    'A standard agenda for the 72-hour planning meeting gives every agency its tasks from the first days',
  ].join('\n'),
  learning: [
    'Good links between administration and social work practice matter as much as the practice itself',
    'Our data tell us how well our systems are working, and where to test next',
    'Health, education and the Reporter took part from the start: the changes are theirs too',
  ].join('\n'),
  nextSteps: [
    'Offer the legal advice referral form to the other two teams',
    'Change the review policy, then test removing the ratifying review again',
    'Refocus our permanence tracking meetings on outcomes for children',
  ].join('\n'),
  contact: 'The PACE lead, Demoshire permanence service: 01632 960 123 (an invented number)',
};

function ok(result: { ok: true; value: TestOfChange } | { ok: false; error: unknown }): TestOfChange {
  if (!result.ok) throw new Error(`the demo's improvement work broke a lifecycle rule: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Loads the example improvement work into the authority (run once, on an authority without tests). */
export async function loadDemoImprovement(connection: Connection, scope: AuthorityScope, asAt: PlainDate): Promise<void> {
  const author = { by: demoImprovementRecorder };
  const day = (daysAgo: number) => addDays(asAt, -daysAgo);
  const library = await listLibraryIdeas(connection);
  const libraryId = (key: string | null) => (key === null ? null : (library.find((l) => l.key === key)?.id ?? null));

  // Aim 2's driver diagram.
  const primary = async (text: string) => addDriverNode(connection, scope, { aimId: 'aim-2', kind: 'primary', parentId: null, text, libraryIdea: null }, author);
  const secondary = async (parent: number, text: string) => addDriverNode(connection, scope, { aimId: 'aim-2', kind: 'secondary', parentId: parent, text, libraryIdea: null }, author);
  const idea = async (parent: number, text: string, key: string | null) => addDriverNode(connection, scope, { aimId: 'aim-2', kind: 'change-idea', parentId: parent, text, libraryIdea: libraryId(key) }, author);
  const information = await primary('Complete information early, from every agency');
  const legal = await secondary(information.id, 'Legal advice ready before the permanence review');
  const meeting72 = await secondary(information.id, 'Every agency knows its tasks from the first days');
  const process = await primary('A process with no needless steps');
  const reviews = await secondary(process.id, 'Reviews set from the start, on a schedule');
  const confidence = await primary('Confident, supported staff');
  const training = await secondary(confidence.id, 'Staff understand permanence and its legal tests');
  const ideaIds = new Map<string, number>([
    ['Legal advice referral form', (await idea(legal.id, 'Legal advice referral form', 'legal-referral-form')).id],
    ['Standard agenda', (await idea(meeting72.id, 'Standard agenda for the 72-hour meeting', 'agenda-72-hour-meeting')).id],
  ]);
  await idea(legal.id, 'Diarise written advice four weeks before the review', 'early-legal-advice');
  await idea(reviews.id, 'Looked after review two weeks after accommodation', 'two-week-review');
  await idea(training.id, 'Five days of permanence training', 'permanence-training');

  for (const script of tests) {
    const number = await addTest(
      connection,
      scope,
      { title: script.title, change: script.change, changeIdea: script.idea ? (ideaIds.get(script.idea) ?? null) : null, libraryIdea: libraryId(script.library), agencies: script.agencies, owner: script.owner, aimIds: script.aimIds, driverIds: [], start: day(script.startDaysAgo), scale: script.scale },
      author,
    );
    let test = (await findTest(connection, scope, number)) ?? newTest(number, { title: script.title, change: script.change, changeIdea: null, libraryIdea: null, agencies: script.agencies, owner: script.owner, aimIds: script.aimIds, driverIds: [], start: day(script.startDaysAgo), scale: script.scale });
    for (const [i, c] of script.cycles.entries()) {
      const [plan, done, studied, acted] = c.days;
      test = ok(addCycle(test, { what: c.what, who: script.owner, where: script.scale === 'one-team' ? 'One team' : 'One locality', when: day(plan), prediction: c.prediction, measures: c.numbers === '' ? 'Count of cases meeting the prediction' : 'Days and counts as in the prediction' }, asAt));
      const n = i + 1;
      if (done !== null) test = ok(recordCyclePart(test, n, { part: 'do', value: { date: day(done), whatHappened: c.happened, observations: '' } }, asAt));
      if (studied !== null) test = ok(recordCyclePart(test, n, { part: 'study', value: { date: day(studied), result: c.result, numbers: c.numbers, quotes: c.quote } }, asAt));
      if (acted !== null) test = ok(recordCyclePart(test, n, { part: 'act', value: { date: day(acted), decision: c.decision, nextStep: c.next } }, asAt));
    }
    await saveTest(connection, scope, test, author);
  }

  await savePosterText(connection, scope, demoPosterText, author, { clientIp: null });
  for (const daysAgo of meetingsDaysAgo) await saveMeeting(connection, scope, { date: day(daysAgo), title: "Champions' group", notes: daysAgo === 0 ? 'Synthetic demo meeting: every child, test and figure here is invented.' : '' }, author);

  // Aim 2's group, the actions its meetings agreed and who was at the last one: invented partners, no accounts.
  const partner = (name: string, organisation: string) => ({ kind: 'partner' as const, name, organisation });
  const lead = partner('M. Example', 'Permanence team manager, Demoshire social work');
  const [counsel, iro, reporter, health] = [partner('R. Counsel', 'Legal services'), partner('The IRO team manager', 'Demoshire social work'), partner('The locality reporter', 'SCRA'), partner('Dr A. Sample', 'NHS health visiting')];
  const audit = { clientIp: null };
  await saveAimGroup(connection, scope, 'aim-2', { lead, members: [counsel, iro, reporter, health] }, author, audit);
  const agree = (at: number, text: string, owner: typeof lead, due: number, done: number | null) => addAction(connection, scope, day(at), { text, owner, due: day(due), done: done === null ? null : day(done) }, author, audit);
  await agree(77, 'Agree the legal advice referral form with legal services', counsel, 63, 60);
  await agree(49, 'Ask the reviewing officers to record the date of every permanence recommendation', iro, 35, null);
  await agree(21, "Share aim 2's run chart with the panel members", reporter, 7, 10);
  await agree(21, "Invite health visiting to the next champions' group", lead, 0, null);
  await agree(0, 'Offer the legal advice referral form to the other two teams', lead, -28, null);
  await saveAttendance(connection, scope, day(0), [lead, counsel, reporter, health], author, audit);
}
