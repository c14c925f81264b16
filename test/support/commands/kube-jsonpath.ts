// A strict reader of kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text
// outside `{…}` is literal; inside, a path (`.a.b[0]`, `..name`, `[*]`, `[1:3]`,
// `['key']`, `[?(@.x=="y")]`), `range <path>`, `end`, or a quoted string. No npm package
// implements kubectl's dialect (the JSONPath packages follow RFC 9535, which has no braces,
// `range` or `end`), so this follows client-go's parser.go grammar and rejects anything else.
// Returns the first problem, or undefined when the template parses.

const NAME = /^[A-Za-z0-9_-]+|^\*/;

export function kubeJsonpathError(template: string): string | undefined {
  let i = 0;
  let ranges = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = template.indexOf('}', i);
    if (close >= 0 && (open < 0 || close < open)) return `unmatched } at ${close}`;
    if (open < 0) break;
    const end = closingBrace(template, open);
    if (end < 0) return `unclosed { at ${open}`;
    const inner = template.slice(open + 1, end).trim();
    const problem = action(inner);
    if (problem) return `${problem} in {${inner}}`;
    if (/^range\b/.test(inner)) ranges++;
    if (inner === 'end' && --ranges < 0) return 'end without range';
    i = end + 1;
  }
  return ranges > 0 ? 'range without end' : undefined;
}

function closingBrace(t: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < t.length; i++) {
    const c = t[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') return -1;
    else if (c === '}') return i;
  }
  return -1;
}

function action(inner: string): string | undefined {
  if (inner === '') return 'empty action';
  if (inner === 'end') return undefined;
  if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) return undefined;
  const path = inner.startsWith('range ') ? inner.slice(6).trim() : inner;
  return pathError(path);
}

function pathError(path: string): string | undefined {
  let i = 0;
  if (path[0] === '$' || path[0] === '@') i = 1;
  if (i === path.length) return undefined;
  if (path[i] !== '.' && path[i] !== '[') return `a path starts with . or [, not ${path[i]}`;
  while (i < path.length) {
    if (path.startsWith('..', i)) i += 2;
    else if (path[i] === '.') i += 1;
    else if (path[i] === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) return 'unclosed [';
      const sub = path.slice(i + 1, end);
      if (!/^(?:-?\d*(?::-?\d*){0,2}|\*|'[^']*'|\?\(@[^()]*\))$/.test(sub) || sub === '')
        return `bad subscript [${sub}]`;
      i = end + 1;
      continue;
    } else return `unexpected ${path[i]}`;
    const name = NAME.exec(path.slice(i));
    if (!name) {
      if (path[i] === '[') continue;
      return 'a name must follow .';
    }
    i += name[0].length;
  }
  return undefined;
}
