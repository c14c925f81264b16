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

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  perClass: ClassScore[];
  /** `none` cases the classifier called an auth class: the bot would have spoken up. */
  noneFalsePositives: LabelledPrediction[];
  confusion: Array<{ label: string; predicted: string; count: number }>;
  misses: LabelledPrediction[];
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
  return {
    total: rows.length,
    correct,
    accuracy: ratio(correct, rows.length),
    perClass,
    noneFalsePositives: misses.filter((m) => m.label === 'none'),
    confusion: [...pairs.values()].sort((a, b) => b.count - a.count),
    misses,
  };
}
