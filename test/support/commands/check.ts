// Checks the commands tfauth prints with the parsers of the languages inside them:
// bash (`bash -n`), JMESPath `--query` (the `jmespath` package), jq filters (jq-wasm: jq
// itself compiled to WebAssembly), kubectl jsonpath (./kube-jsonpath.ts), HCL snippets in
// step details (@cdktf/hcl2json: HashiCorp's HCL parser in wasm) and `aws <svc> <op>
// --param` against the AWS CLI's own command tree (test/fixtures/aws-cli-commands.json).
// PowerShell commands are parsed with tree-sitter-powershell (a community grammar run by
// web-tree-sitter; Microsoft's own parser needs .NET, which this machine does not have).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jmespathTypes from 'jmespath';
import { argv, optionValues, simpleCommands } from './shell-words';
import { kubeJsonpathError } from './kube-jsonpath';

// `compile` (the parser alone) is exported by the package but missing from @types/jmespath.
const jmespath = jmespathTypes as typeof jmespathTypes & {
  compile: (expression: string) => unknown;
};

export interface Shown {
  /** Where it was shown, for the report: `aws.sso_token/env/login#0`, `dev/gh-123`. */
  where: string;
  command: string;
  shell?: 'bash' | 'powershell';
}

export interface Problem {
  where: string;
  command: string;
  checker: 'bash' | 'powershell' | 'jmespath' | 'jq' | 'jsonpath' | 'hcl' | 'aws' | 'placeholder';
  message: string;
}

/** `<role-name>`: what a command shows for a value the user must supply. */
export const PLACEHOLDER_SHOWN = /<([A-Za-z0-9][A-Za-z0-9-]*)>/g;

/** Replaces shown placeholders by a plain word, as the user would before running it. */
export function asTyped(command: string): string {
  return command.replace(
    PLACEHOLDER_SHOWN,
    (_m, name: string) => `PLACEHOLDER_${name.replace(/-/g, '_')}`,
  );
}

export interface AwsTree {
  /** The CLIs the options were read from, e.g. `aws-cli 2.9.19`. */
  sources: string[];
  globals: string[];
  commands: Record<string, { options: string[]; in: string[] }>;
}

export const AWS_TREE_FILE = join(__dirname, '..', '..', 'fixtures', 'aws-cli-commands.json');

export function loadAwsTree(): AwsTree {
  return JSON.parse(readFileSync(AWS_TREE_FILE, 'utf8')) as AwsTree;
}

/** `aws sts get-caller-identity --profile x` → `sts get-caller-identity`, and its `--options`. */
export function awsInvocation(words: string[]): { key: string; options: string[] } | undefined {
  if (words[0] !== 'aws' || !words[1] || words[1].startsWith('-')) return undefined;
  const op = words[2] && !words[2].startsWith('-') ? words[2] : '';
  const key = op ? `${words[1]} ${op}` : words[1];
  // Only `--name` words; values (`--query "…"`) never start with `--` in tfauth's commands.
  const options = words
    .slice(op ? 3 : 2)
    .filter((w) => w.startsWith('--'))
    .map((w) => w.split('=')[0] as string);
  return { key, options };
}

/** Every AWS CLI command tfauth's commands call (for regenerating the fixture). */
export function awsKeys(commands: string[]): string[] {
  const keys = new Set<string>();
  for (const c of commands)
    for (const sc of simpleCommands(asTyped(c))) {
      const inv = awsInvocation(argv(sc));
      if (inv) keys.add(inv.key);
    }
  return [...keys].sort();
}

/** HCL in a step's detail: a code span or fenced block that is a block or an attribute. */
export function hclSnippets(detail: string): string[] {
  const out: string[] = [];
  for (const m of detail.matchAll(/```(?:hcl|terraform)?\n([\s\S]*?)```|`([^`\n]+)`/g)) {
    const code = (m[1] ?? m[2] ?? '').trim();
    if (/^[a-z_][\w-]*(?: "[^"]*")* \{/.test(code) || /^[a-z_][\w-]* = \S/.test(code))
      out.push(code);
  }
  return out;
}

type JqCompile = (filter: string) => Promise<string | undefined>;

let jqCompile: JqCompile | undefined;
async function jq(): Promise<JqCompile> {
  if (jqCompile) return jqCompile;
  const wasm = (await import('jq-wasm')) as unknown as {
    raw: (input: unknown, filter: string, flags?: string[]) => Promise<unknown>;
  };
  // Each filter is run once: jq-wasm leaks memory on every error (a filter that fails on null
  // input, a compile error), and after a few hundred it stops reporting compile errors at all.
  const verdicts = new Map<string, Promise<string | undefined>>();
  const compile = async (filter: string): Promise<string | undefined> => {
    try {
      await wasm.raw({}, filter, ['-n']);
      return undefined;
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      // A filter that compiles but fails on null input (`.a[]`) is fine: only compile errors count.
      return /compile error|syntax error/.test(text) ? text.split('\n')[0] : undefined;
    }
  };
  jqCompile = (filter) => {
    let verdict = verdicts.get(filter);
    if (!verdict) verdicts.set(filter, (verdict = compile(filter)));
    return verdict;
  };
  return jqCompile;
}

let hclParse: ((name: string, code: string) => Promise<unknown>) | undefined;
async function hcl(code: string): Promise<string | undefined> {
  hclParse ??= (await import('@cdktf/hcl2json')).parse;
  try {
    await hclParse('snippet.tf', code);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The jq filter of `jq [options] FILTER [files]` (options with arguments skipped). */
function jqFilter(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '--arg' || w === '--argjson' || w === '--slurpfile' || w === '--rawfile') i += 2;
    else if (!w.startsWith('-')) return w;
  }
  return undefined;
}

function jsonpaths(words: string[]): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    const v = /^(?:-o|--output)=?(.*)$/.exec(w)?.[1];
    const value = v === '' ? words[i + 1] : v;
    const jp = value ? /^jsonpath=(.*)$/s.exec(value)?.[1] : undefined;
    if (jp !== undefined) out.push(jp);
  });
  return out;
}

/** Per-command checks other than bash (which runs once for all, see bashProblems). */
export async function commandProblems(shown: Shown, tree: AwsTree): Promise<Problem[]> {
  const problems: Problem[] = [];
  const add = (checker: Problem['checker'], message: string): void => {
    problems.push({ where: shown.where, command: shown.command, checker, message });
  };
  for (const sc of simpleCommands(asTyped(shown.command))) {
    const words = argv(sc);
    const tool = words[0];
    if (tool === 'aws' || tool === 'az')
      for (const q of optionValues(words, '--query'))
        try {
          jmespath.compile(q);
        } catch (e) {
          add('jmespath', `${q}: ${e instanceof Error ? e.message : String(e)}`);
        }
    if (tool === 'jq') {
      const filter = jqFilter(words);
      if (filter === undefined) add('jq', 'no filter');
      else {
        const err = await (await jq())(filter);
        if (err) add('jq', `${filter}: ${err}`);
      }
    }
    if (tool === 'gh')
      for (const f of [...optionValues(words, '--jq'), ...optionValues(words, '-q')]) {
        const err = await (await jq())(f);
        if (err) add('jq', `${f}: ${err}`);
      }
    if (tool === 'kubectl')
      for (const jp of jsonpaths(words)) {
        const err = kubeJsonpathError(jp);
        if (err) add('jsonpath', `${jp}: ${err}`);
      }
    const inv = awsInvocation(words);
    if (inv) {
      const params = tree.commands[inv.key]?.options;
      if (!params) add('aws', `no command "aws ${inv.key}" in ${tree.sources.join(' or ')}`);
      else
        for (const o of inv.options)
          if (!params.includes(o) && !tree.globals.includes(o))
            add('aws', `"aws ${inv.key}" has no option ${o}`);
    }
  }
  return problems;
}

export async function detailProblems(where: string, detail: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const code of hclSnippets(detail)) {
    const err = await hcl(code);
    if (err) problems.push({ where, command: code, checker: 'hcl', message: err });
  }
  return problems;
}

/**
 * `bash -n` on one script holding every command (each in its own function, so a command
 * cannot swallow the next); when that fails, each command alone to name the broken ones.
 */
export function bashProblems(shown: Shown[]): Problem[] {
  const bash = shown.filter((s) => s.shell !== 'powershell');
  const script = bash.map((s, i) => `tfauth_${i}() {\n${asTyped(s.command)}\n}\n`).join('');
  if (parses(script)) return [];
  const problems: Problem[] = [];
  for (const s of bash) {
    const err = bashError(`tfauth_0() {\n${asTyped(s.command)}\n}\n`);
    if (err) problems.push({ where: s.where, command: s.command, checker: 'bash', message: err });
  }
  return problems;
}

function parses(script: string): boolean {
  return bashError(script) === undefined;
}

function bashError(script: string): string | undefined {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return r.status === 0 ? undefined : (r.stderr.trim().split('\n')[0] ?? `exit ${r.status}`);
}

/** PowerShell commands: each parsed alone (in ./ps-parse.cjs); an ERROR or MISSING node fails. */
export async function powershellProblems(shown: Shown[]): Promise<Problem[]> {
  const ps = shown.filter((s) => s.shell === 'powershell');
  if (ps.length === 0) return [];
  // Liftoff only: V8's optimising tier would spend seconds on the grammar's WebAssembly.
  const r = spawnSync('node', ['--liftoff-only', join(__dirname, 'ps-parse.cjs')], {
    input: JSON.stringify(ps.map((s) => asTyped(s.command))),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`ps-parse.cjs failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as number[]).map((i) => ({
    where: ps[i]?.where ?? '',
    command: ps[i]?.command ?? '',
    checker: 'powershell' as const,
    message: 'does not parse as PowerShell',
  }));
}

export async function checkAll(
  shown: Shown[],
  details: Array<{ where: string; detail: string }>,
): Promise<Problem[]> {
  const tree = loadAwsTree();
  const problems = [...bashProblems(shown), ...(await powershellProblems(shown))];
  for (const s of shown) problems.push(...(await commandProblems(s, tree)));
  for (const d of details) problems.push(...(await detailProblems(d.where, d.detail)));
  return problems;
}
