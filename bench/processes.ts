// Runs the apps under test in their own processes, so the load generator (this process)
// and the app do not share a CPU budget or a heap, and the app's memory can be read.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789';

export interface AppProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Resident set size in bytes, read from /proc. */
  rss(): number;
  stop(): Promise<number | null>;
}

/**
 * Starts `script` (compiled JS) with `env`; resolves once it prints `"port":N`. It runs in an
 * empty temporary folder: the bot reads `.env` from its working directory, and a developer's
 * `.env` (real Slack tokens) must not leak into the bench's settings.
 */
export async function startProcess(
  script: string,
  env: Record<string, string>,
): Promise<AppProcess> {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, ...env },
    cwd: mkdtempSync(join(tmpdir(), 'tfauth-bench-cwd-')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        child.stdout?.resume(); // keep draining logs so the child never blocks on a full pipe
        resolve(Number(m[1]));
      }
      if (out.length > 1_000_000) out = out.slice(-10_000);
    };
    child.stdout?.on('data', onData);
    child.once('error', (err) => reject(new Error(`${script} could not start: ${err.message}`)));
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `${script} exited with ${code ?? signal} before listening:\n` +
            `${(stderr.trim() || out.trim() || '(no output)').slice(-2000)}`,
        ),
      ),
    );
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}/slack/events`,
    rss: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

export function botScript(root: string): string {
  return join(root, 'dist-bench', 'src', 'main.js');
}

export function bareScript(root: string): string {
  return join(root, 'dist-bench', 'bench', 'bare-bolt.js');
}

/** Signs like Slack does (v0 HMAC-SHA256 of `v0:<ts>:<body>`). */
export function signedHeaders(body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000).toString();
  const sig = createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': `v0=${sig}`,
  };
}

/** POSTs one event; resolves with the time until the answer (ms) and its status (200 is an ack). */
export async function postEvent(
  url: string,
  body: string,
): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: signedHeaders(body), body });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

/** POSTs one event; resolves with the time until the acknowledgement (ms). */
export async function sendEvent(url: string, body: string): Promise<number> {
  const { ms, status } = await postEvent(url, body);
  if (status !== 200) throw new Error(`event answered ${status}`);
  return ms;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(workers);
}
