// Block Kit validation with Slack's documented limits, so tests fail on what
// Slack would reject (Slack answers `invalid_blocks` for messages and
// `invalid_arguments` for views). Problems carry a JSON pointer and a message
// worded like Slack's `[ERROR] … [json-pointer:/blocks/0/text/text]` lines.

export type Surface = 'message' | 'modal' | 'home';

export interface BlockProblem {
  /** JSON pointer into the request, e.g. `/blocks/3/text/text`. */
  path: string;
  message: string;
}

export const BLOCK_LIMITS = {
  blocks: { message: 50, modal: 100, home: 100 },
  blockId: 255,
  actionId: 255,
  url: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  actionsElements: 25,
  imageAltText: 2000,
  inputLabel: 2000,
  inputHint: 2000,
  markdownText: 12000,
  placeholder: 150,
  options: 100,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  choiceOptions: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
} as const;

const KNOWN_BLOCK_TYPES = new Set([
  'section',
  'divider',
  'image',
  'actions',
  'context',
  'context_actions',
  'input',
  'file',
  'header',
  'video',
  'rich_text',
  'markdown',
  'table',
  'call',
]);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects problems; every check is a no-op when the value is absent. */
class Checker {
  readonly problems: BlockProblem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  maxLen(value: unknown, max: number, path: string): void {
    if (typeof value === 'string' && value.length > max) {
      this.add(path, `must be less than ${max + 1} characters`);
    }
  }

  maxItems(value: unknown, max: number, path: string): void {
    if (Array.isArray(value) && value.length > max)
      this.add(path, `no more than ${max} items allowed`);
  }

  required(value: unknown, path: string): boolean {
    if (value === undefined || value === null) {
      this.add(path, 'is required');
      return false;
    }
    return true;
  }

  /** A composition text object: `{ type: 'plain_text' | 'mrkdwn', text }`. */
  text(value: unknown, path: string, max: number, plainOnly = false): void {
    if (value === undefined) return;
    if (!isObj(value)) return this.add(path, 'must be a text object');
    const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(String(value.type))) {
      this.add(`${path}/type`, `must be one of ${allowed.join(', ')}`);
    }
    if (typeof value.text !== 'string') return this.add(`${path}/text`, 'must be a string');
    if (value.text.length === 0) this.add(`${path}/text`, 'must be more than 0 characters');
    this.maxLen(value.text, max, `${path}/text`);
  }
}

/** Validate a `blocks` array for a surface; returns [] when Slack would accept it. */
export function validateBlocks(
  blocks: unknown,
  surface: Surface,
  basePath = '/blocks',
): BlockProblem[] {
  const c = new Checker();
  checkBlocks(c, blocks, surface, basePath);
  return c.problems;
}

function checkBlocks(c: Checker, blocks: unknown, surface: Surface, basePath: string): void {
  if (!Array.isArray(blocks)) return c.add(basePath, 'must be an array');
  c.maxItems(blocks, BLOCK_LIMITS.blocks[surface], basePath);
  const seenBlockIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const path = `${basePath}/${i}`;
    if (!isObj(block)) return c.add(path, 'must be an object');
    checkBlockId(c, block, path, seenBlockIds);
    checkBlock(c, block, path);
  });
}

function checkBlockId(c: Checker, block: Obj, path: string, seen: Set<string>): void {
  if (block.block_id === undefined) return;
  if (typeof block.block_id !== 'string') return c.add(`${path}/block_id`, 'must be a string');
  c.maxLen(block.block_id, BLOCK_LIMITS.blockId, `${path}/block_id`);
  if (seen.has(block.block_id)) c.add(`${path}/block_id`, `duplicate block_id: ${block.block_id}`);
  seen.add(block.block_id);
}

const BLOCK_CHECKS: Record<string, (c: Checker, block: Obj, path: string) => void> = {
  section: checkSection,
  header: (c, b, p) => {
    if (c.required(b.text, `${p}/text`)) c.text(b.text, `${p}/text`, BLOCK_LIMITS.headerText, true);
  },
  actions: checkActions,
  context: (c, b, p) => {
    if (!Array.isArray(b.elements)) return c.add(`${p}/elements`, 'must be an array');
    c.maxItems(b.elements, BLOCK_LIMITS.contextElements, `${p}/elements`);
    b.elements.forEach((el: unknown, i) => checkContextElement(c, el, `${p}/elements/${i}`));
  },
  image: (c, b, p) => {
    if (b.image_url === undefined && b.slack_file === undefined)
      c.add(`${p}/image_url`, 'is required');
    c.maxLen(b.image_url, BLOCK_LIMITS.url, `${p}/image_url`);
    if (c.required(b.alt_text, `${p}/alt_text`))
      c.maxLen(b.alt_text, BLOCK_LIMITS.imageAltText, `${p}/alt_text`);
    c.text(b.title, `${p}/title`, BLOCK_LIMITS.imageAltText, true);
  },
  input: (c, b, p) => {
    if (c.required(b.label, `${p}/label`))
      c.text(b.label, `${p}/label`, BLOCK_LIMITS.inputLabel, true);
    c.text(b.hint, `${p}/hint`, BLOCK_LIMITS.inputHint, true);
    if (c.required(b.element, `${p}/element`)) checkElement(c, b.element, `${p}/element`);
  },
  markdown: (c, b, p) => {
    if (typeof b.text !== 'string') return c.add(`${p}/text`, 'must be a string');
    c.maxLen(b.text, BLOCK_LIMITS.markdownText, `${p}/text`);
  },
};

function checkBlock(c: Checker, block: Obj, path: string): void {
  const type = block.type;
  if (typeof type !== 'string') return c.add(`${path}/type`, 'is required');
  if (!KNOWN_BLOCK_TYPES.has(type)) return c.add(`${path}/type`, `unsupported type: ${type}`);
  BLOCK_CHECKS[type]?.(c, block, path);
}

function checkSection(c: Checker, b: Obj, p: string): void {
  if (b.text === undefined && b.fields === undefined) c.add(p, 'must provide text or fields');
  c.text(b.text, `${p}/text`, BLOCK_LIMITS.sectionText);
  if (b.fields !== undefined) {
    if (!Array.isArray(b.fields)) return c.add(`${p}/fields`, 'must be an array');
    c.maxItems(b.fields, BLOCK_LIMITS.sectionFields, `${p}/fields`);
    b.fields.forEach((f: unknown, i) => c.text(f, `${p}/fields/${i}`, BLOCK_LIMITS.sectionField));
  }
  if (b.accessory !== undefined) checkElement(c, b.accessory, `${p}/accessory`);
}

function checkActions(c: Checker, b: Obj, p: string): void {
  if (!Array.isArray(b.elements)) return c.add(`${p}/elements`, 'must be an array');
  c.maxItems(b.elements, BLOCK_LIMITS.actionsElements, `${p}/elements`);
  const seen = new Set<string>();
  b.elements.forEach((el: unknown, i) => {
    const path = `${p}/elements/${i}`;
    checkElement(c, el, path);
    const actionId = isObj(el) ? el.action_id : undefined;
    if (typeof actionId !== 'string') return;
    if (seen.has(actionId)) c.add(`${path}/action_id`, `duplicate action_id: ${actionId}`);
    seen.add(actionId);
  });
}

function checkContextElement(c: Checker, el: unknown, path: string): void {
  if (!isObj(el)) return c.add(path, 'must be an object');
  if (el.type === 'image') {
    c.maxLen(el.image_url, BLOCK_LIMITS.url, `${path}/image_url`);
    c.required(el.alt_text, `${path}/alt_text`);
    return;
  }
  c.text(el, path, BLOCK_LIMITS.sectionText);
}

// ---------------------------------------------------------------------------
// Interactive elements
// ---------------------------------------------------------------------------

const ELEMENT_CHECKS: Record<string, (c: Checker, el: Obj, path: string) => void> = {
  button: (c, el, p) => {
    if (c.required(el.text, `${p}/text`))
      c.text(el.text, `${p}/text`, BLOCK_LIMITS.buttonText, true);
    c.maxLen(el.value, BLOCK_LIMITS.buttonValue, `${p}/value`);
    c.maxLen(el.accessibility_label, BLOCK_LIMITS.buttonText, `${p}/accessibility_label`);
    if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
      c.add(`${p}/style`, 'must be one of primary, danger');
    }
  },
  static_select: checkSelect,
  multi_static_select: checkSelect,
  overflow: (c, el, p) => {
    if (!Array.isArray(el.options)) return c.add(`${p}/options`, 'must be an array');
    c.maxItems(el.options, BLOCK_LIMITS.overflowOptions, `${p}/options`);
    el.options.forEach((o: unknown, i) => checkOption(c, o, `${p}/options/${i}`));
  },
  radio_buttons: checkChoices,
  checkboxes: checkChoices,
  plain_text_input: (c, el, p) => {
    c.text(el.placeholder, `${p}/placeholder`, BLOCK_LIMITS.placeholder, true);
  },
};

function checkElement(c: Checker, el: unknown, path: string): void {
  if (!isObj(el)) return c.add(path, 'must be an object');
  if (typeof el.type !== 'string') return c.add(`${path}/type`, 'is required');
  c.maxLen(el.action_id, BLOCK_LIMITS.actionId, `${path}/action_id`);
  c.maxLen(el.url, BLOCK_LIMITS.url, `${path}/url`);
  c.maxLen(el.image_url, BLOCK_LIMITS.url, `${path}/image_url`);
  if (el.confirm !== undefined) checkConfirm(c, el.confirm, `${path}/confirm`);
  ELEMENT_CHECKS[el.type]?.(c, el, path);
}

function checkSelect(c: Checker, el: Obj, p: string): void {
  c.text(el.placeholder, `${p}/placeholder`, BLOCK_LIMITS.placeholder, true);
  if (el.options === undefined && el.option_groups === undefined) {
    return c.add(`${p}/options`, 'must provide options or option_groups');
  }
  if (Array.isArray(el.options)) {
    c.maxItems(el.options, BLOCK_LIMITS.options, `${p}/options`);
    el.options.forEach((o: unknown, i) => checkOption(c, o, `${p}/options/${i}`));
  }
  if (Array.isArray(el.option_groups))
    c.maxItems(el.option_groups, BLOCK_LIMITS.options, `${p}/option_groups`);
}

function checkChoices(c: Checker, el: Obj, p: string): void {
  if (!Array.isArray(el.options)) return c.add(`${p}/options`, 'must be an array');
  c.maxItems(el.options, BLOCK_LIMITS.choiceOptions, `${p}/options`);
  el.options.forEach((o: unknown, i) => checkOption(c, o, `${p}/options/${i}`));
}

function checkOption(c: Checker, o: unknown, p: string): void {
  if (!isObj(o)) return c.add(p, 'must be an object');
  if (c.required(o.text, `${p}/text`)) c.text(o.text, `${p}/text`, BLOCK_LIMITS.optionText);
  c.maxLen(o.value, BLOCK_LIMITS.optionValue, `${p}/value`);
  c.maxLen(o.url, BLOCK_LIMITS.url, `${p}/url`);
}

function checkConfirm(c: Checker, confirm: unknown, p: string): void {
  if (!isObj(confirm)) return c.add(p, 'must be an object');
  c.text(confirm.title, `${p}/title`, BLOCK_LIMITS.confirmTitle, true);
  c.text(confirm.text, `${p}/text`, BLOCK_LIMITS.confirmText);
  c.text(confirm.confirm, `${p}/confirm`, BLOCK_LIMITS.confirmButton, true);
  c.text(confirm.deny, `${p}/deny`, BLOCK_LIMITS.confirmButton, true);
}

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

/**
 * Validate a view for views.open/push/update/publish. `expected` forces the
 * surface (views.publish only takes home tabs).
 */
export function validateView(
  view: unknown,
  expected?: Surface,
  basePath = '/view',
): BlockProblem[] {
  const c = new Checker();
  if (!isObj(view)) {
    c.add(basePath, 'must be an object');
    return c.problems;
  }
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    c.add(`${basePath}/type`, 'must be one of modal, home');
  } else if (expected !== undefined && type !== expected) {
    c.add(`${basePath}/type`, `must be ${expected}`);
  }
  const surface: Surface = type === 'home' ? 'home' : 'modal';
  if (surface === 'modal') checkModalChrome(c, view, basePath);
  c.maxLen(view.private_metadata, BLOCK_LIMITS.privateMetadata, `${basePath}/private_metadata`);
  c.maxLen(view.callback_id, BLOCK_LIMITS.callbackId, `${basePath}/callback_id`);
  c.maxLen(view.external_id, BLOCK_LIMITS.externalId, `${basePath}/external_id`);
  checkBlocks(c, view.blocks, surface, `${basePath}/blocks`);
  return c.problems;
}

function checkModalChrome(c: Checker, view: Obj, p: string): void {
  if (c.required(view.title, `${p}/title`))
    c.text(view.title, `${p}/title`, BLOCK_LIMITS.viewTitle, true);
  c.text(view.submit, `${p}/submit`, BLOCK_LIMITS.viewButton, true);
  c.text(view.close, `${p}/close`, BLOCK_LIMITS.viewButton, true);
  const hasInput =
    Array.isArray(view.blocks) && view.blocks.some((b: unknown) => isObj(b) && b.type === 'input');
  if (hasInput && view.submit === undefined)
    c.add(`${p}/submit`, 'is required when the view has input blocks');
}

/** Slack's `errors` / `response_metadata.messages` rendering of problems. */
export function formatProblems(problems: readonly BlockProblem[]): {
  errors: string[];
  messages: string[];
} {
  const errors = problems.map((p) => `${p.message} [json-pointer:${p.path}]`);
  return { errors, messages: errors.map((e) => `[ERROR] ${e}`) };
}
