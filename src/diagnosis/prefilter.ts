// Which signatures are worth running on a block, and which parts of a big text are worth
// reading — both from keywords derived from the signatures themselves (keywords.ts), so a
// class added to the catalog is reachable without touching any word list elsewhere.
//
// Two automatons: one over the whole keywords, run on a block's flat text (what patterns see);
// one over a single word of each keyword, run on raw text, where hard wraps, frames and CI
// prefixes may still split a multi-word keyword.

import { CATALOG, NOT_AUTH, type Signature } from './catalog';
import { AUTH_FAILURE } from './fallback';
import { requiredLiterals } from './keywords';
import { MultiMatcher } from './multi-match';

/** Raw-text words are cut to this length (a prefix of a required word is required too). */
export const MAX_RAW_WORD_CHARS = 48;
const MIN_RAW_WORD_CHARS = 3;

interface Index {
  signatures: Signature[];
  /** Whole keywords, and the signatures each selects. */
  full: MultiMatcher;
  selects: Signature[][];
  /** Signatures without keywords: always run. */
  always: Signature[];
  raw: MultiMatcher;
}

let cached: Index | undefined;
const derived = new WeakMap<Signature, string[] | null>();

/** Every signature the engine runs: the catalog's, the not-auth families', the fallback's. */
export function allSignatures(): Signature[] {
  const out: Signature[] = [];
  for (const e of CATALOG) out.push(...e.signatures);
  for (const f of NOT_AUTH) out.push(...f.signatures);
  out.push(...AUTH_FAILURE);
  return out;
}

/** The signature's keywords: declared, else derived from its pattern; null when neither. */
export function keywordsOf(signature: Signature): string[] | null {
  if (signature.keywords) return signature.keywords.map((k) => k.toLowerCase());
  let words = derived.get(signature);
  if (words === undefined) {
    words = requiredLiterals(signature.pattern) ?? null;
    derived.set(signature, words);
  }
  return words;
}

/** One word of a keyword that raw text keeps whole: its longest run of letters and digits. */
export function rawWord(keyword: string): string {
  let best = '';
  for (const part of keyword.split(/[^a-z0-9_]+/)) if (part.length > best.length) best = part;
  const word = best.length >= MIN_RAW_WORD_CHARS ? best : keyword;
  return word.slice(0, MAX_RAW_WORD_CHARS);
}

function index(): Index {
  const signatures = allSignatures();
  if (
    cached &&
    cached.signatures.length === signatures.length &&
    cached.signatures.every((s, i) => s === signatures[i])
  )
    return cached;
  const words = new Map<string, Signature[]>();
  const always: Signature[] = [];
  for (const sig of signatures) {
    const kws = keywordsOf(sig);
    if (!kws || kws.length === 0) {
      always.push(sig);
      continue;
    }
    for (const k of kws) {
      const list = words.get(k) ?? [];
      list.push(sig);
      words.set(k, list);
    }
  }
  const keys = [...words.keys()];
  cached = {
    signatures,
    full: new MultiMatcher(keys),
    selects: keys.map((k) => words.get(k) as Signature[]),
    always,
    raw: new MultiMatcher([...new Set(keys.map(rawWord))]),
  };
  return cached;
}

/** The signatures whose keywords occur in `flat` (plus those that have none). */
export function selectSignatures(flat: string): Set<Signature> {
  const ix = index();
  const selected = new Set<Signature>(ix.always);
  ix.full.scan(flat, (word) => {
    for (const sig of ix.selects[word] as Signature[]) selected.add(sig);
  });
  return selected;
}

/** False only when no signature could match anywhere in the text: it is not read further. */
export function mayBeAnError(text: string): boolean {
  const ix = index();
  return ix.always.length > 0 || ix.raw.any(text);
}

/** Start positions of keyword words in text[start, end), ascending. */
export function keywordPositions(text: string, start: number, end: number): number[] {
  const ix = index();
  const hits: number[] = [];
  let last = -1;
  ix.raw.scan(
    text,
    (word, at) => {
      const pos = at - (ix.raw.words[word] as string).length;
      if (pos !== last) hits.push(pos);
      last = pos;
    },
    start,
    end,
  );
  return hits.sort((a, b) => a - b);
}
