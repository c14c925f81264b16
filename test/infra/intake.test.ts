// The durable intake's parts on their own: the journal file survives reopening (and a torn
// last line), group commit keeps every concurrent append, compaction keeps what is pending,
// sealed payloads open only with the same key, and post spacing counts from post starts (or
// from the arrival Slack's ts proves).

import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doOnce, sendOnce } from '../../src/infra/intake/context';
import Redis from 'ioredis';
import { Intake } from '../../src/infra/intake/intake';
import { RedisStreamLog } from '../../src/infra/intake/journal-redis';
import { describeIf, NO_REDIS, REDIS_URL } from '../support/skip';
import { FileJournal } from '../../src/infra/intake/journal-file';
import { createLogger } from '../../src/infra/logger';
import { Sealer } from '../../src/infra/intake/sealed';
import { PostSpacing } from '../../src/infra/post-spacing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tfauth-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FileJournal', () => {
  it('replays what was appended and not completed, in order, after a reopen', async () => {
    const j = await FileJournal.open(dir);
    const a = await j.append('message', 'A');
    const b = await j.append('message', 'B');
    await j.append('message', 'C');
    await j.complete(b);
    await j.close();
    const again = await FileJournal.open(dir);
    expect(again.pending().map((e) => e.data)).toEqual(['A', 'C']);
    expect(again.pending()[0]?.id).toBe(a);
    await again.close();
  });

  it('keeps all of 500 concurrent appends (group commit)', async () => {
    const j = await FileJournal.open(dir);
    const ids = await Promise.all(
      Array.from({ length: 500 }, (_, i) => j.append('message', `p${i}`)),
    );
    expect(new Set(ids).size).toBe(500);
    await j.close();
    const again = await FileJournal.open(dir);
    expect(again.size).toBe(500);
    await again.close();
  });

  it('ignores a torn last line (a crash mid-write, never acknowledged)', async () => {
    const j = await FileJournal.open(dir);
    await j.append('message', 'kept');
    await j.close();
    appendFileSync(join(dir, 'intake.journal'), '{"op":"add","id":"x","kin');
    const again = await FileJournal.open(dir);
    expect(again.pending().map((e) => e.data)).toEqual(['kept']);
    await again.append('message', 'after');
    await again.close();
    const third = await FileJournal.open(dir);
    expect(third.pending().map((e) => e.data)).toContain('after');
    await third.close();
  });

  it('compacts when mostly completed, keeping pending entries and appends made meanwhile', async () => {
    const j = await FileJournal.open(dir, 50);
    const keep = await j.append('message', 'keep');
    for (let i = 0; i < 100; i++) await j.complete(await j.append('message', `done${i}`));
    const late = Promise.all([j.append('message', 'late1'), j.append('message', 'late2')]);
    for (let i = 0; i < 100; i++) await j.complete(await j.append('message', `more${i}`));
    await late;
    await j.close();
    const again = await FileJournal.open(dir);
    expect(again.pending().map((e) => e.data)).toEqual(['keep', 'late1', 'late2']);
    expect(again.pending()[0]?.id).toBe(keep);
    await again.close();
  });
});

describe('Intake replay', () => {
  const sealer = new Sealer('xoxb-test');
  const logger = createLogger({ level: 'error', write: () => undefined });

  /** Starts an intake on the journal and returns the payloads its handler was given. */
  async function replayOnce(): Promise<string[]> {
    const journal = await FileJournal.open(dir);
    const intake = new Intake(journal, sealer, logger);
    const seen: string[] = [];
    intake.on('message', async (p) => {
      seen.push((p as { n: string }).n);
      throw new Error('final failure'); // done, as failed for good
    });
    const handled = new Promise<void>((resolve) => setTimeout(resolve, 50));
    intake.start();
    await handled;
    await intake.close();
    return seen;
  }

  it('replays a left entry, and gives up on one replayed too often (it may be what crashes the bot)', async () => {
    const journal = await FileJournal.open(dir);
    await journal.append('message', sealer.seal({ n: 'poison' }));
    for (let i = 0; i < 3; i++) await journal.replaying(journal.pending()[0]?.id as string);
    await journal.append('message', sealer.seal({ n: 'fine' }));
    await journal.close();
    expect(await replayOnce()).toEqual(['fine']);
    // Both are done now: the poison one given up, the other completed (as failed).
    const after = await FileJournal.open(dir);
    expect(after.size).toBe(0);
    await after.close();
  });
});

describe('Sends and records done once per entry (marks)', () => {
  const sealer = new Sealer('xoxb-test');
  const logger = createLogger({ level: 'error', write: () => undefined });

  /**
   * One run of the bot on the journal: its handler sends twice and records once, and stops
   * for good (a crash: the entry is never completed) at `crashAt`.
   */
  async function run(
    crashAt: 'after-first-send' | 'after-record' | 'never',
    log: string[],
  ): Promise<void> {
    const journal = await FileJournal.open(dir);
    const intake = new Intake(journal, sealer, logger);
    let finished!: () => void;
    const ran = new Promise<void>((resolve) => (finished = resolve));
    const never = new Promise<void>(() => undefined);
    intake.on('interaction', async () => {
      await sendOnce(
        'response_url',
        async () => log.push('answer'),
        () => 0,
      );
      if (crashAt === 'after-first-send') return (finished(), never);
      await doOnce('outcome', async () => void log.push('record'));
      if (crashAt === 'after-record') return (finished(), never);
      await sendOnce(
        'response_url',
        async () => log.push('delete original'),
        () => 0,
      );
      finished();
    });
    intake.start();
    await ran;
    if (crashAt === 'never') await new Promise((r) => setTimeout(r, 20)); // completes
    await intake.close();
  }

  it('a replay skips the sends and the record the crashed run had done, and does the rest', async () => {
    const j = await FileJournal.open(dir);
    await j.append('interaction', sealer.seal({}));
    await j.close();
    const log: string[] = [];
    await run('after-first-send', log);
    await run('after-record', log);
    await run('never', log);
    expect(log).toEqual(['answer', 'record', 'delete original']);
    const after = await FileJournal.open(dir);
    expect(after.size).toBe(0);
    await after.close();
  });

  it('marks survive a compaction of the journal', async () => {
    const j = await FileJournal.open(dir, 10);
    const id = await j.append('interaction', sealer.seal({}));
    await j.mark(id, 'response_url#0');
    for (let i = 0; i < 30; i++) await j.complete(await j.append('message', `m${i}`));
    await j.close();
    const again = await FileJournal.open(dir);
    expect(await again.marks(id)).toEqual(['response_url#0']);
    await again.close();
  });
});

describeIf(REDIS_URL !== undefined, NO_REDIS)('Marks in the Redis Stream log', () => {
  it('are kept beside the entry for whichever replica replays it, and go with its completion', async () => {
    const redis = new Redis(REDIS_URL as string);
    const logger = createLogger({ level: 'error', write: () => undefined });
    const stream = `tfauth:test:marks:${process.pid}:${Date.now()}`;
    const a = new RedisStreamLog(redis, redis, logger, { stream, claimIdleMs: 1000 });
    const b = new RedisStreamLog(redis, redis, logger, { stream, claimIdleMs: 1000 });
    try {
      const id = await a.append('interaction', 'sealed');
      await a.mark(id, 'response_url#0');
      await a.mark(id, 'once:outcome');
      expect((await b.marks(id)).sort()).toEqual(['once:outcome', 'response_url#0']);
      await b.complete(id);
      expect(await a.marks(id)).toEqual([]);
    } finally {
      await redis.del(stream);
      redis.disconnect();
    }
  });
});

describe('Sealer', () => {
  it('opens what it sealed, hides the text, and refuses another key', () => {
    const sealer = new Sealer('xoxb-one');
    const sealed = sealer.seal({ text: 'AWS_SECRET_ACCESS_KEY=abc123' });
    expect(sealed).not.toContain('abc123');
    expect(sealer.open(sealed)).toEqual({ text: 'AWS_SECRET_ACCESS_KEY=abc123' });
    expect(new Sealer('xoxb-two').open(sealed)).toBeUndefined();
  });
});

describe('PostSpacing', () => {
  /** Posts `count` times in channel C, each taking `rtt` ms, each as soon as allowed. */
  function steady(s: PostSpacing, clock: { now: number }, count: number, rtt: number): void {
    for (let i = 0; i < count; i++) {
      clock.now += s.waitFor('C');
      s.started('C');
      clock.now += rtt;
      s.finished('C', true);
    }
  }

  it('counts from the answer until a few round trips are known', () => {
    const clock = { now: 0 };
    const s = new PostSpacing(1000, () => clock.now);
    steady(s, clock, 1, 200);
    expect(s.waitFor('C')).toBe(s.spacing);
  });

  it('then counts from the previous start when round trips are steady', () => {
    const clock = { now: 0 };
    const s = new PostSpacing(1000, () => clock.now);
    steady(s, clock, 6, 200);
    expect(s.waitFor('C')).toBe(s.spacing - 200);
  });

  it('counts from the answer minus the shortest round trip when a send was delayed', () => {
    const clock = { now: 0 };
    const s = new PostSpacing(1000, () => clock.now);
    steady(s, clock, 6, 10); // shortest round trip: 10 ms
    clock.now += s.waitFor('C');
    const start = clock.now;
    s.started('C');
    clock.now += 500; // this one took 500 ms: it may have reached Slack as late as start + 490
    s.finished('C', true);
    expect(clock.now + s.waitFor('C')).toBeGreaterThanOrEqual(start + 490 + 1000);
  });

  /** Slack's ts for a message that arrived at `at` on our clock (Slack's clock runs `skew` ahead). */
  const tsAt = (at: number, skew: number) => {
    const micros = Math.round((at + skew) * 1000);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  };

  /** One post: `there` ms to reach Slack, answer read `back` ms later, with Slack's ts `ts(arrival)`. */
  function post(
    s: PostSpacing,
    clock: { now: number },
    there: number,
    back: number,
    ts: (arrived: number) => string,
  ): { start: number; arrived: number } {
    clock.now += s.waitFor('C');
    const start = clock.now;
    s.started('C');
    const arrived = (clock.now += there);
    clock.now += back;
    s.finished('C', true, ts(arrived));
    return { start, arrived };
  }

  it('counts from the arrival Slack’s ts proves when an answer was read late, whatever the clocks’ offset', () => {
    for (const skew of [-3_600_000, 0, 7_000]) {
      const clock = { now: 1_800_000_000_000 };
      const s = new PostSpacing(1000, () => clock.now);
      for (let i = 0; i < 6; i++) post(s, clock, 5, 5, (at) => tsAt(at, skew));
      const { arrived } = post(s, clock, 5, 400, (at) => tsAt(at, skew)); // read 400 ms late
      const next = clock.now + s.waitFor('C');
      expect(next).toBeGreaterThanOrEqual(arrived + 1000);
      // Without the ts: the answer minus the shortest round trip, 390 ms later.
      expect(next).toBeLessThanOrEqual(arrived + 1000 + s.slackMargin + 5);
    }
  });

  it('takes no older ts for the post’s own (a reply found in the thread); a late ts only bounds it', () => {
    const clock = { now: 1_800_000_000_000 };
    const s = new PostSpacing(1000, () => clock.now);
    for (let i = 0; i < 6; i++) post(s, clock, 5, 5, (at) => tsAt(at, 0));
    // Sent late (arrived 495 ms after its start), answered with a ts from a minute ago.
    const late = post(s, clock, 495, 5, () => tsAt(clock.now - 60_000, 0));
    expect(clock.now + s.waitFor('C')).toBeGreaterThanOrEqual(late.arrived + 1000);
    // Slack held the post 300 ms before giving it a ts: never later than without the ts.
    const held = post(s, clock, 5, 310, (at) => tsAt(at + 300, 0));
    const next = clock.now + s.waitFor('C');
    expect(next).toBeGreaterThanOrEqual(held.arrived + 1000);
    expect(next).toBeLessThanOrEqual(held.start + 315 + s.spacing - 10);
  });
});
