// response_urls: where Slack lets an interaction answer (privately or in the channel) for
// 30 minutes. Only Slack's own hosts are ever posted to.

import { outgoingFetch } from './outgoing';

/** response_urls come from Slack payloads; refuse anything that is not Slack (or the configured API host in tests). */
export function isSlackResponseUrl(url: string, apiUrl: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && /(^|\.)slack(-gov)?\.com$/.test(u.hostname)) return true;
    return u.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

export async function postToResponseUrl(
  url: string,
  payload: Record<string, unknown>,
  fetchFn: typeof fetch = outgoingFetch,
): Promise<void> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}
