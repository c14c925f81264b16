// Who is involved: access keys (masked), ARNs and their accounts, the calling principal,
// assumed roles, profiles, and the Azure/Google identities that appear in messages.

import { describeKeyId, KEY_ID_PATTERN } from '../access-keys';
import { allMatches, firstMatch, unique } from '../text-util';
import type { AccessKeyFact, ArnFact } from '../types';

const ARN =
  /\barn:(aws(?:-cn|-us-gov|-iso(?:-[a-z])?|-eusc)?):([a-z0-9-]{2,32}):([a-z0-9-]{0,32}):(\d{12})?:([A-Za-z0-9+=,.@_/:*-]{1,512})/g;

/**
 * The account field of an IAM ARN as pastes redact it: `<aws acct>`, `{account suppressed}`,
 * `[account]`, `"111222333444"`, `XXXXXXX`, `***`, `ACCOUNTID`, a shortened number. Bracketed
 * forms may hold spaces; the others end at the colon.
 */
export const ACCOUNT_SLOT =
  '(?:<<[^<>:\\n]{1,40}>>|\\{\\{[^{}:\\n]{1,40}\\}\\}|<[^<>:\\n]{1,40}>|\\{[^{}:\\n]{1,40}\\}|\\[[^\\[\\]:\\n]{1,40}\\]|"[^":\\n]{1,40}"|"?[^:\\s"<>{}\\[\\]]{1,40}"?)';
const NAME = '[\\w+=,.@-]{1,64}';

/**
 * A role named by an ARN whose account is redacted (or wrong), which `arns()` cannot read:
 * its name for `--role-name`, and the ARN with the account as `<account-id>` for `--role-arn`.
 * A role ARN comes before an assumed-role session (the target, not the caller).
 */
export function redactedRole(flat: string): { name: string; arn?: string } | undefined {
  const role = new RegExp(
    `\\barn:(aws[\\w-]*):iam::(${ACCOUNT_SLOT}):role\\/((?:${NAME}\\/){0,8})(${NAME})(?![\\w+=,.@/-])`,
  ).exec(flat);
  if (role && !/^\d{12}$/.test(role[2] ?? ''))
    return {
      name: role[4] as string,
      arn: `arn:${role[1]}:iam::<account-id>:role/${role[3] ?? ''}${role[4]}`,
    };
  const session = new RegExp(
    `\\barn:aws[\\w-]*:sts::(${ACCOUNT_SLOT}):assumed-role\\/(${NAME})\\/`,
  ).exec(flat);
  if (session && !/^\d{12}$/.test(session[1] ?? '')) return { name: session[2] as string };
  return undefined;
}

export function accessKeys(text: string): AccessKeyFact[] {
  const seen = new Map<string, AccessKeyFact>();
  for (const id of allMatches(KEY_ID_PATTERN, text, 0, 20)) {
    const fact = describeKeyId(id);
    if (fact && !seen.has(fact.masked)) seen.set(fact.masked, fact);
  }
  return [...seen.values()];
}

export function arns(text: string): ArnFact[] {
  const out = new Map<string, ArnFact>();
  ARN.lastIndex = 0;
  for (let m = ARN.exec(text); m !== null && out.size < 20; m = ARN.exec(text)) {
    const resource = (m[5] ?? '').replace(/[.,:;]+$/, '');
    const arn = `arn:${m[1]}:${m[2]}:${m[3]}:${m[4] ?? ''}:${resource}`;
    const slash = resource.indexOf('/');
    out.set(arn, {
      arn,
      partition: m[1] as string,
      service: m[2] as string,
      ...(m[4] ? { accountId: m[4] } : {}),
      ...(slash > 0
        ? { resourceType: resource.slice(0, slash), resourceName: resource.slice(slash + 1) }
        : { resourceName: resource }),
    });
  }
  ARN.lastIndex = 0;
  return [...out.values()];
}

export const SA_DOMAIN = '.iam.gserviceaccount.com';

/** The identity that made the call: `User: arn:… is not authorized`, Azure clients, Google accounts. */
export function principal(flat: string): string | undefined {
  // The service-account pattern is tried at every word start, so slow where it cannot match:
  // only when the domain occurs.
  const patterns = flat.includes(SA_DOMAIN)
    ? PRINCIPAL_PATTERNS
    : PRINCIPAL_PATTERNS.filter((re) => re !== SA_EMAIL);
  for (const re of patterns) {
    const found = re.exec(flat)?.[1];
    // A value cut inside a redaction (`arn:aws:sts::{account`) is no value: try the next form.
    if (found !== undefined && balanced(found)) return found;
  }
  return undefined;
}

const SA_EMAIL = /\b([a-z0-9][a-z0-9.-]{0,62}@[a-z0-9-]{1,63}\.iam\.gserviceaccount\.com)\b/;

const PRINCIPAL_PATTERNS: RegExp[] = [
  // The account may be redacted with spaces in brackets: `arn:aws:sts::{account suppressed}:…`.
  new RegExp(`\\bUser: (arn:[\\w-]+:[\\w-]+::${ACCOUNT_SLOT}:[^\\s,]+?)\\.? is not authorized`),
  /\bUser: (arn:[^\s,]+?)\.? is not authorized/,
  /\bUser: (arn:[^\s,]+)/,
  /The client '([^']{1,200})' with object id '[^']{0,64}'/,
  // googleapi: `Error 403: <email> does not have <permission> access to …` (users and service accounts).
  /\bError 403: ([\w.+-]{1,64}@[\w.<>-]{1,253}) does not have /,
  SA_EMAIL,
  /\bserviceAccounts\/([^/\s:]{1,120}@[^/\s:]{1,120}):/,
];

/** Every `<`, `{` and `[` in the value is closed. */
function balanced(value: string): boolean {
  const count = (c: string) => value.split(c).length - 1;
  return count('<') === count('>') && count('{') === count('}') && count('[') === count(']');
}

export function roleArns(all: ArnFact[]): string[] {
  return all
    .filter(
      (a) =>
        (a.service === 'iam' && a.resourceType === 'role') || a.resourceType === 'assumed-role',
    )
    .map((a) => a.arn);
}

const PROFILE_PATTERNS = [
  /failed to get shared config profile,? ([^\s,"'<>|&]{1,128})/g,
  /failed to get profile,? ([^\s,"'<>|&]{1,128})/g,
  /The config profile \(([^)\s]{1,128})\) could not be found/g,
  // …and tools' own wordings: aws-vault `Profile 'foo' not found in …`, the ECS CLI's
  // `ECS Profile NAME could not be found`, aws-vault's `profile NAME: credentials missing`.
  // …and the Ruby SDK's `` Profile `default' not found ``, JS v3's `Profile test could not be found or parsed`.
  /\b[Pp]rofile ["'`]?([\w.@+-]{1,128})["']? (?:not found|does not exist|could not be found)/g,
  /\bprofile ([\w.@+-]{1,128}): credentials missing/g,
  /--ecs-profile[ =]["']?([\w.@+-]{1,128})/g,
  /source profile ([\w.@+-]{1,128})/g,
  /\bAWS_PROFILE=["']?([\w.@+-]{1,128})/g,
  /--profile[ =]["']?([\w.@+-]{1,128})/g,
  /\bprofile\s*=\s*"([\w.@+-]{1,128})"/g,
  /Failed to get credentials for ([\w.@+-]{1,128})/g,
  // Login helpers announce it: aws-azure-login's `Logging in with profile 'name'...`.
  /\bwith profile ['"`]([\w.@+/-]{1,128})['"`]/g,
  // aws-sdk-js v2's SsoCredentials: `Cached credentials not found under NAME profile`.
  /\bCached credentials not found under ([\w.@+-]{1,128}) profile\b/g,
  // The SDKs' SSO check: `profile "NAME" is configured to use SSO but is missing …`.
  /\bprofile "([\w.@+-]{1,128})" is configured to use SSO\b/g,
  // aws-sdk-go's CredentialRequiresARNError: `credential type source_profile requires role_arn, profile NAME`.
  /\brequires role_arn, profile ([\w.@+-]{1,128})/g,
  // `aws-vault exec NAME -- command`: the profile is the first word after exec.
  /\baws-vault exec ([\w.@+-]{1,128}) --/g,
  // The Serverless Framework: `AWS profile "dev" doesn't seem to be configured`.
  /\bAWS profile "([\w.@+-]{1,128})" doesn't seem/g,
  // aws-sdk-js v3's process provider: `Profile NAME did not contain credential_process`.
  /\bProfile ([\w.@+-]{1,128}) did not contain /g,
];

/**
 * The sso-session a cached SSO token was looked up for: botocore's SSOTokenLoadError names it
 * (`Token for cpi-sso does not exist`, corpus holdout13/h13-aws-ssmtools-1); a legacy profile's
 * start URL is not a session name.
 */
export function ssoSession(text: string): string | undefined {
  return firstMatch(
    [
      /Error loading SSO Token: Token for ([\w.@+-]{1,128}) does not exist/,
      /\bsso_session ?= ?([\w.@+-]{1,128})/,
    ],
    text,
  );
}

/** The profile whose stored keys a role profile starts from (aws-vault's debug lines, a config line). */
export function sourceProfile(text: string): string | undefined {
  return firstMatch(
    [
      /Looking up keyring for '([\w.@+-]{1,128})'/,
      /profile ([\w.@+-]{1,128}): using stored credentials/,
      /\bsource_profile ?= ?([\w.@+-]{1,128})/,
    ],
    text,
  );
}

export function profiles(text: string): string[] {
  const found: string[] = [];
  for (const re of PROFILE_PATTERNS) found.push(...allMatches(re, text, 1, 5));
  // A profile ends a sentence (`profile tp2.`) more often than it ends with a dot.
  const names = found.map((p) => p.replace(/\.+$/, ''));
  return unique(
    names.filter((p) => p !== '' && !/^(?:for|the|is|was|and|with|\$\{?.*)$/.test(p)),
  ).slice(0, 5);
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export function subscriptionIds(text: string): string[] {
  return unique([
    ...allMatches(new RegExp(`/subscriptions/(${GUID})`, 'g'), text),
    ...allMatches(new RegExp(`[Ss]ubscription(?: ID)? '?(${GUID})`, 'g'), text),
    // A row of `az account list --output table`: the cloud's name, then the subscription id.
    ...allMatches(new RegExp(`\\bAzure(?:Cloud|USGovernment|ChinaCloud) +(${GUID})`, 'g'), text),
  ]).slice(0, 5);
}

/** A tenant named as such, or as the directory Entra looked an app up in (AADSTS700016/70001). */
// …and the azuread provider looks its tenant up in the Azure CLI as a "subscription".
const TENANT_ID = new RegExp(
  `[Tt]enant(?: ?ID)?[ :='"]{1,4}(${GUID})|was not found in the directory '?(${GUID})|to have tenant level access\\.\\s{1,8}(${GUID})|building AzureAD Client: obtain subscription\\((${GUID})\\)`,
  'g',
);

export function tenantIds(text: string): string[] {
  const found: string[] = [];
  // The Azure CLI lists the tenants without an accessible subscription under its warning.
  for (const m of text.matchAll(TENANT_ID)) found.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return unique(found).slice(0, 5);
}

export function clientIds(text: string): string[] {
  return unique([
    ...allMatches(new RegExp(`\\bapp '(${GUID})'`, 'g'), text),
    // AADSTS7000222 names the app by what the sign-in used: its id or an identifier URI.
    ...allMatches(/client secret keys for app '(https?:\/\/[\w.-]{1,100})'/g, text),
    // AADSTS700027 points at the app's Graph URL (its object id, which `az ad app --id` takes too).
    ...allMatches(
      new RegExp(`graph\\.microsoft\\.com/(?:beta|v1\\.0)/applications/(${GUID})`, 'g'),
      text,
    ),
    ...allMatches(new RegExp(`[Cc]lient(?:_id| ID| id)?[ :='"]{1,4}(${GUID})`, 'g'), text),
    ...allMatches(new RegExp(`[Aa]pplication with identifier '(${GUID})'`, 'g'), text),
  ]).slice(0, 5);
}

/**
 * Google Workspace APIs whose OAuth scope is not in cloud-platform, by the path of the request
 * URL a refusal prints (`https://www.googleapis.com/drive/v3/files?…`).
 */
const WORKSPACE_SCOPES: Array<[RegExp, string]> = [
  [/googleapis\.com\/drive\/v\d/, 'https://www.googleapis.com/auth/drive'],
  [
    /googleapis\.com\/admin\/directory\/v1\/users\b/,
    'https://www.googleapis.com/auth/admin.directory.user',
  ],
  [
    /googleapis\.com\/admin\/directory\/v1\/groups\b/,
    'https://www.googleapis.com/auth/admin.directory.group',
  ],
  [/googleapis\.com\/calendar\/v3\//, 'https://www.googleapis.com/auth/calendar'],
  [/sheets\.googleapis\.com\/v4\//, 'https://www.googleapis.com/auth/spreadsheets'],
];

export function googleApiScope(text: string): string | undefined {
  return WORKSPACE_SCOPES.find(([re]) => re.test(text))?.[1];
}

export function gcpProjects(text: string): string[] {
  return unique([
    ...allMatches(/\bprojects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\b/g, text),
    ...allMatches(/\bin project ([a-z][a-z0-9-]{4,28}[a-z0-9])\b/g, text),
    ...allMatches(/[?&]project=([a-z0-9][a-z0-9-]{4,28}[a-z0-9])\b/g, text),
  ]).slice(0, 5);
}
