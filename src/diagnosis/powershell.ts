// The checklist's bash commands in PowerShell, for pastes that come from Windows (a `PS C:\>`
// prompt, a Windows path). The catalog writes each command once, for bash; this turns it into
// what a PowerShell user types, or says it cannot (undefined), and the step stays bash and
// says so. Only what it knows is turned:
//   * bash-only tools in the shapes the catalog uses them — `env | grep … [| cut -d= -f1]`,
//     `grep [-rn -A N -B N -E -i] 'pattern' files|--include=glob .`, `export`, `unset`,
//     `rm -f`, `date -u`;
//   * every other word re-quoted for PowerShell: a bash word is first read the way bash reads
//     it (quotes removed, `$VAR` and `$(…)` kept apart), then written the way PowerShell reads
//     it literally — in single quotes when it holds anything PowerShell would treat specially
//     (`,` makes an array, `{}` a script block, `@` splatting, `$` a variable, a backtick an
//     escape). A word with a double quote inside is refused: Windows PowerShell 5.1 strips
//     those when it calls a native program.
// Anything else bash-specific (`&&`, `||`, `;`, line continuations, here-docs, `${…:-…}`,
// pipes into other Unix tools) makes the whole command untranslatable rather than wrong.

/** A bash word as bash reads it: literal text, `$NAME` and `$(…)` parts. */
type Part = { lit: string } | { env: string } | { sub: string } | { home: true };

/** Programs that do not exist in PowerShell (or are aliases to something else there). */
const UNIX_ONLY = new Set([
  'grep',
  'cut',
  'wc',
  'printf',
  'cat',
  'sed',
  'awk',
  'xargs',
  'head',
  'tail',
  'base64',
  'curl',
  'env',
  'export',
  'unset',
  'rm',
  'date',
  'ls',
  'find',
  'which',
  'chmod',
  'test',
  'true',
  'openssl',
  'dig',
  'hwclock',
  'sort',
  'tr',
  'jq',
]);

/** Characters a PowerShell argument may hold unquoted and mean literally. */
const PS_BARE = /^[A-Za-z0-9_./:=%+~\-\\]+$/;

/** One of tfauth's own slots (`<role-arn>`): shown bare in either shell, for the user to replace. */
const SLOT = /^<[A-Za-z0-9][A-Za-z0-9-]*>$/;

function psQuote(s: string): string {
  return (PS_BARE.test(s) && !s.startsWith('-')) || SLOT.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

/** A parameter-looking word (`--role-name`) passes as is; anything else is quoted if needed. */
function psArg(s: string): string {
  return /^--?[A-Za-z][\w-]*$/.test(s) ? s : psQuote(s);
}

/** Splits a bash command into words (undefined: something this reader does not handle). */
function words(command: string): Part[][] | undefined {
  const out: Part[][] = [];
  let parts: Part[] = [];
  let lit = '';
  let started = false;
  const flush = () => {
    if (lit) parts.push({ lit });
    lit = '';
  };
  const end = () => {
    flush();
    if (started) out.push(parts);
    parts = [];
    started = false;
  };
  /** `$NAME` or `$(…)` at i (after `$`); returns the index after it, or -1. */
  const dollar = (i: number): number => {
    if (command[i] === '(') {
      let depth = 1;
      let j = i + 1;
      for (; j < command.length && depth > 0; j++) {
        if (command[j] === '(') depth++;
        else if (command[j] === ')') depth--;
        else if (command[j] === "'" || command[j] === '"' || command[j] === '`') return -1;
      }
      if (depth !== 0) return -1;
      flush();
      parts.push({ sub: command.slice(i + 1, j - 1) });
      return j;
    }
    const name = /^[A-Z_][A-Z0-9_]*/.exec(command.slice(i));
    if (!name) return -1;
    flush();
    parts.push({ env: name[0] });
    return i + name[0].length;
  };
  for (let i = 0; i < command.length;) {
    const c = command[i] as string;
    if (c === ' ') {
      end();
      i++;
    } else if (c === "'") {
      const close = command.indexOf("'", i + 1);
      if (close === -1) return undefined;
      lit += command.slice(i + 1, close);
      started = true;
      i = close + 1;
    } else if (c === '"') {
      started = true;
      let j = i + 1;
      for (; j < command.length && command[j] !== '"';) {
        const d = command[j] as string;
        if (d === '\\' || d === '`') return undefined;
        if (d === '$') {
          const next = dollar(j + 1);
          if (next === -1) return undefined;
          j = next;
        } else {
          lit += d;
          j++;
        }
      }
      if (j >= command.length) return undefined;
      i = j + 1;
    } else if (c === '$') {
      started = true;
      const next = dollar(i + 1);
      if (next === -1) return undefined;
      i = next;
    } else if (c === '<' && SLOT.test(/^<[^>\s]*>/.exec(command.slice(i))?.[0] ?? '')) {
      const slot = (/^<[^>\s]*>/.exec(command.slice(i)) as RegExpExecArray)[0];
      lit += slot;
      started = true;
      i += slot.length;
    } else if (/[\\`;&<>()|{}!#]/.test(c)) {
      // Operators and redirections are handled by the caller before words are read.
      return undefined;
    } else {
      lit += c;
      started = true;
      i++;
    }
  }
  end();
  return out;
}

function psWord(parts: Part[]): string | undefined {
  // bash expands a leading ~ for any program; PowerShell only for its own cmdlets.
  const head = parts[0];
  if (head && 'lit' in head && head.lit.startsWith('~/'))
    parts = [{ home: true }, { lit: head.lit.slice(1) }, ...parts.slice(1)];
  if (parts.length === 1) {
    const p = parts[0] as Part;
    if ('lit' in p) return p.lit.includes('"') ? undefined : psArg(p.lit);
    if ('env' in p) return `$env:${p.env}`;
  }
  // Mixed: one double-quoted PowerShell string, where `$env:X` and `$(…)` expand as in bash.
  let s = '"';
  for (const p of parts) {
    if ('lit' in p) {
      if (/["`$]/.test(p.lit)) return undefined;
      s += p.lit;
    } else if ('env' in p) s += `$env:${p.env}`;
    else if ('home' in p) s += '$HOME';
    else {
      const inner = toPowerShell(p.sub);
      if (inner === undefined) return undefined;
      s += `$(${inner})`;
    }
  }
  return `${s}"`;
}

/** A plain command: a program that exists in PowerShell and its arguments, re-quoted. */
function plain(command: string): string | undefined {
  let redirect = '';
  const sink = / (2>&1 )?> \/dev\/null$| 2>\/dev\/null$/.exec(command);
  if (sink) {
    redirect = sink[0].includes('2>/dev/null') ? ' 2>$null' : `${sink[1] ? ' 2>&1' : ''} > $null`;
    command = command.slice(0, sink.index);
  }
  const ws = words(command);
  if (!ws || ws.length === 0) return undefined;
  const program = ws[0] as Part[];
  const name =
    program.length === 1 && 'lit' in (program[0] as Part)
      ? (program[0] as { lit: string }).lit
      : '';
  if (!/^[a-z][\w.-]*$/.test(name) || UNIX_ONLY.has(name)) return undefined;
  const out = [name === 'echo' ? 'Write-Output' : name];
  for (const w of ws.slice(1)) {
    const ps = psWord(w);
    if (ps === undefined) return undefined;
    out.push(ps);
  }
  return out.join(' ') + redirect;
}

/** The literal text of a word made only of literal parts (quotes removed). */
function literal(parts: Part[] | undefined): string | undefined {
  if (!parts || parts.length === 0) return undefined;
  let s = '';
  for (const p of parts) {
    if (!('lit' in p)) return undefined;
    s += p.lit;
  }
  return s;
}

/** `env | grep [-c|-i|-E…] PATTERN [| cut -d= -f1]`: the environment's names (and values). */
function envGrep(command: string): string | undefined {
  const m = /^env \| grep ((?:-[a-zA-Z]+ )*)(\S+|'[^']*'|"[^"$`\\]*")( \| cut -d= -f1)?$/.exec(
    command,
  );
  if (!m) return undefined;
  const flags = (m[1] ?? '').replace(/[ -]/g, '');
  if (/[^iEc]/.test(flags)) return undefined;
  let pattern = literal(words(m[2] as string)?.[0]);
  if (pattern === undefined) return undefined;
  // grep reads NAME=value lines; PowerShell matches the name alone.
  pattern = pattern.replace(/=$/, '$');
  const match = flags.includes('i') ? '-Match' : '-CMatch';
  const filter = `Get-ChildItem Env: | Where-Object Name ${match} ${psQuote(pattern)}`;
  if (flags.includes('c')) return `(${filter}).Count`;
  return m[3] ? `${filter} | Select-Object -ExpandProperty Name` : filter;
}

/** `grep [-r] [-n] [-E] [-i] [-A N] [-B N] [--include=G]… PATTERN [FILES…]` → Select-String. */
function grepFiles(command: string): string | undefined {
  const ws = words(command);
  if (!ws || literal(ws[0]) !== 'grep') return undefined;
  const args = ws.slice(1).map(literal);
  if (args.some((a) => a === undefined)) return undefined;
  let recursive = false;
  let insensitive = false;
  let before = 0;
  let after = 0;
  const include: string[] = [];
  const operands: string[] = [];
  // GNU grep takes options before and after the pattern.
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const context = /^-([AB])(\d*)$/.exec(a);
    if (context) {
      const n = Number(context[2] || args[++i]);
      if (!Number.isInteger(n)) return undefined;
      if (context[1] === 'A') after = n;
      else before = n;
    } else if (a.startsWith('--include=')) include.push(a.slice('--include='.length));
    else if (/^-[rnEi]+$/.test(a)) {
      recursive ||= a.includes('r');
      insensitive ||= a.includes('i');
    } else if (a.startsWith('-')) return undefined;
    else operands.push(a);
  }
  const [pattern, ...paths] = operands;
  if (pattern === undefined || paths.length === 0) return undefined;
  const select = [
    `Select-String -Pattern ${psQuote(pattern)}`,
    ...(insensitive ? [] : ['-CaseSensitive']),
    ...(before || after ? [`-Context ${before},${after}`] : []),
  ].join(' ');
  if (!recursive) {
    if (include.length > 0) return undefined;
    return `${select.replace('Select-String', `Select-String -Path ${paths.map(psQuote).join(', ')}`)}`;
  }
  if (paths.length !== 1 || paths[0] !== '.') return undefined;
  const filter = include.length > 0 ? ` -Include ${include.map(psQuote).join(', ')}` : '';
  return `Get-ChildItem -Recurse -File${filter} | ${select}`;
}

function exportVar(command: string): string | undefined {
  const m = /^export ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(command);
  if (!m) return undefined;
  const value = literal(words(m[2] as string)?.[0]);
  if (value === undefined || (words(m[2] as string)?.length ?? 0) !== 1) return undefined;
  return `$env:${m[1]} = '${value.replace(/'/g, "''")}'`;
}

function unsetVars(command: string): string | undefined {
  const m = /^unset ((?:[A-Z_][A-Z0-9_]* ?)+)$/.exec(command);
  if (!m) return undefined;
  const names = (m[1] as string).trim().split(' ');
  return `Remove-Item ${names.map((n) => `'Env:${n}'`).join(', ')} -ErrorAction SilentlyContinue`;
}

function removeFiles(command: string): string | undefined {
  const m = /^rm -f (.+)$/.exec(command);
  if (!m) return undefined;
  const paths = words(m[1] as string)?.map(literal);
  if (!paths || paths.some((p) => p === undefined)) return undefined;
  return `Remove-Item -Force -ErrorAction SilentlyContinue ${(paths as string[]).map(psQuote).join(', ')}`;
}

const IDIOMS: Array<(command: string) => string | undefined> = [
  envGrep,
  grepFiles,
  exportVar,
  unsetVars,
  removeFiles,
  (c) => (c === 'date -u' ? '(Get-Date).ToUniversalTime()' : undefined),
];

/** The command as a PowerShell user types it, or undefined when it cannot be said safely. */
export function toPowerShell(command: string): string | undefined {
  if (/\n|&&|\|\||;|<<|\$\{/.test(command)) return undefined;
  for (const idiom of IDIOMS) {
    const ps = idiom(command);
    if (ps !== undefined) return ps;
  }
  // A pipeline of plain commands (`aws … | jq` is refused: jq is not everywhere on Windows).
  const stages = splitPipeline(command);
  if (!stages) return undefined;
  const out: string[] = [];
  for (const stage of stages) {
    const ps = plain(stage);
    if (ps === undefined) return undefined;
    out.push(ps);
  }
  return out.join(' | ');
}

/** Splits at `|` outside quotes and `$(…)`; undefined when quotes do not balance. */
function splitPipeline(command: string): string[] | undefined {
  const stages: string[] = [];
  let quote = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      stages.push(command.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (quote || depth !== 0) return undefined;
  stages.push(command.slice(start).trim());
  return stages;
}
