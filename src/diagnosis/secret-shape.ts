// Whether a token looks like a credential rather than an identifier: shared by the generic
// pattern (a value assigned to a credential-named setting) and the last guard.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION = /(?:^|[^a-z])[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]{4,9}-\d(?:$|[^0-9])/;
const KEY_ID = /^(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|AGPA)[A-Z0-9]{12,}$/;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/**
 * A credential: at least 16 characters, hex with letters and digits, or upper, lower and digits
 * with the entropy of random base64. Not: UUIDs (request ids), access-key and unique ids,
 * anything with a region in it, numbers (account ids), words and paths.
 */
export function looksSecret(token: string): boolean {
  if (token.length < 16) return false;
  if (UUID.test(token) || KEY_ID.test(token) || REGION.test(token)) return false;
  if (/^[\d-]+$/.test(token)) return false;
  if (/^[0-9a-f]+$/i.test(token)) return /\d/.test(token) && /[a-f]/i.test(token);
  if (!(/[a-z]/.test(token) && /[A-Z]/.test(token) && /\d/.test(token))) return false;
  return entropy(token) >= 3.5;
}
