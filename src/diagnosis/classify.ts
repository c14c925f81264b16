// Decides the class of a paste. Each error block is matched against the catalog signatures
// its keywords select (prefilter.ts); within a block the most specific match wins (an
// umbrella message such as "No valid credential sources found" yields to the inner cause
// printed under it, and so does a not-auth wrapper such as a state lock), a signature's
// `beats` removes the other families it names (and outranks the signatures of its own class
// it names), and a block whose best match is a
// not-an-auth-error family stays silent. Across blocks the strongest auth error is primary
// and the others are reported beside it. A block that plainly failed on credentials but that
// nothing explains gets the platform's likeliest class, as a guess (fallback.ts).

import { CATALOG, NOT_AUTH, weightOf, type KeywordPattern, type Signature } from './catalog';
import {
  AUTH_FAILURE,
  detectPlatform,
  FAILED,
  GUESS_CONFIDENCE,
  likelyClass,
  refusalKind,
  STRONG_GUESS_CONFIDENCE,
  type RefusalKind,
} from './fallback';
import type { Block } from './normalize';
import { selectSignatures } from './prefilter';
import { truncate } from './text-util';
import type { AuthClassId, ClassId, Platform } from './types';

export interface BlockVerdict {
  classId: ClassId;
  confidence: number;
  /** The signature that decided it, and where in the block's flat text it matched. */
  signatureId?: string;
  excerpt: string;
  /** For `none` verdicts: the family that matched, if any. */
  notAuth?: { id: string; title: string };
  /** Set when no family matched and the class is the platform's likeliest for a refusal. */
  guess?: { platform: Platform; strong: boolean; kind: RefusalKind };
}

export interface Classification {
  primary: BlockVerdict;
  others: BlockVerdict[];
}

/**
 * The confidence arithmetic, by name. A block's confidence is its best match's tier weight, less
 * RIVAL_PENALTY of how far a rival reaches above (weight − RIVAL_MARGIN), plus COUNT_BONUS per
 * further signature of its class (at most COUNT_BONUS_MAX), then capped and clamped to [MIN, MAX]
 * and kept in hundredths.
 */
export const CONFIDENCE = {
  /** Half of a close rival's reach comes off: two families that both fit leave real doubt. */
  RIVAL_PENALTY: 0.5,
  /** A rival this far below the winner costs nothing: a much weaker match is no doubt. */
  RIVAL_MARGIN: 0.15,
  /** Each further signature of the winning class adds this: two messages of one family agree. */
  COUNT_BONUS: 0.02,
  /** …at most this: rephrasings of one message are not independent evidence. */
  COUNT_BONUS_MAX: 0.04,
  /** A class matched only by umbrella messages is never surer than this. */
  WRAPPER_CAP: 0.8,
  /** An error code named in chat, with no sign that anything failed: below the reply threshold. */
  CHAT_CAP: 0.5,
  /** Never 0: a matched family is at least a hint. */
  MIN: 0.05,
  /** Never 1: a paste can always be read wrongly. */
  MAX: 0.99,
  /** Kept in hundredths: what replies show as a percentage, and what eval's bands compare. */
  PER: 100,
  /** `none` for text with no error word at all (or no text): nothing claims a failure. */
  NONE_NO_ERROR: 0.97,
  /** `none` for text that says "error" but matches no family: some failure we do not know. */
  NONE_ERROR_WORD: 0.9,
  /** `none` for text without any catalog keyword, answered before a block is read. */
  NONE_NO_KEYWORD: 0.97,
} as const;

/**
 * Words and message phrases that only appear when something failed. Error codes alone are not
 * enough: people name them in conversation. This does not decide what is read (the prefilter
 * does, from the catalog); it caps confidence at CHAT_CAP when absent. 98.7% of the labelled
 * auth pastes contain one of these; the rest are bare quoted codes
 * (test/diagnosis/classify.test.ts keeps the list honest).
 */
// …plus a process that exited non-zero (Go's exec `exit status N`), a stack frame under the
// message (`at fn (file.js:1:2)`) and the AWS SDK for Ruby's error classes
// (`Aws::STS::Errors::InvalidIdentityToken`, corpus holdout12/h12-aws-ruby-irsa-missing-aud-1): output, not chat;
// a connection that timed out (.NET's `Connection timed out (sts…:443)`, corpus
// holdout13/h13-aws-netsts-1), a connection Python's requests aborted (holdout16/h16-aws-awscli-badregion-dns-1)
// and a sign-in that found no subscription (holdout13/h13-multi-*-nosub-1).
export const FAILURE_CONTEXT =
  /\b(?:[Ee]rrors?|ERROR|[Ff]ail(?:ed|s|ure)?|FAILED|FAILURE|[Ff]atal|FATAL|panic|[Ee]xception|refused|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|must specify|not set|no such host|status code|StatusCode|HTTP\/\d|Traceback|ERRO\[|[Dd]enied|not authorized|does not have|does not exist|doesn't exist|not specified|[Nn]o valid|not found|could not be found|Please (?:run|ensure|re-?authenticate|make sure)|Invalid endpoint|has expired|is expired|was not able to validate|security token included in the request|request signature we calculated|Signature expired|difference between the request time and the current time|timed out|Connection aborted|No subscriptions (?:were )?found|don't contain accessible subscriptions)\b|Status=\d|\b40[13]\b|AADSTS\d|\b[A-Z][A-Za-z]+(?:Error|Exception)\b|::Errors::[A-Z]|(?:Err|Error):|\bexit status \d|\bat [A-Za-z_$][\w$.]{0,100} \([^()\s]{1,300}:\d+:\d+\)/;

const ERROR_WORD = /\b(?:Error|error|ERROR)\b/;

const NONE_NO_SIGNAL: BlockVerdict = {
  classId: 'none',
  confidence: CONFIDENCE.NONE_NO_ERROR,
  excerpt: '',
};

interface Owner {
  id: string;
  title?: string;
  auth: boolean;
  signatures: Signature[];
}

interface Match {
  owner: Owner;
  signature: Signature;
  weight: number;
  index: number;
  /** Beaten by a signature of its own owner: it still counts for its class but never decides. */
  outranked?: boolean;
}

interface OwnerMatches {
  owner: Owner;
  best: Match;
  count: number;
  specific: boolean;
}

let owners: { list: Owner[]; catalog: unknown[]; notAuth: unknown[] } | undefined;

/** The catalog and the not-auth families as one list (rebuilt when either changes). */
function allOwners(): Owner[] {
  const same = (a: unknown[], b: unknown[]): boolean =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  if (owners && same(owners.catalog, CATALOG) && same(owners.notAuth, NOT_AUTH)) return owners.list;
  const list: Owner[] = [
    ...CATALOG.map((e) => ({ id: e.id, auth: true, signatures: e.signatures })),
    ...NOT_AUTH.map((f) => ({ id: f.id, title: f.title, auth: false, signatures: f.signatures })),
  ];
  owners = { list, catalog: [...CATALOG], notAuth: [...NOT_AUTH] };
  return list;
}

export function classify(blocks: Block[]): Classification {
  const verdicts = blocks.map(classifyBlock);
  const auth = verdicts.filter((v) => v.classId !== 'none');
  if (auth.length === 0) {
    const withFamily = verdicts.find((v) => v.notAuth);
    const guess = withFamily ? undefined : guessFromRefusal(blocks);
    if (guess) return { primary: guess, others: [] };
    return { primary: withFamily ?? verdicts[0] ?? NONE_NO_SIGNAL, others: [] };
  }
  // Strongest first; on ties the earlier block (Terraform prints the root error first).
  const ranked = [...auth].sort((a, b) => b.confidence - a.confidence);
  promoteBeater(ranked);
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

/**
 * `beats` holds across the blocks of one paste too: a wrapper's inner error is often printed
 * as its own block (a frame split by interleaved warnings, `Error: <inner>` on its own line),
 * and the signature that beats the wrapper in one block must beat it when the two are apart.
 */
function promoteBeater(ranked: BlockVerdict[]): void {
  const top = ranked[0];
  if (!top?.signatureId) return;
  const topClass = top.classId;
  const topId = top.signatureId;
  const i = ranked.findIndex(
    (v) =>
      v !== top &&
      v.classId !== topClass &&
      (signatureOf(v)?.beats ?? []).some((id) => id === topClass || id === topId),
  );
  if (i > 0) ranked.unshift(...ranked.splice(i, 1));
}

function signatureOf(v: BlockVerdict): Signature | undefined {
  if (!v.signatureId) return undefined;
  const slash = v.signatureId.lastIndexOf('/');
  const owner = allOwners().find((o) => o.id === v.signatureId?.slice(0, slash));
  return owner?.signatures.find((s) => s.id === v.signatureId?.slice(slash + 1));
}

function firstMatch(owner: Owner, signature: Signature, flat: string): Match | undefined {
  const m = signature.pattern.exec(flat);
  if (!m) return undefined;
  if (signature.requires && !signature.requires.test(flat)) return undefined;
  if (signature.unless?.test(flat)) return undefined;
  return { owner, signature, weight: weightOf(signature), index: m.index };
}

/** Every selected signature's match in the block, after `beats` and wrapper yielding. */
function blockMatches(flat: string): Match[] {
  const selected = selectSignatures(flat);
  let matches: Match[] = [];
  for (const owner of allOwners())
    for (const sig of owner.signatures) {
      if (!selected.has(sig)) continue;
      const m = firstMatch(owner, sig, flat);
      if (m) matches.push(m);
    }
  // Who beats whom: another family's beaten match leaves the block; a beaten signature of the
  // beater's own class stays (it still says this class) but is outranked.
  const beatenBy = new Map<string, Owner[]>();
  for (const m of matches)
    for (const id of m.signature.beats ?? [])
      beatenBy.set(id, [...(beatenBy.get(id) ?? []), m.owner]);
  if (beatenBy.size > 0)
    matches = matches.filter((m) => {
      const by = [
        ...(beatenBy.get(m.owner.id) ?? []),
        ...(beatenBy.get(`${m.owner.id}/${m.signature.id}`) ?? []),
      ];
      if (by.some((o) => o !== m.owner)) return false;
      if (by.length > 0) m.outranked = true;
      return true;
    });
  // A not-auth wrapper (a state lock, a provider install) around an auth error is an auth error.
  if (matches.some((m) => m.owner.auth && !m.signature.wrapper))
    matches = matches.filter((m) => m.owner.auth || !m.signature.wrapper);
  return matches;
}

/**
 * Per owner, in catalog order: its best match (one not outranked by `beats`, then a specific
 * one over a wrapper, then the highest tier) and count.
 */
function byOwner(matches: Match[]): OwnerMatches[] {
  const out: OwnerMatches[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (!last || last.owner !== m.owner) {
      out.push({ owner: m.owner, best: m, count: 1, specific: !m.signature.wrapper });
      continue;
    }
    last.count++;
    if (!m.signature.wrapper) last.specific = true;
    if (better(m, last.best)) last.best = m;
  }
  return out;
}

function better(m: Match, best: Match): boolean {
  if (m.outranked !== best.outranked) return !m.outranked;
  if (m.signature.wrapper !== best.signature.wrapper) return !m.signature.wrapper;
  return m.weight > best.weight;
}

export function classifyBlock(block: Block): BlockVerdict {
  const flat = block.flat;
  const grouped = byOwner(blockMatches(flat));
  const hits = grouped.filter((g) => g.owner.auth);
  let notAuth: OwnerMatches | undefined;
  for (const g of grouped)
    if (!g.owner.auth && (!notAuth || g.best.weight > notAuth.best.weight)) notAuth = g;

  const specific = hits.filter((h) => h.specific);
  const candidates = specific.length > 0 ? specific : hits;
  let winner: OwnerMatches | undefined;
  for (const h of candidates) if (!winner || h.best.weight > winner.best.weight) winner = h;

  // A tie between an auth class and a not-auth family goes to silence: a wrong reply costs more.
  if (!winner || (notAuth && notAuth.best.weight >= winner.best.weight)) {
    if (!notAuth)
      return {
        ...NONE_NO_SIGNAL,
        confidence: ERROR_WORD.test(flat) ? CONFIDENCE.NONE_ERROR_WORD : CONFIDENCE.NONE_NO_ERROR,
      };
    return {
      classId: 'none',
      confidence: round(notAuth.best.weight),
      signatureId: `${notAuth.owner.id}/${notAuth.best.signature.id}`,
      excerpt: excerpt(flat, notAuth.best.index),
      notAuth: {
        id: notAuth.owner.id,
        title: notAuth.best.signature.reason ?? notAuth.owner.title ?? notAuth.owner.id,
      },
    };
  }

  const best = winner.best;
  // Competition: the strongest other class (or not-auth family) still in play in this block.
  let rival = notAuth?.best.weight ?? 0;
  for (const h of candidates) if (h !== winner) rival = Math.max(rival, h.best.weight);
  const reach = Math.max(0, rival - (best.weight - CONFIDENCE.RIVAL_MARGIN));
  const agreement = Math.min(
    CONFIDENCE.COUNT_BONUS_MAX,
    CONFIDENCE.COUNT_BONUS * (winner.count - 1),
  );
  let confidence = best.weight - CONFIDENCE.RIVAL_PENALTY * reach + agreement;
  if (!winner.specific) confidence = Math.min(confidence, CONFIDENCE.WRAPPER_CAP);
  if (!FAILURE_CONTEXT.test(flat)) confidence = Math.min(confidence, CONFIDENCE.CHAT_CAP);
  return {
    classId: winner.owner.id as AuthClassId,
    confidence: round(Math.max(CONFIDENCE.MIN, Math.min(CONFIDENCE.MAX, confidence))),
    signatureId: `${winner.owner.id}/${best.signature.id}`,
    excerpt: excerpt(flat, best.index),
  };
}

/**
 * The first block that plainly refused credentials, when no family explained any block:
 * the platform's likeliest class at a guess's confidence (see fallback.ts).
 */
function guessFromRefusal(blocks: Block[]): BlockVerdict | undefined {
  const all = blocks.map((b) => b.flat).join('\n');
  const platform = detectPlatform(all);
  if (!platform) return undefined;
  for (const block of blocks) {
    const flat = block.flat;
    const selected = selectSignatures(flat);
    const found = AUTH_FAILURE.map((sig) => (selected.has(sig) ? sig.pattern.exec(flat) : null));
    const first = found.find((m) => m);
    if (!first || !FAILED.test(flat)) continue;
    const strong = found.every((m) => m) && detectPlatform(flat) === platform;
    const sig = AUTH_FAILURE[found.indexOf(first)] as KeywordPattern;
    return {
      classId: likelyClass(platform, flat),
      confidence: strong ? STRONG_GUESS_CONFIDENCE : GUESS_CONFIDENCE,
      signatureId: `fallback/${sig.id}`,
      excerpt: excerpt(flat, first.index),
      guess: { platform, strong, kind: refusalKind(flat) },
    };
  }
  return undefined;
}

function excerpt(flat: string, index: number): string {
  const start = Math.max(0, index - 60);
  const text = flat.slice(start, start + 240).trim();
  return truncate(`${start > 0 ? '…' : ''}${text}`, 240);
}

function round(n: number): number {
  return Math.round(n * CONFIDENCE.PER) / CONFIDENCE.PER;
}
