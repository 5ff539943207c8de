// Debian's Chromium driven by playwright-core, against the real server listening on a free port
// over a real database. Without /usr/bin/chromium the browser suites are skipped with a notice,
// unless every suite must run (PACE_REQUIRE_ALL_SUITES=1, as in CI), when that is a failure.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { engines } from '../engines.js';
import { openWeb, password, type WebFixture } from '../web/harness.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium) {
  if (process.env.PACE_REQUIRE_ALL_SUITES === '1') throw new Error(`Chromium is not at ${chromiumPath}, but every suite must run (PACE_REQUIRE_ALL_SUITES=1). Install it: apt-get install -y chromium`);
  console.warn(`NOTICE: Chromium is not at ${chromiumPath}: the browser suite is skipped. Install it with: apt-get install -y chromium`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target[0])) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A new browser context signed in through the sign-in form as `username` (the web harness's password), on `landing`. */
export async function signedIn(
  browser: Browser,
  base: string,
  username: string,
  options: { javaScriptEnabled?: boolean; bypassCSP?: boolean; landing?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { landing = '/a/NORTH', viewport = { width: 1440, height: 900 }, ...contextOptions } = options;
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}${landing}`);
  return { context, page };
}

/** What a browser suite works with: the app over a real database, listening on a free port, and Chromium. */
export interface BrowserSuite {
  readonly web: WebFixture;
  readonly browser: Browser;
  /** The app's address, e.g. http://127.0.0.1:41234. */
  readonly base: string;
}

/**
 * Sets up a browser suite before its tests and takes it down after them: a fresh database (the
 * first engine) filled by `seed`, the app listening on a free port, and Chromium. Call it in the
 * suite's `describe`; its fields can be read once the tests run.
 */
export function browserSuite(seed: (web: WebFixture) => Promise<void>): BrowserSuite {
  let opened: { web: WebFixture; browser: Browser; base: string } | null = null;
  let web: WebFixture | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // A browser suite signs in once a test or more, faster than ten a minute on a quiet machine: the
    // sign-in limit (tested in test/web/auth.test.ts) is raised so that it is not what a suite meets.
    web = await openWeb(engines[0] as (typeof engines)[number], { signInLimit: { max: 100, timeWindow: 60_000 } });
    await seed(web);
    const base = await web.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    mkdirSync('docs/screenshots', { recursive: true });
    opened = { web, browser, base };
  });
  afterAll(async () => {
    await browser?.close();
    await web?.dispose();
  });
  const ready = () => {
    if (opened === null) throw new Error('the browser suite is not set up: read its fields inside a test');
    return opened;
  };
  return {
    get web() {
      return ready().web;
    },
    get browser() {
      return ready().browser;
    },
    get base() {
      return ready().base;
    },
  };
}

/** A chart's drawing as a page shows it: its width as drawn, and the sizes its 13 px words and its smallest words show at. */
export interface DrawingShown {
  readonly drawn: number;
  readonly textPx: number;
  readonly smallestPx: number;
}

/** Each chart drawing shown inside what `within` selects, in order (of a chart drawn for both widths, the one the window shows). */
export function drawingsShown(page: Page, within: string): Promise<DrawingShown[]> {
  return page.locator(within).evaluateAll((scopes) =>
    scopes.flatMap((scope) =>
      Array.from(scope.querySelectorAll('.pace-chart svg'))
        .filter((svg) => svg.getClientRects().length > 0)
        .map((svg) => {
          const drawn = (svg as SVGSVGElement).viewBox.baseVal.width;
          const scale = svg.getBoundingClientRect().width / drawn;
          const smallest = Math.min(...Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize)));
          return { drawn, textPx: Math.round(13 * scale), smallestPx: Math.round(smallest * scale * 10) / 10 };
        }),
    ),
  );
}
