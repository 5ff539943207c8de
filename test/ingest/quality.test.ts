import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { qualityCsv } from '../../src/charts/csv.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { addTestAuthority, childrenHeader, eventsHeader, placementsHeader, writeFiles } from './fixtures.js';

describe.each(engines)('pace quality on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url };
    await addTestAuthority(opened.connection);
    const dir = writeFiles({
      'children.csv': [childrenHeader, 'C1,Amy,,2016-02-29,F,,,', 'C2,"=cmd|\' /C calc\'!A0",,2015-01-01,M,,,'],
      'placements.csv': [placementsHeader, 'C1,P1,2020-01-10,,foster,CSO,F-1'],
      'events.csv': [eventsHeader, 'C1,E1,planning_meeting_72h,2020-01-12,,', 'C1,E2,adm_decision,2020-09-01,adoption,', 'C1,E3,lac_review,2020-02-21,,'],
    });
    expect((await pace(['import', dir, '--authority', 'NORTH'], env)).code).toBe(0);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it('names each child with what to fix, and measures completeness per journey kind', async () => {
    const run = await pace(['quality', '--authority', 'NORTH', '--as-at', '2022-06-30', '--json'], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { children: number; completeness: { kind: string; milestones: { milestone: string; due: number; recorded: number }[] }[]; problems: { child_id: string; code: string; message: string; fix: string }[] };
    expect(report.children).toBe(2);
    expect(report.completeness.find((c) => c.kind === 'accommodation')?.milestones.map((m) => [m.milestone, m.recorded, m.due])).toEqual([
      ['planning_meeting_72h', 1, 1],
      ['early_review', 0, 1],
      ['lac_review', 1, 1],
      ['permanence_recommendation', 0, 1],
    ]);
    expect(report.problems.map((p) => [p.child_id, p.code, p.message])).toEqual([
      ['C1', 'journey-without-events', 'the accommodation journey open since 2020-01-10 has had no event for over a year'],
      ['C1', 'journey-without-events', 'the adm journey open since 2020-09-01 has had no event for over a year'],
      ['C1', 'adm-before-recommendation', 'agency decision maker decision on 2020-09-01 has no permanence recommendation on or before it'],
      ['C2', 'child-without-placement', 'child has no placement'],
    ]);
  });

  it('prints lines for people and writes every line to CSV', async () => {
    const csv = join(writeFiles({}), 'quality.csv');
    const run = await pace(['quality', '--authority', 'NORTH', '--as-at', '2022-06-30', '--csv', csv], env);
    expect(run.out).toContain('  C2 (child C2): child has no placement [Child with no placement]\n    fix: Record the placements: without them pace cannot tell when the child was looked after.\n');
    expect(run.out).toContain('  accommodation   planning_meeting_72h            1 of 1      100%\n');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe('severity,rule,code,child_id,record,column,value,message,fix');
    expect(lines).toHaveLength(6);
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    const line = { severity: 'warning', code: 'text-formula', rule: 'Text looks like a formula', child_id: 'C2', record: 'child C2', column: 'first_name', value: "=cmd|' /C calc'!A0", message: 'm', fix: 'f' } as const;
    expect(qualityCsv([line]).split('\r\n')[1]).toBe("warning,Text looks like a formula,text-formula,C2,child C2,first_name,'=cmd|' /C calc'!A0,m,f");
  });
});
