import { describe, expect, it } from 'vitest';
import { exportRecords, identifyingTexts } from '../../../test/export-fixtures.js';
import { pseudonymisedExtract, type Pseudonymiser } from './pseudonymise.js';

// A stand-in for the keyed hash (src/exports/pseudonym-key.ts): readable, so the test can say which id became which.
const tagged: Pseudonymiser = (kind, id) => `${kind}#${[...id].reverse().join('')}`;

describe('the pseudonymised extract', () => {
  const extract = pseudonymisedExtract(exportRecords(), tagged);

  it('replaces every id, coarsens the date of birth to its month and keeps sex', () => {
    expect(extract.children.find((c) => c.child === 'child#1K')).toEqual({ child: 'child#1K', birthMonth: '2014-02', sex: 'F', siblingGroup: 'sibling-group#RREK' });
    expect(extract.placements.filter((p) => p.child === 'child#1K').map((p) => [p.placement, p.start.toString(), p.end, p.type, p.carer])).toEqual([['placement#1KP', '2019-05-01', null, 'foster', 'carer#9-RERAC']]);
    expect(extract.events.filter((e) => e.child === 'child#4K').map((e) => [e.event, e.type, e.date.toString(), e.route])).toEqual([
      ['event#a4KE', 'permanence_recommendation', '2020-05-01', 'permanence_order'],
      ['event#b4KE', 'adm_decision', '2020-06-01', 'permanence_order'],
      ['event#c4KE', 'permanence_recommendation', '2020-11-01', 'adoption'],
      ['event#d4KE', 'adm_decision', '2021-01-04', 'adoption'],
      ['event#e4KE', 'court_application_lodged', '2021-01-20', 'adoption'],
    ]);
  });

  it('keeps no name, full date of birth, worker, team or note', () => {
    const text = JSON.stringify(extract);
    for (const identifying of identifyingTexts) expect(text).not.toContain(identifying);
    expect(Object.keys(extract.children[0] ?? {})).toEqual(['child', 'birthMonth', 'sex', 'siblingGroup']);
    expect(Object.keys(extract.events[0] ?? {})).toEqual(['child', 'event', 'type', 'date', 'route']);
  });

  it('orders rows by pseudonym, not by the authority’s ids', () => {
    expect(extract.children.map((c) => c.child)).toEqual([...extract.children.map((c) => c.child)].sort());
    expect(extract.children).toHaveLength(9);
    expect(extract.placements).toHaveLength(12);
    expect(extract.events).toHaveLength(13);
  });
});
