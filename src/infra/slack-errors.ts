// How Web API failures are told apart. Only the pacer acts on them (one place for retries).

export type Failure =
  | { kind: 'rate_limited'; retryAfterSec: number }
  | { kind: 'server'; status: number }
  /** Reset, timeout, refused: the request may or may not have been processed. */
  | { kind: 'network' }
  /** Not worth retrying; `answered`: Slack itself said so (ok:false, an HTTP 4xx), not a local error. */
  | { kind: 'final'; error: string; answered: boolean };

export function classifyFailure(err: unknown): Failure {
  const e = err as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    message?: string;
    name?: string;
  };
  // The WebClient's timeout signal also covers reading the answer's body, after the status
  // came back: that abort reaches us unwrapped (a DOMException, `code` a number). Whether Slack
  // carried the call out is unknown, as for any timeout.
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return { kind: 'network' };
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate_limited', retryAfterSec: Math.max(1, Number(e.retryAfter) || 1) };
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 0) >= 500
        ? { kind: 'server', status: e.statusCode ?? 500 }
        : { kind: 'final', error: `http_${e.statusCode}`, answered: true };
    case 'slack_webapi_request_error':
      return { kind: 'network' };
    case 'slack_webapi_platform_error':
      // Slack answers some overload conditions with ok:false rather than a status code.
      return [
        'ratelimited',
        'internal_error',
        'fatal_error',
        'service_unavailable',
        'request_timeout',
      ].includes(e.data?.error ?? '')
        ? { kind: 'server', status: 200 }
        : { kind: 'final', error: e.data?.error ?? 'unknown', answered: true };
    default:
      return { kind: 'final', error: e?.message ?? String(err), answered: false };
  }
}
