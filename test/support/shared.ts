// Data the tests read that the project does not author: the class list and dev corpus, and
// Slack's manifest schema. The repository keeps its own copies under data/ (data/SOURCES.md
// says where each came from), so a fresh clone runs every accuracy and manifest test. The
// workspace's originals (../shared beside the checkout, or TFAUTH_SHARED_DIR) are only used
// to notice when a copy has drifted: test/data-copies.test.ts, required in CI.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The repository's own copies. */
export const DATA_DIR = join(ROOT, 'data');

export function dataFile(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

/** The workspace's originals, when this checkout sits in the team's workspace. */
export const WORKSPACE_SHARED_DIR = process.env.TFAUTH_SHARED_DIR ?? join(ROOT, '..', 'shared');

export const workspaceSharedPresent = existsSync(join(WORKSPACE_SHARED_DIR, 'corpus', 'dev.jsonl'));

/** CI sets TFAUTH_REQUIRE_SHARED=1: there a missing workspace copy fails instead of skipping. */
export const workspaceSharedRequired = process.env.TFAUTH_REQUIRE_SHARED === '1';
