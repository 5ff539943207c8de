import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
const base = 'http://127.0.0.1:3333';
for (const width of [390, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill('#username', 'lead');
  await page.fill('#password', 'secret-password-123');
  await page.click('button[type=submit]');
  await page.waitForLoadState('networkidle');
  for (const [name, path] of [['dashboard', '/a/DEMO01']]) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true }); await page.screenshot({ path: `/tmp/shots/${name}-${width}-a.png`, fullPage: false }); await page.evaluate(() => window.scrollBy(0, 850)); await page.screenshot({ path: `/tmp/shots/${name}-${width}-b.png`, fullPage: false });
  }
  await context.close();
}
await browser.close();
