// The operator's endpoints in both modes: /livez (the process answers), /readyz (route traffic
// here), /metrics (Prometheus text), beside /healthz.

import { startTestBot, type TestBot } from '../support/bot';
import { eventCallback, messageEvent } from '@tfauth/slack-test-server';

describe.each(['http', 'socket'] as const)('%s mode', (mode) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ mode });
  });
  afterAll(async () => {
    await t.stop();
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${t.bot.port}${path}`);

  it('/livez and /readyz answer 200 while Slack is reachable', async () => {
    expect((await get('/livez')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('/metrics is Prometheus text with tfauth series', async () => {
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await res.text();
    expect(body).toContain('# TYPE tfauth_events_received_total counter');
    expect(body).toContain('# TYPE tfauth_diagnosis_duration_seconds histogram');
  });

  it('/metrics series move with the work: requests, acks, answers, secrets, Slack calls, retries, 429s', async () => {
    const scrape = async (): Promise<Map<string, number>> => {
      const text = await (await get('/metrics')).text();
      const values = new Map<string, number>();
      for (const line of text.split('\n')) {
        const m = /^(tfauth_[a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+)$/.exec(line);
        if (m) values.set(m[1] as string, Number(m[2]));
      }
      return values;
    };
    const sum = (v: Map<string, number>, prefix: string) =>
      [...v].filter(([k]) => k.startsWith(prefix)).reduce((n, [, x]) => n + x, 0);
    const before = await scrape();
    t.slack.failNext('chat.postMessage', { retryAfter: 1 });
    // An auth error with a planted AWS secret key (AWS's documented example value).
    const text =
      'Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 1f2e, api error ExpiredToken: The security token included in the request is expired\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    if (mode === 'http') await t.http.sendEvent(eventCallback(messageEvent({ text })));
    else await t.slack.socket.send('events_api', eventCallback(messageEvent({ text })));
    await t.slack.waitFor('chat.postMessage');
    await t.bot.context.inFlight.settled();
    const after = await scrape();
    const moved = (prefix: string) => sum(after, prefix) - sum(before, prefix);
    expect(moved('tfauth_events_received_total{kind="message"}')).toBeGreaterThanOrEqual(1);
    expect(moved('tfauth_events_acked_total{kind="message"}')).toBeGreaterThanOrEqual(1);
    expect(moved('tfauth_events_processed_total{kind="message",result="replied"}')).toBe(1);
    expect(moved('tfauth_answers_total{class="aws.expired_token",surface="channel"}')).toBe(1);
    expect(
      moved('tfauth_secrets_found_total{kind="aws_secret_access_key"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('tfauth_replies_posted_total{method="chat.postMessage"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(moved('tfauth_slack_call_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(moved('tfauth_slack_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(moved('tfauth_slack_retries_total{method="chat.postMessage"}')).toBe(1);
    expect(moved('tfauth_diagnosis_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(after.has('tfauth_queue_depth')).toBe(true);
    expect(after.has('tfauth_queue_oldest_age_seconds')).toBe(true);
  });

  it('/readyz turns 503 once shutdown begins, while /livez stays 200', async () => {
    await t.bot.context.inFlight.drain(1000);
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/livez')).status).toBe(200);
  });
});
