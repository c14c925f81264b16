// One place that creates Redis connections: fail fast while disconnected (callers degrade
// to in-process state), reconnect forever in the background, log state changes.

import Redis from 'ioredis';
import type { Logger } from './logger';

export function createRedis(url: string, logger: Logger, name: string): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
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
  return client;
}

export function redisHealthy(client: Redis): boolean {
  return client.status === 'ready';
}
