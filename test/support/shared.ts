// The workspace's shared data: the dev corpus, TAXONOMY.md and Slack's manifest schema live in
// ../shared beside the repository (in the team's workspace and in CI), not in a fresh clone.
// Without it the tests that read it are skipped; .ci/run sets TFAUTH_REQUIRE_SHARED=1 so that
// there a missing file fails instead of passing unseen.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export const SHARED_DIR = process.env.TFAUTH_SHARED_DIR ?? join(ROOT, '..', 'shared');

export function sharedFile(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

const present = existsSync(join(SHARED_DIR, 'corpus', 'dev.jsonl'));
const required = process.env.TFAUTH_REQUIRE_SHARED === '1';

/** `describe`/`it` for tests of the shared data: skipped in a clone without it, unless required. */
export const describeShared = present || required ? describe : describe.skip;
export const itShared = present || required ? it : it.skip;
