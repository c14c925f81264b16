// The durable log behind intake: an entry is written before Slack is acknowledged and
// completed once its post succeeded or definitively failed.

export interface JournalEntry {
  id: string;
  kind: string;
  /** Sealed payload (see sealed.ts). */
  data: string;
  /** What the work already did that must not be done twice (see context.ts `sendOnce`). */
  marks?: string[];
}

export interface Journal {
  /** Resolves once the entry is durable. */
  append(kind: string, data: string): Promise<string>;
  /** Marks the entry done; it will not be replayed. */
  complete(id: string): Promise<void>;
  /** A replay of `id` starts: how many started before (durably counted). */
  replaying(id: string): Promise<number>;
  /** Durably notes that part of the entry's work was done (a private answer sent, an outcome recorded). */
  mark(id: string, mark: string): Promise<void>;
  /** The marks noted for `id` so far. */
  marks(id: string): Promise<string[]>;
}

/** When the entry was accepted (epoch ms): both logs' ids start with it (base 36 / decimal). */
export function acceptedAt(id: string): number | undefined {
  const head = id.split('-')[0] ?? '';
  const ms = /^\d+$/.test(head) ? Number(head) : parseInt(head, 36);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
