// Finds secrets in a paste so that tfauth can warn whoever pasted them and make sure no
// text leaving the engine contains one. One fast anchor pass finds candidate lines; the
// precise patterns then run on those lines only, which keeps this linear on huge logs.

import { isAccessKeyId, maskKeyId } from './access-keys';
import type { SecretFinding, SecretKind } from './types';

interface SecretPattern {
  kind: SecretKind;
  /** The secret is capture group 1 (or the whole match). */
  re: RegExp;
  /** Literal words, one of which every match contains: only lines with one are tried. */
  anchors: string[];
  /** How far before its anchor a match may start. */
  lookback: number;
  mustRotate: boolean;
  /** Optional check of the captured value (rejects references and already-masked values). */
  accept?: (value: string) => boolean;
}

const MIN_SECRET_LENGTH = 8;

/** Values people use for "not shown": `****`, `<redacted>`, `(sensitive value)`, `${var.x}`, `var.x`. */
function isPlaceholder(value: string): boolean {
  return (
    /^(?:\*+|x+|X+|-+|\.+|•+|<[^>]*>|\(sensitive(?: value)?\)|REDACTED|redacted|null|none|None|true|false|changeme|example|EXAMPLE|secret|password|\$\{[^}]*\}|\$\w+|%\w+%)$/.test(
      value,
    ) ||
    /^(?:var|local|data|module|random_[a-z_]+|aws_[a-z_]+|azurerm_[a-z_]+|google_[a-z_]+)\./.test(
      value,
    ) ||
    /^(?:\*{3,}|<redacted>|\[redacted\])/i.test(value) ||
    /^(.)\1*$/.test(value) // one character repeated: a mask, not a secret
  );
}

const notPlaceholder = (v: string): boolean => v.length >= MIN_SECRET_LENGTH && !isPlaceholder(v);

const Q = `["']?`; // optional quote around assigned values
const ASSIGN = `${Q}\\s*[:=]\\s*${Q}`;
const SECRET_WORDS = ['secret', 'SECRET', 'Secret'];
const TOKEN_WORDS = ['token', 'TOKEN', 'Token'];
const PEM = '-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----';

const PATTERNS: SecretPattern[] = [
  // AWS
  {
    kind: 'aws_secret_access_key',
    re: new RegExp(
      // Any length: a truncated or padded secret is exactly what a signature mismatch looks like.
      `(?:aws_?secret_?access_?key|AWS_SECRET_KEY|secret_?key|SecretAccessKey|--secret-access-key)${ASSIGN}([A-Za-z0-9/+=]{16,64})(?![A-Za-z0-9/+=])`,
      'i',
    ),
    anchors: SECRET_WORDS,
    lookback: 12,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // `aws configure` transcripts: `AWS Secret Access Key [None]: wJalr…`
  {
    kind: 'aws_secret_access_key',
    re: /Secret Access Key \[[^\]\n]{0,40}\]: ?([A-Za-z0-9/+=]{16,64})/,
    anchors: ['Secret'],
    lookback: 8,
    mustRotate: true,
  },
  {
    kind: 'aws_session_token',
    re: new RegExp(
      `(?:aws_?session_?token|aws_?security_?token|SessionToken|x-amz-security-token|x_amz_security_token|--session-token)${ASSIGN}([A-Za-z0-9/+=%]{16,})`,
      'i',
    ),
    anchors: TOKEN_WORDS,
    lookback: 20,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Session tokens pasted bare: they start with a recognisable base64 header.
  {
    kind: 'aws_session_token',
    re: /\b((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE|AgoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{0,2000})/,
    anchors: ['IQoJ', 'FwoG', 'FQoG', 'AgoJ'],
    lookback: 1,
    mustRotate: true,
  },
  // An AKIA/ASIA key followed on the same line by a 40-character secret (CSV exports, `aws configure` transcripts).
  {
    kind: 'aws_secret_access_key',
    re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b[\s,;:|"'=]{1,20}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    anchors: ['AKIA', 'ASIA'],
    lookback: 1,
    mustRotate: true,
    accept: (v) => /[a-z]/.test(v) && /[A-Z0-9/+]/.test(v),
  },
  {
    kind: 'aws_access_key_id',
    re: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/,
    anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    lookback: 1,
    mustRotate: false,
    accept: isAccessKeyId,
  },
  // Azure client secrets: the current format has `Q~` at positions 4–5.
  {
    kind: 'azure_client_secret',
    re: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    anchors: ['Q~'],
    lookback: 5,
    mustRotate: true,
  },
  {
    kind: 'azure_client_secret',
    re: new RegExp(
      `(?:ARM_CLIENT_SECRET|AZURE_CLIENT_SECRET|client_?secret|clientSecret)${ASSIGN}([^\\s"',;]{8,200})`,
      'i',
    ),
    anchors: SECRET_WORDS,
    lookback: 14,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Storage account keys (azurerm backend `access_key`, ARM_ACCESS_KEY): 88 base64 characters.
  {
    kind: 'password',
    re: /(?:ARM_ACCESS_KEY|AccountKey|access_key|sas_token)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{86}==)/i,
    anchors: ['ACCESS_KEY', 'AccountKey', 'access_key', 'sas_token'],
    lookback: 4,
    mustRotate: true,
  },
  // Private keys (PEM, also JSON-escaped inside service-account key files).
  {
    kind: 'private_key',
    re: new RegExp(
      `(${PEM}(?:[^-]|-(?!----END)){0,8000}-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)`,
    ),
    anchors: ['PRIVATE KEY'],
    lookback: 26,
    mustRotate: true,
  },
  {
    kind: 'private_key',
    re: new RegExp(`(${PEM}[A-Za-z0-9/+=\\\\\\n\\s]{20,8000})`),
    anchors: ['PRIVATE KEY'],
    lookback: 26,
    mustRotate: true,
  },
  {
    kind: 'gcp_service_account_key',
    re: /"private_key_id"\s*:\s*"([0-9a-f]{40})"/,
    anchors: ['private_key'],
    lookback: 1,
    mustRotate: true,
  },
  // Vault, GitLab, Google OAuth, Kubernetes credentials, Azure SAS.
  {
    kind: 'vault_token',
    re: /\b(hv[sbr]\.[A-Za-z0-9_-]{20,400})/,
    anchors: ['hvs.', 'hvb.', 'hvr.'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'vault_token',
    re: /VAULT_TOKEN\s*[:=]\s*["']?([A-Za-z0-9._-]{16,400})/,
    anchors: ['VAULT_TOKEN'],
    lookback: 1,
    mustRotate: true,
    accept: notPlaceholder,
  },
  {
    kind: 'gitlab_token',
    re: /\b(glpat-[A-Za-z0-9_-]{20,100})/,
    anchors: ['glpat-'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'google_oauth_token',
    re: /\b(ya29\.[A-Za-z0-9_-]{20,2000}|1\/\/0[A-Za-z0-9_-]{20,400})/,
    anchors: ['ya29.', '1//0'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'kubernetes_credential',
    re: /client-(?:key|certificate)-data:\s*([A-Za-z0-9+/=]{20,20000})/,
    anchors: ['client-key-data', 'client-certificate-data'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'kubernetes_credential',
    re: /^\s*token:\s*["']?([A-Za-z0-9._~+/=-]{16,4000})["']?\s*$/m,
    anchors: ['token'],
    lookback: 40,
    mustRotate: true,
    accept: notPlaceholder,
  },
  {
    kind: 'azure_sas_token',
    re: /[?&]sig=([A-Za-z0-9%+/=]{20,200})/,
    anchors: ['sig='],
    lookback: 1,
    mustRotate: true,
  },
  // GitHub, Terraform Cloud, Slack.
  {
    kind: 'github_token',
    re: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/,
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'tfc_token',
    re: /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,})/,
    anchors: ['atlasv1'],
    lookback: 16,
    mustRotate: true,
  },
  {
    kind: 'tfc_token',
    re: /\bTF_TOKEN_[A-Za-z0-9_]{1,200}\s*=\s*["']?([^\s"']{16,})/,
    anchors: ['TOKEN'],
    lookback: 4,
    mustRotate: true,
    accept: notPlaceholder,
  },
  {
    kind: 'slack_token',
    re: /\b(xox[abposre]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250})\b/,
    anchors: ['xox', 'xapp-'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'slack_token',
    re: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/,
    anchors: ['hooks.slack'],
    lookback: 8,
    mustRotate: true,
  },
  // JWTs (OIDC tokens, Azure access tokens) and bearer headers.
  {
    kind: 'bearer_token',
    re: /\b(eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{10,2000})/,
    anchors: ['eyJ'],
    lookback: 1,
    mustRotate: true,
  },
  {
    kind: 'bearer_token',
    re: /Authorization:\s*Bearer\s+([A-Za-z0-9._~+/=-]{16,})/i,
    anchors: ['Bearer', 'bearer', 'BEARER'],
    lookback: 20,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Passwords: backend configs, generic assignments.
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
    mustRotate: true,
    accept: (v) => v.length >= 6 && !isPlaceholder(v),
  },
];

// Connection strings with a password (`postgres://user:pass@host`) are found from each `://`.
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]{0,20}:\/\/[^\s:@/]{1,100}:([^\s@/]{3,200})@/iy;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANCHOR_WORDS = [...new Set(PATTERNS.flatMap((p) => p.anchors))].sort(
  (a, b) => b.length - a.length,
);
// Found with indexOf rather than inside the alternation: an alternative starting with a digit or
// with a short, common prefix keeps irregexp from skipping ahead, which made the whole secret scan
// of a TF_LOG=DEBUG log about twice as slow (npm run bench, "5 MB debug log").
const SCANNED_ALONE = ['1//0', 'eyJ'];
const ANCHOR = new RegExp(
  ANCHOR_WORDS.filter((w) => !SCANNED_ALONE.includes(w))
    .map(escapeRe)
    .join('|'),
  'g',
);

/** Every anchor occurrence: [index, word]. */
function* anchorHits(text: string): Generator<[number, string]> {
  ANCHOR.lastIndex = 0;
  try {
    for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) yield [m.index, m[0]];
  } finally {
    ANCHOR.lastIndex = 0;
  }
  for (const word of SCANNED_ALONE)
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length))
      yield [i, word];
}
const BY_ANCHOR = new Map<string, Array<{ pattern: SecretPattern; anchored: RegExp }>>();
for (const pattern of PATTERNS) {
  // Sticky, with `.{0,lookback}?` in front: the match must start near its anchor, so a miss costs a
  // few attempts, not a scan of the rest of the text (a leading `^` would not pin it under flag `m`).
  const anchored = new RegExp(
    `[\\s\\S]{0,${pattern.lookback}}?(?:${pattern.re.source})`,
    `${pattern.re.flags.replace(/[gy]/g, '')}y`,
  );
  for (const word of pattern.anchors) {
    const list = BY_ANCHOR.get(word) ?? [];
    list.push({ pattern, anchored });
    BY_ANCHOR.set(word, list);
  }
}

export interface SecretScan {
  findings: SecretFinding[];
  /** The raw values, kept only in memory to scrub any text that leaves the engine. */
  values: string[];
}

const MAX_FINDINGS = 50;
const MAX_MATCH = 12 * 1024;

/** Counts lines incrementally as positions only move forward. */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  at(index: number): number {
    for (
      let i = this.text.indexOf('\n', this.pos);
      i !== -1 && i < index;
      i = this.text.indexOf('\n', i + 1)
    )
      this.line++;
    this.pos = Math.max(this.pos, index);
    return this.line;
  }
}

/** Cheap pre-check: false means findSecrets would find nothing. */
export function mayContainSecret(text: string): boolean {
  ANCHOR.lastIndex = 0;
  const hit = ANCHOR.test(text);
  ANCHOR.lastIndex = 0;
  return hit || SCANNED_ALONE.some((w) => text.includes(w)) || text.includes('://');
}

export function findSecrets(text: string): SecretScan {
  const hits: Array<{ index: number; kind: SecretKind; value: string; mustRotate: boolean }> = [];
  const values = new Set<string>();
  const take = (
    index: number,
    pattern: Pick<SecretPattern, 'kind' | 'mustRotate' | 'accept'>,
    value: string | undefined,
  ): void => {
    if (
      !value ||
      values.has(value) ||
      hits.length >= MAX_FINDINGS ||
      (pattern.accept && !pattern.accept(value))
    )
      return;
    values.add(value);
    hits.push({ index, kind: pattern.kind, value, mustRotate: pattern.mustRotate });
  };

  for (const [index, word] of anchorHits(text)) {
    if (hits.length >= MAX_FINDINGS) break;
    for (const { pattern, anchored } of BY_ANCHOR.get(word) ?? []) {
      const start = Math.max(0, index - pattern.lookback);
      anchored.lastIndex = 0;
      const found = anchored.exec(text.slice(start, Math.min(text.length, index + MAX_MATCH)));
      if (found) take(index, pattern, found[1] ?? found[0]);
    }
  }
  for (
    let i = text.indexOf('://');
    i !== -1 && hits.length < MAX_FINDINGS;
    i = text.indexOf('://', i + 3)
  ) {
    URL_CREDENTIALS.lastIndex = Math.max(0, i - 21);
    // The scheme may start a little before `://`; try the few possible starts.
    for (let s = URL_CREDENTIALS.lastIndex; s < i; s++) {
      URL_CREDENTIALS.lastIndex = s;
      const found = URL_CREDENTIALS.exec(text);
      if (found) {
        take(i, { kind: 'password', mustRotate: true, accept: (v) => !isPlaceholder(v) }, found[1]);
        break;
      }
    }
  }

  hits.sort((a, b) => a.index - b.index);
  const lines = new LineCounter(text);
  const findings = hits.map((h) => ({
    kind: h.kind,
    masked: maskSecret(h.kind, h.value),
    line: lines.at(h.index),
    mustRotate: h.mustRotate,
  }));
  return {
    findings: dedupeByMask(findings),
    values: [...values].sort((a, b) => b.length - a.length),
  };
}

function dedupeByMask(findings: SecretFinding[]): SecretFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}:${f.masked}:${f.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How a secret is shown: never any of its secret characters. */
export function maskSecret(kind: SecretKind, value: string): string {
  if (kind === 'aws_access_key_id') return maskKeyId(value);
  // Public, non-secret prefixes help people recognise which token it was.
  const prefix =
    /^(?:gh[pousr]_|github_pat_|xox[abposre]-|xapp-|eyJ|-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----)/.exec(
      value,
    )?.[0];
  const label = prefix ? prefix.replace(/-----BEGIN ([A-Z ]*)-----/, '$1') : kind;
  return `[${label}…, ${value.length} chars]`;
}

/**
 * Returns a redactor that replaces every secret value and every access-key id in a string.
 * Applied to all text that leaves the engine.
 */
export function redactor(values: string[]): (s: string) => string {
  return (s: string) => {
    let out = s;
    for (const v of values)
      if (v.length >= 6 && out.includes(v)) out = out.split(v).join('[redacted]');
    return out.replace(/\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g, (id) => maskKeyId(id));
  };
}

/** Masks every secret and access-key id in one piece of text (for logs and error messages). */
export function scrubText(text: string): string {
  return redactor(findSecrets(text).values)(text);
}
