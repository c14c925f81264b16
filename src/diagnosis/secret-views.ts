// Normalised views of a piece of text, each with a map back to the original: the same paste
// Slack-decoded (`&amp;`, `&lt;`, `&gt;`), URL-decoded (`%2F`), JSON-unescaped (`\"`, `\n`,
// `\u0041`, `\/`) and de-wrapped (a hard line wrap inside a value removed). A secret found in
// any view is redacted at its original position, whatever encoding it had there.

export interface View {
  text: string;
  /** Original index where view character i came from. */
  startAt(i: number): number;
  /** Original index where the source of view character i ends. */
  endAt(i: number): number;
  /** How the view was made from its source view (absent: the view is its source's text). */
  readonly pieces?: Pieces;
}

/** A view's pieces, in order: runs copied from the source view, and replaced characters. */
export interface Pieces {
  /** Per piece: view index where it starts, source range [a, b), whether it is one character. */
  readonly at: number[];
  readonly a: number[];
  readonly b: number[];
  readonly single: boolean[];
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
  return { text, startAt: (i) => base + i, endAt: (i) => base + i + 1 };
}

/**
 * A view made of pieces of its source view: runs copied unchanged and single characters that
 * replace a few source characters. Positions map back piece by piece (a binary search, only
 * for the rare hit), so building a view costs string slices, not a map entry per character.
 */
class PieceView implements View {
  constructor(
    readonly text: string,
    private readonly from: View,
    /** Per piece: view index where it starts, source range [a, b), whether it is one character. */
    private readonly at: number[],
    private readonly a: number[],
    private readonly b: number[],
    private readonly single: boolean[],
  ) {}
  get pieces(): Pieces {
    return { at: this.at, a: this.a, b: this.b, single: this.single };
  }
  private piece(i: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.at[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  startAt(i: number): number {
    const k = this.piece(i);
    const a = this.a[k] as number;
    return this.from.startAt(this.single[k] ? a : a + i - (this.at[k] as number));
  }
  endAt(i: number): number {
    const k = this.piece(i);
    return this.single[k]
      ? this.from.endAt((this.b[k] as number) - 1)
      : this.from.endAt((this.a[k] as number) + i - (this.at[k] as number));
  }
}

class ViewBuilder {
  private readonly parts: string[] = [];
  private n = 0;
  private readonly at: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly single: boolean[] = [];
  /** Whether any source character was replaced or dropped. */
  changed = false;
  constructor(private readonly from: View) {}
  private add(a: number, b: number, single: boolean, len: number): void {
    this.at.push(this.n);
    this.a.push(a);
    this.b.push(b);
    this.single.push(single);
    this.n += len;
  }
  /** Copies characters [a, b) of the source view unchanged. */
  copy(a: number, b: number): void {
    if (b <= a) return;
    this.parts.push(this.from.text.slice(a, b));
    this.add(a, b, false, b - a);
  }
  /** One character replacing source characters [a, b). */
  push(ch: string, a: number, b: number): void {
    this.parts.push(ch);
    this.add(a, b, true, 1);
    this.changed = true;
  }
  view(): View {
    if (this.at.length === 0) this.add(0, 0, false, 0);
    return new PieceView(this.parts.join(''), this.from, this.at, this.a, this.b, this.single);
  }
}

/** The next `&`, `%` or `\\` at or after `from`, from their positions (in order). */
class Specials {
  private k = 0;
  constructor(private readonly at: readonly number[]) {}
  next(from: number): number {
    while (this.k < this.at.length && (this.at[this.k] as number) < from) this.k++;
    return this.k < this.at.length ? (this.at[this.k] as number) : -1;
  }
}

/** Positions of every `&`, `%` and `\\` in `t`. */
export function escapesIn(t: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 37 || c === 38 || c === 92) out.push(i);
  }
  return out;
}

/**
 * The escapes of a view, from those of its source: the ones in the runs it copied, moved, and
 * each replaced character that is itself one (`%25` decodes to `%`).
 */
export function viewEscapes(view: View, source: readonly number[]): number[] {
  const pieces = view.pieces;
  if (!pieces) return [...source];
  const { at, a, b, single } = pieces;
  const out: number[] = [];
  let j = 0;
  for (let k = 0; k < at.length; k++) {
    const start = at[k] as number;
    if (single[k] === true) {
      const c = view.text.charCodeAt(start);
      if (c === 37 || c === 38 || c === 92) out.push(start);
      continue;
    }
    const from = a[k] as number;
    const to = b[k] as number;
    while (j < source.length && (source[j] as number) < from) j++;
    for (; j < source.length && (source[j] as number) < to; j++)
      out.push(start + (source[j] as number) - from);
  }
  return out;
}

/**
 * One pass that decodes Slack entities, %XX and JSON escapes; the result never grows. `escapes`:
 * the positions of every `&`, `%` and `\\` in the view's text, when known.
 */
export function decodeView(v: View, escapes: readonly number[] = escapesIn(v.text)): View {
  const t = v.text;
  const out = new ViewBuilder(v);
  let copied = 0;
  const specials = new Specials(escapes);
  for (let i = specials.next(0); i !== -1;) {
    const c = t[i];
    let len = 0;
    let ch = '';
    if (c === '&') {
      // An entity's `;` is at most 6 on; looking further (indexOf) made `&` without one cost
      // the rest of the window each time: quadratic on a run of `&`.
      const semi = t.slice(i + 1, i + 7).indexOf(';') + i + 1;
      if (semi > i) {
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
    if (len === 0) {
      i = specials.next(i + 1);
      continue;
    }
    out.copy(copied, i);
    out.push(ch, i, i + len);
    copied = i + len;
    i = specials.next(copied);
  }
  out.copy(copied, t.length);
  return out.view();
}

/** Characters a wrapped value may be made of: anything but blanks (`\s`) and quotes. */
function isValueChar(c: number): boolean {
  if (c > 32 && c < 127) return c !== 34 && c !== 39 && c !== 96; // " ' `
  if (c <= 32) return c !== 32 && (c < 9 || c > 13);
  // What `\s` matches above ASCII.
  return !(
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
/** Shorter lines are not hard wraps (terminals and CI logs wrap at 80 columns or more). */
export const MIN_WRAPPED_LINE = 60;

/**
 * Removes line breaks that split a value: after a long line ending in a value character,
 * before a line starting with one (optionally behind Terraform's `│ ` frame).
 */
export function dewrapView(v: View): View {
  const t = v.text;
  const out = new ViewBuilder(v);
  let copied = 0;
  let lineStart = 0;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) {
    const j = joinAt(t, i, lineStart);
    if (j !== -1) {
      out.copy(copied, t[i - 1] === '\r' ? i - 1 : i); // drop the break (and the frame)
      out.changed = true;
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
export function joinAt(t: string, i: number, lineStart: number): number {
  if (i - lineStart < MIN_WRAPPED_LINE) return -1;
  const end = t.charCodeAt(i - 1) === 13 ? i - 1 : i; // before a \r\n
  if (end - lineStart < MIN_WRAPPED_LINE) return -1;
  let j = i + 1;
  if (t.startsWith('│ ', j) || t.startsWith('| ', j)) j += 2;
  if (j >= t.length || !isValueChar(t.charCodeAt(j))) return -1;
  for (let k = end - BREAK_RUN; k < end; k++) if (!isValueChar(t.charCodeAt(k))) return -1;
  RECORD_START.lastIndex = j;
  return RECORD_START.test(t) ? -1 : j;
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
