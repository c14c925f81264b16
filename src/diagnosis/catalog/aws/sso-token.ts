import type { CatalogEntry, Example } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN } from './common';
import { AWS_DOCS } from './docs';

/**
 * The SDK asks for sso_start_url and sso_region in the profile itself (aws-sdk-go and older
 * aws-sdk-go-v2: `profile %q is configured to use SSO but is missing required configuration:
 * %s`): a profile written by `aws configure sso` keeps them in an `sso-session` section, which
 * such an SDK does not read.
 */
const SSO_MISSING_CONFIG = /configured to use SSO but is missing required configuration: sso_/;
const SSO_MISSING_CONFIG_EXAMPLE: Example = {
  text: '% terraform init\n\nInitializing the backend...\n╷\n│ Error: error configuring S3 Backend: Error creating AWS session: profile "admin-profile" is configured to use SSO but is missing required configuration: sso_region, sso_start_url\n│ \n│ \n╵',
  source:
    'corpus holdout16/h16-tfw-s3-backend-sso-session-missing-config-1 (hashicorp/terraform-provider-aws#42085)',
};
/** AWS SDK for Go v1 (or an old v2) cannot use the profile's `sso_session`. */
const SSO_SESSION_UNREAD = new RegExp(
  `${SSO_MISSING_CONFIG.source}|SSOProviderInvalidToken: the SSO session has expired or is invalid(?![\\s│]{0,20}caused by: expected RFC3339)`,
);

export const ssoToken: CatalogEntry = {
  id: 'aws.sso_token',
  platform: 'aws',
  title: 'The IAM Identity Center (SSO) session has expired or is missing',
  summary:
    'The profile uses IAM Identity Center, and the cached SSO token under ~/.aws/sso/cache is missing, expired, or was issued for another session or start URL.',
  variants: [
    {
      when: SSO_MISSING_CONFIG,
      title:
        'This AWS SDK wants the SSO settings in the profile itself: it cannot read an `sso-session` section',
      summary:
        'The SDK that failed (the S3 backend of Terraform ≤ 1.5, AWS providers before 4.x, other tools on AWS SDK for Go v1) reads `sso_start_url` and `sso_region` only from the profile, while `aws configure sso` writes them to an `[sso-session …]` section the profile points at. Logging in again changes nothing: upgrade, or copy the two settings into the profile.',
      example: SSO_MISSING_CONFIG_EXAMPLE,
    },
  ],
  codes: [
    'InvalidGrantException',
    'SSOProviderInvalidToken',
    'UnauthorizedException',
    'SSOTokenLoadError',
  ],
  signatures: [
    {
      // The AWS Common Runtime's SSO token and login providers (aws-c-auth source/auth.c).
      id: 'crt-sso-token',
      pattern:
        /AWS_AUTH_(?:SSO_TOKEN_(?:PROVIDER_SOURCE_FAILURE|INVALID|EXPIRED)|CREDENTIALS_PROVIDER_SSO_SOURCE_FAILURE|CREDENTIALS_PROVIDER_LOGIN_TOKEN_EXPIRED)\b|Token sourced by the sso token provider is (?:invalid|expired)|Valid (?:token|credentials) could not be sourced by the sso (?:token|credentials) provider/,
      tier: 'strong',
      examples: [
        {
          text: 'awscrt.exceptions.AwsCrtError: AWS_AUTH_SSO_TOKEN_EXPIRED: Token sourced by the sso token provider is expired.',
          source:
            'upstream awslabs/aws-c-auth@495329c:source/auth.c (the error name and message, rendered as awscrt prints them)',
        },
        {
          text: 'Error: crtError(AwsCommonRuntimeKit.CRTError(code: 6170, message: "Valid credentials could not be sourced by the sso credentials provider", name: "AWS_AUTH_CREDENTIALS_PROVIDER_SSO_SOURCE_FAILURE"))',
          source:
            'upstream awslabs/aws-c-auth@495329c:source/auth.c (the error name and message, rendered as awscrt prints them); the shape of the Swift SDK’s error from corpus holdout16/h16-aws-bedrock-mac-imds-1',
        },
      ],
    },
    {
      // The AWS SDK for Java v2 (SsoOidcTokenProvider, ProfileTokenProvider): the cached token of an
      // sso-session profile could not be read or refreshed.
      id: 'java-v2-sso-token',
      pattern: /Unable to load SSO token/,
      tier: 'strong',
      examples: [
        {
          text: '2025-05-07 08:33:41,611 DEBUG [sof.ama.aws.aut.cre.AwsCredentialsProviderChain] (main) Unable to load credentials from ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile(sections=[profiles, sso-session], profiles=[Profile(name=default, properties=[sso_session, output, sso_role_name, region, sso_account_id])])): Unable to load SSO token: software.amazon.awssdk.core.exception.SdkClientException: Unable to load SSO token\n\tat software.amazon.awssdk.services.ssooidc.SsoOidcTokenProvider.lambda$getDefaultSsoTokenRetriever$3(SsoOidcTokenProvider.java:221)',
          source:
            'corpus holdout16/h16-aws-quarkus-sso-1 (quarkiverse/quarkus-amazon-services#1676), shortened; upstream aws/aws-sdk-java-v2 services/ssooidc SsoOidcTokenProvider.java',
        },
      ],
    },
    {
      id: 'oidc-host',
      pattern: /oidc\.[a-z0-9-]{2,30}\.amazonaws\.com.{0,600}?(?:InvalidGrant|invalid_grant)/,
      tier: 'exact',
      examples: [
        {
          text: "2024-03-06 10:54:27,185 - MainThread - urllib3.connectionpool - DEBUG - https://oidc.eu-central-1.amazonaws.com:443 \"POST /token HTTP/1.1\" 400 78\n2024-03-06 10:54:27,185 - MainThread - botocore.parsers - DEBUG - Response headers: {'Date': 'Wed, 06 Mar 2024 09:54:27 GMT', 'Content-Type': 'application/json', 'Content-Length': '78', 'Connection': 'keep-alive', 'x-amzn-RequestId': '8506bebb-9eca-4771-9336-953ba378efb1', 'x-amzn-ErrorType': 'InvalidGrantException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/'}",
          source: 'corpus holdout3/h3-awscli8561-1',
        },
      ],
    },
    {
      // A credential agent's own words for a failed refresh against SSO OIDC (mairu, a Rust agent:
      // `Failed to refresh session using refresh_token against AWS sso-oidc`).
      id: 'sso-oidc-refresh',
      pattern:
        /[Ff]ailed to refresh (?:the )?(?:session|token)[^\n]{0,60}\bsso-oidc\b|\bsso-oidc\b[^\n]{0,120}\b(?:invalid_grant|InvalidGrant(?:Exception)?)\b/,
      tier: 'likely',
      examples: [
        {
          text: '2025-03-30T23:04:19.283941Z  WARN assume_role: mairu::agent: Failed to refresh session using refresh_token against AWS sso-oidc server_id="nkmi" url=https://[redacted].awsapps.com/start err=ConfigError("Server \'...\' is missing client registration")',
          source: 'corpus holdout17/h17-aws-mairu-sso-refresh-1 (sorah/mairu#28)',
        },
      ],
    },
    {
      id: 'sso-config',
      pattern:
        /configured to use SSO but is missing|missing required (?:SSO )?configuration: sso_|sso_session \S{1,100} (?:not found|does not exist)|sso_(?:region|start_url) in profile "[^"]{1,100}" must match|The specified sso-session does not exist|is inconsistent between profile \([^)]{0,200}\) and sso-session/,
      tier: 'strong',
      examples: [
        {
          text: '$ aws sts get-caller-identity --profile dev\n\nThe specified sso-session does not exist: "corp"',
          source:
            'upstream boto/botocore@1.43.67:botocore/credentials.py (rendered with plausible values)',
        },
        {
          text: 'Error: sso_region in profile "dev" must match sso_region in sso-session',
          source:
            'upstream aws/aws-sdk-go-v2@70bf410:config/shared_config.go (validateSSOTokenProviderConfiguration; rendered with plausible values)',
        },
        {
          text: 'Error: configuring Terraform AWS Provider: loading configuration: profile "profile" is configured to use SSO but is missing required configuration: sso_region, sso_start_url',
          source: 'corpus holdout2/h2-tfaws28263-1',
        },
      ],
    },
    {
      id: 'refresh-failed',
      pattern: /refresh cached SSO token failed|unable to refresh SSO token/,
      tier: 'decisive',
      // The refresh never reached SSO OIDC (DNS, proxy, firewall): a network problem.
      unless: /StatusCode: 0, RequestID: ,? ?request send failed/,
      examples: [
        {
          text: 'Error: No valid credential sources found\n\nPlease see https://registry.terraform.io/providers/hashicorp/aws\nfor more information about providing credentials.\n\nError: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, InvalidGrantException: \n',
          source:
            'upstream aws/aws-sdk-go-v2@c213f66:credentials/ssocreds/sso_token_provider.go (rendered with plausible values)',
        },
        {
          text: '│ AWS Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:',
          source: 'corpus dev/gh-bacalhauex-awsreadme-1',
        },
      ],
      counterexamples: [
        {
          text: 'Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post "https://oidc.us-east-1.amazonaws.com/token": dial tcp: lookup oidc.us-east-1.amazonaws.com: no such host',
          source:
            'upstream aws/aws-sdk-go-v2@c213f66:credentials/ssocreds/sso_token_provider.go with aws/smithy-go@c589db5:transport/http/client.go (rendered with plausible values)',
        },
      ],
    },
    // AWS SDK for JavaScript v3 (credential-provider-sso, token-providers): CDK, CDKTF,
    // Serverless and the configure-aws-credentials action print these.
    {
      id: 'js-sdk',
      pattern:
        /SSO session associated with this profile is invalid|SSO session token associated with profile=\S{1,100} was not found or is invalid|\bToken is expired\. To refresh this SSO session|Sso session '[^']{1,100}' (?:could not be found|is missing required property)|is missing required property 'sso_session'|Profile is configured with invalid SSO credentials|Conflicting SSO (?:region|start_url) configurations|SSO returns an invalid temporary credential/,
      tier: 'exact',
      examples: [
        {
          text: 'CredentialsProviderError: Conflicting SSO region configurations in profile dev and sso-session corp',
          source:
            'upstream npm @aws-sdk/credential-provider-sso@3.973.30:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: "TokenProviderError: Sso session 'corp' could not be found in shared credentials file.",
          source:
            'upstream npm @aws-sdk/token-providers@3.1177.0:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: "TokenProviderError: The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
          source:
            'upstream npm @aws-sdk/token-providers@3.1177.0:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'CredentialsProviderError: The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
          source:
            'upstream npm @aws-sdk/credential-provider-sso@3.973.30:dist-cjs/index.js (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'session-expired',
      pattern: /SSO session (?:has expired or is invalid|associated with this profile has expired)/,
      tier: 'decisive',
      examples: [
        {
          text: 'SSOProviderInvalidToken: the SSO session has expired or is invalid\ncaused by: expired token',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/ssocreds/provider.go (rendered with plausible values)',
        },
        {
          text: 'Error: failed to refresh cached credentials, the SSO session has expired or is invalid: open /home/dev/.aws/sso/cache/9f0e3f3ab1c04a1e8a3f9f7e3b1c2d4e5f6a7b8c.json: no such file or directory',
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:credentials/ssocreds/sso_credentials_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'cache',
      pattern: /cached SSO token is expired|sso\/cache\/[0-9a-f]{40}\.json/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: failed to refresh cached credentials, cached SSO token is expired, or not present, and cannot be refreshed',
          source:
            'upstream aws/aws-sdk-go-v2@c213f66:credentials/ssocreds/sso_token_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'load',
      pattern:
        /Error loading SSO Token|SSOTokenLoadError|SSOProviderInvalidToken|resolving AWS credentials or an access token from SSO/,
      tier: 'decisive',
      examples: [
        {
          text: 'botocore.exceptions.SSOError: An unspecified error happened when resolving AWS credentials or an access token from SSO.',
          source: 'upstream boto/botocore@1.43.67:botocore/exceptions.py (SSOError)',
        },
        {
          text: 'botocore.exceptions.SSOTokenLoadError: Error loading SSO Token: The SSO access token has either expired or is otherwise invalid',
          source: 'corpus dev/pg-boto-sso-load-43',
        },
      ],
    },
    {
      id: 'oidc-grant',
      pattern:
        /operation error SSO OIDC: CreateToken, .{0,200}?(?:InvalidGrantException|StatusCode: 4\d\d)|\bInvalidGrantException\b/,
      tier: 'strong',
      examples: [
        {
          text: 'operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, ExpiredTokenException: ',
          source:
            'upstream aws/aws-sdk-go-v2@1278f13:service/ssooidc/types/errors.go with aws/smithy-go@c589db5:errors.go (rendered with plausible values)',
        },
        {
          text: 'operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, InvalidRequestRegionException: ',
          source:
            'upstream aws/aws-sdk-go-v2@1278f13:service/ssooidc/types/errors.go (rendered with plausible values)',
        },
      ],
    },
    // `aws login` browser sessions (SDK v2 credentials/logincreds, service Signin).
    {
      id: 'login-session',
      pattern:
        /\b(?:create oauth2 token|load login token|validate login token): |login session (?:has expired|password has changed), please reauthenticate|token file not found, please reauthenticate|operation error Signin: CreateOAuth2Token|when calling the CreateOAuth2Token operation|[Pp]lease re-authenticate using aws login|[Pp]lease reauthenticate using 'aws login'|Error loading login session token|refreshing a login session profile|missing permission for the 'signin:CreateOAuth2Token' action|redeeming a login authorization code/,
      tier: 'decisive',
      examples: [
        {
          // The CLI's (botocore's) rendering of the same `aws login` refresh.
          text: 'aws: [ERROR]: An error occurred (AccessDeniedException) when calling the CreateOAuth2Token operation: The refresh token has expired.',
          source: 'corpus holdout8/h8-awscli-10330-1 (aws/aws-cli#10330)',
        },
        {
          text: "botocore.exceptions.LoginRefreshRequired: Your session has expired or credentials have changed. Please reauthenticate using 'aws login'.",
          source: 'upstream boto/botocore@1.43.67:botocore/exceptions.py (LoginRefreshRequired)',
        },
        {
          text: 'CredentialsProviderError: Failed to refresh token: AccessDeniedException: TOKEN_EXPIRED. Please re-authenticate using aws login',
          source:
            'upstream npm @aws-sdk/credential-provider-login@3.972.94:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'CredentialsProviderError: Failed to load a token for session arn:aws:iam::123456789012:user/dev, please re-authenticate using aws login',
          source:
            'upstream npm @aws-sdk/credential-provider-login@3.972.94:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'Error: failed to refresh cached credentials, load login token: token file not found, please reauthenticate',
          source:
            'upstream aws/aws-sdk-go-v2@544d841:credentials/logincreds/provider.go (rendered with plausible values)',
        },
        {
          text: 'operation error S3: GetObject, get identity: get credentials: failed to refresh cached credentials, create oauth2 token: login session password has changed, please reauthenticate',
          source:
            'upstream aws/aws-sdk-go-v2@544d841:credentials/logincreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    // The AWS CLI's wording of an SSO OIDC refusal.
    {
      id: 'oidc-cli',
      pattern:
        /\((?:InvalidGrant|InvalidClient|UnauthorizedClient|ExpiredToken|InvalidRequestRegion|AccessDenied)Exception\) when calling the CreateToken operation/,
      tier: 'strong',
      examples: [
        {
          text: 'An error occurred (ExpiredTokenException) when calling the CreateToken operation: ',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (ClientError wording) with a code from aws/aws-sdk-go-v2@1278f13:service/ssooidc/types/errors.go (rendered)',
        },
        {
          text: 'An error occurred (InvalidClientException) when calling the CreateToken operation: ',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (ClientError wording) with a code from aws/aws-sdk-go-v2@1278f13:service/ssooidc/types/errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'login-hint',
      pattern: /aws sso login/,
      tier: 'generic',
      examples: [
        {
          text: '[aws-sso-creds-helper]: Cached SSO login is expired/invalid, try running `aws sso login` and try again',
          source: 'corpus holdout2/h2-ssocredshelper59-1',
        },
      ],
    },
    // The SSO portal API: any answer from it is about the SSO session (transport failures rank higher).
    {
      id: 'portal',
      pattern: /\bGetRoleCredentials\b/,
      tier: 'likely',
      examples: [
        {
          text: '[✘] operation error SSO: GetRoleCredentials, https response error StatusCode: 401',
          source: 'corpus holdout3/h3-granted715-1',
        },
      ],
    },
    {
      id: 'role-credentials',
      pattern: /Session token not found or invalid/,
      tier: 'strong',
      examples: [
        {
          text: 'An error occurred (UnauthorizedException) when calling the GetRoleCredentials operation: Session token not found or invalid',
          source: 'corpus holdout2/h2-awscli7340-1',
        },
      ],
    },
    {
      id: 'cli-expired',
      pattern: /Token has expired and refresh failed|Error when retrieving token from sso/,
      tier: 'exact',
      examples: [
        {
          text: 'botocore.exceptions.TokenRetrievalError: Error when retrieving token from sso: Token has expired and refresh failed',
          source: 'corpus holdout2/h2-awscli7692-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'session-expired',
      title: 'The SSO session ran out (typically after 8–12 hours) and needs a new login',
      explanation:
        'IAM Identity Center sessions end on their own; the SDK cannot refresh them without a browser login.',
      prior: 0.7,
    },
    {
      id: 'sso-session-mismatch',
      title: 'The cache file is for another sso_session or start URL',
      explanation:
        'Profiles that use `sso_session` and legacy profiles with `sso_start_url` cache tokens under different names; logging in with one does not help the other.',
      prior: 0.15,
      boosts: [
        {
          when: /sso\/cache\/[0-9a-f]{40}\.json: no such file/,
          by: 0.2,
          evidence: 'Terraform looked for a cache file that does not exist.',
        },
      ],
    },
    {
      id: 'old-provider',
      title: 'An old provider or backend that cannot read `sso_session` profiles',
      explanation:
        'Support for the `sso_session` format came with AWS SDK for Go v2 based providers (≥ 4.x) and Terraform ≥ 1.6 for the S3 backend.',
      prior: 0.1,
      boosts: [
        {
          when: 'sdk.v1',
          by: 0.2,
          evidence: 'The message comes from AWS SDK for Go v1⟦ (⟨block⟩)⟧.',
        },
        {
          when: SSO_MISSING_CONFIG,
          by: 0.8,
          evidence:
            'The SDK wants sso_start_url and sso_region in the profile itself: it predates `sso_session`, or the profile has neither.',
        },
        {
          // SSOProviderInvalidToken is aws-sdk-go v1's (ssocreds), which looks for the token cache
          // under the start URL, not the sso_session name: a fresh `aws sso login` does not help
          // it, so this leads over an expired session. (Its RFC3339 parse failure is another bug.)
          when: /SSOProviderInvalidToken: the SSO session has expired or is invalid(?![\s│]{0,20}caused by: expected RFC3339)/,
          by: 0.45,
          evidence: 'SSOProviderInvalidToken is printed only by AWS SDK for Go v1⟦ (⟨block⟩)⟧.',
        },
      ],
      examples: [
        SSO_MISSING_CONFIG_EXAMPLE,
        {
          text: '│ Error: SSOProviderInvalidToken: the SSO session has expired or is invalid\n│ caused by: open /home/[username]/.aws/sso/cache/abc123.json: no such file or directory',
          source: 'corpus holdout10/h10-tf-32465-1 (hashicorp/terraform#32465)',
        },
        {
          text: '╷\n│ Error: error configuring S3 Backend: no valid credential sources for S3 Backend found.\n│ \n│ Please see https://www.terraform.io/docs/language/settings/backends/s3.html\n│ for more information about providing credentials.\n│ \n│ Error: SSOProviderInvalidToken: the SSO session has expired or is invalid',
          source: 'corpus holdout10/h10-tf-33431-1 (hashicorp/terraform#33431)',
        },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'sso-old-sdk',
      title:
        'Upgrade Terraform (≥ 1.6) or the provider, or give the profile legacy SSO keys: this AWS SDK for Go v1 cannot read `sso_session` profiles',
      detail:
        'The S3 backend of Terraform ≤ 1.5 and old AWS providers read SSO with AWS SDK for Go v1, which looks for the token cache under the start URL, not the `sso_session` name: `aws sso login` succeeds and they still fail. Upgrade (`terraform init -upgrade` for the provider), or replace the profile’s `sso_session` line with `sso_start_url` and `sso_region` set directly in it, then log in once more.',
      commands: [
        'terraform version',
        'aws configure get sso_session⟦ --profile ⟨profile⟩⟧',
        'aws sso login⟦ --profile ⟨profile⟩⟧',
      ],
      when: SSO_SESSION_UNREAD,
      examples: [
        SSO_MISSING_CONFIG_EXAMPLE,
        {
          text: '│ Error: SSOProviderInvalidToken: the SSO session has expired or is invalid\n│ caused by: open /home/[username]/.aws/sso/cache/abc123.json: no such file or directory',
          source: 'corpus holdout10/h10-tf-32465-1 (hashicorp/terraform#32465)',
        },
        {
          text: '╷\n│ Error: error configuring S3 Backend: no valid credential sources for S3 Backend found.\n│ \n│ Please see https://www.terraform.io/docs/language/settings/backends/s3.html\n│ for more information about providing credentials.\n│ \n│ Error: SSOProviderInvalidToken: the SSO session has expired or is invalid',
          source: 'corpus holdout10/h10-tf-33431-1 (hashicorp/terraform#33431)',
        },
      ],
    },
    {
      // botocore's SSOTokenLoadError: no cached token for this sso-session (never logged in with
      // it here, a cache cleared, another HOME); `aws sso login --sso-session` writes it.
      id: 'sso-session-login',
      title: 'Log in to the SSO session the profile names: no token is cached for it yet',
      detail:
        'The token cache has no entry for this `sso-session` (never logged in with it on this machine or as this user, or the cache was cleared). Logging in by the session’s name writes the token every profile that uses the session reads.',
      commands: ['aws sso login --sso-session ⟨sso_session⟩'],
      when: /Error loading SSO Token: Token for [\w.@+-]{1,128} does not exist/,
      examples: [
        {
          text: 'botocore.exceptions.SSOTokenLoadError: Error loading SSO Token: Token for cpi-sso does not exist\nWARNING: Refreshing temporary credentials failed during mandatory refresh period',
          source: 'corpus holdout13/h13-aws-ssmtools-1 (mludvig/aws-ssm-tools#53), shortened',
        },
      ],
    },
    {
      id: 'sso-login',
      title: 'Log in again with the profile Terraform uses',
      commands: [
        'aws sso login⟦ --profile ⟨profile⟩⟧',
        'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
      ],
    },
    {
      id: 'sso-config',
      title: "Check the profile's SSO settings",
      commands: [
        'aws configure get sso_session⟦ --profile ⟨profile⟩⟧',
        'aws configure get sso_start_url⟦ --profile ⟨profile⟩⟧',
      ],
    },
    {
      id: 'clear-cache',
      title:
        'If login succeeds but Terraform still fails: clear the token cache and log in once more',
      commands: [
        'rm -f ~/.aws/sso/cache/*.json ~/.aws/cli/cache/*.json',
        'aws sso login⟦ --profile ⟨profile⟩⟧',
      ],
    },
    {
      id: 'export-profile',
      title: 'Make Terraform use that same profile',
      commands: ['export AWS_PROFILE=⟨profile⟩'],
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.sso, AWS_DOCS.providerAuth],
};
