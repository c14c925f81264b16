// The secret scan's anchor pass (secret-anchors.ts) against the plain definitions it replaces:
// every occurrence of every anchor word (found with startsWith at every index), the escape
// characters, the hard-wrapped line breaks and the escaped `://`; and the anchors and escapes
// of a decoded view, carried over from its source, against a fresh pass over the view's text.

import fc from 'fast-check';
import {
  anchorsOf,
  isAfterToken,
  positionOf,
  scanAnchors,
  sliceAnchors,
  viewAnchors,
  wordOf,
  WORDS,
} from '../../src/diagnosis/secret-anchors';
import {
  decodeView,
  dewrapView,
  escapesIn,
  joinAt,
  rawView,
  viewEscapes,
} from '../../src/diagnosis/secret-views';

const isTokenChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_.-]/.test(c);

type Occurrence = [position: number, word: string, afterToken: boolean];

/** Every occurrence, by definition, by position then word id. */
function reference(text: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < text.length; i++)
    for (const w of WORDS)
      if (text.startsWith(w, i))
        out.push([i, w, (w === 's.' || w === 'b.') && isTokenChar(text[i - 1])]);
  return out;
}

/** What the pass found, in the same terms; its codes must be in increasing order. */
function found(text: string, codes: Float64Array): Occurrence[] {
  for (let k = 1; k < codes.length; k++)
    expect(codes[k] as number).toBeGreaterThan(codes[k - 1] as number);
  return [...codes].map((c) => {
    const [p, id] = [positionOf(c), wordOf(c)];
    return [p, isAfterToken(id) ? text.slice(p, p + 2) : (WORDS[id] as string), isAfterToken(id)];
  });
}

function referenceMarks(text: string): { escapes: number[]; breaks: number[]; schemes: number[] } {
  const escapes: number[] = [];
  const breaks: number[] = [];
  const schemes: number[] = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (joinAt(text, i, lineStart) !== -1) breaks.push(i);
      lineStart = i + 1;
    }
    if (c !== '&' && c !== '%' && c !== '\\') continue;
    escapes.push(i);
    for (const at of [i - 1, i])
      if (
        text[at] === (at === i - 1 ? ':' : '%') &&
        /^(?::|%3[Aa])(?:\\{1,8}\/|%2[Ff]){2}/.test(text.slice(at))
      )
        schemes.push(at);
  }
  return { escapes, breaks, schemes };
}

const PIECES = [
  'secret',
  'SECRET',
  '%73ecret',
  '\\u0073ecret',
  'token',
  'To\\u006ben',
  'key',
  'Ke',
  'y',
  'aws.',
  's.',
  'b.',
  'Xb.',
  '\\ns.',
  '%41s.',
  '&amp;s.',
  'hvs.',
  'Q~',
  '\\nQ~',
  'eyJ',
  'ACCESS_KEY',
  'ACCESS\\u005fKEY',
  'client-certificate-data',
  'client-%63ertificate-data',
  '://',
  ':\\/\\/',
  ':\\\\\\/\\\\\\/',
  '%3A%2F%2F',
  '%3a%2f%2f',
  '&amp;',
  '&lt;',
  '\\"',
  '\\\\',
  '%25',
  '%2F',
  '&',
  '%',
  '\\',
  ' ',
  '\n',
  '\r\n',
  `${'x'.repeat(64)}\n`,
  `${'A1b2'.repeat(16)}\n│ `,
  '2024-05-02T10:11:12Z',
  '│',
  'é',
  '\u0173', // folds to the same 7 bits as `s`
  '\u012e', // folds to `.`
];
const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 40 })
  .map((p) => p.join(''));

const list = (a: Float64Array): number[] => [...a];

describe('the anchor pass', () => {
  it('finds every occurrence of every word, and nothing else', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(found(t, anchorsOf(t))).toEqual(reference(t));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('marks the escapes, the hard-wrapped breaks and every escaped `://`', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { anchors, marks } = scanAnchors(t);
        expect(list(anchors)).toEqual(list(anchorsOf(t)));
        expect(marks).toEqual(referenceMarks(t));
      }),
      { numRuns: 1500, seed: 8 },
    );
  });

  // Ranges of 2,048 characters or more are read from a Latin-1 byte copy (secret-anchors.ts);
  // the texts above are shorter. These are longer, the last ones across read stretches (32 K).
  const long = (min: number, max: number) =>
    fc
      .array(fc.constantFrom(...PIECES), { minLength: min, maxLength: max })
      .map((p) => p.join('').padEnd(2100, 'x'));

  it('on long texts too (read from bytes), marks included', () => {
    fc.assert(
      fc.property(long(300, 700), (t) => {
        const { anchors, marks } = scanAnchors(t);
        expect(found(t, anchors)).toEqual(reference(t));
        expect(marks).toEqual(referenceMarks(t));
      }),
      { numRuns: 60, seed: 12 },
    );
    fc.assert(
      fc.property(long(9000, 11000), (t) => {
        expect(found(t, anchorsOf(t))).toEqual(reference(t));
      }),
      { numRuns: 3, seed: 13 },
    );
  });

  it('gives `s.`/`b.` after a token character an id that is only that', () => {
    const ids = (t: string) =>
      list(anchorsOf(t)).map((c) => [positionOf(c), isAfterToken(wordOf(c))]);
    expect(ids('s.x aws.x "b.x')).toEqual([
      [0, false],
      [6, true],
      [11, false],
    ]);
  });
});

describe('the anchors of a view, carried over from its source', () => {
  it('are those of a fresh pass over the view (decoded twice, then de-wrapped)', () => {
    fc.assert(
      fc.property(text, (t) => {
        let view = rawView(t, 0);
        let anchors = anchorsOf(t);
        for (const make of [decodeView, decodeView, dewrapView]) {
          view = make(view);
          anchors = viewAnchors(view, anchors);
          expect(list(anchors)).toEqual(list(anchorsOf(view.text)));
        }
      }),
      { numRuns: 1500, seed: 9 },
    );
  });

  it('and its escapes are those found in its text', () => {
    fc.assert(
      fc.property(text, (t) => {
        let view = rawView(t, 0);
        let escapes = escapesIn(t);
        for (const make of [decodeView, decodeView, dewrapView]) {
          const next = make === dewrapView ? dewrapView(view) : decodeView(view, escapes);
          escapes = viewEscapes(next, escapes);
          expect(escapes).toEqual(escapesIn(next.text));
          expect(next.text).toBe(make(view).text); // with or without the known escapes
          view = next;
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('of a slice are those of a fresh pass over the slice', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
        const s = t.length === 0 ? 0 : x % t.length;
        const e = s + (t.length === s ? 0 : y % (t.length - s + 1));
        expect(list(sliceAnchors(anchorsOf(t), s, e))).toEqual(list(anchorsOf(t.slice(s, e))));
      }),
      { numRuns: 1500, seed: 10 },
    );
  });
});
