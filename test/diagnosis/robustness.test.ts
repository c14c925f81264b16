// Hostile input: the engine never throws and its stages grow linearly with input size.
// Linearity is checked as a growth ratio between two sizes (8×), so a quadratic stage
// (64×) fails while machine speed does not matter. The cost is the process's CPU time, the
// least of three runs of each size taken in turn: other work on a busy machine (or another
// Jest worker) slows the wall clock of one size more than the other, not the CPU time spent.

import fc from 'fast-check';
import { diagnose } from '../../src/diagnosis';
import { classify } from '../../src/diagnosis/classify';
import { extractFacts } from '../../src/diagnosis/facts';
import { normalize } from '../../src/diagnosis/normalize';
import { findSecrets } from '../../src/diagnosis/secrets';

/** Every stage, called directly on the whole text (diagnose() itself caps what they see). */
function allStages(text: string): void {
  const { blocks, text: normalized } = normalize([text]);
  classify(blocks);
  extractFacts({ text: normalized, flat: blocks.map((b) => b.flat).join('\n'), context: '' });
  findSecrets(text);
  diagnose(text);
}

const HOSTILE: Record<string, (n: number) => string> = {
  'one repeated character': (n) => 'a'.repeat(n),
  'Error: on every line': (n) => 'Error:\n'.repeat(Math.ceil(n / 7)),
  'unbalanced code fences': (n) => '```\n╷\n│ '.repeat(Math.ceil(n / 8)),
  'deep nesting of quotes and brackets': (n) =>
    '(["{<'.repeat(Math.ceil(n / 10)) + '>}"])'.repeat(Math.ceil(n / 10)),
  'near-miss ARNs': (n) => 'arn:aws:iam::'.repeat(Math.ceil(n / 13)),
  'near-miss access keys': (n) => 'AKIA'.repeat(Math.ceil(n / 4)),
  'long token-like run': (n) => 'aws_secret_access_key=' + 'A'.repeat(n),
  'repeated chain words': (n) =>
    'operation error STS: AssumeRole, https response error '.repeat(Math.ceil(n / 53)),
  'spaces and pipes': (n) => '│ '.repeat(Math.ceil(n / 2)),
  'Slack links': (n) => '<https://'.repeat(Math.ceil(n / 9)),
};

/** CPU time (µs) of `f`, this process's user + system. */
function cpuTime(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** The least CPU time of three runs of each, small and large in turn. */
function costs(small: () => void, large: () => void): { small: number; large: number } {
  const best = { small: Infinity, large: Infinity };
  for (let i = 0; i < 3; i++) {
    best.small = Math.min(best.small, cpuTime(small));
    best.large = Math.min(best.large, cpuTime(large));
  }
  return best;
}

describe('robustness', () => {
  it.each(Object.keys(HOSTILE))(
    '%s: 1 MB does not throw, and 8× the input costs far less than 64× the time',
    (name) => {
      const make = HOSTILE[name] as (n: number) => string;
      const small = make(128 * 1024);
      const large = make(1024 * 1024);
      // Timing the stages runs them: a throw fails the test right there.
      const cost = costs(
        () => allStages(small),
        () => allStages(large),
      );
      expect(cost.large / Math.max(cost.small, 1)).toBeLessThan(24);
    },
  );

  it('never throws on arbitrary unicode, binary junk or Slack-ish markup (property)', () => {
    const junk = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.string({ unit: 'grapheme', maxLength: 500 }),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')),
      fc
        .array(
          fc.constantFrom(
            '╷',
            '│',
            '╵',
            '```',
            '&lt;',
            '&amp;',
            '<@U1>',
            '<https://x|y>',
            '\x1b[31m',
            'Error: ',
            'AKIA',
            'arn:aws:iam::',
            '\r\n',
            '\u0000',
            '\uFFFD',
            'api error ',
            'AADSTS',
          ),
          { maxLength: 400 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(junk, (text) => {
        const d = diagnose(text);
        return typeof d.classId === 'string' && d.confidence >= 0 && d.confidence <= 1;
      }),
      { numRuns: 400 },
    );
  });

  it('tolerates non-string input from JavaScript callers', () => {
    expect(diagnose(undefined as unknown as string).classId).toBe('none');
    expect(diagnose(42 as unknown as string).classId).toBe('none');
  });
});
