import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOrThrow as d } from '../domain/date.js';
import type { ChildRecord } from '../domain/records.js';
import { csvField, writeCanonicalCsv } from './write-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'pace-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record: ChildRecord = {
  child: { childId: 'C1', firstName: 'Amy', lastName: null, dateOfBirth: d('2016-02-29'), sex: 'F', siblingGroup: null, worker: 'Worker 1', team: 'North Team', locality: 'Northfield' },
  placements: [
    { childId: 'C1', placementId: 'P1', start: d('2020-01-10'), end: d('2020-03-01'), type: 'foster', legalBasis: 'CSO', carerRef: 'FOS-1', recordedDate: d('2020-01-14') },
    { childId: 'C1', placementId: 'P2', start: d('2020-03-02'), end: null, type: 'kinship', legalBasis: null, carerRef: null, recordedDate: null },
  ],
  events: [
    { childId: 'C1', eventId: 'E1', type: 'planning_meeting_72h', date: d('2020-01-12'), route: null, note: null, recordedDate: d('2020-01-12') },
    { childId: 'C1', eventId: 'E2', type: 'permanence_recommendation', date: d('2020-06-01'), route: 'kinship_order', note: 'agreed, with "conditions", at the LAC review', recordedDate: null },
    { childId: 'C1', eventId: 'E3', type: 'lac_review', date: d('2020-07-01'), route: null, note: 'two\nlines', recordedDate: d('2020-09-30') },
  ],
};

describe('canonical CSV', () => {
  it('quotes only what needs quoting', () => {
    expect([csvField('plain'), csvField('a, b'), csvField('say "hi"'), csvField(null)]).toEqual(['plain', '"a, b"', '"say ""hi"""', '']);
  });

  it('writes the three files with the canonical headers and ISO dates', async () => {
    expect(await writeCanonicalCsv(dir, [record])).toEqual({ children: 1, placements: 2, events: 3 });
    expect(readFileSync(join(dir, 'children.csv'), 'utf8')).toBe('child_id,first_name,last_name,date_of_birth,sex,sibling_group,worker,team,locality\r\nC1,Amy,,2016-02-29,F,,Worker 1,North Team,Northfield\r\n');
    expect(readFileSync(join(dir, 'placements.csv'), 'utf8')).toBe(
      'child_id,placement_id,start_date,end_date,placement_type,legal_basis,carer_ref,recorded_date\r\nC1,P1,2020-01-10,2020-03-01,foster,CSO,FOS-1,2020-01-14\r\nC1,P2,2020-03-02,,kinship,,,\r\n',
    );
    expect(readFileSync(join(dir, 'events.csv'), 'utf8')).toBe(
      'child_id,event_id,event_type,date,route,note,recorded_date\r\nC1,E1,planning_meeting_72h,2020-01-12,,,2020-01-12\r\nC1,E2,permanence_recommendation,2020-06-01,kinship_order,"agreed, with ""conditions"", at the LAC review",\r\nC1,E3,lac_review,2020-07-01,,"two\nlines",2020-09-30\r\n',
    );
  });
});
