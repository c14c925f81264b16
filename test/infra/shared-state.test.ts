// Shared state on a real Redis: dedupe, per-channel turns and outcomes keep working when
// keys expire, when Redis goes away (in-process fallback, with a warning) and when it
// comes back (shared again, outcomes replayed).

import Redis from 'ioredis';
import { MemoryDedupe } from '../../src/infra/dedupe';
import { RedisDedupe } from '../../src/infra/dedupe-redis';
import { createLogger } from '../../src/infra/logger';
import { FileOutcomeStore } from '../../src/infra/outcomes-file';
import { RedisOutcomeStore } from '../../src/infra/outcomes-redis';
import { ResilientOutcomeStore } from '../../src/infra/outcomes-resilient';
import { runWork, type WorkContext } from '../../src/infra/intake/context';
import { createRedis } from '../../src/infra/redis';
import { RedisTurns } from '../../src/infra/shared-turns';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisProcess } from '../support/redis-process';
import { describeIf, NO_REDIS, REDIS_URL } from '../support/skip';

const d = describeIf(REDIS_URL !== undefined, NO_REDIS);

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

d('shared state on a real Redis', () => {
  let server: RedisProcess;
  let a: Redis;
  let b: Redis;
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', write: (l) => logs.push(l) });

  beforeAll(async () => {
    server = await RedisProcess.start();
    a = createRedis(server.url, logger, 'replica-a');
    b = createRedis(server.url, logger, 'replica-b');
    await Promise.all([a.connect(), b.connect()]);
  });
  afterAll(async () => {
    a.disconnect();
    b.disconnect();
    await server.down();
  });

  it('dedupe: two replicas claim a message once; an expired key can be claimed again', async () => {
    const ra = new RedisDedupe(
      a,
      new MemoryDedupe({ ttlMs: 60_000, maxEntries: 100 }),
      logger,
      200,
    );
    const rb = new RedisDedupe(
      b,
      new MemoryDedupe({ ttlMs: 60_000, maxEntries: 100 }),
      logger,
      200,
    );
    const claims = await Promise.all([
      ra.claim('T:C:1'),
      rb.claim('T:C:1'),
      ra.claim('T:C:1'),
      rb.claim('T:C:1'),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await rb.claim('T:C:1')).toBe(true); // the Redis key expired; replica b never saw it locally
  });

  it('dedupe: replicas back from an outage one after the other never both answer a message as sure', async () => {
    const dedupe = (client: Redis) =>
      new RedisDedupe(client, new MemoryDedupe({ ttlMs: 60_000, maxEntries: 100 }), logger, 60_000);
    const claimIn = async (d: RedisDedupe, key: string) => {
      const ctx: WorkContext = { replayed: false, checkThread: false, refused: false };
      const won = await runWork(ctx, () => d.claim(key));
      return { won, checkThread: ctx.checkThread };
    };
    const early = createRedis(server.url, logger, 'early');
    const late = createRedis(server.url, logger, 'late');
    await Promise.all([early.connect(), late.connect()]);
    const first = dedupe(early);
    const second = dedupe(late);
    try {
      await server.down();
      await until(() => early.status !== 'ready' && late.status !== 'ready');
      // Both decide alone; the second also claims a message it alone received.
      expect(await claimIn(first, 'T:C:both')).toEqual({ won: true, checkThread: true });
      expect(await claimIn(second, 'T:C:both')).toEqual({ won: true, checkThread: true });
      expect(await claimIn(second, 'T:C:second-only')).toEqual({ won: true, checkThread: true });

      // Redis returns empty; only the first replica reconnects (the second still waits to retry).
      late.disconnect();
      await server.up();
      await until(() => early.status === 'ready');
      // It wins the shared claim, but the second replica may be answering from memory: look first.
      expect(await claimIn(first, 'T:C:both')).toEqual({ won: true, checkThread: true });

      // The second replica returns and writes what it claimed alone into Redis.
      await late.connect();
      expect(await claimIn(second, 'T:C:next')).toEqual({ won: true, checkThread: true });
      expect((await claimIn(dedupe(early), 'T:C:second-only')).won).toBe(false);
    } finally {
      early.disconnect();
      late.disconnect();
    }
  });

  it('dedupe: once the grace after a return has passed, a claim won in Redis is sure again', async () => {
    let t = 0;
    const client = createRedis(server.url, logger, 'grace'); // not connected yet: Redis is away
    const d = new RedisDedupe(
      client,
      new MemoryDedupe({ ttlMs: 60_000, maxEntries: 100 }),
      logger,
      60_000,
      { recoveryGraceMs: 1000, now: () => t },
    );
    const claimIn = async (key: string) => {
      const ctx: WorkContext = { replayed: false, checkThread: false, refused: false };
      expect(await runWork(ctx, () => d.claim(key))).toBe(true);
      return ctx.checkThread;
    };
    try {
      expect(await claimIn('T:C:grace-away')).toBe(true);
      await client.connect();
      expect(await claimIn('T:C:grace-back')).toBe(true);
      t = 999;
      expect(await claimIn('T:C:grace-end')).toBe(true);
      t = 1000;
      expect(await claimIn('T:C:grace-over')).toBe(false);
    } finally {
      client.disconnect();
    }
  });

  it('turns: two replicas posting to one channel are spaced by the shared interval', async () => {
    const ta = new RedisTurns(a, logger, 1);
    const tb = new RedisTurns(b, logger, 1);
    const times: number[] = [];
    const started = Date.now();
    await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        await (i % 2 === 0 ? ta : tb).wait('C0SHARED');
        times.push(Date.now() - started);
      }),
    );
    times.sort((x, y) => x - y);
    // Four posts need at least three more windows after the first.
    expect(times[3]).toBeGreaterThanOrEqual(2000);
  });

  it('outcomes: a restart loses nothing recorded during the outage; dedupe and turns fall back and recover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfauth-shared-'));
    const store = new ResilientOutcomeStore(
      new RedisOutcomeStore(a),
      await FileOutcomeStore.open(dir),
      logger,
    );
    const dedupe = new RedisDedupe(
      a,
      new MemoryDedupe({ ttlMs: 60_000, maxEntries: 100 }),
      logger,
      60_000,
    );
    const turns = new RedisTurns(a, logger, 1);
    await store.record({ kind: 'diagnosed', classId: 'aws.sso_token', at: Date.now() });

    await server.down();
    await until(() => a.status !== 'ready');
    await store.record({ kind: 'fixed', classId: 'aws.sso_token', at: Date.now() });
    expect(store.health().ok).toBe(false);
    expect(await dedupe.claim('T:C:outage')).toBe(true); // in-process: still one reply per message
    expect(await dedupe.claim('T:C:outage')).toBe(false);
    await turns.wait('C0OUTAGE'); // in-process insurance limiter, no hang

    await server.up(); // empty: a restart without persistence
    await until(() => a.status === 'ready');
    const stats = await store.stats(1, Date.now());
    expect(stats.perClass).toEqual([
      expect.objectContaining({ classId: 'aws.sso_token', fixed: 1 }),
    ]);
    expect(store.health().ok).toBe(true);
    // Replayed into Redis: another replica, reading Redis alone, sees the fix from the outage.
    const replica = await new RedisOutcomeStore(a).stats(1, Date.now());
    expect(replica.perClass).toEqual([
      expect.objectContaining({ classId: 'aws.sso_token', fixed: 1 }),
    ]);
    expect(await dedupe.claim('T:C:after')).toBe(true);
    // Shared again: another replica's claim on the same message loses.
    const other = new RedisDedupe(
      a,
      new MemoryDedupe({ ttlMs: 60_000, maxEntries: 100 }),
      logger,
      60_000,
    );
    expect(await other.claim('T:C:after')).toBe(false);
  });
});
