import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, CONFIGURE_LIST, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

export const noCredentials: CatalogEntry = {
  id: 'aws.no_credentials',
  platform: 'aws',
  title: 'Terraform found no AWS credentials',
  summary:
    'The whole credential chain came up empty: no keys in the provider block or environment, no usable profile, no web identity, and no instance or container role reachable.',
  codes: ['NoCredentialProviders', 'EC2RoleRequestError', 'NoCredentialsError'],
  signatures: [
    {
      id: 'credential-source',
      pattern: /was specified as the credential_source|credential_source values must be/,
      weight: 0.86,
    },
    {
      id: 'no-valid-sources',
      pattern: /[Nn]o valid credential sources (?:for [^.]{1,60}? )?found/,
      weight: 0.85,
      wrapper: true,
    },
    {
      id: 'no-providers',
      pattern: /\bNoCredentialProviders\b|no valid providers in chain/,
      weight: 0.85,
      wrapper: true,
    },
    {
      id: 'no-imds-role',
      pattern:
        /no EC2 IMDS role found|no EC2 instance role found|EC2RoleRequestError|failed to get [\w-]{0,40} ?EC2 (?:IMDS|instance) role credentials/,
      weight: 0.88,
    },
    {
      id: 'imds-unreachable',
      pattern: /\bec2imds\b|169\.254\.169\.254(?!\/metadata\/identity)|169\.254\.170\.2/,
      weight: 0.9,
    },
    {
      id: 'refresh-cached',
      pattern: /failed to refresh cached credentials/,
      weight: 0.6,
      wrapper: true,
    },
    {
      id: 'account-id',
      pattern:
        /AWS account ID not previously found and failed retrieving via all available methods/,
      weight: 0.6,
      wrapper: true,
    },
    {
      id: 'action-inputs',
      pattern: /Could not load credentials from any providers|Credentials could not be loaded/,
      weight: 0.88,
    },
    { id: 'cli-unable-to-locate', pattern: /Unable to locate credentials/, weight: 0.92 },
    { id: 'botocore', pattern: /\bNoCredentialsError\b/, weight: 0.9 },
    { id: 'env-not-found', pattern: /EnvAccessKeyNotFound/, weight: 0.6, wrapper: true },
  ],
  causes: [
    {
      id: 'nothing-configured',
      title: 'Nothing is configured where Terraform runs',
      explanation:
        "No AWS_* variables, no `~/.aws/credentials`, no profile — common in a fresh CI job, a container, or a remote runner (HCP Terraform, Atlantis) that does not share your laptop's files.",
      prior: 0.4,
      boosts: [
        {
          when: 'ci',
          by: 0.2,
          evidence: 'This ran in CI, which only has the credentials you give it.',
        },
      ],
    },
    {
      id: 'profile-not-applied',
      title: 'The profile you rely on is not the one Terraform reads',
      explanation:
        'A `profile` in the provider block, AWS_PROFILE, or a config file under a different HOME (sudo, containers) decide which profile is read; old providers also could not read SSO profiles and report "no valid credential sources".',
      prior: 0.25,
      boosts: [
        { when: 'profile.named', by: 0.2, evidence: 'The paste names the profile ⟨profile⟩.' },
      ],
    },
    {
      id: 'instance-role-unreachable',
      title: 'The instance or container role cannot be reached',
      explanation:
        'On EC2 the metadata service must be reachable (IMDSv2 hop limit 2 inside containers); outside AWS there is no such role at all.',
      prior: 0.15,
      boosts: [
        {
          when: /ec2imds|169\.254\.169\.254|IMDS|instance role/,
          by: 0.4,
          evidence: 'The chain fell through to the EC2 metadata service and got nothing.',
        },
      ],
    },
    {
      id: 'vars-not-wired',
      title: 'Credentials are in a variable or tfvars file that is not wired into the provider',
      explanation:
        'Declaring `access_key` in variables does nothing unless the provider block uses them.',
      prior: 0.1,
    },
    BACKEND_CAUSE,
  ],
  steps: [
    CONFIGURE_LIST,
    {
      id: 'provider-block',
      title: 'Check what the provider (and backend) blocks ask for',
      commands: [
        `grep -rnE 'profile|assume_role|shared_(credentials|config)_files|access_key' --include='*.tf' .`,
      ],
    },
    {
      id: 'sso-login',
      title: 'SSO users: log in (old providers < 3.x cannot read SSO profiles at all)',
      commands: ['aws sso login --profile ⟨profile⟩', 'export AWS_PROFILE=⟨profile⟩'],
      sources: ['sso'],
    },
    {
      id: 'export-profile',
      title: 'Point Terraform at the profile explicitly',
      commands: ['export AWS_PROFILE=⟨profile⟩', 'aws configure list-profiles'],
      sources: ['profile', 'unknown'],
    },
    {
      id: 'ci-credentials',
      title: 'In CI: make sure the credentials step ran in the same job and exported its variables',
      detail:
        'With configure-aws-credentials, an empty `role-to-assume` input or a missing `id-token: write` permission leaves the job with nothing.',
      commands: ['env | grep ^AWS_ | cut -d= -f1'],
      sources: ['oidc', 'env', 'unknown'],
      when: 'ci',
    },
    {
      id: 'imds',
      title: 'On EC2 or ECS: check the metadata endpoint answers from where Terraform runs',
      commands: [
        'curl -s -m 2 -o /dev/null -w "%{http_code}\\n" -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60"',
        'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-put-response-hop-limit 2',
      ],
      sources: ['instance_role', 'unknown'],
    },
    BACKEND_CREDENTIALS,
    WHOAMI,
    RERUN,
  ],
  docs: [AWS_DOCS.providerAuth, AWS_DOCS.cliConfigFiles, AWS_DOCS.s3Backend],
};
