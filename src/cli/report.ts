// Terminal rendering of an evaluation report.

import type { EvalReport } from '../diagnosis/evaluate';
import type { Style } from './render';

export function renderReport(r: EvalReport, s: Style): string {
  const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
  const out: string[] = [];
  out.push(
    s.bold(`Accuracy: ${pct(r.accuracy)} (${r.correct}/${r.total})`) +
      `  95% interval ${pct(r.accuracyInterval.low)}–${pct(r.accuracyInterval.high)} (Wilson)` +
      `  macro-F1 ${r.macroF1.toFixed(3)}`,
  );
  out.push(
    `none cases called an auth class: ${r.noneFalsePositives.length === 0 ? s.green('0') : s.red(String(r.noneFalsePositives.length))}`,
  );
  out.push(
    '',
    s.bold('Per class'),
    `  ${'class'.padEnd(28)} ${'support'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`,
  );
  for (const c of r.perClass) {
    const recall = pct(c.recall).padStart(7);
    out.push(
      `  ${c.classId.padEnd(28)} ${String(c.support).padStart(7)} ${pct(c.precision).padStart(9)} ${c.recall < 0.8 && c.support > 0 ? s.red(recall) : recall}`,
    );
  }
  out.push(
    '',
    s.bold('Calibration (confidence band → share correct)'),
    `  ${'band'.padEnd(9)} ${'cases'.padStart(5)} ${'correct'.padStart(7)} ${'share'.padStart(7)} ${'mean conf'.padStart(9)}`,
  );
  for (const b of r.calibration)
    out.push(
      `  ${b.label.padEnd(9)} ${String(b.count).padStart(5)} ${String(b.correct).padStart(7)} ${(b.count === 0 ? '–' : pct(b.share)).padStart(7)} ${(b.count === 0 ? '–' : b.meanConfidence.toFixed(2)).padStart(9)}`,
    );
  if (r.confusion.length > 0) {
    out.push('', s.bold('Confusions (label → predicted)'));
    for (const c of r.confusion) out.push(`  ${c.count}× ${c.label} → ${c.predicted}`);
  }
  if (r.misses.length > 0) {
    out.push('', s.bold('Misses'));
    for (const m of r.misses) out.push(`  ${m.id}: ${m.label} → ${m.predicted} (${m.confidence})`);
  }
  return `${out.join('\n')}\n`;
}
