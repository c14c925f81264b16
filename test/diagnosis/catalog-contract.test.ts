// The catalog's contract: every rule carries its proof. Each signature has examples it must
// decide (and may have counterexamples it must not), each with a source of a documented form;
// catalog ids, CLASS_IDS and TAXONOMY.md agree; every pattern is linear-time according to
// recheck; every signature has a tier (never a free weight), prefilter keywords, and valid
// `beats` ids.
//
// Examples are being written now, so signatures still without one are listed in
// signatures-without-examples.json: the list may only shrink (a listed signature that has
// examples, or an unlisted one without, fails).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATALOG,
  NOT_AUTH,
  SITUATIONS,
  TIER,
  type CatalogEntry,
  type Example,
  type Signature,
} from '../../src/diagnosis/catalog';
import { classify } from '../../src/diagnosis/classify';
import { diagnose } from '../../src/diagnosis';
import { normalize } from '../../src/diagnosis/normalize';
import { keywordsOf } from '../../src/diagnosis/prefilter';
import { CLASS_IDS } from '../../src/diagnosis/types';
import { LinearityChecker } from '../support/linearity';
import { dataFile } from '../support/shared';
import { itIf } from '../support/skip';

const ROOT = join(__dirname, '..', '..');
const ALLOW_LIST = join(__dirname, 'signatures-without-examples.json');
const ADVICE_ALLOW_LIST = join(__dirname, 'advice-without-examples.json');

/** The documented forms of `Example.source` (schema.ts). */
export const SOURCE_FORM = /^(?:upstream \S|issue \S|corpus \S|https?:\/\/\S|invented: \S)/;

interface Rule {
  /** `class/sig` for catalog entries, `family/sig` for not-auth families (as classify reports). */
  id: string;
  owner: string;
  signature: Signature;
}

const RULES: Rule[] = [...CATALOG, ...NOT_AUTH].flatMap((owner) =>
  owner.signatures.map((signature) => ({
    id: `${owner.id}/${signature.id}`,
    owner: owner.id,
    signature,
  })),
);

/** What classify() decides for one example text: the deciding signature's id, or the class. */
function decide(text: string): { signatureId: string; label: string } {
  const { blocks } = normalize([text]);
  const { primary } = classify(blocks);
  return {
    signatureId: primary.signatureId ?? '(no signature)',
    label: `${primary.signatureId ?? primary.classId} (${primary.classId}, ${primary.confidence})`,
  };
}

function allowList(): string[] {
  return JSON.parse(readFileSync(ALLOW_LIST, 'utf8')) as string[];
}

const examplesOf = (s: Signature): Example[] => s.examples ?? [];

/** A signature's tier must be one of TIER's, with no free `weight` beside it. */
function tierProblems(id: string, s: Signature): string[] {
  const problems: string[] = [];
  if (!Object.hasOwn(TIER, s.tier))
    problems.push(`${id}: tier ${JSON.stringify(s.tier)} is not one of TIER's`);
  if ('weight' in s)
    problems.push(`${id}: a free \`weight\`; use a \`tier\` (and \`beats\` for precedence)`);
  return problems;
}

describe('catalog contract: examples', () => {
  it('every signature has an example, or is on the shrinking allow-list', () => {
    const listed = new Set(allowList());
    const ids = new Set(RULES.map((r) => r.id));
    const problems: string[] = [];
    for (const r of RULES) {
      const has = examplesOf(r.signature).length > 0;
      if (!has && !listed.has(r.id))
        problems.push(`${r.id}: no example (add one to its signature's \`examples\`)`);
      if (has && listed.has(r.id))
        problems.push(`${r.id}: has examples now; remove it from ${ALLOW_LIST}`);
    }
    for (const id of listed)
      if (!ids.has(id)) problems.push(`${id}: listed in ${ALLOW_LIST} but no such signature`);
    expect(problems).toEqual([]);
  });

  it('each example is decided by its own signature; each counterexample is not', () => {
    const problems: string[] = [];
    for (const r of RULES) {
      for (const ex of examplesOf(r.signature)) {
        const got = decide(ex.text);
        if (got.signatureId !== r.id)
          problems.push(`${r.id}: example from "${ex.source}" was decided by ${got.label}`);
      }
      for (const ex of r.signature.counterexamples ?? []) {
        const got = decide(ex.text);
        if (got.signatureId === r.id)
          problems.push(`${r.id}: counterexample from "${ex.source}" was decided by it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every example names its source in a documented form', () => {
    const problems: string[] = [];
    for (const r of RULES)
      for (const ex of [...examplesOf(r.signature), ...(r.signature.counterexamples ?? [])]) {
        if (typeof ex.source !== 'string' || !SOURCE_FORM.test(ex.source))
          problems.push(
            `${r.id}: source ${JSON.stringify(ex.source)} is not "upstream …", "issue …", "corpus …", a URL or "invented: …"`,
          );
        if (typeof ex.text !== 'string' || ex.text.trim() === '')
          problems.push(`${r.id}: an example from "${ex.source}" has no text`);
      }
    expect(problems).toEqual([]);
  });

  it('the source check rejects what it must', () => {
    expect(SOURCE_FORM.test('invented: no public paste of the v1 wording')).toBe(true);
    expect(SOURCE_FORM.test('issue hashicorp/terraform#1234')).toBe(true);
    expect(SOURCE_FORM.test('https://github.com/x/y/issues/1')).toBe(true);
    expect(SOURCE_FORM.test('invented')).toBe(false);
    expect(SOURCE_FORM.test('from memory')).toBe(false);
    expect(SOURCE_FORM.test('')).toBe(false);
  });
});

describe('catalog contract: shape', () => {
  it('ids are unique: entries, families, signatures within each', () => {
    const owners = [...CATALOG, ...NOT_AUTH].map((o) => o.id);
    expect(owners.filter((id, i) => owners.indexOf(id) !== i)).toEqual([]);
    const rules = RULES.map((r) => r.id);
    expect(rules.filter((id, i) => rules.indexOf(id) !== i)).toEqual([]);
  });

  it('catalog ids equal CLASS_IDS', () => {
    expect(CATALOG.map((e) => e.id).sort()).toEqual([...CLASS_IDS].sort());
  });

  const taxonomy = [
    join(ROOT, 'TAXONOMY.md'),
    join(ROOT, 'docs', 'TAXONOMY.md'),
    dataFile('corpus', 'TAXONOMY.md'),
  ].find((f) => existsSync(f));
  const itTaxonomy = itIf(
    taxonomy !== undefined || process.env.TFAUTH_REQUIRE_SHARED === '1',
    'no TAXONOMY.md (data/corpus/ or the workspace) to compare the catalog ids with.',
  );
  itTaxonomy('catalog ids equal the ids in TAXONOMY.md', () => {
    expect(taxonomy).toBeDefined();
    const text = readFileSync(taxonomy as string, 'utf8');
    const ids = [...text.matchAll(/^\|\s*`([a-z0-9]+\.[a-z0-9_]+)`\s*\|/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual(CATALOG.map((e) => e.id).sort());
  });

  it('every signature has a tier and no free weight, and keywords for the prefilter', () => {
    const problems: string[] = [];
    for (const r of RULES) {
      problems.push(...tierProblems(r.id, r.signature));
      if (!keywordsOf(r.signature))
        problems.push(
          `${r.id}: no literal of ≥3 characters can be derived from its pattern; declare \`keywords\``,
        );
    }
    expect(problems).toEqual([]);
  });

  it('the tier check rejects what it must', () => {
    const sig = (extra: object): Signature =>
      ({ id: 'x', pattern: /x/, ...extra }) as unknown as Signature;
    expect(tierProblems('x', sig({ tier: 'strong' }))).toEqual([]);
    expect(tierProblems('x', sig({}))).toHaveLength(1);
    expect(tierProblems('x', sig({ tier: 'certain' }))).toHaveLength(1);
    expect(tierProblems('x', sig({ tier: 'strong', weight: 0.93 }))).toHaveLength(1);
  });

  it('beats names existing classes, families or signatures', () => {
    const known = new Set([...RULES.map((r) => r.id), ...RULES.map((r) => r.owner)]);
    const problems = RULES.flatMap((r) =>
      (r.signature.beats ?? []).filter((b) => !known.has(b)).map((b) => `${r.id}: beats ${b}`),
    );
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Advice rules: a cause that only a condition brings (`prior: 0`), and a conditional step
// placed before the class's first unconditional one ("when …, do this first"), each carry
// pastes that prove them: for each, the whole engine must rank that cause first, or lead the
// class's checklist with that step. Rules older than this contract are listed in
// advice-without-examples.json, which may only shrink.

interface AdviceRule {
  /** `class/cause:id` or `class/step:id`. */
  id: string;
  entry: CatalogEntry;
  kind: 'cause' | 'step';
  ruleId: string;
  examples: Example[];
  /** Whether the contract requires examples of it. */
  required: boolean;
}

function adviceRules(): AdviceRule[] {
  const out: AdviceRule[] = [];
  for (const entry of CATALOG) {
    for (const c of entry.causes)
      out.push({
        id: `${entry.id}/cause:${c.id}`,
        entry,
        kind: 'cause',
        ruleId: c.id,
        examples: c.examples ?? [],
        required: c.prior === 0,
      });
    const firstPlain = entry.steps.findIndex((s) => s.when === undefined && !s.sources);
    entry.steps.forEach((s, i) =>
      out.push({
        id: `${entry.id}/step:${s.id}`,
        entry,
        kind: 'step',
        ruleId: s.id,
        examples: s.examples ?? [],
        required: s.when !== undefined && (firstPlain < 0 || i < firstPlain),
      }),
    );
  }
  return out;
}

const SITUATION_STEPS = new Set(SITUATIONS.map((s) => s.step.id));

describe('catalog contract: advice rules', () => {
  const rules = adviceRules();

  it('every rule has an example, or is on the shrinking allow-list', () => {
    const listed = new Set(JSON.parse(readFileSync(ADVICE_ALLOW_LIST, 'utf8')) as string[]);
    const ids = new Set(rules.filter((r) => r.required).map((r) => r.id));
    const problems: string[] = [];
    for (const r of rules.filter((x) => x.required)) {
      const has = r.examples.length > 0;
      if (!has && !listed.has(r.id)) problems.push(`${r.id}: a rule without an example`);
      if (has && listed.has(r.id))
        problems.push(`${r.id}: has examples now; remove it from ${ADVICE_ALLOW_LIST}`);
    }
    for (const id of listed)
      if (!ids.has(id)) problems.push(`${id}: listed in ${ADVICE_ALLOW_LIST} but no such rule`);
    expect(problems).toEqual([]);
  });

  it('each example brings its cause first, or leads the checklist with its step', () => {
    const problems: string[] = [];
    for (const r of rules)
      for (const ex of r.examples) {
        if (!SOURCE_FORM.test(ex.source)) problems.push(`${r.id}: source ${ex.source}`);
        const d = diagnose(ex.text);
        if (d.classId !== r.entry.id) {
          problems.push(`${r.id}: example from "${ex.source}" is ${d.classId}`);
          continue;
        }
        const first =
          r.kind === 'cause'
            ? d.causes[0]?.id
            : d.steps.find((s) => !SITUATION_STEPS.has(s.id))?.id;
        if (first !== r.ruleId)
          problems.push(`${r.id}: example from "${ex.source}" puts ${first ?? 'nothing'} first`);
      }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Linear time, by recheck (test/support/linearity.ts: automaton checker first, then seeded
// fuzzing; verdicts cached outside the repository by source, flags and recheck version).
//
// Patterns recheck does not call safe today are listed in patterns-not-linear.json with its
// verdict (mostly `.{0,N}?` gaps: O(N·n), linear with a large constant, which recheck reports
// as polynomial). Like the examples' list it may only shrink.

const NOT_LINEAR = join(__dirname, 'patterns-not-linear.json');

interface Listed {
  where: string;
  pattern: string;
  verdict: string;
}

describe('catalog contract: linear-time patterns', () => {
  it('every catalog and not-auth pattern is linear according to recheck', () => {
    const recheck = new LinearityChecker();
    const patterns: Array<[string, RegExp]> = [];
    for (const r of RULES)
      for (const field of ['pattern', 'requires', 'unless'] as const) {
        const re = r.signature[field];
        if (re) patterns.push([`${r.id} ${field}`, re]);
      }
    // The secret scanner's patterns have their own check, as they run (test/diagnosis/secret-linearity.test.ts).
    const listed = JSON.parse(readFileSync(NOT_LINEAR, 'utf8')) as Listed[];
    const isListed = (re: RegExp): boolean => listed.some((l) => l.pattern === String(re));
    const problems: string[] = [];
    try {
      for (const [where, re] of patterns) {
        const verdict = recheck.verdict(re);
        if (verdict === 'safe') {
          // A listed timeout may pass on a quieter machine; only a definite verdict must go.
          const entry = listed.find((l) => l.pattern === String(re));
          if (entry && !entry.verdict.startsWith('unknown'))
            problems.push(`${where}: safe now; remove it from ${NOT_LINEAR}`);
          continue;
        }
        if (!isListed(re)) problems.push(`${where}: ${verdict}: ${String(re)}`);
      }
    } finally {
      recheck.save();
    }
    for (const l of listed)
      if (!patterns.some(([, re]) => String(re) === l.pattern))
        problems.push(`${l.where}: listed in ${NOT_LINEAR} but no such pattern any more`);
    expect(problems).toEqual([]);
    expect(patterns.length).toBeGreaterThan(RULES.length);
  }, 900_000);
});

// ---------------------------------------------------------------------------------------
// Exclusions: a step with `unless` carries pastes (`notFor`) for which the condition holds and
// the step must stay out of the class's checklist; a title variant carries a paste that must
// get its title. Each paste is also checked to be of the class, so a rule cannot pass by the
// paste landing elsewhere.

describe('catalog contract: exclusions and title variants', () => {
  it('every step with `unless` has pastes that are of its class and do not show it', () => {
    const problems: string[] = [];
    for (const entry of CATALOG)
      for (const s of entry.steps) {
        if (s.unless === undefined && s.notFor === undefined) continue;
        const id = `${entry.id}/step:${s.id}`;
        if (s.unless === undefined) problems.push(`${id}: notFor without unless`);
        if (!s.notFor?.length) problems.push(`${id}: unless without a notFor paste`);
        for (const ex of s.notFor ?? []) {
          if (!SOURCE_FORM.test(ex.source)) problems.push(`${id}: source ${ex.source}`);
          const d = diagnose(ex.text);
          if (d.classId !== entry.id) problems.push(`${id}: "${ex.source}" is ${d.classId}`);
          else if (d.steps.some((x) => x.id === s.id))
            problems.push(`${id}: "${ex.source}" still shows it`);
        }
      }
    expect(problems).toEqual([]);
  });

  it('the http state backend is offered none of HCP Terraform’s token places (corpus holdout10/h10-tf-17190-1)', () => {
    const d = diagnose('Error loading state:\n    HTTP remote state endpoint requires auth');
    expect(d.classId).toBe('tfc.token');
    const shown = [
      d.title,
      d.summary,
      ...d.steps.flatMap((s) => [s.title, ...s.commands]),
      ...d.docs.map((x) => x.url),
    ].join('\n');
    expect(shown).toContain('TF_HTTP_');
    expect(shown).not.toMatch(
      /terraform login|\.well-known|TF_TOKEN_|HCP Terraform \/|\/cli\/commands\/login/,
    );
  });

  it('each title variant’s paste gets that title', () => {
    const problems: string[] = [];
    for (const entry of CATALOG)
      for (const v of entry.variants ?? []) {
        if (!SOURCE_FORM.test(v.example.source))
          problems.push(`${entry.id}: source ${v.example.source}`);
        const d = diagnose(v.example.text);
        if (d.classId !== entry.id || d.title !== v.title)
          problems.push(`${entry.id}: "${v.example.source}" is ${d.classId}: ${d.title}`);
      }
    expect(problems).toEqual([]);
  });
});
