// Where the secret patterns may match: every occurrence of their anchor words, found in one
// pass over a text, and in a decoded view without reading the view again (the view's copied
// runs keep the anchors of its source; only the few characters around each decoded character
// or removed line break are read). The same pass notes where a decoded view can differ from
// the text (`&`, `%`, `\`, hard-wrapped line breaks, escaped `://`), and reads whatever else
// the scanner would have to look up at each anchor, while those characters are at hand: on a
// multi-megabyte log, going back to an anchor later costs a cache miss each time.
//
// An occurrence is coded as one number, `index * ID_BITS + word id`, so a list of them sorts
// by position, then by word id — the order the scanner relies on.

import { PATTERNS } from './secret-patterns';
import { joinAt, type Pieces, type View } from './secret-views';

/** URL credentials are found from each `://`: a word of its own, anchoring no pattern. */
export const SCHEME_SEP = '://';
/** Anchor words, patterns' first (id = index), then `://`. All ASCII, at least two long. */
export const WORDS: readonly string[] = [
  ...new Set([...PATTERNS.flatMap((p) => p.anchors), SCHEME_SEP]),
];
export const SCHEME_SEP_ID = WORDS.indexOf(SCHEME_SEP);

/**
 * Legacy Vault tokens (`s.…`, `b.…`) never follow a token character, and `s.`/`b.` are in
 * every `aws.` and `rds.`: such an occurrence gets an id of its own, which anchors no pattern
 * (the scanner skips it without reading the text) but is still an occurrence of the word.
 */
const LEGACY_VAULT = ['s.', 'b.'];
const AFTER_TOKEN = new Int16Array(WORDS.length).fill(-1);
LEGACY_VAULT.forEach((w, k) => {
  if (!WORDS.includes(w)) throw new Error(`${w} is no longer an anchor word`);
  AFTER_TOKEN[WORDS.indexOf(w)] = WORDS.length + k;
});
const ID_COUNT = WORDS.length + LEGACY_VAULT.length;
export const ID_BITS = 128;
if (ID_COUNT > ID_BITS) throw new Error('more anchor word ids than ID_BITS');
/** Each id's word id (an after-a-token-character id has its word's). */
const BASE_ID = Uint8Array.from([...WORDS, ...LEGACY_VAULT], (w) => WORDS.indexOf(w));
const WORD_LEN = Uint8Array.from(BASE_ID, (id) => (WORDS[id] as string).length);
/** The longest anchor word: an occurrence that touches a decoded character starts this close. */
const MAX_WORD = Math.max(...WORD_LEN);

/** True for the id of a legacy Vault word that follows a token character. */
export const isAfterToken = (id: number): boolean => id >= WORDS.length;

/** `[A-Za-z0-9_.-]`: a legacy Vault token never follows one of these. */
function isTokenChar(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/**
 * Anchor words by their first two characters, each folded to 7 bits: the pass keeps a rolling
 * 14-bit key of the last two characters and looks it up in a 16 KB table. A slot also has the
 * third characters its words allow (every one, when a two-character word is in the slot), so
 * most common pairs (`se`, `to`, `ke`, …) are let go without a call. Folding can only add
 * candidates; `confirm` compares the real characters.
 */
const SLOT = new Uint8Array(1 << 14);
/** The slot of the characters the pass marks (see MARKED). */
const MARK_SLOT = 255;
const SLOT_WORDS: number[][] = [[]];
WORDS.forEach((w, id) => {
  if (w.length < 2 || /[^\x00-\x7f]/.test(w)) throw new Error(`anchor ${w}: needs 2+ ASCII chars`);
  const key = (w.charCodeAt(0) << 7) | w.charCodeAt(1);
  if (SLOT[key] === 0) {
    if (SLOT_WORDS.length === MARK_SLOT) throw new Error('too many anchor pairs for SLOT');
    SLOT[key] = SLOT_WORDS.length;
    SLOT_WORDS.push([]);
  }
  (SLOT_WORDS[SLOT[key] as number] as number[]).push(id);
});
/**
 * The characters the pass marks (`\n`, `%`, `&`, `\`) are found as the second of any pair, in
 * a slot of their own (no anchor word has one as its second character, so no pair is in both).
 */
const MARKED = [10, 37, 38, 92];
for (const c of MARKED)
  for (let prev = 0; prev < 128; prev++) {
    if (SLOT[(prev << 7) | c] !== 0) throw new Error('an anchor pair ends in a marked character');
    SLOT[(prev << 7) | c] = MARK_SLOT;
  }
const THIRD = new Uint8Array(256 << 7);
THIRD.fill(1, MARK_SLOT << 7, (MARK_SLOT + 1) << 7);
SLOT_WORDS.forEach((ids, s) => {
  for (const id of ids) {
    const w = WORDS[id] as string;
    if (w.length === 2) THIRD.fill(1, s << 7, (s + 1) << 7);
    else THIRD[(s << 7) | w.charCodeAt(2)] = 1;
  }
});
const SLOT_PAIR = SLOT_WORDS.map((ids) => {
  const w = WORDS[ids[0] ?? 0] as string;
  return (w.charCodeAt(0) << 16) | w.charCodeAt(1);
});

/** `://` however escaped: `:\/\/`, `:\\\/\\\/` (escaped twice), `%3A%2F%2F`. */
const SCHEME_END = /(?::|%3[Aa])(?:\\{1,8}\/|%2[Ff]){2}/y;

/** A growing list of occurrence codes. */
export class Codes {
  list = new Float64Array(64);
  length = 0;
  push(code: number): void {
    if (this.length === this.list.length) {
      const grown = new Float64Array(this.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.length++] = code;
  }
  done(): Float64Array {
    return this.list.subarray(0, this.length);
  }
}

/** Where a decoded or de-wrapped view of a text can differ from it, in order. */
export interface Marks {
  /** `&`, `%` and `\`. */
  escapes: number[];
  /** The line breaks dewrapView removes. */
  breaks: number[];
  /** Where an escaped `://` starts (at a `:` before a `\` or `%`, or at a `%3A`). */
  schemes: number[];
}

interface MarkState extends Marks {
  lineStart: number;
}

/**
 * Adds the words of slot `s` that really start at `i` (the pair was matched folded), or, for
 * the marks' slot, the character at `i + 1` to `marks`.
 */
function confirm(text: string, i: number, s: number, out: Codes, marks?: MarkState): void {
  if (s === MARK_SLOT) {
    if (marks) mark(text, i + 1, marks);
    return;
  }
  const pair = SLOT_PAIR[s] as number;
  if (text.charCodeAt(i) !== pair >>> 16 || text.charCodeAt(i + 1) !== (pair & 0xffff)) return;
  const ids = SLOT_WORDS[s] as number[];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    if ((WORD_LEN[id] as number) > 2 && !text.startsWith(WORDS[id] as string, i)) continue;
    const after = AFTER_TOKEN[id] as number;
    const code = after !== -1 && i > 0 && isTokenChar(text.charCodeAt(i - 1)) ? after : id;
    // Positions times 128 plus a word id stay exact in a double up to 2^46 characters.
    out.push(i * ID_BITS + code);
  }
}

function mark(text: string, i: number, marks: MarkState): void {
  const c = text.charCodeAt(i);
  if (c === 10) {
    if (joinAt(text, i, marks.lineStart) !== -1) marks.breaks.push(i);
    marks.lineStart = i + 1;
    return;
  }
  if (c !== 37 && c !== 38 && c !== 92) return;
  marks.escapes.push(i);
  // An escaped `://` starts at a `:` just before an escape, or at a `%3A`.
  if (i > 0 && text.charCodeAt(i - 1) === 58) schemeAt(text, i - 1, marks);
  if (c === 37) schemeAt(text, i, marks);
}

function schemeAt(text: string, at: number, marks: MarkState): void {
  SCHEME_END.lastIndex = at;
  if (SCHEME_END.test(text)) marks.schemes.push(at);
}

/** Every anchor occurrence (overlapping ones too) starting in [from, to), in order. */
export function findAnchors(
  text: string,
  from = 0,
  to = text.length,
  out: Codes = new Codes(),
): Codes {
  return pass(text, from, to, out);
}

export const anchorsOf = (text: string): Float64Array => findAnchors(text).done();

/** The anchors and the marks of a whole text, in one pass. */
export function scanAnchors(text: string): { anchors: Float64Array; marks: Marks } {
  const marks: MarkState = { escapes: [], breaks: [], schemes: [], lineStart: 0 };
  // The pass finds a mark as the second character of a pair: the first is looked at here.
  if (text.length > 0) mark(text, 0, marks);
  const anchors = pass(text, 0, text.length, new Codes(), marks).done();
  const { escapes, breaks, schemes } = marks;
  return { anchors, marks: { escapes, breaks, schemes } };
}

/**
 * The pass runs in stretches: a tight loop lists a stretch's candidates, then each is
 * confirmed while the stretch is still in cache. The loop is its own small function, so the
 * optimising compiler has it ready after a few stretches, before it has compiled the rest.
 */
const STRETCH = 1 << 15;
const CANDIDATE_AT = new Int32Array(STRETCH);
const CANDIDATE_SLOT = new Uint8Array(STRETCH);

/** findAnchors; with `marks` (whole texts only), also every mark after the first character. */
function pass(text: string, from: number, to: number, out: Codes, marks?: MarkState): Codes {
  if (from < 0) from = 0;
  const n = text.length;
  // A candidate needs its second character: the last one starts at n - 2.
  const lastStart = Math.min(to, n - 1) - 1;
  // A long range is read from a byte copy (see latin1Copy); a short one, from the string.
  const bytes = lastStart - from >= BYTE_PASS_MIN ? latin1Copy(text, from, lastStart + 3) : null;
  for (let start = from; start <= lastStart; start += STRETCH) {
    const stop = Math.min(lastStart + 1, start + STRETCH);
    const count = bytes ? candidateBytes(bytes, from, start, stop) : candidates(text, start, stop);
    for (let k = 0; k < count; k++)
      confirm(text, CANDIDATE_AT[k] as number, CANDIDATE_SLOT[k] as number, out, marks);
  }
  return out;
}

/**
 * The candidates starting in [from, to) (at most STRETCH of them; to ≤ text.length - 1): a pair
 * in the table whose third character its slot allows. Reading character i, the pair in `h`
 * starts at i - 2 and i is its third character (none, read as 0, for the text's last pair: no
 * word has a third character that folds to 0). The loop never reads past the end, and has no
 * code after it that has never run: either would throw the optimised loop away.
 */
function candidates(text: string, from: number, to: number): number {
  const n = text.length;
  let count = 0;
  let h = ((text.charCodeAt(from) & 127) << 7) | (text.charCodeAt(from + 1) & 127);
  const end = to + 1;
  for (let i = from + 2; i <= end; i++) {
    const c = i < n ? text.charCodeAt(i) & 127 : 0;
    const s = SLOT[h] as number;
    if (s !== 0 && THIRD[(s << 7) | c] !== 0) {
      CANDIDATE_AT[count] = i - 2;
      CANDIDATE_SLOT[count++] = s;
    }
    h = ((h << 7) | c) & 0x3fff;
  }
  return count;
}

/**
 * Ranges at least this long are read from bytes: on a multi-megabyte text, charCodeAt costs
 * several times what a typed-array read does, and the copy (one native pass) far less.
 */
const BYTE_PASS_MIN = 2048;
/** Kept between calls up to this size; a bigger text gets a copy of its own. */
const SCRATCH_MAX = 1 << 25;
let scratch = Buffer.alloc(0);

/**
 * Characters [from, end) of `text` (end clipped to its length), one byte each: the low byte of
 * each UTF-16 unit (Latin-1 encoding truncates), which folds to the same 7 bits as the unit.
 * Byte k is character from + k.
 */
function latin1Copy(text: string, from: number, end: number): Uint8Array {
  const stop = Math.min(end, text.length);
  const len = stop - from;
  let buf = scratch;
  if (buf.length < len) {
    buf = Buffer.allocUnsafeSlow(Math.max(len, Math.min(SCRATCH_MAX, 2 * buf.length)));
    if (buf.length <= SCRATCH_MAX) scratch = buf;
  }
  const part = from === 0 && stop === text.length ? text : text.slice(from, stop);
  const written = buf.write(part, 0, len, 'latin1');
  if (written !== len) throw new Error('latin1Copy: short write');
  return buf.subarray(0, len);
}

/**
 * `candidates` over `bytes` (character base + k at byte k; bytes.length chars available, the
 * rest of the text being beyond what the range reads). Same candidates, same order.
 */
function candidateBytes(bytes: Uint8Array, base: number, from: number, to: number): number {
  const n = bytes.length;
  let count = 0;
  const f = from - base;
  let h = (((bytes[f] as number) & 127) << 7) | ((bytes[f + 1] as number) & 127);
  const end = to - base + 1;
  for (let i = f + 2; i <= end; i++) {
    const c = i < n ? (bytes[i] as number) & 127 : 0;
    const s = SLOT[h] as number;
    if (s !== 0 && THIRD[(s << 7) | c] !== 0) {
      CANDIDATE_AT[count] = i - 2 + base;
      CANDIDATE_SLOT[count++] = s;
    }
    h = ((h << 7) | c) & 0x3fff;
  }
  return count;
}

export const positionOf = (code: number): number => Math.floor(code / ID_BITS);
export const wordOf = (code: number): number => code % ID_BITS;
const lengthOf = (code: number): number => WORD_LEN[wordOf(code)] as number;
/** The same occurrence as if nothing preceded it. */
const unpreceded = (code: number): number =>
  code - wordOf(code) + (BASE_ID[wordOf(code)] as number);

/** The anchors of `text.slice(start, end)`, in its positions: those wholly inside the slice. */
export function sliceAnchors(anchors: Float64Array, start: number, end: number): Float64Array {
  const out = new Codes();
  for (let k = firstAtOrAfter(anchors, start * ID_BITS); k < anchors.length; k++) {
    const code = anchors[k] as number;
    const p = positionOf(code);
    if (p >= end) break;
    if (p + lengthOf(code) > end) continue;
    // The first character of the slice follows nothing.
    out.push((p === start ? unpreceded(code) : code) - start * ID_BITS);
  }
  return out.done();
}

/** The first index of the sorted `codes` holding a value ≥ `code` (a binary search). */
function firstAtOrAfter(codes: Float64Array, code: number): number {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((codes[mid] as number) < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The anchors of a view, from the anchors of the text it was made from. An occurrence inside a
 * run the view copied, after its first character, is an occurrence of the source (same word,
 * same character before it), moved. Every other one touches a replaced character, a join
 * between runs or the start of a run, so it starts at most MAX_WORD - 1 characters before one:
 * only there is the view read. The two sets do not meet; merged, they are exactly what
 * findAnchors(view.text) returns.
 */
export function viewAnchors(view: View, source: Float64Array): Float64Array {
  const pieces = view.pieces;
  if (!pieces) return source;
  const { at, a, b, single } = pieces;
  const moved = new Codes();
  const read = new Codes();
  let k0 = 0;
  // The stretch of the view still to be read, [readFrom, readTo): neighbouring pieces' stretches
  // overlap (escapes come a few characters apart), so they are read in one go.
  let readFrom = 0;
  let readTo = 0;
  for (let k = 0; k < at.length; k++) {
    const start = at[k] as number;
    // A view's first run, copied from its source's first character, starts where it did.
    const sameStart = k === 0 && single[0] !== true && a[0] === 0;
    if (!sameStart) {
      const from = Math.max(readTo, start - MAX_WORD + 1);
      if (from > readTo) {
        if (readFrom < readTo) findAnchors(view.text, readFrom, readTo, read);
        readFrom = from;
      }
      readTo = start + 1;
    }
    if (single[k] === true) continue;
    const srcStart = a[k] as number;
    const srcEnd = b[k] as number;
    const first = sameStart ? srcStart : srcStart + 1;
    while (k0 < source.length && positionOf(source[k0] as number) < first) k0++;
    for (let j = k0; j < source.length; j++) {
      const code = source[j] as number;
      const p = positionOf(code);
      if (p >= srcEnd) break;
      if (p + lengthOf(code) <= srcEnd) moved.push(code + (start - srcStart) * ID_BITS);
    }
  }
  if (readFrom < readTo) findAnchors(view.text, readFrom, readTo, read);
  return merge(moved.done(), notMoved(read.done(), pieces));
}

/** Drops the read occurrences that `moved` has (see viewAnchors). */
function notMoved(codes: Float64Array, pieces: Pieces): Float64Array {
  const { at, a, b, single } = pieces;
  const out = new Codes();
  let k = 0;
  for (let j = 0; j < codes.length; j++) {
    const code = codes[j] as number;
    const p = positionOf(code);
    while (k + 1 < at.length && (at[k + 1] as number) <= p) k++;
    const start = at[k] as number;
    const end = start + ((b[k] as number) - (a[k] as number));
    const sameStart = k === 0 && a[0] === 0;
    const inside =
      single[k] !== true && (p > start || (p === start && sameStart)) && p + lengthOf(code) <= end;
    if (!inside) out.push(code);
  }
  return out.done();
}

function merge(x: Float64Array, y: Float64Array): Float64Array {
  if (y.length === 0) return x;
  if (x.length === 0) return y;
  const out = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length && j < y.length)
    out[k++] = (x[i] as number) <= (y[j] as number) ? (x[i++] as number) : (y[j++] as number);
  while (i < x.length) out[k++] = x[i++] as number;
  while (j < y.length) out[k++] = y[j++] as number;
  return out;
}
