// The gate in front of the fact extractors' patterns (pattern-gate.ts) may only skip patterns
// that cannot match: with it, every labelled paste and the bench's big inputs get exactly the
// diagnosis they get with every pattern run.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDebugLog, makePlanPaste } from '../../bench/fixtures';
import { diagnose } from '../../src/diagnosis';
import { gate } from '../../src/diagnosis/pattern-gate';

/** The texts of every labelled set kept in the repository. */
function labelledTexts(): string[] {
  const fixtures = join(__dirname, '..', 'fixtures');
  const files = [
    join(__dirname, '..', '..', 'data', 'corpus', 'dev.jsonl'),
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(fixtures, f)),
  ];
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

describe('the pattern gate', () => {
  const texts = [...labelledTexts(), makePlanPaste(40 * 1024), makeDebugLog(512 * 1024, 7)];

  // Three diagnoses of every labelled paste take a while on a shared VM; nothing measures time.
  it('changes no diagnosis (every pattern learnt, then each paste gated and not)', () => {
    for (const t of texts) diagnose(t); // the gate learns the patterns the extractors use
    for (const t of texts) expect(diagnose(t)).toEqual(gate.bypass(() => diagnose(t)));
  }, 120_000);

  it('lets a pattern through when its literal occurs in another case or across a line break', () => {
    const re = /credentials? file "([^"]+)"/;
    const asked = (text: string) =>
      gate.during(() => Array.from({ length: 9 }, () => gate.mayMatch(re, text)).pop());
    asked('warm-up: the gate learns the pattern'); // learnt now, in the automaton from the next run
    expect(asked('no such thing here')).toBe(false);
    expect(asked('Shared CREDENTIALS\n  FILE "x"')).toBe(true);
    expect(gate.bypass(() => asked('no such thing here'))).toBe(true);
  });
});
