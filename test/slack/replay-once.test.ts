// response_url posts from journaled work (platform/replay-once.ts): sent at most once per
// entry — a replay after the send skips it — and not at all once the url's 30 minutes are
// over; Web API calls and work outside the intake pass straight through.

import { runWork, type WorkContext } from '../../src/infra/intake/context';
import { replayOnce, ResponseUrlExpired } from '../../src/slack/platform/replay-once';

const RESPONSE_URL = 'https://hooks.slack.com/actions/T0TEAM/1234/abcd';
const API = 'https://slack.com/api/chat.postMessage';

function work(replayed: boolean, ageMs: number, marks = new Set<string>()): WorkContext {
  return {
    replayed,
    checkThread: false,
    refused: false,
    acceptedAt: Date.now() - ageMs,
    marks,
    mark: async (m) => void marks.add(m),
  };
}

function recordingFetch(status = 200) {
  const sent: string[] = [];
  const fetchFn = (async (input: string) => {
    sent.push(input);
    return new Response('ok', { status });
  }) as typeof fetch;
  return { sent, post: replayOnce(fetchFn) };
}

const POST = { method: 'POST', body: '{"text":"hi"}' };

it('a replay skips the response_url posts the crashed run had made, and makes the rest', async () => {
  const marks = new Set<string>();
  const live = recordingFetch();
  await runWork(work(false, 0, marks), () => live.post(RESPONSE_URL, POST));
  expect(live.sent).toEqual([RESPONSE_URL]);
  // The same work again from the journal: the first post is skipped, the second one is made.
  const replay = recordingFetch();
  await runWork(work(true, 1000, marks), async () => {
    expect((await replay.post(RESPONSE_URL, POST)).ok).toBe(true);
    await replay.post(`${RESPONSE_URL}/2`, POST);
  });
  expect(replay.sent).toEqual([`${RESPONSE_URL}/2`]);
});

it('a post Slack refused is not marked as sent: the replay tries it again', async () => {
  const marks = new Set<string>();
  const refused = recordingFetch(404);
  await runWork(work(false, 0, marks), () => refused.post(RESPONSE_URL, POST));
  const replay = recordingFetch();
  await runWork(work(true, 1000, marks), () => replay.post(RESPONSE_URL, POST));
  expect(replay.sent).toEqual([RESPONSE_URL]);
});

it('drops the answer of work acknowledged more than 30 minutes ago, saying how old it is', async () => {
  const late = recordingFetch();
  const posting = runWork(work(true, 31 * 60_000), () => late.post(RESPONSE_URL, POST));
  await expect(posting).rejects.toBeInstanceOf(ResponseUrlExpired);
  await expect(posting).rejects.toThrow('acknowledged 31 min ago');
  expect(late.sent).toEqual([]);
});

it('passes Web API calls and work outside the intake straight through', async () => {
  const f = recordingFetch();
  await runWork(work(true, 31 * 60_000), () => f.post(API, POST));
  await f.post(RESPONSE_URL, POST);
  await f.post(RESPONSE_URL, POST);
  expect(f.sent).toEqual([API, RESPONSE_URL, RESPONSE_URL]);
});
