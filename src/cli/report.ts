// Terminal rendering of an evaluation report.

import type { EvalReport } from '../diagnosis';
import type { Style } from './render';

export function renderReport(r: EvalReport, s: Style): string {
  const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
  const out: string[] = [];
  out.push(s.bold(`Accuracy: ${pct(r.accuracy)} (${r.correct}/${r.total})`));
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
