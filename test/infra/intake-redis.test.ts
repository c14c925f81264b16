// The shared intake on a real (private) Redis that freezes: an append sent before the freeze
// was noticed is given up on after the deadline and journaled locally, and Redis carries it
// out anyway when it thaws. The work then exists twice; both copies must look in the thread
// before posting (the gateway keeps only the first reply), while ordinary work does not.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { currentWork } from '../../src/infra/intake/context';
import { Intake } from '../../src/infra/intake/intake';
import { FileJournal } from '../../src/infra/intake/journal-file';
import { RedisStreamLog } from '../../src/infra/intake/journal-redis';
import { Sealer } from '../../src/infra/intake/sealed';
import { createLogger } from '../../src/infra/logger';
import { COMMAND_TIMEOUT_MS, createRedis, redisHealthy } from '../../src/infra/redis';
import { RedisProcess } from '../support/redis-process';
import { describeIf, NO_REDIS, REDIS_URL } from '../support/skip';

const d = describeIf(REDIS_URL !== undefined, NO_REDIS);

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

d('shared intake, Redis frozen while an append is on its way', () => {
  let server: RedisProcess;
  let redis: Redis;
  let reader: Redis;
  let dir: string;
  let journal: FileJournal;
  let intake: Intake;
  const logger = createLogger({ level: 'error', write: () => undefined });

  beforeAll(async () => {
    server = await RedisProcess.start();
    redis = createRedis(server.url, logger, 'state');
    reader = createRedis(server.url, logger, 'intake', {
      commandTimeoutMs: 1000 + COMMAND_TIMEOUT_MS,
      watch: false,
    });
    await Promise.all([redis.connect(), reader.connect()]);
    dir = mkdtempSync(join(tmpdir(), 'tfauth-intake-redis-'));
    journal = await FileJournal.open(dir);
    const stream = new RedisStreamLog(redis, reader, logger, { claimIdleMs: 60_000 });
    intake = new Intake(journal, new Sealer('xoxb-test'), logger, stream);
  });
  afterAll(async () => {
    server.thaw();
    await intake.stop();
    await intake.close();
    redis.disconnect();
    reader.disconnect();
    await server.down();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the local copy and the late stream copy both look in the thread; fresh work does not', async () => {
    const seen: Array<{ n: string; replayed: boolean; checkThread: boolean }> = [];
    intake.on('message', async (p) => {
      const work = currentWork();
      seen.push({
        n: (p as { n: string }).n,
        replayed: work?.replayed ?? false,
        checkThread: work?.checkThread ?? false,
      });
    });
    await intake.accept('message', { n: 'warm-up' }); // creates the group; read once started

    server.freeze();
    await intake.accept('message', { n: 'frozen' }); // acknowledged: journaled locally
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ n: 'frozen', replayed: false, checkThread: true }]);
    await until(() => !redisHealthy(redis)); // the XADD timed out: Redis is bypassed

    server.thaw(); // … and carries out the XADD it was sent
    await until(() => redisHealthy(redis));
    intake.start();
    await intake.accept('message', { n: 'fresh' });
    await until(() => seen.length === 4);
    expect(seen.filter((s) => s.n === 'frozen')).toEqual([
      { n: 'frozen', replayed: false, checkThread: true },
      { n: 'frozen', replayed: false, checkThread: true },
    ]);
    expect(seen.find((s) => s.n === 'fresh')).toEqual({
      n: 'fresh',
      replayed: false,
      checkThread: false,
    });
  });
});
