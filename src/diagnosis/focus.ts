// Picks the parts of a paste worth reading. A Slack message is small and read whole;
// a multi-megabyte TF_LOG=DEBUG file is mostly noise, so we keep only windows of lines
// around the catalog's own keywords (prefilter.ts: derived from the signatures, so every
// family is found). Terraform prints its final diagnostics at the end, so the text is
// scanned from the end backwards, chunk by chunk, until the budget is filled: the cost
// depends on the budget, not on the size of the log.

import { keywordPositions, MAX_RAW_WORD_CHARS } from './prefilter';

export { mayBeAnError } from './prefilter';

/** Texts up to this size are read whole. */
export const READ_WHOLE_CHARS = 12 * 1024;
/** Upper bound on the characters handed to normalization and matching. */
export const FOCUS_BUDGET_CHARS = 64 * 1024;
const LINES_BEFORE = 6;
const LINES_AFTER = 30;
/** Longest single window; a window inside one enormous line is cut around its anchor. */
const MAX_WINDOW_CHARS = 8 * 1024;
const CHUNK_CHARS = 128 * 1024;
/** Longer than any keyword word, so a word cut by a chunk boundary is still found. */
const CHUNK_OVERLAP = MAX_RAW_WORD_CHARS;

export interface Focus {
  segments: string[];
  /** True when parts of the input were skipped. */
  partial: boolean;
}

export function focus(text: string): Focus {
  if (text.length <= READ_WHOLE_CHARS) return { segments: [text], partial: false };
  // Windows, newest first; each new one starts before (or overlaps) the previous one.
  const ranges: Array<[number, number]> = [];
  let used = 0;
  /** Start of the earliest window so far: hits after it are already covered. */
  let floor = Infinity;
  for (let end = text.length; end > 0 && used < FOCUS_BUDGET_CHARS; end -= CHUNK_CHARS) {
    const start = Math.max(0, end - CHUNK_CHARS - CHUNK_OVERLAP);
    const hits = anchorsIn(text, start, end);
    for (let i = hits.length - 1; i >= 0 && used < FOCUS_BUDGET_CHARS; i--) {
      const pos = hits[i] as number;
      if (pos >= floor) continue;
      const range = windowAround(text, pos);
      floor = range[0];
      const last = ranges[ranges.length - 1];
      if (last && range[1] >= last[0]) {
        used += Math.max(0, last[0] - range[0]);
        last[0] = Math.min(last[0], range[0]);
      } else {
        ranges.push(range);
        used += range[1] - range[0];
      }
    }
  }
  if (ranges.length === 0) return { segments: [], partial: true };
  ranges.reverse();
  return { segments: ranges.map(([s, e]) => text.slice(s, e)), partial: true };
}

/** Keyword positions in [start, end), ascending. */
function anchorsIn(text: string, start: number, end: number): number[] {
  return keywordPositions(text, start, end);
}

/** A few lines before the hit and more after it, never more than MAX_WINDOW_CHARS. */
function windowAround(text: string, pos: number): [number, number] {
  // Searches are bounded to the window's size, so an enormous line costs no more than a short one.
  const lowest = Math.max(0, pos - MAX_WINDOW_CHARS / 4);
  const before = text.slice(lowest, pos);
  let cut = before.length;
  for (let i = 0; i <= LINES_BEFORE && cut > 0; i++) {
    const nl = before.lastIndexOf('\n', cut - 1);
    cut = nl === -1 ? 0 : nl;
  }
  const start = lowest + cut;
  const highest = Math.min(text.length, start + MAX_WINDOW_CHARS);
  let end = pos;
  for (let i = 0; i <= LINES_AFTER && end < highest; i++) {
    const nl = text.indexOf('\n', end + 1);
    end = nl === -1 || nl > highest ? highest : nl;
  }
  return [start, Math.max(end, Math.min(highest, pos + 1))];
}
