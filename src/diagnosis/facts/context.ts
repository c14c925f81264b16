// Facts that fill the commands of one class: the S3 object a backend read failed on, the
// Entra federated-credential and scope details, the Google service account, the Terraform
// host that refused a token, the Kubernetes API server and its kind, what a newer
// AccessDenied message says about the policy, and the shell the paste came from.
// Every value is bounded by its own quotes or a character class, so the next line's first
// word or a trailing backtick or full stop never becomes part of it.

import { firstMatch } from '../text-util';
import { SA_DOMAIN } from './identity';
import type { ClusterKind, DenialFacts, Facts } from '../types';

const GUID = '[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}';
const BUCKET = '[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]';
const HOST = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?){1,6}';

export function s3Object(flat: string): Facts['s3'] {
  const bucket = firstMatch(
    [
      new RegExp(`S3 bucket "(${BUCKET})"`),
      new RegExp(`\\bs3://(${BUCKET})(?:/|\\b)`),
      new RegExp(`\\bbucket ?[=:] ?"(${BUCKET})"`),
      new RegExp(`\\bBucket: ?"(${BUCKET})"`),
      new RegExp(`\\bbucket '(${BUCKET})'`),
      new RegExp(`\\bhttps://(${BUCKET})\\.s3[.-](?:[a-z0-9-]+\\.)?amazonaws\\.com`),
    ],
    flat,
  );
  const key = firstMatch(
    [
      /Unable to access object "([^"\s]{1,1024})" in S3 bucket/,
      new RegExp(`\\bs3://${BUCKET}/([\\w./=-]{1,1024}\\.tfstate)\\b`),
      /\bkey ?[=:] ?"([\w./=-]{1,1024})"/,
      /\bKey: ?"?([\w./=-]{1,1024}\.tfstate)\b/,
    ],
    flat,
  );
  return bucket || key ? { ...(bucket ? { bucket } : {}), ...(key ? { key } : {}) } : undefined;
}

/** Entra: the subject/issuer/audience of a rejected assertion, the scope and object id of a denial. */
export function azureDetails(flat: string): Facts['azure'] {
  const subject = firstMatch(
    [/assertion subject '([^'\s]{3,400})'/, /\bsubject '([^'\s]{3,400})'/],
    flat,
  );
  const issuer = firstMatch(
    [/assertion issuer '(https:\/\/[^'\s]{3,400})'/, /\bissuer '(https:\/\/[^'\s]{3,400})'/],
    flat,
  );
  const audience = firstMatch(
    [/assertion audience '([^'\s]{3,400})'/, /\baudience '([^'\s]{3,400})'/],
    flat,
  );
  // A scope may be hard-wrapped mid-word (`/subscrip tions/…`): scopes contain no spaces.
  const scope = firstMatch([/\bscope '(\/[^']{3,600})'/], flat)?.replace(/\s+/g, '');
  const objectId = firstMatch([new RegExp(`object id '(${GUID})'`)], flat);
  const out = {
    ...(subject ? { subject } : {}),
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
    ...(scope && /^\/subscriptions\/|^\/providers\//.test(scope) ? { scope } : {}),
    ...(objectId ? { objectId } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

export function gcpServiceAccount(flat: string): string | undefined {
  // Tried at every word start, so slow where it cannot match: only when the domain occurs.
  if (!flat.includes(SA_DOMAIN)) return undefined;
  return firstMatch(
    [/\b([a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com)\b/],
    flat,
  );
}

/** The Terraform host a token is missing for or was refused by. */
export function tfcHost(flat: string): string | undefined {
  return firstMatch(
    [
      new RegExp(`generate a token for (${HOST}):`),
      new RegExp(`\\bterraform login (${HOST})\\b`),
      new RegExp(`credentials block for (${HOST}) in your CLI Config`),
      new RegExp(`your API token for (${HOST}) is valid`),
      new RegExp(`\\bat host (${HOST})\\b`),
      // A private module registry that refused the token.
      new RegExp(
        `available versions for (?:module|provider) "[^"]{1,200}"(?: \\([^)]{0,200}\\))? from (${HOST}):`,
      ),
      new RegExp(`Could not download module "[^"]{1,200}" from https://(${HOST})/`),
      new RegExp(
        `Failed to (?:request discovery document|retrieve available versions)[^:]{0,200}?: .{0,80}?https://(${HOST})/`,
      ),
      new RegExp(`\\bhttps://(${HOST})/(?:api/v2|api/registry|v1/modules)`),
      /(?<![\w.-])(app\.terraform\.io)\b/,
    ],
    flat,
  );
}

/** The Kubernetes API server host and whose cluster it is. */
export function cluster(flat: string): Facts['cluster'] {
  const host = firstMatch(
    [
      /https:\/\/([a-z0-9.-]{1,200}\.(?:eks\.amazonaws\.com|azmk8s\.io|gke\.goog))\b/,
      new RegExp(
        `https://(${HOST})(?::(?:443|6443))?/(?:api/v1|apis/[a-z0-9.-]{1,100}/v1|version)\\b`,
      ),
    ],
    flat,
  );
  const eksName = firstMatch(
    [
      /arn:aws[\w-]*:eks:[a-z0-9-]+:\d{12}:cluster\/([\w-]{1,100})\b/,
      /--cluster-name[ =]"?([\w-]{1,100})\b/,
      /\bcluster[_-]name ?[=:] ?"([\w-]{1,100})"/,
    ],
    flat,
  );
  const aksName = firstMatch([/managedClusters\/([\w-]{1,63})\b/], flat);
  const gkeName = firstMatch([/\/clusters\/([a-z][a-z0-9-]{0,39})\b/], flat);
  let kind: ClusterKind | undefined;
  if (
    /\.eks\.amazonaws\.com|aws eks get-token|aws_eks_cluster|\bEKS\b|aws-iam-authenticator/.test(
      flat,
    )
  )
    kind = 'eks';
  else if (/\.azmk8s\.io|kubelogin|\bAKS\b|managedClusters|azurerm_kubernetes_cluster/.test(flat))
    kind = 'aks';
  else if (
    /gke-gcloud-auth-plugin|\bGKE\b|container\.googleapis\.com|google_container_cluster|\.gke\.goog/.test(
      flat,
    )
  )
    kind = 'gke';
  else if (host) kind = 'other';
  const name =
    kind === 'eks' ? eksName : kind === 'aks' ? aksName : kind === 'gke' ? gkeName : undefined;
  const location =
    kind === 'gke'
      ? firstMatch([/\/locations\/([a-z]{2,12}-[a-z]{2,12}\d(?:-[a-z])?)\/clusters\//], flat)
      : undefined;
  if (!host && !kind) return undefined;
  return {
    ...(host ? { host } : {}),
    ...(kind ? { kind } : {}),
    ...(name ? { name } : {}),
    ...(location ? { location } : {}),
  };
}

/**
 * Newer AccessDenied messages: `… with an explicit deny in a service control policy:
 * arn:aws:organizations::…` (the policy ARN since the change in the AWS Security Blog post
 * "Enhanced access denied error messages with policy ARNs") or `… because no identity-based
 * policy allows the … action` (IAM User Guide, troubleshoot_access-denied).
 */
export function denial(flat: string): DenialFacts | undefined {
  const explicit =
    /with an explicit deny in an? ([a-z][\w -]{2,40}?policy)(?:: (arn:aws[\w-]*:[a-z0-9-]+:[^\s,]*:\d{12}?:[\w+=,.@/:-]{1,512}?))?(?=[\s,.;)]|$)/.exec(
      flat,
    );
  const implicit = /because no ([a-z][\w -]{2,40}?policy) allows/.exec(flat);
  const policyArn = explicit?.[2]?.replace(/[.,;:]+$/, '');
  const out: DenialFacts = {
    ...(explicit ? { policyType: explicit[1], reason: 'explicit-deny' as const } : {}),
    ...(!explicit && implicit ? { policyType: implicit[1], reason: 'implicit-deny' as const } : {}),
    ...(policyArn ? { policyArn } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `role "Deploy"` / `role: Deploy` without an ARN. */
export function roleName(flat: string): string | undefined {
  return firstMatch([/\brole[ _]name[ =:]+"?([\w+=,.@-]{1,64})\b/i], flat);
}

/** A Windows prompt or path: PowerShell (`PS C:\…>`), cmd (`C:\…>` alone). */
export function shellOf(text: string): Facts['shell'] {
  if (!text.includes('\\') && !text.includes('$env:')) return undefined; // no path, no variable
  if (/^PS [A-Z]:\\[^\n>]{0,300}>/m.test(text) || /\$env:[A-Z_]{2,}/.test(text))
    return 'powershell';
  if (/^[A-Z]:\\[^\n>]{0,300}>/m.test(text)) return 'cmd';
  return undefined;
}

export function stateNotPersisted(flat: string): boolean {
  return /errored\.tfstate|Failed to (?:persist|save) state|Error saving state/.test(flat);
}
