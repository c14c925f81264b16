// Finds many literal words in one pass over a text (Aho–Corasick, compiled to a full
// transition table, so each character costs one look-up and no failure-link walk): the
// prefilter's scanner. ASCII letters are folded to lower case; words are lower-case ASCII.
// A character outside ASCII is in no word, so it sends the automaton back to its start.
// Whitespace is folded too, the way normalize() flattens a block: any run of spaces, tabs and
// line breaks (and a frame bar `│` after a line break) reads as one space, so a multi-word
// keyword is found in raw text even where Terraform's frame wrapped the message.

const FRAME_BAR = 0x2502;

/** Characters copied per piece of a scan (a 128 KB buffer, reused from scan to scan). */
const PIECE_UNITS = 1 << 16;
const piece = new Uint16Array(PIECE_UNITS);
const pieceBytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
/** True while a scan reads `piece`. */
let scanning = false;

/** Copies text[from, to) into `units` (UTF-16 code units); returns how many were copied. */
function copyUnits(text: string, from: number, to: number, units: Uint16Array): number {
  const bytes =
    units === piece ? pieceBytes : Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  return bytes.write(text.slice(from, to), 0, 'utf16le') >> 1;
}

export class MultiMatcher {
  /** Symbol of each ASCII code (0: in no word). Upper case shares the lower-case symbol. */
  private readonly symbol = new Uint8Array(128);
  private readonly width: number;
  /** The automaton: next[state * width + symbol], the trie's edges completed by failure links. */
  private readonly next: Uint16Array | Int32Array;
  /** The word ending at each state (-1: none), and the next state on its chain with one. */
  private readonly word: Int32Array;
  private readonly dict: Int32Array;
  /** 1 where some word ends at the state or on its chain: the hot loop's one test. */
  private readonly out: Uint8Array;

  readonly words: readonly string[];

  constructor(words: readonly string[]) {
    this.words = words.map((w) => w.replace(/\s+/g, ' '));
    words = this.words;
    let symbols = 1;
    for (const w of words)
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (c >= 128) throw new Error(`not an ASCII word: ${w}`);
        if (this.symbol[c] === 0) {
          this.symbol[c] = symbols;
          const upper = String.fromCharCode(c).toUpperCase().charCodeAt(0);
          if (upper !== c && upper < 128) this.symbol[upper] = symbols;
          symbols++;
        }
      }
    // Every whitespace character reads as the space symbol (one is made if no word has a space).
    if (this.symbol[32] === 0) this.symbol[32] = symbols++;
    for (const c of [9, 10, 11, 12, 13]) this.symbol[c] = this.symbol[32] as number;
    this.width = symbols;
    // The trie: goto[state * width + symbol] → child, -1 when there is none.
    let capacity = 1;
    for (const w of words) capacity += w.length;
    const goto = new Int32Array(capacity * symbols).fill(-1);
    const word = new Int32Array(capacity).fill(-1);
    /** Each state's parent and the symbol that leads to it: children are found from these. */
    const parent = new Int32Array(capacity);
    const via = new Int32Array(capacity);
    let states = 1;
    words.forEach((w, id) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const a = this.symbol[w.charCodeAt(i)] as number;
        const at = s * symbols + a;
        if (goto[at] === -1) {
          parent[states] = s;
          via[states] = a;
          goto[at] = states++;
        }
        s = goto[at] as number;
      }
      word[s] = id;
    });
    // Children of each state, contiguous (a counting sort by parent), so the breadth-first
    // pass visits edges, not every symbol of every state.
    const first = new Int32Array(states + 1);
    for (let t = 1; t < states; t++) {
      const p = (parent[t] as number) + 1;
      first[p] = (first[p] as number) + 1;
    }
    for (let s = 0; s < states; s++) first[s + 1] = (first[s + 1] as number) + (first[s] as number);
    const children = new Int32Array(Math.max(1, states - 1));
    const fill = first.slice();
    for (let t = 1; t < states; t++) {
      const p = parent[t] as number;
      const k = fill[p] as number;
      children[k] = t;
      fill[p] = k + 1;
    }
    // Failure links breadth first; `dict` links each state to the nearest state on its failure
    // chain where a word ends (the classic output links), so nothing is copied per state.
    const fail = new Int32Array(states);
    const dict = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let k = first[0] as number; k < (first[1] as number); k++)
      queue[tail++] = children[k] as number;
    for (let head = 0; head < tail; head++) {
      const s = queue[head] as number;
      for (let k = first[s] as number; k < (first[s + 1] as number); k++) {
        const t = children[k] as number;
        const a = via[t] as number;
        let f = fail[s] as number;
        while (f !== 0 && goto[f * symbols + a] === -1) f = fail[f] as number;
        const g = goto[f * symbols + a] as number;
        const ft = g === -1 || g === t ? 0 : g;
        fail[t] = ft;
        dict[t] = word[ft] !== -1 ? ft : (dict[ft] as number);
        queue[tail++] = t;
      }
    }
    // Each state's row is its failure state's row (complete already: failure states are
    // shallower, and rows are filled breadth first) with its own edges on top.
    const next =
      states < 1 << 16 ? new Uint16Array(states * symbols) : new Int32Array(states * symbols);
    for (let k = first[0] as number; k < (first[1] as number); k++) {
      const t = children[k] as number;
      next[via[t] as number] = t;
    }
    for (let head = 0; head < tail; head++) {
      const t = queue[head] as number;
      const f = fail[t] as number;
      next.copyWithin(t * symbols, f * symbols, f * symbols + symbols);
      for (let k = first[t] as number; k < (first[t + 1] as number); k++) {
        const c = children[k] as number;
        next[t * symbols + (via[c] as number)] = c;
      }
    }
    this.next = next;
    this.word = word.subarray(0, states);
    this.dict = dict;
    this.out = new Uint8Array(states);
    for (let s = 0; s < states; s++) this.out[s] = word[s] !== -1 || dict[s] !== -1 ? 1 : 0;
  }

  /**
   * Calls `hit(word, end)` for every occurrence ending in [from, to); `end` is exclusive.
   * A `hit` that returns true stops the scan.
   */
  scan(
    text: string,
    hit: (word: number, end: number) => boolean | void,
    from = 0,
    to = text.length,
  ): void {
    from = Math.max(0, from);
    to = Math.min(to, text.length);
    // The text is read from a copy in a typed array, piece by piece: charCodeAt costs several
    // times what a typed-array read does, and the copy is one native pass. A scan started from
    // inside `hit` gets a copy of its own, so it never overwrites the outer scan's piece.
    const units = scanning ? new Uint16Array(Math.min(PIECE_UNITS, Math.max(1, to - from))) : piece;
    scanning = true;
    try {
      let s = 0;
      let space = false;
      for (let at = from; at < to; at += units.length) {
        const n = copyUnits(text, at, Math.min(to, at + units.length), units);
        const r = this.run(units, n, s, space, at, hit);
        if (r < 0) return;
        s = r >> 1;
        space = (r & 1) === 1;
      }
    } finally {
      if (units === piece) scanning = false;
    }
  }

  /**
   * The automaton over units[0, n), text position `base` onwards, from state `s`: returns
   * `state * 2 + (in a run of blanks)` to carry into the next piece, or -1 when `hit` stopped it.
   */
  private run(
    units: Uint16Array,
    n: number,
    s: number,
    space: boolean,
    base: number,
    hit: (word: number, end: number) => boolean | void,
  ): number {
    const { symbol, word, dict, next, width, out } = this;
    for (let i = 0; i < n; i++) {
      const c = units[i] as number;
      let a: number;
      if (c < 128) {
        if (c === 32 || (c >= 9 && c <= 13)) {
          if (space) continue;
          space = true;
        } else space = false;
        a = symbol[c] as number;
      } else if (c === FRAME_BAR && space) continue;
      else {
        s = 0;
        space = false;
        continue;
      }
      s = next[s * width + a] as number;
      if (out[s] === 0) continue;
      for (let o = word[s] !== -1 ? s : (dict[s] as number); o !== -1; o = dict[o] as number)
        if (hit(word[o] as number, base + i + 1) === true) return -1;
    }
    return s * 2 + (space ? 1 : 0);
  }

  /** True when any word occurs in the text. */
  any(text: string): boolean {
    let found = false;
    this.scan(text, () => (found = true));
    return found;
  }
}
