// The last guard over every body the bot sends to Slack, in one place: the fetch that all of
// them go through. Bolt's WebClient sends every Web API call with it (replies, ephemeral
// warnings, updates, DMs, views.open/publish, escalations) and Bolt's respond() posts to
// response_urls with it (`/tfauth`, the message shortcut, clicks); the paste box's own
// response_url post uses it too (response-url.ts). Each body is read as Slack reads it — a form
// whose fields may hold JSON (blocks, view, attachments), or JSON — and every string in it
// goes through the last guard (diagnosis/last-guard), except Slack's machine fields (ids,
// timestamps, button values). A body the guard leaves as it was is sent byte for byte.

import { guardSlackArgs } from '../../diagnosis';
import { replayOnce } from './replay-once';

type Fetch = typeof fetch;

/** Slack reads these form fields as JSON when they hold an object or an array. */
const looksJson = (value: string): boolean => /^\s*[[{]/.test(value);

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** One field of a Web API form: its text guarded, or its JSON guarded and written again. */
function guardField(key: string, value: string): string {
  const json = looksJson(value) ? parseJson(value) : undefined;
  if (json === undefined) return guardSlackArgs({ [key]: value })[key] as string;
  const guarded = JSON.stringify(guardSlackArgs({ [key]: json })[key]);
  return guarded === JSON.stringify(json) ? value : guarded;
}

function guardForm(body: string): string {
  const form = new URLSearchParams(body);
  const out = new URLSearchParams();
  let changed = false;
  for (const [key, value] of form) {
    const guarded = guardField(key, value);
    changed ||= guarded !== value;
    out.append(key, guarded);
  }
  return changed ? out.toString() : body;
}

function guardJson(body: string): string {
  const json = parseJson(body);
  if (json === undefined) return guardSlackArgs({ body }).body;
  const guarded = JSON.stringify(guardSlackArgs({ payload: json }).payload);
  return guarded === JSON.stringify(json) ? body : guarded;
}

/** A request body with the last guard applied, by its content type. */
export function guardBody(body: string, contentType: string): string {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'application/json') return guardJson(body);
  if (type === 'application/x-www-form-urlencoded') return guardForm(body);
  // Nothing else is sent as text (no file uploads); guard it whole all the same.
  return guardSlackArgs({ body }).body;
}

/** `fetchFn` with the last guard over every text body it sends. */
export function guardedFetch(fetchFn: Fetch = globalThis.fetch): Fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return fetchFn(input, init);
    const type = new Headers(init.headers).get('content-type') ?? '';
    return fetchFn(input, { ...init, body: guardBody(init.body, type) });
  };
}

/**
 * The one fetch for everything the bot sends to Slack. Journaled work posts to a response_url
 * at most once per entry, and not at all once the url has expired (replay-once.ts).
 */
export const outgoingFetch: Fetch = (input, init) =>
  replayOnce(guardedFetch(globalThis.fetch))(input, init);
