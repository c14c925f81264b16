// Small helpers shared by the extractors. All regexes passed in must be global (`g`). Each
// pattern is first put to the gate (pattern-gate.ts): most find nothing in a given paste.

import { gate } from './pattern-gate';

/** Up to `limit` first capture groups (or whole matches) of a global regex. */
export function allMatches(re: RegExp, text: string, group = 1, limit = 50): string[] {
  const out: string[] = [];
  if (!gate.mayMatch(re, text)) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < limit; m = re.exec(text)) {
    const value = m[group] ?? m[0];
    if (value) out.push(value);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** First capture group of the first pattern that matches. */
export function firstMatch(patterns: RegExp[], text: string, group = 1): string | undefined {
  for (const re of patterns) {
    if (!gate.mayMatch(re, text)) continue;
    re.lastIndex = 0;
    const m = re.exec(text);
    re.lastIndex = 0;
    if (m) return m[group] ?? m[0];
  }
  return undefined;
}

/** `re.test(text)`, for a pattern without the `g` or `y` flag. */
export function matches(re: RegExp, text: string): boolean {
  return gate.mayMatch(re, text) && re.test(text);
}

/** `re.exec(text)`, for a pattern without the `g` or `y` flag. */
export function search(re: RegExp, text: string): RegExpExecArray | null {
  return gate.mayMatch(re, text) ? re.exec(text) : null;
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
