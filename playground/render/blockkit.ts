// Block Kit → HTML, from the same JSON tfauth sends to Slack. Pure string functions with no
// imports: the playground serves this compiled file to the browser as it is (wrapped), and the
// jest tests run it on real tfauth replies.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** HTML-escape (text and attribute values). */
export function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack escapes only these three in message text. */
export function slackDecode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The shortcodes tfauth and its playground use, plus a few common ones. */
export const EMOJI: Record<string, string> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  warning: '⚠️',
  mag: '🔍',
  hourglass: '⌛',
  zzz: '💤',
  x: '❌',
  unlock: '🔓',
  lock: '🔒',
  key: '🔑',
  thinking_face: '🤔',
  sos: '🆘',
  see_no_evil: '🙈',
  rotating_light: '🚨',
  raising_hand: '🙋',
  no_entry: '⛔',
  bust_in_silhouette: '👤',
  brain: '🧠',
  books: '📚',
  compass: '🧭',
  tada: '🎉',
  wave: '👋',
  eyes: '👀',
  thumbsup: '👍',
  '+1': '👍',
  fire: '🔥',
  rocket: '🚀',
  bulb: '💡',
  information_source: 'ℹ️',
};

/** `:name:` → the emoji when known; unknown names stay as typed (as in Slack without that emoji). */
function emoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m);
}

/** Display names for ids the playground knows (`<@U…>` renders as `@name`). */
export interface Names {
  users?: Record<string, string>;
  channels?: Record<string, string>;
  groups?: Record<string, string>;
}

export interface RenderOptions {
  names?: Names;
}

// Placeholders keep already-rendered pieces (code, links) away from the bold/italic pass.
const MARK = '\u0000';

/** Slack mrkdwn → HTML: ``` blocks, `code`, <links|and> <@mentions>, *bold* _italic_ ~strike~, > quotes, :emoji:. */
export function mrkdwn(text: string, opts: RenderOptions = {}): string {
  const held: string[] = [];
  const hold = (rendered: string): string => `${MARK}${held.push(rendered) - 1}${MARK}`;
  let s = text.replace(/```([\s\S]*?)```/g, (_m, body: string) =>
    hold(`<pre class="bk-pre">${html(slackDecode(body.replace(/^\n/, '')))}</pre>`),
  );
  s = s.replace(/`([^`\n]+)`/g, (_m, body: string) =>
    hold(`<code class="bk-code">${html(slackDecode(body))}</code>`),
  );
  s = s.replace(/<([^<>\n]+)>/g, (_m, body: string) => hold(angle(body, opts)));
  s = html(slackDecode(s));
  s = quotes(s);
  s = styles(s);
  s = emoji(s).replace(/\n/g, '<br>');
  // Held pieces may hold others (a code span inside a link label is not a Slack thing; one pass).
  return s.replace(
    new RegExp(`${MARK}(\\d+)${MARK}`, 'g'),
    (_m, i: string) => held[Number(i)] ?? '',
  );
}

const OPEN = `(^|[\\s(\\[{"'“‘—-]|${MARK}\\d+${MARK}|<br>)`;
const CLOSE = `(?=$|[\\s)\\]}.,;:!?"'”’—-]|${MARK})`;

function styles(s: string): string {
  let out = s;
  for (const [ch, tag] of [
    ['*', 'b'],
    ['_', 'i'],
    ['~', 's'],
  ] as const) {
    const re = new RegExp(
      `${OPEN}\\${ch}([^\\s${ch}](?:[^${ch}\\n]*?[^\\s${ch}])?)\\${ch}${CLOSE}`,
      'g',
    );
    out = out.replace(re, (_m, pre: string, body: string) => `${pre}<${tag}>${body}</${tag}>`);
  }
  return out;
}

/** Lines starting with `>` (already HTML-escaped to `&gt;`) become a quote. */
function quotes(s: string): string {
  return s
    .split('\n')
    .map((line) =>
      line.startsWith('&gt; ') || line === '&gt;'
        ? `<span class="bk-quote">${line.replace(/^&gt; ?/, '')}</span>`
        : line,
    )
    .join('\n');
}

/** `<…>` markup: links, user/channel/group mentions, special mentions. */
function angle(body: string, opts: RenderOptions): string {
  const [target = '', label] = splitOnce(body, '|');
  const names = opts.names ?? {};
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="bk-mention" data-user="${html(id)}">@${html(label ?? names.users?.[id] ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="bk-mention bk-channel">#${html(label ?? names.channels?.[id] ?? id)}</span>`;
  }
  if (target.startsWith('!subteam^')) {
    const id = target.slice('!subteam^'.length);
    const shown = label ? label.replace(/^@/, '') : (names.groups?.[id] ?? id);
    return `<span class="bk-mention bk-group">@${html(shown)}</span>`;
  }
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0] ?? '';
    return `<span class="bk-mention bk-special">@${html(label ?? word)}</span>`;
  }
  const url = slackDecode(target);
  const shown = label === undefined ? url : slackDecode(label);
  if (!/^(https?:|mailto:)/i.test(url)) return html(shown);
  return `<a class="bk-link" href="${html(url)}" target="_blank" rel="noopener noreferrer">${html(shown)}</a>`;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** A text object: plain_text (emoji shortcodes only) or mrkdwn. */
export function textObject(t: unknown, opts: RenderOptions = {}): string {
  if (!isObj(t)) return '';
  const text = str(t.text);
  if (t.type === 'mrkdwn')
    return t.verbatim === true ? html(slackDecode(text)) : mrkdwn(text, opts);
  const plain = html(text).replace(/\n/g, '<br>');
  return t.emoji === false ? plain : emoji(plain);
}

/** Interactive elements. Buttons carry their ids for the playground to send a block_actions. */
export function element(el: unknown, blockId: string, opts: RenderOptions = {}): string {
  if (!isObj(el)) return '';
  if (el.type === 'button') {
    const style = el.style === 'primary' || el.style === 'danger' ? ` bk-${el.style}` : '';
    const attrs = [
      `class="bk-button${style}"`,
      `type="button"`,
      `data-action-id="${html(str(el.action_id))}"`,
      `data-block-id="${html(blockId)}"`,
    ];
    if (typeof el.url === 'string') attrs.push(`data-url="${html(el.url)}"`);
    return `<button ${attrs.join(' ')}>${textObject(el.text, opts)}</button>`;
  }
  if (el.type === 'image')
    return `<img class="bk-image-el" src="${html(str(el.image_url))}" alt="${html(str(el.alt_text))}">`;
  if (el.type === 'plain_text_input') {
    const ph = isObj(el.placeholder) ? str(el.placeholder.text) : '';
    const attrs = `class="bk-input" data-action-id="${html(str(el.action_id))}" data-block-id="${html(blockId)}" placeholder="${html(ph)}"`;
    return el.multiline === true
      ? `<textarea ${attrs} rows="8"></textarea>`
      : `<input ${attrs} type="text">`;
  }
  // Selects, overflow menus, date pickers…: tfauth sends none; show their kind rather than nothing.
  return `<span class="bk-unsupported">[${html(str(el.type))}]</span>`;
}

function section(b: Obj, id: string, opts: RenderOptions): string {
  const parts: string[] = [];
  if (b.text !== undefined) parts.push(`<div class="bk-text">${textObject(b.text, opts)}</div>`);
  if (Array.isArray(b.fields))
    parts.push(
      `<div class="bk-fields">${b.fields.map((f) => `<div class="bk-field">${textObject(f, opts)}</div>`).join('')}</div>`,
    );
  const main = `<div class="bk-section-main">${parts.join('')}</div>`;
  const acc =
    b.accessory !== undefined
      ? `<div class="bk-accessory">${element(b.accessory, id, opts)}</div>`
      : '';
  return `<div class="bk-block bk-section">${main}${acc}</div>`;
}

function contextBlock(b: Obj, opts: RenderOptions): string {
  const els = Array.isArray(b.elements) ? b.elements : [];
  const inner = els
    .map((e) =>
      isObj(e) && e.type === 'image'
        ? `<img class="bk-context-img" src="${html(str(e.image_url))}" alt="${html(str(e.alt_text))}">`
        : `<span class="bk-context-el">${textObject(e, opts)}</span>`,
    )
    .join('');
  return `<div class="bk-block bk-context">${inner}</div>`;
}

function actions(b: Obj, id: string, opts: RenderOptions): string {
  const els = Array.isArray(b.elements) ? b.elements : [];
  return `<div class="bk-block bk-actions">${els.map((e) => element(e, id, opts)).join('')}</div>`;
}

// ---------------------------------------------------------------------------
// rich_text (what Slack clients attach to user messages), markdown and table blocks
// ---------------------------------------------------------------------------

function richInline(el: unknown, opts: RenderOptions): string {
  if (!isObj(el)) return '';
  const names = opts.names ?? {};
  let out: string;
  switch (el.type) {
    case 'text':
      out = html(str(el.text)).replace(/\n/g, '<br>');
      break;
    case 'link':
      out = `<a class="bk-link" href="${html(str(el.url))}" target="_blank" rel="noopener noreferrer">${html(str(el.text) || str(el.url))}</a>`;
      break;
    case 'user':
      out = `<span class="bk-mention">@${html(names.users?.[str(el.user_id)] ?? str(el.user_id))}</span>`;
      break;
    case 'usergroup':
      out = `<span class="bk-mention bk-group">@${html(names.groups?.[str(el.usergroup_id)] ?? str(el.usergroup_id))}</span>`;
      break;
    case 'channel':
      out = `<span class="bk-mention bk-channel">#${html(names.channels?.[str(el.channel_id)] ?? str(el.channel_id))}</span>`;
      break;
    case 'broadcast':
      out = `<span class="bk-mention bk-special">@${html(str(el.range))}</span>`;
      break;
    case 'emoji':
      out = EMOJI[str(el.name)] ?? `:${html(str(el.name))}:`;
      break;
    default:
      out = '';
  }
  const style = isObj(el.style) ? el.style : {};
  if (style.code === true) out = `<code class="bk-code">${out}</code>`;
  if (style.bold === true) out = `<b>${out}</b>`;
  if (style.italic === true) out = `<i>${out}</i>`;
  if (style.strike === true) out = `<s>${out}</s>`;
  return out;
}

function richElement(el: unknown, opts: RenderOptions): string {
  if (!isObj(el)) return '';
  const inner = (Array.isArray(el.elements) ? el.elements : [])
    .map((e) =>
      isObj(e) && e.type === 'rich_text_section' ? richElement(e, opts) : richInline(e, opts),
    )
    .join('');
  switch (el.type) {
    case 'rich_text_preformatted':
      return `<pre class="bk-pre">${inner}</pre>`;
    case 'rich_text_quote':
      return `<span class="bk-quote">${inner}</span>`;
    case 'rich_text_list': {
      const tag = el.style === 'ordered' ? 'ol' : 'ul';
      const items = (Array.isArray(el.elements) ? el.elements : [])
        .map((e) => `<li>${richElement(e, opts)}</li>`)
        .join('');
      return `<${tag} class="bk-list">${items}</${tag}>`;
    }
    default:
      return `<span class="bk-rich-section">${inner}</span>`;
  }
}

function tableBlock(b: Obj, opts: RenderOptions): string {
  const rows = Array.isArray(b.rows) ? b.rows : [];
  const cell = (c: unknown): string => {
    if (!isObj(c)) return '';
    if (c.type === 'raw_text') return html(str(c.text));
    if (c.type === 'rich_text') return richText(c, opts);
    return textObject(c, opts);
  };
  const body = rows
    .map((r, i) => {
      const tag = i === 0 ? 'th' : 'td';
      const cells = Array.isArray(r) ? r : [];
      return `<tr>${cells.map((c) => `<${tag}>${cell(c)}</${tag}>`).join('')}</tr>`;
    })
    .join('');
  return `<div class="bk-block bk-table-wrap"><table class="bk-table">${body}</table></div>`;
}

function richText(b: Obj, opts: RenderOptions): string {
  const els = Array.isArray(b.elements) ? b.elements : [];
  return els.map((e) => richElement(e, opts)).join('');
}

/** The `markdown` block takes standard Markdown; close enough to mrkdwn for headings-free text. */
function markdownBlock(b: Obj, opts: RenderOptions): string {
  const text = str(b.text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/\[([^\]\n]+)\]\((https?:[^)\s]+)\)/g, '<$2|$1>');
  return `<div class="bk-block bk-markdown">${mrkdwn(text, opts)}</div>`;
}

/** One block. Unknown types are shown by name so nothing silently disappears. */
export function block(b: unknown, index: number, opts: RenderOptions = {}): string {
  if (!isObj(b)) return '';
  const id = typeof b.block_id === 'string' ? b.block_id : `b${index}`;
  switch (b.type) {
    case 'header':
      return `<div class="bk-block bk-header">${textObject(b.text, opts)}</div>`;
    case 'section':
      return section(b, id, opts);
    case 'context':
      return contextBlock(b, opts);
    case 'divider':
      return '<hr class="bk-block bk-divider">';
    case 'actions':
      return actions(b, id, opts);
    case 'rich_text':
      return `<div class="bk-block bk-rich-text">${richText(b, opts)}</div>`;
    case 'markdown':
      return markdownBlock(b, opts);
    case 'table':
      return tableBlock(b, opts);
    case 'image':
      return `<div class="bk-block bk-image"><img src="${html(str(b.image_url))}" alt="${html(str(b.alt_text))}"></div>`;
    case 'input': {
      const label = isObj(b.label) ? textObject(b.label, opts) : '';
      const hint = isObj(b.hint) ? `<div class="bk-hint">${textObject(b.hint, opts)}</div>` : '';
      return `<div class="bk-block bk-input-block"><label class="bk-label">${label}</label>${element(b.element, id, opts)}<div class="bk-error" data-error-for="${html(id)}"></div>${hint}</div>`;
    }
    default:
      return `<div class="bk-block bk-unsupported">[${html(str(b.type))} block]</div>`;
  }
}

/** A message: its blocks, or (as Slack does) its `text` as mrkdwn when it has none. */
export function message(
  msg: { text?: unknown; blocks?: unknown },
  opts: RenderOptions = {},
): string {
  const blocks = Array.isArray(msg.blocks) ? msg.blocks : [];
  if (blocks.length === 0)
    return `<div class="bk-blocks"><div class="bk-block bk-section"><div class="bk-text">${mrkdwn(str(msg.text), opts)}</div></div></div>`;
  return `<div class="bk-blocks">${blocks.map((b, i) => block(b, i, opts)).join('')}</div>`;
}

/** A modal's title, blocks and buttons. */
export function modal(view: unknown, opts: RenderOptions = {}): string {
  if (!isObj(view)) return '';
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  const button = (t: unknown, cls: string) =>
    isObj(t) ? `<button type="button" class="${cls}">${textObject(t, opts)}</button>` : '';
  return [
    `<div class="bk-modal-title">${textObject(view.title, opts)}</div>`,
    `<div class="bk-modal-body bk-blocks">${blocks.map((b, i) => block(b, i, opts)).join('')}</div>`,
    `<div class="bk-modal-footer">${button(view.close, 'bk-button bk-modal-close')}${button(view.submit, 'bk-button bk-primary bk-modal-submit')}</div>`,
  ].join('');
}
