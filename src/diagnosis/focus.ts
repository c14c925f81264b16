// Picks the parts of a paste worth reading. A Slack message is small and read whole;
// a multi-megabyte TF_LOG=DEBUG file is mostly noise, so we keep only windows of lines
// around the words every error family shares. One regex pass finds them, which keeps
// the engine linear and fast on any input (see `npm run bench`).

/** Texts up to this size are read whole. */
export const READ_WHOLE_CHARS = 12 * 1024;
/** Upper bound on the characters handed to normalization and matching. */
export const FOCUS_BUDGET_CHARS = 64 * 1024;
const LINES_BEFORE = 6;
const LINES_AFTER = 30;
/** Longest single window; a window inside one enormous line is cut around its anchor. */
const MAX_WINDOW_CHARS = 8 * 1024;

// Words shared by the error families of every platform we know. Deliberately short and
// literal so V8 can scan them quickly; "Token" is left out because debug logs repeat
// header names like x_amz_security_token on every request.
const ANCHOR =
  /[Ee]rror|ERROR|[Dd]enied|DENIED|[Uu]nauthori[sz]ed|[Ff]orbidden|[Ee]xpired|[Cc]redential|AADSTS|invalid_grant|[Ii]nvalid|not (?:a )?valid|cannot be assumed|not found|[Ss]ignature|[Ff]ailed|oauth2|40[13] /g;

export interface Focus {
  segments: string[];
  /** True when parts of the input were skipped. */
  partial: boolean;
}

export function focus(text: string): Focus {
  if (text.length <= READ_WHOLE_CHARS) return { segments: [text], partial: false };
  const hits = anchorPositions(text);
  if (hits.length === 0) return { segments: [], partial: true };

  // Newest first: Terraform prints its final diagnostics at the end of a log.
  const ranges: Array<[number, number]> = [];
  let used = 0;
  for (let i = hits.length - 1; i >= 0 && used < FOCUS_BUDGET_CHARS; i--) {
    const range = windowAround(text, hits[i] as number);
    const last = ranges[ranges.length - 1];
    if (last && range[1] >= last[0]) {
      // Overlaps the window we already have (which starts later): extend it backwards.
      used += Math.max(0, last[0] - range[0]);
      last[0] = Math.min(last[0], range[0]);
      continue;
    }
    ranges.push(range);
    used += range[1] - range[0];
  }
  ranges.reverse();
  const segments = ranges.map(([start, end]) => text.slice(start, end));
  return { segments, partial: true };
}

/** Positions of anchor hits, at most one per line, capped to keep memory bounded. */
function anchorPositions(text: string): number[] {
  const MAX_KEPT = 4096;
  const hits: number[] = [];
  ANCHOR.lastIndex = 0;
  let lineEnd = -1;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    if (m.index <= lineEnd) continue;
    hits.push(m.index);
    if (hits.length > MAX_KEPT * 2) hits.splice(0, MAX_KEPT); // keep the newest
    const nl = text.indexOf('\n', m.index);
    lineEnd = nl === -1 ? text.length : nl;
    ANCHOR.lastIndex = lineEnd;
  }
  return hits;
}

function windowAround(text: string, pos: number): [number, number] {
  let start = pos;
  for (let i = 0; i <= LINES_BEFORE && start > 0; i++) {
    const nl = text.lastIndexOf('\n', start - 1);
    start = nl === -1 ? 0 : nl;
  }
  let end = pos;
  for (let i = 0; i <= LINES_AFTER && end < text.length; i++) {
    const nl = text.indexOf('\n', end + 1);
    end = nl === -1 ? text.length : nl;
  }
  if (end - start > MAX_WINDOW_CHARS) {
    start = Math.max(start, pos - MAX_WINDOW_CHARS / 4);
    end = Math.min(end, start + MAX_WINDOW_CHARS);
  }
  return [start, end];
}
