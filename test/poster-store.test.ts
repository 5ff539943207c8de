// The words a team keeps with its poster (migration 0015), on every engine: they come back as saved,
// with who saved them and when; each change keeps the version before it and is audited in the same
// transaction; an authority sees only its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPosterText, queryAudit, recordHistory, savePosterText, type AuthorityScope, type Connection } from '../src/store/index.js';
import { engines, openTwoAuthorities } from './engines.js';

const first = {
  done: 'Process-mapped the permanence process\nSet two aims with 11 tests of change',
  learning: 'We need to build confidence in social workers',
  nextSteps: 'Prepare to scale up to other localities',
  contact: 'Further information: pace.lead@council.gov.uk',
};

describe.each(engines)("the poster's words on $name", (engine) => {
  let connection: Connection;
  let north: AuthorityScope;
  let south: AuthorityScope;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ connection, north, south, dispose } = await openTwoAuthorities(engine));
  });

  afterEach(async () => {
    await dispose();
  });

  it('comes back as saved, with who saved it and when; another authority has none', async () => {
    expect(await findPosterText(connection, north)).toBeNull();
    expect(await savePosterText(connection, north, first, { by: 'pat', at: '2024-03-01T10:15:00.000Z' }, { clientIp: '192.0.2.7' })).toBe('added');
    expect(await findPosterText(connection, north)).toEqual({ text: first, version: 1, savedBy: 'pat', savedAt: '2024-03-01T10:15:00.000Z' });
    expect(await findPosterText(connection, south)).toBeNull();
  });

  it('keeps the version before each change in the history, and writes each save that changes it to the audit log', async () => {
    await savePosterText(connection, north, first, { by: 'pat', at: '2024-03-01T10:15:00.000Z' }, { clientIp: '192.0.2.7' });
    expect(await savePosterText(connection, north, first, { by: 'dana', at: '2024-03-02T10:15:00.000Z' }, { clientIp: '192.0.2.8' })).toBe('unchanged');
    const second = { ...first, nextSteps: 'Scale up to the other two localities' };
    expect(await savePosterText(connection, north, second, { by: 'dana', at: '2024-03-03T10:15:00.000Z' }, { clientIp: '192.0.2.8' })).toBe('changed');
    expect(await findPosterText(connection, north)).toEqual({ text: second, version: 2, savedBy: 'dana', savedAt: '2024-03-03T10:15:00.000Z' });
    expect(await recordHistory(connection, north, 'poster-text', 'poster')).toEqual([
      {
        version: 1,
        change: 'edit',
        changedAt: '2024-03-03T10:15:00.000Z',
        changedBy: 'dana',
        previous: { done: first.done, learning: first.learning, next_steps: first.nextSteps, contact: first.contact, recorded_by: 'pat' },
      },
    ]);
    const audit = (await queryAudit(connection, north, {}, { offset: 0, limit: 10, order: 'oldest' })).entries;
    expect(audit.map((e) => `${e.username} ${e.action} ${e.entity} ${e.recordId} child=${e.childId ?? '-'} from=${e.clientIp ?? '-'} at=${e.at}`)).toEqual([
      'pat add poster text child=- from=192.0.2.7 at=2024-03-01T10:15:00.000Z',
      'dana edit poster text child=- from=192.0.2.8 at=2024-03-03T10:15:00.000Z',
    ]);
    expect((await queryAudit(connection, south, {}, { offset: 0, limit: 10 })).total).toBe(0);
  });
});
