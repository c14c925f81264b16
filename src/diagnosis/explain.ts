// `/tfauth explain <class id or error code>` and `/tfauth list`: the catalog itself.

import { buildSteps, headline, rankCauses, type AdviceContext } from './advice';
import { templateVars } from './template';
import { CATALOG, catalogEntry, PLATFORMS, type CatalogEntry } from './catalog';
import { extractFacts } from './facts';
import type { AuthClassId, Diagnosis } from './types';

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Finds the class for an id (`aws.sso_token`), an error code (`ExpiredToken`, `AADSTS7000215`) or a word of its title. */
export function findClass(query: string): CatalogEntry | undefined {
  const q = norm(query);
  if (q === '') return undefined;
  return (
    CATALOG.find((e) => norm(e.id) === q || norm(e.id.split('.')[1] ?? '') === q) ??
    CATALOG.find((e) => e.codes.some((c) => norm(c) === q)) ??
    CATALOG.find((e) => e.codes.some((c) => norm(c).startsWith(q) && q.length >= 5)) ??
    CATALOG.find((e) => e.signatures.some((s) => s.pattern.test(query)))
  );
}

/** A class asked for by name is not inferred from a paste: nothing to doubt. */
const DESCRIBED_CONFIDENCE = 1;

/** A diagnosis-shaped description of a class, with nothing from a paste. */
export function describeClass(id: AuthClassId): Diagnosis {
  const entry = catalogEntry(id);
  const facts = extractFacts({ text: '', flat: '', context: '' });
  const ctx: AdviceContext = { holds: () => false, vars: templateVars(facts) };
  return {
    classId: entry.id,
    confidence: DESCRIBED_CONFIDENCE,
    ...headline(entry, ctx),
    platform: entry.platform,
    facts,
    causes: rankCauses(entry, ctx),
    steps: buildSteps(entry, 'unknown', ctx, { includePlatformChecks: false }),
    sources: PLATFORMS[entry.platform].sources.map((s) => s.id),
    docs: entry.docs.map(({ title, url }) => ({ title, url })),
    secrets: [],
    others: [],
    evidence: [],
    notes: [`Typical error codes: ${entry.codes.join(', ')}`],
    guide: { vars: {}, signals: [], held: '' },
  };
}

export function listClasses(): Array<{
  platform: string;
  classes: Array<{ id: string; title: string }>;
}> {
  return Object.values(PLATFORMS).map((p) => ({
    platform: p.label,
    classes: CATALOG.filter((e) => e.platform === p.id).map((e) => ({ id: e.id, title: e.title })),
  }));
}
