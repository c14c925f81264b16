// A promise rejected with nobody listening must not end the process (Node's default): that
// would drop every reply in flight for one bad request. It is logged and counted instead —
// the count is on /healthz — so the bug is seen and fixed, not hidden.

import type { Logger } from './logger';

let count = 0;

/** Unhandled rejections since start. */
export function unexpectedRejections(): number {
  return count;
}

/** Installs the process-wide handler once; returns a function that removes it. */
export function catchUnhandledRejections(logger: Logger): () => void {
  const handler = (reason: unknown) => {
    count += 1;
    logger.error('unhandled promise rejection (kept running)', { error: reason, count });
  };
  process.on('unhandledRejection', handler);
  return () => process.off('unhandledRejection', handler);
}
