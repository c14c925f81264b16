// Line-by-line JSONL reading: a bad line is reported with its number and skipped.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InputError } from './input';

export interface JsonlRecord {
  line: number;
  /** As given: a number stays a number, so batch output carries exactly the same id. */
  id: string | number;
  text: string;
  label?: string;
}

export interface JsonlProblem {
  line: number;
  message: string;
}

export async function* readJsonl(file: string): AsyncGenerator<JsonlRecord | JsonlProblem> {
  try {
    if ((await stat(file)).isDirectory())
      throw new InputError(`${file} is a directory, not a JSONL file`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(err)})`,
    );
  }
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    yield parseLine(raw, n);
  }
}

function parseLine(raw: string, line: number): JsonlRecord | JsonlProblem {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { line, message: `invalid JSON (${(err as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { line, message: 'expected a JSON object' };
  const obj = value as Record<string, unknown>;
  if (typeof obj.text !== 'string') return { line, message: 'missing string field "text"' };
  const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? obj.id : `line-${line}`;
  return {
    line,
    id,
    text: obj.text,
    ...(typeof obj.label === 'string' ? { label: obj.label } : {}),
  };
}

export function isProblem(r: JsonlRecord | JsonlProblem): r is JsonlProblem {
  return 'message' in r;
}
