import { describe, expect, it } from 'vitest';
import { ruleCatalogue, ruleCodes } from './catalogue.js';
import { makeProblem, renderFix, renderMessage } from './problem.js';

describe('the rule catalogue', () => {
  it('holds at least 30 rules, each with a stable kebab-case code, a message and a fix', () => {
    expect(ruleCodes.length).toBeGreaterThanOrEqual(30);
    for (const code of ruleCodes) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(ruleCatalogue[code].message.length).toBeGreaterThan(5);
      expect(ruleCatalogue[code].fix.length).toBeGreaterThan(10);
    }
  });

  it('has errors and warnings', () => {
    const severities = new Set(ruleCodes.map((code) => ruleCatalogue[code].severity));
    expect([...severities].sort()).toEqual(['error', 'warning']);
  });

  it('echoes the column and the value in the message', () => {
    const problem = makeProblem('date-invalid', { column: 'date_of_birth', value: '31/02/2019' });
    expect(renderMessage(problem)).toBe('invalid date_of_birth: 31/02/2019');
    expect(renderMessage(problem, 'DOB')).toBe('invalid DOB: 31/02/2019');
    expect(problem.severity).toBe('error');
  });

  it('fills the fix from the same parts', () => {
    expect(renderFix(makeProblem('column-missing', { column: 'start_date', value: 'start_date' }))).toBe('Add the column start_date (or map your column to it in the mapping profile).');
  });
});
