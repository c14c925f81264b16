// Normalised views of a piece of text, each with a map back to the original: the same paste
// Slack-decoded (`&amp;`, `&lt;`, `&gt;`), URL-decoded (`%2F`), JSON-unescaped (`\"`, `\n`,
// `\u0041`, `\/`) and de-wrapped (a hard line wrap inside a value removed). A secret found in
// any view is redacted at its original position, whatever encoding it had there.

export interface View {
  text: string;
  /** Original index where view character i came from, and where its source ends. */
  start: Int32Array;
  end: Int32Array;
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

/** The identity view of `text` from original offset `base`. */
export function rawView(text: string, base: number): View {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    start[i] = base + i;
    end[i] = base + i + 1;
  }
  return { text, start, end };
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
    this.start.set(this.from.start.subarray(a, b), this.n);
    this.end.set(this.from.end.subarray(a, b), this.n);
    this.n += b - a;
  }
  /** One character replacing source characters [a, b). */
  push(ch: string, a: number, b: number): void {
    this.parts.push(ch);
    this.start[this.n] = this.from.start[a] as number;
    this.end[this.n] = this.from.end[b - 1] as number;
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
        [ch, len] = [JSON_ESCAPES[next] as string, 2];
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
    const cr = t[i - 1] === '\r' ? 1 : 0;
    let j = i + 1;
    if (t.startsWith('│ ', j) || t.startsWith('| ', j)) j += 2;
    const prev = t[i - 1 - cr];
    const next = t[j];
    if (
      i - cr - lineStart >= MIN_WRAPPED_LINE &&
      prev !== undefined &&
      next !== undefined &&
      VALUE_CHAR.test(prev) &&
      VALUE_CHAR.test(next)
    ) {
      out.copy(copied, i - cr); // drop the break (and the frame): the value continues
      copied = j;
    }
    lineStart = j;
  }
  out.copy(copied, t.length);
  return out.view();
}

/** Whether `dewrapView` would change anything: some long line is followed by another line. */
export function mayBeWrapped(text: string): boolean {
  let last = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i - last >= MIN_WRAPPED_LINE && i + 1 < text.length) return true;
    last = i + 1;
  }
  return false;
}
