// The playground's Block Kit renderer on real tfauth replies: every block and element tfauth
// sends shows up, mrkdwn is Slack's (entities, links, mentions, code), and user text cannot
// become markup.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis';
import { diagnosisReply } from '../../src/slack/features/diagnose/reply';
import {
  fixedScreen,
  sourceQuestion,
  stepScreen,
} from '../../src/slack/features/walkthrough/screens';
import { helpReply } from '../../src/slack/features/help/screens';
import { secretWarning } from '../../src/slack/features/secrets/warning';
import { FlowCodec } from '../../src/slack/features/walkthrough/state';
import { guideSteps } from '../../src/diagnosis';
import { pasteModal } from '../../src/slack/features/diagnose/paste-box';
import * as BK from '../../playground/render/blockkit';

const codec = new FlowCodec('k'.repeat(32));
const DEV = readFileSync(join(__dirname, '..', '..', 'data', 'corpus', 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; label: string; text: string });
const paste = (label: string): string => {
  const found = DEV.find((e) => e.label === label && diagnose(e.text).classId === label);
  if (!found) throw new Error(`no dev example for ${label}`);
  return found.text;
};

/** Text content of rendered HTML, roughly as a browser would show it. */
const visible = (html: string): string =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('a real diagnosis reply', () => {
  const d = diagnose(paste('aws.no_credentials'));
  const reply = diagnosisReply(d, codec);
  const html = BK.message(reply);

  it('renders every block it has, in order, with nothing unsupported', () => {
    expect(html).not.toContain('bk-unsupported');
    const kinds = [...html.matchAll(/class="bk-block bk-([a-z-]+)/g)].map((m) => m[1]);
    const expected = reply.blocks.map((b) => b.type);
    expect(kinds).toEqual(expected);
  });

  it('shows the header with its emoji, the fields and the code blocks', () => {
    expect(html).toMatch(/<div class="bk-block bk-header">🔐 /);
    expect(html).toContain(d.title);
    expect(html).toContain('class="bk-fields"');
    const first = d.steps[0];
    expect(first).toBeDefined();
    for (const command of first?.commands ?? []) expect(visible(html)).toContain(command);
    expect(html).toContain('<pre class="bk-pre">');
  });

  it('shows the buttons with their styles and ids, for the playground to send real clicks', () => {
    expect(html).toContain(
      'class="bk-button bk-primary" type="button" data-action-id="tfauth_walk" data-block-id="tfauth_actions"',
    );
    expect(html).toMatch(/data-action-id="tfauth_fixed"[^>]*>It worked</);
    expect(html).toMatch(/data-action-id="tfauth_not_auth"[^>]*>Not an auth error</);
  });

  it('renders the docs line as links with their labels', () => {
    for (const doc of d.docs)
      expect(html).toContain(
        `href="${BK.html(doc.url)}" target="_blank" rel="noopener noreferrer">`,
      );
    expect(html).toContain('📚');
  });
});

describe('the walk-through', () => {
  const d = diagnose(paste('aws.expired_token'));
  const start = { ...FlowCodec.start(d), t: 1 };
  it('asks for the source with one button per source', () => {
    const html = BK.message(sourceQuestion(start, codec));
    expect(html).toContain('🧭 <b>Walk-through: ');
    expect(html.match(/data-action-id="tfauth_source:/g)?.length).toBeGreaterThan(1);
  });
  it('shows a step with its commands and "That fixed it" as the primary button', () => {
    const state = { ...start, s: start.s ?? 'unknown', i: 0, d: [] };
    const steps = guideSteps(state.c, state.s, FlowCodec.guide(state));
    const html = BK.message(stepScreen(state, steps, codec));
    expect(html).toContain(`<b>Step 1 of ${steps.length} — `);
    expect(html).toMatch(/class="bk-button bk-primary"[^>]*data-action-id="tfauth_step_fixed"/);
    expect(html).toContain(`<code class="bk-code">${state.c}</code>`);
  });
  it('renders the closing line with the user mention by name', () => {
    const html = BK.message(fixedScreen(start, undefined, 'U0USER'), {
      names: { users: { U0USER: 'alice' } },
    });
    expect(visible(html)).toContain('✅ @alice fixed it.');
  });
});

describe('the secret warning', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const d = diagnose(`${paste('aws.invalid_access_key')}\nAWS_SECRET_ACCESS_KEY=${SECRET}`);
  const warning = secretWarning(d.secrets, 'Your message in this channel');
  const html = BK.message(warning);
  it('says to rotate, and never shows the value', () => {
    expect(html).toContain('🚨 <b>Your message in this channel contains a secret.</b>');
    expect(html).not.toContain(SECRET);
  });
});

describe('help and the paste box', () => {
  it('renders help with bullets, inline code and bold', () => {
    const html = BK.message(helpReply('nope'));
    expect(html).toContain('🤔 I don');
    expect(html).toContain('<code class="bk-code">nope</code>');
    expect(html).toContain('<b>Diagnose with tfauth</b>');
  });
  it('renders the modal: title, a multiline input with its ids, Cancel and Diagnose', () => {
    const html = BK.modal(pasteModal('https://hooks.slack.com/x', 'C0CHAN'));
    expect(html).toContain('<div class="bk-modal-title">tfauth</div>');
    expect(html).toMatch(
      /<textarea class="bk-input" data-action-id="paste" data-block-id="tfauth_paste"/,
    );
    expect(html).toContain('>Cancel</button>');
    expect(html).toContain('>Diagnose</button>');
  });
});

describe('mrkdwn', () => {
  it('decodes Slack entities once and escapes HTML', () => {
    expect(BK.mrkdwn('a &amp;lt; b &lt;script&gt; &amp; c')).toBe(
      'a &amp;lt; b &lt;script&gt; &amp; c',
    );
    expect(visible(BK.mrkdwn('a &amp;lt; b &lt;script&gt;'))).toBe('a &lt; b <script>');
  });
  it('renders links, mentions, user groups and specials', () => {
    const html = BK.mrkdwn(
      '<https://example.com/a?b=1&amp;c=2|the docs> <@U0USER> <!subteam^S0PLAT|@platform> <!here> <#C0CHAN>',
      { names: { users: { U0USER: 'alice' }, channels: { C0CHAN: 'infra-help' } } },
    );
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(html).toContain('>the docs</a>');
    expect(html).toContain('@alice');
    expect(html).toContain('class="bk-mention bk-group">@platform');
    expect(html).toContain('@here');
    expect(html).toContain('#infra-help');
  });
  it('does not link anything but http(s) and mailto', () => {
    expect(BK.mrkdwn('<javascript:alert(1)|click>')).toBe('click');
  });
  it('formats bold, italic, strike and code, but not inside words or code', () => {
    expect(BK.mrkdwn('*bold* _it_ ~no~ `a*b*c` snake_case_name')).toBe(
      '<b>bold</b> <i>it</i> <s>no</s> <code class="bk-code">a*b*c</code> snake_case_name',
    );
    expect(BK.mrkdwn('```\nx = "*y*"\n```')).toBe(
      '<pre class="bk-pre">x = &quot;*y*&quot;\n</pre>',
    );
  });
  it('keeps unknown emoji as typed', () => {
    expect(BK.mrkdwn(':white_check_mark: :no_such_emoji:')).toBe('✅ :no_such_emoji:');
  });
});

describe('blocks tfauth does not send today', () => {
  it('renders rich_text, markdown, table and section accessories', () => {
    const html = BK.message({
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'see ' },
                { type: 'text', text: 'this', style: { bold: true } },
              ],
            },
            {
              type: 'rich_text_preformatted',
              elements: [{ type: 'text', text: 'terraform plan' }],
            },
          ],
        },
        { type: 'markdown', text: '**Bold** and [a link](https://example.com)' },
        {
          type: 'table',
          rows: [
            [
              { type: 'raw_text', text: 'class' },
              { type: 'raw_text', text: 'count' },
            ],
            [
              { type: 'raw_text', text: 'aws.sso_token' },
              { type: 'raw_text', text: '3' },
            ],
          ],
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'hi' },
          accessory: {
            type: 'button',
            text: { type: 'plain_text', text: 'Go' },
            action_id: 'go',
            style: 'danger',
          },
        },
      ],
    });
    expect(html).toContain('see <b>this</b>');
    expect(html).toContain('<pre class="bk-pre">terraform plan</pre>');
    expect(html).toContain('<b>Bold</b> and <a class="bk-link" href="https://example.com"');
    expect(html).toContain('<th>class</th><th>count</th></tr><tr><td>aws.sso_token</td><td>3</td>');
    expect(html).toMatch(/<div class="bk-accessory"><button class="bk-button bk-danger"[^>]*>Go</);
  });
  it('falls back to the text when a message has no blocks', () => {
    expect(BK.message({ text: '*hi* &lt;3' })).toContain('<b>hi</b> &lt;3');
  });
});
