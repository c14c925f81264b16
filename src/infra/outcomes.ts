// What happened after a diagnosis: counted per day, class, credential source and step, so
// a team sees which failures it keeps hitting and which fixes work.

export type OutcomeKind = 'diagnosed' | 'fixed' | 'not_auth' | 'stuck' | 'escalated';

export interface OutcomeEvent {
  kind: OutcomeKind;
  classId: string;
  source?: string;
  /** Step id that fixed it, for `fixed` from the flow. */
  step?: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface ClassStats {
  classId: string;
  diagnosed: number;
  fixed: number;
  notAuth: number;
  stuck: number;
  escalated: number;
}

export interface StatsReport {
  days: number;
  perClass: ClassStats[];
  /** What fixed things, most frequent first. */
  fixes: Array<{ classId: string; source: string; step: string; count: number }>;
}

export interface OutcomeStore {
  record(event: OutcomeEvent): Promise<void>;
  stats(days: number, now: number): Promise<StatsReport>;
  health(): { ok: boolean; detail: string };
  close(): Promise<void>;
}

/** Day buckets: `YYYY-MM-DD` (UTC) → field → count. Both stores aggregate the same way. */
export type DayCounts = Map<string, Map<string, number>>;

export const RETENTION_DAYS = 90;

export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function fieldOf(e: OutcomeEvent): string {
  return [e.kind, e.classId, e.source ?? '', e.step ?? ''].join('|');
}

export function lastDays(days: number, now: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) out.push(dayOf(now - i * 86_400_000));
  return out;
}

const KIND_KEY: Record<OutcomeKind, keyof Omit<ClassStats, 'classId'>> = {
  diagnosed: 'diagnosed',
  fixed: 'fixed',
  not_auth: 'notAuth',
  stuck: 'stuck',
  escalated: 'escalated',
};

/** Sums day buckets into a report. */
export function summarize(buckets: Array<Map<string, number>>, days: number): StatsReport {
  const perClass = new Map<string, ClassStats>();
  const fixes = new Map<string, { classId: string; source: string; step: string; count: number }>();
  for (const bucket of buckets) {
    for (const [field, count] of bucket) {
      const [kind, classId = '', source = '', step = ''] = field.split('|');
      const key = KIND_KEY[kind as OutcomeKind];
      if (!key || !classId) continue;
      const s = perClass.get(classId) ?? {
        classId,
        diagnosed: 0,
        fixed: 0,
        notAuth: 0,
        stuck: 0,
        escalated: 0,
      };
      s[key] += count;
      perClass.set(classId, s);
      if (kind === 'fixed') {
        const id = `${classId}|${source}|${step}`;
        const f = fixes.get(id) ?? { classId, source, step, count: 0 };
        f.count += count;
        fixes.set(id, f);
      }
    }
  }
  return {
    days,
    perClass: [...perClass.values()].sort(
      (a, b) => b.diagnosed - a.diagnosed || a.classId.localeCompare(b.classId),
    ),
    fixes: [...fixes.values()].sort((a, b) => b.count - a.count).slice(0, 10),
  };
}

export function isOutcomeEvent(v: unknown): v is OutcomeEvent {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.kind === 'string' &&
    o.kind in KIND_KEY &&
    typeof o.classId === 'string' &&
    typeof o.at === 'number'
  );
}
