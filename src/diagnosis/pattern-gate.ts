// The fact extractors try ~150 patterns on the same few texts, and most find nothing. Asked
// whether a pattern can match a text, the gate answers from one automaton pass over that text
// (multi-match.ts), made once it has been asked about a few patterns: the pattern can match
// only if one of the literals every match of it contains (keywords.ts) occurs. Patterns are
// known by flags and source (a regex literal is a new object each time it is evaluated) and
// learnt the first time they are asked about; the automaton is rebuilt with the new ones
// before the next extraction, and a pattern it does not have yet is simply run. Case and
// blanks are folded, so the gate can only let too many patterns through, never too few.

import { requiredLiterals } from './keywords';
import { MultiMatcher } from './multi-match';

/** A text is scanned once this many patterns have been asked about it (fewer: just run them). */
const SCAN_AFTER = 8;

/** Patterns are literals in the code; a pattern built from input would not be learnt past this. */
const MAX_PATTERNS = 2000;

interface TextState {
  text: string;
  asked: number;
  /** Per pattern id, 1 when one of its literals occurs in the text. */
  may?: Uint8Array;
}

class PatternGate {
  private readonly ids = new Map<string, Map<string, number>>();
  /** Per pattern id: its literals, or null when it is always run. */
  private readonly literals: Array<readonly string[] | null> = [];
  private matcher: MultiMatcher | undefined;
  /** Per word of the matcher, the pattern ids it lets through. */
  private selects: number[][] = [];
  /** Patterns [0, covered) are in the matcher. */
  private covered = 0;
  /** The texts asked about in the current extraction (none: the gate lets everything run). */
  private texts: TextState[] | undefined;

  private bypassed = false;

  /** Runs `fn` with the gate in use; the texts it reads are remembered for its duration only. */
  during<T>(fn: () => T): T {
    if (this.bypassed) return fn();
    if (this.covered < this.literals.length) this.rebuild();
    const outer = this.texts;
    this.texts = [];
    try {
      return fn();
    } finally {
      this.texts = outer;
    }
  }

  /** Runs `fn` with every pattern let through (what the gate must never change: tests). */
  bypass<T>(fn: () => T): T {
    const outer = this.bypassed;
    this.bypassed = true;
    try {
      return fn();
    } finally {
      this.bypassed = outer;
    }
  }

  /** False only when `re` cannot match `text`. */
  mayMatch(re: RegExp, text: string): boolean {
    const id = this.idOf(re);
    if (this.bypassed || !this.texts || id >= this.covered || this.literals[id] === null)
      return true;
    let state = this.texts.find((t) => t.text === text);
    if (!state) this.texts.push((state = { text, asked: 0 }));
    if (!state.may) {
      if (++state.asked < SCAN_AFTER) return true;
      state.may = this.scan(text);
    }
    return state.may[id] === 1;
  }

  private idOf(re: RegExp): number {
    let bySource = this.ids.get(re.flags);
    if (!bySource) this.ids.set(re.flags, (bySource = new Map<string, number>()));
    let id = bySource.get(re.source);
    if (id === undefined && this.literals.length >= MAX_PATTERNS) return this.literals.length;
    if (id === undefined) {
      id = this.literals.length;
      bySource.set(re.source, id);
      // Unicode case folding maps some letters onto ASCII (`ſ`, `K`); `\k` is a back-reference.
      const plain = !/[uv]/.test(re.flags) && !re.source.includes('\\k');
      this.literals.push((plain ? requiredLiterals(re) : undefined) ?? null);
    }
    return id;
  }

  private rebuild(): void {
    const words = new Map<string, number[]>();
    this.literals.forEach((literals, id) => {
      for (const w of literals ?? []) words.set(w, [...(words.get(w) ?? []), id]);
    });
    this.matcher = new MultiMatcher([...words.keys()]);
    this.selects = [...words.values()];
    this.covered = this.literals.length;
  }

  private scan(text: string): Uint8Array {
    const may = new Uint8Array(this.covered);
    this.matcher?.scan(text, (word) => {
      for (const id of this.selects[word] as number[]) may[id] = 1;
    });
    return may;
  }
}

export const gate = new PatternGate();
