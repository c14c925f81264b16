// A message as the bot gathers it: its text and the raw bytes of the text files shared with
// it. The bytes are decoded, joined and scanned where the engine runs — a worker thread — so a
// 5 MB file is never turned into a string, copied or searched on the event loop that must
// acknowledge Slack within 3 s (issues 11 and 12).

import { credentialKeyIds, diagnose, type Diagnosis } from '../diagnosis';

export interface SharedPaste {
  /** The message's own text (Slack caps it at 40,000 characters). */
  text: string;
  /** Each shared text file, UTF-8, in its own ArrayBuffer (so it can be moved to a worker). */
  files: Uint8Array[];
}

export interface PasteDiagnosis {
  diagnosis: Diagnosis;
  /** Access-key ids in the paste as written (identifiers, not secrets), for the STS lookups. */
  keyIds: string[];
}

/** More than a reply ever looks up (the STS buttons take 3); the scan stops there. */
const MAX_KEY_IDS = 10;

/** The message's text followed by each file's text, one per line, as people read them. */
export function pasteText(paste: SharedPaste): string {
  const parts = [typeof paste.text === 'string' ? paste.text : ''];
  for (const file of Array.isArray(paste.files) ? paste.files : [])
    if (file instanceof Uint8Array)
      parts.push(Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('utf8'));
  return parts.join('\n');
}

export function diagnosePaste(paste: SharedPaste): PasteDiagnosis {
  const text = pasteText(paste);
  return { diagnosis: diagnose(text), keyIds: credentialKeyIds(text, MAX_KEY_IDS) };
}
