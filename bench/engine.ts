// Bench section: the diagnosis engine. Every measurement of diagnose(text) is taken side by
// side with a baseline over the same text: one String.prototype.indexOf of an absent ASCII
// needle, i.e. one plain linear pass, the floor any text-reading engine is compared with.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../src/diagnosis';
import { DEBUG_LOG_CLASS, PLAN_PASTE_CLASS, makeDebugLog, makePlanPaste } from './fixtures';
import { corpusFile } from './events';
import {
  formatBytes,
  formatDuration,
  formatNumber,
  interleave,
  mbPerSec,
  median,
  calibrate,
  nsToMs,
  nsToUs,
  since,
  now,
  summarize,
  timeBatch,
  type Timed,
} from './stats';
import type { BenchContext, Row, Section } from './types';

const BASELINE_NAME = 'indexOf pass';

// Absent needles, rotated call by call so no two consecutive calls are identical. The first
// character is a plain ASCII letter, so V8 scans the whole string (memchr for the first
// character, then Boyer-Moore-Horspool); nothing lets it answer without reading the text.
const NEEDLES = ['zq#absent#qz', 'qz#absent#zq', 'zq#absent#zq', 'qz#absent#qz'] as const;

/** One full linear pass over `text`: the baseline. */
export function baselinePass(text: string): Timed {
  for (const n of NEEDLES)
    if (text.includes(n)) throw new Error(`baseline needle ${n} occurs in the text`);
  let i = 0;
  return () => text.indexOf(NEEDLES[i++ & 3] as string);
}

function diagnoseCall(text: string): Timed {
  return () => diagnose(text).confidence;
}

/**
 * Flattens `s` in place: templates and `+` build rope ("cons") strings, and the first search
 * flattens them; doing it here keeps that one-off copy out of the first timed sample.
 */
function flat(s: string): string {
  s.indexOf('\u0000');
  return s;
}

interface Paste {
  id: string;
  label: string;
  text: string;
}

function loadCorpus(ctx: BenchContext): { file: string; pastes: Paste[] } {
  const file = corpusFile(ctx.root);
  if (!existsSync(file)) return { file, pastes: [] };
  const pastes = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Paste)
    .filter((p) => typeof p.text === 'string');
  return { file, pastes };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const out: Output = { rows: [], notes: [], data: {} };
  const { rows, notes } = out;
  // Each phase stands alone: one that crashes (the engine is being edited) is reported as a ✗
  // row and the others still run.
  for (const [name, phase] of [
    ['dev corpus', corpusPhase],
    ['40 KB plan paste', planPastePhase],
    ['5 MB debug log', debugLogPhase],
    ['5 MB debug log via the CLI', cliPhase],
  ] as const) {
    ctx.gc();
    try {
      phase(ctx, out);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      rows.push({
        name: `${name}: crashed`,
        value: 0,
        unit: '',
        target: 'runs',
        pass: false,
        detail: message.split('\n')[0] ?? '',
      });
      const where = err instanceof Error ? err.stack?.split('\n')[1]?.trim() : undefined;
      notes.push(`${name}: ${message}${where ? ` (${where})` : ''}`);
    }
  }
  notes.push(
    `baseline "${BASELINE_NAME}": text.indexOf(<absent ASCII needle>) over the same text, ` +
      'measured sample by sample alternately with diagnose(); ratio = diagnose ÷ baseline ' +
      '(times: how many times slower; MB/s: fraction of the baseline’s throughput).',
  );
  return { title: 'Diagnosis engine: diagnose(text)', ...out };
}

interface Output {
  rows: Row[];
  notes: string[];
  data: Record<string, number | string>;
}

/** 1. The dev corpus: median (and p99) time per paste. */
function corpusPhase(ctx: BenchContext, { rows, notes, data }: Output): void {
  const corpus = loadCorpus(ctx);
  if (corpus.pastes.length === 0) {
    notes.push(`dev corpus not found at ${corpus.file}: corpus rows skipped`);
    return;
  }
  ctx.log(`engine: dev corpus (${corpus.pastes.length} pastes)`);
  // A paste on which diagnose() throws cannot be timed: it is left out and counted.
  const failures: string[] = [];
  const pastes = corpus.pastes.filter((p) => {
    try {
      diagnose(p.text);
      return true;
    } catch (err) {
      failures.push(`${p.id}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  });
  if (failures.length > 0) {
    rows.push({
      name: 'dev corpus: pastes where diagnose() threw',
      value: failures.length,
      unit: 'pastes',
      target: '= 0',
      pass: false,
      detail: failures[0] ?? '',
    });
  }
  if (pastes.length === 0) return;
  const r = benchCorpus(pastes, ctx.options.quick);
  const n = pastes.length;
  Object.assign(data, {
    corpusFile: corpus.file,
    corpusPastes: n,
    corpusBytes: r.totalBytes,
    corpusRounds: r.rounds,
    corpusMedianUs: nsToUs(r.engine.median),
    corpusP99Us: nsToUs(r.engine.p99),
    corpusMinUs: nsToUs(r.engine.min),
    corpusMaxUs: nsToUs(r.engine.max),
    corpusBaselineMedianUs: nsToUs(r.baseline.median),
    corpusMedianOfRatios: r.medianRatio,
    corpusLabelAgreement: r.agree,
    corpusThrew: failures.length,
  });
  rows.push({
    name: `dev corpus: median per paste (${n} pastes)`,
    value: nsToUs(r.engine.median),
    unit: 'µs',
    baseline: { name: BASELINE_NAME, value: nsToUs(r.baseline.median) },
  });
  rows.push({
    name: 'dev corpus: p99 per paste',
    value: nsToUs(r.engine.p99),
    unit: 'µs',
    baseline: { name: BASELINE_NAME, value: nsToUs(r.baseline.p99) },
  });
  rows.push({
    name: 'dev corpus: slowest paste',
    value: nsToUs(r.slowest.engineNs),
    unit: 'µs',
    baseline: { name: BASELINE_NAME, value: nsToUs(r.slowest.baselineNs) },
    detail: `${r.slowest.id} (${formatBytes(r.slowest.bytes)})`,
  });
  notes.push(
    `dev corpus: ${n} pastes from ${corpus.file}, ${formatBytes(r.totalBytes)} in all; ` +
      `each paste's time is the median of ${r.rounds} interleaved samples, then the median and ` +
      `p99 are taken across pastes. Median of per-paste ratios: ${formatNumber(r.medianRatio)}×.`,
    `dev corpus: diagnose() agreed with the corpus label on ${r.agree}/${n} pastes ` +
      '(accuracy is the test suite’s business; shown so a speed-up that changes answers is visible).',
  );
}

/** 2. A ~40 KB `terraform apply` paste: median per call, target < 1 ms. */
function planPastePhase(ctx: BenchContext, { rows, notes, data }: Output): void {
  const quick = ctx.options.quick;
  const paste = flat(makePlanPaste(40 * 1024));
  const bytes = Buffer.byteLength(paste, 'utf8');
  ctx.log(`engine: 40 KB plan paste (${bytes} bytes)`);
  const res = interleave(diagnoseCall(paste), baselinePass(paste), {
    warmup: quick ? 20 : 100,
    samples: quick ? 60 : 400,
    minSampleNs: 50_000,
  });
  const eng = summarize(res.a);
  const base = summarize(res.b);
  Object.assign(data, {
    planBytes: bytes,
    planSamples: res.a.length,
    planCallsPerSample: res.iterationsA,
    planMedianMs: nsToMs(eng.median),
    planP99Ms: nsToMs(eng.p99),
    planMinMs: nsToMs(eng.min),
    planMaxMs: nsToMs(eng.max),
    planBaselineMedianMs: nsToMs(base.median),
  });
  rows.push({
    name: '40 KB plan paste: median',
    value: nsToMs(eng.median),
    unit: 'ms',
    baseline: { name: BASELINE_NAME, value: nsToMs(base.median) },
    target: '< 1 ms',
    pass: nsToMs(eng.median) < 1,
  });
  rows.push({
    name: '40 KB plan paste: p99',
    value: nsToMs(eng.p99),
    unit: 'ms',
    baseline: { name: BASELINE_NAME, value: nsToMs(base.p99) },
  });
  rows.push(classRow('40 KB plan paste: class', paste, PLAN_PASTE_CLASS));
  notes.push(
    `40 KB plan paste: ${formatBytes(bytes)} (${paste.split('\n').length} lines), an interactive ` +
      '`terraform apply` ending in InvalidClientTokenId; ' +
      `${res.a.length} samples of ${res.iterationsA} call(s) each, min ${formatDuration(eng.min)}.`,
  );
}

/** 3. A ~5 MB TF_LOG debug log: throughput in MB/s, target ≥ 100 MB/s. */
function debugLogPhase(ctx: BenchContext, { rows, notes, data }: Output): void {
  const quick = ctx.options.quick;
  const started = now();
  const log = flat(makeDebugLog(5 * 1024 * 1024, 42));
  const genNs = since(started);
  const bytes = Buffer.byteLength(log, 'utf8');
  ctx.gc();
  ctx.log(`engine: ${formatBytes(bytes)} debug log`);
  const res = interleave(diagnoseCall(log), baselinePass(log), {
    warmup: quick ? 1 : 3,
    samples: quick ? 5 : 21,
    minSampleNs: 2_000_000,
  });
  const eng = summarize(res.a);
  const base = summarize(res.b);
  const mbs = mbPerSec(bytes, eng.median);
  Object.assign(data, {
    logBytes: bytes,
    logChars: log.length,
    logSeed: 42,
    logGenerateMs: nsToMs(genNs),
    logRuns: res.a.length,
    logMedianMs: nsToMs(eng.median),
    logMinMs: nsToMs(eng.min),
    logMaxMs: nsToMs(eng.max),
    logMBps: mbs,
    logBaselineMBps: mbPerSec(bytes, base.median),
  });
  rows.push({
    name: '5 MB debug log: throughput',
    value: mbs,
    unit: 'MB/s',
    baseline: { name: BASELINE_NAME, value: mbPerSec(bytes, base.median) },
    target: '≥ 150 MB/s',
    pass: mbs >= 150,
  });
  rows.push({
    name: '5 MB debug log: median',
    value: nsToMs(eng.median),
    unit: 'ms',
    baseline: { name: BASELINE_NAME, value: nsToMs(base.median) },
  });
  rows.push(classRow('5 MB debug log: class', log, DEBUG_LOG_CLASS));
  notes.push(
    `5 MB debug log: ${formatBytes(bytes)} (${log.split('\n').length.toLocaleString('en-US')} lines, ` +
      `seed 42, generated in ${formatDuration(genNs)}); ${res.a.length} runs, ` +
      `fastest ${formatNumber(mbPerSec(bytes, eng.min))} MB/s, slowest ${formatNumber(mbPerSec(bytes, eng.max))} MB/s. ` +
      'MB = 10^6 bytes of UTF-8.',
  );
}

/** Wall time of one child process run, in ns; throws with the child's stderr when it fails. */
function runChild(args: string[], cwd: string): number {
  const started = now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ns = since(started);
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(
      `${args.join(' ')} exited with ${r.status}: ${(r.stderr || r.stdout).slice(-2000)}`,
    );
  return ns;
}

/**
 * 4. The same 5 MB log through the CLI, as a user runs it: `node cli.js diagnose <file>`, minus
 * the time of the same command on an empty file (start-up, module loading, exit). The baseline
 * is a child that reads the file and runs the indexOf pass, minus its own empty-file run.
 */
function cliPhase(ctx: BenchContext, { rows, notes, data }: Output): void {
  const quick = ctx.options.quick;
  const cli = join(ctx.root, 'dist-bench', 'src', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} not built (npm run bench builds it)`);
  const dir = mkdtempSync(join(tmpdir(), 'tfauth-bench-cli-'));
  try {
    const log = join(dir, 'debug.log');
    const empty = join(dir, 'empty.log');
    const text = makeDebugLog(5 * 1024 * 1024, 42);
    writeFileSync(log, text);
    writeFileSync(empty, '');
    const base = join(dir, 'indexof.js');
    writeFileSync(
      base,
      `const t = require('node:fs').readFileSync(process.argv[2], 'utf8');\n` +
        `process.exitCode = t.indexOf(${JSON.stringify(NEEDLES[0])}) === -1 ? 0 : 3;\n`,
    );
    const bytes = Buffer.byteLength(text, 'utf8');
    ctx.log(`engine: CLI on the ${formatBytes(bytes)} debug log`);
    const runs = quick ? 5 : 15;
    const full: number[] = [];
    const start: number[] = [];
    const baseFull: number[] = [];
    const baseStart: number[] = [];
    runChild([cli, 'diagnose', log], dir); // warm the file cache
    for (let i = 0; i < runs; i++) {
      full.push(runChild([cli, 'diagnose', log], dir));
      start.push(runChild([cli, 'diagnose', empty], dir));
      baseFull.push(runChild([base, log], dir));
      baseStart.push(runChild([base, empty], dir));
    }
    const beyond = Math.max(1, median(full) - median(start));
    const baseBeyond = Math.max(1, median(baseFull) - median(baseStart));
    const mbs = mbPerSec(bytes, beyond);
    Object.assign(data, {
      cliRuns: runs,
      cliMedianMs: nsToMs(median(full)),
      cliStartMs: nsToMs(median(start)),
      cliMBps: mbs,
      cliBaselineMBps: mbPerSec(bytes, baseBeyond),
    });
    rows.push({
      name: '5 MB debug log via the CLI: throughput beyond start-up',
      value: mbs,
      unit: 'MB/s',
      baseline: { name: 'node: read file + indexOf', value: mbPerSec(bytes, baseBeyond) },
      target: '≥ 100 MB/s',
      pass: mbs >= 100,
    });
    rows.push({
      name: '5 MB debug log via the CLI: start-up (empty file)',
      value: nsToMs(median(start)),
      unit: 'ms',
      baseline: { name: 'node: read file + indexOf', value: nsToMs(median(baseStart)) },
    });
    notes.push(
      `CLI: \`node ${cli} diagnose <5 MB log>\` (${runs} runs, median ${formatDuration(median(full))}) minus ` +
        `the same on an empty file (median ${formatDuration(median(start))}); the baseline child reads the file ` +
        'and runs one indexOf, minus its own empty-file run. Runs alternate.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A correctness row: the bench measures nothing useful if the answer is wrong. */
function classRow(name: string, text: string, expected: string): Row {
  const d = diagnose(text);
  return {
    name,
    value: d.confidence,
    unit: 'conf',
    target: `= ${expected}`,
    pass: d.classId === expected,
    detail: d.classId === expected ? d.classId : `got ${d.classId}`,
  };
}

interface CorpusResult {
  rounds: number;
  engine: ReturnType<typeof summarize>;
  baseline: ReturnType<typeof summarize>;
  medianRatio: number;
  slowest: { id: string; bytes: number; engineNs: number; baselineNs: number };
  totalBytes: number;
  agree: number;
}

function benchCorpus(pastes: Paste[], quick: boolean): CorpusResult {
  const rounds = quick ? 7 : 41;
  const warmupRounds = quick ? 1 : 3;
  const minSampleNs = 50_000;
  const a = pastes.map((p) => diagnoseCall(p.text));
  const b = pastes.map((p) => baselinePass(p.text));
  for (let w = 0; w < warmupRounds; w++)
    for (let i = 0; i < pastes.length; i++) {
      (a[i] as Timed)();
      (b[i] as Timed)();
    }
  const na = a.map((f) => calibrate(f, minSampleNs));
  const nb = b.map((f) => calibrate(f, minSampleNs));
  const sa: number[][] = pastes.map(() => []);
  const sb: number[][] = pastes.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < pastes.length; i++) {
      const fa = a[i] as Timed;
      const fb = b[i] as Timed;
      if ((r + i) % 2 === 0) {
        (sa[i] as number[]).push(timeBatch(fa, na[i] as number));
        (sb[i] as number[]).push(timeBatch(fb, nb[i] as number));
      } else {
        (sb[i] as number[]).push(timeBatch(fb, nb[i] as number));
        (sa[i] as number[]).push(timeBatch(fa, na[i] as number));
      }
    }
  }
  const perA = sa.map(median);
  const perB = sb.map(median);
  let worst = 0;
  perA.forEach((v, i) => {
    if (v > (perA[worst] as number)) worst = i;
  });
  const slow = pastes[worst] as Paste;
  return {
    rounds,
    engine: summarize(perA),
    baseline: summarize(perB),
    medianRatio: median(perA.map((v, i) => v / (perB[i] as number))),
    slowest: {
      id: slow.id,
      bytes: Buffer.byteLength(slow.text, 'utf8'),
      engineNs: perA[worst] as number,
      baselineNs: perB[worst] as number,
    },
    totalBytes: pastes.reduce((s, p) => s + Buffer.byteLength(p.text, 'utf8'), 0),
    agree: pastes.filter((p) => diagnose(p.text).classId === p.label).length,
  };
}
