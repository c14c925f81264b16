// Answers that cannot be looked up afterwards — response_url posts (private answers to
// /tfauth, the shortcut, clicks, the paste box) — are sent at most once per journal entry: a
// replay after the send skips it (infra/intake/context.ts `sendOnce`). A replay after the
// url's 30 minutes does not post at all: the answer is dropped with a log line saying how old
// the request was.

import { sendOnce, workAge } from '../../infra/intake/context';

type Fetch = typeof fetch;

/** Slack accepts posts to a response_url for 30 minutes (and 5 of them). */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

/** Web API calls go to `<api url>/<method>`; a response_url is any other POST. */
function isWebApiCall(url: string): boolean {
  try {
    return /\/api\/[a-z]+(\.[A-Za-z]+)+$/.test(new URL(url).pathname);
  } catch {
    return true;
  }
}

function urlOf(input: Parameters<Fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** Thrown instead of posting to an expired response_url: the caller's error path logs it. */
export class ResponseUrlExpired extends Error {
  constructor(readonly ageMs: number) {
    super(
      `response_url expired: the request was acknowledged ${Math.round(ageMs / 60_000)} min ago (Slack allows 30); answer dropped`,
    );
  }
}

export function replayOnce(fetchFn: Fetch): Fetch {
  return (input, init) => {
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST' || isWebApiCall(urlOf(input)))
      return fetchFn(input, init);
    const age = workAge();
    if (age !== undefined && age > RESPONSE_URL_TTL_MS)
      return Promise.reject(new ResponseUrlExpired(age));
    return sendOnce(
      'response_url',
      async () => {
        const res = await fetchFn(input, init);
        // Only a post Slack took counts as sent; a refused one may be tried again.
        if (!res.ok) throw new ResponseUrlRefused(res);
        return res;
      },
      () => new Response(null, { status: 200 }),
    ).catch((err: unknown) => {
      if (err instanceof ResponseUrlRefused) return err.response;
      throw err;
    });
  };
}

class ResponseUrlRefused extends Error {
  constructor(readonly response: Response) {
    super(`response_url answered HTTP ${response.status}`);
  }
}
