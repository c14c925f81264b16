// Event payloads for the Slack benches: real pastes from the dev corpus, and chat.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Paste {
  text: string;
  auth: boolean;
}

/** The labelled pastes the benches use: TFAUTH_DEV_CORPUS, else the repository's dev corpus copy. */
export function corpusFile(root: string): string {
  return process.env.TFAUTH_DEV_CORPUS ?? join(root, 'data', 'corpus', 'dev.jsonl');
}

export function corpusPastes(root: string): Paste[] {
  return readFileSync(corpusFile(root), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { label: string; text: string })
    .map((r) => ({ text: r.text, auth: r.label !== 'none' }));
}

const CHAT = [
  'deploying the new VPC now',
  'lunch?',
  'PR is up for the IAM module, reviews welcome',
  'plan looks clean on staging',
  'who owns the state bucket?',
];

let seq = 0;

/** A Slack event_callback body for a message in `channel`. */
export function messageBody(channel: string, text: string): string {
  seq += 1;
  const ts = `${1_800_000_000 + Math.floor(seq / 1000)}.${String(seq % 1000000).padStart(6, '0')}`;
  return JSON.stringify({
    token: 'x',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `Ev0B${seq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEAM', user_id: 'U0BOT', is_bot: true }],
    event: {
      type: 'message',
      channel,
      channel_type: 'channel',
      user: 'U0USER',
      text,
      ts,
      event_ts: ts,
      team: 'T0TEAM',
    },
  });
}

export function chatText(i: number): string {
  return CHAT[i % CHAT.length] as string;
}
