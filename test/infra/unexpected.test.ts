// An unhandled rejection is logged and counted, and the process keeps running.

import { createLogger } from '../../src/infra/logger';
import { catchUnhandledRejections, unexpectedRejections } from '../../src/infra/unexpected';

it('logs and counts an unhandled rejection instead of ending the process', () => {
  const lines: string[] = [];
  const remove = catchUnhandledRejections(
    createLogger({ level: 'info', write: (l) => lines.push(l) }),
  );
  try {
    const before = unexpectedRejections();
    // Jest keeps real unhandled rejections to itself: deliver one the way Node does.
    process.emit('unhandledRejection', new Error('nobody listens'), Promise.resolve());
    expect(unexpectedRejections()).toBe(before + 1);
    expect(lines.join('\n')).toContain('unhandled promise rejection (kept running)');
    expect(lines.join('\n')).toContain('nobody listens');
  } finally {
    remove();
  }
});
