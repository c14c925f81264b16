// Every test's temporary files go under one folder made for this run (os.tmpdir() reads
// TMPDIR), and global-teardown.ts removes it: a run leaves nothing behind.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = mkdtempSync(join(tmpdir(), 'tfauth-jest-'));
  process.env.TFAUTH_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
}
