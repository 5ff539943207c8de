import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { exportRecords } from '../../../test/export-fixtures.js';
import { clasPermanenceRows, clasYear, clasYearOf } from './clas.js';

const plain = (rows: ReturnType<typeof clasPermanenceRows>) =>
  rows.map((r) => [r.childId, r.episodeStart.toString(), r.episodeEnd?.toString() ?? null, r.recommendation && `${r.recommendation.date.toString()} ${r.recommendation.route}`, r.admDecision && `${r.admDecision.date.toString()} ${r.admDecision.route}`, r.courtApplication && `${r.courtApplication.date.toString()} ${r.courtApplication.route}`]);

describe('the CLAS return year', () => {
  it('runs from 1 August to 31 July, named by the year it ends in', () => {
    const year = clasYear(2021);
    expect([year.label, year.first.toString(), year.last.toString()]).toEqual(['2020-21', '2020-08-01', '2021-07-31']);
    expect(clasYear(2000).label).toBe('1999-00');
  });

  it('is the one a date falls in', () => {
    expect(clasYearOf(d('2021-07-31')).label).toBe('2020-21');
    expect(clasYearOf(d('2021-08-01')).label).toBe('2021-22');
  });
});

describe('the CLAS permanence fields', () => {
  it('give one row per child and episode open in the year, with the latest recommendation and what followed it (hand-worked in test/export-fixtures.ts)', () => {
    expect(plain(clasPermanenceRows(exportRecords(), clasYear(2021)))).toEqual([
      ['=K9+1', '2020-08-01', null, null, null, null],
      ['K1', '2019-05-01', null, '2019-10-01 adoption', '2020-01-15 adoption', '2020-09-10 adoption'],
      ['K2', '2020-10-01', null, '2021-02-01 kinship_order', '2021-03-01 kinship_order', null],
      ['K3', '2020-01-01', '2020-09-30', '2020-07-01 home', null, null],
      ['K3', '2021-01-10', null, null, null, null],
      ['K4', '2020-02-01', null, '2020-11-01 adoption', '2021-01-04 adoption', '2021-01-20 adoption'],
      ['K7', '2021-07-31', null, null, null, null],
      ['K8', '2020-09-01', null, null, null, null],
    ]);
  });

  it('as known in an earlier year: 2019-20 has K2’s first episode and K6, and nothing dated after 31 July 2020', () => {
    expect(plain(clasPermanenceRows(exportRecords(), clasYear(2020)))).toEqual([
      ['K1', '2019-05-01', null, '2019-10-01 adoption', '2020-01-15 adoption', null],
      ['K2', '2019-01-01', '2019-12-31', '2019-06-01 permanence_order', null, null],
      ['K3', '2020-01-01', null, '2020-07-01 home', null, null],
      ['K4', '2020-02-01', null, '2020-05-01 permanence_order', '2020-06-01 permanence_order', null],
      ['K6', '2018-01-01', '2020-07-31', null, null, null],
    ]);
  });

  it('treats contiguous placements at home and away as one episode, and a gap as two', () => {
    const child = record([placement('2020-09-01', '2020-10-31', 'home', { legalBasis: 'CSO' }), placement('2020-11-01', '2020-12-31', 'foster'), placement('2021-01-02', null, 'kinship')]);
    expect(plain(clasPermanenceRows([child], clasYear(2021)))).toEqual([
      ['C1', '2020-09-01', '2020-12-31', null, null, null],
      ['C1', '2021-01-02', null, null, null, null],
    ]);
  });

  it('reports no milestone dated outside its episode', () => {
    // The ADM decision was made after the episode ended: it belongs to no episode.
    const child = record([placement('2020-09-01', '2021-01-31', 'foster')], [event('permanence_recommendation', '2020-12-01', 'adoption'), event('adm_decision', '2021-02-15', 'adoption')]);
    expect(plain(clasPermanenceRows([child], clasYear(2021)))).toEqual([['C1', '2020-09-01', '2021-01-31', '2020-12-01 adoption', null, null]]);
  });
});
