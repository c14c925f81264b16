import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const root = process.env.TFAUTH_TEST_TMPDIR;
  if (root) rmSync(root, { recursive: true, force: true });
}
