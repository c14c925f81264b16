// The secret scan runs in time linear in its input, on any input (issue 11, part 2):
// every pattern is checked with recheck, and hostile shapes at 1 MB and 10 MB are scanned with
// the work counted (attempts, characters decoded into views, characters searched for copies)
// — no clock: the counts of a 10 MB input must stay within 10.5× those of 1 MB.

import fc from 'fast-check';
import { PATTERNS, URL_CREDENTIALS } from '../../src/diagnosis/secret-patterns';
import { newWork, redactSecrets, type ScanWork } from '../../src/diagnosis/secrets';
import { LinearityChecker } from '../support/linearity';

// Scanning 10 MB several times takes a while on a shared VM; nothing here measures time.
jest.setTimeout(300_000);

const MB = 1024 * 1024;
const total = (w: ScanWork): number => w.attempts + w.viewChars + w.searched;

function work(text: string): ScanWork {
  const w = newWork();
  redactSecrets(text, { work: w });
  return w;
}

const repeatTo = (unit: string, size: number): string =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

describe('every secret pattern is linear (recheck)', () => {
  const recheck = new LinearityChecker();
  afterAll(() => recheck.save());
  // Each pattern runs sticky from near its anchor: one attempt is what recheck checks (`^`).
  it.each(
    [...PATTERNS.map((p) => p.re), URL_CREDENTIALS].map((re) => [re.source.slice(0, 60), re]),
  )('%s', (_name, re) => {
    const anchored = new RegExp(`^(?:${re.source})`, re.flags.replace(/[gyd]/g, ''));
    expect(recheck.verdict(anchored)).toBe('safe');
  });
});

// The shapes from issue 11 (1 MB of `eyJ-` took 6.7 s through the CLI, 10 MB 80 s; 10 MB of
// PEM headers 20 s) and a few more of the same family.
const HOSTILE: Array<[string, string]> = [
  ['eyJ-', 'eyJ-'],
  ['PEM headers', '-----BEGIN RSA PRIVATE KEY-----\n'],
  ['PEM header, no footer', '-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  ['assignments', 'aws_secret_access_key=aws_secret_access_key='],
  ['URL credentials', 'https://u:p@https://u:p@'],
];

describe('hostile shapes: 10 MB costs at most 10.5× the work of 1 MB', () => {
  it.each(HOSTILE)('%s', (_name, unit) => {
    const small = total(work(repeatTo(unit, MB)));
    const large = total(work(repeatTo(unit, 10 * MB)));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(10.5);
  });

  // Random units at 100 KB and 1 MB (the same ratio, a tenth of the time).
  it('property: any repetition of anchors, separators and value characters', () => {
    const piece = fc.constantFrom(
      'eyJ',
      '-',
      '.',
      '=',
      ':',
      ' ',
      '\n',
      '"',
      'A1b2C3',
      'secret',
      'token',
      'key',
      'Bearer ',
      'Basic ',
      'PRIVATE KEY',
      '-----BEGIN ',
      '-----',
      '://',
      '@',
      's.',
      'hvs.',
      'sig=',
      'xoxb-',
      'ghp_',
      '%2F',
      '\\n',
      '\\u0041',
      '&amp;',
      'IQoJb3JpZ2luX2Vj',
      'LS0tLS1CRUdJTi',
      'client-key-data: ',
      '=A1b2C3d4E5f6G7h8\n',
      'token='.repeat(12),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const unit = pieces.join('');
        const small = total(work(repeatTo(unit, MB / 10)));
        const large = total(work(repeatTo(unit, MB)));
        return large <= 10.5 * Math.max(small, 1);
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});

describe('a fixed budget', () => {
  it('scans at most maxChars and passes nothing on unscanned', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
    const text = `${'x'.repeat(1000)}\naws_secret_access_key = ${secret}\n${'y'.repeat(5000)}\naws_secret_access_key = ${secret.replace('w', 'q')}\n`;
    const r = redactSecrets(text, { maxChars: 2000 });
    expect(r.complete).toBe(false);
    expect(r.text.length).toBeLessThanOrEqual(2000);
    expect(r.text).not.toContain(secret);
    expect(r.findings.map((f) => f.kind)).toEqual(['aws_secret_access_key']);
    expect(redactSecrets(text).complete).toBe(true);
  });
});
