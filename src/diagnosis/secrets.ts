// Finds secrets in a paste so that tfauth can warn whoever pasted them, and redacts them by
// position before the engine reads the text: every string that leaves the engine is cut from
// already-redacted text. Secrets are looked for in the text as pasted and in its normalised
// forms (Slack-decoded, URL-decoded, JSON-unescaped, de-wrapped; secret-views.ts), and every
// copy of a found value, in any of those encodings, is redacted too.
//
// Linear in the input: one anchor pass finds candidate positions; each pattern is tried at
// its anchors only, reads a bounded span per attempt (secret-patterns.ts) and never again
// inside its previous match; decoded views are built once per merged window around anchors.

import { maskKeyId } from './access-keys';
import { isPlaceholder, PATTERNS, URL_CREDENTIALS, type SecretPattern } from './secret-patterns';
import { decodeView, dewrapView, joinableBreaks, rawView, type View } from './secret-views';
import type { SecretFinding, SecretKind } from './types';

export { isPlaceholder } from './secret-patterns';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANCHOR_WORDS = [...new Set(PATTERNS.flatMap((p) => p.anchors))];

interface Compiled {
  id: number;
  pattern: SecretPattern;
  anchored: RegExp;
}
const BY_ANCHOR = new Map<string, Compiled[]>();

const COMPILED: Compiled[] = PATTERNS.map((pattern, id) => {
  // Sticky, with `.{0,lookback}?` in front: the match must start near its anchor, so a miss costs a
  // few attempts, not a scan of the rest of the text. Flag `d` gives the secret's position.
  const anchored = new RegExp(
    `[\\s\\S]{0,${pattern.lookback}}?(?:${pattern.re.source})`,
    `${pattern.re.flags.replace(/[gyd]/g, '')}yd`,
  );
  return { id, pattern, anchored };
});
for (const c of COMPILED)
  for (const word of c.pattern.anchors) {
    const list = BY_ANCHOR.get(word) ?? [];
    list.push(c);
    BY_ANCHOR.set(word, list);
  }
// scanText skips `s.`/`b.` anchors by the lookbehind of the one pattern they anchor.
if (BY_ANCHOR.get('s.')?.length !== 1 || BY_ANCHOR.get('b.')?.length !== 1)
  throw new Error('s. and b. must anchor only the legacy Vault token pattern');

/** Counts the work of a scan, for tests that check it grows linearly with the input. */
export interface ScanWork {
  /** Regular-expression attempts. */
  attempts: number;
  /** Characters those attempts could read (each pattern declares its bound). */
  examined: number;
  /** Characters copied into decoded views. */
  viewChars: number;
  /** Characters searched for copies of found values. */
  searched: number;
}

export const newWork = (): ScanWork => ({ attempts: 0, examined: 0, viewChars: 0, searched: 0 });

export interface SecretScan {
  findings: SecretFinding[];
  /** The raw values, kept only in memory to scrub any text that leaves the engine. */
  values: string[];
}

export interface Redaction extends SecretScan {
  /** The text with every secret (and every copy of one) replaced by `[redacted]`. */
  text: string;
  /** False when the budget ran out: `text` then holds only the part that was scanned. */
  complete: boolean;
}

export interface RedactOptions {
  /** Scan at most this many characters; the rest is dropped, never passed on unscanned. */
  maxChars?: number;
  work?: ScanWork;
}

const MAX_FINDINGS = 50;
/** Values whose copies are searched for in the whole text (each costs a few indexOf passes). */
const MAX_COPY_VALUES = 64;
/** Decoded views are built around anchors: this far before and after each. */
const WINDOW_BEFORE = 256;
const WINDOW_AFTER = 4096;
const MAX_WINDOW = 1024 * 1024;
/** An escape or a wrap this close after an anchor can change what follows it. */
const MARK_REACH = 80;
const SCHEME_END = /(?::|%3[Aa])(?:\\{1,8}\/|%2[Ff]){2}/y;
export const REDACTED = '[redacted]';

interface Hit {
  start: number;
  end: number;
  kind: SecretKind;
  value: string;
  mustRotate: boolean;
}

const WORDS = ANCHOR_WORDS;
const ID_BITS = 128; // > WORDS.length

/**
 * Anchor words by their first two characters (all anchors are ASCII and at least two long):
 * one pass over the text looks each pair up in a table built once, instead of a regex
 * alternation of ~80 words plus indexOf loops (which irregexp cannot skip through quickly).
 */
const PAIR = new Int16Array(1 << 14).fill(-1);
const PAIR_WORDS: number[][] = [];
WORDS.forEach((w, id) => {
  if (w.length < 2 || /[^\x00-\x7f]/.test(w)) throw new Error(`anchor ${w}: needs 2+ ASCII chars`);
  const key = (w.charCodeAt(0) << 7) | w.charCodeAt(1);
  if (PAIR[key] === -1) {
    PAIR[key] = PAIR_WORDS.length;
    PAIR_WORDS.push([]);
  }
  (PAIR_WORDS[PAIR[key] as number] as number[]).push(id);
});

/** Every anchor occurrence (overlapping ones too), in order: `index * ID_BITS + word id`. */
function anchorHits(text: string): Float64Array {
  let out = new Float64Array(256);
  let k = 0;
  const n = text.length;
  let c0 = n > 0 ? text.charCodeAt(0) : 0;
  for (let i = 0; i + 1 < n; i++) {
    const c1 = text.charCodeAt(i + 1);
    if ((c0 | c1) < 128) {
      const slot = PAIR[(c0 << 7) | c1] as number;
      if (slot !== -1)
        for (const id of PAIR_WORDS[slot] as number[]) {
          const w = WORDS[id] as string;
          if (w.length > 2 && !text.startsWith(w, i)) continue;
          if (k === out.length) {
            const grown = new Float64Array(k * 2);
            grown.set(out);
            out = grown;
          }
          // Positions times 128 plus a word id stay exact in a double up to 2^46 characters.
          out[k++] = i * ID_BITS + id;
        }
    }
    c0 = c1;
  }
  return out.subarray(0, k);
}
const BY_WORD_ID: Compiled[][] = WORDS.map((w) => BY_ANCHOR.get(w) ?? []);

/** `[a-z0-9+.-]`, either case: what URL_CREDENTIALS allows in a scheme. */
function isSchemeChar(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/** `[A-Za-z0-9_.-]`: a legacy Vault token (`s.…`, `b.…`) never follows one of these. */
function isTokenChar(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
const LEGACY_VAULT = new Set(['s.', 'b.']);
const LEGACY_VAULT_IDS = new Uint8Array(WORDS.length);
WORDS.forEach((w, id) => (LEGACY_VAULT_IDS[id] = LEGACY_VAULT.has(w) ? 1 : 0));

/** Matches of every pattern in `text` (positions in `text`). */
function scanText(text: string, work: ScanWork, anchors = anchorHits(text)): Hit[] {
  const hits: Hit[] = [];
  const skipUntil = new Float64Array(COMPILED.length);
  for (let k = 0; k < anchors.length; k++) {
    const code = anchors[k] as number;
    const index = Math.floor(code / ID_BITS);
    const wordId = code % ID_BITS;
    // `s.` and `b.` are in every `aws.` and `rds.`: their only pattern's lookbehind fails there.
    if (LEGACY_VAULT_IDS[wordId] === 1 && index > 0 && isTokenChar(text.charCodeAt(index - 1)))
      continue;
    for (const c of BY_WORD_ID[wordId] as Compiled[]) {
      const { pattern, anchored } = c;
      const done = skipUntil[c.id] as number;
      if (index < done) continue;
      const from = Math.max(0, done, index - pattern.lookback);
      anchored.lastIndex = from;
      work.attempts++;
      const found = anchored.exec(text);
      if (!found) {
        work.examined += pattern.lookback + pattern.span;
        continue;
      }
      const end = found.index + found[0].length;
      work.examined += end - from;
      // Never try this pattern again inside its own match: a long run is read once.
      skipUntil[c.id] = end;
      const group = found[1] !== undefined ? 1 : 0;
      const [s, e] = found.indices?.[group] ?? [found.index, end];
      const value = found[group] as string;
      if (!value || (pattern.accept && !pattern.accept(value))) continue;
      hits.push({ start: s, end: e, kind: pattern.kind, value, mustRotate: pattern.mustRotate });
    }
  }
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    // The scheme is the whole run of scheme characters before `://` (the pattern's lookbehind):
    // one possible start, so one attempt.
    let s = i;
    while (s > 0 && i - s <= 21 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    if (s === i || i - s > 21) continue;
    URL_CREDENTIALS.lastIndex = s;
    work.attempts++;
    work.examined += 330;
    const found = URL_CREDENTIALS.exec(text);
    if (!found) continue;
    const value = found[2] as string;
    if (!isPlaceholder(value) && value.length >= 3) {
      const e = found.index + found[0].length - 1;
      const scheme = (found[1] as string).toLowerCase();
      const kind: SecretKind = scheme === 'http' || scheme === 'https' ? 'basic_auth' : 'password';
      hits.push({ start: e - value.length, end: e, kind, value, mustRotate: true });
    }
  }
  URL_CREDENTIALS.lastIndex = 0;
  return hits;
}

/**
 * False when a `s.`/`b.` anchor cannot start a token in any view: it follows a token character
 * that no escape just before it could decode into something else (a decoded character comes
 * from at most 6 raw ones, twice decoded from at most 36).
 */
function legacyVaultMayMatch(text: string, p: number, wordId: number): boolean {
  if (LEGACY_VAULT_IDS[wordId] !== 1 || p === 0 || !isTokenChar(text.charCodeAt(p - 1)))
    return true;
  for (let i = Math.max(0, p - 40); i < p; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 37 || c === 92) return true; // & % \
  }
  return false;
}

/** Positions of every `&`, `%` and `\\` (the characters a decoded view can change), in order. */
function escapeMarks(text: string): number[] {
  const out: number[] = [];
  let amp = text.indexOf('&');
  let pct = text.indexOf('%');
  let bsl = text.indexOf('\\');
  for (;;) {
    let i = amp;
    if (pct !== -1 && (i === -1 || pct < i)) i = pct;
    if (bsl !== -1 && (i === -1 || bsl < i)) i = bsl;
    if (i === -1) return out;
    out.push(i);
    if (i === amp) amp = text.indexOf('&', i + 1);
    else if (i === pct) pct = text.indexOf('%', i + 1);
    else bsl = text.indexOf('\\', i + 1);
  }
}

interface Windows {
  /** [start, end) around anchors (and escaped `://`), merged. */
  spans: Array<[number, number]>;
  escapes: number[];
  breaks: number[];
}

/** Windows around anchors (and `://`), merged; decoded views are built only there. */
function windows(text: string, anchors: Float64Array): Windows {
  // Only where decoding or de-wrapping can matter: an escape (`&`, `%`, `\`) just after an
  // anchor, or a hard wrap within a window of it. Both in order, each walked with one pointer.
  const escapes = escapeMarks(text);
  const breaks = joinableBreaks(text);
  const points: number[] = [];
  // `://` however escaped: `:\/\/`, `:\\\/\\\/` (escaped twice), `%3A%2F%2F`. Every such match
  // starts at a `:` just before a `\`, or at a `%3A`: tried there only.
  // starts at a `:` just before a `\\` or `%`, or at a `%3A`: tried there only.
  for (const e of escapes) {
    for (const at of [e - 1, e]) {
      if (at === e - 1 ? text.charCodeAt(at) !== 58 : text.charCodeAt(at) !== 37) continue;
      SCHEME_END.lastIndex = at;
      if (SCHEME_END.test(text)) points.push(at);
    }
  }
  // And `://` as is: URL credentials are found from it, not from an anchor word.
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) points.push(i);
  points.sort((x, y) => x - y);
  const near = (marks: number[], reach: number) => {
    let k = 0;
    return (p: number): boolean => {
      while (k < marks.length && (marks[k] as number) < p - WINDOW_BEFORE) k++;
      return k < marks.length && (marks[k] as number) <= p + reach;
    };
  };
  const escapeNear = near(escapes, MARK_REACH);
  const breakNear = near(breaks, WINDOW_AFTER);
  const starts: number[] = [];
  let j = 0;
  for (let a = 0; a < anchors.length || j < points.length;) {
    const fromAnchor =
      a < anchors.length &&
      (j >= points.length || Math.floor((anchors[a] as number) / ID_BITS) <= (points[j] as number));
    const code = fromAnchor ? (anchors[a++] as number) : -1;
    const p = fromAnchor ? Math.floor(code / ID_BITS) : (points[j++] as number);
    if (fromAnchor && !legacyVaultMayMatch(text, p, code % ID_BITS)) continue;
    // Both checks run for every point, so their pointers only move forward.
    const e = escapeNear(p);
    const b = breakNear(p);
    if (e || b) starts.push(p);
  }
  const out: Array<[number, number]> = [];
  for (const p of starts) {
    const s = Math.max(0, p - WINDOW_BEFORE);
    const e = Math.min(text.length, p + WINDOW_AFTER);
    const last = out[out.length - 1];
    if (last && e <= last[1]) continue; // already covered
    // Merged up to a size, then a new (overlapping) window: views stay small on huge logs.
    if (last && s <= last[1] && last[1] - last[0] < MAX_WINDOW) last[1] = e;
    else out.push([s, e]);
  }
  return { spans: out, escapes, breaks };
}

/** Whether the sorted `marks` hold a position in [s, e) (a binary search). */
function anyIn(marks: number[], s: number, e: number): boolean {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as number) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && (marks[lo] as number) < e;
}

/** Hits in the normalised views of `text`, mapped back to positions in `text`. */
function scanViews(text: string, work: ScanWork, anchors: Float64Array): Hit[] {
  const out: Hit[] = [];
  const { spans, escapes, breaks } = windows(text, anchors);
  for (const [ws, we] of spans) {
    // The same answers as scanning the slice for escapes and joinable breaks, from the lists
    // already made (a break joinable in the slice is joinable in the text; the converse is
    // checked below by whether de-wrapping changed anything).
    const encoded = anyIn(escapes, ws, we);
    const wrapped = anyIn(breaks, ws, we);
    if (!encoded && !wrapped) continue;
    const slice = text.slice(ws, we);
    const views: View[] = [];
    let base = rawView(slice, ws);
    work.viewChars += slice.length;
    if (encoded) {
      // Twice: a value can be encoded twice (URL-encoded inside a JSON string, `&amp;amp;`).
      for (let pass = 0; pass < 2; pass++) {
        work.viewChars += base.text.length;
        const decoded = decodeView(base);
        if (decoded.text.length === base.text.length) break; // nothing left to decode
        views.push(decoded);
        base = decoded;
      }
    }
    if (wrapped) {
      work.viewChars += base.text.length;
      const dewrapped = dewrapView(base);
      if (dewrapped.text.length !== base.text.length) views.push(dewrapped);
    }
    for (const v of views)
      for (const h of scanText(v.text, work))
        out.push({ ...h, start: v.startAt(h.start), end: v.endAt(h.end - 1) });
  }
  return out;
}

/** The forms a copy of `value` may take elsewhere in the paste. */
function encodings(value: string): string[] {
  const forms = new Set([
    value,
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  ]);
  return [...forms];
}

/** Every occurrence of each found value (in any encoding) anywhere in `text`: one pass. */
function copies(text: string, values: string[], work: ScanWork): Array<[number, number]> {
  const forms = [
    ...new Set(
      values
        .slice(0, MAX_COPY_VALUES)
        .filter((v) => v.length >= 6)
        .flatMap(encodings),
    ),
  ].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return [];
  work.searched += text.length;
  const re = new RegExp(forms.map(escapeRe).join('|'), 'g');
  const out: Array<[number, number]> = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, re.lastIndex]);
  return out;
}

/** Replaces the ranges with `[redacted]`, keeping line breaks so line numbers stay right. */
function applyRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const parts: string[] = [];
  let pos = 0;
  let i = 0;
  while (i < ranges.length) {
    let [s, e] = ranges[i] as [number, number];
    for (i++; i < ranges.length && (ranges[i] as [number, number])[0] <= e; i++)
      e = Math.max(e, (ranges[i] as [number, number])[1]);
    if (s < pos) s = pos;
    parts.push(text.slice(pos, s));
    const lines = text.slice(s, e).split(/(\r?\n)/);
    parts.push(lines.map((l, k) => (k % 2 === 1 ? l : l === '' ? '' : REDACTED)).join(''));
    pos = e;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Counts lines incrementally as positions only move forward. */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  at(index: number): number {
    for (
      let i = this.text.indexOf('\n', this.pos);
      i !== -1 && i < index;
      i = this.text.indexOf('\n', i + 1)
    )
      this.line++;
    this.pos = Math.max(this.pos, index);
    return this.line;
  }
}

/**
 * Finds every secret in `input` and returns the text with each one, and each copy of one,
 * replaced by `[redacted]`. Pure and synchronous; work is linear in the input, and with
 * `maxChars` bounded, so a caller can run it on untrusted files within a fixed budget (or
 * move it to a worker: it takes and returns plain data).
 */
export function redactSecrets(input: string, options: RedactOptions = {}): Redaction {
  const work = options.work ?? newWork();
  const limit = options.maxChars ?? Infinity;
  const complete = input.length <= limit;
  const text = complete ? input : input.slice(0, cutAt(input, limit));
  const anchors = anchorHits(text);
  const hits = [...scanText(text, work, anchors), ...scanViews(text, work, anchors)].sort(
    (a, b) =>
      a.start - b.start || rank(a.kind) - rank(b.kind) || b.end - b.start - (a.end - a.start),
  );
  const ranges: Array<[number, number]> = [];
  const values: string[] = [];
  const seen = new Set<string>();
  const findings: SecretFinding[] = [];
  const lines = new LineCounter(text);
  for (const h of hits) {
    // Access-key ids are identifiers, not secrets: the engine reads them (masked on output).
    // A value longer than its pattern's bound is redacted to the end of its run.
    if (h.kind !== 'aws_access_key_id') ranges.push([h.start, runEnd(text, h.end)]);
    if (seen.has(h.value)) continue;
    seen.add(h.value);
    values.push(h.value);
    if (findings.length < MAX_FINDINGS)
      findings.push({
        kind: h.kind,
        masked: maskSecret(h.kind, h.value),
        line: lines.at(h.start),
        mustRotate: h.mustRotate,
      });
  }
  const keyIds = new Set(hits.filter((h) => h.kind === 'aws_access_key_id').map((h) => h.value));
  for (const range of copies(
    text,
    values.filter((v) => !keyIds.has(v)),
    work,
  ))
    ranges.push(range);
  return {
    text: applyRanges(text, ranges),
    findings: dedupeByMask(findings),
    values: values.sort((a, b) => b.length - a.length),
    complete,
  };
}

const RUN = /[A-Za-z0-9/+=._~%-]*/y;
function runEnd(text: string, end: number): number {
  RUN.lastIndex = end;
  RUN.exec(text);
  return RUN.lastIndex;
}

/** When two patterns find one value, the specific kind names it (for the rotation advice). */
function rank(kind: SecretKind): number {
  return kind === 'generic_secret' ? 2 : kind === 'password' || kind === 'basic_auth' ? 1 : 0;
}

/** Cuts at the last line break before `limit` (a secret is not split by the cut). */
function cutAt(text: string, limit: number): number {
  const nl = text.lastIndexOf('\n', limit);
  return nl > limit / 2 ? nl : limit;
}

export function findSecrets(text: string): SecretScan {
  const { findings, values } = redactSecrets(text);
  return { findings, values };
}

function dedupeByMask(findings: SecretFinding[]): SecretFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}:${f.masked}:${f.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Cheap pre-check: false means findSecrets would find nothing. */
export function mayContainSecret(text: string): boolean {
  return anchorHits(text).length > 0 || text.includes('://');
}

/** How a secret is shown: never any of its secret characters. */
export function maskSecret(kind: SecretKind, value: string): string {
  if (kind === 'aws_access_key_id') return maskKeyId(value);
  // Public, non-secret prefixes help people recognise which token it was.
  const prefix =
    /^(?:gh[pousr]_|github_pat_|xox[abposre]-|xapp-|eyJ|hv[sbr]\.|glpat-|do[opr]_v1_|-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----)/.exec(
      value,
    )?.[0];
  const label = prefix ? prefix.replace(/-----BEGIN ([A-Z ]*)-----/, '$1') : kind;
  return `[${label}…, ${value.length} chars]`;
}

const KEY_ID = /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g;

/**
 * Returns a redactor that replaces every secret value and every access-key id in a string.
 * Applied to all text that leaves the engine (a second line of defence: that text was
 * already cut from redacted text).
 */
export function redactor(values: string[]): (s: string) => string {
  const forms = [...new Set(values.filter((v) => v.length >= 6).flatMap(encodings))].sort(
    (a, b) => b.length - a.length,
  );
  return (s: string) => {
    let out = s;
    for (const v of forms) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out.replace(KEY_ID, (id) => maskKeyId(id));
  };
}

/** Masks every secret and access-key id in one piece of text (for logs and error messages). */
export function scrubText(text: string): string {
  const r = redactSecrets(text);
  return redactor([])(r.text);
}
