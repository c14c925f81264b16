// One place that creates Redis connections: fail fast while disconnected (callers degrade
// to in-process state), reconnect forever in the background, log state changes. A Redis
// that accepts connections but stops answering (frozen, overloaded, DEBUG SLEEP) is caught
// by command timeouts and a one-second ping, and counts as down until it answers again.

import Redis from 'ioredis';
import type { Logger } from './logger';

export const COMMAND_TIMEOUT_MS = 1000;
const PING_EVERY_MS = 500;

/** Clients whose last command timed out and that have not answered since. */
const stalled = new WeakSet<Redis>();

export interface RedisOptions {
  /** Longer for connections that block on purpose (XREADGROUP BLOCK). */
  commandTimeoutMs?: number;
  /** Ping in the background so a frozen server is noticed without traffic. Default true. */
  watch?: boolean;
}

export function createRedis(
  url: string,
  logger: Logger,
  name: string,
  options: RedisOptions = {},
): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(5000, 200 * attempt),
    connectionName: `tfauth-${name}`,
  });
  let wasReady = false;
  client.on('ready', () => {
    if (wasReady) logger.info('redis connection restored', { client: name });
    wasReady = true;
  });
  client.on('error', (err: Error) => {
    if (wasReady) logger.warn('redis error', { client: name, error: err.message });
  });
  client.on('end', () => logger.debug('redis connection closed', { client: name }));
  if (options.watch !== false) {
    let pinging = false;
    const timer = setInterval(() => {
      if (pinging || client.status !== 'ready') return;
      pinging = true;
      client
        .ping()
        .then(
          () => {
            if (stalled.delete(client)) logger.info('redis answers again', { client: name });
          },
          (err: unknown) => noteRedisFailure(client, err, logger, name),
        )
        .finally(() => (pinging = false));
    }, PING_EVERY_MS);
    timer.unref();
    client.once('end', () => clearInterval(timer));
  }
  return client;
}

/** Records a failed command; a timeout marks the client stalled until a ping succeeds. */
export function noteRedisFailure(
  client: Redis,
  err: unknown,
  logger?: Logger,
  name?: string,
): void {
  if (!/timed out/i.test((err as Error)?.message ?? '')) return;
  if (stalled.has(client)) return;
  stalled.add(client);
  logger?.warn('redis stopped answering: bypassing it until it does', { client: name });
}

export function redisHealthy(client: Redis): boolean {
  return client.status === 'ready' && !stalled.has(client);
}

export function redisState(client: Redis): string {
  if (client.status !== 'ready') return `redis ${client.status}`;
  return stalled.has(client) ? 'redis not answering (command timeouts)' : 'connected';
}
