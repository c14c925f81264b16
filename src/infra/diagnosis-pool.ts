// Runs the engine off the event loop. The loop that acknowledges Slack's requests must never
// wait on a diagnosis: a 5 MB debug log or a burst of pastes would push acks past Slack's 3 s.
// The engine itself is synchronous and pure, so worker threads (piscina) take it as it is.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { diagnose, type Diagnosis } from '../diagnosis';
import { metrics } from './metrics';
import { diagnosePaste, type PasteDiagnosis, type SharedPaste } from './shared-paste';

export type { PasteDiagnosis, SharedPaste } from './shared-paste';

export interface DiagnosisEngine {
  diagnose(text: string): Promise<Diagnosis>;
  /**
   * A message with its shared files. In the pool the files' bytes are moved (not copied) to
   * the worker, which decodes and scans them: after the call they are empty here.
   */
  diagnosePaste(paste: SharedPaste): Promise<PasteDiagnosis>;
  close(): Promise<void>;
}

export class DiagnosisTimeoutError extends Error {
  constructor(ms: number) {
    super(`diagnosis took longer than ${ms} ms and was stopped`);
  }
}

/** In-process: the CLI, and tests that drive the engine's code directly. */
export function inlineEngine(): DiagnosisEngine {
  const timed = <T>(work: () => T): Promise<T> => {
    const end = metrics.diagnosisLatency.startTimer();
    try {
      return Promise.resolve(work());
    } finally {
      end();
    }
  };
  return {
    diagnose: (text) => timed(() => diagnose(text)),
    diagnosePaste: (paste) => timed(() => diagnosePaste(paste)),
    close: () => Promise.resolve(),
  };
}

export interface PoolOptions {
  threads: number;
  /** A task running longer is aborted (its worker is replaced): the engine is linear, so this only catches a bug. */
  timeoutMs?: number;
}

/**
 * The worker runs compiled JavaScript: from dist/ when this module is itself compiled, or
 * the project's dist/ when it runs from TypeScript sources (jest), built by `npm test`'s pretest.
 */
export function workerFile(): string {
  const beside = join(__dirname, 'diagnosis-worker.js');
  if (existsSync(beside)) return beside;
  return join(__dirname, '..', '..', 'dist', 'infra', 'diagnosis-worker.js');
}

export function poolEngine(options: PoolOptions): DiagnosisEngine {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pool = new Piscina<string | SharedPaste, Diagnosis | PasteDiagnosis>({
    filename: workerFile(),
    minThreads: 1,
    maxThreads: options.threads,
    idleTimeout: 60_000,
  });
  async function run<T>(
    task: string | SharedPaste,
    options: { name?: string; transferList?: ArrayBuffer[] } = {},
  ): Promise<T> {
    const end = metrics.diagnosisLatency.startTimer();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    timer.unref();
    try {
      return (await pool.run(task, { ...options, signal: abort.signal })) as T;
    } catch (err) {
      if (abort.signal.aborted) throw new DiagnosisTimeoutError(timeoutMs);
      throw err;
    } finally {
      clearTimeout(timer);
      end();
    }
  }
  return {
    diagnose: (text) => run<Diagnosis>(text),
    diagnosePaste: (paste) => {
      const files = paste.files.map(movable);
      return run<PasteDiagnosis>(
        { text: paste.text, files },
        {
          name: 'diagnosePaste',
          transferList: [...new Set(files.map((f) => f.buffer as ArrayBuffer))],
        },
      );
    },
    close: () => pool.destroy(),
  };
}

/** A view of a whole ArrayBuffer of its own can be moved; any other view is copied once. */
function movable(file: Uint8Array): Uint8Array {
  return file.byteOffset === 0 && file.byteLength === file.buffer.byteLength ? file : file.slice();
}

/** `threads` 0 runs the engine on the event loop (the CLI; a single-core box). */
export function createDiagnosisEngine(threads: number): DiagnosisEngine {
  return threads > 0 ? poolEngine({ threads }) : inlineEngine();
}
