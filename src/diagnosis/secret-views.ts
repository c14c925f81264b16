// Normalised views of a piece of text, each with a map back to the original: the same paste
// Slack-decoded (`&amp;`, `&lt;`, `&gt;`), URL-decoded (`%2F`), JSON-unescaped (`\"`, `\n`,
// `\u0041`, `\/`) and de-wrapped (a hard line wrap inside a value removed). A secret found in
// any view is redacted at its original position, whatever encoding it had there.

export interface View {
  text: string;
  /** Original index where view character i came from, and where its source ends. */
  start: Int32Array;
  end: Int32Array;
  /** Set for the identity view: character i came from `base + i` (no maps stored). */
  base?: number;
}

/** True when decoding could change the text (one cheap scan). */
export function mayBeEncoded(text: string): boolean {
  return /[&%\\]/.test(text);
}

const HEX = /^[0-9a-fA-F]+$/;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&#x2F;': '/',
};
const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  "'": "'",
};

/** The identity view of `text` from original offset `base` (maps filled lazily by copies). */
export function rawView(text: string, base: number): View {
  return { text, start: new Int32Array(0), end: new Int32Array(0), base };
}

class ViewBuilder {
  private readonly parts: string[] = [];
  private n = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  constructor(
    private readonly from: View,
    capacity: number,
  ) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  /** Copies characters [a, b) of the source view unchanged. */
  copy(a: number, b: number): void {
    if (b <= a) return;
    this.parts.push(this.from.text.slice(a, b));
    const base = this.from.base;
    if (base !== undefined) {
      for (let i = a, k = this.n; i < b; i++, k++) {
        this.start[k] = base + i;
        this.end[k] = base + i + 1;
      }
    } else {
      this.start.set(this.from.start.subarray(a, b), this.n);
      this.end.set(this.from.end.subarray(a, b), this.n);
    }
    this.n += b - a;
  }
  /** One character replacing source characters [a, b). */
  push(ch: string, a: number, b: number): void {
    this.parts.push(ch);
    const base = this.from.base;
    this.start[this.n] = base !== undefined ? base + a : (this.from.start[a] as number);
    this.end[this.n] = base !== undefined ? base + b : (this.from.end[b - 1] as number);
    this.n++;
  }
  view(): View {
    return {
      text: this.parts.join(''),
      start: this.start.subarray(0, this.n),
      end: this.end.subarray(0, this.n),
    };
  }
}

const SPECIAL = /[&%\\]/g;

/** One pass that decodes Slack entities, %XX and JSON escapes; the result never grows. */
export function decodeView(v: View): View {
  const t = v.text;
  const out = new ViewBuilder(v, t.length);
  let copied = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(t); m !== null; m = SPECIAL.exec(t)) {
    const i = m.index;
    const c = m[0];
    let len = 0;
    let ch = '';
    if (c === '&') {
      const semi = t.indexOf(';', i);
      if (semi !== -1 && semi - i <= 6) {
        const entity = ENTITIES[t.slice(i, semi + 1)];
        if (entity !== undefined) [ch, len] = [entity, semi + 1 - i];
      }
    } else if (c === '%') {
      const hex = t.slice(i + 1, i + 3);
      if (hex.length === 2 && HEX.test(hex))
        [ch, len] = [String.fromCharCode(parseInt(hex, 16)), 3];
    } else {
      const next = t[i + 1];
      if (next === 'u') {
        const hex = t.slice(i + 2, i + 6);
        if (hex.length === 4 && HEX.test(hex))
          [ch, len] = [String.fromCharCode(parseInt(hex, 16)), 6];
      } else if (next !== undefined && JSON_ESCAPES[next] !== undefined) {
        [ch, len] = [JSON_ESCAPES[next], 2];
      }
    }
    if (len === 0) continue;
    out.copy(copied, i);
    out.push(ch, i, i + len);
    copied = i + len;
    SPECIAL.lastIndex = copied;
  }
  out.copy(copied, t.length);
  return out.view();
}

/** Characters a wrapped value may be made of (anything but blanks and quotes). */
const VALUE_CHAR = /[^\s"'`]/;
/** Shorter lines are not hard wraps (terminals and CI logs wrap at 80 columns or more). */
export const MIN_WRAPPED_LINE = 60;

/**
 * Removes line breaks that split a value: after a long line ending in a value character,
 * before a line starting with one (optionally behind Terraform's `│ ` frame).
 */
export function dewrapView(v: View): View {
  const t = v.text;
  const out = new ViewBuilder(v, t.length);
  let copied = 0;
  let lineStart = 0;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) {
    const j = joinAt(t, i, lineStart);
    if (j !== -1) {
      out.copy(copied, t[i - 1] === '\r' ? i - 1 : i); // drop the break (and the frame)
      copied = j;
    }
    lineStart = i + 1;
  }
  out.copy(copied, t.length);
  return out.view();
}

/** A new log record, not the rest of a wrapped value: `2024-05-02T…`, `10:11:12`. */
const RECORD_START = /\d{4}-\d\d-\d\d|\d\d:\d\d:\d\d/y;
const BREAK_RUN = 8;

/**
 * Where the continuation starts if the break at `i` is a hard wrap inside a value, else -1:
 * a long line ending in a run of value characters, a next line that starts with one (behind
 * Terraform's `│ ` frame, if any) and is not a new log record.
 */
function joinAt(t: string, i: number, lineStart: number): number {
  const cr = t[i - 1] === '\r' ? 1 : 0;
  const end = i - cr;
  if (end - lineStart < MIN_WRAPPED_LINE) return -1;
  let j = i + 1;
  if (t.startsWith('│ ', j) || t.startsWith('| ', j)) j += 2;
  const next = t[j];
  if (next === undefined || !VALUE_CHAR.test(next)) return -1;
  for (let k = end - BREAK_RUN; k < end; k++) if (!VALUE_CHAR.test(t[k] as string)) return -1;
  RECORD_START.lastIndex = j;
  return RECORD_START.test(t) ? -1 : j;
}

/** Positions of the line breaks dewrapView would remove. */
export function joinableBreaks(t: string): number[] {
  const out: number[] = [];
  let lineStart = 0;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) {
    if (joinAt(t, i, lineStart) !== -1) out.push(i);
    lineStart = i + 1;
  }
  return out;
}

/** Whether `dewrapView` would change anything. */
export function mayBeWrapped(text: string): boolean {
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (joinAt(text, i, lineStart) !== -1) return true;
    lineStart = i + 1;
  }
  return false;
}
