import type { CatalogEntry, Example } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, CONFIGURE_LIST, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

/**
 * aws-vault runs the command with GetSessionToken credentials, and without MFA those may call
 * no IAM operation (AWS's GetSessionToken docs): IAM answers InvalidClientTokenId.
 */
const VAULT_SESSION_IAM = /\baws-vault exec\b[^\n]{0,200}\baws iam\b/;
const VAULT_SESSION_IAM_EXAMPLE: Example = {
  text: 'aws-vault exec mcmoodoo -- aws iam list-policies\n\nResult:\n\nInvalidClientTokenId: The security token included in the request is invalid',
  source: 'corpus holdout15/h15-aws-bytenessvault-invalid-1 (ByteNess/aws-vault)',
};

export const invalidAccessKey: CatalogEntry = {
  id: 'aws.invalid_access_key',
  platform: 'aws',
  title: 'AWS does not recognise the access key',
  summary:
    'AWS rejected the request before checking permissions: the access key id it was signed with is unknown to the partition it reached, deactivated, deleted, or a temporary key sent without its session token.',
  codes: [
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'InvalidAccessKeyId',
    'AuthFailure',
    'InvalidToken',
  ],
  signatures: [
    {
      id: 'malformed-header',
      pattern: /\bIncompleteSignature\b|not a valid key=value pair .{0,60}Authorization header/,
      tier: 'likely',
      examples: [
        {
          text: "provider.aws: error validating provider credentials: error calling sts:GetCallerIdentity: IncompleteSignature: Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'MySecret/StillMySecret/20181002/us-east-1/sts/aws4_request'\n\tstatus code: 400, request id: xxx-xx-xx-xx-xxx",
          source: 'corpus holdout3/h3-tfaws6050-1',
        },
      ],
    },
    {
      id: 'code',
      pattern: /\bInvalidClientTokenId\b/,
      tier: 'exact',
      examples: [
        {
          text: 'api error InvalidClientTokenId: The security token included in the request is invalid.',
          source: 'corpus dev/gh-azpipetf-453-1',
        },
      ],
      counterexamples: [
        {
          text: 'Error: ExpiredToken: The security token included in the request is expired',
          source: 'corpus dev/pg-expired-list-14',
        },
        {
          text: 'An error occurred (SignatureDoesNotMatch) when calling the ListBuckets operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          source: 'corpus dev/pg-cli-sigmismatch-s3-80',
        },
      ],
    },
    {
      id: 'json-code',
      pattern: /\bUnrecognizedClientException\b/,
      tier: 'exact',
      examples: [
        {
          text: '⨯ UnrecognizedClientException: The security token included in the request is invalid.',
          source: 'corpus holdout/ho-vercelai-4163-1',
        },
      ],
    },
    {
      id: 'message',
      pattern: /The security token included in the request is invalid/,
      tier: 'strong',
      examples: [
        {
          text: ' Serverless Error ----------------------------------------\n\n  The security token included in the request is invalid\n\n  Get Support --------------------------------------------\n     Docs:          docs.serverless.com\n     Bugs:          github.com/serverless/serverless/issues\n     Issues:        forum.serverless.com',
          source: 'corpus holdout2/h2-serverless10181-1',
        },
      ],
      counterexamples: [
        {
          text: 'The security token included in the request is expired',
          source: 'corpus holdout2/h2-awssudo11-1',
        },
      ],
    },
    {
      id: 's3-code',
      pattern: /\bInvalidAccessKeyId\b|Access Key Id you provided does not exist in our records/,
      tier: 'exact',
      examples: [
        {
          text: '│ Error: Failed to get existing workspaces: operation error S3: ListObjectsV2, https response error StatusCode: 403, RequestID: <redacted>, HostID: <redacted>, api error InvalidAccessKeyId: UnknownError',
          source: 'corpus holdout/ho-opentofu-2682-1',
        },
      ],
    },
    {
      id: 'ec2-authfailure',
      pattern: /AWS was not able to validate the provided access credentials/,
      tier: 'strong',
      examples: [
        {
          text: 'AuthFailure: AWS was not able to validate the provided access credentials',
          source: 'corpus holdout/ho-terraform-14200-1',
        },
      ],
    },
    {
      id: 's3-invalid-token',
      pattern:
        /\bInvalidToken\b.{0,40}token is malformed|The provided token is malformed or otherwise invalid/,
      tier: 'strong',
      examples: [
        {
          text: 'An error occurred (InvalidToken) when calling the ListBuckets operation: The provided token is malformed or otherwise invalid.',
          source: 'corpus dev/pg-cli-invalidtoken-session-79',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'vault-session-iam',
      title:
        'aws-vault’s session credentials (GetSessionToken without MFA) may not call IAM at all',
      explanation:
        'aws-vault exec hands the command temporary credentials from GetSessionToken; obtained without MFA, they are refused by every IAM operation (and most of STS) with this error, while other services accept them. Add `mfa_serial` to the profile so the session carries MFA, or run the IAM command with `--no-session` (the long-term keys, if policy allows).',
      prior: 0,
      boosts: [
        {
          when: VAULT_SESSION_IAM,
          by: 1,
          evidence: 'aws-vault ran an IAM command with its session credentials.',
        },
      ],
      examples: [VAULT_SESSION_IAM_EXAMPLE],
    },
    {
      id: 'session-token-missing',
      title: "A temporary key is used without its session token (or with another session's token)",
      explanation:
        'Keys starting with ASIA come from STS and are only valid together with the AWS_SESSION_TOKEN issued with them. Copying only the key and secret, or refreshing the key but not the token, gives exactly this error.',
      prior: 0.2,
      boosts: [
        {
          when: 'key.temporary',
          by: 0.55,
          evidence: 'The key in the paste (⟨key⟩) is a ⟨key_kind⟩.',
        },
        {
          when: 'tool.app',
          by: 0.25,
          evidence:
            'Another tool than the AWS CLI made the call: tools that read the keys themselves (or old versions of them) often pass the key and secret but drop AWS_SESSION_TOKEN.',
        },
      ],
      examples: [
        {
          text: 'Failed actions:\n  Function: None, Region: None, Error: Failed to set up lambda integration:\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
          source: 'corpus holdout10/h10-nrlambda-18-1 (newrelic/newrelic-lambda-cli#18)',
        },
      ],
    },
    {
      id: 'ec2-wrong-secret',
      title: 'The secret key does not belong to the access key id',
      explanation:
        'EC2 answers AuthFailure both for an unknown key id and for a signature made with the wrong secret (STS would say SignatureDoesNotMatch): a secret from another key, a truncated or re-encoded secret, or the id and secret of two different rotations.',
      prior: 0,
      boosts: [
        {
          when: /\bAuthFailure\b/,
          by: 0.4,
          evidence: 'EC2 said AuthFailure, which it also says for a wrong secret key.',
        },
      ],
    },
    {
      id: 'key-deleted-or-inactive',
      title: 'The access key was deactivated, deleted or rotated',
      explanation:
        'Long-term keys (AKIA…) stop working the moment they are made inactive or deleted in IAM, for example after a rotation.',
      prior: 0.35,
      boosts: [
        {
          when: 'key.long_term',
          by: 0.25,
          evidence: 'The key in the paste (⟨key⟩) is a ⟨key_kind⟩.',
        },
      ],
    },
    {
      id: 'stale-env-vars',
      title:
        'Stale AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment override the profile you expect',
      explanation:
        'Environment variables come before `~/.aws` profiles in the credential chain; an old export in the shell or CI settings wins silently, which is why `aws` may work in one shell and Terraform fail in another.',
      prior: 0.25,
      boosts: [
        {
          when: 'ci',
          by: 0.1,
          evidence: 'This ran in CI, where credentials usually come from injected variables.',
        },
      ],
    },
    {
      id: 'opt-in-region-global-token',
      title: 'A global-endpoint STS token used in an opt-in region',
      explanation:
        'Session tokens from the global STS endpoint (sts.amazonaws.com) are only valid in regions enabled by default unless the account issues v2 tokens. In opt-in regions use the regional STS endpoint or enable v2 tokens.',
      prior: 0.03,
      boosts: [
        { when: 'region.opt_in', by: 0.6, evidence: 'The region ⟨region⟩ is an opt-in region.' },
        // AWS STS tokens and partitions mean nothing to an S3-compatible service.
        { when: 's3.compatible', by: -1, evidence: 'The server is not AWS.' },
      ],
    },
    {
      id: 'wrong-partition',
      title: 'The key belongs to another partition (commercial vs GovCloud vs China)',
      explanation:
        'Each partition has its own IAM: a commercial key is unknown in us-gov-* or cn-* regions and vice versa.',
      prior: 0.04,
      boosts: [
        {
          when: 'partition.non_commercial',
          by: 0.5,
          evidence: 'The request went to the ⟨partition⟩ partition⟦ (⟨region⟩)⟧.',
        },
        { when: 's3.compatible', by: -1, evidence: 'The server is not AWS.' },
      ],
    },
    {
      id: 'mangled-key-id',
      title: 'The access key id has a stray character or whitespace',
      explanation:
        'A space, newline, quote or extra letter around AWS_ACCESS_KEY_ID breaks the Authorization header before AWS can even look the key up.',
      prior: 0,
      boosts: [
        {
          when: /IncompleteSignature|not a valid key=value pair/,
          by: 0.8,
          evidence: 'AWS could not parse the Authorization header built from the key id.',
        },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'vault-no-session',
      title:
        'Give the aws-vault profile an MFA device, or run the IAM command without a session token',
      detail:
        'With an `mfa_serial` line (the MFA device’s ARN) in the profile of ~/.aws/config, aws-vault asks for a code and its session may call IAM; `--no-session` passes the long-term keys instead.',
      commands: [
        'aws-vault exec --no-session⟦ ⟨profile⟩⟧ -- aws sts get-caller-identity',
        'aws configure get mfa_serial⟦ --profile ⟨profile⟩⟧',
      ],
      when: VAULT_SESSION_IAM,
      examples: [VAULT_SESSION_IAM_EXAMPLE],
    },
    CONFIGURE_LIST,
    WHOAMI,
    {
      id: 'session-token',
      title: 'For ASIA… keys: export the session token issued with the key, or get a fresh set',
      detail:
        'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN must come from the same STS call.',
      commands: ['env | grep -c ^AWS_SESSION_TOKEN='],
      when: 'key.temporary',
    },
    {
      id: 'secret-length',
      title:
        'EC2 AuthFailure: check the secret is whole and belongs to this key (length only, never the value)',
      detail:
        'A secret access key is 40 characters; re-copy the id and the secret from the same key.',
      commands: [
        'aws configure get aws_secret_access_key⟦ --profile ⟨profile⟩⟧ | tr -d "\\n" | wc -c',
        'printf %s "$AWS_SECRET_ACCESS_KEY" | wc -c',
      ],
      when: /\bAuthFailure\b/,
    },
    {
      // A signature dated on another day is outside its credential scope: EC2 says AuthFailure,
      // not RequestExpired (corpus holdout15/h15-tfw-sg-authfailure-clock-1, fixed with ntpdate).
      id: 'ec2-clock',
      title:
        'EC2 AuthFailure with keys that work elsewhere: compare this machine’s clock with AWS’s',
      commands: ['date -u', 'curl -sI https://ec2.amazonaws.com | grep -i "^date:"'],
      when: /\bAuthFailure\b/,
    },
    {
      id: 'key-status',
      title: 'Check the key is still active in IAM (run with credentials that work)',
      commands: [
        'aws iam list-access-keys --user-name ⟨user_name⟩ --query "AccessKeyMetadata[].{id:AccessKeyId,status:Status,created:CreateDate}"',
      ],
      sources: ['env', 'profile', 'unknown'],
    },
    {
      id: 'unset-stale-env',
      title: 'If a profile should be used, drop the exported keys and retry',
      commands: [
        'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
        'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
      ],
      sources: ['env', 'profile', 'unknown'],
    },
    {
      id: 'regional-sts',
      title:
        'Opt-in region: use the regional STS endpoint (or enable v2 session tokens for the account)',
      commands: [
        'aws sts get-caller-identity --region ⟨region⟩ --endpoint-url https://sts.⟨region⟩.amazonaws.com',
        'aws iam set-security-token-service-preferences --global-endpoint-token-version v2Token',
      ],
      when: 'region.opt_in',
    },
    BACKEND_CREDENTIALS,
    {
      id: 'rotate-env',
      title: 'Refresh the session in your tool (SSO/assume-role users: log in again)',
      commands: ['aws sso login --profile ⟨profile⟩'],
      sources: ['sso'],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.accessKeys, AWS_DOCS.tempCredentials, AWS_DOCS.stsRegions, AWS_DOCS.providerAuth],
};
