// Human-readable rendering of a diagnosis for the terminal.

import { factList, type Diagnosis } from '../diagnosis';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const COLOR: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

const id = (s: string): string => s;
export const PLAIN: Style = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id };

/** Same order as the Slack reply: what failed, why, what to run first; then the detail. */
export function renderDiagnosis(d: Diagnosis, s: Style): string {
  const out: string[] = [];
  const pct = (n: number): string => `${Math.round(n * 100)}%`;
  const command = (c: string): string => `     ${s.yellow('$')} ${c}`;
  const title = (step: Diagnosis['steps'][number]): string =>
    `${step.title}${step.shell ? s.dim(step.shell === 'powershell' ? ' (PowerShell)' : ' (bash)') : ''}`;
  if (d.classId === 'none') {
    out.push(
      `${s.green('✓')} ${s.bold(d.title)} ${s.dim(`(confidence ${pct(d.confidence)})`)}`,
      d.summary,
    );
  } else {
    const top = d.causes[0];
    out.push(`${s.red('✗')} ${s.bold(d.title)}`);
    out.push(
      top
        ? `  Most likely: ${top.title}${top.evidence[0] ? ` — ${top.evidence[0]}` : ''}`
        : d.summary,
    );
    out.push(s.dim(`  ${d.classId} · confidence ${pct(d.confidence)}`));
  }
  const [first, ...rest] = d.steps;
  if (first) {
    out.push('', s.bold(`Do this first — ${title(first)}`));
    if (first.detail) out.push(`     ${s.dim(first.detail)}`);
    for (const c of first.commands) out.push(command(c));
  }
  if (d.secrets.length > 0) {
    out.push('', s.red(s.bold('Secrets in this text — rotate them now')));
    for (const x of d.secrets)
      out.push(
        `  - line ${x.line}: ${x.kind} ${x.masked}${x.mustRotate ? '' : s.dim(' (an id, not a secret by itself)')}`,
      );
  }
  if (d.classId !== 'none') out.push('', d.summary);
  const facts = factList(d.facts);
  if (facts.length > 0 && d.classId !== 'none') {
    const width = Math.max(...facts.map((f) => f.label.length));
    out.push('', s.bold('Facts'));
    for (const f of facts) out.push(`  ${s.dim(f.label.padEnd(width))}  ${f.value}`);
  }
  if (d.causes.length > 0) {
    out.push('', s.bold('Likely causes'));
    d.causes.forEach((c, i) => {
      out.push(`  ${i + 1}. ${c.title} ${s.dim(`(${pct(c.score)})`)}`);
      for (const e of c.evidence) out.push(`     ${s.cyan('↳')} ${e}`);
    });
  }
  if (rest.length > 0) {
    out.push('', s.bold('Then'));
    rest.forEach((step, i) => {
      out.push(`  ${i + 2}. ${title(step)}`);
      if (step.detail) out.push(`     ${s.dim(step.detail)}`);
      for (const c of step.commands) out.push(command(c));
    });
  }
  if (d.docs.length > 0) {
    out.push('', s.bold('Docs'));
    for (const doc of d.docs) out.push(`  - ${doc.title}: ${doc.url}`);
  }
  if (d.others.length > 0) {
    out.push('', s.bold('Also in this paste'));
    for (const o of d.others) {
      out.push(`  - ${o.title} ${s.dim(`(${o.classId})`)}`);
      for (const step of o.checklist ?? []) {
        out.push(`     ${title(step)}`);
        for (const c of step.commands) out.push(command(c));
      }
    }
  }
  for (const n of d.notes) out.push('', s.dim(n));
  return `${out.join('\n')}\n`;
}
