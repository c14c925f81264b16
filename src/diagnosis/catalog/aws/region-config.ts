import type { CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

export const regionConfig: CatalogEntry = {
  id: 'aws.region_config',
  platform: 'aws',
  title: 'The AWS region is missing, invalid or not enabled',
  summary:
    'Credentials could not be checked because the region is unset, misspelled, a variable that was never interpolated, or a region the account has not enabled.',
  codes: ['MissingRegion', 'OptInRequired', 'RegionDisabledException'],
  signatures: [
    {
      id: 'service-host',
      pattern:
        /lookup (?:ec2|s3|iam|dynamodb|eks|rds|lambda|ecr|kms|logs|ssm|secretsmanager|cloudformation|autoscaling|elasticloadbalancing)\.(?!(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-[a-z]{4,9}-\d{1,2}\.)[a-z0-9-]{1,30}\.amazonaws\.com/,
      weight: 0.85,
    },
    {
      id: 'argument-required',
      pattern: /The argument "region" is required|missing region information/,
      weight: 0.92,
    },
    {
      id: 'sdk-missing',
      pattern: /Missing region in config|ConfigError: Missing region|[Rr]egion is missing/,
      weight: 0.93,
    },
    {
      id: 'empty-region-host',
      pattern: /https?:\/\/[a-z0-9-]{2,30}\.\.amazonaws\.com/,
      weight: 0.92,
    },
    {
      id: 'missing',
      pattern:
        /\bMissingRegion\b|could not find region configuration|Invalid Configuration: Missing Region|Missing region value|You must specify a region/,
      weight: 0.95,
    },
    {
      id: 'invalid',
      pattern: /[Ii]nvalid AWS Region:|Not a valid region|Invalid region value/,
      weight: 0.95,
    },
    {
      id: 'opt-in',
      pattern: /\bOptInRequired\b|You are not subscribed to this service/,
      weight: 0.88,
    },
    {
      id: 'disabled',
      pattern:
        /\bRegionDisabledException\b|STS is not activated in this region|region (?:[\w-]{1,30} )?is not enabled/,
      weight: 0.92,
    },
    {
      id: 'uninterpolated-host',
      // `sts.var.region.amazonaws.com`: a variable that was never interpolated became the host.
      // (A real but non-AWS region, from an S3-compatible backend, is an endpoint problem instead.)
      pattern:
        /lookup (?:sts|ec2|sso|oidc|portal\.sso)\.(?:var\.|local\.|\$\{|region\.|aws_region\.|REGION\.)[^\s:]{0,80}amazonaws\.com/,
      weight: 0.92,
    },
  ],
  causes: [
    {
      id: 'unset',
      title: 'No region is set for the provider or backend',
      explanation:
        'Set `region` in the provider/backend block, or AWS_REGION / AWS_DEFAULT_REGION, or `region` in the profile.',
      prior: 0.4,
      boosts: [
        {
          when: /MissingRegion|Missing region|could not find region|region: ?$|Not a valid region: ?$/m,
          by: 0.3,
          evidence: 'The SDK found no region at all.',
        },
      ],
    },
    {
      id: 'invalid-value',
      title: 'The region value is not a region',
      explanation:
        'A typo, an uninterpolated variable (`"var.region"` in quotes), or something typed at the wrong `aws configure` prompt.',
      prior: 0.3,
      boosts: [
        {
          when: 'region.invalid',
          by: 0.4,
          evidence: 'The region in the paste is "⟨region⟩", which is not an AWS region.',
        },
      ],
    },
    {
      id: 'not-enabled',
      title: 'The region is not enabled for the account',
      explanation:
        'Opt-in regions must be enabled in the account (Account settings → Regions) before any call there works.',
      prior: 0.1,
      boosts: [
        { when: 'region.opt_in', by: 0.4, evidence: '⟨region⟩ is an opt-in region.' },
        {
          when: /OptInRequired|RegionDisabled|not enabled/,
          by: 0.3,
          evidence: 'AWS says the region or service is not enabled.',
        },
      ],
    },
    {
      id: 'custom-region',
      title: 'A custom or edge region name that the provider does not know',
      explanation:
        'Snowball Edge, LocalStack and other S3-compatible endpoints need `skip_region_validation = true` and custom endpoints.',
      prior: 0.05,
    },
  ],
  steps: [
    {
      id: 'show-region',
      title: 'See which region the CLI and Terraform pick up',
      commands: [
        'aws configure get region⟦ --profile ⟨profile⟩⟧',
        'env | grep -E "^AWS_(DEFAULT_)?REGION"',
        `grep -rn 'region' --include='*.tf' --include='*.tfvars' .`,
      ],
    },
    { id: 'set-region', title: 'Set it explicitly', commands: ['export AWS_REGION=<your-region>'] },
    {
      id: 'interpolate',
      title: 'Reference variables without quotes: `region = var.region`, not `"var.region"`',
      commands: [`grep -rn '"var\\.' --include='*.tf' .`],
    },
    {
      id: 'enabled-regions',
      title: 'List the regions the account has enabled',
      commands: [
        'aws account list-regions --region-opt-status-contains ENABLED ENABLED_BY_DEFAULT --query "Regions[].RegionName"',
      ],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.regions, AWS_DOCS.providerAuth],
};
