// Text files shared with a message (snippets, .log and .txt uploads): fetched from
// url_private with the bot token, within a size cap. Kept as bytes: the diagnosis worker
// decodes them (infra/shared-paste), so a big file costs the event loop one copy, no more.

import type { SharedPaste } from '../../infra/shared-paste';

export interface SlackFileRef {
  id?: string;
  name?: string;
  title?: string;
  mode?: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  file_access?: string;
}

export type FileResult =
  | { kind: 'text'; name: string; bytes: Uint8Array }
  | { kind: 'too_big'; name: string; size: number }
  | { kind: 'failed'; name: string; reason: string }
  | { kind: 'skipped' };

const TEXT_TYPES = new Set([
  'text',
  'log',
  'plaintext',
  'shell',
  'hcl',
  'terraform',
  'json',
  'yaml',
]);

export function isTextFile(f: SlackFileRef): boolean {
  if (f.mode === 'snippet') return true;
  if (f.filetype && TEXT_TYPES.has(f.filetype)) return true;
  if (f.mimetype?.startsWith('text/')) return true;
  return /\.(?:log|txt|out|tf|hcl)$/i.test(f.name ?? '');
}

export async function fetchTextFile(
  file: SlackFileRef,
  botToken: string,
  maxBytes: number,
  fetchFn: typeof fetch = fetch,
  timeoutMs = 10_000,
): Promise<FileResult> {
  const name = file.name ?? file.title ?? file.id ?? 'file';
  if (!isTextFile(file)) return { kind: 'skipped' };
  if (file.size !== undefined && file.size > maxBytes)
    return { kind: 'too_big', name, size: file.size };
  const url = file.url_private_download ?? file.url_private;
  if (!url) return { kind: 'failed', name, reason: 'no download URL' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchFn(url, {
      headers: { Authorization: `Bearer ${botToken}` },
      redirect: 'manual',
      signal: controller.signal,
    });
    // Without access Slack redirects to a login page; never mistake that page for the file.
    if (res.status !== 200) return { kind: 'failed', name, reason: `HTTP ${res.status}` };
    if ((res.headers.get('content-type') ?? '').includes('text/html'))
      return { kind: 'failed', name, reason: 'got a login page instead of the file' };
    const bytes = await readCapped(res, maxBytes);
    if (bytes === undefined)
      return {
        kind: 'too_big',
        name,
        size: Number(res.headers.get('content-length') ?? maxBytes + 1),
      };
    return { kind: 'text', name, bytes };
  } catch (err) {
    return {
      kind: 'failed',
      name,
      reason: (err as Error).name === 'AbortError' ? 'timed out' : 'network error',
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The body in one ArrayBuffer of its own (movable to a worker), or undefined past `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export interface Gathered extends SharedPaste {
  /** Files too big to read, for a note in the reply. */
  tooBig: Array<{ name: string; size: number }>;
}

/**
 * A message's text and the bytes of up to five shared text files. `filesInfo` looks up files
 * Slack sends without a download URL (`file_access: check_file_info`).
 */
export async function messageParts(
  text: string,
  files: SlackFileRef[],
  options: {
    botToken: string;
    maxBytes: number;
    filesInfo?: (id: string) => Promise<SlackFileRef | undefined>;
    onFailure?: (name: string, reason: string) => void;
  },
): Promise<Gathered> {
  const bytes: Uint8Array[] = [];
  const tooBig: Gathered['tooBig'] = [];
  for (let file of files.slice(0, 5)) {
    if (
      file.id &&
      options.filesInfo &&
      (file.file_access === 'check_file_info' || !(file.url_private_download ?? file.url_private))
    )
      file = (await options.filesInfo(file.id)) ?? file;
    const r = await fetchTextFile(file, options.botToken, options.maxBytes);
    if (r.kind === 'text') bytes.push(r.bytes);
    else if (r.kind === 'too_big') tooBig.push({ name: r.name, size: r.size });
    else if (r.kind === 'failed') options.onFailure?.(r.name, r.reason);
  }
  return { text, files: bytes, tooBig };
}
