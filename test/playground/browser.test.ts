// The playground in a real browser (headless Chromium): what a newcomer does on the page
// reaches the real tfauth app as signed Slack requests, and its answers show up where Slack
// would show them. Skipped, with a message saying why, where Chromium is not installed.

import { diagnose } from '../../src/diagnosis';
import type { Browser, Page } from 'puppeteer-core';
import { findChromium, launchChromium } from '../../playground/chromium';
import { CHAT_EXAMPLE, EXAMPLE_KEYS, loadExamples, type Example } from '../../playground/examples';
import { repoRoot, startPlayground, type Playground } from '../../playground/playground';
import { describeIf } from '../support/skip';

const chromium = findChromium();
const maybe = describeIf(
  chromium !== undefined,
  'Chromium not found. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
);

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

/** The little of the DOM these page functions touch (the project compiles without the DOM lib). */
interface El {
  textContent: string | null;
  innerHTML: string;
  value?: string;
  dataset: Record<string, string | undefined>;
  querySelector(s: string): El | null;
  querySelectorAll(s: string): ArrayLike<El>;
}
declare const document: El & { body: El };

maybe('the playground in headless Chromium', () => {
  let pg: Playground;
  let browser: Browser;
  let page: Page;
  let examples: Example[];

  beforeAll(async () => {
    pg = await startPlayground();
    browser = await launchChromium(chromium as string);
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(pg.url, { waitUntil: 'domcontentloaded' });
    examples = loadExamples(repoRoot());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
  });

  const example = (label: string): Example => {
    const found = examples.find((e) => e.label === label && e.set !== 'playground');
    if (!found) throw new Error(`no example for ${label}`);
    return found;
  };

  /** Types (sets) a message in a composer and presses Enter, as a person would. */
  async function send(text: string, box = '#composer-text'): Promise<void> {
    await page.$eval(box, (el, t) => void ((el as unknown as El).value = t), text);
    await page.focus(box);
    await page.keyboard.press('Enter');
  }

  function waitForText(selector: string, text: string, timeout = 10_000) {
    return page.waitForFunction(
      (s: string, t: string) =>
        Array.from(document.querySelectorAll(s)).some((e) => (e.textContent ?? '').includes(t)),
      { timeout },
      selector,
      text,
    );
  }

  /** The channel message whose text starts like `text` (how the page shows what you sent). */
  async function sentKey(firstLine: string): Promise<string> {
    await waitForText('#channel-messages .msg[data-kind="user"]', firstLine);
    return page.$$eval(
      '#channel-messages .msg[data-kind="user"]',
      (els, t) => {
        const found = Array.from(els as unknown as El[]).filter((e) =>
          (e.textContent ?? '').includes(t),
        );
        return found[found.length - 1]?.dataset.key ?? '';
      },
      firstLine,
    );
  }

  const bodyText = () => page.evaluate(() => document.body.textContent ?? '');

  it('answers an auth error in its thread', async () => {
    const ex = example('aws.no_credentials');
    await send(ex.text);
    const d = diagnose(ex.text);
    await waitForText('#thread .msg[data-kind="bot"] .bk-header', d.title);
    const key = await sentKey(
      ex.text
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '',
    );
    const ts = key.slice(2);
    // In the thread of the message sent, and the channel shows "1 reply" under it.
    expect(pg.slack.messages(pg.channel.channel).filter((m) => m.thread_ts === ts)).toHaveLength(1);
    await waitForText(`#channel-messages .msg[data-key="${key}"] .replies`, '1 reply');
    const buttons = await page.$$eval('#thread .msg[data-kind="bot"] .bk-button', (els) =>
      Array.from(els as unknown as El[]).map((e) => e.textContent),
    );
    expect(buttons).toEqual(['Walk me through it', 'It worked', 'Not an auth error']);
  });

  it('walks through the checklist to "That fixed it", updating the message in place', async () => {
    const ex = example('aws.expired_token');
    await send(ex.text);
    await waitForText('#thread .msg[data-kind="bot"] .bk-header', diagnose(ex.text).title);
    await page.click('#thread .bk-button[data-action-id="tfauth_walk"]');
    await page.waitForSelector('#thread .bk-button[data-action-id^="tfauth_source:"]');
    const walk = await page.$eval(
      '#thread .bk-button[data-action-id^="tfauth_source:"]',
      (e) => (e as unknown as El).dataset.actionId ?? '',
    );
    await page.click(`#thread .bk-button[data-action-id="${walk}"]`);
    await waitForText('#thread .msg[data-kind="bot"]', 'Step 1 of');
    await page.click('#thread .bk-button[data-action-id="tfauth_step_done"]');
    await waitForText('#thread .msg[data-kind="bot"]', 'Step 2 of');
    expect(await bodyText()).not.toContain('Step 1 of');
    await page.click('#thread .bk-button[data-action-id="tfauth_step_fixed"]');
    await waitForText('#thread .msg[data-kind="bot"]', '@alice fixed it with step');
    // One walk-through message, edited in place: no second one, no buttons left on it.
    const walkThrough = pg.slack
      .messages(pg.channel.channel)
      .filter((m) => m.text.startsWith('Fixed') || m.text.startsWith('Walk-through'));
    expect(walkThrough).toHaveLength(1);
    expect(walkThrough[0]?.edited).toBeDefined();
    expect(await bodyText()).not.toContain('Step 2 of');
  });

  it('stays quiet on a chat message', async () => {
    await send(CHAT_EXAMPLE.text);
    const key = await sentKey(CHAT_EXAMPLE.text);
    // A later paste gets its answer: the bot has seen the chat message before it, and said nothing.
    const ex = example('aws.sso_token');
    await send(ex.text);
    await waitForText('#thread .msg[data-kind="bot"] .bk-header', diagnose(ex.text).title);
    const ts = key.slice(2);
    expect(pg.slack.messages(pg.channel.channel).some((m) => m.thread_ts === ts)).toBe(false);
    expect(await page.$(`#channel-messages .msg[data-key="${key}"] .replies`)).toBeNull();
  });

  it('warns privately about a pasted secret, and the secret is nowhere on the page', async () => {
    const ex = example('aws.invalid_access_key');
    await send(`${ex.text}\n\n${EXAMPLE_KEYS}`);
    await waitForText('#channel-messages .msg-ephemeral', 'contains a secret');
    await waitForText('#channel-messages .msg-ephemeral .only-you', 'Only visible to you');
    await waitForText('#thread .msg[data-kind="bot"]', 'was told privately how to rotate it');
    const everything = await page.evaluate(() => {
      const values = Array.from(document.querySelectorAll('textarea, input')).map(
        (e) => e.value ?? '',
      );
      return [document.body.textContent ?? '', document.body.innerHTML, ...values].join('\n');
    });
    expect(everything).toContain('AWS secret access key');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(KEY_ID);
  });

  it('runs /tfauth help typed in the composer, answering only to you', async () => {
    await send('/tfauth help');
    await waitForText('#channel-messages .msg-ephemeral', 'tfauth explains Terraform credential');
  });

  it('opens the paste box with /tfauth, and its answer can be shared in the channel', async () => {
    await send('/tfauth');
    await page.waitForSelector('#modal:not([hidden]) textarea[data-action-id="paste"]');
    // Submitting an empty box: the modal stays, with the bot's error under the input.
    await page.click('#modal .bk-modal-submit');
    await waitForText('#modal [data-error-for="tfauth_paste"]', 'Paste the error output first.');
    const ex = example('gcp.invalid_grant');
    await page.$eval(
      '#modal textarea[data-action-id="paste"]',
      (el, t) => void ((el as unknown as El).value = t),
      ex.text,
    );
    await page.click('#modal .bk-modal-submit');
    await page.waitForSelector('#modal', { hidden: true });
    const title = diagnose(ex.text).title;
    await waitForText('#channel-messages .msg-ephemeral', title);
    const answer =
      '#channel-messages .msg-ephemeral:has(.bk-button[data-action-id="tfauth_share"])';
    const key = await page.$eval(answer, (e) => (e as unknown as El).dataset.key ?? '');
    await page.click(`${answer} .bk-button[data-action-id="tfauth_share"]`);
    // Shared: a public message with the answer (posted through the response_url), the private one gone.
    await waitForText('#channel-messages .msg[data-kind="bot"] .bk-header', title);
    await page.waitForSelector(`.msg[data-key="${key}"]`, { hidden: true });
    // Its buttons work where it was shared: "It worked" closes it in place.
    const shared = `#channel-messages .msg[data-kind="bot"]:has(.bk-button[data-action-id="tfauth_fixed"])`;
    const sharedKey = await page.$eval(shared, (e) => (e as unknown as El).dataset.key ?? '');
    await page.click(`${shared} .bk-button[data-action-id="tfauth_fixed"]`);
    await waitForText(`.msg[data-key="${sharedKey}"]`, '@alice says this fixed it');
    expect(await page.$(`.msg[data-key="${sharedKey}"] .bk-button`)).toBeNull();
    expect(
      pg.slack.responses.map((r) => (r.body as { response_type?: string }).response_type),
    ).toContain('in_channel');
  });

  it('diagnoses any message from its ⋯ menu (the message shortcut), privately, and walks through it there', async () => {
    const ex = example('azure.cli_login');
    const first =
      ex.text
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    await send(ex.text);
    const key = await sentKey(first);
    await waitForText(`#channel-messages .msg[data-key="${key}"] .replies`, '1 reply');
    await page.hover(`#channel-messages .msg[data-key="${key}"]`);
    await page.click(`#channel-messages .msg[data-key="${key}"] .msg-more`);
    await page.waitForSelector('#menu:not([hidden]) #menu-shortcut');
    await page.click('#menu-shortcut');
    const title = diagnose(ex.text).title;
    await page.waitForFunction(
      (t: string) =>
        Array.from(document.querySelectorAll('.msg-ephemeral')).some(
          (e) =>
            (e.textContent ?? '').includes(t) && (e.textContent ?? '').includes('Share in channel'),
        ),
      { timeout: 10_000 },
      title,
    );
    // Its walk-through runs in the private message itself (through the response_url).
    const answer = '.msg-ephemeral:has(.bk-button[data-action-id="tfauth_share"])';
    const privateKey = await page.$eval(answer, (e) => (e as unknown as El).dataset.key ?? '');
    await page.click(`${answer} .bk-button[data-action-id="tfauth_walk"]`);
    await waitForText(`.msg-ephemeral[data-key="${privateKey}"]`, 'Walk-through:');
    expect(
      await page.$(`.msg[data-key="${privateKey}"] [data-action-id="tfauth_share"]`),
    ).toBeNull();
  });
});
