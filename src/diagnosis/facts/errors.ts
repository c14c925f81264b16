// What failed: error codes, the operation, the HTTP status, request ids, and the action
// named in a denial. Patterns follow the message grammars of error-formats.md (SDK v1
// `Code: msg\n\tstatus code: N, request id: X`; SDK v2 `operation error S: Op, https
// response error StatusCode: N, RequestID: X, api error Code: msg`; the AWS CLI's
// `An error occurred (Code) when calling the Op operation`) and those of Azure and Google.

import { allMatches, firstMatch, search, unique } from '../text-util';

// Codes worth reporting even when they appear outside a structured position.
const KNOWN_CODE =
  /\b(InvalidClientTokenId|UnrecognizedClientException|AuthFailure|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSignatureException|ExpiredToken(?:Exception)?|TokenRefreshRequired|RequestTimeTooSkewed|RequestExpired|NoCredentialProviders|AccessDenied(?:Exception)?|UnauthorizedOperation|UnauthorizedAccess|InvalidIdentityToken|IDPCommunicationError|IDPRejectedClaim|WebIdentityErr|OptInRequired|MissingRegion|InvalidToken|InvalidGrantException|UnauthorizedException|SSOProviderInvalidToken|SharedConfigProfileNotExistsError|SharedConfigLoadError|SharedConfigAssumeRoleError|SharedCredsLoad|AssumeRoleTokenProviderNotSetError|AssumeRoleTokenNotAvailable|ProcessProviderExecutionError|EC2RoleRequestError|EnvAccessKeyNotFound|RegionDisabledException|InvalidAuthorizationMessageException|NoSuchBucket|Throttling(?:Exception)?|RequestLimitExceeded|ValidationException|AuthorizationFailed|SubscriptionNotFound|InvalidAuthenticationTokenTenant|ExpiredAuthenticationToken|InvalidAuthenticationToken|AuthenticationFailed|LinkedAuthorizationFailed|PERMISSION_DENIED|UNAUTHENTICATED)\b/g;

const STRUCTURED_CODES = [
  /\bapi error ([A-Za-z][\w.]{2,63}):/g,
  /An error occurred \(([A-Za-z][\w.]{2,63})\) when calling/g,
  /<Code>([A-Za-z][\w.]{2,63})<\/Code>/g,
  /\bCode="([A-Za-z][\w.]{2,63})"/g,
  /\(([A-Z][A-Za-z]{2,63})\) [A-Z]/g,
  /"error": ?"([a-z_]{3,40})"/g,
  /oauth2: "([a-z_]{3,40})"/g,
  /\b(AADSTS\d{5,7})\b/g,
];

export function errorCodes(flat: string): string[] {
  const found: string[] = [];
  for (const re of STRUCTURED_CODES) found.push(...allMatches(re, flat, 1, 10));
  found.push(...allMatches(KNOWN_CODE, flat, 1, 20));
  // `(Forbidden) Caller …` and HTTP reason phrases are not codes worth listing.
  return unique(found.filter((c) => !/^(?:Forbidden|Bad|None|The|Error)$/.test(c))).slice(0, 8);
}

export function operations(flat: string): string[] {
  return unique([
    ...allMatches(/operation error ([A-Za-z0-9 ]{2,40}: [A-Za-z0-9]{2,64})/g, flat),
    ...allMatches(/when calling the ([A-Za-z0-9]{2,64}) operation/g, flat),
    ...allMatches(/error calling (sts:[A-Za-z]{2,64})/g, flat),
    ...allMatches(/aws\.operation=([A-Za-z0-9]{2,64})/g, flat),
    // aws-sdk-go v1's debug log names `service/Operation` (`Validate Response ec2/Modify… failed`):
    // corpus holdout10/h10-tfaws-3408-1 (hashicorp/terraform-provider-aws#3408).
    ...allMatches(
      /DEBUG: (?:Validate Response|Unmarshal Response|Send Request|Build Request|Sign Request|Request|Response) ([a-z0-9-]{2,30}\/[A-Z][A-Za-z0-9]{1,63})\b/g,
      flat,
    ).map((o) => o.replace('/', ':')),
    // Terragrunt's state-bucket step `Create S3 bucket with retry <bucket>` starts with S3's
    // CreateBucket (upstream gruntwork-io/terragrunt remote/remote_state_s3.go,
    // CreateS3BucketWithVersioningSSEncryptionAndAccessLogging; corpus holdout10/h10-magento-19-1).
    ...(/\bCreate S3 bucket with retry [a-z0-9][a-z0-9.-]{2,62} returned an error/.test(flat)
      ? ['s3:CreateBucket']
      : []),
    ...allMatches(/rpc\.method=([A-Za-z0-9]{2,64})/g, flat),
    ...allMatches(
      /perform:? ((?:sts|iam|s3|ec2|kms|dynamodb|[a-z0-9-]{2,30}):[A-Za-z0-9*]{2,64})/g,
      flat,
    ),
    // Tried at every word start, so slow where it cannot match: only when `Client#` occurs.
    ...(flat.includes('Client#')
      ? allMatches(/\b([A-Za-z]{2,40}Client#[A-Za-z]{2,40})\b/g, flat)
      : []),
  ]).slice(0, 6);
}

export function httpStatus(flat: string): number | undefined {
  const value = firstMatch(
    [
      /StatusCode: (\d{1,3})\b/,
      /status code:? (\d{3})\b/i,
      /http\.status_code=(\d{3})/,
      /received HTTP status (\d{3})/,
      /Status(?:=| Code = ')(\d{3})\b/,
      /googleapi: Error (\d{3})\b/,
      /An error occurred \((\d{3})\)/,
      /\b(4\d\d) (?:Bad credentials|Requires authentication|Resource not accessible|Unauthorized|Forbidden|Bad Request)/,
      /unexpected status (\d{3})\b/,
    ],
    flat,
  );
  return value === undefined ? undefined : Number(value);
}

export function requestIds(flat: string): string[] {
  return unique([
    ...allMatches(/RequestID: ([A-Za-z0-9][\w-]{7,63})/g, flat),
    // Not S3's base64 "Extended Request ID" (its host id), nor the start of one (corpus
    // holdout13/h13-aws-pyspark-1: `S3 Extended Request ID: GZakDXNA+ZbAdi…` read as `GZakDXNA`).
    ...allMatches(/(?<!Extended )request id: ([A-Za-z0-9][\w-]{7,63})(?![\w+/=-])/gi, flat),
    ...allMatches(/x_amzn_requestid=([A-Za-z0-9][\w-]{7,63})/g, flat),
    ...allMatches(/<RequestId>([A-Za-z0-9][\w-]{7,63})<\/RequestId>/g, flat),
    ...allMatches(/Trace ID: ([0-9a-f]{8}-[0-9a-f-]{27})/g, flat),
  ]).slice(0, 4);
}

export function deniedAction(flat: string): string | undefined {
  return (
    firstMatch(
      [
        /is not authorized to perform:? ([a-z0-9-]{2,30}:[A-Za-z0-9*]{2,80})/,
        /because no identity-based policy allows the ([a-z0-9-]{2,30}:[A-Za-z0-9*]{2,80}) action/,
        /authorization to perform action '([^']{3,200})'/,
        /perform action '([^']{3,200})'/,
        /Permission ['"‘’]?([a-z][\w.]{3,120})['"‘’]? denied/,
        // gRPC clients (Java gax): `PERMISSION_DENIED: Access denied. Missing IAM permission: x.y.z.`
        /Missing IAM permission:? ([a-z][\w]{1,60}(?:\.[\w]{1,60}){1,4})/,
        /Required ['"]([a-z][\w.]{3,120})['"] permission/,
        /does not have ([a-z][\w]{1,60}\.[\w.]{3,120}) access/,
        /IAM_PERMISSION_DENIED.{0,40}?['"]([a-z][\w.]{3,120})['"]/,
      ],
      flat,
    ) ?? impliedGoogleAction(flat)
  );
}

/**
 * The google provider's IAM policy resources name no permission when Google refuses them
 * (`Error applying IAM policy for project "p": googleapi: Error 403: The caller does not have
 * permission`): the call they make is the project's setIamPolicy (getIamPolicy to read it).
 */
function impliedGoogleAction(flat: string): string | undefined {
  const m = search(/Error (applying|setting|retrieving|reading) IAM policy for project\b/, flat);
  if (!m) return undefined;
  return m[1] === 'retrieving' || m[1] === 'reading'
    ? 'resourcemanager.projects.getIamPolicy'
    : 'resourcemanager.projects.setIamPolicy';
}

/** The KMS key a denial names (`… kms:Decrypt on resource: arn:aws:kms:REGION:ACCOUNT:key/ID`). */
export function deniedKmsKey(flat: string): string | undefined {
  return firstMatch(
    [
      /kms:[A-Za-z*]{2,60} on resource: "?(arn:aws[\w-]{0,10}:kms:[a-z0-9-]{2,30}:[^:\s"]{1,20}:key\/[\w-]{1,80})/,
    ],
    flat,
  );
}

/** The canonical request AWS printed with a SignatureDoesNotMatch / InvalidSignatureException. */
const CANONICAL_STRING =
  /The Canonical String for this request should have been(?:\s|\\n){0,8}'?([^']{1,4000})/;
/** One `name:value` header line of it (lines split by real or escaped line breaks). */
const CANONICAL_HEADER = /^([a-z0-9-]{1,64}):(.{1,1000})$/;

/**
 * Headers the canonical request holds twice (`host:a.example, a.example`): AWS joins repeated
 * headers with commas, so the client sent them twice, which no key fixes. Compared in code, not
 * with a back-reference, to keep every pattern linear.
 */
export function duplicatedHeaders(flat: string): string[] {
  const canonical = search(CANONICAL_STRING, flat)?.[1];
  if (!canonical) return [];
  const out: string[] = [];
  for (const line of canonical.split(/\\n|\n|\s(?=[a-z0-9-]{1,64}:)/)) {
    const m = CANONICAL_HEADER.exec(line.trim());
    if (!m) continue;
    const values = (m[2] as string).split(', ');
    if (values.length > 1 && values.every((v) => v === values[0])) out.push(m[1] as string);
  }
  return out;
}

export function encodedAuthorizationMessage(flat: string): string | undefined {
  return firstMatch([/Encoded authorization failure message: ([A-Za-z0-9_-]{20,8000})/], flat);
}
