// The bot as a real child process (node dist/main.js), for tests that kill it.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export interface BotProcess {
  child: ChildProcess;
  port: number;
  stdout: string[];
  stderr: string[];
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

/** `node dist/main.js` as `npm start` runs it, with only PATH and `env` in its environment. */
export function spawnMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...env },
    cwd: join(__dirname, '..', 'fixtures'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the bot and resolves once it has said which port it listens on. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawnMain(env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      stdout.push(d.toString());
      const m = /"msg":"tfauth started"[^\n]*"port":(\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`exited early with ${code}: ${stderr.join('')}`)),
    );
  });
  return {
    child,
    port,
    stdout,
    stderr,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `condition` every 50 ms; false if it did not hold within `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
