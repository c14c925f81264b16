// Errors that look like credential problems (a 403, "access", "role", "token") but are
// not. When one of these is the most specific match in an error block, tfauth stays
// silent: the bot is only useful if it is quiet on everything else.

import type { NotAuthEntry } from './schema';

export const NOT_AUTH: NotAuthEntry[] = [
  {
    id: 'successful-run',
    title: 'A successful plan or apply',
    signatures: [
      {
        id: 'success',
        // Resources named AccessDenied-alarm, filters on ExpiredToken, MFA conditions in policies…
        // are not failures when the run itself succeeded.
        pattern:
          /Plan: \d+ to add, \d+ to change, \d+ to destroy|No changes\. (?:Your|Infrastructure)|Apply complete! Resources:/,
        unless:
          /Error:|Error refreshing|Error applying|encountered a problem|Planning failed|[Ff]ailed|error occurred/,
        weight: 0.99,
      },
    ],
  },
  {
    id: 'throttling',
    title: 'API rate limiting',
    signatures: [
      {
        id: 'throttling',
        pattern:
          /\bThrottling(?:Exception)?\b|\bRequestLimitExceeded\b|Rate exceeded|TooManyRequestsException|SlowDown: Please reduce your request rate|[Tt]emporarily throttled|[Tt]oo [Mm]any [Rr]equests|HTTP status 429|StatusCode=429|status code 429/,
        weight: 0.95,
      },
    ],
  },
  {
    id: 'quota',
    title: 'Quota or service limit',
    signatures: [
      {
        id: 'quota',
        pattern:
          /[Qq]uota '[^']{1,80}' exceeded|Quota exceeded|exceeding quota limits|\bVcpuLimitExceeded\b|\bLimitExceeded(?:Exception)?\b|ServiceQuotaExceeded|googleapi: Error 429|QuotaExceeded/,
        weight: 0.92,
      },
    ],
  },
  {
    id: 'api-disabled',
    title: 'A cloud API is not enabled for the project',
    signatures: [
      {
        id: 'gcp-disabled',
        pattern:
          /has not been used in project .{1,120}? before or it is disabled|accessNotConfigured|Access Not Configured|SERVICE_DISABLED|Billing must be enabled/,
        weight: 0.96,
      },
      {
        id: 'azure-rp',
        pattern: /MissingSubscriptionRegistration|is not registered to use namespace/,
        weight: 0.9,
      },
    ],
  },
  {
    id: 'marketplace',
    title: 'An AWS Marketplace subscription is needed',
    signatures: [
      {
        id: 'marketplace',
        pattern:
          /AWS Marketplace product you need to accept terms and subscribe|aws\.amazon\.com\/marketplace/,
        weight: 0.95,
      },
    ],
  },
  {
    id: 'state-lock',
    title: 'The state is locked by another run',
    signatures: [
      {
        id: 'lock',
        pattern:
          /Error acquiring the state lock|ConditionalCheckFailedException|state blob is already locked|Error locking state/,
        weight: 0.96,
        // An AccessDenied or ExpiredToken inside the lock error is the failure to act on.
        wrapper: true,
      },
    ],
  },
  {
    id: 'missing-bucket',
    title: 'The state bucket or object does not exist (or is in another region)',
    signatures: [
      {
        id: 'no-bucket',
        pattern: /\bNoSuchBucket\b|S3 bucket does not exist|The specified bucket does not exist/,
        weight: 0.93,
      },
      {
        id: 'bucket-region',
        pattern:
          /\bBucketRegionError\b|the bucket is not in '[\w-]{1,30}' region|PermanentRedirect/,
        weight: 0.93,
      },
      {
        id: 'bucket-exists',
        pattern: /\bBucketAlreadyExists\b|\bBucketAlreadyOwnedByYou\b/,
        weight: 0.93,
      },
      {
        id: 'no-state-file',
        pattern: /open [^\s:]{1,200}\.tfstate: no such file or directory/,
        weight: 0.93,
      },
    ],
  },
  {
    id: 'configuration',
    title: 'A Terraform configuration error',
    signatures: [
      { id: 'cycle', pattern: /\bError: Cycle: /, weight: 0.96 },
      {
        id: 'schema',
        pattern:
          /Unsupported argument|Unsupported block type|Reference to undeclared (?:resource|input variable|module)|Invalid reference|Conflicting configuration arguments|Missing required argument|Invalid backend configuration argument|Unknown variable|Invalid value for (?:input )?variable|Duplicate resource|Module not installed|unknown resource '[^']{1,200}' referenced/,
        weight: 0.85,
      },
      {
        id: 'provider-config',
        pattern:
          /Invalid provider configuration|provider [\w.]{1,80} is not available|requires explicit configuration/,
        weight: 0.6,
      },
    ],
  },
  {
    id: 'provider-install',
    title: 'Provider download or verification failed',
    signatures: [
      {
        id: 'install',
        pattern:
          /Failed to install provider|Failed to query available provider packages|could not query provider registry|doesn't match any of the checksums|Incompatible provider version|failed to request discovery document/,
        weight: 0.92,
        // …and so is a registry that answered 401 to the download.
        wrapper: true,
      },
    ],
  },
  {
    id: 'plugin-crash',
    title: 'The provider crashed',
    signatures: [
      {
        id: 'crash',
        pattern: /Plugin did not respond|The plugin encountered an error|\bpanic: /,
        weight: 0.9,
      },
    ],
  },
  {
    id: 'invalid-input',
    title: "The API rejected the request's parameters",
    signatures: [
      {
        id: 'aws-validation',
        pattern:
          /\bValidationException\b|\bInvalidParameterValue(?:Exception)?\b|\bInvalidParameterCombination\b|\bMalformedPolicyDocument(?:Exception)?\b|\bInvalidParameterException\b|WAFInvalidParameterException|The scope is not valid/,
        weight: 0.88,
      },
      {
        id: 'exists',
        pattern:
          /\bEntityAlreadyExists\b|ResourceAlreadyExistsException|ResourceInUseException|already exists - to be managed via Terraform|\bAlreadyExists\b/,
        weight: 0.88,
      },
      {
        id: 'not-found',
        pattern:
          /\bNoSuchEntity\b|ResourceNotFoundException|InvalidAMIID\.\w+|InvalidGroup\.NotFound|InvalidSubnetID\.NotFound|\bResourceGroupNotFound\b/,
        weight: 0.85,
      },
      {
        id: 'conflict',
        pattern: /\bStatus=409\b|Error 409: |\bConflict(?:Exception)?\b/,
        weight: 0.8,
      },
    ],
  },
];
