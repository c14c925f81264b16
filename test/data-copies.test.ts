// The repository's copies of workspace data (data/) must match the workspace's originals, so
// the accuracy bars measure the corpus the team labels. In a clone without the workspace the
// copies are all there is: the test says so and is skipped; CI requires the workspace.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dataFile,
  WORKSPACE_SHARED_DIR,
  workspaceSharedPresent,
  workspaceSharedRequired,
} from './support/shared';
import { describeIf } from './support/skip';

const COPIES = [
  ['corpus', 'TAXONOMY.md'],
  ['corpus', 'dev.jsonl'],
  ['slack-manifest-schema', 'manifest.schema.1.0.0.json'],
];

describeIf(
  workspaceSharedPresent || workspaceSharedRequired,
  `the drift check of data/ — no workspace data at ${WORKSPACE_SHARED_DIR} (set TFAUTH_SHARED_DIR to check).`,
)('data/ copies match the workspace originals', () => {
  it.each(COPIES)('%s/%s', (...parts) => {
    const original = join(WORKSPACE_SHARED_DIR, ...parts);
    expect(existsSync(original)).toBe(true);
    expect(readFileSync(dataFile(...parts), 'utf8')).toBe(readFileSync(original, 'utf8'));
  });
});
