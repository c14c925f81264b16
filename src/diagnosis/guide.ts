// A Guide is the part of a diagnosis the follow-up flow carries in Slack buttons: enough to
// rebuild the ranked causes and the checklist for any credential source, without the paste.

import { buildSteps, headline, rankCauses, type AdviceContext } from './advice';
import { catalogEntry, PLATFORMS, SITUATIONS, situationsFor, type CatalogEntry } from './catalog';
import type { Condition } from './catalog/schema';
import { SIGNAL_NAMES, type Signal } from './signals';
import { placeholders } from './template';
import type { AuthClassId, Cause, CredentialSource, Guide, Step } from './types';

const MAX_VAR_LENGTH = 200;

/** Text conditions of an entry in a fixed order: causes' boosts, then steps. */
function textConditions(entry: CatalogEntry): RegExp[] {
  const out: RegExp[] = [];
  for (const c of entry.causes)
    for (const b of c.boosts ?? []) if (b.when instanceof RegExp) out.push(b.when);
  for (const s of entry.steps) if (s.when instanceof RegExp) out.push(s.when);
  for (const s of entry.steps) if (s.unless instanceof RegExp) out.push(s.unless);
  for (const v of entry.variants ?? []) if (v.when instanceof RegExp) out.push(v.when);
  return out;
}

export function makeGuide(
  entry: CatalogEntry,
  signals: ReadonlySet<Signal>,
  ctx: AdviceContext,
): Guide {
  // Only the facts this class's texts name: buttons carry them, within Slack's value limit.
  const used = usedPlaceholders(entry);
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.vars))
    if (v !== undefined && v.length <= MAX_VAR_LENGTH && used.has(k)) vars[k] = v;
  return {
    vars,
    signals: [...signals],
    held: textConditions(entry)
      .map((re) => (ctx.holds(re) ? '1' : '0'))
      .join(''),
    key: conditionsKey(entry.id),
  };
}

const USED = new WeakMap<CatalogEntry, Set<string>>();

/** Every placeholder the texts of a class (and its platform's checks) can show. */
function usedPlaceholders(entry: CatalogEntry): Set<string> {
  let used = USED.get(entry);
  if (!used) USED.set(entry, (used = collectPlaceholders(entry)));
  return used;
}

function collectPlaceholders(entry: CatalogEntry): Set<string> {
  const platform = PLATFORMS[entry.platform];
  const steps = [
    ...situationsFor(entry).map((s) => s.step),
    ...entry.steps,
    ...platform.discover,
    ...Object.values(platform.verify).flat(),
  ];
  const texts = [
    entry.title,
    entry.summary,
    ...(entry.variants ?? []).flatMap((v) => [v.title, v.summary]),
    ...steps.flatMap((s) => [s?.title ?? '', s?.detail ?? '', ...(s?.commands ?? [])]),
    ...entry.causes.flatMap((c) => [
      c.title,
      c.explanation,
      ...(c.boosts ?? []).map((b) => b.evidence),
    ]),
  ];
  // `app` names the tool that printed the paste, wherever the texts say Terraform.
  return new Set([...texts.flatMap(placeholders), 'app']);
}

/** FNV-1a of the class's text conditions: a short, stable fingerprint (no crypto needed). */
export function conditionsKey(classId: AuthClassId): string {
  let h = 0x811c9dc5;
  for (const ch of textConditions(catalogEntry(classId))
    .map((re) => re.source)
    .join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function guideContext(entry: CatalogEntry, guide: Guide): AdviceContext {
  const signals = new Set(
    guide.signals.filter((s): s is Signal => (SIGNAL_NAMES as string[]).includes(s)),
  );
  const held = new Map<RegExp, boolean>();
  textConditions(entry).forEach((re, i) => held.set(re, guide.held[i] === '1'));
  const holds = (c: Condition): boolean =>
    typeof c === 'string' ? signals.has(c) : (held.get(c) ?? false);
  return { holds, vars: guide.vars };
}

/** The title and summary a walk-through rebuilt from its buttons shows (as the reply did). */
export function guideHeadline(
  classId: AuthClassId,
  guide: Guide,
): { title: string; summary: string } {
  const entry = catalogEntry(classId);
  return headline(entry, guideContext(entry, guide));
}

export function guideCauses(classId: AuthClassId, guide: Guide): Cause[] {
  const entry = catalogEntry(classId);
  return rankCauses(entry, guideContext(entry, guide));
}

/** The checklist for one credential source, led by the platform's check for that source. */
export function guideSteps(classId: AuthClassId, source: CredentialSource, guide: Guide): Step[] {
  const entry = catalogEntry(classId);
  return buildSteps(entry, source, guideContext(entry, guide), { includePlatformChecks: true });
}

export function sourcesFor(classId: AuthClassId): Array<{ id: CredentialSource; label: string }> {
  return PLATFORMS[catalogEntry(classId).platform].sources;
}

/** The title of a step by id (class steps, then the platform's checks), for stats. */
export function stepTitle(classId: AuthClassId, stepId: string): string | undefined {
  const entry = catalogEntry(classId);
  const platform = PLATFORMS[entry.platform];
  const all = [
    ...SITUATIONS.map((s) => s.step),
    ...entry.steps,
    ...platform.discover,
    ...Object.values(platform.verify).flat(),
  ];
  return all.find((s) => s?.id === stepId)?.title;
}
