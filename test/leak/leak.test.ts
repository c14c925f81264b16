// The leak suite (issue 11): 2,232 secrets of 31 kinds in 9 placements, planted in auth
// errors, non-auth errors and chat, go through the engine and the CLI (--jsonl, --json,
// text); no 12-character run of any of them may come out. secretlint's recommended rules are
// the oracle: everything they find in a paste must be redacted too.
//
// The engine and --jsonl read every secret alone in its own paste; --json and text, which
// cost a run each, read them 31 to a paste (every kind, in one placement and host), in process
// through the CLI's own entry point, and two pastes through the built binary.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli';
import { diagnose } from '../../src/diagnosis';
import { redactSecrets } from '../../src/diagnosis/secrets';
import {
  generate,
  grams,
  KINDS,
  leakedIn,
  PLACEMENTS,
  plantings,
  type Paste,
  type Planted,
} from './generate';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const COUNT = KINDS.length * PLACEMENTS.length * 8; // 2,232
/** One secret a paste. */
const SINGLES = generate(COUNT);
/** The same plantings, every kind in one paste (one placement and host kind each). */
const BUNDLES = generate(COUNT, { perPaste: KINDS.length });
const SINGLE_INDEX = grams(plantings(SINGLES));
const BUNDLE_INDEX = grams(plantings(BUNDLES));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tfauth-leak-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Leaks as `kind/placement/host` → count, for a readable failure. */
function describe_(planted: Planted[], leaked: Iterable<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of leaked) {
    const p = planted[i] as Planted;
    const key = `${p.kind}/${p.placement}/${p.host}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** `tfauth diagnose …` through the CLI's entry point, in this process: exit code and output. */
async function tfauth(args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await run(args, { stdout, stderr, stdin: new PassThrough(), env: {} });
  return { code, out };
}

function file(p: Paste): string {
  const path = join(dir, `${p.id}.txt`);
  writeFileSync(path, p.text);
  return path;
}

it('plants at least 2,000 secrets of at least 25 kinds in every placement and host, alone and together', () => {
  for (const pastes of [SINGLES, BUNDLES]) {
    const planted = plantings(pastes);
    expect(planted.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(planted.map((p) => p.kind)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(planted.map((p) => p.placement))).toEqual(new Set(PLACEMENTS));
    expect(new Set(planted.map((p) => p.host))).toEqual(new Set(['auth', 'not-auth', 'chat']));
    expect(planted.every((p) => p.secrets.length > 0)).toBe(true);
  }
  expect(SINGLES.every((p) => p.planted.length === 1)).toBe(true);
  expect(BUNDLES.every((p) => new Set(p.planted.map((x) => x.kind)).size === KINDS.length)).toBe(
    true,
  );
  // Same seed, same pastes.
  expect(generate(10).map((p) => p.text)).toEqual(generate(10).map((p) => p.text));
});

it('the scan finds what is there: every planting is found in the pastes themselves', () => {
  // Read back as the outputs are, the raw pastes hold nearly every planted secret (the rest
  // are only there encoded in ways the forms do not undo, e.g. a \u escape): a broken index or
  // scan would find none.
  for (const [pastes, index] of [
    [SINGLES, SINGLE_INDEX],
    [BUNDLES, BUNDLE_INDEX],
  ] as const) {
    const found = new Set<number>();
    for (const p of pastes) for (const hit of leakedIn(p.text, index).keys()) found.add(hit);
    expect(found.size).toBeGreaterThan(0.95 * plantings(pastes).length);
  }
});

it('the engine lets none out', () => {
  const leaked = new Set<number>();
  for (const p of SINGLES)
    for (const hit of leakedIn(JSON.stringify(diagnose(p.text)), SINGLE_INDEX).keys())
      leaked.add(hit);
  expect(describe_(plantings(SINGLES), leaked)).toEqual({});
});

it('the CLI lets none out: one --jsonl batch of all of them (the built binary)', () => {
  const batch = join(dir, 'batch.jsonl');
  writeFileSync(batch, SINGLES.map((p) => JSON.stringify({ id: p.id, text: p.text })).join('\n'));
  const out = execFileSync(process.execPath, [CLI, 'diagnose', '--jsonl', batch], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  expect(out.trim().split('\n')).toHaveLength(SINGLES.length);
  expect(describe_(plantings(SINGLES), leakedIn(out, SINGLE_INDEX).keys())).toEqual({});
});

it('the CLI lets none out: --json and text, every paste with every kind', async () => {
  const leaked = new Set<number>();
  for (const p of BUNDLES) {
    const path = file(p);
    for (const args of [
      ['diagnose', '--json', path],
      ['diagnose', '--no-color', path],
    ]) {
      const { code, out } = await tfauth(args);
      expect(code).toBe(0);
      expect(out.length).toBeGreaterThan(0);
      for (const hit of leakedIn(out, BUNDLE_INDEX).keys()) leaked.add(hit);
    }
  }
  expect(describe_(plantings(BUNDLES), leaked)).toEqual({});
});

it('the built binary lets none out either: --json and text', () => {
  // One auth and one non-auth host, so both a full reply and a quiet one are printed.
  const sample = [BUNDLES[0], BUNDLES.find((p) => p.host === 'not-auth')] as Paste[];
  const leaked = new Set<number>();
  for (const p of sample) {
    const path = file(p);
    for (const args of [['--json', path], [path]]) {
      const res = spawnSync(process.execPath, [CLI, 'diagnose', ...args], { encoding: 'utf8' });
      expect(res.status).toBe(0);
      for (const hit of leakedIn(res.stdout + res.stderr, BUNDLE_INDEX).keys()) leaked.add(hit);
    }
  }
  expect(describe_(plantings(BUNDLES), leaked)).toEqual({});
});

it('secretlint (the oracle) finds nothing in a paste that the engine leaves unredacted', () => {
  const sample = SINGLES.slice(0, KINDS.length * PLACEMENTS.length * 2);
  const out = execFileSync(process.execPath, [join(__dirname, 'secretlint-oracle.mjs')], {
    input: JSON.stringify(sample.map((p) => p.text)),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const found = JSON.parse(out) as Array<Array<{ rule: string; text: string }>>;
  expect(found.flat().length).toBeGreaterThan(0); // the oracle works
  const missed: string[] = [];
  found.forEach((list, i) => {
    const redacted = redactSecrets((sample[i] as Paste).text).text;
    for (const f of list)
      if (redacted.includes(f.text)) missed.push(`${f.rule} in ${sample[i]?.id}`);
  });
  expect(missed).toEqual([]);
});
