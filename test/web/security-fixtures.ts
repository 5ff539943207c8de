// Records for the security tests: NORTH's, with words found nowhere else (so that a page leaking
// them is caught by a plain search), and free text carrying script.
import type { Aim } from '../../src/domain/aim.js';
import { addCycle, newTest } from '../../src/domain/improvement/test-of-change.js';
import { addAction, addDriverNode, addTest, listAims, saveAim, saveAimGroup, saveAttendance, saveMeeting, savePosterText, saveRecords, saveTest, type AuthorityScope, type Connection } from '../../src/store/index.js';
import { createCalendarFeed } from '../../src/app/calendar-feeds.js';
import { child, d, event, placement } from '../builders.js';

export const north = {
  childId: 'NRT-CHILD-01',
  firstName: 'Zebedee',
  lastName: 'Quartermaine',
  placementId: 'NRT-PLACE-01',
  eventId: 'NRT-EVENT-01',
  worker: 'Wolstenholme',
  team: 'Thistlewaite',
  siblingGroup: 'Kittiwake',
  carerRef: 'Carer-Ptarmigan',
  note: 'Note-Wombat',
  aimId: 'north-only-aim',
  aimName: 'Quokka aim',
  testTitle: 'Test-Pangolin',
  driverText: 'Driver-Axolotl',
  partnerName: 'Partner-Okapi',
  actionText: 'Action-Narwhal',
} as const;

/** Every word of NORTH's that must never reach someone who works only elsewhere. */
export const northWords: readonly string[] = Object.values(north).filter((word) => word !== 'north-only-aim');

/** NORTH's child, placement, event, own aim and a calendar feed (whose id it returns). */
export async function saveNorthSecrets(connection: Connection, scope: AuthorityScope): Promise<{ feedId: number }> {
  await saveRecords(
    connection,
    scope,
    {
      children: [child({ childId: north.childId, firstName: north.firstName, lastName: north.lastName, dateOfBirth: d('2014-02-02'), worker: north.worker, team: north.team, siblingGroup: north.siblingGroup })],
      placements: [placement('2020-01-06', null, 'foster', { childId: north.childId, id: north.placementId, carerRef: north.carerRef })],
      events: [{ ...event('permanence_recommendation', '2020-06-01', 'adoption', { childId: north.childId, id: north.eventId }), note: north.note }],
    },
    { by: 'fixture', at: '2021-05-01T09:00:00.000Z' },
  );
  const [first] = await listAims(connection, scope);
  await saveAim(connection, scope, { ...(first as Aim), id: north.aimId, name: north.aimName, nationalAim: null }, { by: 'fixture' });
  const feed = await createCalendarFeed(connection, scope, north.worker, 'fixture');
  // Improvement work: driver 1, test T1 with cycle 1, and a meeting on 2021-03-10.
  await addDriverNode(connection, scope, { aimId: north.aimId, kind: 'primary', parentId: null, text: north.driverText, libraryIdea: null }, { by: 'fixture' });
  const details = { title: north.testTitle, change: north.note, changeIdea: null, libraryIdea: null, agencies: ['legal' as const], owner: north.worker, aimIds: [north.aimId], driverIds: [], start: d('2021-01-04'), scale: 'one-team' as const };
  await addTest(connection, scope, details, { by: 'fixture' });
  const planned = addCycle(newTest(1, details), { what: north.note, who: north.worker, where: north.team, when: d('2021-01-11'), prediction: north.note, measures: north.note }, d('2021-06-01'));
  if (!planned.ok) throw new Error('fixture cycle');
  await saveTest(connection, scope, planned.value, { by: 'fixture' });
  await saveMeeting(connection, scope, { date: d('2021-03-10'), title: north.testTitle, notes: '' }, { by: 'fixture' });
  // The aim's group, action A1 of that meeting, and who was there.
  const partner = { kind: 'partner' as const, name: north.partnerName, organisation: north.team };
  await saveAimGroup(connection, scope, north.aimId, { lead: partner, members: [{ kind: 'partner', name: north.worker, organisation: north.team }] }, { by: 'fixture' }, { clientIp: null });
  await addAction(connection, scope, d('2021-03-10'), { text: north.actionText, owner: partner, due: d('2021-04-07'), done: null }, { by: 'fixture' }, { clientIp: null });
  await saveAttendance(connection, scope, d('2021-03-10'), [partner], { by: 'fixture' }, { clientIp: null });
  // The poster's words, saved straight to the store (the form would refuse a child's name).
  await savePosterText(connection, scope, { done: north.note, learning: north.driverText, nextSteps: north.testTitle, contact: north.worker }, { by: 'fixture' }, { clientIp: null });
  return { feedId: feed.id };
}

/** Script in a page, and markup that breaks out of an attribute: neither may ever reach a page unescaped. */
export const scriptPayload = '<script>alert(1)</script>';
export const attributePayload = '"><img src=x onerror=alert(1)>';
export const rawMarkup = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const;

/** A child of NORTH whose every free-text field carries script, with a placement and an event that do too. */
export async function saveScriptedRecords(connection: Connection, scope: AuthorityScope): Promise<{ childIds: string[] }> {
  const children = [
    child({ childId: scriptPayload, firstName: scriptPayload, lastName: attributePayload, dateOfBirth: d('2013-03-03'), worker: scriptPayload, team: attributePayload, siblingGroup: scriptPayload }),
    child({ childId: attributePayload, firstName: attributePayload, lastName: scriptPayload, dateOfBirth: d('2015-05-05'), worker: attributePayload, team: scriptPayload, siblingGroup: scriptPayload }),
  ];
  await saveRecords(
    connection,
    scope,
    {
      children,
      placements: children.flatMap((c, i) => [placement('2020-02-03', null, 'foster', { childId: c.childId, id: i === 0 ? scriptPayload : attributePayload, carerRef: i === 0 ? attributePayload : scriptPayload })]),
      events: children.flatMap((c, i) => [{ ...event('lac_review', '2020-08-03', null, { childId: c.childId, id: `${i === 0 ? scriptPayload : attributePayload}-e` }), note: i === 0 ? scriptPayload : attributePayload }]),
    },
    { by: scriptPayload, at: '2021-05-01T09:00:00.000Z' },
  );
  // An edit, so that the history on the child's page shows values before and after.
  await saveRecords(connection, scope, { children: [{ ...(children[0] as (typeof children)[number]), team: scriptPayload }] }, { by: attributePayload, at: '2021-05-02T09:00:00.000Z' });
  const aims = await listAims(connection, scope);
  await saveAim(connection, scope, { ...(aims[0] as Aim), name: scriptPayload }, { by: scriptPayload });
  await saveAim(connection, scope, { ...(aims[1] as Aim), name: attributePayload }, { by: attributePayload });
  await savePosterText(connection, scope, { done: scriptPayload, learning: attributePayload, nextSteps: `${scriptPayload}\n${attributePayload}`, contact: scriptPayload }, { by: scriptPayload }, { clientIp: null });
  // An aim group, an action and who was at the meeting of saveNorthSecrets, every name and word script.
  const scripted = { kind: 'partner' as const, name: scriptPayload, organisation: attributePayload };
  await saveAimGroup(connection, scope, 'aim-1', { lead: scripted, members: [{ kind: 'partner', name: attributePayload, organisation: scriptPayload }] }, { by: scriptPayload }, { clientIp: null });
  await addAction(connection, scope, d('2021-03-10'), { text: scriptPayload, owner: scripted, due: d('2021-04-07'), done: null }, { by: scriptPayload }, { clientIp: null });
  await saveAttendance(connection, scope, d('2021-03-10'), [scripted], { by: scriptPayload }, { clientIp: null });
  return { childIds: children.map((c) => c.childId) };
}
