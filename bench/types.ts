// The contract between the bench runner (index.ts) and its sections. A section is a module
// that exports `run(ctx)`; it measures something and returns rows the runner prints as a
// table (or as JSON with `--json`). Types only: no runtime code lives here, so sections and
// the runner can both import it without a cycle.

/** One measurement, printed as one line of a section's table. */
export interface Row {
  name: string;
  /** The measured value, in `unit`. */
  value: number;
  /** e.g. `µs`, `ms`, `MB/s`, `x`, `%`. Baseline values are in the same unit. */
  unit: string;
  /** The reference measured side by side in the same run (same unit as `value`). */
  baseline?: { name: string; value: number };
  /**
   * value ÷ baseline.value. Filled in by the runner when a baseline is given and the section
   * left it out. For times it reads "N times slower than the baseline"; for throughputs it
   * is the fraction of the baseline's throughput.
   */
  ratio?: number;
  /** Human-readable target, e.g. `< 1 ms` or `≥ 100 MB/s`. */
  target?: string;
  /** Whether the target was met (only meaningful with `target`). */
  pass?: boolean;
  /** Optional free text printed after the numbers (e.g. the class a paste got). */
  detail?: string;
}

export interface Section {
  title: string;
  rows: Row[];
  /** Lines printed under the table: methodology, sizes, caveats. */
  notes?: string[];
  /** Extra numbers for the JSON output only (input sizes, sample counts, min/max…). */
  data?: Record<string, number | string>;
}

export interface BenchOptions {
  /** `--json`: print one JSON object on stdout instead of the tables. */
  json: boolean;
  /** `--quick`: fewer rounds (smoke runs, tests); numbers are noisier. */
  quick: boolean;
  /** `--only <id>`: the one section to run. */
  only?: string;
}

/** What every section gets. */
export interface BenchContext {
  options: BenchOptions;
  /** The repository root (the folder holding package.json). */
  root: string;
  /** Progress messages; they go to stderr so `--json` output stays parseable. */
  log: (message: string) => void;
  /** Runs a full garbage collection when node was started with --expose-gc (a no-op otherwise). */
  gc: () => void;
}

/** What a section module exports. */
export interface SectionModule {
  run: (ctx: BenchContext) => Promise<Section>;
}
