// The last guard where bodies leave (src/slack/outgoing.ts): the Web API's forms (fields that
// hold JSON included) and response_url JSON, read as Slack reads them. Every value invented.

import { guardBody, guardedFetch } from '../../src/slack/platform/outgoing';

const TOKEN = 'Q9xR2vQpLk7sT9wYbN1cD4eF';
const FORM = 'application/x-www-form-urlencoded';

function form(fields: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();
}

it('masks a token after a credential word in a Web API form, JSON fields included', () => {
  const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: `passwd ${TOKEN}` } }];
  const out = new URLSearchParams(
    guardBody(form({ channel: 'C0123', text: `secret ${TOKEN}`, blocks }), FORM),
  );
  expect(out.get('channel')).toBe('C0123');
  expect(out.get('text')).toBe('secret [redacted]');
  expect(JSON.parse(out.get('blocks') as string)).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: 'passwd [redacted]' } },
  ]);
});

it('leaves Slack machine fields alone: button values, ids, metadata', () => {
  const blocks = [
    { type: 'actions', elements: [{ type: 'button', action_id: 'a', value: `key=${TOKEN}` }] },
  ];
  const metadata = { event_type: 'tfauth_reply', event_payload: { key: `token ${TOKEN}` } };
  const out = new URLSearchParams(guardBody(form({ channel: 'C0123', blocks, metadata }), FORM));
  expect(JSON.parse(out.get('blocks') as string)).toEqual(blocks);
  expect(JSON.parse(out.get('metadata') as string)).toEqual(metadata);
});

it('sends a body the guard does not change byte for byte', () => {
  const body = form({
    channel: 'C0123',
    text: 'plan failed: see thread',
    blocks: [{ type: 'divider' }],
  });
  expect(guardBody(body, FORM)).toBe(body);
  const json = JSON.stringify({ response_type: 'ephemeral', text: 'ok  ' });
  expect(guardBody(json, 'application/json')).toBe(json);
});

it('masks response_url JSON (respond(), the paste box)', () => {
  const body = JSON.stringify({
    response_type: 'ephemeral',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `What matched: sas ${TOKEN}` } }],
  });
  const out = JSON.parse(guardBody(body, 'application/json; charset=utf-8')) as {
    blocks: Array<{ text: { text: string } }>;
  };
  expect(out.blocks[0]?.text.text).toBe('What matched: sas [redacted]');
});

it('the fetch sends the guarded body and passes everything else through', async () => {
  const sent: Array<{ url: string; body: unknown; headers: unknown }> = [];
  const fake = (async (url: string, init?: RequestInit) => {
    sent.push({ url, body: init?.body, headers: init?.headers });
    return new Response('{"ok":true}');
  }) as unknown as typeof fetch;
  const guarded = guardedFetch(fake);
  await guarded('https://slack.test/api/chat.postMessage', {
    method: 'POST',
    headers: { 'Content-Type': FORM },
    body: form({ channel: 'C1', text: `token: ${TOKEN}` }),
  });
  await guarded('https://files.test/download');
  expect(new URLSearchParams(sent[0]?.body as string).get('text')).toBe('token: [redacted]');
  expect(sent[0]?.headers).toEqual({ 'Content-Type': FORM });
  expect(sent[1]).toEqual({
    url: 'https://files.test/download',
    body: undefined,
    headers: undefined,
  });
});
