// Times in clock-skew and expiry messages, and the skew they imply. The engine never reads
// the clock: every time here comes from the paste.

import { search } from '../text-util';
import type { ClockFacts } from '../types';

/** `20161024T215820Z` → `2016-10-24T21:58:20Z`. */
function basicToIso(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

function toIso(stamp: string): string | undefined {
  const s = /^\d{8}T\d{6}Z$/.test(stamp) ? basicToIso(stamp) : stamp.replace(' ', 'T');
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : undefined;
}

function seconds(a: string, b: string): number {
  return Math.round((Date.parse(a) - Date.parse(b)) / 1000);
}

/**
 * A log line's own time, with its zone (logrus `time="…Z"`, a line starting with an ISO time):
 * the clock of the machine that logged, at about when the error came back.
 */
const LOG_TIME =
  /(?:\btime="|^|\n)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d))/g;

/** The last zone-qualified log time before `index` (the error's position). */
function logTimeBefore(flat: string, index: number): string | undefined {
  let last: string | undefined;
  for (const m of flat.slice(0, index).matchAll(LOG_TIME)) last = m[1];
  return last === undefined ? undefined : toIso(last);
}

export function clockFacts(flat: string): ClockFacts | undefined {
  // SigV4: `Signature expired: <request> is now earlier than <server - tolerance> (<server> - 5 min.)`
  const sig = search(
    /Signature expired: (\d{8}T\d{6}Z) is now earlier than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) - (\d{1,3}) min\.?\)/,
    flat,
  );
  if (sig?.[1] && sig[2]) {
    const requestTime = basicToIso(sig[1]);
    const serverTime = basicToIso(sig[2]);
    const logTime = logTimeBefore(flat, sig.index);
    return {
      requestTime,
      serverTime,
      skewSeconds: seconds(requestTime, serverTime),
      toleranceMinutes: Number(sig[3]),
      ...(logTime ? { logTime } : {}),
    };
  }
  // S3 RequestTimeTooSkewed carries both times in its XML body.
  const s3Req = search(/<RequestTime>([^<]{8,40})<\/RequestTime>/, flat)?.[1];
  const s3Srv = search(/<ServerTime>([^<]{8,40})<\/ServerTime>/, flat)?.[1];
  if (s3Req && s3Srv) {
    const requestTime = toIso(s3Req);
    const serverTime = toIso(s3Srv);
    if (requestTime && serverTime)
      return { requestTime, serverTime, skewSeconds: seconds(requestTime, serverTime) };
  }
  // Entra ID AADSTS700024: `Current time: X, assertion valid from Y, expiry time of assertion Z`.
  const aad = search(
    /Current time: ([\d:. TZ-]{16,30}), assertion valid from ([\d:. TZ-]{16,30}), expiry time of assertion ([\d:. TZ-]{16,30})/,
    flat,
  );
  if (aad?.[1] && aad[2] && aad[3]) {
    const serverTime = toIso(aad[1].trim());
    const validFrom = toIso(aad[2].trim());
    const expiresAt = toIso(aad[3].trim());
    if (serverTime && validFrom)
      return { serverTime, requestTime: validFrom, ...(expiresAt ? { expiresAt } : {}) };
  }
  const expired = search(
    /(?:expired at|expiration:?|expiresAt"?:?) ?"?(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?)/i,
    flat,
  )?.[1];
  if (expired) {
    const expiresAt = toIso(expired);
    if (expiresAt) return { expiresAt };
  }
  return undefined;
}
