/**
 * Offline facts about AWS access-key ids and unique-id prefixes.
 *
 * Pure functions only: nothing here talks to AWS, so it is safe to run on
 * strings pulled out of a user's paste.
 */

import type { AccessKeyFact, AccessKeyKind } from './types';

export type KeyKindName = AccessKeyKind;

export interface KeyKind {
  /** The prefix that matched: four characters, or `A3T` for legacy keys. */
  prefix: string;
  kind: KeyKindName;
  description: string;
}

// Prefix table from the IAM User Guide, "Understanding unique ID prefixes":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes
const PREFIXES: Readonly<Record<string, Omit<KeyKind, 'prefix'>>> = {
  ABIA: { kind: 'bearer-token', description: 'AWS STS service bearer token' },
  ACCA: { kind: 'context-specific', description: 'Context-specific credential' },
  AGPA: { kind: 'unique-id', description: 'IAM user group (unique id, not a credential)' },
  AIDA: { kind: 'unique-id', description: 'IAM user (unique id, not a credential)' },
  AIPA: {
    kind: 'unique-id',
    description: 'Amazon EC2 instance profile (unique id, not a credential)',
  },
  AKIA: { kind: 'long-term', description: 'Long-term access key of an IAM user or root user' },
  ANPA: { kind: 'unique-id', description: 'Managed policy (unique id, not a credential)' },
  ANVA: {
    kind: 'unique-id',
    description: 'Version of a managed policy (unique id, not a credential)',
  },
  APKA: { kind: 'public-key', description: 'Public key (e.g. CloudFront key pair)' },
  AROA: { kind: 'unique-id', description: 'IAM role (unique id, not a credential)' },
  ASCA: { kind: 'certificate', description: 'Certificate' },
  ASIA: {
    kind: 'temporary',
    description: 'Temporary access key from AWS STS (needs a session token)',
  },
};

// `A3T` + one character: very old key ids, still matched by secret scanners
// (e.g. the trufflehog / git-secrets AWS key regexes).
const LEGACY: Omit<KeyKind, 'prefix'> = {
  kind: 'legacy',
  description: 'Legacy access key id (A3T prefix, predates the current format)',
};

/** Kinds that are credentials (something that can sign a request). */
const CREDENTIAL_KINDS: ReadonlySet<KeyKindName> = new Set<KeyKindName>([
  'long-term',
  'temporary',
  'bearer-token',
  'context-specific',
  'legacy',
]);

/** Identify what an id is from its prefix; `undefined` for unknown prefixes. */
export function keyKind(id: string): KeyKind | undefined {
  if (typeof id !== 'string') return undefined;
  if (id.startsWith('A3T') && id.length >= 4) return { prefix: 'A3T', ...LEGACY };
  const prefix = id.slice(0, 4);
  const entry = PREFIXES[prefix];
  return entry ? { prefix, ...entry } : undefined;
}

/**
 * True for a 20-character `[A-Z0-9]` string whose prefix is a credential
 * prefix (AKIA, ASIA, ABIA, ACCA, A3T…). Unique ids such as AROA/AIDA are not
 * access keys (and are 21 characters long in practice).
 */
export function isAccessKeyId(s: string): boolean {
  if (typeof s !== 'string' || !/^[A-Z0-9]{20}$/.test(s)) return false;
  const kind = keyKind(s);
  return kind !== undefined && CREDENTIAL_KINDS.has(kind.kind);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MAX_ACCOUNT_ID = 999_999_999_999n;

/**
 * Heuristic: the AWS account id encoded in a (new-generation) key id.
 *
 * Not documented by AWS. Sources:
 *  - Aidan Steele, https://awsteele.com/blog/2020/09/26/aws-access-key-format.html
 *  - Tal Be'ery, https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489
 *  - WithSecure Labs, https://labs.withsecure.com/publications/a-bitwise-analysis-of-aws-access-key-identifiers.html
 *
 * The 16 characters after the prefix are RFC 4648 base32. Of the decoded bits,
 * the first is a "generation" flag and the next 40 are the account number:
 * account = (first 48 bits & 0x7fffffffff80) >> 7. Old-generation ids (flag 0,
 * i.e. 5th character A–P — in practice the `AKIAI…`/`AKIAJ…` keys, including the
 * docs' AKIAIOSFODNN7EXAMPLE) have no known decoding, so they return undefined.
 * Never throws; returns undefined for anything that is not a decodable id.
 */
export function accountIdFromKeyId(id: string): string | undefined {
  if (typeof id !== 'string' || id.length !== 20) return undefined;
  const kind = keyKind(id);
  if (!kind || kind.kind === 'legacy') return undefined;
  const digits = base32Digits(id.slice(4));
  // Digit 0's top bit is the generation flag; < 16 means old generation.
  if (!digits || (digits[0] ?? 0) < 16) return undefined;
  // 10 base32 digits = 50 bits; drop 2 to get the first 48 (6 bytes).
  let value = 0n;
  for (const d of digits.slice(0, 10)) value = (value << 5n) | BigInt(d);
  const first48 = value >> 2n;
  const account = (first48 & 0x7fffffffff80n) >> 7n;
  // 40 bits reach 1.1e12; account ids stop at 12 digits, so larger is not a real key.
  if (account > MAX_ACCOUNT_ID) return undefined;
  return account.toString().padStart(12, '0');
}

function base32Digits(s: string): number[] | undefined {
  const out: number[] = [];
  for (const ch of s) {
    const d = BASE32.indexOf(ch);
    if (d < 0) return undefined;
    out.push(d);
  }
  return out;
}

/**
 * Safe-to-log form of a key id: prefix + `…` + last 4 (`AKIA…MPLE`).
 * Short inputs keep at most their first 4 characters so little is revealed.
 */
export function maskKeyId(id: string): string {
  if (typeof id !== 'string') return '…';
  if (id.length < 12) return `${id.slice(0, Math.min(4, Math.floor(id.length / 2)))}…`;
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** Ids with a known prefix, as they appear in pastes and debug logs (`Credential=AKIA…/…`). */
export const KEY_ID_PATTERN =
  /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ASCA)[A-Z0-9]{16}\b/g;

/**
 * Credential key ids (AKIA, ASIA, …) in a text, unmasked, in order of appearance, at most
 * `max`. A key id names a key — it is not a secret (AWS's GetAccessKeyInfo takes only the
 * id) — so these may be looked up; secrets are never part of what this returns.
 */
export function credentialKeyIds(text: string, max = 5): string[] {
  const out: string[] = [];
  if (typeof text !== 'string') return out;
  const re = new RegExp(KEY_ID_PATTERN.source, 'g');
  for (let m = re.exec(text); m !== null && out.length < max; m = re.exec(text))
    if (isAccessKeyId(m[0]) && !out.includes(m[0])) out.push(m[0]);
  return out;
}

/** The engine's view of an id found in a paste: masked, with its kind and decoded account. */
export function describeKeyId(id: string): AccessKeyFact | undefined {
  const kind = keyKind(id);
  if (!kind) return undefined;
  const accountId = kind.kind === 'unique-id' ? undefined : accountIdFromKeyId(id);
  return {
    masked: maskKeyId(id),
    prefix: kind.prefix,
    kind: kind.kind,
    description: kind.description,
    ...(accountId ? { accountId } : {}),
  };
}
