// Fills catalog text with facts from the paste. The syntax uses characters no shell,
// JMESPath, jq, kubectl jsonpath, HCL or JSON gives a meaning to, so every other
// character of a command — `{}`, `[]`, `%{http_code}`, `[].{a:b}`, `{.users[0].user}` —
// passes through untouched:
//   `⟨profile⟩`                → the value, or `<profile>` when the paste did not show one
//   `⟦ --profile ⟨profile⟩⟧`   → the part inside only when every placeholder in it is known
// (U+27E8/U+27E9 and U+27E6/U+27E7, "mathematical angle/white square brackets").
// Values are facts (never secrets): masked key ids, names, ARNs, regions.

import {
  cloudTrailEventName,
  cloudTrailEventSource,
  cloudTrailRegion,
  GLOBAL_SERVICE_NAMES,
  globalService,
} from './cloudtrail';
import { appTool, terraformShown } from './facts/terraform';
import { iamArnOf, roleNameOf, userNameOf } from './iam-arns';
import { keyAccountMismatch } from './signals';
import type { Facts } from './types';

export { iamArnOf, roleNameOf };

/** What the texts call the program when the paste shows none (neither Terraform nor another). */
export const NO_TOOL = 'the failing command';

export type TemplateVars = Partial<Record<string, string>>;

/** A placeholder: `⟨name⟩` with a lower-case name. */
export const PLACEHOLDER = /⟨([a-z][a-z0-9_]*)⟩/g;
/** An optional part: `⟦…⟧`, not nested. */
export const OPTIONAL = /⟦([^⟦⟧]*)⟧/g;

/** What a command shows for a fact the paste lacks: `<role-name>`. */
export function missing(name: string): string {
  return `<${name.replace(/_/g, '-')}>`;
}

/** Characters a value may carry into a command unquoted. */
const SHELL_SAFE = /^[A-Za-z0-9_.:/@+=,%-]+$/;

/**
 * Names a reporter put in place of the real one (`https://redacted.blob.core.windows.net`,
 * `--name XXXX`): a command shows its placeholder instead (corpus holdout10/h10-azd-2790-1).
 */
const REDACTION_STAND_IN =
  /^[<[({]?(?:redacted|hidden|masked|censored|obfuscated|removed|anonymi[sz]ed|x{3,}|\*{3,})[>\])}]?$/i;

/** Key Vault's data-plane role that writes each kind of object. */
const KEY_VAULT_WRITER_ROLES = {
  secrets: 'Key Vault Secrets Officer',
  keys: 'Key Vault Crypto Officer',
  certificates: 'Key Vault Certificates Officer',
} as const;

/** The paste's facts as template values, without redaction stand-ins. */
export function templateVars(f: Facts): TemplateVars {
  const vars = factVars(f);
  for (const [name, value] of Object.entries(vars))
    if (typeof value === 'string' && REDACTION_STAND_IN.test(value)) vars[name] = undefined;
  return vars;
}

function factVars(f: Facts): TemplateVars {
  const key = f.accessKeys.find((k) => k.kind === 'long-term' || k.kind === 'temporary');
  // The role being assumed: a role ARN, else a session ARN that is not the refused caller's own
  // (`User: arn:…:assumed-role/A/s is not authorized to perform: sts:AssumeRole` names A as the
  // caller, not the role it tried to assume).
  const role =
    f.roleArns.find((r) => r.includes(':role/')) ??
    f.roleArns.find((r) => r !== f.principal) ??
    f.redactedRoleArn;
  const mismatch = keyAccountMismatch(f);
  const skew = f.clock?.skewSeconds;
  const iamPrincipal = f.principal ? iamArnOf(f.principal) : undefined;
  return {
    // No tool shown at all: name none rather than guess Terraform (nor offer its steps).
    app: appTool(f.tools) ?? (terraformShown(f.tools) ? undefined : NO_TOOL),
    key: key?.masked,
    key_kind: key?.description,
    key_account: key?.accountId ?? mismatch?.keyAccount,
    other_account: mismatch?.otherAccount,
    region: f.region,
    partition: f.partition,
    profile: f.profiles[0],
    source_profile: f.sourceProfile,
    sso_session: f.ssoSession,
    kubectl_cmd: f.kubectlCommand,
    role,
    role_name: role ? roleNameOf(role) : callerRole(f) ? undefined : f.roleName,
    // For prose that must show an ARN slot either way (a policy statement to copy).
    pass_role_arn: role ?? '<role-arn>',
    principal: f.principal,
    iam_principal: iamPrincipal,
    // The refused caller's own role (from a role or role-session ARN, even with a redacted account).
    caller_role: f.principal ? roleNameOf(f.principal) : undefined,
    account: f.accountIds[0],
    role_account: role ? /^arn:[^:]+:[^:]+::(\d{12}):/.exec(role)?.[1] : undefined,
    block: f.failedBlock ? describeBlock(f) : undefined,
    alias: f.failedBlock?.alias,
    skew:
      skew === undefined
        ? undefined
        : `${formatDuration(Math.abs(skew)).slice(1)} ${skew < 0 ? 'behind' : 'ahead of'}`,
    action: f.deniedAction,
    // A key ARN whose account or id the reporter masked is no key to look up.
    duplicated_headers: f.duplicatedHeaders?.join(' and '),
    unfilled_value: f.unfilledValue,
    kms_key: f.kmsKey && !/[<*]|x{6}/i.test(f.kmsKey) ? f.kmsKey : undefined,
    operation: f.operations[0],
    event_name: cloudTrailEventName(f),
    event_source: cloudTrailEventSource(f),
    cloudtrail_region: cloudTrailRegion(f),
    global_service: globalServiceName(f),
    code: f.errorCodes[0],
    status: f.httpStatus === undefined ? undefined : String(f.httpStatus),
    host: f.hosts[0],
    tfc_host: f.tfcHost,
    // github.com's API unless the paste shows the call went to a GitHub Enterprise Server.
    github_api: f.githubApi ?? 'https://api.github.com',
    storage_data_role: f.storageDataRole ?? 'Storage Blob Data Contributor',
    // TF_TOKEN_<host>: dots become underscores, dashes double underscores.
    tf_token_host: f.tfcHost?.replace(/-/g, '__').replace(/\./g, '_'),
    endpoint: f.endpoint,
    subscription: f.subscriptionIds[0],
    tenant: f.tenantIds[0],
    client: f.clientIds[0],
    project: f.gcpProjects[0],
    service_account: f.gcpServiceAccount,
    api_scope: f.googleApiScope,
    gcs_bucket: f.gcsBucket,
    wif_pool: f.wif?.pool,
    wif_provider: f.wif?.provider,
    project_number: f.wif?.projectNumber,
    // IAM member syntax for the Google identity that was refused.
    // …never the service account the denial was about (`actAs denied on X`): X is no caller.
    gcp_member: gcpMember(f.principal ?? notTarget(f)),
    gcp_email: gcpMember(f.principal) ? f.principal : notTarget(f),
    gcp_target_sa: f.gcpTargetServiceAccount,
    bucket: f.s3?.bucket,
    state_key: f.s3?.key,
    // The same S3 key where it is not Terraform state (a Lambda code package).
    object_key: f.s3?.key,
    subject: f.azure?.subject,
    issuer: f.azure?.issuer ?? f.oidcIssuer,
    audience: f.azure?.audience,
    scope: f.azure?.scope,
    cluster: f.cluster?.name,
    cluster_host: f.cluster?.host,
    cluster_location: f.cluster?.location,
    k8s_user: f.kube?.user,
    k8s_subject: kubeSubject(f.kube?.user),
    k8s_verb: f.kube?.verb,
    k8s_resource: f.kube?.resource,
    k8s_subresource: f.kube?.subresource,
    k8s_namespace: f.kube?.namespace,
    k8s_plugin: f.kube?.missingPlugin,
    k8s_auth_provider: f.kube?.authProvider,
    object_id: f.azure?.objectId,
    storage_account: f.storageAccount,
    key_vault: f.keyVault?.name,
    // Key Vault's data-plane role that writes the kind of object that was refused.
    kv_role: f.keyVault?.objects ? KEY_VAULT_WRITER_ROLES[f.keyVault.objects] : undefined,
    s3_service: f.s3Compatible,
    // Who refused an OAuth grant: Google when the paste names it; otherwise not said.
    token_service: f.googleNamed
      ? 'Google'
      : 'The token endpoint (the paste does not name the service)',
    gh_owner: f.githubRepo?.owner,
    gh_repo: f.githubRepo?.repo,
    gh_token_kind: f.githubToken ? GITHUB_TOKEN_KINDS[f.githubToken] : undefined,
    user_name: f.principal ? userNameOf(f.principal) : undefined,
    mfa_serial: f.arns.find((a) => a.service === 'iam' && a.resourceType === 'mfa')?.arn,
    encoded_message: f.encodedAuthorizationMessage,
    policy_arn: f.denial?.policyArn,
    // An SCP's id, the last part of its ARN (`…/service_control_policy/p-2kgnabcd`).
    scp_id: /\/service_control_policy\/(p-[0-9a-z]{1,128})$/.exec(f.denial?.policyArn ?? '')?.[1],
    policy_type: f.denial?.policyType,
  };
}

/** The service account the call used, unless it is the one the denial was about. */
function notTarget(f: Facts): string | undefined {
  return f.gcpServiceAccount !== f.gcpTargetServiceAccount ? f.gcpServiceAccount : undefined;
}

function globalServiceName(f: Facts): string | undefined {
  const source = globalService(f);
  return source ? GLOBAL_SERVICE_NAMES[source] : undefined;
}

/** How an answer names a GitHub token kind. */
export const GITHUB_TOKEN_KINDS: Record<NonNullable<Facts['githubToken']>, string> = {
  classic_pat: 'a classic personal access token (ghp_)',
  fine_grained_pat: 'a fine-grained personal access token',
  installation:
    'a GitHub App installation token (GitHub says "integration"; the Actions GITHUB_TOKEN is one too)',
  oauth_app: 'an OAuth app token (gho_)',
  app_user: 'a GitHub App user token (ghu_)',
};

function gcpMember(email: string | undefined): string | undefined {
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return undefined;
  return `${/\.gserviceaccount\.com$/.test(email) ? 'serviceAccount' : 'user'}:${email}`;
}

/** The role name was read from the refused caller's own session ARN (not a role to assume). */
function callerRole(f: Facts): boolean {
  return f.roleName !== undefined && (f.principal ?? '').includes(`:assumed-role/${f.roleName}/`);
}

/**
 * How `kubectl get rolebindings -o wide` names a subject: a service account as
 * `<namespace>/<name>` (its SERVICEACCOUNTS column), anyone else as the user name.
 */
function kubeSubject(user: string | undefined): string | undefined {
  const sa = /^system:serviceaccount:([a-z0-9-]{1,63}):([a-z0-9.-]{1,253})$/.exec(user ?? '');
  return sa ? `${sa[1]}/${sa[2]}` : user;
}

/**
 * Fills a command: a known value goes in as is when it is shell-safe, quoted otherwise;
 * inside quotes the template opened it is escaped for those quotes, so it cannot end them.
 */
export function fill(template: string, vars: TemplateVars): string {
  return render(template, vars, (name, value, before) => {
    if (value === undefined) return missing(name);
    if (SHELL_SAFE.test(value)) return value;
    const quote = quoteAt(before);
    if (quote === "'") return value.replace(/'/g, `'\\''`);
    if (quote === '"') return value.replace(/["\\$`]/g, '\\$&');
    return `'${value.replace(/'/g, `'\\''`)}'`;
  });
}

/** The shell quote open at the end of `prefix` (bash rules: no escapes inside '…'). */
function quoteAt(prefix: string): '' | "'" | '"' {
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (quote === "'") {
      if (c === "'") quote = '';
    } else if (c === '\\') i++;
    else if (c === quote) quote = '';
    else if (!quote && (c === "'" || c === '"')) quote = c;
  }
  return quote;
}

/** Fills prose: a missing fact reads "the action", "the role", … rather than a placeholder. */
export function fillProse(template: string, vars: TemplateVars): string {
  const text = render(template, vars, (name, value) => value ?? `the ${name.replace(/_/g, ' ')}`);
  return vars.app ? forApp(text, vars.app) : text;
}

/** Where the catalog says Terraform (or its provider), a paste another tool printed names that tool. */
const TERRAFORM_NAMED =
  /(?<!HCP )\bTerraform\b(?! (?:AWS provider|Cloud|Enterprise|Registry|S3 backend|state)\b)|\bthe (?:integrations\/)?(?:github|aws|azurerm|google) provider\b/g;

/** "The Node.js app", but a program's own name as spelled: `azd`, `helm`, `aws-runas`. */
function sentenceStart(app: string): string {
  return /^(?:a|an|the) /.test(app) ? app.charAt(0).toUpperCase() + app.slice(1) : app;
}

export function forApp(text: string, app: string): string {
  return text.replace(TERRAFORM_NAMED, (_m, offset: number) =>
    offset === 0 || /[.!?:]\s+$|\n\s*$/.test(text.slice(Math.max(0, offset - 3), offset))
      ? sentenceStart(app)
      : app,
  );
}

function render(
  template: string,
  vars: TemplateVars,
  value: (name: string, value: string | undefined, before: string) => string,
): string {
  const kept = template.replace(OPTIONAL, (_m, inner: string) =>
    [...inner.matchAll(PLACEHOLDER)].every((m) => vars[m[1] as string] !== undefined) ? inner : '',
  );
  return kept.replace(PLACEHOLDER, (_m, name: string, offset: number, whole: string) =>
    value(name, vars[name], whole.slice(0, offset)),
  );
}

/** The placeholder names a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export function describeBlock(f: Facts): string {
  const b = f.failedBlock;
  if (!b) return '';
  switch (b.kind) {
    case 's3_backend':
      return 'the S3 backend';
    case 'backend':
      return b.name ? `the ${b.name} backend` : 'the backend';
    case 'provider':
      return `provider "${b.name ?? '?'}"${b.alias ? ` (alias ${b.alias})` : ''}`;
    case 'remote_state':
      return `data.terraform_remote_state.${b.name ?? '?'}`;
    case 'exec_plugin':
      return b.name ? `the exec credential plugin ${b.name}` : 'an exec credential plugin';
    default:
      return b.name ?? b.location ?? b.kind;
  }
}

export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '+';
  let s = Math.abs(totalSeconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].filter(
    Boolean,
  );
  return `${sign}${parts.join(' ')}`;
}
