// Tests that need something this machine may not have (Redis, Chromium, the AWS CLI, a soak
// switch). Jest counts skipped tests but says nothing of why (and prints nothing at all for
// a file whose tests are all skipped), so each reason is noted, and printed when the run ends
// (global-teardown.ts).

import { appendFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = `${__dirname}/../..`;
const said = new Set<string>();

function say(why: string): void {
  const file = expect.getState().testPath;
  const line = `SKIPPED ${file ? relative(ROOT, file) : 'a test'}: ${why}`;
  if (said.has(line)) return;
  said.add(line);
  const root = process.env.TFAUTH_TEST_TMPDIR;
  if (root) appendFileSync(join(root, SKIPPED_FILE), `${line}\n`);
  else console.info(line);
}

/** Where the reasons wait for the end of the run, in the run's temporary folder. */
export const SKIPPED_FILE = 'skipped.txt';

/** `describe`, or `describe.skip` saying why (`why` names what is missing and how to get it). */
export function describeIf(run: boolean, why: string): jest.Describe {
  if (!run) say(why);
  return run ? describe : describe.skip;
}

/** `it`, or `it.skip` saying why. */
export function itIf(run: boolean, why: string): jest.It {
  if (!run) say(why);
  return run ? it : it.skip;
}

/** Redis-backed suites run when TFAUTH_TEST_REDIS_URL names a Redis (as .ci/run sets it). */
export const REDIS_URL = process.env.TFAUTH_TEST_REDIS_URL;
export const NO_REDIS =
  'no Redis — set TFAUTH_TEST_REDIS_URL=redis://127.0.0.1:6379/15 (needs redis-server) to run it.';
