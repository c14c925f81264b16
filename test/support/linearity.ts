// Is a pattern linear-time? recheck (makenowjust's ReDoS checker) decides. Its automaton
// checker decides most patterns exactly and fast; one it cannot decide within its limits (or
// whose bounded repeats are too large to expand, which overflows its stack) goes to the fuzzing
// checker, seeded so the verdict is repeatable. A verdict depends only on the pattern, its
// flags and recheck's version, so it is cached by those outside the repository
// (node_modules/.cache/tfauth): only new or changed patterns cost time.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';

const RECHECK_VERSION = (
  JSON.parse(readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }
).version;
export const CACHE_DIR = join(__dirname, '..', '..', 'node_modules', '.cache', 'tfauth');
const CACHE_FILE = join(CACHE_DIR, `recheck-${RECHECK_VERSION}.json`);
/** Bounded repeats at least this large go straight to the fuzzing checker. */
const HUGE_REPEAT = 500;

export type Verdict = 'safe' | `vulnerable (${string})` | `unknown (${string})`;

export class LinearityChecker {
  private readonly cache: Record<string, Verdict>;
  private changed = false;

  constructor() {
    try {
      this.cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, Verdict>;
    } catch {
      this.cache = {}; // none yet, or torn: asked again
    }
  }

  verdict(re: RegExp): Verdict {
    const key = `${re.flags}/${re.source}`;
    const cached = this.cache[key];
    if (cached) return cached;
    const huge = [...re.source.matchAll(/\{\d+,(\d+)\}/g)].some((m) => Number(m[1]) >= HUGE_REPEAT);
    let r = huge
      ? undefined
      : checkSync(re.source, re.flags, { checker: 'automaton', timeout: 3000 });
    if (!r || r.status === 'unknown')
      r = checkSync(re.source, re.flags, { checker: 'fuzz', timeout: 5000, randomSeed: 0 });
    const verdict: Verdict =
      r.status === 'safe'
        ? 'safe'
        : r.status === 'vulnerable'
          ? `vulnerable (${r.complexity.type})`
          : `unknown (${r.error.kind})`;
    // A timeout depends on the machine's load: asked again next time.
    if (!verdict.startsWith('unknown')) {
      this.cache[key] = verdict;
      this.changed = true;
    }
    return verdict;
  }

  /**
   * Writes new verdicts back. Written aside and renamed: suites running at once never read a
   * torn file, and a cache shared by hard links (worktrees) is replaced, not rewritten.
   */
  save(): void {
    if (!this.changed) return;
    mkdirSync(CACHE_DIR, { recursive: true });
    let merged = this.cache;
    try {
      merged = { ...(JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as object), ...this.cache };
    } catch {
      // nothing to merge
    }
    const aside = `${CACHE_FILE}.${process.pid}`;
    writeFileSync(aside, JSON.stringify(merged));
    renameSync(aside, CACHE_FILE);
    this.changed = false;
  }
}
