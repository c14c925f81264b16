import type { Example, CatalogEntry } from '../schema';
import { remoteRunCause } from '../remote-run';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, CONFIGURE_LIST, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

/** aws-sdk-go v1 ec2rolecreds: the metadata service answered 404 for the role list: no role is attached. */
const NO_INSTANCE_ROLE = /no EC2 instance role found[\s\S]{0,200}?(?:status code: 404|empty role)/;
/** corpus holdout12/h12-aws-ebscsi-nocreds-1: the default chain, then a metadata answer with no role. */
const EBS_CSI_NO_ROLE_PASTE =
  'I0223 14:57:28.570641       1 connection.go:186] GRPC error: rpc error: code = Internal desc = NoCredentialProviders: no valid providers in chain\ncaused by: EnvAccessKeyNotFound: failed to find credentials in the environment.\nSharedCredsLoad: failed to load profile, .\nEC2RoleRequestError: no EC2 instance role found\ncaused by: EC2MetadataError: failed to make EC2Metadata request\n\tstatus code: 404, request id:\ncaused by: empty role';
const EBS_CSI_NO_ROLE_EXAMPLE: Example = {
  text: EBS_CSI_NO_ROLE_PASTE,
  source: 'corpus holdout12/h12-aws-ebscsi-nocreds-1 (kubernetes-sigs/aws-ebs-csi-driver#714)',
};

/**
 * A profile's role settings the SDK cannot build a chain from (aws-sdk-go session/shared_config
 * CredentialRequiresARNError `credential type %s requires role_arn, profile %s`, botocore's and the
 * v2 SDK's credential_source checks): nothing was sent to AWS.
 */
const PROFILE_CHAIN_CONFIG =
  /was specified as the credential_source|credential[_ ]source values must be|only one credential type may be specified per profile|credential type \w{2,40} requires role_arn, profile|but no source provider was configured|The credential source "[^"]{1,100}" referenced in profile "[^"]{1,100}" is not valid|contains both source_profile and credential_source|No credentials found in credential_source referenced/;
const PROFILE_CHAIN_EXAMPLE: Example = {
  text: 'Error: Error refreshing state: 1 error occurred:\n\t* provider.aws.prod-us-west-2: Error creating AWS session: CredentialRequiresARNError: credential type source_profile requires role_arn, profile bridge',
  source:
    'corpus holdout16/h16-tfw-aws233-credrequiresarn-source-profile-1 (hashicorp/terraform-provider-aws#9999), shortened',
};

/** The AWS CDK CLI found no credentials (see the cdk-account signature). */
const CDK_NO_CREDENTIALS =
  /Unable to resolve AWS account to use\. It must be either configured when you define your CDK Stack, or through the environment|Need to perform AWS calls for account [\w<>*-]{1,20}, but no credentials have been configured/;
const CDK_NO_CREDENTIALS_EXAMPLE: Example = {
  text: '$ AWS_PROFILE=my-org-dev cdk deploy\n\n# Output:\n# ✨  Synthesis time: 3.42s\n#\n#\n# ❌ Deployment failed: Error: Need to perform AWS calls for account 123456789012, but no credentials have been configured',
  source:
    'corpus holdout16/h16-aws-cdk-sso-nocreds-1 (aws/aws-cdk#27265); upstream aws/aws-cdk lib/api/aws-auth/sdk-provider.ts',
};

/**
 * The named profile was tried and failed before the chain moved on (the Swift SDK's `Failed to
 * initialize with profile`, the Java SDK v2's `Unable to load credentials from
 * ProfileCredentialsProvider`, the CRT's profile provider): what the metadata service said
 * after it is only where the chain ended.
 */
const PROFILE_FAILED_FIRST =
  /Failed to initialize with profile|Unable to load credentials from ProfileCredentialsProvider|AWS_AUTH_CREDENTIALS_PROVIDER_PROFILE_SOURCE_FAILURE|Valid credentials could not be sourced by a profile provider/;
const PROFILE_FAILED_FIRST_EXAMPLE: Example = {
  text: "[ WARNING ] Failed to initialize with profile 'Foo/AdministratorAccess': The operation couldn’t be completed. (AwsCommonRuntimeKit.CommonRunTimeError error 0.)\n[ INFO ] Attempting to use DefaultAWSCredentialIdentityResolverChain\n[ ERROR ] Credentials Error: AWS_AUTH_CREDENTIALS_PROVIDER_IMDS_SOURCE_FAILURE: Valid credentials could not be sourced by the IMDS provider (Code: -1)",
  source:
    'corpus holdout16/h16-aws-bedrock-mac-imds-1 (aws-samples/amazon-bedrock-client-for-mac#89), shortened',
};

export const noCredentials: CatalogEntry = {
  id: 'aws.no_credentials',
  platform: 'aws',
  title: 'Terraform found no AWS credentials',
  summary:
    'The whole credential chain came up empty: no keys in the provider block or environment, no usable profile, no web identity, and no instance or container role reachable.',
  variants: [
    {
      when: PROFILE_CHAIN_CONFIG,
      title:
        'A profile’s role settings are incomplete: the SDK could not build its credential chain',
      summary:
        'The profile used names a source the SDK cannot follow — a `source_profile` without a `role_arn` beside it, a `credential_source` it does not know, or both at once — so it stopped before asking AWS anything. The fix is in ~/.aws/config, not in the keys.',
      example: PROFILE_CHAIN_EXAMPLE,
    },
  ],
  codes: ['NoCredentialProviders', 'EC2RoleRequestError', 'NoCredentialsError'],
  signatures: [
    {
      // R's paws SDK when its provider chain is empty (paws-r/paws, paws.common
      // R/credential_providers.R no_credentials(), read via code search), as R prints an error.
      id: 'paws-r',
      pattern: /Error in [\w.$]{1,60}\(\) ?: No credentials provided\b/,
      tier: 'likely',
      examples: [
        {
          text: 'Error in f() : No credentials provided',
          source: 'corpus holdout17/h17-aws-paws-nocreds-1 (paws-r/paws#419)',
        },
      ],
    },
    {
      // The AWS Common Runtime's credential providers (aws-c-auth source/auth.c), under the SDKs
      // for Swift, Kotlin and C++, awscrt in Python and mount-s3: the provider named found nothing.
      id: 'crt-provider-failed',
      pattern:
        /AWS_AUTH_CREDENTIALS_PROVIDER_(?:PROFILE_SOURCE_FAILURE|IMDS_SOURCE_FAILURE|ECS_SOURCE_FAILURE|DELEGATE_FAILURE|INVALID_ENVIRONMENT)\b|Valid credentials could not be sourced by (?:a profile|the IMDS|the ECS|the delegate) provider/,
      tier: 'strong',
      examples: [
        PROFILE_FAILED_FIRST_EXAMPLE,
        {
          text: 'awscrt.exceptions.AwsCrtError: AWS_AUTH_CREDENTIALS_PROVIDER_PROFILE_SOURCE_FAILURE: Valid credentials could not be sourced by a profile provider',
          source:
            'upstream awslabs/aws-c-auth@495329c:source/auth.c (the error name and message, rendered as awscrt prints them)',
        },
      ],
    },
    {
      // The AWS SDK for Java: v1's AWSCredentialsProviderChain and v2's AwsCredentialsProviderChain
      // found nothing in their default chain (env, system properties, profile, container, IMDS).
      id: 'java-chain',
      pattern:
        /Unable to load AWS credentials from any provider in the chain|Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain/,
      tier: 'decisive',
      examples: [
        {
          text: '2023-07-14 18:23:41,907 [localhost-startStop-1] INFO  BootStrap  - Starting ice...\n| Error com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain\n| Error \tat com.amazonaws.auth.AWSCredentialsProviderChain.getCredentials(AWSCredentialsProviderChain.java:131)',
          source: 'corpus holdout8/h8-teevityice-306-1 (Teevity/ice#306)',
        },
      ],
    },
    {
      // The AWS SDK for Ruby's request signer, when its chain found no credentials.
      id: 'ruby-missing',
      pattern:
        /Aws::Errors::MissingCredentialsError|unable to sign request without credentials set/,
      tier: 'decisive',
      examples: [
        {
          text: "    E, [2015-02-15T23:01:16.804771 #39322] ERROR -- : unable to sign request without credentials set (Aws::Errors::MissingCredentialsError)\n    /usr/local/var/rbenv/versions/2.1.2/lib/ruby/gems/2.1.0/gems/aws-sdk-core-2.0.24/lib/aws-sdk-core/plugins/request_signer.rb:91:in `require_credentials'",
          source: 'corpus holdout8/h8-awssdkruby-707-1 (aws/aws-sdk-ruby#707)',
        },
        {
          text: '**Aws::Errors::MissingCredentialsError** in **MandateJob@background**\nunable to sign request without credentials set',
          source: 'corpus holdout8/h8-exercism-5550-1 (exercism/website#5550)',
        },
      ],
    },
    {
      // The AWS Common Runtime (aws-c-auth), under mount-s3, the CLI's CRT transfer client and the
      // SDKs' CRT signers: signing was attempted with no credentials resolved.
      id: 'crt-no-credentials',
      pattern:
        /AWS_AUTH_SIGNING_NO_CREDENTIALS|Attempt to sign an http request without credentials/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: Failed to create S3 client\n\nCaused by:\n    0: HeadBucket failed for bucket bornholt-test-bucket in region us-east-1\n    1: Client error\n    2: Unknown response error: MetaRequestResult { response_status: 0, crt_error: Error(6146, "aws-c-auth: AWS_AUTH_SIGNING_NO_CREDENTIALS, Attempt to sign an http request without credentials"), error_response_headers: None, error_response_body: None }',
          source: 'corpus holdout8/h8-mountpoints3-446-1 (awslabs/mountpoint-s3#446)',
        },
      ],
    },
    {
      id: 'credential-source',
      pattern: PROFILE_CHAIN_CONFIG,
      tier: 'likely',
      examples: [
        {
          text: 'Error: The credential_source "Ec2InstanceMetadata" is specified in profile "deploy", but no source provider was configured.',
          source:
            'upstream boto/botocore@1.43.67:botocore/credentials.py (rendered with plausible values)',
        },
        {
          text: 'Error: credential type source_profile requires role_arn, profile deploy',
          source:
            'upstream aws/aws-sdk-go-v2@70bf410:config/shared_config.go (CredentialRequiresARNError; rendered with plausible values)',
        },
        {
          text: 'SharedConfigErr: credential source values must be EcsContainer, Ec2InstanceMetadata, or Environment',
          source: 'upstream aws/aws-sdk-go@v1.55.6:aws/session/session.go (rendered)',
        },
        {
          text: 'Error: credential_source values must be EcsContainer, Ec2InstanceMetadata, or Environment',
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:config/resolve_credentials.go (rendered with plausible values)',
        },
        {
          text: "EcsContainer was specified as the credential_source, but 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' was not set",
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:config/resolve_credentials.go (rendered with plausible values)',
        },
      ],
    },
    {
      // aws-vault found neither keys in its keyring nor another source for the profile.
      id: 'aws-vault-missing',
      pattern: /profile [\w.@+-]{1,128}: credentials missing/,
      tier: 'strong',
      examples: [
        {
          text: 'aws-vault: error: exec: Error getting temporary credentials: profile userone: credentials missing',
          source:
            'upstream 99designs/aws-vault@e22aea1:vault/vault.go; corpus holdout12/h12-aws-awsvault-creds-missing-1 (99designs/aws-vault#1247)',
        },
      ],
    },
    {
      // The AWS CDK CLI (aws-cdk lib/api/aws-auth/sdk-provider.ts) found no credentials to ask
      // STS which account it deploys to: none configured, or an SSO / MFA session it cannot use.
      id: 'cdk-account',
      pattern: CDK_NO_CREDENTIALS,
      tier: 'strong',
      examples: [
        {
          text: ' ❌ Deployment failed: Error: Unable to resolve AWS account to use. It must be either configured when you define your CDK Stack, or through the environment\n    at SdkProvider.resolveEnvironment (/opt/homebrew/Cellar/aws-cdk/2.91.0/libexec/lib/node_modules/aws-cdk/lib/index.js:339:14554)',
          source: 'corpus holdout15/h15-aws-cdk-sso-account-1 (aws/aws-cdk#24744), shortened',
        },
        CDK_NO_CREDENTIALS_EXAMPLE,
      ],
    },
    {
      // The Serverless Framework's AWS provider plugin (lib/plugins/aws/provider.js), v2 and later.
      id: 'serverless-no-credentials',
      pattern: /AWS provider credentials not found\. Learn how to set up AWS provider credentials/,
      tier: 'exact',
      examples: [
        {
          text: ' Serverless Error ----------------------------------------\n \n  Could not locate deployment bucket. Error: AWS provider credentials not found. Learn how to set up AWS provider credentials in our docs here: <http://slss.io/aws-creds-setup>.',
          source: 'corpus holdout15/h15-aws-sls-nocreds-1 (serverless/serverless#9190)',
        },
      ],
    },
    {
      id: 'no-valid-sources',
      pattern: /[Nn]o valid credential sources (?:for (?:[^.]{1,60}? )?)?found/,
      tier: 'likely',
      wrapper: true,
      examples: [
        {
          text: 'Error: No valid credential sources found for AWS Provider.',
          source: 'corpus dev/gh-microfe-1-1',
        },
        {
          // Packer's amazon plugin formats aws-sdk-go-base's message with an empty provider name.
          text: "Build 'amazon-ebs' errored after 6 seconds 144 milliseconds: no valid credential sources for  found.",
          source:
            'corpus holdout12/h12-aws-udacity-packer-nocreds-1 (udacity/devops-intro-project#100)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.us-east-1.amazonaws.com/": dial tcp: lookup sts.us-east-1.amazonaws.com: no such host',
          source:
            'upstream hashicorp/terraform@v1.15.9:internal/backend/remote-state/s3/backend.go with aws/smithy-go@c589db5:errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: failed to refresh cached credentials, load login token: token file not found, please reauthenticate',
          source:
            'upstream aws/aws-sdk-go-v2@544d841:credentials/logincreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'no-providers',
      pattern: /\bNoCredentialProviders\b|no valid providers in chain/,
      tier: 'likely',
      wrapper: true,
      // aws-sdk-go-base's `IAM Role (%s) cannot be assumed. … Error: %s` around an empty chain:
      // there were no source credentials to assume the role with, so that is what to fix.
      beats: ['aws.assume_role_denied/cannot-be-assumed'],
      examples: [
        {
          text: 'Error: Error configuring Terraform S3 Backend: Error creating AWS session: NoCredentialProviders',
          source: 'corpus dev/pg-s3be-nocredprov-20',
        },
        {
          text: 'Error: error configuring S3 Backend: IAM Role (arn:aws:iam::123456789012:role/terraform) cannot be assumed.\n\nThere are a number of possible causes of this - the most common are:\n  * The credentials used in order to assume the role are invalid\n  * The credentials do not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors',
          source:
            'upstream hashicorp/aws-sdk-go-base@v1.1.0:errors.go (CannotAssumeRoleError) around aws/aws-sdk-go@v1.55.6:aws/credentials/chain_provider.go (rendered with plausible values)',
        },
        {
          // The same message split in two blocks by a warning's frame printed in between.
          text: '╷\n│ Error: error configuring S3 Backend: IAM Role (arn:aws:iam::0000000000:role/AssumeDevelopersRoleInDevelopment) cannot be assumed.\n│ \n│ There are a number of possible causes of this - the most common are:\n│   * The credentials used in order to assume the role are invalid\n╵\n│   * The credentials do not have appropriate permission to assume the role\n│   * The role ARN is not valid\n\n│ \n│ Error: NoCredentialProviders: no valid providers in chain. Deprecated.\n│ \tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors\n╵',
          source: 'corpus holdout10/h10-medium-24-1 (pavan-kumar-99/medium-manifests#24)',
        },
      ],
    },
    {
      // The first aws-sdk-go (2015, vendored by Terraform 0.4–0.5) had one error for any missing
      // or empty credentials before the provider chain got its NoCredentialProviders name.
      id: 'sdk-2015-missing',
      pattern: /could not find credentials configuration/,
      tier: 'exact',
      examples: [
        {
          text: 'Error refreshing state: 1 error(s) occurred:\n\n* 1 error(s) occurred:\n\n* could not find credentials configuration.',
          source:
            'upstream aws/aws-sdk-go@0380f91d4:aws/handler_functions.go (ErrMissingCredentials); corpus holdout5/h5-tf-1466-1 (hashicorp/terraform#1466)',
        },
      ],
    },
    {
      id: 'no-imds-role',
      pattern:
        /no EC2 IMDS role found|no EC2 instance role found|EC2RoleRequestError|failed to (?:get|decode) [\w-]{0,40} ?EC2 (?:IMDS|instance) role credentials|unexpected empty EC2 IMDS role list|\bEmptyEC2RoleList\b|failed to read EC2 IMDS role/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: EmptyEC2RoleList: empty EC2 Role list',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/ec2rolecreds/ec2_role_provider.go (rendered with plausible values)',
        },
        {
          text: 'Error: retrieving credentials: failed to refresh cached credentials, unexpected empty EC2 IMDS role list',
          source:
            'upstream aws/aws-sdk-go-v2@72a935b:credentials/ec2rolecreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    // Container credentials (ECS task role, EKS Pod Identity): SDK v2 endpointcreds and
    // config's local-endpoint checks, SDK v1 CredentialsEndpointError.
    {
      id: 'container-endpoint',
      pattern:
        /operation error EndpointCredentials: GetCredentials|\bCredentialsEndpointError\b|failed to read authorization token from|only loopback(?:\/ecs\/eks)? hosts are allowed|unable to parse host from local HTTP cred provider URL|authorization token contains invalid newline sequence/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.\n\nPlease see https://registry.terraform.io/providers/hashicorp/aws\nfor more information about providing credentials.\n\nError: CredentialsEndpointError: invalid endpoint host, "10.0.0.5", only loopback/ecs/eks hosts are allowed.',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/defaults/defaults.go inside hashicorp/aws-sdk-go-base@v1.1.0:errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: loading configuration: invalid endpoint host, "10.0.0.5", only loopback hosts are allowed',
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:config/resolve_credentials.go (rendered with plausible values)',
        },
        {
          text: 'CredentialsEndpointError: failed to load credentials\ncaused by: RequestError: send request failed\ncaused by: Get "http://169.254.170.2/v2/credentials/0c3d": dial tcp 169.254.170.2:80: connect: connection refused',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/endpointcreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    // AWS SDK for JavaScript v3 providers (credential-provider-ini/-env, smithy credential-provider-imds).
    {
      id: 'js-sdk',
      pattern:
        /Could not resolve credentials using profile: \[|Unable to find environment variable credentials|EC2 Instance Metadata Service access disabled|(?:Unable to connect to|TimeoutError from|Error response received from|Invalid response received from) instance metadata service|is not a valid container metadata service (?:hostname|protocol|URL)|The container metadata credential provider cannot be used unless|HTTP credential provider response not of the required format|Unsupported credential source in profile|Detected a cycle attempting to resolve credentials for profile/,
      tier: 'likely',
      examples: [
        {
          text: 'CredentialsProviderError: The container metadata credential provider cannot be used unless the AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI environment variable is set',
          source:
            'upstream npm @smithy/credential-provider-imds@4.5.2:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'ProviderError: Unable to connect to instance metadata service',
          source:
            'upstream npm @smithy/credential-provider-imds@4.5.2:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'CredentialsProviderError: Could not resolve credentials using profile: [dev] in configuration/credentials file(s).',
          source:
            'upstream npm @aws-sdk/credential-provider-ini@3.973.32:dist-cjs/index.js (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'imds-unreachable',
      pattern:
        /\bec2imds\b|169\.254\.169\.254(?!\/metadata\/identity)|169\.254\.170\.2|\bMetadataRetrievalError\b|Error retrieving metadata: |Invalid endpoint EC2 Instance Metadata endpoint/,
      tier: 'strong',
      examples: [
        {
          text: 'botocore.exceptions.MetadataRetrievalError: Error retrieving metadata: Received non 200 response 404 from container metadata: Not Found',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (MetadataRetrievalError) and botocore/utils.py (rendered with plausible values)',
        },
        {
          text: 'failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, failed to get API token, operation error ec2imds: getToken, http response error StatusCode: 400, request to EC2 IMDS failed',
          source:
            'upstream aws/aws-sdk-go-v2@05d6a8e:feature/ec2/imds/token_provider.go (rendered with plausible values)',
        },
        {
          text: 'Error: No valid credential sources found\n\nPlease see https://registry.terraform.io/providers/hashicorp/aws\nfor more information about providing credentials.\n\nError: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, access disabled to EC2 IMDS via client option, or "AWS_EC2_METADATA_DISABLED" environment variable\n',
          source:
            'upstream aws/aws-sdk-go-v2@72a935b:credentials/ec2rolecreds/provider.go and feature/ec2/imds/api_client.go (rendered with plausible values)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.us-east-1.amazonaws.com/": dial tcp: lookup sts.us-east-1.amazonaws.com: no such host',
          source:
            'upstream hashicorp/terraform@v1.15.9:internal/backend/remote-state/s3/backend.go with aws/smithy-go@c589db5:errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      // The Rust SDK (smithy-rs aws-config meta/credentials/chain.rs, aws-credential-types
      // provider/error.rs): each provider of the default chain that finds nothing is logged as
      // `provider in chain did not provide credentials`, and the chain then fails with
      // CredentialsNotLoaded, displayed `the credential provider was not enabled` (older
      // releases: `no providers in chain provided credentials`). A chain that went on to load
      // credentials logs `loaded credentials`: nothing failed.
      id: 'rust-sdk-chain',
      pattern:
        /provider in chain did not provide credentials|no providers in chain provided credentials|\bCredentialsNotLoaded\b|the credential provider was not enabled/,
      unless: /\bloaded credentials\b/,
      tier: 'strong',
      examples: [
        {
          text: '2023-03-20T20:39:10.608874Z DEBUG provide_credentials{provider=default_chain}: aws_config::meta::credentials::chain: provider in chain did not provide credentials provider=Ec2InstanceMetadata context=the credential provider was not enabled: could not communicate with IMDS: dispatch failure: timeout: HTTP read timeout occurred after 1s: timed out (CredentialsNotLoaded(CredentialsNotLoaded { source: ImdsCommunicationError { source: DispatchFailure(DispatchFailure { source: ConnectorError { kind: Timeout, source: HttpTimeoutError { kind: "HTTP read", duration: 1s } } }) } }))',
          source: 'corpus holdout14/h14-aws-rust-imds-1 (awslabs/aws-sdk-rust#760), shortened',
        },
      ],
      counterexamples: [
        {
          text: 'DEBUG aws_config::meta::credentials::chain: provider in chain did not provide credentials provider=Environment context=the credential provider was not enabled: environment variable not set (CredentialsNotLoaded(CredentialsNotLoaded { source: "environment variable not set" }))\nDEBUG aws_config::meta::credentials::chain: loaded credentials provider=Profile',
          source:
            'invented: the chain of smithy-lang/smithy-rs@56ee88c:aws/rust-runtime/aws-config/src/meta/credentials/chain.rs skipping the environment and loading the profile (a run that worked)',
        },
      ],
    },
    {
      id: 'refresh-cached',
      pattern: /failed to refresh cached credentials/,
      tier: 'weak',
      wrapper: true,
      examples: [
        {
          text: '│ Error: failed to refresh cached credentials, operation error STS: AssumeRole, get identity: get credentials: operation error STS: AssumeRole, get identity: get',
          source: 'corpus holdout2/h2-tfaws42860-1',
        },
      ],
      counterexamples: [
        {
          text: 'Error: failed to refresh cached credentials, load login token: token file not found, please reauthenticate',
          source:
            'upstream aws/aws-sdk-go-v2@544d841:credentials/logincreds/provider.go (rendered with plausible values)',
        },
        {
          text: 'ProcessProviderExecutionError: error in credential_process\ncaused by: exit status 255',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/processcreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'account-id',
      pattern:
        /AWS account ID not previously found and failed retrieving via all available methods/,
      tier: 'weak',
      wrapper: true,
      examples: [
        {
          text: 'Error: Retrieving AWS account details: AWS account ID not previously found and failed retrieving via all available methods.\n\nSee https://www.terraform.io/docs/providers/aws/index.html#skip_requesting_account_id for workaround and implications.\nErrors: 1 error occurred:\n\t* retrieving account information via iam:GetUser: empty response',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:awsauth.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'action-inputs',
      pattern:
        /Could not load credentials from any providers|Credentials could not be loaded|Could not get Account ID or ARN from STS|Access key ID empty after loading credentials/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Could not get Account ID or ARN from STS. Did you set credentials?',
          source:
            'upstream aws-actions/configure-aws-credentials@v6.2.3:src/helpers.ts (rendered with plausible values)',
        },
        {
          text: 'Run aws-actions/configure-aws-credentials@v4\nError: Credentials could not be loaded, please check your action inputs: \nCould not load credentials from any providers',
          source: 'corpus dev/pg-gha-cred-not-loaded-72',
        },
      ],
    },
    {
      // EC2's Query API answers a request that carries no signature at all (an SDK that found no
      // credentials and sent it anonymously) with MissingParameter for the key id (the same
      // answer an unsigned `curl` of ec2.amazonaws.com gets).
      id: 'unsigned-ec2-request',
      pattern: /The request must contain the parameter AWSAccessKeyId/,
      tier: 'strong',
      examples: [
        {
          text: 'The request must contain the parameter AWSAccessKeyId (Service: EC2Client; Status Code: 400; Error Code: MissingParameter;',
          source: 'corpus holdout13/h13-aws-javav2param-1 (aws/aws-sdk-java-v2#120)',
        },
      ],
    },
    {
      // The AWS SDK for JavaScript v2 (lib/config.js) when no provider of its chain had
      // credentials: "Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1".
      id: 'js-sdk-v2',
      pattern:
        /\bCredentialsError\]?:? Missing credentials in config|Missing credentials in config, if using AWS_CONFIG_FILE/,
      tier: 'strong',
      examples: [
        {
          text: 'Error [CredentialsError]: Missing credentials in config',
          source: 'corpus holdout13/h13-aws-architect-1 (architect/architect#773)',
        },
        {
          text: 'CredentialsError: Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1',
          source:
            'invented: the full message of aws/aws-sdk-js v2 lib/config.js as its later releases word it (the repository was not read here)',
        },
      ],
    },
    {
      id: 'cli-unable-to-locate',
      pattern: /Unable to locate credentials/,
      tier: 'strong',
      examples: [
        {
          text: 'Unable to locate credentials. You can configure credentials by running "aws configure".',
          source: 'corpus holdout/ho-awscli-4684-1',
        },
      ],
    },
    {
      id: 'botocore',
      pattern:
        /\bNoCredentialsError\b|Partial credentials found in [\w-]{2,40}, missing: |Infinite loop in credential configuration detected/,
      tier: 'strong',
      examples: [
        {
          text: 'botocore.exceptions.PartialCredentialsError: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (PartialCredentialsError) (rendered with plausible values)',
        },
        {
          text: '--> 418         raise NoCredentialsError()',
          source: 'corpus holdout/ho-fmbench-153-1',
        },
      ],
    },
    {
      id: 'env-not-found',
      pattern: /EnvAccessKeyNotFound/,
      tier: 'weak',
      wrapper: true,
      examples: [
        {
          text: 'EnvAccessKeyNotFound: AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/env_provider.go (rendered with plausible values)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'profile-chain-incomplete',
      title:
        'The profile’s role chain is misconfigured (source_profile without role_arn, or two sources)',
      explanation:
        'The shared config file says where the profile’s credentials come from, and the SDK refused that description before any call: a `source_profile` set on a profile with no `role_arn`, a `credential_source` value it does not support, or a profile carrying both.',
      prior: 0,
      boosts: [
        {
          when: PROFILE_CHAIN_CONFIG,
          by: 1,
          evidence: 'The SDK rejected the profile’s role settings.',
        },
      ],
      examples: [PROFILE_CHAIN_EXAMPLE],
    },
    {
      id: 'pod-identity-old-sdk',
      title: 'The AWS SDK in the provider (or Terraform) is too old for EKS Pod Identity',
      explanation:
        'The pod has Pod Identity credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI points at the agent on 169.254.170.23), but SDKs built before Pod Identity accept only loopback container endpoints and ignore it, so the chain ends empty.',
      prior: 0,
      boosts: [
        {
          when: 'credentials.pod_identity_old_sdk',
          by: 1,
          evidence: 'The SDK refused 169.254.170.23, the EKS Pod Identity agent, as not loopback.',
        },
      ],
      examples: [
        {
          text: 'Error: error configuring Terraform AWS Provider: loading configuration: invalid endpoint host, "169.254.170.23", only loopback hosts are allowed',
          source: 'corpus holdout4/h4-atlhelm-349-1 (runatlantis/helm-charts#349)',
        },
        {
          text: 'Initializing the backend...\n2024/02/16 15:21:12 Ignoring, HTTP credential provider invalid endpoint host, "169.254.170.23", only loopback hosts are allowed. <nil>\n╷\n│ Error: error configuring S3 Backend: no valid credential sources for S3 Backend found.\n│\n│ Error: CredentialsEndpointError: invalid endpoint host, "169.254.170.23", only loopback hosts are allowed.',
          source: 'issue hashicorp/terraform-provider-aws#35857',
        },
      ],
    },
    {
      // aws-sdk-go-base warns when a `profile` and AWS_ACCESS_KEY_ID/SECRET are both set: the
      // profile wins, so exported keys (aws-vault exec, CI secrets) are ignored.
      id: 'profile-over-env',
      title:
        'The `profile` in the configuration overrides your environment keys, and it has no credentials',
      explanation:
        'The provider (or backend) names a profile, so it uses that profile instead of AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from the environment (aws-vault exec, CI secrets). A profile with no keys of its own in ~/.aws, no SSO or role settings then leaves nothing.',
      prior: 0,
      boosts: [
        {
          when: /The Profile is now used instead of the environment variable credentials/,
          by: 1,
          evidence:
            'The provider says the profile is now used instead of the environment variable credentials.',
        },
      ],
      examples: [
        {
          text: '│ Error: No valid credential sources found\n│ \n│   with provider["registry.terraform.io/hashicorp/aws"],\n│   on provider.tf line 1, in provider "aws":\n│    1: provider "aws" {\n│ \n│ Error: A Profile was specified along with the environment variables "AWS_ACCESS_KEY_ID" and\n│ "AWS_SECRET_ACCESS_KEY". The Profile is now used instead of the environment variable credentials.',
          source: 'corpus holdout10/h10-cloudgoat-250-1 (RhinoSecurityLabs/cloudgoat#250)',
        },
      ],
    },
    {
      // Terragrunt's remote-state bootstrap: the run created the bucket, so its credentials
      // work; a later step of the same bootstrap built its own session without them.
      id: 'terragrunt-bootstrap-step',
      title:
        'Terragrunt created the state bucket with working credentials, then its next set-up step lost them',
      explanation:
        'The bucket was created a moment earlier by the same run, so credentials are configured. Terragrunt’s follow-up bootstrap call (the root-access bucket policy and others) used a session that did not carry the remote_state `profile` or role: a Terragrunt bug, not your configuration.',
      prior: 0,
      boosts: [
        {
          when: /S3 bucket [^\s]{1,100} created\./,
          by: 1,
          evidence: 'Terragrunt logged that it created the S3 bucket just before this error.',
        },
      ],
      examples: [
        {
          text: '[terragrunt] 2020/05/21 12:02:13 S3 bucket myawesomebucket created.\n[terragrunt] 2020/05/21 12:02:13 Enabling root access to S3 bucket myawesomebucket\n[terragrunt] 2020/05/21 12:02:13 Create S3 bucket myawesomebucket returned an error: NoCredentialProviders: no valid providers in chain. Deprecated.\nFor verbose messaging see aws.Config.CredentialsChainVerboseErrors. Sleeping for 10s and will try again.',
          source: 'corpus holdout10/h10-tg-1191-1 (gruntwork-io/terragrunt#1191)',
        },
      ],
    },
    remoteRunCause('AWS', 'your profile, SSO session or instance role', [
      {
        text: 'Preparing the remote apply...\n\nTo view this run in a browser, visit:\nhttps://app.terraform.io/app/firehawk/firehawk-main/runs/run-Tr8FAgrtkXoy6HQX\n\nWaiting for the plan to start...\n\nError: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.',
        source: 'corpus holdout4/h4-tf-26620-1 (hashicorp/terraform#26620)',
      },
    ]),
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
        {
          when: 'credentials.container_endpoint',
          by: -0.3,
          evidence: 'A container credentials endpoint is configured.',
        },
      ],
    },
    {
      id: 'empty-profile',
      title:
        'No profile was named (AWS_PROFILE unset or empty), and the default profile has no credentials',
      explanation:
        'aws-sdk-go v1 prints the profile it was given, AWS_PROFILE, in `failed to load profile, .`: here none, so it looked only at the default profile of ~/.aws and found no keys there, then tried the instance or container role. Name a profile that has credentials (AWS_PROFILE, or `profile` in the provider block; a variable that did not interpolate gives the same), or give the process credentials another way.',
      prior: 0,
      boosts: [
        {
          when: /failed to load profile, \.|failed to get shared config profile, ?(?:$|\\n|\n|")/m,
          by: 0.5,
          evidence: 'The SDK was given no profile name (AWS_PROFILE unset or empty).',
        },
      ],
      examples: [
        {
          text: '"msg": "\\nError: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.\\n\\nError: NoCredentialProviders: no valid providers in chain\\ncaused by: EnvAccessKeyNotFound: failed to find credentials in the environment.\\nSharedCredsLoad: failed to load profile, .\\n",',
          source: 'corpus holdout10/h10-sld-50-1 (D10S0VSkY-OSS/Stack-Lifecycle-Deployment#50)',
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
        {
          when: PROFILE_FAILED_FIRST,
          by: 0.5,
          evidence:
            'The profile was tried first and failed; the metadata service is only where the chain ended.',
        },
        {
          when: 'credentials.pod_identity_old_sdk',
          by: -0.25,
          evidence: 'The pod’s own credentials were offered and refused.',
        },
      ],
      examples: [PROFILE_FAILED_FIRST_EXAMPLE],
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
        {
          when: PROFILE_FAILED_FIRST,
          by: -0.4,
          evidence: 'A profile failed before the chain reached the metadata service.',
        },
        {
          // aws-sdk-go v1 ec2rolecreds: a 404 for the role list (`empty role`) means no role is attached.
          when: NO_INSTANCE_ROLE,
          by: 0.5,
          evidence:
            'The metadata service answered, with no role: this instance (or node) has no instance profile role.',
        },
        {
          // A Node.js SDK stack of timer frames only: the metadata or container provider timed out.
          when: /at listOnTimeout \(node:internal\/timers/,
          by: 0.45,
          evidence:
            'The stack is all timer frames: the SDK gave up waiting for the instance or container metadata endpoint.',
        },
        {
          when: 'credentials.pod_identity_old_sdk',
          by: -0.15,
          evidence: 'The container endpoint was there; the SDK refused it.',
        },
      ],
      examples: [
        {
          text: "     at listOnTimeout (node:internal/timers:528:9)\n     at processTimers (node:internal/timers:502:7)\n     '$metadata': { attempts: 1, totalRetryDelay: 0 }\n      tryNextLink: false,\n      CredentialsProviderError: Could not load credentials from any providers",
          source: 'issue aws/aws-sdk-js-v3#4679',
        },
      ],
    },
    {
      id: 'vars-not-wired',
      terraform: true,
      title: 'Credentials are in a variable or tfvars file that is not wired into the provider',
      explanation:
        'Declaring `access_key` in variables does nothing unless the provider block uses them.',
      prior: 0.1,
      boosts: [
        { when: 'tool.app', by: -0.1, evidence: 'No Terraform ran: there is no provider block.' },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'cdk-profile',
      title:
        'Check the profile works outside the CDK, and that this CDK can read it (older CDK CLIs do not read `sso-session` profiles)',
      detail:
        'If the first command answers, the credentials are fine and the CDK cannot use them: a profile written by `aws configure sso` keeps its SSO settings in an `[sso-session …]` section, which older CDK CLIs (2.97 among them, aws/aws-cdk#27265) do not read. Upgrade the CDK CLI, or give the profile `sso_start_url` and `sso_region` directly. If it does not answer, log in (`aws sso login`) or configure the profile first.',
      commands: [
        'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
        'aws configure get sso_session⟦ --profile ⟨profile⟩⟧',
        'npx cdk --version',
      ],
      when: CDK_NO_CREDENTIALS,
      examples: [CDK_NO_CREDENTIALS_EXAMPLE],
    },
    {
      id: 'profile-chain-settings',
      title:
        'Read the profile’s role settings: a source_profile needs a role_arn beside it, and a profile takes one credential source',
      detail:
        'The commands print the settings of the profile the message names (empty output: not set) and its section in ~/.aws/config. A profile that only holds keys for others to start from belongs in ~/.aws/credentials without `source_profile`; a role profile has `role_arn` and one of `source_profile` or `credential_source`.',
      commands: [
        'aws configure get role_arn⟦ --profile ⟨profile⟩⟧',
        'aws configure get source_profile⟦ --profile ⟨profile⟩⟧',
        'grep -n -A6 "^\\[" ~/.aws/config',
      ],
      when: PROFILE_CHAIN_CONFIG,
      examples: [PROFILE_CHAIN_EXAMPLE],
    },
    {
      // aws-sdk-js v2 (lib/config.js): "Missing credentials in config, if using AWS_CONFIG_FILE,
      // set AWS_SDK_LOAD_CONFIG=1" — it reads ~/.aws/config only with that variable set.
      id: 'js-v2-load-config',
      title:
        'The AWS SDK for JavaScript v2 reads ~/.aws/config only with AWS_SDK_LOAD_CONFIG=1; otherwise only ~/.aws/credentials',
      detail:
        'Without it, v2 reads the `[default]` section (or AWS_PROFILE’s) of ~/.aws/credentials and the environment: a profile defined only in ~/.aws/config (role_arn, sso_session, credential_process) is invisible to it, and an empty or commented-out `[default]` gives this error. The second command lists the sections the credentials file has.',
      commands: ['export AWS_SDK_LOAD_CONFIG=1', 'grep -n "^\\[" ~/.aws/credentials'],
      when: /Missing credentials in config/,
      examples: [
        {
          text: 'Error [CredentialsError]: Missing credentials in config',
          source: 'corpus holdout13/h13-aws-architect-1 (architect/architect#773)',
        },
      ],
    },
    {
      id: 'no-instance-role',
      title:
        'The instance has no IAM role: attach an instance profile, or give the pod its own role',
      detail:
        'The metadata service answered that no role is attached. On EC2, attach an instance profile (first command: which one the instance has, if any). In a Kubernetes pod on EKS, prefer a role for the pod’s service account (IRSA, or an EKS Pod Identity association) over the node’s role (second command: the service account’s role annotation).',
      commands: [
        'aws ec2 describe-instances --instance-ids <instance-id> --query "Reservations[].Instances[].IamInstanceProfile"',
        'kubectl get sa <service-account> -n <namespace> -o jsonpath="{.metadata.annotations}"',
      ],
      when: NO_INSTANCE_ROLE,
      examples: [EBS_CSI_NO_ROLE_EXAMPLE],
    },
    {
      id: 'empty-profile',
      title:
        'No profile was named: name one that has credentials, or check the default profile has keys',
      detail:
        'Look at AWS_PROFILE in the environment Terraform runs in (a CI job, a runner or worker process: unset or empty here), and at a `profile` argument in the provider or backend block set from a variable. Then name a profile that `aws configure list-profiles` shows, on the machine and user that run Terraform.',
      commands: [
        "env | grep '^AWS_PROFILE='",
        `grep -rn 'profile' --include='*.tf' --include='*.tfvars' --include='*.tfvars.json' .`,
        'aws configure list-profiles',
      ],
      when: /failed to load profile, \.|failed to get shared config profile, ?(?:$|\\n|\n|")/m,
      // The metadata service answered with no role: that, not the profile, is what to fix.
      unless: NO_INSTANCE_ROLE,
      notFor: [EBS_CSI_NO_ROLE_EXAMPLE],
      examples: [
        {
          text: '"msg": "\\nError: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.\\n\\nError: NoCredentialProviders: no valid providers in chain\\ncaused by: EnvAccessKeyNotFound: failed to find credentials in the environment.\\nSharedCredsLoad: failed to load profile, .\\n",',
          source: 'corpus holdout10/h10-sld-50-1 (D10S0VSkY-OSS/Stack-Lifecycle-Deployment#50)',
        },
      ],
    },
    {
      id: 'remote-run',
      title:
        'The run executed on HCP Terraform / Terraform Enterprise: give the workspace AWS credentials',
      detail:
        'Profiles, SSO sessions and instance roles of the machine that started the run do not reach the remote worker. Set dynamic provider credentials on the workspace (env variables `TFC_AWS_PROVIDER_AUTH=true` and `TFC_AWS_RUN_ROLE_ARN`, with an IAM OIDC provider for app.terraform.io and a role that trusts it), or sensitive env variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; or switch the workspace to local execution.',
      when: 'run.remote',
      examples: [
        {
          text: 'Preparing the remote apply...\n\nTo view this run in a browser, visit:\nhttps://app.terraform.io/app/firehawk/firehawk-main/runs/run-Tr8FAgrtkXoy6HQX\n\nWaiting for the plan to start...\n\nTerraform v0.13.4\nConfiguring remote state backend...\n\nError: error configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.',
          source: 'corpus holdout4/h4-tf-26620-1 (hashicorp/terraform#26620)',
        },
      ],
    },
    {
      id: 'profile-over-env',
      title:
        'The configured profile wins over your AWS_* environment keys: give that profile credentials, or remove it',
      detail:
        'With a `profile` in the provider or backend block (or a tool that passes one, such as cloudgoat’s configured profile), Terraform uses that profile and ignores AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, including the keys `aws-vault exec` exports. Either put credentials for that profile in ~/.aws (keys, SSO or role settings), or remove `profile` so the environment keys are used.',
      commands: [
        `grep -rn 'profile' --include='*.tf' .`,
        'aws configure list⟦ --profile ⟨profile⟩⟧',
        'aws configure list-profiles',
      ],
      when: /The Profile is now used instead of the environment variable credentials/,
      examples: [
        {
          text: '│ Error: No valid credential sources found\n│ \n│   with provider["registry.terraform.io/hashicorp/aws"],\n│   on provider.tf line 1, in provider "aws":\n│    1: provider "aws" {\n│ \n│ Error: A Profile was specified along with the environment variables "AWS_ACCESS_KEY_ID" and\n│ "AWS_SECRET_ACCESS_KEY". The Profile is now used instead of the environment variable credentials.',
          source: 'corpus holdout10/h10-cloudgoat-250-1 (RhinoSecurityLabs/cloudgoat#250)',
        },
      ],
    },
    {
      id: 'terragrunt-bootstrap-step',
      title:
        'Credentials work (Terragrunt just created the bucket): skip or work around its failing bucket set-up step',
      detail:
        'Set `skip_bucket_root_access = true` in the `config` of `remote_state` (add the bucket policy yourself if you need it), or export the credentials the step should use (`AWS_PROFILE`, or the keys) instead of relying only on `profile` in the remote_state config, or upgrade Terragrunt: later releases pass the configured session to these calls.',
      commands: [
        `grep -n -A15 'remote_state' terragrunt.hcl`,
        'terragrunt --version',
        'export AWS_PROFILE=⟨profile⟩',
      ],
      when: /S3 bucket [^\s]{1,100} created\./,
      examples: [
        {
          text: '[terragrunt] 2020/05/21 12:02:13 S3 bucket myawesomebucket created.\n[terragrunt] 2020/05/21 12:02:13 Enabling root access to S3 bucket myawesomebucket\n[terragrunt] 2020/05/21 12:02:13 Create S3 bucket myawesomebucket returned an error: NoCredentialProviders: no valid providers in chain. Deprecated.\nFor verbose messaging see aws.Config.CredentialsChainVerboseErrors. Sleeping for 10s and will try again.',
          source: 'corpus holdout10/h10-tg-1191-1 (gruntwork-io/terragrunt#1191)',
        },
      ],
    },
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
      // The EC2 metadata service (and its hop limit) is beside the point in an ECS task or an
      // EKS Pod Identity pod: their credentials come from 169.254.170.2 / .23.
      when: 'credentials.no_container_endpoint',
    },
    BACKEND_CREDENTIALS,
    WHOAMI,
    RERUN,
  ],
  docs: [
    AWS_DOCS.providerAuth,
    AWS_DOCS.cliConfigFiles,
    AWS_DOCS.s3Backend,
    { ...AWS_DOCS.podIdentitySdk, when: 'credentials.container_endpoint' },
  ],
};
