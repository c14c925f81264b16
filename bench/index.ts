// `npm run bench`: runs the bench sections in order and prints a report, one aligned table
// per section with each measurement next to the baseline measured beside it in the same
// run. The bench reports; it does not gate: a missed target prints ✗ and the exit code
// stays 0 (it is 1 only when a section crashed, 2 on bad arguments).
//
//   npm run bench                      all sections, readable report
//   npm run bench -- --json            one JSON object on stdout (progress goes to stderr)
//   npm run bench -- --only engine     one section
//   npm run bench -- --quick           fewer rounds (smoke runs)
//
// Adding a section: write bench/<id>.ts exporting `async function run(ctx: BenchContext):
// Promise<Section>` (types in ./types), then `import * as <id> from './<id>'` here and add
// `{ id: '<id>', load: async () => <id> }` to SECTIONS below. Use ./stats for timing (interleave() measures a function beside its
// baseline) and call ctx.gc() between phases.

import { existsSync } from 'node:fs';
import { cpus, arch, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import * as delivery from './delivery';
import * as engine from './engine';
import * as memory from './memory';
import * as slack from './slack';
import { formatNumber, gc, getChecksum, hasGc } from './stats';
import type { BenchContext, BenchOptions, Row, Section, SectionModule } from './types';

export type { BenchContext, BenchOptions, Row, Section, SectionModule } from './types';

export interface SectionEntry {
  /** What `--only` selects, and the section's key in the JSON output. */
  id: string;
  /** The section's module. Importing it must not start anything: work belongs in `run`. */
  load: () => Promise<SectionModule>;
}

/** The sections, in the order they run. */
export const SECTIONS: SectionEntry[] = [
  { id: 'engine', load: async () => engine },
  { id: 'slack', load: async () => slack },
  { id: 'delivery', load: async () => delivery },
  { id: 'memory', load: async () => memory },
];

export interface SectionResult extends Section {
  id: string;
  seconds: number;
  /** Set when the section threw; its rows are then empty. */
  error?: string;
}

export interface Environment {
  node: string;
  v8: string;
  cpu: string;
  cpus: number;
  os: string;
  memoryGiB: number;
  gcExposed: boolean;
  date: string;
}

export interface Report {
  environment: Environment;
  options: BenchOptions;
  sections: SectionResult[];
  targets: { total: number; met: number; missed: string[] };
  /** Folded results of every timed call: proves the measured work was not optimised away. */
  checksum: number;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): BenchOptions & { help: boolean } {
  const options: BenchOptions & { help: boolean } = { json: false, quick: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') options.json = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--only') {
      const value = argv[++i];
      if (!value) throw new UsageError('--only needs a section id');
      options.only = value;
    } else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length);
    else throw new UsageError(`unknown argument: ${arg}`);
  }
  if (options.only !== undefined && !SECTIONS.some((s) => s.id === options.only))
    throw new UsageError(
      `unknown section "${options.only}"; sections: ${SECTIONS.map((s) => s.id).join(', ')}`,
    );
  return options;
}

export function environment(): Environment {
  const list = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: list[0]?.model.trim() ?? 'unknown',
    cpus: list.length,
    os: `${platform()} ${release()} ${arch()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    gcExposed: hasGc(),
    date: new Date().toISOString(),
  };
}

/** The folder holding package.json, looked up from this file (works from src and dist-bench). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** Fills in what the runner derives: ratio = value ÷ baseline. */
function complete(row: Row): Row {
  if (row.ratio === undefined && row.baseline && row.baseline.value !== 0)
    return { ...row, ratio: row.value / row.baseline.value };
  return row;
}

export async function runBench(
  options: BenchOptions,
  log: (message: string) => void = (m) => process.stderr.write(`· ${m}\n`),
): Promise<Report> {
  const ctx: BenchContext = { options, root: repoRoot(), log, gc };
  const sections: SectionResult[] = [];
  for (const entry of SECTIONS) {
    if (options.only !== undefined && entry.id !== options.only) continue;
    const started = process.hrtime.bigint();
    const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    log(`section ${entry.id}`);
    try {
      gc();
      const mod = await entry.load();
      const section = await mod.run(ctx);
      sections.push({
        id: entry.id,
        ...section,
        rows: section.rows.map(complete),
        seconds: seconds(),
      });
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      sections.push({ id: entry.id, title: entry.id, rows: [], error, seconds: seconds() });
    }
  }
  const withTarget = sections.flatMap((s) => s.rows.filter((r) => r.target !== undefined));
  const missed = withTarget.filter((r) => r.pass !== true).map((r) => r.name);
  return {
    environment: environment(),
    options,
    sections,
    targets: { total: withTarget.length, met: withTarget.length - missed.length, missed },
    checksum: getChecksum(),
  };
}

// ---------------------------------------------------------------------------------------
// Rendering

const MARK_PASS = '✓';
const MARK_FAIL = '✗';

function mark(row: Row): string {
  if (row.target === undefined) return '';
  return row.pass === true ? MARK_PASS : MARK_FAIL;
}

function cell(value: number, unit: string): string {
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

function ratioCell(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '';
  return `${formatNumber(ratio)}×`;
}

type Align = 'left' | 'right';

/** Columns whose cells are all empty are dropped; widths count code points. */
function table(header: string[], align: Align[], body: string[][]): string[] {
  const keep = header.map((_, c) => body.some((r) => (r[c] ?? '') !== ''));
  const cols = header.map((_, c) => c).filter((c) => keep[c]);
  const width = (s: string): number => [...s].length;
  const widths = cols.map((c) =>
    Math.max(width(header[c] as string), ...body.map((r) => width(r[c] ?? ''))),
  );
  const pad = (s: string, w: number, a: Align): string => {
    const fill = ' '.repeat(Math.max(0, w - width(s)));
    return a === 'right' ? fill + s : s + fill;
  };
  const line = (r: string[]): string =>
    `  ${cols.map((c, i) => pad(r[c] ?? '', widths[i] as number, align[c] as Align)).join('  ')}`.trimEnd();
  return [
    line(header),
    `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`,
    ...body.map((r) => line(r)),
  ];
}

export function renderSection(section: SectionResult): string {
  const out = [`${section.title}  (${section.id}, ${formatNumber(section.seconds)} s)`];
  if (section.error !== undefined) {
    out.push(`  ${MARK_FAIL} section failed:`);
    for (const l of section.error.split('\n')) out.push(`    ${l}`);
    return out.join('\n');
  }
  const body = section.rows.map((r) => [
    r.name,
    cell(r.value, r.unit),
    r.baseline ? cell(r.baseline.value, r.unit) : '',
    r.baseline ? r.baseline.name : '',
    ratioCell(r.ratio),
    r.target ?? '',
    mark(r),
    r.detail ?? '',
  ]);
  out.push(
    ...table(
      ['measurement', 'value', 'baseline', 'baseline is', 'ratio', 'target', '', 'detail'],
      ['left', 'right', 'right', 'left', 'right', 'left', 'left', 'left'],
      body,
    ),
  );
  for (const note of section.notes ?? []) out.push(`  · ${note}`);
  return out.join('\n');
}

export function renderReport(report: Report): string {
  const env = report.environment;
  const out = [
    'tfauth bench',
    `  node ${env.node} (V8 ${env.v8}) on ${env.cpu} × ${env.cpus}, ${env.os}, ${env.memoryGiB} GiB`,
    `  ${env.date}; ${env.gcExposed ? 'gc() between phases' : 'no --expose-gc: no gc() between phases'}` +
      `${report.options.quick ? '; --quick (fewer rounds, noisier)' : ''}`,
    '  Timings are medians of interleaved samples (measurement and baseline alternate sample by sample).',
    '',
  ];
  for (const s of report.sections) out.push(renderSection(s), '');
  const t = report.targets;
  if (t.total > 0) {
    const head = `targets: ${t.met}/${t.total} met`;
    out.push(
      t.missed.length === 0
        ? `${MARK_PASS} ${head}`
        : `${MARK_FAIL} ${head}; missed: ${t.missed.join('; ')}`,
    );
  }
  const crashed = report.sections.filter((s) => s.error !== undefined).map((s) => s.id);
  if (crashed.length > 0) out.push(`${MARK_FAIL} sections that crashed: ${crashed.join(', ')}`);
  return out.join('\n');
}

const USAGE = `usage: node --expose-gc dist-bench/bench/index.js [--json] [--quick] [--only <section>]
sections: ${SECTIONS.map((s) => s.id).join(', ')}`;

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  let options: BenchOptions & { help: boolean };
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const { help: _help, ...benchOptions } = options;
  const report = await runBench(benchOptions);
  if (benchOptions.json) console.log(JSON.stringify(report, null, 2));
  else console.log(renderReport(report));
  // Missed targets do not fail the run; a crashed section does.
  return report.sections.some((s) => s.error !== undefined) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
