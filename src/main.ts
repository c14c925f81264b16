#!/usr/bin/env node
// `npm start`: loads settings (environment first, then .env), validates them, starts the
// bot, and shuts down gracefully on SIGTERM/SIGINT.

import { config as loadDotenv } from 'dotenv';
import { loadConfig } from './infra/config';
import { createLogger } from './infra/logger';
import { catchUnhandledRejections } from './infra/unexpected';
import { startBot } from './slack/app';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const result = loadConfig(process.env);
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(`tfauth: ${e}\n`);
    process.stderr.write('tfauth: see .env.example for every setting.\n');
    return 1;
  }
  const { config } = result;
  const logger = createLogger({ level: config.logLevel });
  catchUnhandledRejections(logger);
  let bot;
  try {
    bot = await startBot({ config, logger });
  } catch (err) {
    logger.error('tfauth failed to start', { error: err });
    return 1;
  }
  const running = bot;
  return await new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info('signal received', { signal });
      running.stop().then(
        () => resolve(0),
        (err: unknown) => {
          logger.error('shutdown failed', { error: err });
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`tfauth: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
