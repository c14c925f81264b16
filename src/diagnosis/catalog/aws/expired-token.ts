import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, CONFIGURE_LIST, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

// The AWS error came back from a server that made the call with its own credentials: relayed in
// a response header or a gRPC status, not printed by the client's SDK.
const RELAYED_BY_SERVER =
  /invalid header field value "(?:ExpiredToken|RequestExpired|InvalidAccessKeyId|AccessDenied)\b|rpc error: code = \w{2,20} desc = [^\n]{0,200}\bExpiredToken\b/;
const HOLDOUT10_PACHD_EXPIRED = {
  text: 'rrichardson@deploy-1:~/pachyderm$ echo "hi" | pachctl put-file data master hihi -c\ninvalid header field value "ExpiredToken: The provided token has expired.\\n\\tstatus code: 400, request id: 17222D6374CC4C33"',
  source: 'corpus holdout10/h10-pachyderm-1195-1 (pachyderm/pachyderm#1195)',
};

/**
 * Amazon ECR's registry refusing a `docker login` whose password (from `aws ecr get-login` /
 * `get-login-password`, valid 12 hours) has run out: the Docker credential, not an AWS session.
 */
const ECR_LOGIN_EXPIRED =
  /Your [Aa]uthorization [Tt]oken has expired\. Please run 'aws ecr get-login/;
const ECR_LOGIN_EXAMPLE = {
  text: "Pulling container_name (container details)...\nERROR: denied: Your Authorization Token has expired. Please run 'aws ecr get-login' to fetch a new one.",
  source:
    'corpus holdout17/h17-aws-buildkite-ecr-expired-1 (buildkite/elastic-ci-stack-for-aws#178)',
};

export const expiredToken: CatalogEntry = {
  id: 'aws.expired_token',
  platform: 'aws',
  title: 'The AWS session token has expired',
  summary:
    'The temporary credentials (an ASIA… key with a session token) were valid once but their lifetime ran out, often in the middle of a long run (an apply, a script, or a service that keeps the credentials it started with).',
  codes: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
  variants: [
    {
      when: ECR_LOGIN_EXPIRED,
      title: 'The Docker login to Amazon ECR has expired (its password lasts 12 hours)',
      summary:
        'Docker sent the registry the password an earlier `aws ecr get-login` / `get-login-password` produced; ECR accepts it for 12 hours. A long-lived agent or host that logged in once at start-up fails like this a day later: log in again before each pull, or use the ECR credential helper, which fetches a fresh token per pull.',
      example: ECR_LOGIN_EXAMPLE,
    },
  ],
  signatures: [
    {
      id: 'code',
      pattern: /\bExpiredToken(?:Exception)?\b/,
      tier: 'exact',
      // SSO OIDC answers ExpiredTokenException when the SSO sign-in (device code or refresh
      // token) expired: that is the SSO session, not an AWS session token.
      unless: /SSO OIDC: CreateToken|when calling the CreateToken operation/,
      examples: [
        {
          text: 'Error: ExpiredToken: The security token included in the request is expired',
          source: 'corpus dev/pg-expired-list-14',
        },
      ],
      counterexamples: [
        {
          text: 'operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, ExpiredTokenException: ',
          source:
            'upstream aws/aws-sdk-go-v2@1278f13:service/ssooidc/types/errors.go with aws/smithy-go@c589db5:errors.go (rendered with plausible values)',
        },
        {
          text: 'api error InvalidClientTokenId: The security token included in the request is invalid.',
          source: 'corpus dev/gh-azpipetf-453-1',
        },
        {
          text: 'failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, ExpiredTokenException: Token expired: current date/time 1700000000 must be before the expiration date/time 1699990000',
          source:
            'upstream aws/aws-sdk-go-v2@0f1f7ec:credentials/stscreds/web_identity_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'message',
      pattern:
        /The security token included in the request is expired|The provided token has expired/,
      tier: 'exact',
      examples: [
        {
          text: 'The security token included in the request is expired',
          source: 'corpus holdout2/h2-awssudo11-1',
        },
      ],
    },
    {
      id: 'ecr-login',
      pattern: ECR_LOGIN_EXPIRED,
      tier: 'strong',
      examples: [ECR_LOGIN_EXAMPLE],
    },
  ],
  causes: [
    {
      id: 'ecr-login-12h',
      title:
        'The registry login was made once and kept: ECR’s Docker password is valid for 12 hours',
      explanation:
        'A CI agent, a long-lived host or a cron job that ran `docker login` with `aws ecr get-login-password` at start-up keeps that password in ~/.docker/config.json; after 12 hours every pull is denied until it logs in again.',
      prior: 0,
      boosts: [
        {
          when: ECR_LOGIN_EXPIRED,
          by: 1,
          evidence: 'Amazon ECR says the authorization token of the Docker login has expired.',
        },
      ],
      examples: [ECR_LOGIN_EXAMPLE],
    },
    {
      id: 'server-credentials-expired',
      title: 'The server’s own AWS credentials expired, not the ones in your shell',
      explanation:
        'The error was relayed by a server (in a response header or a gRPC status): it made the AWS call with the temporary credentials it was deployed with, which have run out. Refreshing the shell changes nothing.',
      prior: 0,
      boosts: [
        {
          when: RELAYED_BY_SERVER,
          by: 0.9,
          evidence:
            'The expiry was relayed by the server (in a response header or an RPC status), not printed by the client’s SDK.',
        },
      ],
      examples: [HOLDOUT10_PACHD_EXPIRED],
    },
    {
      id: 'session-ran-out',
      title: 'The session ended: credentials were exported earlier and not refreshed',
      explanation:
        'Exported AWS_ACCESS_KEY_ID/SECRET/SESSION_TOKEN do not refresh themselves. Once the session (often 1 hour) ends, every call fails.',
      prior: 0.5,
      boosts: [
        {
          when: 'key.temporary',
          by: 0.1,
          evidence: 'The key in the paste⟦ (⟨key⟩)⟧ is temporary.',
        },
      ],
    },
    {
      id: 'long-apply',
      terraform: true,
      title: 'The run outlived the session (long apply, slow resources such as RDS or EKS)',
      explanation:
        'A role session of 1 hour is too short for a run that creates slow resources; the token expires mid-apply and state writes fail.',
      prior: 0.3,
      boosts: [
        {
          when: /failed to upload state|Error creating DB Instance|Still creating|CreateMultipartUpload/,
          by: 0.3,
          evidence: 'The failure came late in the run⟦ (⟨operation⟩)⟧.',
        },
        {
          // A CI job gets its credentials when it starts: an expired token means the job
          // (or a long step in it) outlived the session.
          when: 'ci',
          by: 0.35,
          evidence:
            'This ran in CI, whose credentials are issued at the start of the job: the job outlived them.',
        },
      ],
      examples: [
        {
          text: '+ aws s3api put-object --body aws-gardener_prod-amd64-1757.0-170271ce/aws-gardener_prod-amd64-1757.0-170271ce.raw.log --bucket *** --key objects/aws-gardener_prod-amd64-1757.0-170271ce/aws-gardener_prod-amd64-1757.0-170271ce.raw.log\n\nAn error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.\nError: Process completed with exit code 254.',
          source: 'corpus holdout10/h10-gardenlinux-2614-1 (gardenlinux/gardenlinux#2614)',
        },
      ],
    },
    {
      id: 'role-chaining-cap',
      title: 'Role chaining caps the session at 1 hour',
      explanation:
        'A role assumed with credentials that are themselves from a role is limited to one hour, whatever `duration_seconds` asks for.',
      prior: 0.1,
      boosts: [{ when: 'role.present', by: 0.1, evidence: 'A role⟦ (⟨role⟩)⟧ is involved.' }],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'ecr-relogin',
      title: 'Log Docker in to the registry again, and have the agent do it before each pull',
      detail:
        'The first command gets a new 12-hour password and hands it to Docker on standard input (never on the command line). For agents that run for days, the Amazon ECR credential helper (`docker-credential-ecr-login`, set as `credHelpers` in ~/.docker/config.json) fetches a fresh token for every pull.',
      commands: [
        'aws ecr get-login-password⟦ --region ⟨region⟩⟧ | docker login --username AWS --password-stdin ⟨account⟩.dkr.ecr.⟨region⟩.amazonaws.com',
      ],
      when: ECR_LOGIN_EXPIRED,
      examples: [ECR_LOGIN_EXAMPLE],
    },
    {
      id: 'server-credentials',
      title: 'Refresh the credentials the server runs with, then restart it',
      detail:
        'Give the server (its deployment, Kubernetes secret or instance role) credentials it can renew — an IAM role for its service account or instance profile — or long-term keys, instead of exported temporary ones; then restart it so it reads them.',
      when: RELAYED_BY_SERVER,
      examples: [HOLDOUT10_PACHD_EXPIRED],
    },
    {
      id: 'ci-session-length',
      title: 'The CI job outlived its role session: ask for a longer session',
      detail:
        'With aws-actions/configure-aws-credentials set `role-duration-seconds` (e.g. 7200) on the step; the role’s MaxSessionDuration must allow it (role chaining caps it at 1 hour). Or split the long step, or fetch credentials again right before it.',
      commands: [
        'aws iam get-role --role-name ⟨role_name⟩ --query Role.MaxSessionDuration',
        'aws iam update-role --role-name ⟨role_name⟩ --max-session-duration 7200',
      ],
      when: 'ci',
      examples: [
        {
          text: '+ aws s3api put-object --body aws-gardener_prod-amd64-1757.0-170271ce/aws-gardener_prod-amd64-1757.0-170271ce.raw.log --bucket *** --key objects/aws-gardener_prod-amd64-1757.0-170271ce/aws-gardener_prod-amd64-1757.0-170271ce.raw.log\n\nAn error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.\nError: Process completed with exit code 254.',
          source: 'corpus holdout10/h10-gardenlinux-2614-1 (gardenlinux/gardenlinux#2614)',
        },
      ],
    },
    CONFIGURE_LIST,
    {
      id: 'refresh-sso',
      title: 'Refresh the IAM Identity Center session',
      commands: ['aws sso login --profile ⟨profile⟩'],
      sources: ['sso'],
    },
    {
      id: 'refresh-env',
      title:
        'Drop the expired exported keys, then get new ones from where they came from (all three values from one call)',
      detail:
        'Exported temporary keys are never renewed. After the `unset`, the second command shows what the credential chain falls back to (a profile or role the SDK can refresh, or nothing). For new exported keys, repeat the call that made them: the third prints a profile’s current credentials as `export` lines (AWS CLI v2, refreshing SSO or role profiles); otherwise `aws sts assume-role …`, or the SSO or vault tool you use. Export the AccessKeyId, SecretAccessKey and SessionToken of the same answer.',
      commands: [
        'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
        'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
        'aws configure export-credentials --format env⟦ --profile ⟨profile⟩⟧',
      ],
      sources: ['env', 'unknown'],
    },
    {
      id: 'longer-session',
      title: "For long runs: raise the role's maximum session and ask for it in the provider",
      detail:
        'Set `duration = "2h"` in the provider\'s `assume_role` block; the role\'s MaxSessionDuration must allow it.',
      commands: ['aws iam update-role --role-name ⟨role_name⟩ --max-session-duration 7200'],
      sources: ['assume_role', 'oidc', 'unknown'],
      // The provider's `assume_role` block is Terraform's.
      unless: 'tool.not_terraform',
      notFor: [
        {
          text: 'rrichardson@deploy-1:~/pachyderm$ echo "hi" | pachctl put-file data master hihi -c\ninvalid header field value "ExpiredToken: The provided token has expired.\\n\\tstatus code: 400, request id: 17222D6374CC4C33"',
          source: 'corpus holdout10/h10-pachyderm-1195-1 (pachyderm/pachyderm#1195)',
        },
      ],
    },
    {
      id: 'prefer-profiles',
      title: 'Prefer a profile the provider can refresh over exported keys',
      detail:
        'With `profile = "…"` (SSO, role_arn + source_profile or credential_process) the SDK renews credentials itself.',
      commands: ['export AWS_PROFILE=⟨profile⟩'],
      sources: ['env', 'unknown'],
    },
    BACKEND_CREDENTIALS,
    WHOAMI,
    RERUN,
  ],
  docs: [AWS_DOCS.tempCredentials, AWS_DOCS.rolesTroubleshooting, AWS_DOCS.providerAuth],
};
