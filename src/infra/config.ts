// Settings come from the environment (and .env, loaded by main.ts). Every problem is
// reported as one clear line; nothing here throws.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

interface SlackCommon {
  botToken: string;
  /** This app's id (A…), when auth.test does not tell it: requests for other apps are dropped. */
  appId?: string;
  apiUrl: string;
}

/**
 * HTTP mode (signed requests to /slack/events) needs the signing secret; Socket Mode (a
 * WebSocket, SLACK_APP_TOKEN set) needs the app token, and may have a signing secret too.
 */
export type SlackConfig =
  | (SlackCommon & { mode: 'http'; signingSecret: string })
  | (SlackCommon & { mode: 'socket'; appToken: string; signingSecret?: string });

export interface Config {
  slack: SlackConfig;
  /** TFAUTH_MULTI_WORKSPACE=1: serve every workspace/enterprise the app is installed in. */
  multiWorkspace: boolean;
  /** User group (S…) whose members may decode anyone's encoded authorization message. */
  decodeAllowed?: string;
  port: number;
  logLevel: LogLevel;
  /** Only these channels are watched, when set. */
  channels?: ReadonlySet<string>;
  minConfidence: number;
  maxFileBytes: number;
  /** Where "Still stuck" offers to ask for help: a user group (S…) or a channel (C…/G…). */
  escalation?: { kind: 'usergroup' | 'channel'; id: string };
  dataDir: string;
  redisUrl?: string;
  stsEnabled: boolean;
  shutdownTimeoutMs: number;
  /**
   * Minimum spacing of replies in one channel, counted from the start of the previous post
   * (Slack allows about one message per second per channel, with short bursts).
   */
  postIntervalMs: number;
  /** How long outcome records are kept (TFAUTH_OUTCOME_DAYS), in days. */
  outcomeDays: number;
  /** Worker threads for diagnosis (TFAUTH_DIAGNOSIS_THREADS); 0 runs it on the event loop. */
  diagnosisThreads: number;
  /** How long one Web API call may take before its outcome counts as unknown. */
  slackTimeoutMs: number;
  /** With Redis: how long a replica may hold an entry unrefreshed before another takes it over. */
  intakeClaimIdleMs: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

const DEFAULT_API_URL = 'https://slack.com/api/';

export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const errors: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const botToken = get('SLACK_BOT_TOKEN');
  if (!botToken) errors.push('SLACK_BOT_TOKEN is required (the Bot User OAuth Token, xoxb-…)');
  else if (!botToken.startsWith('xoxb-'))
    errors.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');

  const appToken = get('SLACK_APP_TOKEN');
  if (appToken && !appToken.startsWith('xapp-'))
    errors.push(
      'SLACK_APP_TOKEN must be an app-level token starting with xapp- (or unset for HTTP mode)',
    );
  const mode = appToken ? 'socket' : 'http';
  const signingSecret = get('SLACK_SIGNING_SECRET');
  if (mode === 'http' && !signingSecret)
    errors.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN to use Socket Mode instead)',
    );

  const port = integer(get('PORT'), 3000, 'PORT', errors, { min: 0, max: 65535 });

  let apiUrl = get('SLACK_API_URL') ?? DEFAULT_API_URL;
  try {
    const u = new URL(apiUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    if (!apiUrl.endsWith('/')) apiUrl += '/';
  } catch {
    errors.push(`SLACK_API_URL must be an http(s) URL such as ${DEFAULT_API_URL}`);
  }

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    errors.push('LOG_LEVEL must be one of debug, info, warn, error');

  const channelList = get('TFAUTH_CHANNELS')
    ?.split(/[\s,]+/)
    .filter(Boolean);
  for (const id of channelList ?? [])
    if (!/^[CG][A-Z0-9]{2,}$/.test(id))
      errors.push(`TFAUTH_CHANNELS: "${id}" is not a channel id (C… or G…)`);

  const minConfidence = number(get('TFAUTH_MIN_CONFIDENCE'), 0.6, 'TFAUTH_MIN_CONFIDENCE', errors, {
    min: 0,
    max: 1,
  });
  const maxFileBytes = integer(
    get('TFAUTH_MAX_FILE_BYTES'),
    2 * 1024 * 1024,
    'TFAUTH_MAX_FILE_BYTES',
    errors,
    { min: 1024, max: 64 * 1024 * 1024 },
  );
  const postIntervalMs = integer(
    get('TFAUTH_POST_INTERVAL_MS'),
    1000,
    'TFAUTH_POST_INTERVAL_MS',
    errors,
    { min: 0, max: 60_000 },
  );
  const shutdownTimeoutMs = integer(
    get('TFAUTH_SHUTDOWN_TIMEOUT_MS'),
    10_000,
    'TFAUTH_SHUTDOWN_TIMEOUT_MS',
    errors,
    { min: 0, max: 600_000 },
  );

  const outcomeDays = integer(get('TFAUTH_OUTCOME_DAYS'), 90, 'TFAUTH_OUTCOME_DAYS', errors, {
    min: 1,
    max: 3650,
  });
  const diagnosisThreads = integer(
    get('TFAUTH_DIAGNOSIS_THREADS'),
    2,
    'TFAUTH_DIAGNOSIS_THREADS',
    errors,
    { min: 0, max: 64 },
  );
  const slackTimeoutMs = integer(
    get('TFAUTH_SLACK_TIMEOUT_MS'),
    30_000,
    'TFAUTH_SLACK_TIMEOUT_MS',
    errors,
    { min: 500, max: 300_000 },
  );
  const intakeClaimIdleMs = integer(
    get('TFAUTH_INTAKE_CLAIM_IDLE_MS'),
    30_000,
    'TFAUTH_INTAKE_CLAIM_IDLE_MS',
    errors,
    { min: 500, max: 3_600_000 },
  );

  const escalationRaw = get('TFAUTH_ESCALATION');
  let escalation: Config['escalation'];
  if (escalationRaw) {
    if (/^S[A-Z0-9]{2,}$/.test(escalationRaw))
      escalation = { kind: 'usergroup', id: escalationRaw };
    else if (/^[CG][A-Z0-9]{2,}$/.test(escalationRaw))
      escalation = { kind: 'channel', id: escalationRaw };
    else errors.push('TFAUTH_ESCALATION must be a user group id (S…) or a channel id (C…/G…)');
  }

  const appId = get('SLACK_APP_ID');
  if (appId && !/^A[A-Z0-9]{2,}$/.test(appId))
    errors.push("SLACK_APP_ID must be an app id (A…, from the app's Basic Information page)");

  const multi = get('TFAUTH_MULTI_WORKSPACE') ?? '0';
  if (!['0', '1'].includes(multi)) errors.push('TFAUTH_MULTI_WORKSPACE must be 0 or 1');

  const decodeAllowed = get('TFAUTH_DECODE_ALLOWED');
  if (decodeAllowed && !/^S[A-Z0-9]{2,}$/.test(decodeAllowed))
    errors.push('TFAUTH_DECODE_ALLOWED must be a user group id (S…)');

  const redisUrl = get('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    errors.push('REDIS_URL must start with redis:// or rediss://');

  const sts = (get('TFAUTH_STS') ?? 'off').toLowerCase();
  if (!['on', 'off'].includes(sts)) errors.push('TFAUTH_STS must be on or off');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      slack: {
        botToken: botToken as string,
        ...(appId ? { appId } : {}),
        apiUrl,
        ...(appToken
          ? { mode: 'socket' as const, appToken, ...(signingSecret ? { signingSecret } : {}) }
          : { mode: 'http' as const, signingSecret: signingSecret as string }),
      },
      multiWorkspace: multi === '1',
      ...(decodeAllowed ? { decodeAllowed } : {}),
      port,
      logLevel: logLevel as LogLevel,
      ...(channelList && channelList.length > 0 ? { channels: new Set(channelList) } : {}),
      minConfidence,
      maxFileBytes,
      ...(escalation ? { escalation } : {}),
      dataDir: get('TFAUTH_DATA_DIR') ?? '.tfauth',
      ...(redisUrl ? { redisUrl } : {}),
      stsEnabled: sts === 'on',
      shutdownTimeoutMs,
      postIntervalMs,
      outcomeDays,
      diagnosisThreads,
      slackTimeoutMs,
      intakeClaimIdleMs,
    },
  };
}

function number(
  raw: string | undefined,
  fallback: number,
  name: string,
  errors: string[],
  range: { min: number; max: number },
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < range.min || n > range.max) {
    errors.push(`${name} must be a number from ${range.min} to ${range.max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function integer(
  raw: string | undefined,
  fallback: number,
  name: string,
  errors: string[],
  range: { min: number; max: number },
): number {
  const n = number(raw, fallback, name, errors, range);
  if (raw !== undefined && !Number.isInteger(n)) {
    errors.push(`${name} must be a whole number (got "${raw}")`);
    return fallback;
  }
  return n;
}
