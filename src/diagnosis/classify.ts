// Decides the class of a paste. Each error block is matched against every catalog
// signature; within a block the most specific match wins (an umbrella message such as
// "No valid credential sources found" yields to the inner cause printed under it), and a
// block whose best match is a not-an-auth-error family stays silent. Across blocks the
// strongest auth error is primary and the others are reported beside it.

import { CATALOG, NOT_AUTH, type CatalogEntry, type Signature } from './catalog';
import type { Block } from './normalize';
import { truncate } from './text-util';
import type { ClassId } from './types';

export interface BlockVerdict {
  classId: ClassId;
  confidence: number;
  /** The signature that decided it, and where in the block's flat text it matched. */
  signatureId?: string;
  excerpt: string;
  /** For `none` verdicts: the family that matched, if any. */
  notAuth?: { id: string; title: string };
}

export interface Classification {
  primary: BlockVerdict;
  others: BlockVerdict[];
}

interface Match {
  weight: number;
  index: number;
  signature: Signature;
}

interface ClassMatches {
  best: Match;
  count: number;
  specific: boolean;
}

/**
 * Words and message phrases that only appear when something failed. Error codes alone are not
 * enough: people name them in conversation. 98.7% of the labelled auth pastes contain one of
 * these; the rest are bare quoted codes (test/diagnosis/classify.test.ts keeps the list honest).
 */
const FAILURE_CONTEXT =
  /\b(?:[Ee]rror|ERROR|[Ff]ail(?:ed|s|ure)?|FAILED|FAILURE|[Ff]atal|FATAL|panic|[Ee]xception|refused|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|must specify|not set|no such host|status code|StatusCode|HTTP\/\d|Traceback|ERRO\[|[Dd]enied|not authorized|does not have|does not exist|[Nn]o valid|not found|could not be found|Please (?:run|ensure|re-?authenticate|make sure)|Invalid endpoint|has expired|is expired|was not able to validate|security token included in the request|request signature we calculated)\b|Status=\d|\b40[13]\b|AADSTS\d|\b[A-Z][A-Za-z]+(?:Error|Exception)\b|(?:Err|Error):/;

const NONE_NO_SIGNAL: BlockVerdict = { classId: 'none', confidence: 0.97, excerpt: '' };

export function classify(blocks: Block[]): Classification {
  const verdicts = blocks.map(classifyBlock);
  const auth = verdicts.filter((v) => v.classId !== 'none');
  if (auth.length === 0) {
    const withFamily = verdicts.find((v) => v.notAuth) ?? verdicts[0] ?? NONE_NO_SIGNAL;
    return { primary: withFamily, others: [] };
  }
  // Strongest first; on ties the earlier block (Terraform prints the root error first).
  const ranked = [...auth].sort((a, b) => b.confidence - a.confidence);
  const primary = ranked[0] as BlockVerdict;
  const others: BlockVerdict[] = [];
  for (const v of ranked.slice(1)) {
    if (v.classId !== primary.classId && !others.some((o) => o.classId === v.classId))
      others.push(v);
  }
  for (const v of verdicts)
    if (v.classId === 'none' && v.notAuth && !others.some((o) => o.notAuth?.id === v.notAuth?.id))
      others.push(v);
  return { primary, others };
}

function firstMatch(signature: Signature, flat: string): Match | undefined {
  const m = signature.pattern.exec(flat);
  if (!m) return undefined;
  if (signature.requires && !signature.requires.test(flat)) return undefined;
  if (signature.unless?.test(flat)) return undefined;
  return { weight: signature.weight, index: m.index, signature };
}

function matchEntry(entry: { signatures: Signature[] }, flat: string): ClassMatches | undefined {
  let result: ClassMatches | undefined;
  for (const sig of entry.signatures) {
    const m = firstMatch(sig, flat);
    if (!m) continue;
    if (!result) result = { best: m, count: 1, specific: !sig.wrapper };
    else {
      result.count++;
      if (!sig.wrapper) result.specific = true;
      // A specific match outranks a wrapper of the same class for the excerpt shown.
      if (m.weight > result.best.weight || (result.best.signature.wrapper && !sig.wrapper))
        result.best = m;
    }
  }
  return result;
}

export function classifyBlock(block: Block): BlockVerdict {
  const flat = block.flat;
  const hits: Array<{ entry: CatalogEntry; matches: ClassMatches }> = [];
  for (const entry of CATALOG) {
    const matches = matchEntry(entry, flat);
    if (matches) hits.push({ entry, matches });
  }
  let notAuth: { id: string; title: string; match: Match } | undefined;
  for (const family of NOT_AUTH) {
    const m = matchEntry(family, flat);
    if (m && (!notAuth || m.best.weight > notAuth.match.weight))
      notAuth = { id: family.id, title: family.title, match: m.best };
  }

  const specific = hits.filter((h) => h.matches.specific);
  const candidates = specific.length > 0 ? specific : hits;
  let winner: (typeof hits)[number] | undefined;
  for (const h of candidates)
    if (!winner || h.matches.best.weight > winner.matches.best.weight) winner = h;

  if (!winner || (notAuth && notAuth.match.weight >= winner.matches.best.weight)) {
    if (!notAuth)
      return { ...NONE_NO_SIGNAL, confidence: /\b(?:Error|error|ERROR)\b/.test(flat) ? 0.9 : 0.97 };
    return {
      classId: 'none',
      confidence: round(notAuth.match.weight),
      signatureId: `${notAuth.id}/${notAuth.match.signature.id}`,
      excerpt: excerpt(flat, notAuth.match.index),
      notAuth: { id: notAuth.id, title: notAuth.title },
    };
  }

  const best = winner.matches.best;
  // Competition: the strongest other class (or not-auth family) still in play in this block.
  let rival = notAuth?.match.weight ?? 0;
  for (const h of candidates) if (h !== winner) rival = Math.max(rival, h.matches.best.weight);
  let confidence = best.weight;
  confidence -= 0.5 * Math.max(0, rival - (best.weight - 0.15));
  confidence += Math.min(0.04, 0.02 * (winner.matches.count - 1));
  if (!winner.matches.specific) confidence = Math.min(confidence, 0.8);
  // An error code named in chat ("anyone seen AccessDenied?") is not a failure: without any
  // sign that something failed, stay below the default reply threshold.
  if (!FAILURE_CONTEXT.test(flat)) confidence = Math.min(confidence, 0.5);
  return {
    classId: winner.entry.id,
    confidence: round(Math.max(0.05, Math.min(0.99, confidence))),
    signatureId: `${winner.entry.id}/${best.signature.id}`,
    excerpt: excerpt(flat, best.index),
  };
}

function excerpt(flat: string, index: number): string {
  const start = Math.max(0, index - 60);
  const text = flat.slice(start, start + 240).trim();
  return truncate(`${start > 0 ? '…' : ''}${text}`, 240);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
