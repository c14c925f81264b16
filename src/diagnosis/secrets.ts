// Finds secrets in a paste so that tfauth can warn whoever pasted them, and redacts them by
// position before the engine reads the text: every string that leaves the engine is cut from
// already-redacted text. Secrets are looked for in the text as pasted and in its normalised
// forms (Slack-decoded, URL-decoded, JSON-unescaped, de-wrapped; secret-views.ts), and every
// copy of a found value, in any of those encodings, is redacted too.
//
// Linear in the input: one anchor pass (secret-anchors.ts) finds candidate positions and
// where a decoded view could differ; each pattern is tried at its anchors only, reads a bounded
// span per attempt (secret-patterns.ts) and never again inside its previous match; decoded
// views are built once per merged window around anchors, and take their anchors from the text.

import { maskKeyId } from './access-keys';
import { escapeRegExp } from './text-util';
import {
  anchorsOf,
  isAfterToken,
  type Marks,
  positionOf,
  scanAnchors,
  SCHEME_SEP_ID,
  sliceAnchors,
  viewAnchors,
  wordOf,
  WORDS,
} from './secret-anchors';
import {
  isPlaceholder,
  PATTERNS,
  URL_AT_MAX,
  URL_CREDENTIALS,
  type SecretPattern,
} from './secret-patterns';
import { decodeView, dewrapView, rawView, viewEscapes, type View } from './secret-views';
import type { SecretFinding, SecretKind } from './types';

export { isPlaceholder } from './secret-patterns';

interface Compiled {
  id: number;
  pattern: SecretPattern;
  anchored: RegExp;
}

const COMPILED: Compiled[] = PATTERNS.map((pattern, id) => {
  // Sticky, with `.{0,lookback}?` in front: the match must start near its anchor, so a miss costs a
  // few attempts, not a scan of the rest of the text. Flag `d` gives the secret's position.
  const anchored = new RegExp(
    `[\\s\\S]{0,${pattern.lookback}}?(?:${pattern.re.source})`,
    `${pattern.re.flags.replace(/[gyd]/g, '')}yd`,
  );
  return { id, pattern, anchored };
});
/** The patterns each anchor word anchors, by word id (none for `://`). */
const BY_WORD_ID: Compiled[][] = WORDS.map((w) =>
  COMPILED.filter((c) => c.pattern.anchors.includes(w)),
);
// scanText skips `s.`/`b.` anchors by the lookbehind of the one pattern they anchor.
if (BY_WORD_ID[WORDS.indexOf('s.')]?.length !== 1 || BY_WORD_ID[WORDS.indexOf('b.')]?.length !== 1)
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
export const REDACTED = '[redacted]';

interface Hit {
  start: number;
  end: number;
  kind: SecretKind;
  value: string;
  mustRotate: boolean;
}

/** `[a-z0-9+.-]`, either case: what URL_CREDENTIALS allows in a scheme. */
function isSchemeChar(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/** Matches of every pattern in `text` (positions in `text`). */
function scanText(text: string, work: ScanWork, anchors: Float64Array): Hit[] {
  const hits: Hit[] = [];
  const skipUntil = new Float64Array(COMPILED.length);
  const schemes: number[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const code = anchors[k] as number;
    const index = positionOf(code);
    const wordId = wordOf(code);
    if (wordId === SCHEME_SEP_ID) {
      schemes.push(index);
      continue;
    }
    // `s.`/`b.` after a token character (every `aws.`): its only pattern's lookbehind fails.
    if (isAfterToken(wordId)) continue;
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
  let at = -2; // the first `@` after the current `://` (-1: there is none; -2: not looked for)
  for (const i of schemes) {
    if (at === -2 || (at !== -1 && at < i + 3)) at = text.indexOf('@', i + 3);
    if (at === -1 || at > i + URL_AT_MAX) continue; // no `@` where the pattern needs one
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

interface Windows {
  /** [start, end) around anchors (and escaped `://`), merged. */
  spans: Array<[number, number]>;
  escapes: number[];
  breaks: number[];
}

/**
 * Windows around anchors (and escaped `://`), merged; decoded views are built only there. Reads
 * no text: the anchor pass noted all it needs.
 */
function windows(textLength: number, anchors: Float64Array, marks: Marks): Windows {
  // Only where decoding or de-wrapping can matter: an escape (`&`, `%`, `\`) just after an
  // anchor, or a hard wrap within a window of it. Both in order, each walked with one pointer.
  const { escapes, breaks } = marks;
  // `://` as is is an anchor word of its own (URL credentials are found from it); escaped, a
  // point of its own.
  const points = marks.schemes;
  /** Whether a mark lies in [p - before, p + after]; p only grows from call to call. */
  const near = (marks: number[], before: number, after: number) => {
    let k = 0;
    return (p: number): boolean => {
      while (k < marks.length && (marks[k] as number) < p - before) k++;
      return k < marks.length && (marks[k] as number) <= p + after;
    };
  };
  const escapeNear = near(escapes, WINDOW_BEFORE, MARK_REACH);
  const breakNear = near(breaks, WINDOW_BEFORE, WINDOW_AFTER);
  const escapeJustBefore = near(escapes, 40, -1);
  const starts: number[] = [];
  let j = 0;
  for (let a = 0; a < anchors.length || j < points.length;) {
    const fromAnchor =
      a < anchors.length &&
      (j >= points.length || positionOf(anchors[a] as number) <= (points[j] as number));
    const code = fromAnchor ? (anchors[a++] as number) : -1;
    const p = fromAnchor ? positionOf(code) : (points[j++] as number);
    // `s.`/`b.` after a token character can start a token only in a view where an escape just
    // before it decodes into something else (a decoded character comes from at most 6 raw
    // ones, twice decoded from at most 36).
    if (fromAnchor && isAfterToken(wordOf(code)) && !escapeJustBefore(p)) continue;
    // Both checks run for every point, so their pointers only move forward.
    const e = escapeNear(p);
    const b = breakNear(p);
    if (e || b) starts.push(p);
  }
  const out: Array<[number, number]> = [];
  for (const p of starts) {
    const s = Math.max(0, p - WINDOW_BEFORE);
    const e = Math.min(textLength, p + WINDOW_AFTER);
    const last = out[out.length - 1];
    if (last && e <= last[1]) continue; // already covered
    // Merged up to a size, then a new (overlapping) window: views stay small on huge logs.
    if (last && s <= last[1] && last[1] - last[0] < MAX_WINDOW) last[1] = e;
    else out.push([s, e]);
  }
  return { spans: out, escapes, breaks };
}

/** The sorted `marks` in [s, e), as positions from s. */
function within(marks: number[], s: number, e: number): number[] {
  const out: number[] = [];
  for (let k = lowerBound(marks, s); k < marks.length && (marks[k] as number) < e; k++)
    out.push((marks[k] as number) - s);
  return out;
}

/** The first index of the sorted `marks` holding a position ≥ s (a binary search). */
function lowerBound(marks: number[], s: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as number) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the sorted `marks` hold a position in [s, e) (a binary search). */
function anyIn(marks: number[], s: number, e: number): boolean {
  const k = lowerBound(marks, s);
  return k < marks.length && (marks[k] as number) < e;
}

/** Hits in the normalised views of `text`, mapped back to positions in `text`. */
function scanViews(text: string, work: ScanWork, anchors: Float64Array, marks: Marks): Hit[] {
  const out: Hit[] = [];
  const { spans, escapes, breaks } = windows(text.length, anchors, marks);
  for (const [ws, we] of spans) {
    // The same answers as scanning the slice for escapes and joinable breaks, from the lists
    // already made (a break joinable in the slice is joinable in the text; the converse is
    // checked below by whether de-wrapping changed anything).
    const encoded = anyIn(escapes, ws, we);
    const wrapped = anyIn(breaks, ws, we);
    if (!encoded && !wrapped) continue;
    const slice = text.slice(ws, we);
    // Each view with its anchors, carried over from its source's (secret-anchors.ts).
    const views: Array<[View, Float64Array]> = [];
    let base = rawView(slice, ws);
    let baseAnchors = sliceAnchors(anchors, ws, we);
    work.viewChars += slice.length;
    if (encoded) {
      // The escapes of the slice, then of each decoded view, carried over like its anchors.
      let baseEscapes = within(escapes, ws, we);
      // Twice: a value can be encoded twice (URL-encoded inside a JSON string, `&amp;amp;`).
      for (let pass = 0; pass < 2; pass++) {
        work.viewChars += base.text.length;
        const decoded = decodeView(base, baseEscapes);
        if (decoded.text.length === base.text.length) break; // nothing left to decode
        baseAnchors = viewAnchors(decoded, baseAnchors);
        views.push([decoded, baseAnchors]);
        base = decoded;
        if (pass === 0) baseEscapes = viewEscapes(decoded, baseEscapes);
      }
    }
    if (wrapped) {
      work.viewChars += base.text.length;
      const dewrapped = dewrapView(base);
      if (dewrapped.text.length !== base.text.length)
        views.push([dewrapped, viewAnchors(dewrapped, baseAnchors)]);
    }
    for (const [v, viewAnchorList] of views)
      for (const h of scanText(v.text, work, viewAnchorList))
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
  const re = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
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
  const { anchors, marks } = scanAnchors(text);
  const hits = [...scanText(text, work, anchors), ...scanViews(text, work, anchors, marks)].sort(
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
  return anchorsOf(text).length > 0; // `://` is one of the words
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
