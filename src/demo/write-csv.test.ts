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
  child: { childId: 'C1', firstName: 'Amy', lastName: null, dateOfBirth: d('2016-02-29'), sex: 'F', siblingGroup: null, worker: 'Worker 1', team: 'North Team' },
  placements: [
    { childId: 'C1', placementId: 'P1', start: d('2020-01-10'), end: d('2020-03-01'), type: 'foster', legalBasis: 'CSO', carerRef: 'FOS-1' },
    { childId: 'C1', placementId: 'P2', start: d('2020-03-02'), end: null, type: 'kinship', legalBasis: null, carerRef: null },
  ],
  events: [
    { childId: 'C1', eventId: 'E1', type: 'planning_meeting_72h', date: d('2020-01-12'), route: null, note: null },
    { childId: 'C1', eventId: 'E2', type: 'permanence_recommendation', date: d('2020-06-01'), route: 'kinship_order', note: 'agreed, with "conditions", at the LAC review' },
    { childId: 'C1', eventId: 'E3', type: 'lac_review', date: d('2020-07-01'), route: null, note: 'two\nlines' },
  ],
};

describe('canonical CSV', () => {
  it('quotes only what needs quoting', () => {
    expect([csvField('plain'), csvField('a, b'), csvField('say "hi"'), csvField(null)]).toEqual(['plain', '"a, b"', '"say ""hi"""', '']);
  });

  it('writes the three files with the canonical headers and ISO dates', async () => {
    expect(await writeCanonicalCsv(dir, [record])).toEqual({ children: 1, placements: 2, events: 3 });
    expect(readFileSync(join(dir, 'children.csv'), 'utf8')).toBe('child_id,first_name,last_name,date_of_birth,sex,sibling_group,worker,team\r\nC1,Amy,,2016-02-29,F,,Worker 1,North Team\r\n');
    expect(readFileSync(join(dir, 'placements.csv'), 'utf8')).toBe(
      'child_id,placement_id,start_date,end_date,placement_type,legal_basis,carer_ref\r\nC1,P1,2020-01-10,2020-03-01,foster,CSO,FOS-1\r\nC1,P2,2020-03-02,,kinship,,\r\n',
    );
    expect(readFileSync(join(dir, 'events.csv'), 'utf8')).toBe(
      'child_id,event_id,event_type,date,route,note\r\nC1,E1,planning_meeting_72h,2020-01-12,,\r\nC1,E2,permanence_recommendation,2020-06-01,kinship_order,"agreed, with ""conditions"", at the LAC review"\r\nC1,E3,lac_review,2020-07-01,,"two\nlines"\r\n',
    );
  });
});
