// The arithmetic of `tfauth eval`: Wilson interval, macro-F1, calibration bands.

import {
  calibration,
  evaluate,
  f1,
  wilson,
  type LabelledPrediction,
} from '../../src/diagnosis/evaluate';

const row = (label: string, predicted: string, confidence: number, i = 0): LabelledPrediction => ({
  id: `r${i}`,
  label,
  predicted,
  confidence,
});

describe('wilson', () => {
  // Reference values: Newcombe (1998), Table I, and the usual textbook cases.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [8, 10, 0.4902, 0.9433],
    [10, 20, 0.2993, 0.7007],
    [0, 10, 0, 0.2775],
    [100, 100, 0.963, 1],
  ])('%i of %i → [%f, %f]', (k, n, low, high) => {
    const w = wilson(k, n);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });

  it('is [0, 1] with no cases', () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('f1 and macro-F1', () => {
  it('is the harmonic mean, 0 when both are 0', () => {
    expect(f1(1, 1)).toBe(1);
    expect(f1(0.5, 1)).toBeCloseTo(2 / 3, 10);
    expect(f1(0, 0)).toBe(0);
  });

  it('averages F1 over the classes that occur as labels', () => {
    // a: 2 labelled, both right, plus one b predicted a → P 2/3, R 1 → F1 0.8
    // b: 2 labelled, one right → P 1, R 1/2 → F1 2/3
    const r = evaluate([
      row('a', 'a', 0.9, 1),
      row('a', 'a', 0.9, 2),
      row('b', 'b', 0.9, 3),
      row('b', 'a', 0.7, 4),
    ]);
    expect(r.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 4);
    expect(r.accuracy).toBe(0.75);
    const w = wilson(3, 4);
    expect(r.accuracyInterval.low).toBeCloseTo(w.low, 4);
    expect(r.accuracyInterval.high).toBeCloseTo(w.high, 4);
  });

  it('a class only ever predicted (never a label) does not count', () => {
    const r = evaluate([row('a', 'a', 0.9, 1), row('a', 'x', 0.9, 2)]);
    // a: P 1, R 1/2 → F1 2/3; x has no support.
    expect(r.macroF1).toBeCloseTo(2 / 3, 4);
  });
});

describe('calibration', () => {
  it('puts each answer in its band (lower bound inclusive) and counts the right ones', () => {
    const bands = calibration([
      row('a', 'a', 0.3),
      row('a', 'b', 0.5),
      row('a', 'a', 0.59),
      row('a', 'a', 0.6),
      row('a', 'b', 0.85),
      row('a', 'a', 0.9),
      row('a', 'a', 1),
    ]);
    expect(bands.map((b) => [b.label, b.count, b.correct])).toEqual([
      ['< 0.5', 1, 1],
      ['0.5–0.6', 2, 1],
      ['0.6–0.7', 1, 1],
      ['0.7–0.8', 0, 0],
      ['0.8–0.9', 1, 0],
      ['≥ 0.9', 2, 2],
    ]);
    expect(bands[1]?.share).toBe(0.5);
    expect(bands[3]?.share).toBe(0);
  });
});
