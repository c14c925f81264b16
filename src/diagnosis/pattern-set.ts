// Many patterns tried on one text: a single pass of the prefilter's automaton (multi-match.ts)
// over the text tells which patterns' required literals (keywords.ts) occur, and only those
// patterns (and any without a literal) are run — instead of one regular-expression pass over
// the whole text per pattern, most of which find nothing. Case and whitespace are folded, so
// the look-up can only let too many patterns through, never too few.

import { requiredLiterals } from './keywords';
import { MultiMatcher } from './multi-match';

export class PatternSet {
  private readonly matcher: MultiMatcher;
  /** Per word of the matcher, the patterns it lets through. */
  private readonly selects: number[][];
  private readonly always: number[];

  constructor(readonly patterns: readonly RegExp[]) {
    const words = new Map<string, number[]>();
    const always: number[] = [];
    patterns.forEach((re, i) => {
      // Unicode case folding maps some letters onto ASCII (`ſ`, `K`); `\k` is a back-reference.
      const literals =
        /[uv]/.test(re.flags) || re.source.includes('\\k') ? undefined : requiredLiterals(re);
      if (!literals) always.push(i);
      else for (const w of literals) words.set(w, [...(words.get(w) ?? []), i]);
    });
    this.matcher = new MultiMatcher([...words.keys()]);
    this.selects = [...words.values()];
    this.always = always;
  }

  /** For each pattern, false when it cannot match `text`. */
  candidates(text: string): boolean[] {
    const out = this.patterns.map(() => false);
    for (const i of this.always) out[i] = true;
    this.matcher.scan(text, (word) => {
      for (const i of this.selects[word] as number[]) out[i] = true;
    });
    return out;
  }
}
