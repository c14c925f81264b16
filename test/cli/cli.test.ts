// The tfauth CLI as users run it: the built binary in a child process.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_CORPUS } from '../support/corpus';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'tfauth-cli-'));

function tfauth(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PASTE =
  '│ Error: failed to get shared config profile, jack.roper\n│   with provider["registry.terraform.io/hashicorp/aws"],\n';

describe('tfauth diagnose', () => {
  it('reads standard input and prints a readable diagnosis without colour when piped', () => {
    const r = tfauth(['diagnose'], PASTE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The AWS profile named in the configuration does not exist here');
    expect(r.stdout).toContain('$ aws configure --profile jack.roper');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('colours output when asked (FORCE_COLOR) and never when NO_COLOR is set', () => {
    expect(tfauth(['diagnose'], PASTE, { FORCE_COLOR: '1' }).stdout).toContain('\x1b[1m');
    expect(tfauth(['diagnose'], PASTE, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(
      '\x1b[',
    );
  });

  it('reads a file and prints one JSON object with --json', () => {
    const file = join(dir, 'plan.log');
    writeFileSync(file, PASTE);
    const r = tfauth(['diagnose', '--json', file]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of [
      'classId',
      'confidence',
      'title',
      'facts',
      'causes',
      'steps',
      'secrets',
      'others',
    ])
      expect(d).toHaveProperty(key);
    expect(d.classId).toBe('aws.profile_not_found');
  });

  it('--jsonl prints one diagnosis per line with the same id, and reports bad lines by number', () => {
    const file = join(dir, 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: PASTE }),
        '{not json',
        JSON.stringify({ id: 'b' }),
        JSON.stringify({ id: 7, text: 'hello' }),
      ].join('\n'),
    );
    const r = tfauth(['diagnose', '--jsonl', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string | number; classId: string });
    expect(lines.map((l) => [l.id, l.classId])).toEqual([
      ['a', 'aws.profile_not_found'],
      [7, 'none'], // a numeric id stays a number,
    ]);
    expect(r.stderr).toContain('batch.jsonl:2: invalid JSON');
    expect(r.stderr).toContain('batch.jsonl:3: missing string field "text"');
  });

  it('clear errors for a missing, unreadable or directory input', () => {
    const missing = tfauth(['diagnose', join(dir, 'nope.log')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.log: no such file/);
    const locked = join(dir, 'locked.log');
    writeFileSync(locked, PASTE);
    chmodSync(locked, 0o000);
    const unreadable = tfauth(['diagnose', locked]);
    if (process.getuid?.() !== 0) expect(unreadable.stderr).toMatch(/permission denied/);
    expect(tfauth(['diagnose', dir]).stderr).toMatch(/is a directory/);
  });

  it('usage errors exit 2 and point at --help', () => {
    const r = tfauth(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(tfauth(['diagnose', '--bogus']).code).toBe(2);
    expect(tfauth([]).code).toBe(2);
  });

  it('--help explains every command', () => {
    const r = tfauth(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['tfauth diagnose [FILE]', '--json', '--jsonl FILE', 'tfauth eval FILE.jsonl'])
      expect(r.stdout).toContain(s);
  });

  it('survives binary junk on standard input', () => {
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json'], {
      input: Buffer.from([0, 255, 254, 1, 2, 3, 0xc3, 0x28]),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { classId: string }).classId).toBe('none');
  });
});

describe('tfauth eval', () => {
  it('scores the dev corpus: accuracy, per-class precision and recall, none false positives, misses', () => {
    const r = tfauth(['eval', DEV_CORPUS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Accuracy: \d+\.\d% \(\d+\/177\)/);
    expect(r.stdout).toContain('none cases called an auth class: 0');
    expect(r.stdout).toContain('aws.invalid_access_key');
    const json = JSON.parse(tfauth(['eval', '--json', DEV_CORPUS]).stdout) as {
      accuracy: number;
      perClass: unknown[];
      misses: unknown[];
    };
    expect(json.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(json.perClass.length).toBe(26);
  });

  it('--min-confidence scores what a channel sees: quiet answers count as none', () => {
    const file = join(__dirname, '..', 'fixtures', 'not-failures.jsonl');
    const raw = tfauth(['eval', file]);
    // The engine names a class for some chat about errors, at a confidence below the threshold…
    expect(raw.stdout).not.toContain('none cases called an auth class: 0');
    // …so in a channel the bot stays silent on every one of them.
    const seen = tfauth(['eval', '--min-confidence', '0.6', file]);
    expect(seen.code).toBe(0);
    expect(seen.stdout).toContain('none cases called an auth class: 0');
    const bad = tfauth(['eval', '--min-confidence', 'high', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-confidence must be a number from 0 to 1');
  });
});

describe('tfauth feedback', () => {
  it('lists the rules people marked "Not an auth error", from the bot’s data folder', () => {
    const data = mkdtempSync(join(tmpdir(), 'tfauth-feedback-'));
    const now = Date.now();
    const rows = [
      {
        kind: 'diagnosed',
        classId: 'aws.permission_denied',
        signature: 'aws.permission_denied/code',
        at: now,
      },
      {
        kind: 'diagnosed',
        classId: 'aws.permission_denied',
        signature: 'aws.permission_denied/code',
        at: now,
      },
      {
        kind: 'not_auth',
        classId: 'aws.permission_denied',
        signature: 'aws.permission_denied/code',
        at: now,
      },
    ];
    writeFileSync(
      join(data, 'outcomes.jsonl'),
      rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    );
    const r = tfauth(['feedback', '--data-dir', data]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1× of 2 answered  aws.permission_denied/code');
    const json = JSON.parse(tfauth(['feedback', '--json', '--data-dir', data]).stdout) as unknown[];
    expect(json).toEqual([
      {
        signature: 'aws.permission_denied/code',
        classId: 'aws.permission_denied',
        diagnosed: 2,
        notAuth: 1,
      },
    ]);
  });

  it('says where it looked when there is nothing, with exit 1; bad --days is a usage error', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tfauth-feedback-'));
    const r = tfauth(['feedback', '--data-dir', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no outcomes in ${empty}`);
    expect(tfauth(['feedback', '--days', 'x']).code).toBe(2);
  });
});

describe('a reader that stops early', () => {
  it('ends quietly when the pipe closes (`tfauth diagnose --jsonl FILE | head -1`)', async () => {
    const file = join(dir, 'many.jsonl');
    const line = JSON.stringify({ id: 'x', text: PASTE });
    writeFileSync(file, `${Array.from({ length: 3000 }, () => line).join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'diagnose', '--jsonl', file], {
      env: { PATH: process.env.PATH },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
