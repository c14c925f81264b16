// `npm run screenshots`: the README's pictures, taken from the running playground in headless
// Chromium — a real reply to a paste from the dev set, and a walk-through step.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { findChromium, launchChromium } from './chromium';
import { repoRoot, startPlayground } from './playground';

/** dev set: "No valid credential sources found" — the most common failure people paste. */
const EXAMPLE_LABEL = 'aws.no_credentials';

async function main(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      'Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  const out = join(repoRoot(), 'docs', 'images');
  mkdirSync(out, { recursive: true });
  const pg = await startPlayground();
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 1100, deviceScaleFactor: 1 });
    await page.goto(pg.url, { waitUntil: 'domcontentloaded' });
    await pickExample(page, EXAMPLE_LABEL);
    await page.click('#send');
    await page.waitForSelector('#thread .msg[data-kind="bot"] .bk-header', { timeout: 15_000 });
    await settle(page);
    // The reply from its header down (the pane scrolls to its end as messages arrive).
    await page.evaluate(
      `document.querySelector('#thread .msg[data-kind="bot"]').scrollIntoView({ block: 'start' })`,
    );
    await page.screenshot({ path: join(out, 'playground-reply.png') });

    await clickButton(page, 'tfauth_walk');
    await page.waitForSelector('#thread [data-action-id^="tfauth_source:"]', { timeout: 10_000 });
    await page.click(
      '#thread .bk-button.bk-primary[data-action-id^="tfauth_source:"], #thread [data-action-id^="tfauth_source:"]',
    );
    await page.waitForFunction(
      `document.querySelector('#thread').textContent.includes('Step 1 of')`,
      {
        timeout: 10_000,
      },
    );
    await settle(page);
    // The walk-through is the thread's last message: scrolled into view.
    await page.evaluate(
      `(l => { l.scrollTop = l.scrollHeight; })(document.querySelector('#thread-messages'))`,
    );
    await page.screenshot({ path: join(out, 'playground-walkthrough.png') });
    console.log(
      `wrote ${join(out, 'playground-reply.png')} and ${join(out, 'playground-walkthrough.png')}`,
    );
  } finally {
    await browser.close();
    await pg.stop();
  }
}

async function pickExample(page: Page, label: string): Promise<void> {
  await page.waitForSelector(`#examples optgroup[label="${label}"] option`);
  const value = await page.$eval(
    `#examples optgroup[label="${label}"] option`,
    (o) => (o as unknown as { value: string }).value,
  );
  await page.select('#examples', value);
}

async function clickButton(page: Page, actionId: string): Promise<void> {
  await page.click(`#thread .bk-button[data-action-id="${actionId}"]`);
}

/** Lets the last update render (the page re-renders on each Server-Sent Event). */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(5, 5); // no hover menu in the picture
  await new Promise((r) => setTimeout(r, 400));
  await page.evaluate('document.fonts.ready.then(() => true)');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
