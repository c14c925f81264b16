// A reply's title and summary, an extra error's title and a walk-through rebuilt from its
// buttons name the class the same way, with every ⟨fact⟩ filled: a raw placeholder in a
// Slack header is a broken answer (gcp.invalid_grant's ⟨token_service⟩ once was).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeClass, diagnose, guideHeadline, CLASS_IDS } from '../../src/diagnosis';
import { DEV_CORPUS, FIXTURES, loadJsonl } from '../support/corpus';

const corpora = [
  DEV_CORPUS,
  ...readdirSync(FIXTURES)
    .filter((f) => /^holdout\d*\.jsonl$/.test(f))
    .map((f) => join(FIXTURES, f)),
];
const RAW = /⟨|⟩|⟦|⟧/;

it('every class described without a paste shows no raw placeholder', () => {
  const raw = CLASS_IDS.map((id) => describeClass(id))
    .filter((d) => RAW.test(d.title) || RAW.test(d.summary))
    .map((d) => d.classId);
  expect(raw).toEqual([]);
});

it('on every corpus, titles are filled and the rebuilt headline is the reply’s own', () => {
  const problems: string[] = [];
  for (const file of corpora)
    for (const c of loadJsonl(file)) {
      const d = diagnose(c.text);
      if (RAW.test(d.title) || RAW.test(d.summary)) problems.push(`${c.id}: ${d.title}`);
      for (const o of d.others) if (RAW.test(o.title)) problems.push(`${c.id} other: ${o.title}`);
      if (d.classId === 'none' || !d.guide) continue;
      const rebuilt = guideHeadline(d.classId, d.guide);
      if (rebuilt.title !== d.title)
        problems.push(`${c.id} rebuilt: ${rebuilt.title} ≠ ${d.title}`);
    }
  expect(problems).toEqual([]);
});

// A fact the paste lacks reads "the block" in prose; in brackets after the thing it names it
// says nothing ("comes from AWS SDK for Go v1 (the block)"), so such brackets are optional parts.
it('on every corpus, no evidence or title shows a missing fact as "(the …)"', () => {
  const FALLBACK_IN_BRACKETS = /\(the [a-z]+(?: [a-z]+)?\)/;
  const problems: string[] = [];
  for (const file of corpora)
    for (const c of loadJsonl(file)) {
      const d = diagnose(c.text);
      const prose = [d.title, d.summary, ...d.causes.flatMap((k) => [k.title, ...k.evidence])];
      for (const p of prose) if (FALLBACK_IN_BRACKETS.test(p)) problems.push(`${c.id}: ${p}`);
    }
  expect(problems).toEqual([]);
});
