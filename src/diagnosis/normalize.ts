// Turns what people paste into plain Terraform output: Slack's encoding, code fences,
// colour codes, CI log prefixes and Terraform's box-drawing frame are removed, and the
// text is cut into error blocks (one per framed diagnostic) whose lines are also
// flattened onto one line so that signatures survive hard wraps.

export interface Block {
  /** Normalized lines of this block. */
  lines: string[];
  /** The lines joined with single spaces; what signatures are matched against. */
  flat: string;
}

export interface Normalized {
  blocks: Block[];
  /** All normalized lines, blocks separated by an empty line. */
  text: string;
}

/** Slack's mrkdwn encoding: links, mentions and the three escaped characters. */
export function decodeSlack(text: string): string {
  return text
    .replace(
      /<((?:https?|mailto|ftp):[^<>|\s]*)(?:\|([^<>]*))?>/g,
      (_m, url: string, label?: string) => (label !== undefined && label !== '' ? label : url),
    )
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^<>]*))?>/g,
      (_m, id: string, name?: string) => `@${name ?? id}`,
    )
    .replace(/<#(C[A-Z0-9]+)(?:\|([^<>]*))?>/g, (_m, id: string, name?: string) => `#${name ?? id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^<>]*))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// Colour codes: ESC[…m (also with the ESC shown as U+FFFD or `^[`), OSC and cursor sequences,
// and the bare `[31m` residue left when the ESC byte was lost on the way into a paste. Bare
// residue looks like text that is not residue, so it is only removed when it cannot be text:
// `[31m`, `[0m`, `[1;33m` are (but `[43m30s elapsed]`, Terraform's progress line, is a
// duration), and `[m` alone only next to other residue (`[0m[m`), never in `[mfa-code]`,
// `[map[…]]` or Terragrunt's `[mysql]` prefix.
const ANSI =
  /(?:\x1b|\uFFFD|\^\[)\[(?:\d{1,3}(?:;\d{1,3}){0,4})?m|\[(?:\d{1,3}(?:;\d{1,3}){0,4})?m|\x1b\][^\x07\x1b]{0,256}(?:\x07|\x1b\\)|\x1b\[[0-9;?]{0,16}[A-HJKSTfhlnsu]/g;

/** After a bare `[43m`: minutes and seconds (`[43m30s elapsed]`), not a colour. */
const DURATION_REST = /^\d{1,2}s/;

export function stripAnsi(text: string): string {
  if (!text.includes('[') && !text.includes('\x1b')) return text;
  // Each candidate: residue for sure, bare `[m` (residue only beside residue), or text.
  const found: Array<{ start: number; end: number; kind: 'sure' | 'bare' | 'text' }> = [];
  for (const m of text.matchAll(ANSI)) {
    const start = m.index;
    const end = start + m[0].length;
    const kind =
      m[0][0] !== '['
        ? 'sure'
        : m[0] === '[m'
          ? 'bare'
          : DURATION_REST.test(text.slice(end, end + 3))
            ? 'text'
            : 'sure';
    found.push({ start, end, kind });
  }
  // Bare `[m` touching residue, directly or through other bare ones, is residue: one sweep
  // forward (after residue), one backward (before it).
  const touching = (c: (typeof found)[number], n: (typeof found)[number] | undefined) =>
    c.kind === 'bare' && n?.kind === 'sure' && (n.end === c.start || n.start === c.end);
  for (let i = 1; i < found.length; i++)
    if (touching(found[i]!, found[i - 1])) found[i]!.kind = 'sure';
  for (let i = found.length - 2; i >= 0; i--)
    if (touching(found[i]!, found[i + 1])) found[i]!.kind = 'sure';
  let out = '';
  let at = 0;
  for (const c of found) {
    if (c.kind !== 'sure') continue;
    out += text.slice(at, c.start);
    at = c.end;
  }
  return out + text.slice(at);
}

// GitHub's log viewer turns line numbers into links when copied: `9[15](https://github.com/…#step:5:16)d52`.
const GH_STEP_LINK = /\[(\d{1,6})\]\(https?:\/\/[^()\s]{1,400}#step:\d+:\d+\)/g;

/**
 * Line prefixes added by CI systems and wrappers. Applied repeatedly at the start of a line
 * (a timestamp can precede `##[error]`, which precedes the frame).
 */
const LINE_PREFIXES: RegExp[] = [
  /^\uFEFF/,
  // ISO-8601 timestamps (GitHub Actions, Azure Pipelines, Terraform's own log lines keep theirs
  // only when followed by a level, so a bare stamp is a CI prefix).
  /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\s(?!\s*\[(?:TRACE|DEBUG|INFO|WARN|ERROR)\])/,
  // Jenkins/CircleCI clock prefixes `14:46:24  ` and `[14:46:24] `.
  /^\[?\d\d:\d\d:\d\d(?:\.\d{1,6})?\]?\s+/,
  // Azure Pipelines / GitHub Actions logging commands.
  /^##\[(?:error|warning|debug|section|group|endgroup|command|info)\]/,
  /^::(?:error|warning|notice|debug)(?:\s[^:]*)?::/,
  // Google Cloud Build steps.
  /^Step #\d+(?: - "[^"]*")?:\s?/,
  // Docker BuildKit's plain progress: `#12 0.868 ` (step, seconds since it started), corpus
  // holdout12/h12-multi-az-secret-9 (a Packer build inside `docker build`).
  /^#\d{1,4} \d{1,6}\.\d{3} /,
  // Terragrunt ≥0.67 log format: `15:04:05.000 STDERR [module] terraform: `.
  /^(?:STDOUT|STDERR)\s+(?:\[[^\]]*\]\s+)?(?:terraform|tofu):\s?/,
  // Markdown/Slack blockquotes.
  /^\s*>\s?/,
];

const FRAME_EDGE = /^\s*(?:╷|╵|Γò╖|Γò╡)\s*$/;
const FRAME_BAR = /^\s*(?:│|Γöé)\s?/;
// Pulumi's TUI boxes each line on both sides (`│ … │`); Terraform's frame has no right edge,
// so a bar after padding at the end of a line is always a frame, never message text.
const FRAME_RIGHT_BAR = /\s(?:│|Γöé)$/;

export function normalize(segments: string[]): Normalized {
  const blocks: Block[] = [];
  for (const segment of segments) {
    for (const lines of splitBlocks(cleanLines(segment))) {
      const joined = joinHardWraps(lines);
      if (joined.every((l) => l.trim() === '')) continue;
      blocks.push({ lines: joined, flat: flatten(joined) });
    }
  }
  return { blocks, text: blocks.map((b) => b.lines.join('\n')).join('\n\n') };
}

/** Whole-text cleanups, then per-line prefix stripping. Frame edges become `\f` markers. */
function cleanLines(segment: string): string[] {
  const text = stripAnsi(decodeSlack(segment))
    .replace(GH_STEP_LINK, '$1')
    .replace(/```/g, '\n')
    .replace(/\*\*/g, '');
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/).flatMap(logRecordLines)) {
    const line = stripPrefixes(raw);
    if (FRAME_EDGE.test(line)) {
      out.push('\f');
      continue;
    }
    // trimEnd() removes what `\s+$` would, without retrying at every blank of a padded line.
    let rest = line.trimEnd();
    if (rest.endsWith('│') || rest.endsWith('Γöé')) rest = rest.replace(FRAME_RIGHT_BAR, '');
    out.push(rest.replace(FRAME_BAR, '').trimEnd());
  }
  return out;
}

/** Longest line read as a JSON log record (longer ones stay as they are). */
const MAX_RECORD_CHARS = 64 * 1024;

/**
 * A structured log record (zap, logrus, slog, klog's JSON: Flux's tofu-controller, Atlantis,
 * kiam) holds the error as a JSON string, its quotes escaped and its lines joined by `\n`:
 * read as the lines it holds (`error: …`), the way the same error reads in a plain log. Only
 * records (a level and a message), never an API's JSON error body, whose fields rules match.
 */
function logRecordLines(line: string): string[] {
  const t = line.trim();
  if (t.length > MAX_RECORD_CHARS || !t.startsWith('{"') || !t.endsWith('}')) return [line];
  let record: unknown;
  try {
    record = JSON.parse(t);
  } catch {
    return [line];
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) return [line];
  const fields = record as Record<string, unknown>;
  const has = (...keys: string[]) => keys.some((k) => typeof fields[k] === 'string');
  if (!has('level', 'lvl', 'severity') || !has('msg', 'message')) return [line];
  const out: string[] = [];
  for (const [key, value] of Object.entries(fields))
    if (typeof value === 'string' && /[A-Za-z]/.test(value)) {
      const [first = '', ...rest] = value.split(/\r\n|\r|\n/);
      out.push(`${key}: ${first}`, ...rest);
    }
  return out;
}

/**
 * Characters a line prefix can start with (see LINE_PREFIXES): a line starting with anything
 * else, or with blanks and then anything but `>`, has none, and is returned without trying them.
 */
const PREFIX_START = /^(?:[\uFEFF0-9[#:S>]|\s+>)/;

function stripPrefixes(line: string): string {
  if (!PREFIX_START.test(line)) return line;
  let current = line;
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const prefix of LINE_PREFIXES) {
      const next = current.replace(prefix, '');
      if (next !== current) {
        current = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

function splitBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '\f') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Rejoins lines cut at a fixed column (CI viewers and narrow terminals cut mid-word:
 * `autorest/a` + `zure`). A line is treated as cut when it is long, no line is longer (nothing
 * passes the column it was cut at; a message printed twice is not a wrap), it ends inside a
 * word, and at least one other line of the block does too at that same length. Two lines of
 * a word-wrapped message (Terraform wraps at 78 columns) can share a length by chance; two
 * that both stop inside a word at the longest length are a column.
 */
function joinHardWraps(lines: string[]): string[] {
  let longest = 0;
  for (const l of lines) if (l.length > longest) longest = l.length;
  if (longest < 60) return lines;
  const endsInWord = (line: string): boolean =>
    line.length === longest && /[A-Za-z0-9_/-]$/.test(line);
  // The last line has nothing after it to join: it does not count towards the column.
  if (lines.slice(0, -1).filter(endsInWord).length < 2) return lines;
  const width = longest;
  const out: string[] = [];
  let pending = '';
  for (const line of lines) {
    const cut = line.length === width && /[A-Za-z0-9_/-]$/.test(line);
    pending += line;
    if (!cut) {
      out.push(pending);
      pending = '';
    }
  }
  if (pending !== '') out.push(pending);
  return out;
}

function flatten(lines: string[]): string {
  // A frame bar left inside a line (an error message pasted from a framed block) is noise too.
  // Only runs that are not already a single space are rewritten: replacing every space
  // one by one makes V8 build huge cons-strings on long lines.
  return lines
    .join(' ')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}
