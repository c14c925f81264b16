// A deterministic generator of pastes with planted secrets (issue 11, the leak suite).
// Every secret is random in its real format (invented values, never live ones); each is
// planted in one placement (a config, an env dump, a debug log, JSON-escaped, URL-encoded, in
// a URL, inline, split across a hard wrap, Slack-encoded) inside a host text that is an auth
// error, a non-auth error or chat. Same seed, same pastes. A paste may carry several
// plantings (one placement and host kind, several kinds), so a surface that costs a request
// per paste sees every kind in a few requests.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slackEncode } from '@tfauth/slack-test-server';
import { prng } from '../../bench/fixtures';

export interface Planted {
  kind: string;
  placement: string;
  host: 'auth' | 'not-auth' | 'chat';
  /** What must never leave: every 12-character run of each of these counts as a leak. */
  secrets: string[];
}

export interface Paste {
  id: string;
  text: string;
  placement: string;
  host: Planted['host'];
  /** What was planted in it: one entry per kind (one, unless generated with `perPaste`). */
  planted: Planted[];
}

type Rng = () => number;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const B64URL = `${ALNUM}-_`;
const HEX = '0123456789abcdef';
const PASSWORD = `${ALNUM}!#*()-_+&<>^`;
const URL_PASSWORD = `${ALNUM}!*()-_+~`;

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
function chars(r: Rng, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}
/** Random strings that have all of lower, upper and digit (as real tokens practically do). */
function mixed(r: Rng, n: number, alphabet: string): string {
  for (;;) {
    const s = chars(r, n, alphabet);
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /\d/.test(s)) return s;
  }
}
const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const uuid = (r: Rng): string =>
  `${chars(r, 8, HEX)}-${chars(r, 4, HEX)}-4${chars(r, 3, HEX)}-${pick(r, ['8', '9', 'a', 'b'])}${chars(r, 3, HEX)}-${chars(r, 12, HEX)}`;

/** How a kind appears: as a named value (env, HCL, JSON, header), and where it is a URL. */
interface Made {
  value: string;
  secrets: string[];
  env: string;
  hcl: string;
  json: string;
  header?: string;
  /** The value as it sits in a URL (connection strings, basic auth, SAS, webhooks). */
  url?: string;
}

type KindSpec = { id: string; make: (r: Rng) => Made };

function pem(r: Rng, type: string): { text: string; body: string[] } {
  const body = Array.from({ length: 6 }, () => mixed(r, 64, B64));
  return {
    text: `-----BEGIN ${type}PRIVATE KEY-----\n${body.join('\n')}\n-----END ${type}PRIVATE KEY-----`,
    body,
  };
}

export const KINDS: KindSpec[] = [
  {
    id: 'aws_secret_access_key',
    make: (r) => {
      const v = mixed(r, 40, B64);
      return {
        value: v,
        secrets: [v],
        env: 'AWS_SECRET_ACCESS_KEY',
        hcl: 'secret_key',
        json: 'SecretAccessKey',
      };
    },
  },
  {
    id: 'aws_session_token',
    make: (r) => {
      const v = `IQoJb3JpZ2luX2Vj${mixed(r, 300, B64)}`;
      return {
        value: v,
        secrets: [v.slice(16)],
        env: 'AWS_SESSION_TOKEN',
        hcl: 'token',
        json: 'SessionToken',
        header: 'X-Amz-Security-Token',
      };
    },
  },
  {
    id: 'azure_client_secret',
    make: (r) => {
      const v = `${mixed(r, 3, ALNUM)}${Math.floor(r() * 10)}Q~${mixed(r, 34, `${ALNUM}_~.-`)}`;
      return {
        value: v,
        secrets: [v],
        env: 'ARM_CLIENT_SECRET',
        hcl: 'client_secret',
        json: 'clientSecret',
      };
    },
  },
  {
    id: 'azure_storage_key',
    make: (r) => {
      const v = `${mixed(r, 86, B64)}==`;
      return {
        value: v,
        secrets: [v],
        env: 'ARM_ACCESS_KEY',
        hcl: 'access_key',
        json: 'AccountKey',
        url: `DefaultEndpointsProtocol=https;AccountName=tfstate${chars(r, 6, HEX)};AccountKey=${v};EndpointSuffix=core.windows.net`,
      };
    },
  },
  {
    id: 'azure_sas_sig',
    make: (r) => {
      const sig = `${mixed(r, 43, B64)}=`;
      return {
        value: sig,
        secrets: [sig, encodeURIComponent(sig)],
        env: 'ARM_SAS_TOKEN',
        hcl: 'sas_token',
        json: 'sasToken',
        url: `https://tfstate${chars(r, 6, HEX)}.blob.core.windows.net/tfstate/prod.terraform.tfstate?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2025-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(sig)}`,
      };
    },
  },
  {
    id: 'gcp_private_key',
    make: (r) => {
      const k = pem(r, '');
      return {
        value: k.text,
        secrets: k.body,
        env: 'GOOGLE_PRIVATE_KEY',
        hcl: 'private_key',
        json: 'private_key',
      };
    },
  },
  {
    id: 'gcp_private_key_id',
    make: (r) => {
      const v = chars(r, 40, HEX);
      return {
        value: v,
        secrets: [v],
        env: 'GOOGLE_PRIVATE_KEY_ID',
        hcl: 'private_key_id',
        json: 'private_key_id',
      };
    },
  },
  {
    id: 'rsa_private_key',
    make: (r) => {
      const k = pem(r, 'RSA ');
      return { value: k.text, secrets: k.body, env: 'TLS_KEY', hcl: 'private_key', json: 'key' };
    },
  },
  {
    id: 'openssh_private_key',
    make: (r) => {
      const k = pem(r, 'OPENSSH ');
      return {
        value: k.text,
        secrets: k.body,
        env: 'SSH_PRIVATE_KEY',
        hcl: 'private_key',
        json: 'sshKey',
      };
    },
  },
  {
    id: 'github_pat_classic',
    make: (r) => {
      const v = `ghp_${mixed(r, 36, ALNUM)}`;
      return { value: v, secrets: [v], env: 'GITHUB_TOKEN', hcl: 'token', json: 'token' };
    },
  },
  {
    id: 'github_pat_fine_grained',
    make: (r) => {
      const v = `github_pat_${mixed(r, 22, ALNUM)}_${mixed(r, 59, ALNUM)}`;
      return { value: v, secrets: [v.slice(11)], env: 'GH_TOKEN', hcl: 'token', json: 'token' };
    },
  },
  {
    id: 'gitlab_token',
    make: (r) => {
      const v = `glpat-${mixed(r, 20, `${ALNUM}_-`)}`;
      return {
        value: v,
        secrets: [v],
        env: 'GITLAB_TOKEN',
        hcl: 'token',
        json: 'private_token',
        header: 'PRIVATE-TOKEN',
      };
    },
  },
  {
    id: 'tfc_token',
    make: (r) => {
      const v = `${mixed(r, 14, ALNUM)}.atlasv1.${mixed(r, 67, ALNUM)}`;
      return {
        value: v,
        secrets: [v],
        env: 'TF_TOKEN_app_terraform_io',
        hcl: 'token',
        json: 'token',
      };
    },
  },
  {
    id: 'slack_bot_token',
    make: (r) => {
      const v = `xoxb-${chars(r, 12, '0123456789')}-${chars(r, 13, '0123456789')}-${mixed(r, 24, ALNUM)}`;
      return { value: v, secrets: [v], env: 'SLACK_BOT_TOKEN', hcl: 'token', json: 'token' };
    },
  },
  {
    id: 'slack_webhook',
    make: (r) => {
      const tail = mixed(r, 24, ALNUM);
      const v = `https://hooks.slack.com/services/T${chars(r, 10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B${chars(r, 10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/${tail}`;
      return {
        value: v,
        secrets: [tail],
        env: 'SLACK_WEBHOOK_URL',
        hcl: 'webhook_url',
        json: 'webhook',
        url: v,
      };
    },
  },
  {
    id: 'jwt',
    make: (r) => {
      const v = `${b64url(JSON.stringify({ alg: 'RS256', kid: chars(r, 8, HEX), typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: `repo:org/${chars(r, 6, 'abcdefghij')}:ref:refs/heads/main`, aud: 'sts.amazonaws.com', exp: 1700000000 + Math.floor(r() * 1e6) }))}.${mixed(r, 86, B64URL)}`;
      // The header and payload are base64 of guessable JSON: only the signature is secret.
      return {
        value: v,
        secrets: [v.split('.')[2] as string],
        env: 'ACTIONS_ID_TOKEN',
        hcl: 'web_identity_token',
        json: 'id_token',
        header: 'Authorization: Bearer',
      };
    },
  },
  {
    id: 'opaque_bearer',
    make: (r) => {
      const v = mixed(r, 48, `${ALNUM}-_.`);
      return {
        value: v,
        secrets: [v],
        env: 'API_ACCESS_TOKEN',
        hcl: 'access_token',
        json: 'access_token',
        header: 'Authorization: Bearer',
      };
    },
  },
  {
    id: 'vault_token',
    make: (r) => {
      const v = `hvs.${mixed(r, 90, `${ALNUM}_-`)}`;
      return {
        value: v,
        secrets: [v],
        env: 'VAULT_TOKEN',
        hcl: 'token',
        json: 'client_token',
        header: 'X-Vault-Token',
      };
    },
  },
  {
    id: 'vault_legacy_token',
    make: (r) => {
      const v = `s.${mixed(r, 24, ALNUM)}`;
      return {
        value: v,
        secrets: [v.slice(2)],
        env: 'VAULT_TOKEN',
        hcl: 'token',
        json: 'client_token',
        header: 'X-Vault-Token',
      };
    },
  },
  {
    id: 'consul_token',
    make: (r) => {
      const v = uuid(r);
      return {
        value: v,
        secrets: [v],
        env: 'CONSUL_HTTP_TOKEN',
        hcl: 'access_token',
        json: 'consul_token',
        header: 'X-Consul-Token',
      };
    },
  },
  {
    id: 'datadog_api_key',
    make: (r) => {
      const v = chars(r, 32, HEX);
      return {
        value: v,
        secrets: [v],
        env: 'DD_API_KEY',
        hcl: 'api_key',
        json: 'api_key',
        header: 'DD-API-KEY',
      };
    },
  },
  {
    id: 'datadog_app_key',
    make: (r) => {
      const v = chars(r, 40, HEX);
      return {
        value: v,
        secrets: [v],
        env: 'DD_APP_KEY',
        hcl: 'app_key',
        json: 'app_key',
        header: 'DD-APPLICATION-KEY',
      };
    },
  },
  {
    id: 'digitalocean_token',
    make: (r) => {
      const v = `dop_v1_${chars(r, 64, HEX)}`;
      return { value: v, secrets: [v], env: 'DIGITALOCEAN_TOKEN', hcl: 'token', json: 'token' };
    },
  },
  {
    id: 'google_oauth_token',
    make: (r) => {
      const v = `ya29.${mixed(r, 120, `${ALNUM}_-`)}`;
      return {
        value: v,
        secrets: [v],
        env: 'GOOGLE_OAUTH_ACCESS_TOKEN',
        hcl: 'access_token',
        json: 'access_token',
        header: 'Authorization: Bearer',
      };
    },
  },
  {
    id: 'kubernetes_client_key',
    make: (r) => {
      const v = Buffer.from(pem(r, 'RSA ').text).toString('base64');
      return {
        value: v,
        secrets: [v.slice(60)],
        env: 'KUBE_CLIENT_KEY_DATA',
        hcl: 'client_key',
        json: 'client-key-data',
      };
    },
  },
  {
    id: 'basic_auth_header',
    make: (r) => {
      const password = mixed(r, 18, URL_PASSWORD);
      const v = Buffer.from(`deploy:${password}`).toString('base64');
      return {
        value: v,
        secrets: [v, password],
        env: 'ARTIFACTORY_AUTH',
        hcl: 'auth',
        json: 'auth',
        header: 'Authorization: Basic',
        url: `https://deploy:${password}@artifacts.example.com/terraform/providers`,
      };
    },
  },
  {
    id: 'url_basic_auth',
    make: (r) => {
      const password = mixed(r, 20, URL_PASSWORD);
      const url = `https://ci-bot:${password}@git.example.com/platform/modules.git`;
      return {
        value: url,
        secrets: [password],
        env: 'MODULE_SOURCE_URL',
        hcl: 'source',
        json: 'url',
        url,
      };
    },
  },
  {
    id: 'postgres_password',
    make: (r) => {
      const password = mixed(r, 20, URL_PASSWORD);
      const url = `postgres://terraform:${password}@db.internal.example.com:5432/tfstate?sslmode=require`;
      return {
        value: url,
        secrets: [password],
        env: 'PG_CONN_STR',
        hcl: 'conn_str',
        json: 'connectionString',
        url,
      };
    },
  },
  {
    id: 'mysql_password',
    make: (r) => {
      const password = mixed(r, 20, URL_PASSWORD);
      const url = `mysql://admin:${password}@mysql.internal.example.com:3306/app`;
      return {
        value: url,
        secrets: [password],
        env: 'DATABASE_URL',
        hcl: 'database_url',
        json: 'dsn',
        url,
      };
    },
  },
  {
    id: 'ado_connection_string',
    make: (r) => {
      const password = mixed(r, 20, URL_PASSWORD);
      const v = `Server=tcp:sql-${chars(r, 6, HEX)}.database.windows.net,1433;Database=app;User ID=tfadmin;Password=${password};Encrypt=true;`;
      return {
        value: v,
        secrets: [password],
        env: 'SQL_CONNECTION_STRING',
        hcl: 'connection_string',
        json: 'ConnectionString',
        url: v,
      };
    },
  },
  {
    id: 'db_password',
    make: (r) => {
      const v = mixed(r, 20, PASSWORD);
      return {
        value: v,
        secrets: [v],
        env: 'TF_VAR_db_password',
        hcl: 'password',
        json: 'password',
      };
    },
  },
];

export const PLACEMENTS = [
  'config',
  'env',
  'inline',
  'debug',
  'json',
  'urlencoded',
  'url',
  'split',
  'slack',
] as const;
type Placement = (typeof PLACEMENTS)[number];

const STAMP = '2024-05-02T10:11:12.345Z';
const PROVIDER = 'provider.terraform-provider-aws_v5.40.0_x5';

/** JSON-escapes a value as a debug log prints a request body: `\"`, `\n`, `\/`, sometimes `\u0041`. */
function jsonEscaped(r: Rng, key: string, value: string): string {
  let v = JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/');
  if (r() < 0.5) {
    // One letter as a \u escape, as some serialisers write non-ASCII-safe output.
    const i = v.search(/[A-Za-z0-9]/);
    if (i >= 0)
      v = `${v.slice(0, i)}\\u${v.charCodeAt(i).toString(16).padStart(4, '0')}${v.slice(i + 1)}`;
  }
  // The object itself is a JSON string inside the log line: escaped once more.
  const inner = `{"${key}":"${v}","region":"us-east-1"}`;
  return `${STAMP} [DEBUG] ${PROVIDER}: HTTP Request Body: ${JSON.stringify(inner)}`;
}

function urlEncoded(r: Rng, m: Made, key: string): string {
  let enc = encodeURIComponent(m.url ?? m.value);
  if (r() < 0.5)
    enc = enc.replace(/[A-Za-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${STAMP} [DEBUG] ${PROVIDER}: GET https://api.example.com/v1/check?${key}=${enc}&region=us-east-1`;
}

/** A long debug line wrapped hard at a column inside the value (as a terminal copy does). */
function split(r: Rng, m: Made): string {
  const line = `${STAMP} [DEBUG] ${PROVIDER}: environment: ${m.env}=${m.value.split('\n').join('')}`;
  const valueAt = line.length - m.value.split('\n').join('').length;
  const firstSecret = m.secrets[0] as string;
  const secretAt = line.indexOf(firstSecret);
  const at =
    (secretAt >= 0 ? secretAt : valueAt) +
    Math.max(2, Math.floor(firstSecret.length * (0.3 + r() * 0.4)));
  const width = Math.max(at, 80);
  const out: string[] = [];
  for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  return out.join('\n');
}

function render(r: Rng, m: Made, placement: Placement): string {
  const oneLine = m.value.includes('\n') ? m.value.split('\n').join('\\n') : m.value;
  switch (placement) {
    case 'config':
      return m.value.includes('\n')
        ? `resource "tls_private_key" "deploy" {}\n\nlocals {\n  ${m.hcl} = <<EOT\n${m.value}\nEOT\n}`
        : `provider "aws" {\n  region     = "us-east-1"\n  ${m.hcl} = "${m.value}"\n}`;
    case 'env':
      return [
        '$ env | sort',
        'HOME=/home/runner',
        `${m.env}=${m.value.includes('\n') ? JSON.stringify(m.value) : m.value}`,
        'PATH=/usr/local/bin:/usr/bin:/bin',
        'TF_IN_AUTOMATION=true',
      ].join('\n');
    case 'inline':
      return m.header
        ? `I even tried curl -H "${m.header}${m.header.includes(':') ? ' ' : ': '}${oneLine}" and it still fails`
        : `fwiw my ${m.env}: ${oneLine} (copied from the vault UI)`;
    case 'debug':
      return m.header
        ? `${STAMP} [DEBUG] ${PROVIDER}: HTTP Request Sent: http.method=POST http.url=https://sts.amazonaws.com/ http.request.header.${m.header.split(':')[0]?.toLowerCase()}="${m.header.includes(':') ? `${m.header.split(': ')[1]} ` : ''}${oneLine}"`
        : `${STAMP} [DEBUG] ${PROVIDER}: setting ${m.hcl}=${oneLine}`;
    case 'json':
      return jsonEscaped(r, m.json, m.value);
    case 'urlencoded':
      return urlEncoded(r, m, m.env.toLowerCase());
    case 'url':
      return m.url
        ? `Error: Failed to get existing workspaces: Get "${m.url}": dial tcp 10.0.0.12:443: i/o timeout`
        : `Error: Get "https://api.example.com/v1/state?${m.hcl}=${oneLine}": dial tcp 10.0.0.12:443: i/o timeout`;
    case 'split':
      return split(r, m);
    case 'slack':
      // A Slack message: the whole text is encoded (`&` → `&amp;`, `<` → `&lt;`), here with
      // the value behind an `&` so the encoding touches it.
      return `export ${m.env}='${m.value.includes('\n') ? m.value.split('\n').join('\\n') : m.value}' && terraform init -backend-config=<(echo)`;
  }
}

interface Host {
  kind: Planted['host'];
  text: string;
}

const CHAT = [
  'hey team, terraform is acting up again on my laptop, any ideas?\nhere is what I have set:',
  'not an error really, just checking my setup before the demo.\nconfig below',
  'can someone double check this? pasting my settings',
  'thread for the migration to the new account. my current values:',
];

function loadHosts(): Host[] {
  const hosts: Host[] = [];
  // test/leak under jest; dist-bench/test/leak when the bench runs it compiled.
  const dir = [
    join(__dirname, '..', 'fixtures'),
    join(__dirname, '..', '..', '..', 'test', 'fixtures'),
  ].find((d) => existsSync(join(d, 'holdout.jsonl'))) as string;
  for (const f of ['holdout.jsonl', 'holdout2.jsonl', 'not-failures.jsonl']) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { label: string; text: string };
      if (row.text.length > 6000) continue;
      hosts.push({ kind: row.label === 'none' ? 'not-auth' : 'auth', text: row.text });
    }
  }
  for (const text of CHAT) hosts.push({ kind: 'chat', text });
  return hosts;
}

export interface GenerateOptions {
  seed?: number;
  /**
   * Plantings per paste (default 1). Consecutive plantings share their placement and host
   * kind, so with `KINDS.length` every paste holds every kind in one placement and host.
   */
  perPaste?: number;
}

/**
 * `count` plantings, in `count / perPaste` pastes; kinds × placements × host kinds cycle
 * evenly. Each planting is a snippet inserted between the host's lines (never inside another
 * snippet); a `slack` paste is then Slack-encoded as a whole.
 */
export function generate(count: number, options: GenerateOptions = {}): Paste[] {
  const { seed = 11, perPaste = 1 } = options;
  const r = prng(seed);
  const hosts = loadHosts();
  const byKind = {
    auth: hosts.filter((h) => h.kind === 'auth'),
    'not-auth': hosts.filter((h) => h.kind === 'not-auth'),
    chat: hosts.filter((h) => h.kind === 'chat'),
  };
  const hostKinds: Array<Planted['host']> = ['auth', 'not-auth', 'chat'];
  const out: Paste[] = [];
  for (let first = 0; first < count; first += perPaste) {
    const placement = PLACEMENTS[Math.floor(first / KINDS.length) % PLACEMENTS.length] as Placement;
    const hostKind = hostKinds[
      Math.floor(first / (KINDS.length * PLACEMENTS.length)) % 3
    ] as Planted['host'];
    const host = pick(r, byKind[hostKind]);
    const blocks = host.text.split('\n');
    const planted: Planted[] = [];
    for (let i = first; i < Math.min(count, first + perPaste); i++) {
      const kind = KINDS[i % KINDS.length] as KindSpec;
      const m = kind.make(r);
      const snippet = render(r, m, placement);
      blocks.splice(Math.floor(r() * (blocks.length + 1)), 0, snippet);
      planted.push({
        kind: kind.id,
        placement,
        host: hostKind,
        secrets: m.secrets.filter((s) => s.length >= 12),
      });
    }
    let text = blocks.join('\n');
    if (placement === 'slack') text = slackEncode(text);
    out.push({ id: `leak-${first}`, text, placement, host: hostKind, planted });
  }
  return out;
}

/** Every planting of these pastes, in order: what `grams` and `leakedIn` index. */
export const plantings = (pastes: Paste[]): Planted[] => pastes.flatMap((p) => p.planted);

/** Every 12-character run of every secret, mapped to the index of its planting. */
export function grams(planted: Planted[], n = 12): Map<string, number> {
  const out = new Map<string, number>();
  planted.forEach((p, i) => {
    for (const s of p.secrets)
      for (let k = 0; k + n <= s.length; k++) out.set(s.slice(k, k + n), i);
  });
  return out;
}

/** The forms an output is checked in: as sent, Slack-decoded, JSON-unescaped, URL-decoded. */
function forms(output: string): string[] {
  const slack = output.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const json = slack.replace(/\\(["\\/])/g, '$1').replace(/\\n/g, '\n');
  const url = json.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) =>
    String.fromCharCode(parseInt(h, 16)),
  );
  return [output, slack, json, url];
}

// A rolling hash of every n-character window, so the index is asked only about windows whose
// hash one of its grams has (a bit set of 2^22): megabytes of output are searched in
// milliseconds, with the same answer as asking the index about every window.
const HASH_BASE = 0x01000193;
// A local binding: under Jest the global object is a vm context's, and looking `Math` up on
// it in a hot loop costs more than the rest of the loop.
const imul = Math.imul;
const FILTER_BITS = 22;
const filters = new WeakMap<Map<string, number>, Uint32Array>();

const power = (n: number): number => {
  let p = 1;
  for (let i = 0; i < n; i++) p = imul(p, HASH_BASE);
  return p;
};

function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  return h;
}

function filterOf(index: Map<string, number>): Uint32Array {
  let filter = filters.get(index);
  if (!filter) {
    filter = new Uint32Array(1 << (FILTER_BITS - 5));
    for (const gram of index.keys()) {
      const bit = hashOf(gram) >>> (32 - FILTER_BITS);
      filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
    }
    filters.set(index, filter);
  }
  return filter;
}

/**
 * The plantings whose secrets appear (any 12-character run) in `output`: planting index →
 * where (the output around the first run found, for the failure message).
 */
export function leakedIn(output: string, index: Map<string, number>, n = 12): Map<number, string> {
  const found = new Map<number, string>();
  const filter = filterOf(index);
  const top = power(n - 1);
  for (const form of forms(output)) {
    if (form.length < n) continue;
    let h = hashOf(form.slice(0, n));
    for (let k = 0; ; k++) {
      const bit = h >>> (32 - FILTER_BITS);
      if (((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0) {
        const hit = index.get(form.slice(k, k + n));
        if (hit !== undefined && !found.has(hit))
          found.set(hit, form.slice(Math.max(0, k - 60), k + n + 20));
      }
      if (k + n >= form.length) break;
      h = (imul(h - imul(form.charCodeAt(k), top), HASH_BASE) + form.charCodeAt(k + n)) | 0;
    }
  }
  return found;
}
