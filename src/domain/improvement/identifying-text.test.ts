import { describe, expect, it } from 'vitest';
import { d } from '../../../test/builders.js';
import { describeIdentifyingMatches, identifyingValuesIn, type IdentifyingValues } from './identifying-text.js';

const values: IdentifyingValues = {
  children: [
    { childId: 'N-2207', firstName: 'Skye', lastName: 'MacLeod', dateOfBirth: d('2014-03-07'), worker: 'Morag Fraser', team: 'Leith Family Support' },
    { childId: 'C3', firstName: 'Anne-Marie', lastName: "O'Neill", dateOfBirth: d('2010-11-30'), worker: null, team: null },
    { childId: '12', firstName: 'Zoë', lastName: 'Grace', dateOfBirth: d('2019-07-03'), worker: null, team: 'Grace' },
    { childId: 'AB', firstName: 'J', lastName: null, dateOfBirth: d('2016-01-02'), worker: null, team: null },
  ],
};
const found = (text: string) => describeIdentifyingMatches(identifyingValuesIn(text, values));

describe('what could identify a child in a text to publish', () => {
  it('finds first and last names alone, in any order and case, accents or not, each once, as typed', () => {
    expect(found('MacLeod, Skye; then SKYE again, and zoe')).toBe('“MacLeod” (a child’s last name), “Skye” (a child’s first name), “zoe” (a child’s first name)');
    expect(found('anne marie and Anne-Marie, O’Neill')).toBe('“anne marie” (a child’s first name), “O’Neill” (a child’s last name)');
    // One word that is more than one kind of thing says so, without saying whose.
    expect(found('with grace')).toBe('“grace” (a child’s last name and a team’s name)');
  });

  it('matches whole words only: a name inside a longer word is not a match', () => {
    expect(found('Skyes, Macleodish, Zoeful, Annemarie and the evening')).toBe('');
  });

  it('finds a date of birth in each common format, and no other date', () => {
    const formats = ['2014-03-07', '2014/03/07', '07/03/2014', '7/3/2014', '07.03.14', '7-3-14', '3/7/2014', '7 March 2014', '7th March 2014', '7th of March, 2014', '07 Mar. 2014', '7-Mar-14', 'March 7 2014', 'March 7th, 2014', 'Mar 7, 14', '20140307', '07032014'];
    expect(formats.map((f) => found(`born ${f}.`))).toEqual(formats.map((f) => `“${f}” (a child’s date of birth)`));
    expect(found('on 2014-03-08, 8 March 2014, 7 March 2015, 7 March, in March 2014 and 2014')).toBe('');
  });

  it('finds a reference with or without its separator, but not a short all-digit or all-letter one', () => {
    // Each way it is written is shown, so that the data lead finds every one; the same words again are not.
    expect(found('N-2207, n2207, N 2207 and c3')).toBe('“N-2207” (a child’s reference), “n2207” (a child’s reference), “c3” (a child’s reference)');
    expect(found('12 weeks, AB testing, J')).toBe('');
  });

  it('finds a worker or a team by the whole name, in either order, not by one word of it', () => {
    expect(found('Fraser, Morag and morag fraser; the Leith Family Support team, fraser morag')).toBe('“Fraser, Morag” (a worker’s name), “morag fraser” (a worker’s name), “Leith Family Support” (a team’s name)');
    expect(found('Morag alone, Fraser alone, family support in Leith')).toBe('');
  });
});
