// The classifier against labelled real-world pastes: the shared dev corpus (the issue's
// bar) and the project's own held-out cases collected independently of the classifier.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis';
import { evaluate, type EvalReport } from '../../src/diagnosis/evaluate';
import { classify } from '../../src/diagnosis/classify';
import { focus, mayBeAnError } from '../../src/diagnosis/focus';
import { normalize } from '../../src/diagnosis/normalize';
import { CLASS_IDS } from '../../src/diagnosis/types';
import { DEV_CORPUS, FIXTURES, loadJsonl, type CorpusCase } from '../support/corpus';

function score(cases: CorpusCase[]): EvalReport {
  return evaluate(
    cases.map((c) => {
      const d = diagnose(c.text);
      return { id: c.id, label: c.label, predicted: d.classId, confidence: d.confidence };
    }),
  );
}

const VALID_LABELS = new Set<string>([...CLASS_IDS, 'none']);

/** Each held-out set and the size it was collected at (a truncated file must fail). */
const HELD_OUT: Array<[string, number]> = [
  ['holdout.jsonl', 150],
  ['holdout2.jsonl', 150],
  ['holdout3.jsonl', 150],
  ['holdout4.jsonl', 140],
  ['holdout5.jsonl', 60],
  ['holdout6.jsonl', 66],
  ['holdout7.jsonl', 66],
  ['holdout8.jsonl', 80],
  ['holdout9.jsonl', 19],
  ['holdout10.jsonl', 86],
  ['holdout11.jsonl', 113],
  ['holdout12.jsonl', 116],
  ['holdout13.jsonl', 127],
  ['holdout14.jsonl', 127],
  ['holdout15.jsonl', 122],
  ['holdout16.jsonl', 124],
  ['holdout17.jsonl', 137],
];

/**
 * Held-out cases whose label the code that prints the message contradicts: left in the file as
 * collected (blind labels are not edited after the classifier has run on them), kept out of the
 * accuracy bar, and held to the answer the upstream source supports.
 */
const LABEL_DISPUTED = new Map<string, { answer: string; why: string }>([
  [
    'h16-tfw-google-token-or-sa-key-required-1',
    {
      answer: 'none',
      why: 'labelled gcp.no_credentials from its thread, but `one of token or service account key file must be specified` is printed by Yandex.Cloud’s provider and packer plugin (its `package yandex` config.go, initAndValidate, on yandex-cloud/go-sdk), a platform outside the taxonomy',
    },
  ],
]);

/**
 * Held-out auth pastes whose wording no rule knows (each is a reported miss: see
 * holdout4.first-run.txt and the README's accuracy table).
 */
const NO_RULE_YET = new Set([
  'h4-azurerm-23506-1',
  'h4-tfe-1309-1',
  'h4-tg-2899-1',
  'h4-goazhelpers-48-1',
  // holdout12.first-run.txt: a bare `Error: Profile dev does not exist` (the Serverless
  // Framework's, naming no platform), and an Artifactory module download whose paste shows no 401.
  'h12-aws-sls-profile-dev-1',
  'h12-multi-tfc-12',
  // holdout13.first-run.txt: a Java socket timeout whose paste names no AWS host or credential
  // call (its collector doubted the label).
  'h13-aws-jenkinscred-1',
  // holdout14.first-run.txt: a bare Python JSON decode error (`Expecting value: line 1 column 1`),
  // the credential process's only trace; the label comes from the thread.
  'h14-aws-gsts-cp-json-1',
  // holdout16.first-run.txt: `A region must be specified in your configuration.` alone, from a
  // Sublime Text plugin: the words name no platform (OCI's SDKs raise the same sentence).
  'h16-aws-sublime-lambda-region-1',
]);

describe('the fast path for chat', () => {
  it('the fast path never hides a paste the classifier would answer', () => {
    // The fast path's words are the catalog's own keywords (prefilter.ts): a paste without any
    // can match no signature. Checked against every labelled paste, read without the fast path.
    const all = [DEV_CORPUS, ...HELD_OUT.map(([f]) => join(FIXTURES, f))].flatMap(loadJsonl);
    const hidden = all.filter((c) => {
      if (mayBeAnError(c.text)) return false;
      const { primary } = classify(normalize(focus(c.text).segments).blocks);
      return primary.classId !== 'none' || primary.notAuth !== undefined;
    });
    expect(hidden.map((c) => c.id)).toEqual([]);
    // Labelled auth pastes without any keyword are ones no rule knows yet: the known few, no new ones.
    const unknown = all.filter((c) => c.label !== 'none' && !mayBeAnError(c.text)).map((c) => c.id);
    expect(unknown.filter((id) => !NO_RULE_YET.has(id))).toEqual([]);
  });

  it('ordinary chat takes the fast path', () => {
    expect(mayBeAnError('lunch at 12? the new VPC is live')).toBe(false);
    expect(mayBeAnError('│ Error: ExpiredToken')).toBe(true);
  });
});

describe('dev corpus (data/corpus/dev.jsonl)', () => {
  const cases = loadJsonl(DEV_CORPUS);
  const report = score(cases);

  it('is present and labelled with taxonomy ids', () => {
    expect(existsSync(DEV_CORPUS)).toBe(true);
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.filter((c) => !VALID_LABELS.has(c.label))).toEqual([]);
  });

  it('reaches top-1 accuracy of at least 97%', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('never calls a none case an auth class (the bot must stay silent)', () => {
    expect(report.noneFalsePositives).toEqual([]);
  });

  it('has recall of at least 80% for every class', () => {
    const weak = report.perClass.filter((c) => c.support > 0 && c.recall < 0.8);
    expect(weak).toEqual([]);
  });
});

describe.each(HELD_OUT)('held-out fixtures (test/fixtures/%s)', (name, size) => {
  const cases = loadJsonl(join(FIXTURES, name));
  const report = score(cases.filter((c) => !LABEL_DISPUTED.has(c.id)));
  const disputed = cases.filter((c) => LABEL_DISPUTED.has(c.id));

  it('exists and uses taxonomy ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(size);
    expect(cases.filter((c) => !VALID_LABELS.has(c.label))).toEqual([]);
  });

  // Collected independently of the classifier (see the README: "How good is it").
  it('generalizes: accuracy of at least 95% on pastes the classifier was not written against', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('answers each disputed case as the upstream source says', () => {
    const answers = disputed.map((c) => [c.id, diagnose(c.text).classId]);
    expect(answers).toEqual(disputed.map((c) => [c.id, LABEL_DISPUTED.get(c.id)?.answer]));
  });

  it('stays silent on none cases', () => {
    expect(report.noneFalsePositives.map((m) => `${m.id} → ${m.predicted}`)).toEqual([]);
  });
});
