// Who is involved: access keys (masked), ARNs and their accounts, the calling principal,
// assumed roles, profiles, and the Azure/Google identities that appear in messages.

import { describeKeyId, KEY_ID_PATTERN } from '../access-keys';
import { allMatches, firstMatch, unique } from '../text-util';
import type { AccessKeyFact, ArnFact } from '../types';

const ARN =
  /\barn:(aws(?:-cn|-us-gov|-iso(?:-[a-z])?|-eusc)?):([a-z0-9-]{2,32}):([a-z0-9-]{0,32}):(\d{12})?:([A-Za-z0-9+=,.@_/:*-]{1,512})/g;

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
  return firstMatch(
    [
      /\bUser: (arn:[^\s,]+?)\.? is not authorized/,
      /\bUser: (arn:[^\s,]+)/,
      /The client '([^']{1,200})' with object id '[^']{0,64}'/,
      // Tried at every word start, so slow where it cannot match: only when the domain occurs.
      ...(flat.includes(SA_DOMAIN)
        ? [/\b([a-z0-9][a-z0-9.-]{0,62}@[a-z0-9-]{1,63}\.iam\.gserviceaccount\.com)\b/]
        : []),
      /\bserviceAccounts\/([^/\s:]{1,120}@[^/\s:]{1,120}):/,
    ],
    flat,
  );
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
  /\bprofile "?([\w.@+-]{1,128})"? (?:not found|does not exist|could not be found)/g,
  /source profile ([\w.@+-]{1,128})/g,
  /\bAWS_PROFILE=["']?([\w.@+-]{1,128})/g,
  /--profile[ =]["']?([\w.@+-]{1,128})/g,
  /\bprofile\s*=\s*"([\w.@+-]{1,128})"/g,
  /Failed to get credentials for ([\w.@+-]{1,128})/g,
];

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
  ]).slice(0, 5);
}

export function tenantIds(text: string): string[] {
  return unique(allMatches(new RegExp(`[Tt]enant(?: ?ID)?[ :='"]{1,4}(${GUID})`, 'g'), text)).slice(
    0,
    5,
  );
}

export function clientIds(text: string): string[] {
  return unique([
    ...allMatches(new RegExp(`\\bapp '(${GUID})'`, 'g'), text),
    ...allMatches(new RegExp(`[Cc]lient(?:_id| ID| id)?[ :='"]{1,4}(${GUID})`, 'g'), text),
    ...allMatches(new RegExp(`[Aa]pplication with identifier '(${GUID})'`, 'g'), text),
  ]).slice(0, 5);
}

export function gcpProjects(text: string): string[] {
  return unique([
    ...allMatches(/\bprojects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\b/g, text),
    ...allMatches(/\bin project ([a-z][a-z0-9-]{4,28}[a-z0-9])\b/g, text),
    ...allMatches(/[?&]project=([a-z0-9][a-z0-9-]{4,28}[a-z0-9])\b/g, text),
  ]).slice(0, 5);
}
