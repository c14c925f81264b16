// Outcome stores: the embedded file store, and Redis (real redis-server; runs when
// TFAUTH_TEST_REDIS_URL is set, as .ci/run does).

import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { FileOutcomeStore } from '../../src/infra/outcomes-file';
import { RedisOutcomeStore } from '../../src/infra/outcomes-redis';
import { retentionEnd, type OutcomeStore } from '../../src/infra/outcomes';
import { describeIf, NO_REDIS, REDIS_URL } from '../support/skip';

const DAY = 86_400_000;
// Noon (UTC) of the day the tests run: the Redis store expires day keys at absolute times and
// skips events already past retention by the wall clock, so a fixed date here made these tests
// fail once enough real days had passed.
const NOW = Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);

async function exercise(store: OutcomeStore): Promise<void> {
  await store.record({
    kind: 'diagnosed',
    classId: 'aws.sso_token',
    source: 'sso',
    at: NOW - 1000,
  });
  await store.record({ kind: 'diagnosed', classId: 'aws.sso_token', at: NOW - 2 * DAY });
  await store.record({
    kind: 'fixed',
    classId: 'aws.sso_token',
    source: 'sso',
    step: 'sso-login',
    at: NOW - 2 * DAY,
  });
  await store.record({ kind: 'not_auth', classId: 'aws.permission_denied', at: NOW - 10 * DAY });
  await store.record({
    kind: 'stuck',
    classId: 'aws.sso_token',
    source: 'sso',
    at: NOW - 40 * DAY,
  });
}

function expectWindows(
  week: Awaited<ReturnType<OutcomeStore['stats']>>,
  month: Awaited<ReturnType<OutcomeStore['stats']>>,
): void {
  expect(week.perClass).toEqual([
    { classId: 'aws.sso_token', diagnosed: 2, fixed: 1, notAuth: 0, stuck: 0, escalated: 0 },
  ]);
  expect(week.fixes).toEqual([
    { classId: 'aws.sso_token', source: 'sso', step: 'sso-login', count: 1 },
  ]);
  expect(month.perClass.map((c) => [c.classId, c.diagnosed, c.notAuth, c.stuck])).toEqual([
    ['aws.sso_token', 2, 0, 0],
    ['aws.permission_denied', 0, 1, 0],
  ]);
}

describe('FileOutcomeStore', () => {
  it('counts per class and outcome over 7 and 30 days, and survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfauth-out-'));
    const store = await FileOutcomeStore.open(dir, NOW);
    await exercise(store);
    expectWindows(await store.stats(7, NOW), await store.stats(30, NOW));
    await store.close();
    const reopened = await FileOutcomeStore.open(dir, NOW);
    expectWindows(await reopened.stats(7, NOW), await reopened.stats(30, NOW));
  });

  it('enforces TFAUTH_OUTCOME_DAYS: older records are neither counted nor kept on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfauth-out-'));
    const clock = () => NOW;
    const store = await FileOutcomeStore.open(dir, NOW, 30, clock);
    await store.record({ kind: 'diagnosed', classId: 'tfc.token', at: NOW - 29 * DAY });
    await store.record({ kind: 'diagnosed', classId: 'aws.sso_token', at: NOW - 31 * DAY });
    expect((await store.stats(365, NOW)).perClass.map((c) => c.classId)).toEqual(['tfc.token']);
    await store.close();
    // Ten days later the 29-day-old record is past retention too: reopening forgets it.
    const later = await FileOutcomeStore.open(dir, NOW + 10 * DAY, 30, () => NOW + 10 * DAY);
    expect((await later.stats(365, NOW + 10 * DAY)).perClass).toEqual([]);
    expect(readFileSync(join(dir, 'outcomes.jsonl'), 'utf8')).not.toContain('tfc.token');
  });

  it('skips a torn last line and drops events past retention when compacting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfauth-out-'));
    const file = join(dir, 'outcomes.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ kind: 'diagnosed', classId: 'aws.sso_token', at: NOW - 200 * DAY })}\n`,
    );
    appendFileSync(
      file,
      `${JSON.stringify({ kind: 'diagnosed', classId: 'tfc.token', at: NOW })}\n{"kind":"fix`,
    );
    const store = await FileOutcomeStore.open(dir, NOW);
    expect((await store.stats(30, NOW)).perClass.map((c) => c.classId)).toEqual(['tfc.token']);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describeIf(REDIS_URL !== undefined, NO_REDIS)('RedisOutcomeStore (real Redis)', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL as string, { lazyConnect: true });
    await redis.connect();
    const keys = await redis.keys('tfauth:outcomes:*');
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('aggregates the same way, shared by every replica, with expiring day keys', async () => {
    const a = new RedisOutcomeStore(redis);
    await exercise(a);
    const b = new RedisOutcomeStore(redis); // another replica
    expectWindows(await b.stats(7, NOW), await b.stats(30, NOW));
    const ttl = await redis.ttl(`tfauth:outcomes:${new Date(NOW).toISOString().slice(0, 10)}`);
    expect(ttl).toBeGreaterThan(80 * 86_400);
  });

  it('enforces TFAUTH_OUTCOME_DAYS: Redis forgets a day when its retention ends', async () => {
    const store = new RedisOutcomeStore(redis, 30);
    const now = Date.now();
    await store.record({ kind: 'diagnosed', classId: 'tfc.token', at: now - 29 * DAY });
    await store.record({
      kind: 'diagnosed',
      classId: 'github.bad_credentials',
      at: now - 31 * DAY,
    });
    const classes = (await new RedisOutcomeStore(redis, 365).stats(365, now)).perClass.map(
      (c) => c.classId,
    );
    expect(classes).toContain('tfc.token');
    expect(classes).not.toContain('github.bad_credentials');
  });

  it('a day is kept until the end of its last day of retention, in both stores', () => {
    expect(new Date(retentionEnd('2026-11-01', 30)).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
