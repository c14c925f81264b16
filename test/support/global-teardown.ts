import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SKIPPED_FILE } from './skip';

export default function globalTeardown(): void {
  const root = process.env.TFAUTH_TEST_TMPDIR;
  if (!root) return;
  let skipped: string[] = [];
  try {
    skipped = [...new Set(readFileSync(join(root, SKIPPED_FILE), 'utf8').split('\n'))];
  } catch {
    // nothing was skipped
  }
  const lines = skipped.filter(Boolean).sort();
  // stderr, with Jest's own summary: stdout may be --json.
  if (lines.length > 0) process.stderr.write(`\n${lines.join('\n')}\n`);
  rmSync(root, { recursive: true, force: true });
}
