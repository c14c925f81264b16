import type { Example, CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';
import { REGION_SHAPE } from '../../facts/location';

/**
 * A resolver's "no such host" for an AWS endpoint whose region label is not a region
 * (`ec2.auto…`, `sts.southeast-2…`, `sts.it…`): the host was built from a wrong region. Each
 * resolver words it its own way: Go's `lookup H` (net), Node's `getaddrinfo ENOTFOUND H`
 * (lib/internal/errors.js), .NET's `<socket error> (H:443)` (SocketsHttpHandler), Java's
 * `UnknownHostException: H`, curl's `Could not resolve host: H`, botocore's `Could not connect
 * to the endpoint URL: "https://H/"`. Dual-stack, FIPS and EKS OIDC hosts have a label of
 * their own before the region.
 */
const UNRESOLVED_REGION_HOST = new RegExp(
  String.raw`(?:lookup |getaddrinfo (?:ENOTFOUND|EAI_AGAIN) |UnknownHostException: |Could not resolve host: |Could not connect to the endpoint URL: "?https?://|(?:No such host is known|Name or service not known|nodename nor servname provided, or not known|Unknown Host)\.? \()` +
    String.raw`(?:sts|sso|oidc|portal\.sso|ec2|s3|iam|dynamodb|eks|rds|lambda|ecr|kms|logs|ssm|secretsmanager|cloudformation|autoscaling|elasticloadbalancing)\.` +
    `(?!${REGION_SHAPE}\\.|dualstack\\.|fips\\.|eks\\.)` +
    String.raw`[a-z0-9-]{1,30}\.amazonaws\.com`,
);

/** The client refused a region by its name (a real one, when its own list is old). */
const REFUSED_BY_NAME =
  /(?:Not a valid region|[Ii]nvalid AWS Region): ?[a-z]{2}(?:-[a-z]{2,10}){1,2}-\d/;
const SEOUL_TOO_NEW =
  'Error refreshing state: 1 error(s) occurred:\n\n* 1 error(s) occurred:\n\n* Not a valid region: ap-northeast-2';
const SEOUL_TOO_NEW_EXAMPLE: Example = {
  text: SEOUL_TOO_NEW,
  source: 'corpus holdout12/h12-aws-seoul-notvalid-region-1 (hashicorp/terraform#4635)',
};

/**
 * STS's regional endpoint is deactivated for the account (STS RegionDisabledException: "STS is
 * not activated in this region for account:…"): whatever made the call — the provider, or a
 * server such as Vault's AWS auth method — asked STS in that region.
 */
const STS_REGION_DEACTIVATED = /\bRegionDisabledException\b|STS is not activated in this region/;
const STS_REGION_DEACTIVATED_EXAMPLE: Example = {
  text: '* vault_aws_auth_backend_role.aws_auth: error writing AWS auth backend role "auth/PATH1/role/PHAT2": Error making API request.\n\nURL: PUT URL/v1/auth/PATH1/role/PATH2\nCode: 400. Errors:\n\n* unable to resolve ARN "VALID_ARN" to internal ID: RegionDisabledException: STS is not activated in this region for account:ACCOUNT_NUMBER. Your account administrator can activate STS in this region using the IAM Console.\n\tstatus code: 403, request id: 889d12c1-6203-11e9-ab7b-01a8d27184f5',
  source:
    'corpus holdout16/h16-tfw-vault-aws-auth-role-sts-region-disabled-1 (hashicorp/terraform-aws-vault#146)',
};

export const regionConfig: CatalogEntry = {
  id: 'aws.region_config',
  platform: 'aws',
  title: 'The AWS region is missing, invalid or not enabled',
  summary:
    'Credentials could not be checked because the region is unset, misspelled, a variable that was never interpolated, or a region the account has not enabled.',
  variants: [
    {
      when: STS_REGION_DEACTIVATED,
      title: 'STS is deactivated in the region the call went to, for this account',
      summary:
        'The account has that region’s STS endpoint turned off (IAM → Account settings → Security Token Service endpoints). Activate it there, or make whatever called STS use an active region or the global endpoint — for Vault’s AWS auth method that is the Vault server, through its client’s `sts_endpoint` and `sts_region`.',
      example: STS_REGION_DEACTIVATED_EXAMPLE,
    },
  ],
  codes: ['MissingRegion', 'OptInRequired', 'RegionDisabledException'],
  signatures: [
    {
      // AWS refusing a SigV4 credential scope whose region it does not serve (an STS region,
      // or a custom endpoint, that is not a real region). The code says SignatureDoesNotMatch,
      // but the secret is fine: the region in the scope is what to fix.
      id: 'credential-scope',
      pattern: /Credential should be scoped to a valid region/,
      tier: 'strong',
      beats: ['aws.signature_mismatch'],
      examples: [
        {
          text: 'Error: reading STS Caller Identity\n\n  with data.aws_caller_identity.current,\n  on terraform_plugin_test.tf line 21, in data "aws_caller_identity" "current":\n  21: data "aws_caller_identity" "current" {}\n\noperation error STS: GetCallerIdentity, https response error StatusCode: 403,\nRequestID: fe4eadc7-14ba-4419-92e5-18c95845c089, api error\nSignatureDoesNotMatch: Credential should be scoped to a valid region.',
          source: 'corpus holdout10/h10-tfaws-35860-1 (hashicorp/terraform-provider-aws#35860)',
        },
      ],
    },
    {
      // Region missing in the Java v2 SDK's words and in tools that word it themselves (rain).
      id: 'other-tools',
      pattern:
        /Unable to load region from any of the providers in the chain|\ba region was not specified\b/,
      tier: 'strong',
      examples: [
        {
          text: "a region was not specified. You can run 'aws configure' or choose a profile with a region",
          source: 'corpus holdout8/h8-rain-408-1 (aws-cloudformation/rain#408)',
        },
      ],
    },
    {
      id: 'service-host',
      pattern: UNRESOLVED_REGION_HOST,
      tier: 'strong',
      // The host does not exist because its region label is none: the region is what to fix,
      // not the network.
      beats: [
        'aws.endpoint_unreachable/dns',
        'aws.endpoint_unreachable/other-sdks',
        'aws.endpoint_unreachable/java-dotnet-connect',
        'aws.endpoint_unreachable/node-java-dns',
      ],
      examples: [
        {
          text: 'caused by: Post "https://ec2.auto.amazonaws.com/": dial tcp: lookup ec2.auto.amazonaws.com on 192.168.112.1:53: no such host: timestamp=2022-11-24T14:19:35.482Z',
          source: 'corpus holdout2/h2-cfdocs6867-1',
        },
        {
          text: "Assuming role arn:aws:iam::xxxxxxxxxxx:role/AccountAdminRole in region southeast-2...\nError: getaddrinfo ENOTFOUND sts.southeast-2.amazonaws.com\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26) {\n  errno: -3008,\n  code: 'ENOTFOUND',",
          source:
            'corpus holdout14/h14-aws-azurelogin-badregion-1 (aws-azure-login/aws-azure-login#332), shortened',
        },
        {
          text: "System.Net.Http.HttpRequestException: 'Unknown Host. (sts.it.amazonaws.com:443)'",
          source:
            'corpus holdout14/h14-aws-spapi-csharp-dns-2 (abuzuhri/Amazon-SP-API-CSharp#645): a library that made the host from a marketplace code',
        },
        {
          text: 'System.Net.Http.HttpRequestException: nodename nor servname provided, or not known (sts.us.amazonaws.com:443)\n ---> System.Net.Sockets.SocketException (0xFFFDFFFF): nodename nor servname provided, or not known',
          source:
            'corpus holdout14/h14-aws-spapi-csharp-dns-1 (abuzuhri/Amazon-SP-API-CSharp#273), shortened',
        },
      ],
      counterexamples: [
        {
          text: 'Error: getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com',
          source:
            'invented: the same Node wording for a real region’s STS host (DNS or a proxy failed: an endpoint problem)',
        },
        {
          text: 'dial tcp: lookup s3.dualstack.us-east-1.amazonaws.com: no such host',
          source: 'invented: a dual-stack S3 host, whose second label is not a region by design',
        },
      ],
    },
    {
      id: 'argument-required',
      pattern: /The argument "region" is required|missing region information/,
      tier: 'strong',
      examples: [
        {
          text: '│ Error: Missing required argument\n│\n│ The argument "region" is required, but was not set.',
          source: 'corpus holdout3/h3-cpiamsysuser67-1',
        },
      ],
    },
    {
      id: 'sdk-missing',
      pattern:
        /Missing region in config|ConfigError: Missing region|[Rr]egion is missing|an AWS region is required, but was not found|No RegionEndpoint or ServiceURL configured/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: error configuring Terraform AWS Provider: error validating provider credentials: error calling sts:GetCallerIdentity: operation error STS: GetCallerIdentity, failed to resolve service endpoint, an AWS region is required, but was not found',
          source:
            'upstream aws/aws-sdk-go-v2:aws/endpoints.go (MissingRegionError, read from a vendored copy of package aws) inside hashicorp/aws-sdk-go-base@v2.0.0-beta.21:awsauth.go (rendered with plausible values)',
        },
        {
          text: '{ ConfigError: Missing region in config',
          source: 'corpus holdout2/h2-apexapigw3-1',
        },
        {
          // The AWS SDK for .NET's ClientConfig.Validate (aws/aws-sdk-net sdk/src/Core/Amazon.Runtime/ClientConfig.cs).
          text: 'Amazon.Runtime.AmazonClientException: No RegionEndpoint or ServiceURL configured\n   at Amazon.Runtime.ClientConfig.Validate()',
          source: 'corpus holdout17/h17-aws-dotnet-no-region-1 (aws/aws-sdk-net#1768)',
        },
      ],
    },
    {
      id: 'empty-region-host',
      pattern: /https?:\/\/[a-z0-9-]{2,30}\.\.amazonaws\.com/,
      tier: 'strong',
      examples: [
        {
          text: 'Invalid endpoint: https://sts..amazonaws.com',
          source: 'corpus holdout2/h2-awsbesite1-1',
        },
      ],
    },
    {
      id: 'missing',
      pattern:
        /\bMissingRegion\b|could not find region configuration|Invalid Configuration: Missing Region|Missing region value|You must specify a region/,
      tier: 'exact',
      examples: [
        {
          text: 'MissingRegion: could not find region configuration',
          source: 'upstream aws/aws-sdk-go@v1.55.6:aws/errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: Missing region value\n\nThe "region" attribute or the "AWS_REGION" or "AWS_DEFAULT_REGION" environment variables must be set.',
          source:
            'upstream hashicorp/terraform@v1.15.9:internal/backend/remote-state/s3/backend.go (rendered with plausible values)',
        },
      ],
    },
    // SDK v2 endpoint rules (`endpoint rule error, %s`): an empty or malformed region reaches
    // the rule set instead of a host name.
    {
      id: 'endpoint-rules',
      pattern:
        /endpoint rule error, (?:Invalid region: region was not a valid DNS name|A region must be set when sending requests to S3)/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: operation error S3: HeadBucket, failed to resolve service endpoint, endpoint rule error, A region must be set when sending requests to S3.',
          source:
            'upstream aws/smithy-go@c589db5:codegen/smithy-go-codegen/src/main/java/software/amazon/smithy/go/codegen/endpoints/EndpointResolverGenerator.java with the S3 rule message as printed in public outputs (rendered)',
        },
        {
          text: 'Error: Failed to get existing workspaces: Unable to list objects in S3 bucket "tf-state" with prefix "env:/": operation error S3: ListObjectsV2, resolve auth scheme: resolve endpoint: endpoint rule error, Invalid region: region was not a valid DNS name.',
          source:
            "upstream hashicorp/terraform@v1.15.9:internal/backend/remote-state/s3/backend_state.go around aws/smithy-go@c589db5:codegen/smithy-go-codegen/src/main/java/software/amazon/smithy/go/codegen/endpoints/EndpointResolverGenerator.java ('endpoint rule error, %s'); the S3 rule message as printed in public Go outputs (rendered with plausible values)",
        },
      ],
    },
    {
      id: 'invalid',
      pattern:
        /[Ii]nvalid AWS Region:|Not a valid region|Invalid region value|Region is not valid: |Provided region_name '[^']{0,60}' doesn't match a supported format/,
      tier: 'exact',
      examples: [
        {
          text: "botocore.exceptions.InvalidRegionError: Provided region_name 'us east 1' doesn't match a supported format.",
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (InvalidRegionError) (rendered with plausible values)',
        },
        {
          text: 'Error: Region is not valid: us-east-x',
          source:
            'upstream aws-actions/configure-aws-credentials@v6.2.3:src/index.ts (rendered with plausible values)',
        },
        {
          text: 'Error: invalid AWS Region: us-east-x',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:validation/region.go (rendered with plausible values)',
        },
        {
          text: '**Error: Error applying plan:\n\n1 error(s) occurred:\n\nprovider.aws: Not a valid region:** ',
          source: 'corpus dev/gh-etcdco-17-1',
        },
      ],
    },
    {
      id: 'opt-in',
      pattern: /\bOptInRequired\b|You are not subscribed to this service/,
      tier: 'likely',
      examples: [
        {
          text: 'ERROR: OptInRequired: You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.\n\tstatus code: 401, request id: [...]',
          source: 'corpus holdout/ho-csaudit-24-1',
        },
      ],
    },
    {
      id: 'disabled',
      pattern:
        /\bRegionDisabledException\b|STS is not activated in this region|region (?:[\w-]{1,30} )?is not enabled/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, RegionDisabledException: STS is not activated in this region for account:123456789012. Your account administrator can activate STS in this region using the IAM Console.',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:service/sts/errors.go (code and meaning; message wording invented from its doc comment)',
        },
      ],
    },
    {
      id: 'uninterpolated-host',
      // `sts.var.region.amazonaws.com`: a variable that was never interpolated became the host.
      // (A real but non-AWS region, from an S3-compatible backend, is an endpoint problem instead.)
      pattern:
        /lookup (?:sts|ec2|sso|oidc|portal\.sso)\.(?:var\.|local\.|\$\{|region\.|aws_region\.|REGION\.)[^\s:]{0,80}amazonaws\.com/,
      tier: 'strong',
      examples: [
        {
          text: 'RequestID: , request send failed, Post "https://sts.var.region.amazonaws.com/": dial tcp: lookup sts.var.region.amazonaws.com on 127.0.0.53:53: no such host',
          source: 'corpus dev/gh-tfaws-24225-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'sts-region-deactivated',
      title: 'STS’s endpoint in that region is deactivated for the account',
      explanation:
        'Each account can turn regional STS endpoints on and off in IAM’s account settings; a call to a deactivated one is refused with RegionDisabledException whatever the credentials.',
      prior: 0,
      boosts: [
        {
          when: STS_REGION_DEACTIVATED,
          by: 1,
          evidence: 'STS says it is not activated in this region for the account.',
        },
      ],
      examples: [STS_REGION_DEACTIVATED_EXAMPLE],
    },
    {
      id: 'sts-scope',
      title: 'The STS call was signed for a region its endpoint does not serve',
      explanation:
        'A region is set, but the request to STS was signed with another one: `sts_region` (or `region`) in the provider or backend differs from the STS endpoint used (a custom `endpoints { sts = … }`, AWS_ENDPOINT_URL_STS, a regional endpoint), or a provider version signs with its default region instead of `sts_region` (terraform-provider-aws#35860 fixed one such regression: upgrade the provider).',
      prior: 0,
      boosts: [
        {
          when: /Credential should be scoped to a valid region/,
          by: 0.9,
          evidence:
            'AWS says the credential scope of the request names no valid region for that endpoint.',
        },
      ],
      examples: [
        {
          text: 'Error: reading STS Caller Identity\n\noperation error STS: GetCallerIdentity, https response error StatusCode: 403,\nRequestID: fe4eadc7-14ba-4419-92e5-18c95845c089, api error\nSignatureDoesNotMatch: Credential should be scoped to a valid region.',
          source: 'corpus holdout10/h10-tfaws-35860-1 (hashicorp/terraform-provider-aws#35860)',
        },
      ],
    },
    {
      id: 'unset',
      title: 'No region is set: not in the provider or backend, AWS_REGION or the profile',
      explanation:
        'Set `region` in the provider/backend block, or AWS_REGION / AWS_DEFAULT_REGION, or `region` in the profile.',
      prior: 0.4,
      boosts: [
        {
          when: /MissingRegion|[Mm]issing region|could not find region|region: ?$|Not a valid region: ?$/m,
          by: 0.3,
          evidence: 'The SDK found no region at all.',
        },
        { when: 'region.present', by: -0.3, evidence: 'The paste shows a region.' },
      ],
    },
    {
      id: 'client-too-old',
      title:
        '⟨region⟩ is a real region, newer than this provider’s (or Terraform’s) list of regions',
      explanation:
        'Provider and Terraform releases validate the region against the list they were built with: a region AWS opened later is "not valid" to them. Upgrade the provider (and Terraform, whose S3 backend has its own list), or set `skip_region_validation = true` in the provider block until then.',
      prior: 0,
      boosts: [
        {
          when: 'region.known',
          by: 0.35,
          evidence: '⟨region⟩ is in the current AWS SDKs’ list of regions.',
        },
        {
          when: REFUSED_BY_NAME,
          by: 0.35,
          evidence: 'The client refused that region by name.',
        },
      ],
      examples: [SEOUL_TOO_NEW_EXAMPLE],
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
        {
          when: 'region.unknown',
          by: 0.4,
          evidence: '⟨region⟩ looks like a region but is not in the AWS SDK’s list of regions.',
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
      id: 'activate-sts-region',
      title:
        'Activate STS in that region (IAM → Account settings), or point the caller at an active region or the global endpoint',
      detail:
        'Only the account’s administrator can activate it, in the IAM console’s Account settings under Security Token Service (STS) endpoints. The call came from whatever made it: the provider (its `sts_region`, or AWS_ENDPOINT_URL_STS), or a server acting for you — Vault’s AWS auth method calls STS from the Vault server, set by its client’s `sts_endpoint` and `sts_region`. The command asks the global endpoint, which is always active.',
      commands: ['aws sts get-caller-identity --endpoint-url https://sts.amazonaws.com'],
      when: STS_REGION_DEACTIVATED,
      examples: [STS_REGION_DEACTIVATED_EXAMPLE],
    },
    {
      id: 'sts-scope',
      title: 'Compare the STS region and endpoint the configuration sets, and the provider version',
      detail:
        'The region in the signature must be the region of the STS endpoint: set `sts_region` to it (or drop the custom endpoint), then upgrade the provider if it still signs with its default region.',
      commands: [
        `grep -rnE 'sts_region|endpoints|sts +=' --include='*.tf' .`,
        'env | grep -E "^AWS_(ENDPOINT_URL_STS|STS_REGIONAL_ENDPOINTS|REGION|DEFAULT_REGION)="',
        'terraform version',
      ],
      when: /Credential should be scoped to a valid region/,
      examples: [
        {
          text: 'Error: reading STS Caller Identity\n\noperation error STS: GetCallerIdentity, https response error StatusCode: 403,\nRequestID: fe4eadc7-14ba-4419-92e5-18c95845c089, api error\nSignatureDoesNotMatch: Credential should be scoped to a valid region.',
          source: 'corpus holdout10/h10-tfaws-35860-1 (hashicorp/terraform-provider-aws#35860)',
        },
      ],
    },
    {
      id: 'upgrade-for-region',
      title: 'Upgrade the provider and Terraform: ⟨region⟩ is newer than their region list',
      detail:
        'Until the upgrade, `skip_region_validation = true` in the provider block lets an older provider use the region.',
      commands: ['terraform version', 'terraform init -upgrade'],
      when: REFUSED_BY_NAME,
      unless: 'region.unknown',
      notFor: [
        {
          text: '│ Error: configuring Terraform AWS Provider: error validating provider credentials: error calling sts:GetCallerIdentity: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.eu-central-12.amazonaws.com/": dial tcp: lookup sts.eu-central-12.amazonaws.com: no such host\n│ Error: invalid AWS Region: eu-central-12',
          source:
            'invented: a typo region (corpus holdout4/h4-tfaws-28889-1’s host) refused by name',
        },
      ],
      examples: [SEOUL_TOO_NEW_EXAMPLE],
    },
    {
      // aws-sdk-go v1 (aws.ErrMissingRegion) reads ~/.aws/config, and so its region, only when
      // AWS_SDK_LOAD_CONFIG is set (session.NewSession's SharedConfigState); Terraform sets it,
      // Go programs built on v1 (Duplicacy, Steampipe's plugin, lifecycled, gocloud blob URLs) do not.
      id: 'go-v1-load-config',
      title:
        'A Go program on aws-sdk-go v1 reads ~/.aws/config (and its region) only with AWS_SDK_LOAD_CONFIG=1: set AWS_REGION, or that',
      detail:
        'Set the region where the program runs (its service unit, container or CI job): `AWS_REGION`, or `AWS_SDK_LOAD_CONFIG=1` so the profile’s region counts. Some tools take the region from their own settings instead: a storage URL (`s3://<region>@amazon.com/<bucket>` for Duplicacy), a blob URL’s `?region=` (Go CDK), a connection’s `regions` (Steampipe).',
      commands: ['export AWS_REGION=⟨region⟩', 'export AWS_SDK_LOAD_CONFIG=1'],
      when: /MissingRegion: could not find region configuration/,
      unless: 'tool.terraform_shown',
      examples: [
        {
          text: 'Failed to download the configuration file from the storage: MissingRegion: could not find region configuration',
          source: 'corpus holdout13/h13-aws-duplicacy-1 (christophetd/duplicacy-autobackup#26)',
        },
      ],
      notFor: [
        {
          text: '╷\n│ Error: configuring Terraform AWS Provider: MissingRegion: could not find region configuration\n│\n│   with provider["registry.terraform.io/hashicorp/aws"],\n╵',
          source:
            'invented: the v1 message inside Terraform’s frame (Terraform sets AWS_SDK_LOAD_CONFIG itself; its provider block is where the region goes)',
        },
      ],
    },
    {
      id: 'show-region',
      title: 'See which region the CLI and Terraform pick up',
      commands: [
        'aws configure get region⟦ --profile ⟨profile⟩⟧',
        'env | grep -E "^AWS_(DEFAULT_)?REGION"',
        `grep -rn 'region' --include='*.tf' --include='*.tfvars' .`,
      ],
    },
    {
      id: 'set-region',
      title: 'Set it explicitly',
      commands: ['export AWS_REGION=<your-region>'],
      unless: 'region.present',
      notFor: [SEOUL_TOO_NEW_EXAMPLE],
    },
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
