// Runs the engine off the event loop. The loop that acknowledges Slack's requests must never
// wait on a diagnosis: a 5 MB debug log or a burst of pastes would push acks past Slack's 3 s.
// The engine itself is synchronous and pure, so worker threads (piscina) take it as it is.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { diagnose, type Diagnosis } from '../diagnosis';
import { metrics } from './metrics';

export interface DiagnosisEngine {
  diagnose(text: string): Promise<Diagnosis>;
  close(): Promise<void>;
}

export class DiagnosisTimeoutError extends Error {
  constructor(ms: number) {
    super(`diagnosis took longer than ${ms} ms and was stopped`);
  }
}

/** In-process: the CLI, and tests that drive the engine's code directly. */
export function inlineEngine(): DiagnosisEngine {
  return {
    diagnose: (text) => {
      const end = metrics.diagnosisLatency.startTimer();
      try {
        return Promise.resolve(diagnose(text));
      } finally {
        end();
      }
    },
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
  const pool = new Piscina<string, Diagnosis>({
    filename: workerFile(),
    minThreads: 1,
    maxThreads: options.threads,
    idleTimeout: 60_000,
  });
  return {
    async diagnose(text) {
      const end = metrics.diagnosisLatency.startTimer();
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      timer.unref();
      try {
        return await pool.run(text, { signal: abort.signal });
      } catch (err) {
        if (abort.signal.aborted) throw new DiagnosisTimeoutError(timeoutMs);
        throw err;
      } finally {
        clearTimeout(timer);
        end();
      }
    },
    close: () => pool.destroy(),
  };
}

/** `threads` 0 runs the engine on the event loop (the CLI; a single-core box). */
export function createDiagnosisEngine(threads: number): DiagnosisEngine {
  return threads > 0 ? poolEngine({ threads }) : inlineEngine();
}
