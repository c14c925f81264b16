// The command checks on every corpus in the repo: each auth answer's commands parse and
// no placeholder stands where the paste shows the value. To measure another build (e.g.
// before a change): TFAUTH_CHECK_CLI=/path/to/dist/cli.js npx jest test/diagnosis/commands-corpus
// (then the test only reports; it asserts on this checkout's engine).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis';
import type { Diagnosis } from '../../src/diagnosis/types';
import { checkAnswers, formatReport, type Answer } from '../support/commands/corpus-check';
import { DEV_CORPUS, FIXTURES, loadJsonl, type CorpusCase } from '../support/corpus';

const CORPORA: Array<[string, string]> = [
  ['dev', DEV_CORPUS],
  ['holdout', join(FIXTURES, 'holdout.jsonl')],
  ['holdout2', join(FIXTURES, 'holdout2.jsonl')],
  ['holdout3', join(FIXTURES, 'holdout3.jsonl')],
  ['holdout4', join(FIXTURES, 'holdout4.jsonl')],
  ['holdout5', join(FIXTURES, 'holdout5.jsonl')],
  ['holdout6', join(FIXTURES, 'holdout6.jsonl')],
  ['holdout7', join(FIXTURES, 'holdout7.jsonl')],
  ['holdout8', join(FIXTURES, 'holdout8.jsonl')],
  ['holdout9', join(FIXTURES, 'holdout9.jsonl')],
  ['holdout10', join(FIXTURES, 'holdout10.jsonl')],
  ['holdout11', join(FIXTURES, 'holdout11.jsonl')],
  ['holdout12', join(FIXTURES, 'holdout12.jsonl')],
  ['holdout13', join(FIXTURES, 'holdout13.jsonl')],
  ['holdout14', join(FIXTURES, 'holdout14.jsonl')],
  ['holdout15', join(FIXTURES, 'holdout15.jsonl')],
  ['holdout16', join(FIXTURES, 'holdout16.jsonl')],
  ['holdout17', join(FIXTURES, 'holdout17.jsonl')],
];

const otherCli = process.env.TFAUTH_CHECK_CLI;

function answers(cases: CorpusCase[]): Answer[] {
  if (!otherCli) return cases.map((c) => ({ id: c.id, text: c.text, diagnosis: diagnose(c.text) }));
  const file = join(mkdtempSync(join(tmpdir(), 'tfauth-')), 'cases.jsonl');
  writeFileSync(file, cases.map((c) => JSON.stringify({ id: c.id, text: c.text })).join('\n'));
  const r = spawnSync('node', [otherCli, 'diagnose', '--jsonl', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const byId = new Map(
    r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Diagnosis & { id: string })
      .map((d) => [d.id, d]),
  );
  return cases.map((c) => ({ id: c.id, text: c.text, diagnosis: byId.get(c.id) as Diagnosis }));
}

describe.each(CORPORA)('answers to the %s corpus', (name, file) => {
  const cases = loadJsonl(file);
  it('have commands that parse and no placeholder where the paste shows the value', async () => {
    const report = await checkAnswers(name, answers(cases));
    console.log(formatReport(report));
    if (otherCli) return;
    expect(report.auth).toBeGreaterThan(0);
    expect([
      ...new Set(
        report.problems.map((p) => `${p.where}: ${p.checker}: ${p.command} — ${p.message}`),
      ),
    ]).toEqual([]);
    expect(report.unfilled.map((u) => `${u.id}: <${u.placeholder}> in ${u.command}`)).toEqual([]);
  }, 120000);
});
