// Starts the whole playground: the local Slack server, the real tfauth app (HTTP mode) pointed
// at it, and the page's web server — all on 127.0.0.1, nothing reaching the network.

import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/infra/config';
import { createLogger } from '../src/infra/logger';
import { startBot, type RunningBot } from '../src/slack/app';
import { SIGNING_SECRET, testEnv } from '../test/support/bot';
import { SlackHttpClient, SlackTestServer } from '@tfauth/slack-test-server';
import { PlaygroundChannel } from './channel';
import { loadExamples, type Example } from './examples';

export interface PlaygroundOptions {
  /** Port of the page; 0 picks a free one. Default 0. */
  port?: number;
  /** The repository root (static files, example sets). */
  root?: string;
}

export interface Playground {
  url: string;
  slack: SlackTestServer;
  bot: RunningBot;
  channel: PlaygroundChannel;
  /** Where the bot's log lines go (a file in the temporary data folder). */
  logFile: string;
  stop(): Promise<void>;
}

/** Repository root: two levels up from dist-playground/playground, one from playground/. */
export function repoRoot(): string {
  for (const up of ['..', join('..', '..')]) {
    const dir = join(__dirname, up);
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'playground'))) return dir;
  }
  return process.cwd();
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const root = options.root ?? repoRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'tfauth-playground-'));
  const logFile = join(dataDir, 'tfauth.log');
  const slack = await SlackTestServer.start();
  const env = testEnv('http', slack.apiUrl, {
    LOG_LEVEL: 'info',
    TFAUTH_DATA_DIR: dataDir,
    TFAUTH_STS: 'off',
  });
  const result = loadConfig(env);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const logger = createLogger({
    level: 'info',
    write: (line) => appendFileSync(logFile, `${line}\n`),
  });
  let bot: RunningBot;
  try {
    bot = await startBot({ config: result.config, logger, host: '127.0.0.1' });
  } catch (err) {
    await slack.close();
    throw err;
  }
  const client = new SlackHttpClient(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
  const channel = new PlaygroundChannel(slack, client);
  const examples = loadExamples(root);
  const web = http.createServer((req, res) => {
    route(req, res, { root, channel, examples }).catch((err: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'application/json', JSON.stringify({ error: String(err) }));
    });
  });
  await listen(web, options.port ?? 0);
  const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
  return {
    url,
    slack,
    bot,
    channel,
    logFile,
    async stop() {
      await new Promise<void>((resolve) => {
        web.close(() => resolve());
        web.closeAllConnections();
      });
      await bot.stop();
      await slack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Listens on 127.0.0.1 only; a taken port falls back to a free one. */
function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' && port !== 0) {
        server.listen(0, '127.0.0.1', () => resolve());
        return;
      }
      reject(err);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
}

interface Ctx {
  root: string;
  channel: PlaygroundChannel;
  examples: Example[];
}

const STATIC: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/app.css': 'app.css',
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

async function route(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (req.method === 'GET') {
    const file = STATIC[path];
    if (file) {
      const body = readFileSync(join(ctx.root, 'playground', 'static', file));
      return send(res, 200, TYPES[file.split('.').pop() ?? ''] ?? 'text/plain', body);
    }
    if (path === '/blockkit.js')
      return send(res, 200, TYPES.js as string, rendererScript(ctx.root));
    if (path === '/api/state') return json(res, ctx.channel.state());
    if (path === '/api/examples') return json(res, ctx.examples);
    if (path === '/api/events') return events(req, res, ctx.channel);
  }
  if (req.method === 'POST') {
    const body = (await readJson(req)) as Record<string, unknown>;
    const text = typeof body.text === 'string' ? body.text : '';
    const thread =
      typeof body.thread_ts === 'string' && body.thread_ts ? body.thread_ts : undefined;
    switch (path) {
      case '/api/message': {
        const command = /^\/tfauth(?:\s+|$)([\s\S]*)$/.exec(text.trim());
        if (command) {
          const r = await ctx.channel.command(command[1] ?? '', thread);
          return json(res, { command: true, status: r.status });
        }
        if (text.trim() === '') return json(res, { error: 'empty message' }, 400);
        return json(res, await ctx.channel.post(text, thread));
      }
      case '/api/click': {
        const r = await ctx.channel.click(str(body.key), str(body.blockId), str(body.actionId));
        return json(res, { status: r.status });
      }
      case '/api/shortcut': {
        const r = await ctx.channel.shortcut(str(body.key));
        return json(res, { status: r.status });
      }
      case '/api/modal/submit': {
        const values = (body.values ?? {}) as Record<string, Record<string, string>>;
        return json(res, { modal: (await ctx.channel.submitModal(values)) ?? null });
      }
      case '/api/modal/close':
        ctx.channel.closeModal();
        return json(res, { ok: true });
    }
  }
  send(res, 404, 'text/plain', 'not found');
}

/** Server-Sent Events: the channel's state each time it changes (checked every 100 ms). */
function events(req: IncomingMessage, res: ServerResponse, channel: PlaygroundChannel): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let last = '';
  const tick = () => {
    const now = JSON.stringify(channel.state());
    if (now === last) return;
    last = now;
    res.write(`data: ${now}\n\n`);
  };
  tick();
  const timer = setInterval(tick, 100);
  req.on('close', () => clearInterval(timer));
}

/** The renderer for the browser: its compiled CommonJS, wrapped to set `window.BlockKit`. */
function rendererScript(root: string): string {
  const compiled = join(__dirname, 'render', 'blockkit.js');
  const code = existsSync(compiled)
    ? readFileSync(compiled, 'utf8')
    : transpile(readFileSync(join(root, 'playground', 'render', 'blockkit.ts'), 'utf8'));
  return `(function () {\nvar exports = {};\nvar module = { exports: exports };\n${code}\nwindow.BlockKit = module.exports;\n})();\n`;
}

/** Run from TypeScript sources (jest): compile the renderer the way tsc would. */
function transpile(source: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw === '' ? {} : (JSON.parse(raw) as unknown);
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The page loads nothing from anywhere else.
    'content-security-policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
  });
  res.end(body);
}
