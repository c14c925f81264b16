// Finds many literal words in one pass over a text (Aho–Corasick, as a table-driven automaton):
// the prefilter's scanner. ASCII letters are folded to lower case; words are lower-case ASCII.
// A character outside ASCII is in no word, so it sends the automaton back to its start.

export class MultiMatcher {
  /** Symbol of each ASCII code (0: in no word). Upper case shares the lower-case symbol. */
  private readonly symbol = new Uint8Array(128);
  private readonly width: number;
  /** delta[state * width + symbol] → next state. */
  private readonly delta: Int32Array;
  /** Words ending at each state: outputs[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outputs: Int32Array;

  constructor(readonly words: readonly string[]) {
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
    this.width = symbols;
    // The trie.
    const next: number[][] = [new Array<number>(symbols).fill(-1)];
    const ends: number[][] = [[]];
    words.forEach((w, id) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const a = this.symbol[w.charCodeAt(i)] as number;
        const row = next[s] as number[];
        if (row[a] === -1) {
          row[a] = next.length;
          next.push(new Array<number>(symbols).fill(-1));
          ends.push([]);
        }
        s = row[a] as number;
      }
      (ends[s] as number[]).push(id);
    });
    // Failure links, breadth first; missing transitions become the failure's transitions.
    const states = next.length;
    const fail = new Int32Array(states);
    const queue: number[] = [];
    const root = next[0] as number[];
    for (let a = 0; a < symbols; a++) {
      const t = root[a] as number;
      if (t === -1) root[a] = 0;
      else queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number;
      const row = next[s] as number[];
      (ends[s] as number[]).push(...(ends[fail[s] as number] as number[]));
      for (let a = 0; a < symbols; a++) {
        const t = row[a] as number;
        const viaFail = (next[fail[s] as number] as number[])[a] as number;
        if (t === -1) row[a] = viaFail;
        else {
          fail[t] = viaFail;
          queue.push(t);
        }
      }
    }
    this.delta = new Int32Array(states * symbols);
    next.forEach((row, s) => this.delta.set(row, s * symbols));
    this.outStart = new Int32Array(states + 1);
    const flat: number[] = [];
    for (let s = 0; s < states; s++) {
      this.outStart[s] = flat.length;
      flat.push(...new Set(ends[s]));
    }
    this.outStart[states] = flat.length;
    this.outputs = Int32Array.from(flat);
  }

  /** Calls `hit(word, end)` for every occurrence ending in [from, to); `end` is exclusive. */
  scan(text: string, hit: (word: number, end: number) => void, from = 0, to = text.length): void {
    const { symbol, delta, width, outStart, outputs } = this;
    let s = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      s = c < 128 ? (delta[s * width + (symbol[c] as number)] as number) : 0;
      const o = outStart[s] as number;
      const end = outStart[s + 1] as number;
      for (let k = o; k < end; k++) hit(outputs[k] as number, i + 1);
    }
  }

  /** True when any word occurs in the text. */
  any(text: string): boolean {
    const { symbol, delta, width, outStart } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = c < 128 ? (delta[s * width + (symbol[c] as number)] as number) : 0;
      if ((outStart[s] as number) !== (outStart[s + 1] as number)) return true;
    }
    return false;
  }
}
