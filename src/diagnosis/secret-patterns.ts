// The secret formats tfauth recognises, as data. Each pattern is tried only near one of its
// anchor words, and every pattern is written so that one attempt reads a bounded span of
// text: values are bounded runs of one character class that start where that class starts
// (a negative lookbehind), so a run of repeated anchors (`eyJ-eyJ-…`) is read once, not once
// per anchor. test/diagnosis/secret-linearity.test.ts checks each pattern with recheck.

import { isAccessKeyId } from './access-keys';
import { looksSecret } from './secret-shape';
import type { SecretKind } from './types';

export interface SecretPattern {
  kind: SecretKind;
  /** The secret is capture group 1 (or the whole match). */
  re: RegExp;
  /** Literal words, one of which every match contains: the pattern is tried only near one. */
  anchors: string[];
  /** How far before its anchor a match may start. */
  lookback: number;
  /** Upper bound of the characters one attempt can read past its start (for work accounting). */
  span: number;
  mustRotate: boolean;
  /** Optional check of the captured value (rejects references and already-masked values). */
  accept?: (value: string) => boolean;
  /**
   * Texts this pattern must not report (placeholders people type, look-alikes), each with where
   * it came from (`corpus <set>/<id>`, a URL, or `invented: <why>`); test/diagnosis/secrets.test.ts
   * checks them.
   */
  mustNotFire?: Array<{ text: string; source: string }>;
}

export const MIN_SECRET_LENGTH = 8;

/** Values people use for "not shown": `****`, `<redacted>`, `(sensitive value)`, `${var.x}`, `var.x`. */
export function isPlaceholder(value: string): boolean {
  return (
    /^(?:\*+|x+|X+|-+|\.+|•+|<[^>]*>|\(sensitive(?: value)?\)|REDACTED|redacted|null|none|None|true|false|changeme|example|EXAMPLE|secret|password|\$\{[^}]*\}|\$\w+|%\w+%)$/.test(
      value,
    ) ||
    /^(?:var|local|data|module|random_[a-z_]+|aws_[a-z_]+|azurerm_[a-z_]+|google_[a-z_]+)\./.test(
      value,
    ) ||
    /^(?:\*{3,}|<redacted>|\[redacted\]|\[redacted)/i.test(value) ||
    /^(.)\1*$/.test(value) || // one character repeated: a mask, not a secret
    DESCRIPTIVE_PLACEHOLDER.test(value) ||
    MY_SECRET.test(value)
  );
}

/** Words people build stand-in values from: `my-client-secret`, `YOUR_API_TOKEN`, `refresh-token`. */
const STAND_IN_WORD =
  '(?:my|your|our|some|the|example|sample|dummy|fake|test|placeholder|insert|replace|enter|put|here|goes|client|app|application|refresh|access|api|auth|oauth|bearer|service|account|user|admin|db|id|secret|password|passwd|pass|pwd|token|key|value|string|credentials?|private|arm|azure|aws|gcp|google|github|sp)';
/** A value made only of such words, two to six of them joined by `-`, `_` or `.` (no digits, nothing random). */
const DESCRIPTIVE_PLACEHOLDER = new RegExp(`^${STAND_IN_WORD}(?:[-_.]${STAND_IN_WORD}){1,5}$`, 'i');
/** …or glued to a possessive: `mysecret`, `yourclientsecret`, `dummypassword`. */
const MY_SECRET =
  /^(?:my|your|some|dummy|fake|test|example|sample)(?:client|app|api|refresh|access)?(?:secret|password|passwd|token|key)$/i;

const notPlaceholder = (v: string): boolean => v.length >= MIN_SECRET_LENGTH && !isPlaceholder(v);
/** Generic assignments: a real value, not an access-key id (an id, not a secret) or a path. */
const genericValue = (v: string): boolean =>
  notPlaceholder(v) && !isAccessKeyId(v) && looksSecret(v);

const Q = `["']?`; // optional quote around assigned values
const ASSIGN = `${Q}[ \\t]{0,8}[:=][ \\t]{0,8}${Q}`;
const SECRET_WORDS = ['secret', 'SECRET', 'Secret'];
const TOKEN_WORDS = ['token', 'TOKEN', 'Token'];
const PEM_TYPES = '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?';
const PEM = `-----BEGIN ${PEM_TYPES}PRIVATE KEY-----`;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const B64 = 'A-Za-z0-9/+=';

export const PATTERNS: SecretPattern[] = [
  // AWS secret keys in every placement: env dumps, HCL `secret_key = "…"`, JSON
  // `"SecretAccessKey": "…"`, INI credentials files, YAML. Any length: a truncated or padded
  // secret is exactly what a signature mismatch looks like.
  {
    kind: 'aws_secret_access_key',
    re: new RegExp(
      `(?:aws_?secret_?access_?key|AWS_SECRET_KEY|secret_?access_?key|secret_?key|SecretAccessKey|--secret-access-key)${ASSIGN}([${B64}]{16,64})(?![${B64}])`,
      'i',
    ),
    anchors: SECRET_WORDS,
    lookback: 12,
    span: 160,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // CLI flags and `aws configure set aws_secret_access_key …`: separated by spaces.
  {
    kind: 'aws_secret_access_key',
    re: new RegExp(
      `(?:--secret-access-key|--aws-secret-access-key|aws_secret_access_key|--secret-key)[ \\t]{1,8}${Q}([${B64}]{30,64})(?![${B64}])`,
      'i',
    ),
    anchors: SECRET_WORDS,
    lookback: 6,
    span: 120,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // `aws configure` transcripts: `AWS Secret Access Key [None]: wJalr…`
  {
    kind: 'aws_secret_access_key',
    re: /Secret Access Key \[[^\]\n]{0,40}\]: ?([A-Za-z0-9/+=]{16,64})/,
    anchors: ['Secret'],
    lookback: 8,
    span: 140,
    mustRotate: true,
  },
  {
    kind: 'aws_session_token',
    re: new RegExp(
      `(?:aws_?session_?token|aws_?security_?token|SessionToken|x-amz-security-token|x_amz_security_token|--session-token)(?:${ASSIGN}|[ \\t]{1,8}${Q})([A-Za-z0-9/+=%]{16,4096})`,
      'i',
    ),
    anchors: TOKEN_WORDS,
    lookback: 20,
    span: 4200,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Session tokens pasted bare: they start with a recognisable base64 header.
  {
    kind: 'aws_session_token',
    re: /(?<![A-Za-z0-9/+=])((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE|AgoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{0,4000})/,
    anchors: ['IQoJ', 'FwoG', 'FQoG', 'AgoJ'],
    lookback: 1,
    span: 4020,
    mustRotate: true,
  },
  // An AKIA/ASIA key followed on the same line by a 40-character secret (CSV exports, `aws configure` transcripts).
  {
    kind: 'aws_secret_access_key',
    re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b[\s,;:|"'=]{1,20}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    anchors: ['AKIA', 'ASIA'],
    lookback: 1,
    span: 90,
    mustRotate: true,
    accept: (v) => /[a-z]/.test(v) && /[A-Z0-9/+]/.test(v),
  },
  {
    kind: 'aws_access_key_id',
    re: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/,
    anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    lookback: 1,
    span: 24,
    mustRotate: false,
    accept: isAccessKeyId,
  },
  // Azure client secrets: the current format has `Q~` at positions 4–5.
  {
    kind: 'azure_client_secret',
    re: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    anchors: ['Q~'],
    lookback: 5,
    span: 48,
    mustRotate: true,
  },
  {
    kind: 'azure_client_secret',
    re: new RegExp(
      // A value ends at `&`: in a form-encoded body or a query string the next parameter
      // starts there (client secrets never hold one; a URL-encoded secret has `%26`).
      `(?:ARM_CLIENT_SECRET|AZURE_CLIENT_SECRET|client_?secret|clientSecret)${ASSIGN}([^\\s"',;&]{8,200})`,
      'i',
    ),
    anchors: SECRET_WORDS,
    lookback: 14,
    span: 260,
    mustRotate: true,
    accept: notPlaceholder,
    mustNotFire: [
      {
        text: 'Payload: grant_type=refresh_token&client_id=my-client-id&client_secret=my-client-secret&refresh_token=my-refresh-token\nResponse: status_code=400',
        source:
          'corpus holdout8/h8-gcloudcpp-3426-1 (https://github.com/googleapis/google-cloud-cpp/issues/3426): the poster replaced the values with stand-ins',
      },
      {
        text: 'export ARM_CLIENT_SECRET=your-client-secret',
        source: 'invented: the stand-in people type into a how-to (words only, no random part)',
      },
      {
        text: '  client_secret: "YOUR_CLIENT_SECRET"',
        source: 'invented: an upper-case stand-in in a YAML sample',
      },
      {
        text: 'curl -d "client_id=app&client_secret=dummysecret&grant_type=client_credentials" https://login.example.com/token',
        source: 'invented: a glued stand-in inside a form-encoded body',
      },
    ],
  },
  // Storage account keys (azurerm backend `access_key`, ARM_ACCESS_KEY, connection strings'
  // `AccountKey=`): 88 base64 characters.
  {
    kind: 'azure_storage_key',
    re: /(?:ARM_ACCESS_KEY|AccountKey|access_key|primary_access_key|storage_account_key|AZURE_STORAGE_KEY)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([A-Za-z0-9/+]{86}==)/i,
    anchors: ['ACCESS_KEY', 'AccountKey', 'access_key', 'account_key', 'STORAGE_KEY'],
    lookback: 16,
    span: 140,
    mustRotate: true,
  },
  // Private keys (PEM, also JSON-escaped inside service-account key files). A body never
  // contains `-`, so the first `-----` after the header must be the footer.
  {
    kind: 'private_key',
    re: new RegExp(`(${PEM}[^-]{0,16000}-----END ${PEM_TYPES}PRIVATE KEY-----)`),
    anchors: ['PRIVATE KEY'],
    lookback: 26,
    span: 16100,
    mustRotate: true,
  },
  {
    kind: 'private_key',
    re: new RegExp(`(${PEM}[A-Za-z0-9/+=\\\\\\n\\s]{20,16000})`),
    anchors: ['PRIVATE KEY'],
    lookback: 26,
    span: 16060,
    mustRotate: true,
  },
  {
    kind: 'gcp_service_account_key',
    re: /"private_key_id"\s{0,8}:\s{0,8}"([0-9a-f]{40})"/,
    anchors: ['private_key'],
    lookback: 1,
    span: 80,
    mustRotate: true,
  },
  // Vault: current `hvs.`/`hvb.`/`hvr.` tokens, legacy `s.` tokens (24 characters), VAULT_TOKEN.
  {
    kind: 'vault_token',
    re: /(?<![A-Za-z0-9_.-])(hv[sbr]\.[A-Za-z0-9_-]{20,400})/,
    anchors: ['hvs.', 'hvb.', 'hvr.'],
    lookback: 1,
    span: 410,
    mustRotate: true,
  },
  {
    kind: 'vault_token',
    re: /(?<![A-Za-z0-9_.-])([sb]\.[A-Za-z0-9]{24})(?![A-Za-z0-9_.-])/,
    anchors: ['s.', 'b.'],
    lookback: 1,
    span: 30,
    mustRotate: true,
    accept: (v) => /[a-z]/.test(v.slice(2)) && /[A-Z]/.test(v) && /\d/.test(v),
  },
  {
    kind: 'vault_token',
    re: /(?:VAULT_TOKEN|X-Vault-Token)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([A-Za-z0-9._-]{16,400})/i,
    anchors: ['VAULT_TOKEN', 'Vault-Token', 'vault-token', 'VAULT-TOKEN'],
    lookback: 2,
    span: 430,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Consul ACL tokens are UUIDs: recognised by where they are set.
  {
    kind: 'consul_token',
    re: new RegExp(
      `(?:CONSUL_HTTP_TOKEN|CONSUL_TOKEN|X-Consul-Token|consul_token|acl_token|access_token|\\btoken)${ASSIGN}(${UUID})(?![0-9a-fA-F-])`,
      'i',
    ),
    anchors: [...TOKEN_WORDS, 'CONSUL', 'Consul'],
    lookback: 20,
    span: 90,
    mustRotate: true,
  },
  {
    kind: 'gitlab_token',
    re: /(?<![A-Za-z0-9_-])(glpat-[A-Za-z0-9_-]{20,100})/,
    anchors: ['glpat-'],
    lookback: 1,
    span: 110,
    mustRotate: true,
  },
  {
    kind: 'google_oauth_token',
    re: /(?<![A-Za-z0-9_.-])(ya29\.[A-Za-z0-9_-]{20,2000}|1\/\/0[A-Za-z0-9_-]{20,400})/,
    anchors: ['ya29.', '1//0'],
    lookback: 1,
    span: 2010,
    mustRotate: true,
  },
  {
    kind: 'kubernetes_credential',
    re: /client-(?:key|certificate)-data:[ \t]{0,8}([A-Za-z0-9+/=]{20,20000})/,
    anchors: ['client-key-data', 'client-certificate-data'],
    lookback: 1,
    span: 20040,
    mustRotate: true,
  },
  {
    kind: 'kubernetes_credential',
    re: /^[ \t]{0,40}token:[ \t]{0,8}["']?([A-Za-z0-9._~+/=-]{16,4000})["']?[ \t]*$/m,
    anchors: ['token'],
    lookback: 40,
    span: 4060,
    mustRotate: true,
    accept: notPlaceholder,
  },
  {
    kind: 'azure_sas_token',
    re: /(?:[?&;]|\b)sig=([A-Za-z0-9%+/=]{20,200})/,
    anchors: ['sig='],
    lookback: 1,
    span: 210,
    mustRotate: true,
  },
  // GitHub, Terraform Cloud, Slack, DigitalOcean, Datadog.
  {
    kind: 'github_token',
    re: /(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/,
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    lookback: 1,
    span: 270,
    mustRotate: true,
  },
  {
    kind: 'tfc_token',
    re: /(?<![A-Za-z0-9])([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,400})/,
    anchors: ['atlasv1'],
    lookback: 16,
    span: 430,
    mustRotate: true,
  },
  {
    kind: 'tfc_token',
    re: /\bTF_TOKEN_[A-Za-z0-9_]{1,200}[ \t]{0,8}=[ \t]{0,8}["']?([^\s"']{16,4000})/,
    anchors: ['TOKEN'],
    lookback: 4,
    span: 4230,
    mustRotate: true,
    accept: notPlaceholder,
  },
  {
    kind: 'slack_token',
    re: /(?<![A-Za-z0-9-])(xox[abposre]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250})\b/,
    anchors: ['xox', 'xapp-'],
    lookback: 1,
    span: 260,
    mustRotate: true,
  },
  {
    kind: 'slack_token',
    re: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,20}\/B[A-Z0-9]{6,20}\/[A-Za-z0-9]{20,64})/,
    anchors: ['hooks.slack'],
    lookback: 8,
    span: 160,
    mustRotate: true,
  },
  {
    kind: 'digitalocean_token',
    re: /(?<![A-Za-z0-9_])(do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    anchors: ['_v1_'],
    lookback: 3,
    span: 80,
    mustRotate: true,
  },
  {
    kind: 'datadog_key',
    re: /(?:DD_API_KEY|DATADOG_API_KEY|DD-API-KEY|dd_api_key|datadog_api_key)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([a-f0-9]{32})(?![A-Za-z0-9])/i,
    anchors: ['API_KEY', 'api_key', 'API-KEY', 'Api-Key'],
    lookback: 10,
    span: 80,
    mustRotate: true,
  },
  {
    kind: 'datadog_key',
    re: /(?:DD_APP_KEY|DD_APPLICATION_KEY|DATADOG_APP_KEY|DD-APPLICATION-KEY|dd_app_key|app_key|application_key)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([a-f0-9]{40})(?![A-Za-z0-9])/i,
    anchors: ['APP_KEY', 'app_key', 'APPLICATION', 'application_key', 'Application-Key'],
    lookback: 14,
    span: 90,
    mustRotate: true,
  },
  // JWTs (OIDC tokens, Azure access tokens) and bearer / basic auth headers.
  {
    kind: 'bearer_token',
    re: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{10,2000})/,
    anchors: ['eyJ'],
    lookback: 1,
    span: 14010,
    mustRotate: true,
  },
  {
    kind: 'bearer_token',
    re: /\bBearer[ \t]{1,8}([A-Za-z0-9._~+/=-]{16,4096})/i,
    anchors: ['Bearer', 'bearer', 'BEARER'],
    lookback: 1,
    span: 4110,
    mustRotate: true,
    accept: (v) => notPlaceholder(v) && /\d/.test(v),
  },
  {
    kind: 'basic_auth',
    re: /\bBasic[ \t]{1,8}([A-Za-z0-9+/]{8,2048}={0,2})(?![A-Za-z0-9+/=])/,
    anchors: ['Basic'],
    lookback: 1,
    span: 2070,
    mustRotate: true,
    accept: (v) => notPlaceholder(v) && decodesToUserPass(v),
  },
  // Passwords and keys in backend configs, connection strings (`Password=…;`) and generic assignments.
  {
    kind: 'password',
    re: new RegExp(
      `(?:password|passwd|pwd|PGPASSWORD|MYSQL_PWD|ARM_SAS_TOKEN|api_?key|api_?token|auth_?token)${ASSIGN}([^\\s"',;]{6,200})`,
      'i',
    ),
    anchors: [
      'assw',
      'ASSW',
      'pwd',
      'PWD',
      'Pwd',
      'SAS_TOKEN',
      'api_key',
      'apikey',
      'apiKey',
      'API_KEY',
      'APIKEY',
      'api_token',
      'API_TOKEN',
      'auth_token',
      'AUTH_TOKEN',
      'authToken',
    ],
    lookback: 12,
    span: 240,
    mustRotate: true,
    accept: (v) => v.length >= 6 && !isPlaceholder(v),
  },
  // Base64 of a PEM private key (kubeconfigs, Helm values, CI variables).
  {
    kind: 'private_key',
    re: /(?<![A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/=]{20,20000})/,
    anchors: ['LS0tLS1CRUdJTi'],
    lookback: 1,
    span: 20020,
    mustRotate: true,
  },
  // Anything else assigned to a name that says it is a credential (`DIGITALOCEAN_TOKEN=…`,
  // `"client_token": "…"`, `KUBE_CLIENT_KEY_DATA=…`): only values shaped like a credential.
  {
    kind: 'generic_secret',
    re: new RegExp(
      `(?:token|secret|credential|auth|passw(?:or)?d|key)[A-Za-z0-9_-]{0,20}${ASSIGN}([A-Za-z0-9/+=._~-]{16,1024})`,
      'i',
    ),
    anchors: [
      ...TOKEN_WORDS,
      ...SECRET_WORDS,
      'credential',
      'CREDENTIAL',
      'Credential',
      'KEY',
      'key',
      'Key',
      'auth',
      'AUTH',
      'Auth',
      'assw',
      'ASSW',
    ],
    lookback: 1,
    span: 1080,
    mustRotate: true,
    accept: genericValue,
  },
];

/** `Basic …` is a credential when it decodes to `user:password` (not the word "Basic" in prose). */
function decodesToUserPass(value: string): boolean {
  try {
    const decoded = Buffer.from(value, 'base64').toString('latin1');
    return /^[\x20-\x7e]{1,200}:[\x20-\x7e]{1,200}$/.test(decoded);
  } catch {
    return false;
  }
}

/**
 * Credentials in URLs (`postgres://user:pass@host`, `https://user:pass@host`), found from
 * each `://`. HTTP(S) credentials are basic auth; other schemes are connection strings.
 */
export const URL_CREDENTIALS =
  /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,20}):\/\/[^\s:@/<>|]{1,100}:([^\s@/<>|]{3,200})@/iy;
/**
 * Where the `@` of a URL_CREDENTIALS match can be, after its `://` at i: the first `@` after
 * it (neither part may hold one), at most i + 3 + 100 + 1 + 200.
 */
export const URL_AT_MAX = 3 + 100 + 1 + 200;
