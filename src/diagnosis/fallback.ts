// No silence on a real failure: a block that plainly failed on authentication or
// authorization (a 401/403, "Unauthorized", "permission denied", "invalid credentials"…) but
// that no catalog family and no not-auth family explains still gets an answer — the
// platform's most likely class, at a confidence that says it is a guess, with what to paste
// to be sure.

import type { KeywordPattern } from './catalog';
import type { AuthClassId, Platform } from './types';

/**
 * What the block must show. `status` is an HTTP 401/403 as SDKs print it; `words` is the
 * wording of a refusal. These run only on blocks nothing else matched.
 */
export const AUTH_FAILURE: KeywordPattern[] = [
  {
    id: 'status',
    pattern:
      /\b40[13] (?:Unauthorized|Forbidden)\b|(?:StatusCode|status code|Status|HTTP status|response status|statusCode|unexpected status)(?:: |=|:| )40[13]\b|HTTP\/(?:1\.1|1\.0|2|2\.0) 40[13]\b|\bError 40[13]\b|\b40[13] Client Error\b|\(40[13]\)/,
  },
  {
    id: 'words',
    pattern:
      /\b(?:[Uu]nauthori[sz]ed|UNAUTHORIZED|[Ff]orbidden|FORBIDDEN|[Pp]ermission denied|PERMISSION_DENIED|[Aa]ccess (?:is )?[Dd]enied|AccessDenied|[Nn]ot authori[sz]ed|[Aa]uthentication (?:failed|required)|[Ff]ailed to authenticate|(?:[Ii]nvalid|[Ee]xpired|[Bb]ad|[Rr]evoked|[Mm]issing) (?:credentials?|(?:access |api |auth |bearer |session )?token|api key)|(?:credentials?|token) (?:is |are |has |have )?(?:invalid|expired|been revoked|not valid))\b/,
  },
];

/**
 * A guess needs the block to say that something failed in words, not only a status code or
 * a refusal word (those are named in chat too: "does AWS return 403 Forbidden for this?").
 */
export const FAILED =
  /\b(?:[Ee]rror|ERROR|[Ff]ail(?:ed|ure|s)?|FAILED|[Ff]atal|FATAL|[Ee]xception|[Uu]nable to|[Cc]ould not|[Cc]annot)\b|\bErr:/;

/** Under the channel threshold (0.6): answered privately, never unprompted in a channel. */
export const GUESS_CONFIDENCE = 0.45;
/**
 * Both a 401/403 status and refusal words, and the platform named: still a guess about the
 * family, but a credentials problem beyond reasonable doubt, so the channel hears it.
 */
export const STRONG_GUESS_CONFIDENCE = 0.62;

// Where the paste shows which platform refused; the first platform with most hits wins.
const PLATFORM_HINTS: Array<[Platform, RegExp]> = [
  [
    'aws',
    // …and S3 in lower case, as minio-go's callers (Thanos, Loki) word it: `stat s3 object`.
    /amazonaws\.com|\baws-sdk|\baws_|\bAWS\b|arn:aws|provider "aws"|hashicorp\/aws|operation error [A-Z][\w ]{1,30}:|\bS3\b|\bSTS\b|\bIAM\b|\bs3 (?:object|bucket|upload|download)s?\b|\bs3:\/\//g,
  ],
  [
    'azure',
    /\bazurerm\b|\bazuread(?:_\w+)?\b|\bAzure\b|microsoftonline\.com|management\.azure\.com|graph\.microsoft\.com|with OData error|\bazidentity\b|autorest|AADSTS|\bARM_/g,
  ],
  ['gcp', /googleapis\.com|\bgoogle\b|\bgcloud\b|gserviceaccount|\bGCP\b|hashicorp\/google/g],
  [
    'tfc',
    /app\.terraform\.io|Terraform Cloud|HCP Terraform|Terraform Enterprise|\btfe(?:_\w+)?\b|hashicorp\/tfe/g,
  ],
  ['k8s', /\bkubernetes\b|\bkubectl\b|\bhelm\b|\bk8s\b|\bkubeconfig\b|\.eks\.|azmk8s|\bgke\b/gi],
  ['github', /api\.github\.com|\bgithub\b|integrations\/github/gi],
];

/** The platform the text is about, by its provider names, hosts and SDK names. */
export function detectPlatform(text: string): Platform | undefined {
  let best: Platform | undefined;
  let most = 0;
  for (const [platform, re] of PLATFORM_HINTS) {
    const n = text.match(re)?.length ?? 0;
    if (n > most) {
      most = n;
      best = platform;
    }
  }
  return best;
}

const EXPIRED = /\b(?:[Ee]xpired|has expired|is expired)\b/;
const DENIED =
  /\b40[13]\b.{0,20}Forbidden|\b403\b|[Ff]orbidden|[Dd]enied|DENIED|[Nn]ot authori[sz]ed/;

/** What kind of refusal a block shows: an action denied, a credential expired, or one rejected. */
export type RefusalKind = 'denied' | 'expired' | 'rejected';

export function refusalKind(flat: string): RefusalKind {
  if (EXPIRED.test(flat)) return 'expired';
  return DENIED.test(flat) && !/\b401\b|[Uu]nauthori[sz]ed/.test(flat) ? 'denied' : 'rejected';
}

/** A platform's most likely class for a refusal of that kind. */
export function likelyClass(platform: Platform, flat: string): AuthClassId {
  const kind = refusalKind(flat);
  const denied = kind === 'denied';
  const expired = kind === 'expired';
  switch (platform) {
    case 'aws':
      return expired
        ? 'aws.expired_token'
        : denied
          ? 'aws.permission_denied'
          : 'aws.invalid_access_key';
    case 'azure':
      return denied ? 'azure.authorization_failed' : 'azure.client_secret';
    case 'gcp':
      return denied ? 'gcp.permission_denied' : 'gcp.invalid_grant';
    case 'tfc':
      return 'tfc.token';
    case 'k8s':
      return 'k8s.unauthorized';
    case 'github':
      return 'github.bad_credentials';
  }
}

/** What to paste so the next answer is sure, per platform. */
export const TO_BE_SURE: Record<Platform, string> = {
  aws: 'Paste the whole error block (from `Error:` to the end of the frame), ideally with the `operation error …` / `api error …` line, or the output of `aws sts get-caller-identity`.',
  azure:
    'Paste the whole error block including any `AADSTS…` code and the `StatusCode=` line, or the output of `az account show`.',
  gcp: 'Paste the whole error block including the `googleapi: Error 4xx` line and its reason, or the output of `gcloud auth list`.',
  tfc: 'Paste the whole error block including the host it names, or the output of `terraform login` for that host.',
  k8s: 'Paste the whole error block including the provider name and the server’s message, or the output of `kubectl auth whoami`.',
  github:
    'Paste the whole error block including the API URL and the `401`/`403` line, or the output of `gh auth status`.',
};
