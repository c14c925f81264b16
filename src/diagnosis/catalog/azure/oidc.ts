import type { CatalogEntry, Example } from '../schema';
import { AZURE_DOCS } from './docs';

/** aad-pod-identity’s NMI found no identity assigned to the pod. */
const POD_IDENTITY_UNBOUND =
  /getting assigned identities for pod|Check MIC pod logs for identity assignment errors/;

/**
 * The failure came from a managed identity (the instance metadata endpoint, aad-pod-identity's
 * NMI, IMDS's own `Identity not found` body): no federated credential was involved.
 */
const MANAGED_IDENTITY =
  /ManagedIdentity|managed identity|\bMSI\b|metadata\/identity|\\?"error_description\\?": ?\\?"Identity not found|\bIMDS\b|aad-pod-identity|\bNMI\b/;
const MANAGED_IDENTITY_PASTES: Example[] = [
  {
    text: 'E0901 14:17:00.923480       1 vmss.go:99] azure.BearerAuthorizerWithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/<sub>/resourceGroups/MC_staging-rg_staging-v2-aks_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool-97289186-vmss?api-version=2019-07-01: StatusCode=403 -- Original Error: adal: Refresh request failed. Status Code = \'400\'. Response body: {"error":"invalid_request","error_description":"Identity not found"}',
    source: 'corpus holdout14/h14-multi-podid-mic-identitynotfound-1 (Azure/aad-pod-identity#778)',
  },
  {
    text: "ManagedIdentityCredential authentication failed: Service request failed.\nStatus: 403 (Forbidden)\n\nContent:\nfailed to refresh token, error: adal: Refresh request failed. Status Code = '400'. Response body: Bad Request",
    source: 'corpus holdout14/h14-multi-net-mi-nmi-403-1',
  },
];
/** Something other than Azure's metadata endpoint answered the managed identity request. */
/**
 * A credential chain that reached managed identity because nothing before it was configured:
 * azidentity's ChainedTokenCredential (azapi) failing at the metadata endpoint, or go-autorest's
 * MSI fallback off Azure (`MSI not available`: lego's Azure DNS provider got no client id and
 * secret). Not a chain that names the other credentials it tried (DefaultAzureCredential's list).
 */
const FELL_TO_MI =
  /ChainedTokenCredential authentication failed[^]{0,300}?169\.254\.169\.254\/metadata\/identity|failed to get oauth token from MSI: MSI not available/;
const FELL_TO_MI_PASTES: Example[] = [
  {
    text: 'Error: checking for presence of existing Resource: (ResourceId "/subscriptions/<Subscription ID 2>/resourceGroups/quota-alarms/providers/Microsoft.Insights/scheduledQueryRules/total_regional_vcpu_quota_alarm" / Api Version "2023-03-15-preview"): ChainedTokenCredential authentication failed\nGET http://169.254.169.254/metadata/identity/oauth2/token\n--------------------------------------------------------------------------------\nRESPONSE 400 Bad Request\n--------------------------------------------------------------------------------',
    source: 'corpus holdout17/h17-tfw-azapi-gha-oidc-imds-1 (Azure/terraform-provider-azapi#374)',
  },
  {
    text: '    acme_certificate.certificate: Creating...\n    ╷\n    │ Error: failed to get oauth token from MSI: MSI not available\n    │ \n    │   with acme_certificate.certificate,\n    │   on cert.tf line 17, in resource "acme_certificate" "certificate":\n    │   17: resource "acme_certificate" "certificate" {\n    │ \n    ╵',
    source: 'corpus holdout17/h17-multi-acme-msi-1 (vancluever/terraform-provider-acme#210)',
  },
];
/** The metadata endpoint did not answer at all (a timeout, a refused connection): the network. */
const IMDS_UNREACHABLE =
  /MSI endpoint is not available|169\.254\.169\.254(?::80)?: (?:i\/o timeout|connect: (?:connection refused|no route to host|network is unreachable))/;
const IMDS_UNREACHABLE_EXAMPLE: Example = {
  text: 'time="2022-01-10T10:32:43Z" level=info msg="Using managed identity extension to retrieve access token for Azure API."\ntime="2022-01-10T10:32:43Z" level=info msg="Resolving to user assigned identity, client id is ***REDACTED***."\ntime="2022-01-10T10:32:48Z" level=error msg="azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscript\nions/***REDACTED***/resourceGroups/***REDACTED***/providers/Microsoft.Network/dnsZones?api-version=2018-05-01: StatusCode=0 -- Original Error: the MSI\nendpoint is not available. Failed HTTP request to MSI endpoint: Get \\"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01\\": dial tcp 169.254.1\n69.254:80: i/o timeout"',
  source: 'corpus holdout17/h17-multi-aks-construction-msi-timeout-1 (Azure/AKS-Construction#177)',
};
const NOT_AZURE_IMDS = /ManagedIdentityCredential: Unexpected (?:response )?content type/;
const NOT_AZURE_IMDS_EXAMPLE: Example = {
  text: 'azure.core.exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials:\n\tManagedIdentityCredential: Unexpected content type "text/html"',
  source: 'corpus holdout14/h14-multi-py-mi-texthtml-1',
};

/** The CI system’s OIDC token could not be had (azidentity’s ClientAssertionCredential callback). */
const ASSERTION_REQUEST_FAILED = /ClientAssertionCredential: getAssertion: /;

/** Entra ID refused one of its own tokens as a federated credential's assertion. */
const ENTRA_ASSERTION_PASTES: Example[] = [
  {
    text: 'AADSTS700222: AAD-issued tokens may not be used for federated identity flows.',
    source: 'corpus holdout13/h13-multi-docs-700222-1 (MicrosoftDocs/azure-docs#90276)',
  },
];

export const oidc: CatalogEntry = {
  id: 'azure.oidc',
  platform: 'azure',
  title: 'Workload identity federation or managed identity sign-in failed',
  summary:
    "The pipeline presented an OIDC token to Entra ID (or asked the managed identity endpoint for one) and the exchange failed: no federated credential matches the token's subject/issuer/audience, or the job could not mint a token at all.",
  codes: ['AADSTS70021', 'AADSTS700213', 'AADSTS700024', 'AADSTS700211'],
  variants: [
    {
      when: FELL_TO_MI,
      title:
        'No credential was configured for this client, so it fell back to a managed identity this machine does not have',
      summary:
        'The client tried its credentials in order (a client secret or certificate, OIDC, the Azure CLI, then managed identity) and reached the last one: the credential you meant it to use was not given to it or not picked up. Attaching an identity helps only if a managed identity was the plan.',
      example: FELL_TO_MI_PASTES[0] as Example,
    },
    {
      when: IMDS_UNREACHABLE,
      title:
        'The managed identity endpoint did not answer: 169.254.169.254 is not reachable from here',
      summary:
        'The client meant to sign in with a managed identity, but its request to the instance metadata endpoint timed out or was refused: no identity was checked yet. Pods reach it through the node (blocked by a network policy, a proxy or hostNetwork settings; AAD Pod Identity’s NMI intercepts it), and it exists only on Azure compute.',
      example: IMDS_UNREACHABLE_EXAMPLE,
    },
  ],
  signatures: [
    {
      id: 'github-assertion',
      pattern: /githubAssertion|oidcAssertion|cannot request token: Get "\?audience/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: unable to build authorizer for Resource Manager API: could not configure GitHubOIDC Authorizer: githubAssertion: received HTTP status 404 with response: {"message":"Not Found"}',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/github_oidc_authorizer.go',
        },
        {
          text: 'Error: building client: unable to obtain access token: githubAssertion: cannot request token: Get "?audience=api%3A%2F%',
          source: 'corpus holdout3/h3-azuread1462-1 (hashicorp/terraform-provider-azuread#1462)',
        },
      ],
    },
    {
      id: 'no-match',
      pattern: /AADSTS70021\b|AADSTS700213|No matching federated identity record found/,
      tier: 'decisive',
      examples: [
        {
          text: 'WorkloadIdentityCredential authentication failed. \nPOST https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token\n--------------------------------------------------------------------------------\nRESPONSE 400: 400 Bad Request\n--------------------------------------------------------------------------------\n{\n  "error": "invalid_request",\n  "error_description": "AADSTS700213: No matching federated identity record found for presented assertion subject \'system:serviceaccount:infra:terraform\'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion."\n}\n--------------------------------------------------------------------------------\nTo troubleshoot, visit https://aka.ms/azsdk/go/identity/troubleshoot#workload',
          source:
            'upstream Azure/azure-sdk-for-go@0a5bdddb50a6:sdk/azidentity/errors.go (AuthenticationFailedError layout) with AADSTS700213 from Entra ID',
        },
        {
          text: "Attempting Azure CLI login by using OIDC... Error: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:sirajahmadzai/mslearn-advocates.azure-functions-and-signalr:environment:Production'. Please check your federated identity credential Subject, Audience and Issuer against",
          source: 'corpus dev/gh-azlogin-464-1 (github:Azure/login#464)',
        },
      ],
    },
    {
      // The federated credential flow was handed a token Entra ID itself issued (an Azure AD
      // access token, or a managed identity's) instead of the external identity provider's.
      id: 'entra-token-as-assertion',
      pattern: /AADSTS700222|AAD-issued tokens may not be used for federated identity flows/,
      tier: 'exact',
      examples: ENTRA_ASSERTION_PASTES,
    },
    {
      id: 'issuer',
      pattern:
        /AADSTS700211|No matching federated identity record found for presented assertion issuer/,
      // Above no-match: the issuer variant also says "No matching federated identity record found".
      tier: 'decisive',
      // Its message is no-match's with the issuer named: the issuer is what to fix.
      beats: ['azure.oidc/no-match'],
      examples: [
        {
          text: 'Error: building account: could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 400 with response: {"error":"invalid_grant","error_description":"AADSTS700211: No matching federated identity record found for presented assertion issuer \'https://token.actions.githubusercontent.com/\'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.","error_codes":[700211]}',
          source:
            'invented: AADSTS700211 (the issuer variant; its wording is not traced to a source) inside the wrapper of upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/client_credentials.go',
        },
        {
          text: 'azurecloud Done setting cloud: "azurecloud" Error: : AADSTS700[21](https://github.com/)1: No matching federated identity record found for presented assertion issuer \'https://token.actions.githubusercontent.com/\'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation',
          source: 'corpus holdout/ho-azlogin-360-1 (github:Azure/login#360)',
        },
      ],
    },
    {
      id: 'assertion-time',
      pattern: /AADSTS700024|Client assertion is not within its valid time range/,
      tier: 'exact',
      examples: [
        {
          text: 'received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS700024: Client assertion is not within its valid time range. Current time: 2025-06-03T15:00:41.7986616Z, assertion valid from 2025-06-03T14:42:09.0000000Z, expiry time of assertion 2025-06-03T14:52:09.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials',
          source: 'corpus holdout3/h3-azpipetf304-1 (microsoft/azure-pipelines-terraform#304)',
        },
      ],
    },
    {
      id: 'id-token',
      pattern: /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|give write permissions to id-token/,
      requires: /[Aa]zure|AZURE|ARM_|az login|AADSTS/,
      tier: 'likely',
      examples: [
        {
          text: "Error: Please make sure to give write permissions to id-token in the workflow.\nError: Login failed with Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.",
          source:
            'corpus dev/pg-dfe-azlogin-idtoken-65 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
      ],
      counterexamples: [
        {
          text: 'Run google-github-actions/auth@v2\nError: google-github-actions/auth failed with: gitHub Actions did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or $ACTIONS_ID_TOKEN_REQUEST_URL into this job. This most likely means the GitHub Actions workflow permissions are incorrect, or this job is being run from a fork.',
          source: 'issue cal-itp/data-infra#3843',
        },
      ],
    },
    {
      // IMDS answers `Identity not found` when the VM or agent has no managed identity (or not the
      // one named); MSAL and azidentity print it as a managed identity error, and ADAL relays
      // IMDS's JSON body as is (Entra ID's own error descriptions start with an AADSTS code).
      id: 'imds-identity-not-found',
      pattern: /Identity not found/,
      requires:
        /IMDS|[Mm]anaged [Ii]dentity|metadata\/identity|ManagedIdentity|\\?"error_description\\?": ?\\?"Identity not found/,
      tier: 'strong',
      // ADAL's `Refresh request failed` around it reads like a client secret's failure.
      beats: ['azure.client_secret'],
      examples: [
        {
          text: '2024-10-17T14:01:54.5570233Z {"error":"invalid_request","error_description":"Identity not found"}\n2024-10-17T14:01:54.5571125Z Server: IMDS/150.870.65.1475\n2024-10-17T14:01:54.5573849Z [Managed Identity] Error Code: invalid_request Error Description: Identity not found ',
          source: 'corpus holdout8/h8-azsdknet-46679-1 (Azure/azure-sdk-for-net#46679)',
        },
        {
          text: 'E0901 14:17:00.923480       1 vmss.go:99] azure.BearerAuthorizerWithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/<sub>/resourceGroups/MC_staging-rg_staging-v2-aks_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool-97289186-vmss?api-version=2019-07-01: StatusCode=403 -- Original Error: adal: Refresh request failed. Status Code = \'403\'. Response body: adal: Refresh request failed. Status Code = \'400\'. Response body: {"error":"invalid_request","error_description":"Identity not found"}',
          source:
            'corpus holdout14/h14-multi-podid-mic-identitynotfound-1 (Azure/aad-pod-identity#778)',
        },
        {
          // The same body inside a JSON log line, its quotes escaped.
          text: 'cert-manager/controller/challenges "msg"="re-queuing item due to error processing" "error"="azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/[redacted subscription id]/resourceGroups/rg-k8s-apps/providers/Microsoft.Network/dnsZones/[redacted domain]/TXT/_acme-challenge?api-version=2017-10-01: StatusCode=400 -- Original Error: adal: Refresh request failed. Status Code = \'400\'. Response body: {\\"error\\":\\"invalid_request\\",\\"error_description\\":\\"Identity not found\\"}"',
          source:
            'corpus holdout15/h15-multi-certmgr-msi-notfound-1 (cert-manager/website#328), shortened',
        },
      ],
    },
    {
      // The instance metadata service's refusal when a VM/VMSS/AKS node carries several
      // user-assigned identities and the token request names none.
      id: 'msi-which-identity',
      pattern: /Multiple user assigned identities exist/,
      tier: 'decisive',
      examples: [
        {
          text: 'error="rpc error: code = Unknown desc = azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/aaaa-0000-0000-0000/resourceGroups/Backups/providers/Microsoft.Storage/storageAccounts/XXXX/listKeys?%24expand=kerb&api-version=2019-06-01: StatusCode=400 -- Original Error: adal: Refresh request failed. Status Code = \'400\'. Response body: {\\"error\\":\\"invalid_request\\",\\"error_description\\":\\"Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request\\"}"',
          source: 'corpus holdout7/h7-velero-4291-1 (vmware-tanzu/velero#4291)',
        },
      ],
    },
    {
      id: 'msi',
      // …and go-autorest's: MSIConfig.Authorizer (autorest/azure/auth/auth.go) wraps adal's refusal
      // as `failed to get oauth token from MSI[ for user assigned identity]: …`; off Azure adal
      // answers `MSI not available` (external-secrets' Key Vault provider tests assert that text).
      pattern:
        /ManagedIdentity(?:Credential|Authorizer)|managed identity (?:endpoint|authentication)|MSI endpoint|169\.254\.169\.254\/metadata\/identity|failed to get oauth token from MSI\b/,
      tier: 'strong',
      // Azure's instance metadata service has AWS's link-local address (its examples dial
      // 169.254.169.254): a managed identity error is Azure's.
      beats: ['aws.no_credentials/imds-unreachable'],
      examples: [
        {
          text: 'Error: building account: could not acquire access token to parse claims: ManagedIdentityAuthorizer: failed to request token from metadata endpoint: Get "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F": dial tcp 169.254.169.254:80: connect: connection refused',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/managed_identity_authorizer.go',
        },
        {
          text: 'Error: building account: could not acquire access token to parse claims: ManagedIdentityAuthorizer: failed to request token from metadata endpoint: Get "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&client_id=7083bfd5-XXXXXXXXXX-2713db7ebeb7&resource=https%3A%2F%2Fgraph.microsoft.com": GET http://',
          source:
            'corpus holdout/ho-azurerm-21187-1 (github:hashicorp/terraform-provider-azurerm#21187)',
        },
        {
          text: '    acme_certificate.certificate: Creating...\n    ╷\n    │ Error: failed to get oauth token from MSI: MSI not available\n    │ \n    │   with acme_certificate.certificate,\n    │   on cert.tf line 17, in resource "acme_certificate" "certificate":\n    │   17: resource "acme_certificate" "certificate" {\n    │ \n    ╵',
          source: 'corpus holdout17/h17-multi-acme-msi-1 (vancluever/terraform-provider-acme#210)',
        },
      ],
      counterexamples: [
        {
          text: "Error: DefaultAzureCredential: failed to acquire a token.\nAttempted credentials:\n\tEnvironmentCredential: missing environment variable AZURE_TENANT_ID\n\tManagedIdentityCredential: managed identity timed out. See https://aka.ms/azsdk/go/identity/troubleshoot#dac for more information\n\tAzureCLICredential: ERROR: Please run 'az login' to setup account.",
          source:
            'upstream Azure/azure-sdk-for-go@b7e4d63b9590:sdk/azidentity/chained_token_credential.go (a chain that reached the CLI: managed identity was merely unavailable)',
        },
      ],
    },
    {
      id: 'oidc-token',
      // go-azure-sdk sdk/auth/auth.go: the OIDC authorizers' wrapper.
      pattern: /could not configure (?:OIDC|GitHubOIDC|ADOPipelineOIDC) Authorizer/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: unable to build authorizer for Resource Manager API: could not configure OIDC Authorizer: clientCredentialsToken: cannot request token: Post "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token": context deadline exceeded',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/auth.go (the OIDC authorizer wraps the token exchange error)',
        },
      ],
    },
    {
      id: 'token-file',
      // azurerm internal/provider/helpers.go: oidc_token_file_path, and AKS workload identity's AZURE_FEDERATED_TOKEN_FILE.
      pattern: /reading OIDC Token from file/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: reading OIDC Token from file "/var/run/secrets/azure/tokens/azure-identity-token" provided by AKS Workload Identity: open /var/run/secrets/azure/tokens/azure-identity-token: no such file or directory',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:internal/provider/helpers.go',
        },
        {
          text: '│ Error: reading OIDC Token from file "/home/runner/work/_temp/oidc-token": open /home/runner/work/_temp/oidc-token: no such file or directory\n│\n│   with provider["registry.terraform.io/hashicorp/azurerm"],\n│   on main.tf line 10, in provider "azurerm":',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:internal/provider/helpers.go',
        },
      ],
    },
    {
      id: 'workload-identity',
      // azidentity WorkloadIdentityCredential: unavailable ("WorkloadIdentityCredential: no client ID…") or failed.
      pattern: /WorkloadIdentityCredential(?: authentication failed|: )/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: WorkloadIdentityCredential: no client ID specified. Check pod configuration or set ClientID in the options',
          source:
            'upstream Azure/azure-sdk-for-go@05ed0cec0be2:sdk/azidentity/workload_identity.go',
        },
        {
          text: 'Error: WorkloadIdentityCredential: open /var/run/secrets/azure/tokens/azure-identity-token: no such file or directory',
          source:
            'upstream Azure/azure-sdk-for-go@05ed0cec0be2:sdk/azidentity/workload_identity.go (ClientAssertionCredential passes the file error through)',
        },
      ],
    },
    {
      // azidentity's ClientAssertionCredential wraps the callback that fetches the federated
      // token (azapi names it getAssertion): the OIDC token could not be had from the CI system.
      id: 'client-assertion',
      pattern: ASSERTION_REQUEST_FAILED,
      tier: 'strong',
      examples: [
        {
          text: '│ / Api Version "2023-11-01"): ChainedTokenCredential: failed to acquire a\n│ token.\n│ Attempted credentials:\n│ \tClientAssertionCredential: getAssertion: received HTTP status 405 with\n│ response: {"count":1,"value":{"Message":"The requested resource does not\n│ support http method \'GET\'."}}',
          source: 'corpus holdout11/h11-multi-azapi-852-1 (Azure/terraform-provider-azapi#852)',
        },
      ],
    },
    {
      // aad-pod-identity's NMI answers the token request for a pod it has no identity assigned to:
      // the managed identity never reached the pod (its MIC logs say why).
      id: 'pod-identity',
      pattern: POD_IDENTITY_UNBOUND,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: Failed to get existing workspaces: Error retrieving keys for Storage Account "<storageaccount>": azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/<subscriptionid>/resourceGroups/<resourceGroups>/providers/Microsoft.Storage/storageAccounts/<storageaccount>/listKeys?api-version=2021-01-01: StatusCode=404 -- Original Error: adal: Refresh request failed. Status Code = \'404\'. Response body: getting assigned identities for pod <namespace>/tf-runner in CREATED state failed after 16 attempts, retry duration [5]s, error: <nil>. Check MIC pod logs for identity assignment errors',
          source: 'corpus holdout11/h11-multi-tofuctl-561-1 (flux-iac/tofu-controller#561)',
        },
      ],
    },
    {
      id: 'ado-assertion',
      // go-azure-sdk ado_pipeline_oidc_authorizer.go: the Azure DevOps service connection's OIDC token.
      pattern: /adoPipelineAssertion: |ADOPipelineOIDCAuthorizer: /,
      tier: 'strong',
      examples: [
        {
          text: 'Error: unable to build authorizer for Resource Manager API: could not configure ADOPipelineOIDC Authorizer: adoPipelineAssertion: received HTTP status 401 with response: {"$id":"1","message":"TF400813: The user \'\' is not authorized to access this resource."}',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/ado_pipeline_oidc_authorizer.go',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'entra-token-as-assertion',
      title:
        'The assertion is a token Entra ID issued, not one from the external identity provider',
      explanation:
        'A federated identity credential trusts an external issuer (GitHub Actions, a Kubernetes cluster, another cloud): the client must present that issuer’s token. A token Entra ID issued itself (an access token from `az account get-access-token`, a managed identity’s token) is refused as the assertion; to chain from a managed identity, the app’s federated credential must name Entra’s managed-identity issuer and the `api://AzureADTokenExchange` audience.',
      prior: 0,
      boosts: [
        {
          when: /AADSTS700222|AAD-issued tokens may not be used for federated identity flows/,
          by: 1,
          evidence: 'Entra says AAD-issued tokens may not be used for federated identity flows.',
        },
      ],
      examples: ENTRA_ASSERTION_PASTES,
    },
    {
      id: 'assertion-request-failed',
      title: 'The pipeline could not get its own OIDC token, before Entra ID was asked',
      explanation:
        'The credential asks the CI system (GitHub Actions, Azure DevOps) for an ID token first; that request failed, so no federated credential was ever compared. The request URL, method or token the provider was given is wrong for this CI system (an Azure DevOps service connection needs the provider’s ADO settings, a GitHub job `id-token: write`), or the provider version does not support it.',
      prior: 0,
      boosts: [
        {
          when: ASSERTION_REQUEST_FAILED,
          by: 1,
          evidence:
            'The assertion request itself failed (getAssertion), not the exchange with Entra ID.',
        },
      ],
      examples: [
        {
          text: '╷\n│ Error: Failed to retrieve resource\n│ \n│   with module.virtual_network.azapi_resource.vnet,\n│   on .terraform/modules/virtual_network/main.virtual.network.tf line 1, in resource "azapi_resource" "vnet":\n│    1: resource "azapi_resource" "vnet" {\n│ \n│ reading Resource: (ResourceId\n│ "/subscriptions/b857908d-3f5c-4477-91c1-0fbd08df4e88/resourceGroups/rg-dema-env-dev-uksouth-001/providers/Microsoft.Network/virtualNetworks/vnet-demo-dev-uksouth-001"\n│ / Api Version "2023-11-01"): ChainedTokenCredential: failed to acquire a\n│ token.\n│ Attempted credentials:\n│ \tClientAssertionCredential: getAssertion: received HTTP status 405 with\n│ response: {"count":1,"value":{"Message":"The requested resource does not\n│ support http method \'GET\'."}}\n╵',
          source: 'corpus holdout11/h11-multi-azapi-852-1 (Azure/terraform-provider-azapi#852)',
        },
      ],
    },
    {
      id: 'pod-identity-unbound',
      title: 'AAD Pod Identity has not bound a managed identity to this pod',
      explanation:
        'The pod’s token request went to aad-pod-identity’s NMI, which found no identity assigned to the pod: the AzureIdentity / AzureIdentityBinding does not select the pod’s `aadpodidbinding` label, or MIC failed to assign the identity to the node (its logs say why). AAD Pod Identity is deprecated: Workload Identity replaces it.',
      prior: 0,
      boosts: [
        {
          when: POD_IDENTITY_UNBOUND,
          by: 1,
          evidence: 'NMI says no identity is assigned to the pod and points at MIC’s logs.',
        },
      ],
      examples: [
        {
          text: '❯ kubectl get pod tf-runner -o yaml\n    message: |+\n      error running Init: rpc error: code = Internal desc = exit status 1\n\n      Error: Failed to get existing workspaces: Error retrieving keys for Storage Account "<storageaccount>": azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/<subscriptionid>/resourceGroups/<resourceGroups>/providers/Microsoft.Storage/storageAccounts/<storageaccount>/listKeys?api-version=2021-01-01: StatusCode=404 -- Original Error: adal: Refresh request failed. Status Code = \'404\'. Response body: getting assigned identities for pod <namespace>/tf-runner in CREATED state failed after 16 attempts, retry duration [5]s, error: <nil>. Check MIC pod logs for identity assignment errors',
          source: 'corpus holdout11/h11-multi-tofuctl-561-1 (flux-iac/tofu-controller#561)',
        },
      ],
    },
    {
      id: 'assertion-expired',
      title:
        'The federated token expired before Entra ID checked it (a run longer than the token lives, or a clock off)',
      explanation:
        'Pipeline OIDC tokens live minutes to an hour. A token handed to azurerm once (ARM_OIDC_TOKEN, a token file) is stale when a long apply signs in again; azurerm can request fresh ones itself from the pipeline: Azure DevOps with `ado_pipeline_service_connection_id` (ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID) and SYSTEM_ACCESSTOKEN / SYSTEM_OIDCREQUESTURI mapped into the task, GitHub Actions through ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN.',
      prior: 0,
      boosts: [
        {
          when: /AADSTS700024|not within its valid time range/,
          by: 0.9,
          evidence:
            'Entra says the client assertion is outside its valid time range (AADSTS700024).',
        },
      ],
      examples: [
        {
          text: 'Original Error: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS700024: Client assertion is not within its valid time range. Current time: 2025-01-14T13:07:27.7294524Z, assertion valid from 2025-01-14T12:23:32.0000000Z, expiry time of assertion 2025-01-14T12:33:32.0000000Z.',
          source: 'corpus holdout4/h4-azcli-28708-1 (Azure/azure-cli#28708)',
        },
      ],
    },
    {
      id: 'subject-mismatch',
      title: "The federated credential's subject does not match this run",
      explanation:
        'GitHub subjects depend on the trigger: `repo:ORG/REPO:ref:refs/heads/main`, `…:environment:NAME`, `…:pull_request`. Each one used needs its own federated credential (or a flexible one).',
      prior: 0.5,
      boosts: [
        {
          when: /environment:|ref:refs|pull_request|assertion subject/,
          by: 0.25,
          evidence:
            "The token's subject is shown in the error; compare it with the federated credentials.",
        },
        {
          when: /AADSTS700024|not within its valid time range|AADSTS700211/,
          by: -0.4,
          evidence: 'Entra names another mismatch than the subject.',
        },
        {
          when: MANAGED_IDENTITY,
          by: -0.45,
          evidence: 'A managed identity failed: no federated credential was asked.',
        },
      ],
    },
    {
      id: 'issuer-audience',
      title: 'Issuer or audience differ (a trailing slash, another audience)',
      explanation:
        'Issuer must be exactly `https://token.actions.githubusercontent.com` (no trailing slash) for GitHub; audience `api://AzureADTokenExchange`.',
      prior: 0.2,
      boosts: [
        {
          when: /Assertion Issuer|issuer/,
          by: 0.15,
          evidence: "The error shows the assertion's issuer and audience.",
        },
        {
          when: /AADSTS700211|presented assertion issuer/,
          by: 0.5,
          evidence:
            'AADSTS700211: no federated credential has this issuer (an AKS cluster’s OIDC issuer changes when the cluster is recreated).',
        },
        {
          when: MANAGED_IDENTITY,
          by: -0.15,
          evidence: 'A managed identity failed: no federated credential was asked.',
        },
      ],
      examples: [
        {
          text: "AADSTS700211: WorkloadIdentityCredential: Microsoft Entra ID error '(invalid_client) AADSTS700211: No matching federated identity record found for presented assertion issuer 'https://oidc.prod-aks.azure.com/879-...-a6425/'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.",
          source: 'corpus holdout4/h4-azwi-1200-1 (Azure/azure-workload-identity#1200)',
        },
      ],
    },
    {
      id: 'no-token',
      title: 'The pipeline cannot mint an OIDC token',
      explanation:
        'GitHub Actions jobs need `permissions: id-token: write` for ACTIONS_ID_TOKEN_REQUEST_URL to exist; an Azure DevOps task gets a token only from a workload identity federation service connection, with System.AccessToken (and SYSTEM_OIDCREQUESTURI) mapped into its env.',
      prior: 0.15,
      boosts: [
        {
          when: /ACTIONS_ID_TOKEN_REQUEST|id-token|githubAssertion: cannot request token|Get "\?audience=/,
          by: 0.6,
          evidence:
            'The job could not request an ID token (GitHub Actions: the workflow lacks `id-token: write`).',
        },
      ],
    },
    {
      id: 'chain-fell-to-mi',
      title:
        'The credential meant for this client was not found (an Azure CLI login, OIDC or a client secret it did not pick up), so it tried managed identity last',
      explanation:
        'azapi, azurerm and the Azure SDKs stop at the first credential that is configured and end with managed identity; lego (the acme provider’s Azure DNS challenge) falls back to it when its config has no client id and secret. Reaching the metadata endpoint means none of the earlier ones was set for this client: azapi 1.x not using the CLI login or OIDC that azurerm uses (upgrade azapi, or set `use_cli` / `use_oidc` on its provider block), or ARM_* / AZURE_* variables missing where it runs.',
      prior: 0,
      boosts: [
        {
          when: FELL_TO_MI,
          by: 1,
          evidence: 'The credential chain ended at the managed identity endpoint.',
        },
      ],
      examples: FELL_TO_MI_PASTES,
    },
    {
      id: 'imds-unreachable',
      title: 'This host or pod cannot reach the metadata endpoint (169.254.169.254)',
      explanation:
        'A timeout or refused connection to 169.254.169.254 is the network, not the identity: a network policy or firewall in the pod’s path, a proxy that does not exempt it (NO_PROXY), a node without IMDS, or AAD Pod Identity’s NMI not running.',
      prior: 0,
      boosts: [
        {
          when: IMDS_UNREACHABLE,
          by: 1,
          evidence: 'The request to the metadata endpoint timed out or was refused.',
        },
      ],
      examples: [IMDS_UNREACHABLE_EXAMPLE],
    },
    {
      id: 'managed-identity',
      title: 'The managed identity is not assigned or not reachable on this host',
      explanation:
        'A user-assigned identity must be attached to the VM, scale set (an AKS node pool) or agent, and its client id given (azurerm: ARM_CLIENT_ID; the SDKs: AZURE_CLIENT_ID). The metadata endpoint answers `Identity not found` for a client id it does not carry; aad-pod-identity’s MIC assigns identities to the node pool’s scale set, and needs the right to.',
      prior: 0.1,
      boosts: [
        {
          when: MANAGED_IDENTITY,
          by: 0.7,
          evidence: 'The failure came from the managed identity endpoint.',
        },
        {
          when: FELL_TO_MI,
          by: -0.5,
          evidence: 'The chain reached managed identity only because nothing else was configured.',
        },
        {
          when: IMDS_UNREACHABLE,
          by: -0.4,
          evidence: 'The endpoint never answered, so no identity was checked.',
        },
      ],
      examples: MANAGED_IDENTITY_PASTES,
    },
    {
      id: 'not-azure-imds',
      title:
        'Something other than Azure’s metadata endpoint answered: a proxy, or another cloud’s metadata service',
      explanation:
        'Off Azure (a laptop, another cloud, a CI runner) DefaultAzureCredential still tries managed identity, and a proxy or the local metadata service answers 169.254.169.254 with a web page. Exclude managed identity there (exclude_managed_identity_credential) or sign in another way, and keep 169.254.169.254 in NO_PROXY on Azure.',
      prior: 0,
      boosts: [
        {
          when: NOT_AZURE_IMDS,
          by: 1,
          evidence: 'The managed identity request got a web page back, not Azure’s JSON.',
        },
      ],
      examples: [NOT_AZURE_IMDS_EXAMPLE],
    },
  ],
  steps: [
    {
      id: 'give-intended-credential',
      title:
        'Give this client the credential you meant it to use: it found none and fell back to managed identity',
      detail:
        'The first command lists the ARM_* and AZURE_* variables set where it runs (names only); the second finds how each provider block authenticates (`use_cli`, `use_oidc`, `use_msi`, `client_id`); the third shows the providers’ versions (azapi before 2.0 reads the Azure CLI login and OIDC differently from azurerm). For the acme provider’s Azure DNS challenge, set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_TENANT_ID in its `dns_challenge` config.',
      commands: [
        'env | grep -E "^(ARM|AZURE)_" | cut -d= -f1',
        `grep -rn -E 'use_cli|use_oidc|use_msi|client_id|AZURE_CLIENT' --include='*.tf' .`,
        'terraform version',
      ],
      when: FELL_TO_MI,
      examples: FELL_TO_MI_PASTES,
    },
    {
      id: 'imds-reachable',
      title: 'Check that this host or pod reaches the metadata endpoint at all',
      detail:
        'Run it where the client runs (`kubectl exec` into the pod). A timeout means the network: a network policy, a proxy without 169.254.169.254 in NO_PROXY, or a node that has no IMDS; an answer means the endpoint is reachable and the identity step below applies.',
      commands: [
        'curl -s -m 5 -o /dev/null -w "%{http_code}\\n" -H Metadata:true "http://169.254.169.254/metadata/instance?api-version=2021-02-01"',
      ],
      when: IMDS_UNREACHABLE,
      examples: [IMDS_UNREACHABLE_EXAMPLE],
    },
    {
      id: 'assertion-request',
      title:
        'Check the job can mint its own OIDC token: the request for it failed before Entra ID was asked',
      detail:
        'GitHub Actions needs `permissions: id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL is then set); an Azure DevOps pipeline needs the provider’s Azure DevOps settings (`ARM_USE_OIDC`, `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID`, SYSTEM_ACCESSTOKEN mapped into the step) and a provider version that supports them. A generic OIDC request URL answered with an error (405, 404) means the wrong URL or method for this CI system.',
      commands: [
        'env | grep -E "^(ACTIONS_ID_TOKEN_REQUEST_URL|SYSTEM_OIDCREQUESTURI|ARM_OIDC_REQUEST_URL|ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID|ARM_USE_OIDC)=" | cut -d= -f1',
      ],
      when: ASSERTION_REQUEST_FAILED,
      examples: [
        {
          text: '╷\n│ Error: Failed to retrieve resource\n│ \n│   with module.virtual_network.azapi_resource.vnet,\n│   on .terraform/modules/virtual_network/main.virtual.network.tf line 1, in resource "azapi_resource" "vnet":\n│    1: resource "azapi_resource" "vnet" {\n│ \n│ reading Resource: (ResourceId\n│ "/subscriptions/b857908d-3f5c-4477-91c1-0fbd08df4e88/resourceGroups/rg-dema-env-dev-uksouth-001/providers/Microsoft.Network/virtualNetworks/vnet-demo-dev-uksouth-001"\n│ / Api Version "2023-11-01"): ChainedTokenCredential: failed to acquire a\n│ token.\n│ Attempted credentials:\n│ \tClientAssertionCredential: getAssertion: received HTTP status 405 with\n│ response: {"count":1,"value":{"Message":"The requested resource does not\n│ support http method \'GET\'."}}\n╵',
          source: 'corpus holdout11/h11-multi-azapi-852-1 (Azure/terraform-provider-azapi#852)',
        },
      ],
    },
    {
      id: 'pod-identity-binding',
      title: 'Check the AzureIdentityBinding selects this pod, and read MIC’s logs',
      detail:
        'The binding’s `selector` must equal the pod’s `aadpodidbinding` label, and the identity must exist with the right client id and resource id; MIC logs the assignment errors.',
      commands: [
        'kubectl get azureidentity,azureidentitybinding -A',
        'kubectl logs -n kube-system -l app.kubernetes.io/component=mic --tail=100',
      ],
      when: POD_IDENTITY_UNBOUND,
      examples: [
        {
          text: '❯ kubectl get pod tf-runner -o yaml\n    message: |+\n      error running Init: rpc error: code = Internal desc = exit status 1\n\n      Error: Failed to get existing workspaces: Error retrieving keys for Storage Account "<storageaccount>": azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/subscriptions/<subscriptionid>/resourceGroups/<resourceGroups>/providers/Microsoft.Storage/storageAccounts/<storageaccount>/listKeys?api-version=2021-01-01: StatusCode=404 -- Original Error: adal: Refresh request failed. Status Code = \'404\'. Response body: getting assigned identities for pod <namespace>/tf-runner in CREATED state failed after 16 attempts, retry duration [5]s, error: <nil>. Check MIC pod logs for identity assignment errors',
          source: 'corpus holdout11/h11-multi-tofuctl-561-1 (flux-iac/tofu-controller#561)',
        },
      ],
    },
    {
      id: 'fresh-token',
      title:
        'Long runs: let azurerm request fresh OIDC tokens from the pipeline instead of one token for the whole run',
      detail:
        'Azure DevOps: set `ARM_USE_OIDC=true`, `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID` (the service connection’s id) and map `SYSTEM_ACCESSTOKEN: $(System.AccessToken)` and `SYSTEM_OIDCREQUESTURI: $(System.OidcRequestUri)` into the task env; on older azurerm versions without it, keep each run shorter than the token lifetime. GitHub Actions: give the job `id-token: write` and do not pass a fixed ARM_OIDC_TOKEN. Check the agent’s clock as well.',
      commands: [
        'env | grep -E "^(ARM_(USE_OIDC|OIDC_TOKEN|OIDC_TOKEN_FILE_PATH|ADO_PIPELINE_SERVICE_CONNECTION_ID|OIDC_REQUEST_URL)|SYSTEM_OIDCREQUESTURI)=" | cut -d= -f1',
        'date -u',
      ],
      when: /AADSTS700024|not within its valid time range/,
      examples: [
        {
          text: 'Original Error: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS700024: Client assertion is not within its valid time range. Current time: 2025-01-14T13:07:27.7294524Z, assertion valid from 2025-01-14T12:23:32.0000000Z, expiry time of assertion 2025-01-14T12:33:32.0000000Z.',
          source: 'corpus holdout4/h4-azcli-28708-1 (Azure/azure-cli#28708)',
        },
      ],
    },
    {
      id: 'permissions',
      title: 'GitHub Actions: give the job an ID token (`permissions: id-token: write`)',
      detail:
        'Add `permissions: { id-token: write, contents: read }` to the workflow or the job; without it ACTIONS_ID_TOKEN_REQUEST_URL is empty and no OIDC token can be requested.',
      commands: [`grep -n -B2 -A4 'id-token' .github/workflows/*.yml`],
      ci: 'github-actions',
      when: /ACTIONS_ID_TOKEN_REQUEST|id-token|githubAssertion: cannot request token|Get "\?audience=/,
      examples: [
        {
          text: "Error: Please make sure to give write permissions to id-token in the workflow.\nError: Login failed with Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.",
          source:
            'corpus dev/pg-dfe-azlogin-idtoken-65 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
      ],
    },
    {
      id: 'who-answered-imds',
      title:
        'See who answers the metadata address here: a proxy in the environment, or not Azure’s endpoint',
      detail:
        'Azure’s endpoint answers the second command with JSON about this VM; a web page or a timeout means this is not an Azure host (exclude managed identity from DefaultAzureCredential) or a proxy intercepts it (add 169.254.169.254 to NO_PROXY).',
      commands: [
        'env | grep -iE "^(https?|no)_proxy=" | cut -d= -f1',
        'curl -s -m 2 -H Metadata:true "http://169.254.169.254/metadata/instance/compute?api-version=2021-02-01" | head -c 300',
      ],
      when: NOT_AZURE_IMDS,
      examples: [NOT_AZURE_IMDS_EXAMPLE],
    },
    {
      id: 'msi-first',
      title: 'Managed identity: check it is attached to this machine and can get a token',
      detail:
        'The token comes from the instance metadata endpoint of an Azure VM, scale set, container or App Service; a user-assigned identity also needs its client id (azurerm: ARM_CLIENT_ID; the Azure SDKs’ DefaultAzureCredential: AZURE_CLIENT_ID or ManagedIdentityClientId). `az login --identity` without `--username` tests the system-assigned identity only.',
      commands: [
        'az login --identity⟦ --username ⟨client⟩⟧',
        'az account show',
        'az identity list --query "[].{name:name, clientId:clientId, group:resourceGroup}" -o table',
      ],
      when: MANAGED_IDENTITY,
      examples: [
        {
          text: 'building account: could not acquire access token to parse claims: ManagedIdentityAuthorizer: failed to request token from metadata endpoint:',
          source: 'corpus holdout3/h3-azurerm23475-1 (hashicorp/terraform-provider-azurerm#23475)',
        },
      ],
    },
    {
      id: 'federated',
      title:
        "List the app's federated credentials and compare subject, issuer and audience with the error",
      commands: [
        'az ad app federated-credential list --id ⟨client⟩ --query "[].{subject:subject, issuer:issuer, audiences:audiences}" -o table',
      ],
      unless: MANAGED_IDENTITY,
      notFor: MANAGED_IDENTITY_PASTES,
    },
    {
      id: 'aks-issuer',
      title:
        'AKS workload identity: compare the cluster’s OIDC issuer with the federated credential’s',
      detail:
        'The issuer changes when the cluster is recreated; the subject is `system:serviceaccount:<namespace>:<service-account>` of the pod, and the service account needs the `azure.workload.identity/client-id` annotation.',
      commands: [
        'az aks show --resource-group <resource-group> --name ⟨cluster⟩ --query oidcIssuerProfile.issuerUrl -o tsv',
      ],
      when: 'azure.aks_issuer',
    },
    {
      id: 'add-credential',
      title: 'Add a federated credential for the subject in the error',
      commands: [
        `az ad app federated-credential create --id ⟨client⟩ --parameters '{"name":"<name>","issuer":"⟨issuer⟩","subject":"⟨subject⟩","audiences":["api://AzureADTokenExchange"]}'`,
      ],
      unless: MANAGED_IDENTITY,
      notFor: MANAGED_IDENTITY_PASTES,
    },
    {
      id: 'ado-service-connection',
      title:
        'Azure DevOps: check the service connection uses workload identity federation and the task passes its token on',
      detail:
        'The federated credential of an Azure DevOps service connection has the issuer `https://vstoken.dev.azure.com/<organization-id>` and usually the subject `sc://<organization>/<project>/<service-connection>` (the service connection’s page shows both). Terraform tasks need `ARM_USE_OIDC=true`, `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID` and `SYSTEM_ACCESSTOKEN: $(System.AccessToken)` in their env; AzureCLI@2 passes the token to its script only with `addSpnToEnvironment: true`.',
      commands: [
        `grep -rn -E 'AzureCLI@|TerraformTask|addSpnToEnvironment|ARM_USE_OIDC|ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID|SYSTEM_ACCESSTOKEN' --include='*.yml' .`,
      ],
      ci: 'azure-devops',
      when: 'ci.azure_devops',
    },
    {
      id: 'msi',
      title: 'Managed identity: check it is attached and can get a token',
      commands: ['az login --identity⟦ --username ⟨client⟩⟧', 'az account show'],
      sources: ['managed_identity', 'unknown'],
    },
  ],
  docs: [AZURE_DOCS.oidc, AZURE_DOCS.federated, AZURE_DOCS.msi],
};
