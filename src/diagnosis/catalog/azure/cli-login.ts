import type { CatalogEntry, Example } from '../schema';
import { remoteRunCause } from '../remote-run';
import { AZURE_DOCS } from './docs';

/** The provider could not start `az`: it is not installed where it runs. */
const NO_CLI_ON_PATH =
  /exec: "az": executable file not found|launching Azure CLI: exec: "az"|Azure CLI not found on path/;

/** The pastes this family is proven by (its cause and its step). */
const NO_CLI_PASTES: Example[] = [
  {
    text: '{"level":"error","ts":"2022-05-03T09:49:31.375Z","logger":"controller.terraform","msg":"Reconciliation failed after 16.905672785s, next try in 1m0s","reconciler group":"infra.contrib.fluxcd.io","reconciler kind":"Terraform","name":"terraform-playground-postgresql","namespace":"flux","revision":"master/8b307366408515292837f38cd8a0d97498c8f89f","error":"error running Plan: rpc error: code = Unknown desc = exit status 1\\n\\nError: building AzureRM Client: Please ensure you have installed Azure CLI version 2.0.79 or newer. Error parsing json result from the Azure CLI: Error launching Azure CLI: exec: \\"az\\": executable file not found in $PATH.\\n\\n  with provider[\\"registry.terraform.io/hashicorp/azurerm\\"],\\n  on common.tf line 3, in provider \\"azurerm\\":\\n   3: provider \\"azurerm\\" {\\n\\n"}',
    source: 'corpus holdout11/h11-multi-tofuctl-221-1 (flux-iac/tofu-controller#221)',
  },
  {
    text: 'managed/azure.upbound.io/v1beta1, kind=resourcegroup  cannot run refresh: refresh failed: building AzureRM Client: please ensure you have installed Azure CLI version 2.0.79 or newer. Error parsing json result from the Azure CLI: launching Azure CLI: exec: "az": executable file not found in $PATH.',
    source:
      'corpus holdout11/h11-multi-upjetazure-57-1 (crossplane-contrib/provider-upjet-azure#57)',
  },
];

/** A tenant's conditional access wants MFA that the CLI's login did not give. */
const MFA_REQUIRED = /AADSTS50076|AADSTS50079|you must use multi-factor authentication/;
const MFA_REQUIRED_PASTE =
  "You have logged in. Now let us find all the subscriptions to which you have access...\nFailed to authenticate '{'additional_properties': {}, 'id': '/tenants/XXX', 'tenant_id': 'XXX'}' due to error 'Get Token request returned http error: 400 and server response: {\"error\":\"interaction_required\",\"error_description\":\"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'XXX'.";
const MFA_REQUIRED_EXAMPLE: Example = {
  text: MFA_REQUIRED_PASTE,
  source: 'corpus holdout12/h12-multi-az-cli-10 (Azure/azure-cli#6962), shortened',
};

/** Another tool's saved sign-in (its refresh token) expired (corpus holdout13). */
const SAVED_SIGNIN_EXAMPLE: Example = {
  text: 'PS C:\\Users\\me> pac env list-settings\nConnected as me@myorg.onmicrosoft.com\nMicrosoft PowerPlatform CLI\nVersion: 1.30.3+g0f0e0b9\n\nError: AADSTS700082: The refresh token has expired due to inactivity.&nbsp;The token was issued on 2024-01-28T19:43:52.3866932Z and was inactive for 90.00:00:00.',
  source:
    'corpus holdout13/h13-multi-pac-700082-1 (microsoft/powerplatform-build-tools#894), shortened',
};

/** azurerm (go-azure-helpers) will not use a CLI signed in as a service principal. */
const CLI_AS_SP = /Authenticating using the Azure CLI is only supported as a User/;
const CLI_AS_SP_EXAMPLE: Example = {
  text: 'Error: Error building AzureRM Client: Authenticating using the Azure CLI is only supported as a User (not a Service Principal).\n\nTo authenticate to Azure using a Service Principal, you can use the separate \'Authenticate using a Service Principal\'\nauth method - instructions for which can be found here: https://www.terraform.io/docs/providers/azurerm/guides/service_principal_client_secret.html\n\nAlternatively you can authenticate using the Azure CLI by using a User Account.\n\n  on main.tf line 6, in provider "azurerm":\n   6: provider "azurerm" {',
  source: 'corpus holdout14/h14-tfw-ado-azcli-sp-1 (in28minutes/devops-master-class#1)',
};

/**
 * Conditional Access blocked the sign-in for the device it came from (Entra AADSTS53000 device
 * not compliant, 53001 not domain-joined, 53003 blocked by policy, 530003 device must be
 * managed): logging in again from the same machine fails the same way.
 */
const DEVICE_POLICY =
  /AADSTS5300(?:0|1|3)\b|AADSTS530003\b|Your device is required to be managed to access this resource/;
const DEVICE_POLICY_EXAMPLE: Example = {
  text: '│ Error: building account: getting authenticated object ID: parsing json result from the Azure CLI: waiting for the Azure CLI: exit status 1: ERROR: AADSTS530003: Your device is required to be managed to access this resource.\n│ Trace ID: XXXX-XXXX-XXXX-XXXX\n│ Correlation ID: XXXX-XXXX-XXXX-XXXX\n│ Timestamp: 2022-08-30 09:14:38Z\n│ To re-authenticate, please run:\n│ az login --scope https://graph.microsoft.com//.default',
  source:
    'corpus holdout16/h16-tfw-azurerm-cli-device-managed-ca-1 (hashicorp/terraform-provider-azurerm#18179), shortened',
};

/**
 * Azure Resource Manager refused an access token past its expiry (`ExpiredAuthenticationToken`:
 * "The access token expiry UTC time '…' is earlier than current UTC time '…'"): a long
 * operation outlived the token the provider read once, or the machine's clock runs ahead.
 */
const ARM_TOKEN_EXPIRED =
  /\bExpiredAuthenticationToken\b|The access token expiry UTC time '[^']{1,40}' is earlier than current UTC time/;
const ARM_TOKEN_EXPIRED_EXAMPLE: Example = {
  text: 'X-Ms-Failure-Cause: gateway\nX-Ms-Request-Id: <Request-Id 3>\n\n{"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time \'3/19/2023 8:55:46 AM\' is earlier than current UTC time \'3/19/2023 8:55:57 AM\'."}}: timestamp=2023-03-19T19:55:57.444+1100\n\n2023-03-19T19:56:27.455+1100 [DEBUG] provider.terraform-provider-azurerm_v3.48.0_x5.exe: AzureRM Request:',
  source:
    'corpus holdout16/h16-tfw-azurerm-long-op-expired-auth-token-1 (hashicorp/terraform-provider-azurerm#20867), shortened',
};

export const cliLogin: CatalogEntry = {
  id: 'azure.cli_login',
  platform: 'azure',
  title: 'azurerm relies on the Azure CLI, which is not logged in',
  summary:
    'With no service principal or managed identity configured, azurerm asks the Azure CLI for a token — and the CLI is not logged in, its refresh token expired or was revoked, or the installed CLI is not the one azurerm can read.',
  variants: [
    {
      when: DEVICE_POLICY,
      title: 'Conditional Access refused this device: the Azure CLI cannot sign in from here',
      summary:
        'The tenant’s Conditional Access policy lets the account sign in only from a managed (Intune-enrolled, compliant or domain-joined) device, and the CLI’s sign-in came from one that is not — a WSL distribution, a container or a CI runner counts as its own device. `az login` from the same place fails the same way; run from a managed device, or give Terraform a service principal, OIDC or a managed identity, which a device policy for users does not cover.',
      example: DEVICE_POLICY_EXAMPLE,
    },
    {
      when: ARM_TOKEN_EXPIRED,
      title: 'Azure Resource Manager refused an access token that had expired',
      summary:
        'The token the provider sent was past its expiry when ARM read it. Seconds apart in a long operation (a SQL Managed Instance, a gateway) means the operation outlived the token the provider obtained: newer azurerm versions refresh it while they poll. Hours apart means this machine’s clock is ahead or behind.',
      example: ARM_TOKEN_EXPIRED_EXAMPLE,
    },
    {
      // The CLI is logged in, as a service principal: logging in again changes nothing.
      when: CLI_AS_SP,
      title: 'azurerm will not use an Azure CLI signed in as a service principal',
      summary:
        'The Azure CLI is logged in, but as a service principal (a pipeline’s service connection, `az login --service-principal`), and this azurerm authenticates through the CLI only as a user. Give the provider the service principal’s own credentials instead.',
      example: CLI_AS_SP_EXAMPLE,
    },
    {
      // No credentials given, and no CLI to fall back to: nothing to log in.
      when: NO_CLI_ON_PATH,
      title: 'azurerm fell back to the Azure CLI, which is not installed where it runs',
      summary:
        'No service principal, OIDC or managed identity was configured, so azurerm looked for the Azure CLI — and there is no `az` where the provider runs (a CI image, a controller pod). The fix is to give the provider credentials of its own, not to log in.',
      example: {
        text: 'managed/azure.upbound.io/v1beta1, kind=resourcegroup  cannot run refresh: refresh failed: building AzureRM Client: please ensure you have installed Azure CLI version 2.0.79 or newer. Error parsing json result from the Azure CLI: launching Azure CLI: exec: "az": executable file not found in $PATH.',
        source:
          'corpus holdout11/h11-multi-upjetazure-57-1 (crossplane-contrib/provider-upjet-azure#57)',
      },
    },
    {
      // Neither Terraform nor the Azure CLI shows: another tool's saved sign-in expired.
      when: 'tool.azure_other',
      title: 'A saved Entra sign-in expired: sign in again in the tool that saved it',
      summary:
        'Entra refused the refresh token a tool kept from an earlier interactive sign-in — unused for too long, revoked by a password reset, or older than the tenant’s sign-in frequency. Only a new sign-in in that tool replaces it: its own login (the Power Platform CLI’s `pac auth create`, an account in Azure Data Studio or VS Code, an app’s token cache), or `az login` where the tool borrows the Azure CLI’s.',
      example: SAVED_SIGNIN_EXAMPLE,
    },
    {
      // No Terraform in the paste: the Azure CLI (or a script calling it) failed on its own.
      when: 'tool.not_terraform',
      title: 'The Azure CLI is not logged in, or its login expired',
      summary:
        'The Azure CLI could not get a token: it is not logged in, or its refresh token expired or was revoked. A script that runs `az` reads the token cache of its own user and AZURE_CONFIG_DIR, which may not be the one you logged in with.',
      example: {
        text: `  cmd: 'az keyvault secret show --id "https://kv-***-eus.vault.azure.net/secrets/BDG-EVENT-HUB-NAMESPACE-CS"',\n  stdout: '',\n  stderr: 'ERROR: V2Error: invalid_grant AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2025-05-02T16:43:10.2836664Z and was inactive for 12:00:00.'`,
        source: 'corpus holdout10/h10-azcli-31959-1 (Azure/azure-cli#31959)',
      },
    },
  ],
  codes: ['AADSTS700082', 'AADSTS50173', 'AADSTS70043'],
  signatures: [
    {
      id: 'arm-token-expired',
      pattern: ARM_TOKEN_EXPIRED,
      tier: 'likely',
      examples: [ARM_TOKEN_EXPIRED_EXAMPLE],
    },
    {
      id: 'cli-as-sp',
      pattern: CLI_AS_SP,
      tier: 'strong',
      examples: [
        {
          text: 'Error building ARM Config: Authenticating using the Azure CLI is only supported as a User',
          source: 'corpus holdout3/h3-azurerm27789-1 (hashicorp/terraform-provider-azurerm#27789)',
        },
        {
          text: 'Error: Error building ARM Config: Authenticating using the Azure CLI is only supported as a User (not a Service Principal).',
          source: 'corpus holdout3/h3-azurerm16856-1 (hashicorp/terraform-provider-azurerm#16856)',
        },
      ],
    },
    {
      id: 'run-login',
      pattern:
        /Please run 'az login'|run `az login`|Please run: az login|Interactive authentication is needed/,
      tier: 'likely',
      examples: [
        {
          text: "Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: tenant ID was not specified and the default tenant ID could not be determined: obtaining tenant ID: running Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.",
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/azure_cli_authorizer.go + sdk/internal/azurecli/azcli.go',
        },
        {
          text: "json result from the Azure CLI: waiting for the Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.",
          source:
            'corpus dev/pg-azcli-run-login-9 (https://www.fixwikihub.com/articles/fix-terraform-provider-authentication-failed)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: building account: could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app \'00000000-0000-0000-0000-000000000000\' are expired. Visit the Azure portal to create new keys for your app."}',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/client_credentials.go + AADSTS7000222 (client secret, not the CLI, even though the provider also tried the CLI)',
        },
      ],
    },
    {
      id: 'profile-missing',
      pattern: /Azure CLI Authorization Profile was not found|No Authorization Tokens were found/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: Error building ARM Config: Error populating Client ID from the Azure CLI: No Authorization Tokens were found - please ensure the Azure CLI is installed and then log-in with `az login`.',
          source: 'corpus dev/gh-azurecli-26089-1 (github:Azure/azure-cli#26089)',
        },
        {
          text: 'Error: building AzureRM Client: obtain subscription() from Azure CLI: ... Azure CLI Authorization Profile was not found. Please ensure the Azure CLI is installed and then log-in with `az login`.',
          source:
            'corpus dev/pg-azcli-profile-7 (https://devopsaitoolkit.com/blog/terraform-error-authentication-failed/)',
        },
      ],
    },
    {
      id: 'cli-token',
      pattern:
        /obtaining Authorization Token from the Azure CLI|could not configure AzureCli Authorizer|obtain subscription\([^)]{0,64}\) from Azure CLI|running Azure CLI: exit status|Error (?:waiting for|launching) (?:the )?Azure CLI: |Error parsing json result from the Azure CLI: /,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Error building AzureRM Client: obtain subscription(00000000-0000-0000-0000-000000000000) from Azure CLI: parsing json result from the Azure CLI: waiting for the Azure CLI: exit status 1',
          source:
            'upstream hashicorp/go-azure-helpers@v0.40.0:authentication/auth_method_azure_cli_token.go',
        },
        {
          text: 'Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: obtaining subscription ID: running Azure CLI: exit status 2: usage error: --subscription',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/auth.go',
        },
        {
          // The older go-azure-helpers (azurerm 1.x/2.x) capitalised its errors and asked the
          // CLI for the signed-in object id too (`Error getting authenticated object ID`).
          text: 'Error: Error building account: Error getting authenticated object ID: Error pars\ning json result from the Azure CLI: Error waiting for the Azure CLI: exit status\n 1\n\n on <empty> line 0:\n (source code not available)',
          source:
            'corpus holdout14/h14-tfw-azcli-objid-1 (hashicorp/terraform-provider-azurerm#5266); wording in hashicorp/go-azure-helpers@f58e806:authentication/auth_method_azure_cli_parsing.go',
        },
      ],
    },
    {
      id: 'refresh-expired',
      // Entra's words for AADSTS700082 (`The refresh token has expired due to inactivity`), not
      // any tool's "refresh token has expired" (a Google uploader's hint, corpus
      // holdout15/h15-multi-gupload-refresh-1).
      pattern: /AADSTS700082|AADSTS50173|AADSTS70043|refresh token has expired due to inactivity/,
      tier: 'strong',
      examples: [
        {
          text: 'http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked. The user might have changed or reset their password. The grant was issued on \'2019-XX-XXTXX:XX:XX.1767275Z\' and the TokensValidFrom date (before which tokens are not valid) for this user is \'2019-XX-XXTXX:XX:XX.0000000Z\'.\\r\\nTrace',
          source: 'corpus dev/gh-azurerm-3686-1 (github:hashicorp/terraform-provider-azurerm#3686)',
        },
        {
          text: 'http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2020-02-26T21:52:54.2810613Z and was inactive for 90.00:00:00.\\r\\nTrace ID: 6e94ade5-10de-4d67-909a-14d845813500\\r\\nCorrelation ID: 0e87b495-1e24-4882-be85-d012c216f4f6\\r\\nTimestamp:',
          source: 'corpus holdout/ho-azurecli-14244-1 (github:Azure/azure-cli#14244)',
        },
      ],
    },
    {
      // azure-cli's own recommendation when its token cache cannot give a token (an expired or
      // revoked grant, ADFS's MSIS codes, a new scope): azure-cli-core auth/util.py
      // `recommendation="To re-authenticate, please run:\naz login"`, relayed by every provider.
      id: 're-authenticate',
      pattern: /To re-authenticate, please run: ?az login\b/,
      tier: 'strong',
      examples: [
        {
          text: '│ Error: building account: getting authenticated object ID: parsing json result from the Azure CLI: waiting for the Azure CLI: exit status 1: ERROR: MSIS9617: The received grant is invalid. The resource for which the grant was issued is no longer valid on this STS.\n│ To re-authenticate, please run:\n│ az login --scope https://graph.windows.net/.default',
          source:
            'corpus holdout11/h11-multi-azurestack-319-1 (hashicorp/terraform-provider-azurestack#319)',
        },
        {
          text: "Error: building account: getting authenticated object ID: parsing json result from the Azure CLI: waiting for the Azure CLI: exit status 1: ERROR: Can't find token from MSAL cache.\nTo re-authenticate, please run:\naz login",
          source:
            'upstream Azure/azure-cli:src/azure-cli-core/azure/cli/core/auth/util.py (the AuthenticationError with its recommendation) inside the azurerm provider wrapper',
        },
      ],
    },
    {
      id: 'no-cli',
      pattern: /exec: "az": executable file not found/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: could not parse Azure CLI version: launching Azure CLI: exec: "az": executable file not found in $PATH',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/azure_cli_authorizer.go + sdk/internal/azurecli/azcli.go',
        },
      ],
    },
    {
      id: 'get-token',
      pattern: /Get Token request returned http error/,
      tier: 'generic',
      examples: [
        {
          text: 'ERROR: Get Token request returned http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS50126: Error validating credentials due to invalid username or password."}',
          source:
            'invented: the azure-cli (adal-python) wrapper around an AADSTS code the catalog has no signature for (50126, wrong user password in `az login -u`)',
        },
      ],
      counterexamples: [
        {
          text: 'ERROR: Get Token request returned http error: 401 and server response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID."}',
          source:
            'invented: the adal-python/azure-cli "Get Token request returned http error" wrapper around AADSTS7000215 (as quoted in public test mocks): a service principal secret, not a CLI login',
        },
      ],
    },
    {
      id: 'device-policy',
      pattern: DEVICE_POLICY,
      tier: 'strong',
      // The CLI's "To re-authenticate, please run" follows it; a new login meets the same policy.
      beats: ['azure.cli_login/re-authenticate'],
      examples: [DEVICE_POLICY_EXAMPLE],
    },
    {
      id: 'mfa-required',
      // Entra AADSTS50076/50079: the signed-in user must satisfy MFA — only an interactive `az login` can.
      pattern: /AADSTS500(?:76|79)\b/,
      tier: 'strong',
      examples: [
        {
          text: 'ERROR: Get Token request returned http error: 400 and server response: {"error":"interaction_required","error_description":"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access \'797f4846-ba00-4fd7-ba43-dac1f8f63013\'."}',
          source:
            'invented: shape of an azure-cli (adal-python) error seen in a public paste of `az login` output, AADSTS50076 wording as quoted on learn.microsoft.com Q&A',
        },
      ],
    },
    {
      id: 'chain-cli',
      // azidentity ChainedTokenCredential/DefaultAzureCredential list what each source said; a chain
      // only reaches AzureCLICredential when every earlier source was unavailable, so the CLI is the fix.
      pattern: /AzureCLICredential: (?:Azure CLI not found on path|ERROR: Please run 'az login')/,
      requires: /failed to acquire a token/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n\tWorkloadIdentityCredential: no client ID specified. Check pod configuration or set ClientID in the options\n\tManagedIdentityCredential: managed identity timed out. See https://aka.ms/azsdk/go/identity/troubleshoot#dac for more information\n\tAzureCLICredential: Azure CLI not found on path\n\tAzureDeveloperCLICredential: Azure Developer CLI not found on path',
          source:
            'upstream Azure/azure-sdk-for-go@b7e4d63b9590:sdk/azidentity/chained_token_credential.go (chain message) + upstream Azure/azure-sdk-for-go@032c6a5d8fdd:sdk/azidentity/TROUBLESHOOTING.md (AzureCLICredential texts)',
        },
        {
          text: "Error: ChainedTokenCredential: failed to acquire a token.\nAttempted credentials:\n\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n\tManagedIdentityCredential: no default identity is assigned to this resource\n\tAzureCLICredential: ERROR: Please run 'az login' to setup account.",
          source:
            'upstream Azure/azure-sdk-for-go@b7e4d63b9590:sdk/azidentity/chained_token_credential.go + upstream Azure/azure-sdk-for-go@032c6a5d8fdd:sdk/azidentity/TROUBLESHOOTING.md',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'token-outlived-operation',
      title:
        'A long operation outlived the access token the provider obtained (or the clock is off)',
      explanation:
        'The provider obtains a token (from the CLI, a secret or a managed identity) and uses it while it polls a long operation; a provider version that does not refresh it during the poll sends it past its expiry. A clock that runs ahead makes every token look expired.',
      prior: 0,
      boosts: [
        {
          when: ARM_TOKEN_EXPIRED,
          by: 0.9,
          evidence: 'ARM says the token’s expiry is earlier than its current time.',
        },
      ],
      examples: [ARM_TOKEN_EXPIRED_EXAMPLE],
    },
    {
      id: 'cli-is-sp',
      title:
        'The CLI is signed in as a service principal, which azurerm’s CLI authentication refuses',
      explanation:
        'An Azure DevOps AzureCLI task, or `az login --service-principal`, signs the CLI in as the service connection’s principal. azurerm then needs that principal as its own credentials (ARM_CLIENT_ID with a secret, certificate or OIDC), not the CLI.',
      prior: 0,
      boosts: [
        {
          when: CLI_AS_SP,
          by: 0.95,
          evidence: 'azurerm says the CLI is signed in as a service principal.',
        },
      ],
      examples: [CLI_AS_SP_EXAMPLE],
    },
    {
      id: 'cli-not-installed',
      title:
        'The Azure CLI is not installed where the provider runs, and no other credentials were given',
      explanation:
        'With no service principal, OIDC or managed identity settings, azurerm falls back to the Azure CLI. A CI image, a Terraform controller pod or a Crossplane provider has no `az` (and no one to run `az login` there): give the provider real credentials instead.',
      prior: 0,
      boosts: [
        {
          when: NO_CLI_ON_PATH,
          by: 1,
          evidence: 'The provider could not even start `az`: it is not on PATH there.',
        },
      ],
      examples: NO_CLI_PASTES,
    },
    remoteRunCause('Azure', 'your `az login` session', [
      {
        text: "Running plan in HCP Terraform. Output will stream here. Pressing Ctrl-C\nwill stop streaming the logs, but will not stop the plan running remotely.\n\nPreparing the remote plan...\n\n│ Error: building account: could not acquire access token to parse claims: running Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.",
        source:
          'invented: the cloud block’s remote-run banner (`Running plan in HCP Terraform. Output will stream here…`, as terraform prints it) before azurerm’s Azure CLI failure',
      },
    ]),
    {
      id: 'device-not-managed',
      title: 'Conditional Access allows this account only from a managed or compliant device',
      explanation:
        'The policy checks the device the token is requested from. WSL, containers and CI runners are not the enrolled laptop, even on it, so the CLI there cannot get a token for this user.',
      prior: 0,
      boosts: [
        {
          when: DEVICE_POLICY,
          by: 1,
          evidence: 'Entra says the device must be managed or compliant.',
        },
      ],
      examples: [DEVICE_POLICY_EXAMPLE],
    },
    {
      id: 'mfa-tenant',
      title: 'A tenant requires multi-factor authentication that this login did not satisfy',
      explanation:
        'The CLI signed in, but conditional access in one tenant wants MFA for it (a new location, a policy change). Log in to that tenant explicitly so its MFA prompt is shown: `az login --tenant <tenant>`; a service principal or managed identity avoids user MFA in automation.',
      prior: 0,
      boosts: [
        {
          when: MFA_REQUIRED,
          by: 1,
          evidence: 'Entra says multi-factor authentication is required.',
        },
      ],
      examples: [MFA_REQUIRED_EXAMPLE],
    },
    {
      id: 'not-logged-in',
      title: 'The Azure CLI is not logged in where Terraform runs',
      explanation:
        'Each machine, container and CI job needs its own `az login` (or a service principal / OIDC instead of the CLI).',
      prior: 0.5,
      boosts: [
        { when: 'ci', by: 0.15, evidence: 'This ran in CI, where CLI logins do not carry over.' },
        {
          when: 'tool.azure_other',
          by: -0.45,
          evidence: 'Another tool than the Azure CLI holds this sign-in.',
        },
      ],
    },
    {
      id: 'tool-signin-expired',
      title: 'The sign-in this tool saved expired or was revoked: it must sign in again itself',
      explanation:
        'Tools that sign in interactively keep the refresh token in their own cache (the Power Platform CLI’s auth profiles, Azure Data Studio’s accounts, an app’s token file). After 90 days unused (AADSTS700082), a password reset (AADSTS50173) or the tenant’s sign-in frequency (AADSTS70043) Entra refuses it; `az login` only renews the Azure CLI’s own.',
      prior: 0,
      boosts: [
        {
          when: 'tool.azure_other',
          by: 0.5,
          evidence: 'The paste shows no Azure CLI: another tool kept this sign-in.',
        },
      ],
      examples: [SAVED_SIGNIN_EXAMPLE],
    },
    {
      id: 'token-expired',
      title:
        "The CLI's refresh token expired or was revoked (password change, inactivity, conditional access)",
      explanation: 'After 90 days of inactivity or a password reset, the CLI must log in again.',
      prior: 0.3,
      boosts: [
        {
          when: /AADSTS700082|AADSTS50173|AADSTS70043|revoked|expired/,
          by: 0.4,
          evidence: 'Entra says the saved grant (refresh token) expired or was revoked.',
        },
        {
          when: 'tool.azure_other',
          by: -0.45,
          evidence: 'Another tool than the Azure CLI holds this sign-in.',
        },
      ],
    },
    {
      id: 'old-provider',
      terraform: true,
      title: 'An old azurerm (< 2.92) cannot read the token cache of a new Azure CLI',
      explanation:
        'CLI 2.30+ stores tokens with MSAL; old providers look for the previous cache and find nothing.',
      prior: 0.1,
      boosts: [
        {
          when: 'tool.azure_other',
          by: -0.3,
          evidence: 'Another tool than Terraform holds this sign-in.',
        },
        {
          when: /No Authorization Tokens were found|Error populating Client ID from the Azure CLI/,
          by: 0.3,
          evidence: 'The message comes from an old azurerm release.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'expired-token-times',
      title:
        'Compare the two times ARM printed: seconds apart is a token that outlived the operation (upgrade azurerm); hours apart is this machine’s clock',
      detail:
        'The first command shows this machine’s UTC time, to compare with ARM’s "current UTC time"; the second the provider version in use (a newer azurerm refreshes tokens while it polls long operations). Re-running picks up the resource where ARM left it: `terraform plan` shows whether it was created.',
      commands: ['date -u', 'terraform version'],
      when: ARM_TOKEN_EXPIRED,
      examples: [ARM_TOKEN_EXPIRED_EXAMPLE],
    },
    {
      id: 'sp-credentials',
      title:
        'Give azurerm the service principal itself (ARM_CLIENT_ID, a secret or OIDC, ARM_TENANT_ID), or sign the CLI in as a user',
      detail:
        'The first command shows the CLI’s signed-in identity (`type: servicePrincipal`). In Azure DevOps, `addSpnToEnvironment: true` on the AzureCLI task exposes the connection’s servicePrincipalId, servicePrincipalKey and tenantId to its script; export them as ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID. `read -rs` keeps a secret typed by hand off the screen.',
      commands: [
        'az account show --query user -o json',
        'export ARM_CLIENT_ID=⟨client⟩ ARM_TENANT_ID=⟨tenant⟩ ARM_SUBSCRIPTION_ID=⟨subscription⟩',
        'read -rs ARM_CLIENT_SECRET && export ARM_CLIENT_SECRET',
      ],
      when: CLI_AS_SP,
      examples: [CLI_AS_SP_EXAMPLE],
    },
    {
      id: 'managed-device-or-sp',
      title:
        'Run Terraform from a managed device, or give it a service principal / OIDC / managed identity instead of your user',
      detail:
        'A new `az login` from this machine meets the same policy. On the enrolled device itself (not WSL or a container), `az login` works; in automation, a service principal or federated identity is not a user sign-in, so a device policy for users does not cover it (Conditional Access for workload identities is a separate policy). The first command shows which identity the CLI has now.',
      commands: [
        'az account show --query user -o json',
        'export ARM_CLIENT_ID=⟨client⟩ ARM_TENANT_ID=⟨tenant⟩ ARM_SUBSCRIPTION_ID=⟨subscription⟩',
      ],
      when: DEVICE_POLICY,
      examples: [DEVICE_POLICY_EXAMPLE],
    },
    {
      id: 'login-tenant-mfa',
      title: 'Log in to the tenant that wants MFA, so its prompt is shown',
      detail:
        'Use the tenant id the error names (or find it with the first command after a plain login); with several tenants, each one that requires MFA needs its own login.',
      commands: [
        'az account tenant list --query "[].tenantId" -o tsv',
        'az login --tenant ⟨tenant⟩',
      ],
      when: MFA_REQUIRED,
      examples: [MFA_REQUIRED_EXAMPLE],
    },
    {
      id: 'no-cli-credentials',
      title:
        'Give the provider a service principal, OIDC or a managed identity where it runs: there is no `az` to log in with',
      detail:
        'azurerm reads `ARM_CLIENT_ID`, `ARM_TENANT_ID`, `ARM_SUBSCRIPTION_ID` and one of `ARM_CLIENT_SECRET`, `ARM_USE_OIDC=true` or `ARM_USE_MSI=true`; when none is set it tries the Azure CLI. In Flux’s tf-controller set them on the runner pod (`spec.runnerPodTemplate.spec.env`, from a Secret); in Crossplane put a service principal’s credentials in the Secret the ProviderConfig names. Installing `az` in such a pod does not help: nobody can log it in.',
      commands: ['env | grep -E "^ARM_" | cut -d= -f1'],
      when: NO_CLI_ON_PATH,
      examples: NO_CLI_PASTES,
    },
    {
      id: 'remote-run',
      title:
        'The run executed on HCP Terraform / Terraform Enterprise: give the workspace Azure credentials',
      detail:
        'An `az login` on the machine that started the run does not reach the remote worker. Set dynamic provider credentials on the workspace (`TFC_AZURE_PROVIDER_AUTH=true`, `TFC_AZURE_RUN_CLIENT_ID`, plus ARM_SUBSCRIPTION_ID and ARM_TENANT_ID, with a federated credential for the workspace), or ARM_CLIENT_ID / ARM_CLIENT_SECRET as sensitive env variables; or switch the workspace to local execution.',
      when: 'run.remote',
      examples: [
        {
          text: "Running plan in HCP Terraform. Output will stream here. Pressing Ctrl-C\nwill stop streaming the logs, but will not stop the plan running remotely.\n\nPreparing the remote plan...\n\n│ Error: building account: could not acquire access token to parse claims: running Azure CLI: exit status 1: ERROR: Please run 'az login' to setup account.",
          source:
            'invented: the cloud block’s remote-run banner (`Running plan in HCP Terraform. Output will stream here…`, as terraform prints it) before azurerm’s Azure CLI failure',
        },
      ],
    },
    {
      id: 'tool-sign-in',
      title: 'Sign in again in the tool that printed this, where it keeps its login',
      detail:
        'The Power Platform CLI: `pac auth list`, then `pac auth clear` and `pac auth create`. Azure Data Studio and VS Code: remove the account from the Accounts view and add it again. An app with its own token cache: delete that cache (its token file) and sign in again. A library that borrows the Azure CLI’s login: `az login` as the user it runs as.',
      when: 'tool.azure_other',
      examples: [SAVED_SIGNIN_EXAMPLE],
    },
    {
      // In a pipeline nobody logs the CLI in interactively: the job's identity must reach azurerm.
      id: 'ci',
      title: 'In CI: do not rely on the CLI; use a service principal with OIDC (ARM_USE_OIDC=true)',
      detail:
        'A CLI login made in another step or task does not carry over to the one that runs Terraform, and `az login` in a job has no one to answer it. Give the Terraform task the pipeline’s service connection (Azure DevOps) or run azure/login with OIDC before it (GitHub Actions), or set ARM_USE_OIDC=true with ARM_CLIENT_ID, ARM_TENANT_ID and ARM_SUBSCRIPTION_ID. The command lists which ARM_* variables the job has (names only).',
      commands: ['env | grep -E "^ARM_" | cut -d= -f1'],
      when: 'ci',
      examples: [
        {
          text: 'Planning failed. Terraform encountered an error while generating this plan.\n\n╷\n│ Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: tenant ID was not specified and the default tenant ID could not be determined: obtaining tenant ID: running Azure CLI: exit status 1: ERROR: Please run \'az login\' to setup account.\n│ \n│   with provider["registry.terraform.io/hashicorp/azurerm"],\n│   on versions.tf line 25, in provider "azurerm":\n│   25: provider "azurerm" {\n│ \n╵\n##[error]Terraform command \'plan\' failed with exit code \'1\'.',
          source:
            'corpus holdout16/h16-tfw-ado-terraformcli2-tenant-cli-1 (jason-johnson/azure-pipelines-tasks-terraform#403)',
        },
      ],
    },
    {
      id: 'login',
      title: 'Log in and choose the subscription Terraform should use',
      commands: [
        'az login',
        'az account set --subscription ⟨subscription⟩',
        'az account show --output table',
      ],
    },
    {
      id: 'token',
      title: 'Check the CLI can get a token for Resource Manager',
      commands: ['az account get-access-token --query expiresOn -o tsv'],
    },
    {
      id: 'upgrade',
      title: 'On old providers: upgrade azurerm (≥ 2.92) or downgrade the CLI',
      commands: ['terraform version', 'az version'],
      // azurerm's reading of the CLI's token cache: nothing to upgrade where no Terraform ran.
      unless: 'tool.not_terraform',
      notFor: [
        {
          text: `  cmd: 'az keyvault secret show --id "https://kv-***-eus.vault.azure.net/secrets/BDG-EVENT-HUB-NAMESPACE-CS"',\n  stdout: '',\n  stderr: 'ERROR: V2Error: invalid_grant AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2025-05-02T16:43:10.2836664Z and was inactive for 12:00:00.'`,
          source: 'corpus holdout10/h10-azcli-31959-1 (Azure/azure-cli#31959)',
        },
      ],
    },
  ],
  docs: [AZURE_DOCS.cli, AZURE_DOCS.aadsts],
};
