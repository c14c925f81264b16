// Which signatures are worth running on a block, and which parts of a big text are worth
// reading — both from keywords derived from the signatures themselves (keywords.ts), so a
// class added to the catalog is reachable without touching any word list elsewhere.
//
// One automaton over all keywords serves both: on a block's flat text (what patterns see) it
// selects the signatures to run; on raw text (the multi-megabyte log) it finds the windows
// worth reading. It folds case and whitespace (multi-match.ts), so a keyword that Terraform's
// frame wrapped over two lines is still found.

import { CATALOG, NOT_AUTH, type KeywordPattern } from './catalog';
import { AUTH_FAILURE } from './fallback';
import { requiredLiterals } from './keywords';
import { MultiMatcher } from './multi-match';

/** Longer than any keyword's reach in raw text, for scans in overlapping chunks. */
export const MAX_RAW_WORD_CHARS = 512;

interface Index {
  signatures: KeywordPattern[];
  /** Whole keywords, and the signatures each selects. */
  full: MultiMatcher;
  selects: KeywordPattern[][];
  /** Signatures without keywords: always run. */
  always: KeywordPattern[];
}

let cached: Index | undefined;
const derived = new WeakMap<KeywordPattern, string[] | null>();

/** Every signature the engine runs: the catalog's, the not-auth families', the fallback's. */
export function allSignatures(): KeywordPattern[] {
  const out: KeywordPattern[] = [];
  for (const e of CATALOG) out.push(...e.signatures);
  for (const f of NOT_AUTH) out.push(...f.signatures);
  out.push(...AUTH_FAILURE);
  return out;
}

/** The signature's keywords: declared, else derived from its pattern; null when neither. */
export function keywordsOf(signature: KeywordPattern): string[] | null {
  if (signature.keywords) return signature.keywords.map((k) => k.toLowerCase());
  let words = derived.get(signature);
  if (words === undefined) {
    words = requiredLiterals(signature.pattern) ?? null;
    derived.set(signature, words);
  }
  return words;
}

function index(): Index {
  const signatures = allSignatures();
  if (
    cached &&
    cached.signatures.length === signatures.length &&
    cached.signatures.every((s, i) => s === signatures[i])
  )
    return cached;
  const words = new Map<string, KeywordPattern[]>();
  const always: KeywordPattern[] = [];
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
    selects: keys.map((k) => words.get(k) as KeywordPattern[]),
    always,
  };
  return cached;
}

// Built when the engine loads, so its cost (a few ms) is start-up, not the first message's;
// rebuilt on the next call after the catalog changes.
index();

/** The signatures whose keywords occur in `flat` (plus those that have none). */
export function selectSignatures(flat: string): Set<KeywordPattern> {
  const ix = index();
  const selected = new Set<KeywordPattern>(ix.always);
  ix.full.scan(flat, (word) => {
    for (const sig of ix.selects[word] as KeywordPattern[]) selected.add(sig);
  });
  return selected;
}

/** False only when no signature could match anywhere in the text: it is not read further. */
export function mayBeAnError(text: string): boolean {
  const ix = index();
  return ix.always.length > 0 || ix.full.any(text);
}

/** Start positions of keyword words in text[start, end), ascending. */
export function keywordPositions(text: string, start: number, end: number): number[] {
  const ix = index();
  const hits: number[] = [];
  let last = -1;
  ix.full.scan(
    text,
    (word, at) => {
      const pos = at - (ix.full.words[word] as string).length;
      if (pos !== last) hits.push(pos);
      last = pos;
    },
    start,
    end,
  );
  return hits.sort((a, b) => a - b);
}
