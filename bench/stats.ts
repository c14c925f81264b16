// Measurement helpers for the bench: high-resolution timing, warm-up and calibration,
// interleaved A/B sampling, order statistics and formatting.
//
// Every timed function returns a number that is folded into a checksum, so the JIT cannot
// drop a call whose result is unused; the checksum is reported in the JSON output.

/** A function under measurement. Its result is consumed so the call cannot be optimised away. */
export type Timed = () => number;

let checksum = 0;

/** Folded results of every timed call (printed with --json; proves the work was done). */
export function getChecksum(): number {
  return checksum;
}

/** Monotonic high-resolution clock in nanoseconds. */
export function now(): bigint {
  return process.hrtime.bigint();
}

/** Nanoseconds elapsed since `start` (from `now()`). */
export function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start);
}

type GcFn = () => void;

/** True when node runs with --expose-gc (`npm run bench` does). */
export function hasGc(): boolean {
  return typeof (globalThis as { gc?: GcFn }).gc === 'function';
}

/** A full collection between phases, so one phase's garbage is not collected on the next's clock. */
export function gc(): void {
  const collect = (globalThis as { gc?: GcFn }).gc;
  if (typeof collect === 'function') collect();
}

/** Runs `fn` `iterations` times back to back; returns the mean nanoseconds per call. */
export function timeBatch(fn: Timed, iterations: number): number {
  let acc = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) acc += fn();
  const ns = Number(process.hrtime.bigint() - start);
  checksum = (checksum + acc) % 1e9;
  return ns / iterations;
}

/**
 * How many back-to-back calls make one sample last at least `minSampleNs`, so that the
 * clock's resolution and the cost of reading it stay negligible. 1 for slow functions.
 */
export function calibrate(fn: Timed, minSampleNs: number, maxIterations = 1 << 20): number {
  let n = 1;
  for (;;) {
    const perCall = timeBatch(fn, n);
    if (perCall * n >= minSampleNs || n >= maxIterations) break;
    const wanted = Math.ceil((minSampleNs / Math.max(perCall, 0.5)) * 1.2);
    n = Math.min(maxIterations, Math.max(n * 2, wanted));
  }
  return n;
}

export interface PairOptions {
  /** Untimed calls of each function first (JIT warm-up). */
  warmup: number;
  /** Timed samples of each function. */
  samples: number;
  /** A sample repeats the function until it lasts at least this long (see calibrate). */
  minSampleNs: number;
}

export interface PairResult {
  /** Nanoseconds per call, one entry per sample. */
  a: number[];
  b: number[];
  /** Calls per sample. */
  iterationsA: number;
  iterationsB: number;
}

/**
 * Measures `a` and its baseline `b` sample by sample, interleaved (A B, then B A, …) so that
 * machine noise (other processes, frequency scaling, GC) affects both alike and the ratio
 * of the two is meaningful within one run.
 */
export function interleave(a: Timed, b: Timed, options: PairOptions): PairResult {
  for (let i = 0; i < options.warmup; i++) {
    a();
    b();
  }
  const iterationsA = calibrate(a, options.minSampleNs);
  const iterationsB = calibrate(b, options.minSampleNs);
  const ra: number[] = [];
  const rb: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    if (i % 2 === 0) {
      ra.push(timeBatch(a, iterationsA));
      rb.push(timeBatch(b, iterationsB));
    } else {
      rb.push(timeBatch(b, iterationsB));
      ra.push(timeBatch(a, iterationsA));
    }
  }
  return { a: ra, b: rb, iterationsA, iterationsB };
}

export interface Summary {
  n: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p50: number;
  p99: number;
}

/** Quantile `q` in [0, 1] of ascending `sorted`, interpolating between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(samples: readonly number[]): number {
  return quantile(
    [...samples].sort((x, y) => x - y),
    0.5,
  );
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((x, y) => x - y);
  const mid = quantile(sorted, 0.5);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1),
    median: mid,
    p50: mid,
    p99: quantile(sorted, 0.99),
  };
}

/** Throughput in MB/s (1 MB = 10^6 bytes) for `bytes` processed in `ns` nanoseconds. */
export function mbPerSec(bytes: number, ns: number): number {
  return (bytes * 1e3) / ns;
}

export const nsToUs = (ns: number): number => ns / 1e3;
export const nsToMs = (ns: number): number => ns / 1e6;

/** A number with about three significant digits, thousands separated. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Nanoseconds as the most readable of ns, µs, ms, s. */
export function formatDuration(ns: number): string {
  if (ns < 1e3) return `${formatNumber(ns)} ns`;
  if (ns < 1e6) return `${formatNumber(ns / 1e3)} µs`;
  if (ns < 1e9) return `${formatNumber(ns / 1e6)} ms`;
  return `${formatNumber(ns / 1e9)} s`;
}

/** Byte counts in binary units (KiB, MiB), as file sizes are usually shown. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KiB`;
  return `${formatNumber(bytes / (1024 * 1024))} MiB`;
}
