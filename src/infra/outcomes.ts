// What happened after a diagnosis: counted per day, class, credential source, step, deciding
// signature and channel, so a team sees which failures it keeps hitting and which fixes work,
// and the next answer can put first what fixed it here before (team memory).
//
// Privacy by construction: only these derived fields are stored, never pasted text, user ids
// or message ids (Slack's API terms forbid long-term copies of message content), and nothing
// outlives the retention period (TFAUTH_OUTCOME_DAYS).

export type OutcomeKind =
  'diagnosed' | 'fixed' | 'not_auth' | 'stuck' | 'escalated' | 'step_failed';

export interface OutcomeEvent {
  kind: OutcomeKind;
  classId: string;
  source?: string;
  /** Step id: what fixed it (`fixed`), or what was tried without fixing it (`step_failed`). */
  step?: string;
  /** The catalog signature that decided the class (`aws.sso_token/code`). */
  signature?: string;
  /** The Slack channel id the diagnosis was answered in. */
  channel?: string;
  /** Epoch milliseconds. */
  at: number;
}

/** What every store keeps, and nothing more: shown in /tfauth stats and App Home. */
export const STORED_FIELDS =
  'class, deciding signature, step, credential source, channel id, day and outcome — never pasted text';

export interface ClassStats {
  classId: string;
  diagnosed: number;
  fixed: number;
  notAuth: number;
  stuck: number;
  escalated: number;
}

export interface StepRecord {
  classId: string;
  step: string;
  fixed: number;
  failed: number;
  /** The last day (YYYY-MM-DD) this step fixed it. */
  lastFixed?: string;
}

export interface SignatureRecord {
  signature: string;
  classId: string;
  diagnosed: number;
  notAuth: number;
}

export interface StatsReport {
  days: number;
  perClass: ClassStats[];
  /** What fixed things, most frequent first. */
  fixes: Array<{ classId: string; source: string; step: string; count: number }>;
  /** Per class and step, workspace-wide: fixed, and tried without fixing it. */
  steps: StepRecord[];
  /** Signatures people marked "Not an auth error", most often first. */
  wrongSignatures: SignatureRecord[];
}

export interface OutcomeStore {
  record(event: OutcomeEvent): Promise<void>;
  stats(days: number, now: number): Promise<StatsReport>;
  health(): { ok: boolean; detail: string };
  close(): Promise<void>;
}

/** Day buckets: `YYYY-MM-DD` (UTC) → field → count. Both stores aggregate the same way. */
export type DayCounts = Map<string, Map<string, number>>;

/** Default of TFAUTH_OUTCOME_DAYS. */
export const RETENTION_DAYS = 90;

export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** When a day's records must be gone (epoch ms): the end of its last day of retention. */
export function retentionEnd(day: string, retentionDays: number): number {
  return Date.parse(`${day}T00:00:00Z`) + retentionDays * 86_400_000;
}

export function fieldOf(e: OutcomeEvent): string {
  return [e.kind, e.classId, e.source ?? '', e.step ?? '', e.signature ?? '', e.channel ?? ''].join(
    '|',
  );
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
  step_failed: 'stuck',
};

/** One day's counts: field (see fieldOf) → count. */
export interface DayBucket {
  day: string;
  counts: Map<string, number>;
}

/** Sums day buckets into a report. */
export function summarize(buckets: DayBucket[], days: number): StatsReport {
  const perClass = new Map<string, ClassStats>();
  const fixes = new Map<string, { classId: string; source: string; step: string; count: number }>();
  const steps = new Map<string, StepRecord>();
  const signatures = new Map<string, SignatureRecord>();
  const stepRecord = (classId: string, step: string): StepRecord => {
    const id = `${classId}|${step}`;
    const r = steps.get(id) ?? { classId, step, fixed: 0, failed: 0 };
    steps.set(id, r);
    return r;
  };
  for (const { day, counts } of buckets) {
    for (const [field, count] of counts) {
      const [kind, classId = '', source = '', step = '', signature = ''] = field.split('|');
      const key = KIND_KEY[kind as OutcomeKind];
      if (!key || !classId) continue;
      if (kind !== 'step_failed') {
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
      }
      if (kind === 'fixed' && step) {
        const id = `${classId}|${source}|${step}`;
        const f = fixes.get(id) ?? { classId, source, step, count: 0 };
        f.count += count;
        fixes.set(id, f);
      }
      if ((kind === 'fixed' || kind === 'step_failed') && step) {
        const r = stepRecord(classId, step);
        if (kind === 'fixed') {
          r.fixed += count;
          if (!r.lastFixed || day > r.lastFixed) r.lastFixed = day;
        } else r.failed += count;
      }
      if ((kind === 'diagnosed' || kind === 'not_auth') && signature) {
        const r = signatures.get(signature) ?? { signature, classId, diagnosed: 0, notAuth: 0 };
        if (kind === 'diagnosed') r.diagnosed += count;
        else r.notAuth += count;
        signatures.set(signature, r);
      }
    }
  }
  return {
    days,
    perClass: [...perClass.values()].sort(
      (a, b) => b.diagnosed - a.diagnosed || a.classId.localeCompare(b.classId),
    ),
    fixes: [...fixes.values()].sort((a, b) => b.count - a.count).slice(0, 10),
    steps: [...steps.values()],
    wrongSignatures: [...signatures.values()]
      .filter((r) => r.notAuth > 0)
      .sort((a, b) => b.notAuth - a.notAuth || a.signature.localeCompare(b.signature)),
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
