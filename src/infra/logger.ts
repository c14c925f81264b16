// Structured logs: one JSON object per line. Every string passes through the secret
// scrubber and the last guard, so a token or key that slips into a message or error is
// masked before it is written. Message text from Slack is never logged — only ids.

import { LogLevel as BoltLogLevel, type Logger as BoltLogger } from '@slack/logger';
import { guardText, scrubText } from '../diagnosis';
import type { LogLevel } from './config';

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level: LogLevel;
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions, base: Fields = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel, msg: string, fields?: Fields): void => {
    if (RANK[level] < RANK[options.level]) return;
    const record = { level, time: now().toISOString(), msg, ...base, ...fields };
    write(JSON.stringify(record, (_k, v: unknown) => safeValue(v)));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}

function safeValue(v: unknown): unknown {
  if (typeof v === 'string') return guardText(scrubText(v));
  if (v instanceof Error) {
    const code = (v as Error & { code?: unknown }).code;
    return {
      name: v.name,
      message: guardText(scrubText(v.message)),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return v;
}

/** Bolt and the Slack SDK log through this, so their output is structured and scrubbed too. */
export function boltLogger(logger: Logger, level: LogLevel): BoltLogger {
  let current = level;
  const text = (parts: unknown[]): string =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p)))
      .join(' ');
  const child = logger.child({ component: 'slack-sdk' });
  return {
    // The SDKs' debug output includes whole payloads (message text): never written.
    debug: () => undefined,
    info: (...m: unknown[]) => RANK[current] <= RANK.info && child.info(text(m)),
    warn: (...m: unknown[]) => child.warn(text(m)),
    error: (...m: unknown[]) => child.error(text(m)),
    setLevel: (l: BoltLogLevel) => {
      current = l;
    },
    getLevel: () => current as BoltLogLevel,
    setName: () => undefined,
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export { BoltLogLevel };
