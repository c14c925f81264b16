// The embedded default: an append-only JSON-lines file that survives restarts. Fine for one
// replica; several replicas should share Redis (REDIS_URL).

import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dayOf,
  fieldOf,
  isOutcomeEvent,
  lastDays,
  RETENTION_DAYS,
  summarize,
  type DayBucket,
  type DayCounts,
  type OutcomeEvent,
  type OutcomeStore,
  type StatsReport,
} from './outcomes';

export class FileOutcomeStore implements OutcomeStore {
  private readonly counts: DayCounts = new Map();
  private writes: Promise<void> = Promise.resolve();
  private lastError: string | undefined;

  private constructor(
    private readonly file: string,
    private readonly retentionDays: number,
    private readonly clock: () => number,
  ) {}

  static async open(
    dir: string,
    now = Date.now(),
    retentionDays = RETENTION_DAYS,
    clock: () => number = Date.now,
  ): Promise<FileOutcomeStore> {
    await mkdir(dir, { recursive: true });
    const store = new FileOutcomeStore(join(dir, 'outcomes.jsonl'), retentionDays, clock);
    await store.load(now);
    return store;
  }

  /** Days before this one are past retention at `now` (their retentionEnd has passed). */
  private oldestKept(now: number): string {
    return dayOf(now - (this.retentionDays - 1) * 86_400_000);
  }

  private async load(now: number): Promise<void> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const oldest = this.oldestKept(now);
    const kept: string[] = [];
    let dropped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        dropped++; // a torn last line after a crash
        continue;
      }
      if (!isOutcomeEvent(event) || dayOf(event.at) < oldest) {
        dropped++;
        continue;
      }
      this.add(event);
      kept.push(line);
    }
    // Compact when there is enough to drop, so the file does not grow forever.
    if (dropped > 1000 || (dropped > 0 && dropped > kept.length)) {
      const tmp = `${this.file}.tmp`;
      await writeFile(tmp, kept.length > 0 ? `${kept.join('\n')}\n` : '');
      await rename(tmp, this.file);
    }
  }

  private add(e: OutcomeEvent): void {
    const day = dayOf(e.at);
    const bucket = this.counts.get(day) ?? new Map<string, number>();
    const field = fieldOf(e);
    bucket.set(field, (bucket.get(field) ?? 0) + 1);
    this.counts.set(day, bucket);
  }

  async record(event: OutcomeEvent): Promise<void> {
    if (dayOf(event.at) < this.oldestKept(this.clock())) return; // already past retention
    this.add(event);
    // Serialize appends so lines never interleave.
    this.writes = this.writes.then(() =>
      appendFile(this.file, `${JSON.stringify(event)}\n`).then(
        () => {
          this.lastError = undefined;
        },
        (err: unknown) => {
          this.lastError = (err as Error).message;
        },
      ),
    );
    await this.writes;
  }

  async stats(days: number, now: number): Promise<StatsReport> {
    const oldest = this.oldestKept(now);
    for (const day of this.counts.keys()) if (day < oldest) this.counts.delete(day);
    const buckets: DayBucket[] = [];
    for (const day of lastDays(Math.min(days, this.retentionDays), now)) {
      const counts = this.counts.get(day);
      if (counts) buckets.push({ day, counts });
    }
    return summarize(buckets, days);
  }

  health(): { ok: boolean; detail: string } {
    return this.lastError
      ? { ok: false, detail: `file store: ${this.lastError}` }
      : { ok: true, detail: `file ${this.file}` };
  }

  async close(): Promise<void> {
    await this.writes;
  }
}
