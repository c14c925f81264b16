// Reading what the user hands the CLI: a file, or standard input.

import { readFile, stat } from 'node:fs/promises';

/** Large debug logs are fine; beyond this we refuse rather than exhaust memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export class InputError extends Error {}

export async function readInput(
  file: string | undefined,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  if (file === undefined || file === '-') return readStream(stdin);
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`${file} is a directory, not a log file`);
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(file, err));
  }
  if (size > MAX_INPUT_BYTES)
    throw new InputError(`${file} is ${mb(size)}; the limit is ${mb(MAX_INPUT_BYTES)}`);
  try {
    return decode(await readFile(file));
  } catch (err) {
    throw new InputError(describeFsError(file, err));
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > MAX_INPUT_BYTES)
      throw new InputError(`standard input is larger than ${mb(MAX_INPUT_BYTES)}`);
    chunks.push(buf);
  }
  return decode(Buffer.concat(chunks));
}

/** UTF-8 (invalid bytes become U+FFFD); UTF-16 files from Windows tools are recognised by their BOM. */
function decode(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  return buf.toString('utf8');
}

function describeFsError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
  if (code === 'EISDIR') return `${file} is a directory, not a log file`;
  return `${file}: cannot read (${code ?? (err as Error).message})`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
