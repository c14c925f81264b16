// The engine off the event loop: the same Diagnosis as in-process, while the loop stays free.

import { diagnose } from '../../src/diagnosis';
import { inlineEngine, poolEngine, type DiagnosisEngine } from '../../src/infra/diagnosis-pool';

const PASTE =
  'Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 1f2e, api error ExpiredToken: The security token included in the request is expired';

let pool: DiagnosisEngine;
beforeAll(() => {
  pool = poolEngine({ threads: 1 });
});
afterAll(() => pool.close());

it('answers exactly what the engine answers in-process', async () => {
  const [fromPool, fromInline] = await Promise.all([
    pool.diagnose(PASTE),
    inlineEngine().diagnose(PASTE),
  ]);
  expect(fromPool).toEqual(diagnose(PASTE));
  expect(fromInline).toEqual(fromPool);
  expect(fromPool.classId).toBe('aws.expired_token');
});

it('keeps the event loop turning while a large log is diagnosed', async () => {
  const log = `${'2026-12-01T10:00:00.000Z [DEBUG] provider: plugin process running\n'.repeat(80_000)}${PASTE}\n`;
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 1);
  const d = await pool.diagnose(log);
  clearInterval(ticker);
  expect(d.classId).toBe('aws.expired_token');
  // Timers fired during the work: it did not run on this thread.
  expect(ticks).toBeGreaterThan(0);
});

it('a non-string task gets the engine’s answer for no text, not a crash', async () => {
  const d = await pool.diagnose(undefined as unknown as string);
  expect(d.classId).toBe('none');
});

describe('a message with shared files', () => {
  const file = (text: string) => new Uint8Array(Buffer.from(text, 'utf8')).slice();
  const withKey = `${PASTE}\nAWS_ACCESS_KEY_ID=AKIASP2TPHJSQH3FJXYZ`;

  it('is diagnosed in the worker from the moved bytes: they are gone from this thread', async () => {
    const bytes = file(withKey);
    const size = bytes.byteLength;
    const { diagnosis, keyIds } = await pool.diagnosePaste({
      text: 'log attached',
      files: [bytes],
    });
    expect(size).toBeGreaterThan(0);
    // Moved, not copied: the ArrayBuffer was transferred to the worker (and detached here).
    expect(bytes.byteLength).toBe(0);
    expect(diagnosis).toEqual(diagnose(`log attached\n${withKey}`));
    expect(keyIds).toEqual(['AKIASP2TPHJSQH3FJXYZ']);
  });

  it('answers what the in-process engine answers', async () => {
    const paste = () => ({ text: 'see file', files: [file(PASTE), file('second file')] });
    expect(await pool.diagnosePaste(paste())).toEqual(await inlineEngine().diagnosePaste(paste()));
  });

  it('copies a view it cannot move (a slice of a shared buffer) and leaves the buffer whole', async () => {
    const shared = Buffer.from(`xx${PASTE}yy`, 'utf8');
    const view = new Uint8Array(shared.buffer, shared.byteOffset + 2, Buffer.byteLength(PASTE));
    const { diagnosis } = await pool.diagnosePaste({ text: '', files: [view, view] });
    expect(diagnosis.classId).toBe('aws.expired_token');
    expect(shared.toString('utf8')).toBe(`xx${PASTE}yy`);
  });
});
