// The operator's endpoints in both modes: /livez (the process answers), /readyz (route traffic
// here), /metrics (Prometheus text), beside /healthz.

import { startTestBot, type TestBot } from '../support/bot';

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

  it('/readyz turns 503 once shutdown begins, while /livez stays 200', async () => {
    await t.bot.context.inFlight.drain(1000);
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/livez')).status).toBe(200);
  });
});
