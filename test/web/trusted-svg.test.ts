import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runChartSvg } from '../../src/charts/run-chart.js';
import { trustedSvg } from '../../src/web/views/trusted-svg.js';
import { d } from '../builders.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('our own markup in pages', () => {
  it('enters a page through one function only', () => {
    const users = filesUnder('src/web').filter((file) => readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(users).toEqual(['src/web/views/trusted-svg.tsx']);
  });

  it('is only ever SVG', () => {
    expect(() => trustedSvg('<script>alert(1)</script>')).toThrow('trustedSvg takes only SVG made by our chart code');
  });

  it('links each dot to its child with the reference escaped, and reads back as the same text', () => {
    const childId = 'A&1 <"x">';
    const links = { label: 'Run chart & more', hrefOf: (id: string) => `/a/NORTH/children/${encodeURIComponent(id)}` };
    const linked = runChartSvg({ points: [{ position: 1, childId, end: d('2020-06-01'), weeks: 21.7 }], phases: [], highlighted: new Set(), aimWeeks: 26, aimLabel: 'Aim: 26 weeks', programmeStart: null, links });
    const { document } = parseHTML(`<!doctype html><html><body>${linked}</body></html>`);
    const link = document.querySelector('svg a');
    expect(link?.getAttribute('href')).toBe('/a/NORTH/children/A%261%20%3C%22x%22%3E');
    // Named by its title, as a browser names an SVG link.
    expect(link?.querySelector('title')?.textContent).toBe('A&1 <"x">: 21.7 weeks, ended 2020-06-01');
    expect(link?.getAttribute('aria-label')).toBeNull();
    expect(document.querySelector('svg')?.getAttribute('role')).toBe('group');
    expect(document.querySelector('svg')?.getAttribute('aria-label')).toBe('Run chart & more');
    expect(linked).not.toContain('<"x">');
    // The axes and lines are hidden from assistive technology; the dots keep their links.
    expect(document.querySelectorAll('svg g[aria-hidden="true"]').length).toBeGreaterThan(2);
    expect(document.querySelector('svg a')?.closest('g')?.getAttribute('aria-hidden')).toBeNull();
  });

  it('draws a chart for a download or a report as one picture, with no links', () => {
    const svg = runChartSvg({ points: [{ position: 1, childId: 'A1', end: d('2020-06-01'), weeks: 21.7 }], phases: [], highlighted: new Set(), aimWeeks: 26, aimLabel: 'Aim: 26 weeks', programmeStart: null });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    expect([document.querySelector('svg')?.getAttribute('role'), document.querySelectorAll('svg a').length]).toEqual(['img', 0]);
  });
});
