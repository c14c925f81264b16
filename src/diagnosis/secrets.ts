// Finds secrets in a paste so that tfauth can warn whoever pasted them and make sure no
// text leaving the engine contains one. One fast anchor pass finds candidate lines; the
// precise patterns then run on those lines only, which keeps this linear on huge logs.

import { isAccessKeyId, maskKeyId } from './access-keys';
import type { SecretFinding, SecretKind } from './types';

interface SecretPattern {
  kind: SecretKind;
  /** Global regex; the secret is capture group 1 (or the whole match). */
  re: RegExp;
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
    /(.)\1{7,}/.test(value)
  );
}

const notPlaceholder = (v: string): boolean => v.length >= MIN_SECRET_LENGTH && !isPlaceholder(v);

const Q = `["']?`; // optional quote around assigned values
const ASSIGN = `${Q}\\s*[:=]\\s*${Q}`;

const PATTERNS: SecretPattern[] = [
  // AWS
  {
    kind: 'aws_secret_access_key',
    re: new RegExp(
      `(?:aws_?secret_?access_?key|AWS_SECRET_KEY|secret_?key|SecretAccessKey|--secret-access-key)${ASSIGN}([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`,
      'gi',
    ),
    mustRotate: true,
  },
  {
    kind: 'aws_session_token',
    re: new RegExp(
      `(?:aws_?session_?token|aws_?security_?token|SessionToken|x-amz-security-token|x_amz_security_token|--session-token)${ASSIGN}([A-Za-z0-9/+=%]{16,})`,
      'gi',
    ),
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Session tokens pasted bare: they start with a recognisable base64 header.
  {
    kind: 'aws_session_token',
    re: /\b((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE|AgoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{0,2000})/g,
    mustRotate: true,
  },
  // An AKIA/ASIA key followed on the same line by a 40-character secret (CSV exports, `aws configure` transcripts).
  {
    kind: 'aws_secret_access_key',
    re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b[\s,;:|"'=]{1,20}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    mustRotate: true,
    accept: (v) => /[a-z]/.test(v) && /[A-Z0-9/+]/.test(v),
  },
  {
    kind: 'aws_access_key_id',
    re: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g,
    mustRotate: false,
    accept: isAccessKeyId,
  },
  // Azure client secrets: the current format has `Q~` at positions 4–5.
  {
    kind: 'azure_client_secret',
    re: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
    mustRotate: true,
  },
  {
    kind: 'azure_client_secret',
    re: new RegExp(
      `(?:ARM_CLIENT_SECRET|AZURE_CLIENT_SECRET|client_?secret|clientSecret)${ASSIGN}([^\\s"',;]{8,200})`,
      'gi',
    ),
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Storage account keys (azurerm backend `access_key`, ARM_ACCESS_KEY): 88 base64 characters.
  {
    kind: 'password',
    re: /(?:ARM_ACCESS_KEY|AccountKey|access_key|sas_token)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{86}==)/gi,
    mustRotate: true,
  },
  // Private keys (PEM, also JSON-escaped inside service-account key files).
  {
    kind: 'private_key',
    re: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----(?:[^-]|-(?!----END)){0,8000}-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)/g,
    mustRotate: true,
  },
  {
    kind: 'private_key',
    re: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----[A-Za-z0-9/+=\\\n\s]{20,8000})/g,
    mustRotate: true,
  },
  {
    kind: 'gcp_service_account_key',
    re: /"private_key_id"\s*:\s*"([0-9a-f]{40})"/g,
    mustRotate: true,
  },
  // GitHub, Terraform Cloud, Slack.
  {
    kind: 'github_token',
    re: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
    mustRotate: true,
  },
  { kind: 'tfc_token', re: /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,})/g, mustRotate: true },
  {
    kind: 'tfc_token',
    re: /\bTF_TOKEN_[A-Za-z0-9_]{1,200}\s*=\s*["']?([^\s"']{16,})/g,
    mustRotate: true,
    accept: notPlaceholder,
  },
  {
    kind: 'slack_token',
    re: /\b(xox[abposre]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250})\b/g,
    mustRotate: true,
  },
  {
    kind: 'slack_token',
    re: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/g,
    mustRotate: true,
  },
  // JWTs (OIDC tokens, Azure access tokens) and bearer headers.
  {
    kind: 'bearer_token',
    re: /\b(eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{10,2000})/g,
    mustRotate: true,
  },
  {
    kind: 'bearer_token',
    re: /Authorization:\s*Bearer\s+([A-Za-z0-9._~+/=-]{16,})/gi,
    mustRotate: true,
    accept: notPlaceholder,
  },
  // Passwords: backend configs, connection strings, generic assignments.
  {
    kind: 'password',
    re: new RegExp(
      `(?:password|passwd|pwd|PGPASSWORD|MYSQL_PWD|ARM_SAS_TOKEN|api_?key|api_?token|auth_?token)${ASSIGN}([^\\s"',;]{6,200})`,
      'gi',
    ),
    mustRotate: true,
    accept: (v) => v.length >= 6 && !isPlaceholder(v),
  },
  {
    kind: 'password',
    re: /[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,100}:([^\s@/]{3,200})@/gi,
    mustRotate: true,
    accept: (v) => !isPlaceholder(v) && v !== '',
  },
];

// Cheap words that every pattern above contains; lines without one are skipped.
const ANCHOR =
  /secret|SECRET|Secret|token|TOKEN|Token|IQoJ|FwoG|FQoG|AgoJ|AKIA|ASIA|ABIA|ACCA|Q~|PRIVATE KEY|private_key|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|atlasv1|xox|xapp-|hooks\.slack|eyJ|Bearer|assw|PASSW|pwd|PWD|api_?key|API_?KEY|ACCESS_KEY|AccountKey|access_key|sas_token|:\/\/[^\s:@/]{1,100}:[^\s@/]{1,200}@/g;

export interface SecretScan {
  findings: SecretFinding[];
  /** The raw values, kept only in memory to scrub any text that leaves the engine. */
  values: string[];
}

const MAX_FINDINGS = 50;
const MAX_REGION = 16 * 1024;

export function findSecrets(text: string): SecretScan {
  const findings: SecretFinding[] = [];
  const values = new Set<string>();
  for (const region of candidateRegions(text)) {
    const slice = text.slice(region.start, region.end);
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(slice); m !== null; m = p.re.exec(slice)) {
        const value = m[1] ?? m[0];
        if (m[0] === '') p.re.lastIndex++;
        if (!value || values.has(value) || (p.accept && !p.accept(value))) continue;
        if (findings.length >= MAX_FINDINGS) break;
        values.add(value);
        findings.push({
          kind: p.kind,
          masked: maskSecret(p.kind, value),
          line: lineNumber(text, region.start + m.index),
          mustRotate: p.mustRotate,
        });
      }
      p.re.lastIndex = 0;
    }
  }
  // A key id is only a concern when it leaked next to its secret; still listed, never rotated alone.
  return {
    findings: dedupeByMask(findings),
    values: [...values].sort((a, b) => b.length - a.length),
  };
}

/** Merged line ranges around anchor hits; enormous lines are cut around the hit. */
function candidateRegions(text: string): Array<{ start: number; end: number }> {
  const regions: Array<{ start: number; end: number }> = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    // Include the previous line too: `aws_secret_access_key =` may wrap before its value.
    const prev = text.lastIndexOf('\n', m.index - 1);
    let start = prev <= 0 ? 0 : text.lastIndexOf('\n', prev - 1) + 1;
    let end = text.indexOf('\n', m.index + m[0].length);
    end = end === -1 ? text.length : end;
    // PEM blocks span lines: read on to the END marker.
    if (m[0] === 'PRIVATE KEY' || m[0] === 'private_key') {
      const close = text.indexOf('PRIVATE KEY-----', m.index + 11);
      if (close !== -1 && close - m.index < 12000) end = Math.max(end, close + 16);
    }
    if (end - start > MAX_REGION) {
      start = Math.max(start, m.index - MAX_REGION / 2);
      end = Math.min(end, m.index + MAX_REGION / 2);
    }
    const last = regions[regions.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else regions.push({ start, end });
    ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, end);
  }
  ANCHOR.lastIndex = 0;
  return regions;
}

function lineNumber(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
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
