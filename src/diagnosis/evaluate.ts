// Scores predictions against a labelled corpus (the format of ../shared/corpus/dev.jsonl).

export interface LabelledPrediction {
  id: string;
  label: string;
  predicted: string;
  confidence: number;
}

export interface ClassScore {
  classId: string;
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

/** A confidence band [min, max) and how often its answers were right. */
export interface CalibrationBand {
  label: string;
  min: number;
  max: number;
  count: number;
  correct: number;
  /** correct ÷ count (0 for an empty band). */
  share: number;
  meanConfidence: number;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  /** Wilson score interval (95%) on the accuracy. */
  accuracyInterval: { low: number; high: number };
  /** Mean of the per-class F1 over the classes that occur as labels. */
  macroF1: number;
  calibration: CalibrationBand[];
  perClass: ClassScore[];
  /** `none` cases the classifier called an auth class: the bot would have spoken up. */
  noneFalsePositives: LabelledPrediction[];
  confusion: Array<{ label: string; predicted: string; count: number }>;
  misses: LabelledPrediction[];
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for `successes` of `n` (Wilson 1927); [0, 1] when n is 0. */
export function wilson(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** F1 of one class: the harmonic mean of precision and recall (0 when both are 0). */
export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** The calibration table's bands: lower bound inclusive, upper exclusive (the last includes 1). */
export const CALIBRATION_BANDS: Array<[number, number]> = [
  [0, 0.5],
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, Infinity],
];

export function calibration(rows: LabelledPrediction[]): CalibrationBand[] {
  return CALIBRATION_BANDS.map(([min, max]) => {
    const inBand = rows.filter((r) => r.confidence >= min && r.confidence < max);
    const correct = inBand.filter((r) => r.label === r.predicted).length;
    const label = min === 0 ? `< ${max}` : max === Infinity ? `≥ ${min}` : `${min}–${max}`;
    const mean = inBand.reduce((s, r) => s + r.confidence, 0) / (inBand.length || 1);
    return {
      label,
      min,
      max,
      count: inBand.length,
      correct,
      share: inBand.length === 0 ? 0 : correct / inBand.length,
      meanConfidence: Math.round(mean * 1000) / 1000,
    };
  });
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

export function evaluate(rows: LabelledPrediction[]): EvalReport {
  const classes = new Set<string>();
  for (const r of rows) classes.add(r.label).add(r.predicted);
  const perClass = [...classes].sort().map((classId) => {
    const support = rows.filter((r) => r.label === classId).length;
    const predicted = rows.filter((r) => r.predicted === classId).length;
    const correct = rows.filter((r) => r.label === classId && r.predicted === classId).length;
    return {
      classId,
      support,
      predicted,
      correct,
      precision: ratio(correct, predicted),
      recall: ratio(correct, support),
    };
  });
  const misses = rows.filter((r) => r.label !== r.predicted);
  const pairs = new Map<string, { label: string; predicted: string; count: number }>();
  for (const m of misses) {
    const key = `${m.label}\u0000${m.predicted}`;
    const pair = pairs.get(key) ?? { label: m.label, predicted: m.predicted, count: 0 };
    pair.count++;
    pairs.set(key, pair);
  }
  const correct = rows.length - misses.length;
  const labelled = perClass.filter((c) => c.support > 0);
  const interval = wilson(correct, rows.length);
  const macroF1 =
    labelled.reduce(
      (sum, c) => sum + f1(c.correct / (c.predicted || 1), c.correct / c.support),
      0,
    ) / (labelled.length || 1);
  return {
    total: rows.length,
    correct,
    accuracy: ratio(correct, rows.length),
    accuracyInterval: { low: round4(interval.low), high: round4(interval.high) },
    macroF1: round4(macroF1),
    calibration: calibration(rows),
    perClass,
    noneFalsePositives: misses.filter((m) => m.label === 'none'),
    confusion: [...pairs.values()].sort((a, b) => b.count - a.count),
    misses,
  };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
