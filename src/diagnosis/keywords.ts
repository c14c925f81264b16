// The prefilter's words, derived from the catalog's own patterns (the gitleaks/trufflehog
// keyword prefilter): for each pattern, a few literal strings of which every match must
// contain at least one. A text that contains none of a signature's keywords cannot match it,
// so the signature is not run; a text that contains no keyword at all is not read further.
// Keywords are lower-case and matched case-insensitively (a superset of the pattern's own
// case rules, so the filter can only let too much through, never too little).

/** Shorter literals would pass nearly every text; such a pattern must declare keywords. */
export const MIN_KEYWORD_CHARS = 3;
/** A run of alternatives is expanded into at most this many strings. */
const MAX_EXPANSION = 16;

/** Literal sets: `exact` = everything the node can match (when small and finite). */
interface Info {
  exact: string[] | null;
  /** At least one of these occurs in every match; null when nothing is guaranteed. */
  req: string[] | null;
}

const ZERO: Info = { exact: [''], req: null };
const OPAQUE: Info = { exact: null, req: null };

/**
 * Literals of which every match of `re` contains one (lower-cased), or undefined when the
 * pattern guarantees none of at least MIN_KEYWORD_CHARS characters.
 */
export function requiredLiterals(re: RegExp): string[] | undefined {
  try {
    const parser = new Parser(re.source);
    const info = parser.alternation();
    const req = info.req ?? (info.exact && quality(info.exact) > 0 ? info.exact : null);
    return req && quality(req) > 0 ? minimise(req) : undefined;
  } catch {
    return undefined;
  }
}

/** The shortest member's length, 0 when below MIN_KEYWORD_CHARS. */
function quality(set: string[]): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min >= MIN_KEYWORD_CHARS ? min : 0;
}

/** Drops members containing another member: the shorter one already guarantees the match. */
function minimise(set: string[]): string[] {
  const unique = [...new Set(set)].sort((a, b) => a.length - b.length);
  return unique.filter((s, i) => !unique.slice(0, i).some((t) => s.includes(t)));
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_EXPANSION) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

function better(a: string[] | null, b: string[] | null): string[] | null {
  const qa = a ? quality(a) : 0;
  const qb = b ? quality(b) : 0;
  if (qb > qa || (qb === qa && qb > 0 && b && a && b.length < a.length)) return b;
  return qa > 0 ? a : null;
}

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/** A recursive-descent reader of the regular-expression subset the catalog uses. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0] as Info;
    let exact: string[] | null = [];
    let req: string[] | null = [];
    for (const a of alts) {
      exact =
        exact && a.exact && exact.length + a.exact.length <= MAX_EXPANSION
          ? [...exact, ...a.exact]
          : null;
      const r = a.req ?? (a.exact && quality(a.exact) > 0 ? a.exact : null);
      req = req && r ? [...req, ...r] : null;
    }
    return { exact, req };
  }

  private sequence(): Info {
    let run: string[] | null = [''];
    let best: string[] | null = null;
    /** Still one finite run from the start: the sequence's exact set is `run`. */
    let whole = true;
    const close = (): void => {
      if (run) best = better(best, run);
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      best = better(best, atom.req);
      let item: Info = atom;
      if (q && !(q.min === 1 && q.max === 1)) {
        if (q.min === 0)
          item = q.max === 1 && atom.exact ? { exact: [...atom.exact, ''], req: null } : OPAQUE;
        else {
          // At least one occurrence: the run ends with it, and a new run starts with it.
          if (run && atom.exact) run = cross(run, atom.exact) ?? run;
          close();
          run = atom.exact ? [...atom.exact] : [''];
          whole = false;
          continue;
        }
      }
      const next: string[] | null = item.exact && run ? cross(run, item.exact) : null;
      if (next) run = next;
      else {
        close();
        whole = false;
        run = item.exact ? [...item.exact] : [''];
      }
    }
    close();
    return { exact: whole ? run : null, req: best };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.i];
    let q: { min: number; max: number } | undefined;
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length - 1;
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity };
    }
    if (!q) return undefined;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    return q;
  }

  private atom(): Info {
    const c = this.src[this.i++] as string;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '^' || c === '$') return ZERO;
    if (c === '.') return OPAQUE;
    if (c === '\\') return this.escape();
    return literal(c);
  }

  private group(): Info {
    let lookaround = false;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (/^\?<?[=!]/.test(rest)) {
        lookaround = true;
        this.i += rest[1] === '<' ? 3 : 2;
      } else if (rest.startsWith('?<')) this.i = this.src.indexOf('>', this.i) + 1;
    }
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unbalanced group');
    this.i++;
    return lookaround ? ZERO : inner;
  }

  private charClass(): Info {
    const members = new Set<string>();
    let negated = false;
    let opaque = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let ch = this.src[this.i++] as string;
      if (ch === '\\') {
        const e = this.src[this.i++] as string;
        if (CLASS_ESCAPES.has(e) || e === 'u' || e === 'x') opaque = true;
        ch = CONTROL_ESCAPES[e] ?? e;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']') {
        this.i += 2;
        if (this.src[this.i - 1] === '\\') this.i++;
        opaque = true;
        continue;
      }
      members.add(ch.toLowerCase());
    }
    this.i++;
    if (negated || opaque || members.size > 4) return OPAQUE;
    const set = [...members];
    return set.every(isAscii) ? { exact: set, req: null } : OPAQUE;
  }

  private escape(): Info {
    const e = this.src[this.i++] as string;
    if (e === 'b' || e === 'B') return ZERO;
    if (CLASS_ESCAPES.has(e)) return OPAQUE;
    if (e === 'u' || e === 'x' || e === 'c' || /\d/.test(e)) {
      this.i += e === 'u' ? 4 : e === 'x' ? 2 : e === 'c' ? 1 : 0;
      return OPAQUE;
    }
    return literal(CONTROL_ESCAPES[e] ?? e);
  }
}

function isAscii(s: string): boolean {
  return s.length === 1 && s.charCodeAt(0) < 128;
}

function literal(c: string): Info {
  const lower = c.toLowerCase();
  return isAscii(lower) ? { exact: [lower], req: null } : OPAQUE;
}
