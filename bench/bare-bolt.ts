// The baseline for the Slack bench: a bare Bolt app on the same HTTP receiver as tfauth,
// with a no-op message listener. Run as its own process by bench/slack.ts.

import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

async function main(): Promise<void> {
  const receiver = new HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET as string,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: process.env.SLACK_BOT_TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  app.event('message', async () => undefined);
  const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
  process.stdout.write(
    `{"msg":"bare bolt started","port":${(server.address() as AddressInfo).port}}\n`,
  );
  process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

void main();
