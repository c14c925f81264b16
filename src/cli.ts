#!/usr/bin/env node
// The tfauth command line: the diagnosis engine without Slack.

import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from './diagnosis';
import { evaluate, type LabelledPrediction } from './diagnosis';
import { InputError, readInput } from './cli/input';
import { isProblem, readJsonl } from './cli/jsonl';
import { COLOR, PLAIN, renderDiagnosis } from './cli/render';
import { renderReport } from './cli/report';
import { feedbackReport, renderFeedback } from './cli/feedback';
import { guardText, guardValue } from './diagnosis';

const HELP = `tfauth — explain Terraform credential and authorization failures

Usage:
  tfauth diagnose [FILE]            diagnose a pasted error or log (FILE or standard input)
  tfauth diagnose --json [FILE]     the diagnosis as one JSON object
  tfauth diagnose --jsonl FILE      FILE has one {"id","text"} object per line; prints one
                                    JSON diagnosis per line, carrying the same "id"
  tfauth eval FILE.jsonl [--json]   score the classifier on a labelled corpus
                                    ({"id","label","text"} per line)
  tfauth eval FILE.jsonl --min-confidence 0.6
                                    score what a channel sees: answers below the
                                    threshold count as "none" (the bot stays silent)
  tfauth feedback [--data-dir DIR] [--days N] [--json]
                                    the rules people marked "Not an auth error" in Slack,
                                    from the bot's embedded store (default .tfauth, 90 days)
  tfauth --version

Options:
  --json        machine-readable output
  --no-color    plain text even on a terminal (also: NO_COLOR=1)
  -h, --help    this help

Examples:
  terraform plan 2>&1 | tfauth diagnose
  tfauth diagnose crash.log --json | jq .classId
  tfauth eval ../shared/corpus/dev.jsonl

Exit status: 0 on success; 1 when input could not be read or some JSONL lines were bad;
2 on a usage error.`;

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        jsonl: { type: 'string' },
        'min-confidence': { type: 'string' },
        'data-dir': { type: 'string' },
        days: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr.write(`tfauth: ${(err as Error).message}\nRun 'tfauth --help' for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    io.stdout.write(`${HELP}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    if (command === 'diagnose') return await diagnoseCommand(rest, values, io);
    if (command === 'eval') return await evalCommand(rest, values, io);
    if (command === 'feedback') return await feedbackCommand(rest, values, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`tfauth: ${err.message}\nRun 'tfauth --help' for usage.\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr.write(`tfauth: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function diagnoseCommand(
  args: string[],
  values: { json?: boolean; jsonl?: string; 'no-color'?: boolean },
  io: Io,
): Promise<number> {
  if (values.jsonl !== undefined) {
    if (args.length > 0) throw new UsageError('--jsonl takes its file as its value; no other FILE');
    return diagnoseJsonl(values.jsonl, io);
  }
  if (args.length > 1) throw new UsageError('diagnose takes at most one FILE');
  const file = args[0];
  if (file === undefined && io.stdin.isTTY)
    io.stderr.write('Paste the Terraform output, then press Ctrl-D.\n');
  const diagnosis = diagnose(await readInput(file, io.stdin));
  // The last guard: whatever the engine missed, a token after a credential word is masked.
  if (values.json) io.stdout.write(`${JSON.stringify(guardValue(diagnosis))}\n`);
  else io.stdout.write(guardText(renderDiagnosis(diagnosis, useColor(values, io) ? COLOR : PLAIN)));
  return 0;
}

async function diagnoseJsonl(file: string, io: Io): Promise<number> {
  let bad = 0;
  for await (const record of readJsonl(file)) {
    if (isProblem(record)) {
      bad++;
      io.stderr.write(`tfauth: ${file}:${record.line}: ${record.message}; skipped\n`);
      continue;
    }
    io.stdout.write(`${JSON.stringify(guardValue({ id: record.id, ...diagnose(record.text) }))}\n`);
  }
  return bad > 0 ? 1 : 0;
}

async function evalCommand(
  args: string[],
  values: { json?: boolean; 'no-color'?: boolean; 'min-confidence'?: string },
  io: Io,
): Promise<number> {
  if (args.length !== 1) throw new UsageError('eval needs exactly one FILE.jsonl');
  const file = args[0] as string;
  const min = minConfidence(values['min-confidence']);
  const rows: LabelledPrediction[] = [];
  let bad = 0;
  for await (const record of readJsonl(file)) {
    if (isProblem(record) || record.label === undefined) {
      bad++;
      io.stderr.write(
        `tfauth: ${file}:${record.line}: ${isProblem(record) ? record.message : 'missing string field "label"'}; skipped\n`,
      );
      continue;
    }
    const d = diagnose(record.text);
    rows.push({
      id: String(record.id),
      label: record.label,
      predicted: d.confidence >= min ? d.classId : 'none',
      confidence: d.confidence,
    });
  }
  const report = evaluate(rows);
  if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
  else io.stdout.write(renderReport(report, useColor(values, io) ? COLOR : PLAIN));
  return bad > 0 ? 1 : 0;
}

async function feedbackCommand(
  args: string[],
  values: { json?: boolean; 'no-color'?: boolean; 'data-dir'?: string; days?: string },
  io: Io,
): Promise<number> {
  if (args.length > 0) throw new UsageError('feedback takes no FILE (use --data-dir DIR)');
  const days = values.days === undefined ? 90 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UsageError(`--days must be a whole number from 1 to 3650, not "${values.days}"`);
  const dir = values['data-dir'] ?? io.env.TFAUTH_DATA_DIR ?? '.tfauth';
  let report;
  try {
    report = await feedbackReport(dir, days);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  if (values.json) io.stdout.write(`${JSON.stringify(report.wrongSignatures)}\n`);
  else io.stdout.write(renderFeedback(report, useColor(values, io) ? COLOR : PLAIN));
  return 0;
}

function minConfidence(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`--min-confidence must be a number from 0 to 1, not "${raw}"`);
  return n;
}

function useColor(values: { 'no-color'?: boolean }, io: Io): boolean {
  if (values['no-color'] || io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: stop writing, as other CLIs do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`tfauth: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
