// `npm run playground`: tfauth in a local, Slack-like page. No settings, no Slack workspace.

import { startPlayground } from './playground';

const DEFAULT_PORT = 3434;

async function main(): Promise<void> {
  const requested = Number(process.env.TFAUTH_PLAYGROUND_PORT ?? DEFAULT_PORT);
  const pg = await startPlayground({
    port: Number.isInteger(requested) ? requested : DEFAULT_PORT,
  });
  console.log(
    [
      '',
      `  tfauth playground: ${pg.url}`,
      '',
      '  The real tfauth app runs against a local Slack stand-in. Everything listens on 127.0.0.1',
      '  and nothing you paste leaves this machine: no Slack, no AWS, no telemetry.',
      `  tfauth's own log: ${pg.logFile}`,
      '  Ctrl-C stops it (and deletes the temporary data folder).',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    pg.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
