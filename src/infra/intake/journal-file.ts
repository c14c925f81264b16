// Embedded durable intake: an append-only file in TFAUTH_DATA_DIR. Each append is one
// JSON line; appends arriving together share one write and one fdatasync (group commit),
// so acknowledging a burst costs one disk flush, not one per event. Completions are
// tombstone lines written without waiting for the disk: one lost tombstone only means a
// replay, and a replay checks the thread before posting. The file is rewritten with just
// the pending entries once it is mostly tombstones.

import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Journal, JournalEntry } from './journal';

const FILE = 'intake.journal';

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class FileJournal implements Journal {
  private readonly pendingEntries = new Map<string, JournalEntry>();
  /** Replays started per entry, so an entry that crashes the process is not replayed forever. */
  private readonly tries = new Map<string, number>();
  private queue: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private lines = 0;
  private seq = 0;
  private broken: Error | undefined;
  /** Serializes batch writes and compaction (a compaction swaps the file handle). */
  private lock: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private handle: FileHandle,
    private readonly compactAfter: number,
  ) {}

  /** Opens (or creates) the journal and loads the entries a previous run left pending. */
  static async open(dir: string, compactAfter = 2000): Promise<FileJournal> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, FILE);
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const handle = await open(path, 'a');
    // End a torn last line, or the next append would be glued to it and lost with it.
    if (text.length > 0 && !text.endsWith('\n')) await handle.write('\n');
    const journal = new FileJournal(dir, handle, compactAfter);
    for (const line of text.split('\n')) {
      if (!line) continue;
      journal.lines++;
      let op: { op?: string; id?: string; kind?: string; data?: string; mark?: string };
      try {
        op = JSON.parse(line) as typeof op;
      } catch {
        continue; // a torn last line from a crash mid-write: that append was never acknowledged
      }
      if (op.op === 'add' && op.id && op.kind && op.data)
        journal.pendingEntries.set(op.id, { id: op.id, kind: op.kind, data: op.data });
      else if (op.op === 'try' && op.id)
        journal.tries.set(op.id, (journal.tries.get(op.id) ?? 0) + 1);
      else if (op.op === 'mark' && op.id && op.mark) {
        const entry = journal.pendingEntries.get(op.id);
        if (entry) entry.marks = [...(entry.marks ?? []), op.mark];
      } else if (op.op === 'done' && op.id) {
        journal.pendingEntries.delete(op.id);
        journal.tries.delete(op.id);
      }
    }
    return journal;
  }

  /** Entries not completed yet, oldest first. */
  pending(): JournalEntry[] {
    return [...this.pendingEntries.values()];
  }

  get size(): number {
    return this.pendingEntries.size;
  }

  health(): { ok: boolean; detail: string } {
    return this.broken
      ? { ok: false, detail: `journal not writable: ${this.broken.message}` }
      : { ok: true, detail: `${this.pendingEntries.size} pending` };
  }

  async append(kind: string, data: string): Promise<string> {
    const id = `${Date.now().toString(36)}-${process.pid.toString(36)}-${(this.seq++).toString(36)}`;
    // In the map first, so a compaction running meanwhile keeps it.
    this.pendingEntries.set(id, { id, kind, data });
    try {
      await this.write(JSON.stringify({ op: 'add', id, kind, data }));
    } catch (err) {
      this.pendingEntries.delete(id);
      throw err;
    }
    return id;
  }

  /** Records (durably) that a replay of `id` starts; returns how many replays started before. */
  async replaying(id: string): Promise<number> {
    const before = this.tries.get(id) ?? 0;
    this.tries.set(id, before + 1);
    await this.write(JSON.stringify({ op: 'try', id }));
    return before;
  }

  async mark(id: string, mark: string): Promise<void> {
    const entry = this.pendingEntries.get(id);
    if (!entry) return;
    entry.marks = [...(entry.marks ?? []), mark];
    await this.write(JSON.stringify({ op: 'mark', id, mark }));
  }

  marks(id: string): Promise<string[]> {
    return Promise.resolve([...(this.pendingEntries.get(id)?.marks ?? [])]);
  }

  async complete(id: string): Promise<void> {
    this.tries.delete(id);
    if (!this.pendingEntries.delete(id)) return;
    // Not awaited on purpose (see the header); failures surface through health().
    this.write(JSON.stringify({ op: 'done', id })).catch(() => undefined);
    if (this.lines > this.compactAfter && this.pendingEntries.size * 4 < this.lines)
      await this.exclusive(() => this.compact()).catch((err: unknown) => {
        this.broken = err as Error;
      });
  }

  private write(line: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** One write + one fdatasync for everything queued meanwhile. */
  private async flushLoop(): Promise<void> {
    // Let the appends of the same tick (a burst of events) join this flush.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.exclusive(async () => {
          await this.handle.write(batch.map((w) => w.line + '\n').join(''));
          await this.handle.datasync();
          this.lines += batch.length;
        });
        this.broken = undefined;
        for (const w of batch) w.resolve();
      } catch (err) {
        this.broken = err as Error;
        for (const w of batch) w.reject(err);
      }
    }
    this.flushing = undefined;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** Rewrites the file with only the pending entries (temp file, fsync, rename). */
  private async compact(): Promise<void> {
    if (this.pendingEntries.size * 4 >= this.lines) return; // another compaction did it
    const path = join(this.dir, FILE);
    const tmp = `${path}.tmp`;
    const out = await open(tmp, 'w');
    const entries = this.pending();
    try {
      const lines = entries.flatMap((e) => [
        JSON.stringify({ op: 'add', id: e.id, kind: e.kind, data: e.data }),
        ...Array.from({ length: this.tries.get(e.id) ?? 0 }, () =>
          JSON.stringify({ op: 'try', id: e.id }),
        ),
        ...(e.marks ?? []).map((mark) => JSON.stringify({ op: 'mark', id: e.id, mark })),
      ]);
      await out.write(lines.map((l) => l + '\n').join(''));
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(tmp, path);
    const dirHandle = await open(this.dir, 'r');
    await dirHandle.sync().finally(() => dirHandle.close());
    const old = this.handle;
    this.handle = await open(path, 'a');
    await old.close();
    this.lines = entries.length;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.exclusive(() => this.handle.close());
  }
}
