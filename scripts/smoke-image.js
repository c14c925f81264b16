#!/usr/bin/env node
// Runs a built tfauth image in HTTP mode against the local Slack test server and checks what a
// deployment relies on: the probes, /metrics, a signed event answered in its thread, a bad
// signature refused, the non-root user, the image's HEALTHCHECK, and a clean SIGTERM stop.
//   npm run build:test-server && sudo node scripts/smoke-image.js [image] [port]
// Host network, so the container reaches the test server on 127.0.0.1. ENGINE, OCI_RUNTIME and
// ULIMITS as in scripts/build-image-offline.sh (docs/deploy.md).
/* global require, process, fetch, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */

const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const {
  SlackTestServer,
  SlackHttpClient,
  eventCallback,
  messageEvent,
  SLACK_IDS,
} = require('@tfauth/slack-test-server');

const IMAGE = process.argv[2] ?? 'localhost/tfauth:offline';
const PORT = process.argv[3] ?? '3300';
const ENGINE = process.env.ENGINE ?? 'podman';
const NAME = `tfauth-smoke-${process.pid}`;
const SECRET = 'smoke-signing-secret-0123456789abcdef';
// The paste the Slack tests use (test/slack/access-requests.test.ts).
const PASTE = 'Error: failed to get shared config profile, prod';

const engine = (...args) => execFileSync(ENGINE, args, { encoding: 'utf8' }).trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => process.stdout.write(a.join(' ') + '\n');
const failures = [];
const check = (ok, what) => {
  log(ok ? 'ok  ' : 'FAIL', what);
  if (!ok) failures.push(what);
};

function runtimeArgs() {
  const args = [];
  let runtime = process.env.OCI_RUNTIME;
  if (!runtime) {
    let hybrid = '';
    try {
      hybrid = readFileSync('/sys/fs/cgroup/unified/cgroup.controllers', 'utf8').trim();
    } catch {
      // no hybrid cgroup mount: the engine's default runtime is fine
    }
    if (hybrid) runtime = 'runc';
  }
  if (runtime) args.push('--runtime', runtime);
  const ulimits = process.env.ULIMITS ?? 'nofile=16384:16384 nproc=16384:16384';
  for (const u of ulimits.split(/\s+/).filter(Boolean)) args.push('--ulimit', u);
  return args;
}

async function main() {
  const slack = await SlackTestServer.start();
  log('slack test server at', slack.apiUrl);
  const id = engine(
    'run',
    '-d',
    '--name',
    NAME,
    '--network',
    'host',
    ...runtimeArgs(),
    '-e',
    'SLACK_BOT_TOKEN=xoxb-test-token',
    '-e',
    `SLACK_SIGNING_SECRET=${SECRET}`,
    '-e',
    `SLACK_API_URL=${slack.apiUrl}`,
    '-e',
    `SLACK_APP_ID=${SLACK_IDS.appId}`,
    '-e',
    `PORT=${PORT}`,
    IMAGE,
  );
  log('container', id.slice(0, 12), 'from', IMAGE);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    let ready = false;
    for (let i = 0; i < 60 && !ready; i++) {
      ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await sleep(500);
    }
    check(ready, '/readyz answered 200 within 30 s');
    for (const path of ['/livez', '/readyz', '/healthz']) {
      const r = await fetch(base + path);
      const body = await r.text();
      log(`GET ${path} -> ${r.status} ${body.slice(0, 160)}`);
      check(r.status === 200, `${path} is 200`);
    }
    const metrics = await fetch(`${base}/metrics`);
    const text = await metrics.text();
    const series = new Set(
      text
        .split('\n')
        .filter((l) => /^tfauth_/.test(l))
        .map((l) => l.split(/[ {]/)[0]),
    );
    log(`GET /metrics -> ${metrics.status}, ${series.size} tfauth_* series`);
    check(metrics.status === 200 && series.size > 0, '/metrics serves tfauth_* series');
    check(slack.callsTo('auth.test').length > 0, 'the bot verified its token with auth.test');

    const http = new SlackHttpClient(`${base}/slack/events`, SECRET);
    const event = messageEvent({ text: PASTE });
    const res = await http.sendEvent(eventCallback(event));
    check(res.status === 200, `signed event acknowledged (${res.status})`);
    const post = await slack.waitFor('chat.postMessage', undefined, 20000);
    log('reply:', String(post.args.text).slice(0, 200));
    check(post.args.thread_ts === event.ts, 'reply posted in the thread of the pasted message');
    const bad = await http.sendEvent(eventCallback(messageEvent({ text: PASTE })), {
      signature: 'bad',
    });
    check(bad.status === 401, `bad signature refused (${bad.status})`);

    const who = engine('exec', NAME, 'id');
    log('id in container:', who);
    check(!/^uid=0\b/.test(who), 'runs as a non-root user');
    log('/data:', engine('exec', NAME, 'ls', '-ln', '/data').replace(/\n/g, ' | '));
    // The engine's timer needs systemd; `healthcheck run` runs the image's HEALTHCHECK once.
    let health = 'unknown';
    try {
      engine('healthcheck', 'run', NAME);
      health = 'healthy';
    } catch (e) {
      health = `unhealthy: ${String(e.stdout || e.message).trim()}`;
    }
    log('HEALTHCHECK:', health);
    check(health === 'healthy', "the image's HEALTHCHECK passes");
  } finally {
    log('--- last container log lines ---');
    log(engine('logs', '--tail', '4', NAME));
    engine('stop', '-t', '15', NAME);
    const code = engine('inspect', '--format', '{{.State.ExitCode}}', NAME);
    check(code === '0', `SIGTERM stop exits 0 (exit ${code})`);
    engine('rm', '-v', NAME);
    await slack.close();
  }
  if (failures.length) {
    log(`${failures.length} check(s) failed`);
    process.exitCode = 1;
  } else log('all checks passed');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
