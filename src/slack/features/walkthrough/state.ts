// Flow state travels in button values, so any replica — or a restarted one — can handle
// any click. Values are signed (platform/signed-value.ts): a forged or tampered value is
// rejected, and old ones expire. Here: what the state holds and how it is checked.

import {
  CLASS_IDS,
  conditionsKey,
  PLATFORMS,
  type AuthClassId,
  type CredentialSource,
  type Diagnosis,
  type Guide,
} from '../../../diagnosis';
import { LIMITS } from '../../blocks/limits';
import { jsonPart, parseJsonPart, SignedValues } from '../../platform/signed-value';

export interface FlowState {
  /** Diagnosed class. */
  c: AuthClassId;
  /** Credential source chosen in the flow. */
  s?: CredentialSource;
  /** Index of the current step. */
  i?: number;
  /** Facts used to fill commands (template variables; never secrets). */
  x?: Record<string, string>;
  /** Signals that held for the paste. */
  g?: string[];
  /** Text conditions that held ('0'/'1' string, see Guide.held). */
  h?: string;
  /** Fingerprint of the catalog conditions `h` refers to. */
  k?: string;
  /** The diagnosis confidence (shown again when shared). */
  q?: number;
  /** Ids of the steps tried so far (for the "still stuck" summary). */
  d?: string[];
  /** The signature that decided the class (recorded with outcomes, for feedback on rules). */
  sg?: string;
  /** Owner: who pasted the error (Slack user id); they may act on its reply and walk-through. */
  o?: string;
  /** Walker: who started the walk-through; they may act on it too. */
  w?: string;
  /** The diagnosis reply's ts: outcomes and the walk-through count once per reply. */
  r?: string;
  /** Issued at, epoch seconds. */
  t: number;
}

export type DecodeResult =
  { ok: true; state: FlowState } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const USER = /^[UW][A-Z0-9]{2,30}$/;
const TS = /^\d{1,12}\.\d{1,8}$/;
const SOURCES = new Set<string>(
  Object.values(PLATFORMS).flatMap((p) => p.sources.map((x) => x.id)),
);

export class FlowCodec {
  private readonly values: SignedValues;
  private owner?: string;

  constructor(
    private readonly secret: string,
    private readonly now?: () => number,
  ) {
    this.values = new SignedValues(secret, 'flow-state', now);
  }

  /** The same codec, recording `user` as the owner of every state it encodes without one. */
  withOwner(user: string | undefined): FlowCodec {
    const codec = new FlowCodec(this.secret, this.now);
    if (user && USER.test(user)) codec.owner = user;
    return codec;
  }

  encode(state: Omit<FlowState, 't'> & { t?: number }): string {
    const full: FlowState = {
      ...(this.owner ? { o: this.owner } : {}),
      ...state,
      t: state.t ?? this.values.now(),
    };
    let value = this.sign(full);
    // Stay inside Slack's button value limit: drop the least useful parts first.
    if (value.length > LIMITS.buttonValue) value = this.sign({ ...full, d: full.d?.slice(-5) });
    if (value.length > LIMITS.buttonValue)
      value = this.sign({ ...full, d: undefined, g: undefined });
    if (value.length > LIMITS.buttonValue)
      value = this.sign({ ...full, d: undefined, g: undefined, x: undefined });
    return value;
  }

  /** The state a diagnosis starts its flow with. */
  static start(d: Diagnosis): Omit<FlowState, 't'> {
    if (d.classId === 'none' || !d.guide) throw new Error('no flow for a none diagnosis');
    return {
      c: d.classId,
      ...(d.facts.credentialSource ? { s: d.facts.credentialSource } : {}),
      x: d.guide.vars,
      g: d.guide.signals,
      h: d.guide.held,
      ...(d.guide.key ? { k: d.guide.key } : {}),
      q: d.confidence,
      ...(d.signatureId ? { sg: d.signatureId } : {}),
    };
  }

  /** The guide a state carries (what the engine needs to rebuild advice). */
  static guide(state: FlowState): Guide {
    return {
      vars: state.x ?? {},
      signals: state.g ?? [],
      held: state.h ?? '',
      ...(state.k ? { key: state.k } : {}),
    };
  }

  decode(value: unknown): DecodeResult {
    const opened = this.values.open(value, LIMITS.buttonValue * 2);
    if (!opened.ok) return opened;
    const state = validate(parseJsonPart(opened.body));
    if (!state) return { ok: false, reason: 'malformed' };
    if (this.values.expired(state.t)) return { ok: false, reason: 'expired' };
    // The catalog changed since the button was made: its recorded conditions mean something else now.
    if (state.k !== undefined && state.k !== conditionsKey(state.c))
      return { ok: false, reason: 'expired' };
    return { ok: true, state };
  }

  private sign(state: FlowState): string {
    return this.values.sign(jsonPart(state));
  }
}

function validate(v: unknown): FlowState | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.c !== 'string' || !(CLASS_IDS as readonly string[]).includes(o.c)) return undefined;
  if (typeof o.t !== 'number' || !Number.isFinite(o.t)) return undefined;
  if (o.s !== undefined && (typeof o.s !== 'string' || !SOURCES.has(o.s))) return undefined;
  if (o.i !== undefined && (!Number.isInteger(o.i) || (o.i as number) < 0 || (o.i as number) > 100))
    return undefined;
  if (o.x !== undefined && !isStringRecord(o.x)) return undefined;
  if (o.g !== undefined && !isStringArray(o.g)) return undefined;
  if (o.d !== undefined && !isStringArray(o.d)) return undefined;
  if (o.h !== undefined && (typeof o.h !== 'string' || !/^[01]{0,64}$/.test(o.h))) return undefined;
  if (o.k !== undefined && typeof o.k !== 'string') return undefined;
  if (o.q !== undefined && (typeof o.q !== 'number' || o.q < 0 || o.q > 1)) return undefined;
  if (o.sg !== undefined && (typeof o.sg !== 'string' || !/^[\w.\-/]{1,100}$/.test(o.sg)))
    return undefined;
  for (const user of [o.o, o.w])
    if (user !== undefined && !(typeof user === 'string' && USER.test(user))) return undefined;
  if (o.r !== undefined && !(typeof o.r === 'string' && TS.test(o.r))) return undefined;
  return o as unknown as FlowState;
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'string')
  );
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
