import type { Example, CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

/** adal could not build a token request from the credentials it was given. */
const SPT_NOT_BUILT = /failed to get SPT from client credentials/;

/** The token request carried no client id at all. */
const NO_CLIENT_ID =
  /AADSTS900144: The request body must contain the following parameter: 'client_id'/;
const NO_CLIENT_ID_PASTE =
  'original message: , AdalError: Get Token request returned http error: 400 and server response: {"error":"invalid_request","error_description":"AADSTS900144: The request body must contain the following parameter: \'client_id\'.';
const NO_CLIENT_ID_EXAMPLE: Example = {
  text: NO_CLIENT_ID_PASTE,
  source: 'corpus holdout12/h12-multi-az-secret-12 (Azure/azure_preview_modules#368), shortened',
};
/** A confidential client signing in at another Azure cloud's login endpoint. */
const CROSS_CLOUD = /AADSTS900382|Confidential Client is not supported in Cross Cloud request/;
const CROSS_CLOUD_PASTE =
  '--> azure-arm: adal: Refresh request failed. Status Code = \'400\'. Response body: {"error":"invalid_request","error_description":"AADSTS900382: Confidential Client is not supported in Cross Cloud request.\\r\\nTrace ID: e2726536-ed07-4181-8936-ae7b6fce4e01"} Endpoint https://login.microsoftonline.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxx/oauth2/token?api-version=1.0';
const CROSS_CLOUD_EXAMPLE: Example = {
  text: CROSS_CLOUD_PASTE,
  source: 'corpus holdout12/h12-multi-az-secret-11 (Azure/az-hop#526), shortened',
};
/** A certificate credential whose key the app does not have. */
const CERT_NOT_REGISTERED = /AADSTS700027|Client assertion contains an invalid signature/;
const CERT_NOT_REGISTERED_PASTE =
  "**Error: AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '1C74D736BEA6C95459FD38D02D0A2514A52FC9E9', Please visit 'https://developer.microsoft.com/en-us/graph/graph-explorer' and query for 'https://graph.microsoft.com/beta/applications/31359c7f-bd7e-475c-86db-fdb8c937548e' to see configured keys]";
const CERT_NOT_REGISTERED_EXAMPLE: Example = {
  text: CERT_NOT_REGISTERED_PASTE,
  source: 'corpus holdout12/h12-multi-az-secret-15 (pnp/cli-microsoft365#1621)',
};
/** Entra has no service principal for the client id in the directory the sign-in went to. */
const APP_NOT_IN_TENANT = /AADSTS700016|Application with identifier '[^']{0,80}' was not found/;
const APP_NOT_IN_TENANT_EXAMPLE: Example = {
  text: ", UnauthorizedClientError: (unauthorized_client) AADSTS70001: Application with identifier 'b8fbb318-eb67-470e-85b1-dd1431310801' was not found in the directory b36425bb-6f0f-4e14-a1c9-a469f0896e4a\nTrace ID: a5f08144-2600-4956-8558-749a3a602800",
  source: 'corpus holdout12/h12-multi-az-secret-13 (erjosito/ansible-azure-lab#4), shortened',
};
/**
 * The tenant the sign-in named is no tenant: an unset one (the empty GUID), a word a tool took
 * from a URL path ('secrets' from a Key Vault emulator, 'authorize' from an authority URL), a
 * mistyped domain (AADSTS900023).
 */
const TENANT_NOT_FOUND =
  /AADSTS90002\b|Tenant '[^']{1,80}' not found|Tenant identifiers may not be an empty GUID|AADSTS900023\b/;
const TENANT_NOT_FOUND_KV: Example = {
  text: 'ValueError: OIDC Discovery endpoint rejects our request. Error: {"error":"invalid_tenant","error_description":"AADSTS90002: Tenant \'secrets\' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."}',
  source:
    'corpus holdout15/h15-multi-kvemu-tenant-1 (james-gould/azure-keyvault-emulator#324), shortened',
};
const TENANT_NOT_FOUND_PASTES: Example[] = [
  TENANT_NOT_FOUND_KV,
  {
    text: "AADSTS90002: Requested tenant identifier '00000000-0000-0000-0000-000000000000' is not valid. Tenant identifiers may not be an empty GUID.",
    source:
      'corpus holdout15/h15-multi-billingapi-emptytenant-1 (Azure-Samples/billing-dotnet-usage-api#7), shortened',
  },
];
/**
 * Azure Storage's own refusal of a Shared Key or SAS signature (its REST error code
 * AuthenticationFailed, "Server failed to authenticate the request…"): an account key or SAS
 * token, not Entra ID, was wrong. A `Signature did not match` detail says the same.
 */
const STORAGE_KEY =
  /Server failed to authenticate the request\. Make sure the value of Authorization header is formed correctly/;
const STORAGE_KEY_EXAMPLE: Example = {
  text: 'Error: Failed to get existing workspaces: storage: service returned error: StatusCode=403, ErrorCode=AuthenticationFailed, ErrorMessage=Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  source:
    'corpus holdout17/h17-tfw-azblob-authfailed-1 (Azure-Samples/saga-orchestration-serverless#4)',
};
/** Codes that name another cause than the secret's value. */
const NOT_THE_SECRET = new RegExp(
  `${NO_CLIENT_ID.source}|${CROSS_CLOUD.source}|${CERT_NOT_REGISTERED.source}|${APP_NOT_IN_TENANT.source}|${TENANT_NOT_FOUND.source}|${STORAGE_KEY.source}`,
);

/** Guesses (no family matched) this entry's steps were written for: a 401 of Graph, a refresh 400. */
const AZURE_GUESS_EXAMPLES: Example[] = [
  {
    text: 'azurerm_azuread_application.azuread_application: graphrbac.ApplicationsClient#Create: Failure responding to request: StatusCode=401 -- Original Error: autorest/azure: Service returned an error. Status=401 Code="Unknown" Message="Unknown service error" Details=[{"odata.error":{"code":"Authentication_MissingOrMalformed","date":"2018-07-12T14:52:03","message":{"lang":"en","value":"Access Token missing or malformed."},"requestId":"7e268721-aa67-42da-97ef-43fb81a2b68e","values":null}}]',
    source:
      'corpus holdout16/h16-tfw-azurerm-azuread-app-token-malformed-1 (hashicorp/terraform-provider-azurerm#1553)',
  },
];

export const clientSecret: CatalogEntry = {
  id: 'azure.client_secret',
  platform: 'azure',
  title: "Entra ID rejected the service principal's secret or ids",
  summary:
    "Terraform signed in to Entra ID as a service principal (a client id, a tenant id and a secret or certificate: ARM_* for azurerm, AZURE_* for the Azure SDKs, a template's client_id/client_secret for Packer) and Entra ID refused one of them — a wrong or expired secret, the secret's id used instead of its value, an unregistered certificate, or an app or tenant that does not exist.",
  variants: [
    {
      when: 'answer.guess',
      title: 'Azure refused the provider’s token; the paste does not say which credential made it',
      summary:
        'No known Entra or Azure message matched: the refusal is plain, and the credential behind it could be a client secret, a certificate, OIDC, a managed identity or the Azure CLI. Find which one the provider uses before changing any.',
      example: AZURE_GUESS_EXAMPLES[0] as Example,
    },
    {
      when: STORAGE_KEY,
      title:
        'Azure Storage rejected the request’s signature: the account key or SAS token is wrong',
      summary:
        'The storage account checked a Shared Key or SAS signature and it did not match: the access key (ARM_ACCESS_KEY, the backend’s or resource’s `access_key`, a connection string) is wrong or was rotated, or a SAS token is wrong or expired. Entra ID was not involved.',
      example: STORAGE_KEY_EXAMPLE,
    },
    {
      when: TENANT_NOT_FOUND,
      title: 'Entra ID has no such tenant: the tenant value the sign-in used is wrong',
      summary:
        'The sign-in named a tenant Entra does not have: an unset one (the empty GUID), a word taken from a URL path, or a mistyped domain. No secret was checked yet.',
      example: TENANT_NOT_FOUND_KV,
    },
  ],
  codes: ['AADSTS7000215', 'AADSTS7000222', 'AADSTS700016', 'AADSTS90002', 'invalid_client'],
  signatures: [
    {
      id: 'storage-shared-key',
      pattern: STORAGE_KEY,
      // A provider download's signed URL answered so (the registry's storage, not the user's).
      unless: /could not query provider registry|retrieve cryptographic signature for provider/,
      tier: 'strong',
      examples: [STORAGE_KEY_EXAMPLE],
      counterexamples: [
        {
          text: "Partner and community providers are signed by their developers.\nIf you'd like to know more about provider signing, you can read about it here:\nhttps://www.terraform.io/docs/cli/plugins/signing.html\n\u2577\n\u2502 Error: Failed to install provider\n\u2502 \n\u2502 Error while installing pagerduty/pagerduty v1.11.0: could not query\n\u2502 provider registry for registry.terraform.io/pagerduty/pagerduty: failed to\n\u2502 retrieve cryptographic signature for provider: 403 Server failed to\n\u2502 authenticate the request. Make sure the value of Authorization header is\n\u2502 formed correctly including the signature.",
          source: 'corpus holdout11/h11-multi-terraform-30722-1 (hashicorp/terraform#30722)',
        },
      ],
    },
    {
      id: 'bad-secret',
      // AADSTS7000216: no secret (nor assertion) was sent at all for the client_credentials grant.
      pattern: /AADSTS7000215|AADSTS7000216|Invalid client secret provided/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: building account: could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'00000000-0000-0000-0000-000000000000\'.","error_codes":[7000215]}',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/client_credentials.go + AADSTS7000215',
        },
        {
          text: 'received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'bbadfd0d-2c2f-48a2-be59-473794852fef\'.\\r\\nTrace ID: 2bd3c1ad-f57f-46d9-9a0c-69540b609a00\\r\\nCorrelation',
          source:
            'corpus dev/gh-azurerm-16026-1 (github:hashicorp/terraform-provider-azurerm#16026)',
        },
        {
          text: "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type\nerror_codes: 7000216",
          source: 'corpus holdout15/h15-multi-graph-7000216-1 (MicrosoftDocs/azure-docs#30777)',
        },
      ],
    },
    {
      // Terraform ≤ 0.8's built-in azurerm provider, when Resource Manager refused its service
      // principal (ARM_CLIENT_ID / ARM_CLIENT_SECRET / ARM_TENANT_ID).
      id: 'legacy-azurerm',
      pattern:
        /Credentials for accessing the Azure Resource Manager API are likely to be incorrect/,
      tier: 'strong',
      examples: [
        {
          text: 'Error refreshing state: 1 error(s) occurred:\n\n* Credentials for accessing the Azure Resource Manager API are likely to be incorrect, or\n  the service principal does not have permission to use the Azure Service Management\n  API.',
          source: 'corpus holdout15/h15-tfw-azurerm-2016-creds-1 (hashicorp/terraform#8444)',
        },
      ],
    },
    {
      id: 'expired-secret',
      pattern: /AADSTS7000222|client secret keys? (?:for app .{1,80}? )?(?:are|is) expired/,
      tier: 'decisive',
      examples: [
        {
          text: "ERROR: AADSTS7000222: The provided client secret keys for app '*' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds. Trace ID: 209c87cc-3017-476c-8ce7-c8d455a71900",
          source: 'corpus holdout/ho-prismaeco-3437-1 (github:prisma/ecosystem-tests#3437)',
        },
        {
          text: 'error: reply status code was 401: {"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app \'*\' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds. Trace ID: 9c3ce806-94a0-4cc8-9fde-0482d8779500',
          source: 'corpus holdout/ho-crc-4377-1 (github:crc-org/crc#4377)',
        },
      ],
    },
    {
      // The token request carried no client id: the app id setting (ARM_CLIENT_ID, client_id,
      // a lookup plugin's parameter) was empty, so no sign-in as the app was attempted.
      id: 'no-client-id',
      pattern: /AADSTS900144: The request body must contain the following parameter: 'client_id'/,
      tier: 'exact',
      beats: ['azure.cli_login'],
      examples: [
        {
          text: 'msg": "An unhandled exception occurred while running the lookup plugin \'azure_keyvault_secret\'. Error was a <class \'msrest.exceptions.AuthenticationError\'>, original message: , AdalError: Get Token request returned http error: 400 and server response: {\\"error\\":\\"invalid_request\\",\\"error_description\\":\\"AADSTS900144: The request body must contain the following parameter: \'client_id\'.',
          source: 'corpus holdout12/h12-multi-az-secret-12 (Azure/azure_preview_modules#368)',
        },
      ],
    },
    {
      id: 'app-not-found',
      pattern: APP_NOT_IN_TENANT,
      tier: 'exact',
      examples: [
        {
          text: "AADSTS700016: Application with identifier 'xxx' was not found",
          source:
            'corpus dev/pg-entra-700016-97 (github-file: Entra app setup troubleshooting section (index file id 71361472966; repository not named by the search index))',
        },
        {
          text: 'HTTP status 400 with response: {"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier \'*\' was not found in the directory \'mydirectory\'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication',
          source:
            'corpus holdout/ho-azurerm-20623-1 (github:hashicorp/terraform-provider-azurerm#20623)',
        },
      ],
    },
    {
      // azidentity checks the tenant id's characters before any request (a stray newline from a
      // base64-decoded Secret is the usual culprit) and says so in these words.
      id: 'tenant-id-invalid',
      pattern: /invalid tenantID\. You can locate your tenantID/,
      tier: 'decisive',
      examples: [
        {
          text: "default     azure-public   https://shasama.blob.core.windows.net   7d20h   False   failed to create token credential from 'azure-sp-auth' Secret: invalid tenantID. You can locate your tenantID by following the instructions listed here: https://docs.microsoft.com/partner-center/find-ids-and-domain-names",
          source:
            'upstream Azure/azure-sdk-for-go:sdk/azidentity/azidentity.go (errInvalidTenantID); corpus holdout7/h7-flux2-2791-1 (fluxcd/flux2#2791)',
        },
      ],
    },
    {
      id: 'tenant-not-found',
      pattern: /AADSTS90002|Tenant '[^']{1,80}' not found/,
      tier: 'exact',
      examples: [
        {
          text: 'endpoint rejects our request. Error: {"error":"invalid_tenant","error_description":"AADSTS90002: Tenant \'5780a8af-4c6b-44a6-bd5e-axxxxxb1\' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the',
          source: 'corpus holdout3/h3-azcli22844-1 (Azure/azure-cli#22844)',
        },
      ],
    },
    {
      id: 'invalid-client',
      pattern: /"error": ?"invalid_client"|adal: Refresh request failed/,
      tier: 'likely',
      examples: [
        {
          text: 'https://management.azure.com/subscriptions/<MySub>/providers?api-version=2017-05-10: StatusCode=401 -- Original Error: adal: Refresh request failed. Status Code = \'401\'. Response body: {"error":"invalid_client","error_description":"AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret is provided.\\r\\nTrace ID: b027f77f-ff87-44e6-970b-6e9aa3390100\\r\\nCorrelation',
          source:
            'corpus holdout/ho-azurerm-2575-1 (github:hashicorp/terraform-provider-azurerm#2575)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: adal: Refresh request failed. Status Code = \'400\'. Response body: {"error":"invalid_request","error_description":"Identity not found"} Endpoint http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F',
          source:
            'upstream Azure/go-autorest@autorest/adal/v0.9.24:autorest/adal/token.go (refresh against the managed identity endpoint)',
        },
      ],
    },
    {
      id: 'app-disabled',
      // Entra AADSTS7000112: "Application '<id>'(<name>) is disabled." — the service principal is switched off.
      pattern: /AADSTS7000112\b/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: adal: Refresh request failed. Status Code = \'401\'. Response body: {"error":"unauthorized_client","error_description":"AADSTS7000112: Application \'00000000-0000-0000-0000-000000000000\'(terraform-ci) is disabled."} Endpoint https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/token',
          source:
            'upstream Azure/go-autorest@autorest/adal/v0.9.24:autorest/adal/token.go with the AADSTS7000112 wording of issue MicrosoftDocs/azure-docs#40977',
        },
      ],
    },
    {
      id: 'client-certificate',
      // go-azure-sdk sdk/auth/client_certificate_authorizer.go (the PFX) and Entra's AADSTS700027 (signature).
      pattern:
        /could not configure ClientCertificate Authorizer|could not (?:read|decode) PKCS#12 archive|AADSTS700027/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: building account: could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found.]"}',
          source:
            'upstream Azure/azure-sdk-for-go@032c6a5d8fdd:sdk/azidentity/TROUBLESHOOTING.md (AADSTS700027) inside hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/client_credentials.go',
        },
        {
          text: 'Error: unable to build authorizer for Resource Manager API: could not configure ClientCertificate Authorizer: could not decode PKCS#12 archive: pkcs12: decryption password incorrect',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/client_certificate_authorizer.go',
        },
      ],
    },
    {
      id: 'no-authorizer',
      // go-azure-sdk sdk/auth/auth.go: no method enabled had its inputs (typically a CI job whose
      // ARM_CLIENT_SECRET or OIDC settings are missing while the CLI is turned off).
      pattern: /no Authorizer could be configured/,
      tier: 'generic',
      examples: [
        {
          text: 'Error: unable to build authorizer for Resource Manager API: no Authorizer could be configured, please check your configuration',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/auth.go',
        },
      ],
    },
    {
      // go-autorest's adal could not even build the service principal token from the client
      // credentials it was given (a field missing or misnamed in the credentials JSON or secret).
      id: 'spt-from-credentials',
      pattern: SPT_NOT_BUILT,
      tier: 'strong',
      examples: [
        {
          text: "    Message:               connect failed: cannot get authorizer from client credentials config: failed to get SPT from client credentials: parameter 'activeDirectoryEndpoint' cannot be empty\n    Reason:                ReconcileError",
          source:
            'corpus holdout11/h11-multi-xpazure-351-1 (crossplane-contrib/provider-azure#351)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'storage-key-rotated',
      title:
        'The storage account key (or SAS token) in use is wrong or was rotated: Azure Storage checks it, not Entra ID',
      explanation:
        'A Shared Key request is signed with one of the account’s two keys; after a key is regenerated every copy of the old one (ARM_ACCESS_KEY, a backend `access_key`, a connection string in CI secrets) fails this way. A SAS token fails the same when it is mistyped, expired or signed with a rotated key. Using Entra ID instead (`use_azuread_auth = true` and a data role) avoids keys altogether.',
      prior: 0,
      boosts: [
        {
          when: STORAGE_KEY,
          by: 1,
          evidence: 'Azure Storage could not verify the request’s Authorization signature.',
        },
      ],
      examples: [STORAGE_KEY_EXAMPLE],
    },
    {
      id: 'not-a-secret',
      title:
        'The provider may not use a client secret at all: a managed identity, OIDC or the Azure CLI’s token was refused the same way',
      explanation:
        'A plain 400 or 401 from Entra or an Azure API says a token was not accepted, not which credential produced it. azurerm takes a client secret or certificate, an OIDC token, a managed identity (`use_msi`) or the Azure CLI’s login, in that order of its settings; the refused one is whichever is configured.',
      prior: 0,
      boosts: [
        {
          when: 'answer.guess',
          by: 0.6,
          evidence: 'No Entra code or known message names the credential that failed.',
        },
      ],
      examples: AZURE_GUESS_EXAMPLES,
    },
    {
      id: 'tenant-value',
      title: 'The tenant value is not a tenant: unset, taken from a URL path, or a mistyped domain',
      explanation:
        'A tenant is a GUID or a verified domain (contoso.onmicrosoft.com). The empty GUID is a setting never filled in; a word such as `secrets` or `authorize` is a URL path a tool read as the tenant (an emulator’s challenge, an authority URL with `/oauth2/authorize` left on it).',
      prior: 0,
      boosts: [
        {
          when: TENANT_NOT_FOUND,
          by: 1,
          evidence: 'Entra says the tenant the sign-in named does not exist.',
        },
      ],
      examples: TENANT_NOT_FOUND_PASTES,
    },
    {
      id: 'no-client-id',
      title: 'No client (app) id reached Entra: the setting that should hold it is empty',
      explanation:
        'The sign-in request had no client_id, so Entra never looked at a secret. The variable or parameter the tool reads (ARM_CLIENT_ID, AZURE_CLIENT_ID, `client_id`, a lookup plugin’s argument) is unset or empty where it ran.',
      prior: 0,
      boosts: [
        { when: NO_CLIENT_ID, by: 1, evidence: 'Entra says the request carried no client_id.' },
      ],
      examples: [NO_CLIENT_ID_EXAMPLE],
    },
    {
      id: 'wrong-cloud',
      title: 'The app belongs to another Azure cloud than the login endpoint used',
      explanation:
        'An app registered in Azure US Government, China or another sovereign cloud cannot sign in at the public cloud’s login.microsoftonline.com (or the reverse). Tell the tool its cloud: azurerm’s `environment` (ARM_ENVIRONMENT), Packer’s `cloud_environment_name`, `az cloud set`.',
      prior: 0,
      boosts: [{ when: CROSS_CLOUD, by: 1, evidence: 'Entra says this is a cross-cloud request.' }],
      examples: [CROSS_CLOUD_EXAMPLE],
    },
    {
      id: 'certificate-not-registered',
      title: 'The certificate the client signs with is not one registered on the app',
      explanation:
        'Certificate sign-in: Entra did not find the key with the thumbprint the client used among the app’s certificates. Upload that certificate’s public part to the app registration, or point the client at a certificate the app has.',
      prior: 0,
      boosts: [
        {
          when: CERT_NOT_REGISTERED,
          by: 1,
          evidence: 'Entra says the client assertion’s key was not found.',
        },
      ],
      examples: [CERT_NOT_REGISTERED_EXAMPLE],
    },
    {
      id: 'credentials-json-fields',
      title: 'The service principal credentials JSON is missing fields the client needs',
      explanation:
        'The client could not even build a token request from the credentials it was given: a field such as `activeDirectoryEndpoint`, `clientId` or `tenantId` is empty or misnamed. Crossplane’s classic Azure provider expects the JSON `az ad sp create-for-rbac --sdk-auth` prints (with the endpoint fields), not just the id and secret.',
      prior: 0,
      boosts: [
        {
          when: SPT_NOT_BUILT,
          by: 1,
          evidence: 'The client could not build a token from the credentials: a field is empty.',
        },
      ],
      examples: [
        {
          text: "Status:\n  Conditions:\n    Last Transition Time:  2022-09-14T21:35:05Z\n    Message:               connect failed: cannot get authorizer from client credentials config: failed to get SPT from client credentials: parameter 'activeDirectoryEndpoint' cannot be empty\n    Reason:                ReconcileError\n    Status:                False\n    Type:                  Synced",
          source:
            'corpus holdout11/h11-multi-xpazure-351-1 (crossplane-contrib/provider-azure#351)',
        },
      ],
    },
    {
      id: 'secret-id-not-value',
      title: "The secret's id was used instead of its value, or the value was mistyped",
      explanation:
        'The portal shows a "Secret ID" (a GUID) and the secret "Value" (shown once). ARM_CLIENT_SECRET must be the value.',
      prior: 0.4,
      boosts: [
        {
          when: /AADSTS7000215/,
          by: 0.3,
          evidence: 'Entra says the client secret is invalid (AADSTS7000215).',
        },
        {
          when: NOT_THE_SECRET,
          by: -0.35,
          evidence: 'Entra names another reason than the secret.',
        },
      ],
    },
    {
      id: 'expired',
      title: 'The secret expired',
      explanation:
        'Client secrets have an end date (at most 2 years); pipelines break the day it passes.',
      prior: 0.25,
      boosts: [
        { when: /AADSTS7000222|expired/, by: 0.5, evidence: 'Entra says the secret has expired.' },
        { when: NOT_THE_SECRET, by: -0.2, evidence: 'Entra names another reason than the secret.' },
      ],
    },
    {
      id: 'wrong-ids',
      title: 'The client id or tenant id points to another app or directory',
      explanation:
        'ARM_CLIENT_ID and ARM_TENANT_ID must be the app registration and tenant that own the secret.',
      prior: 0.2,
      boosts: [
        {
          // Not any "not found" (AADSTS700027's "The key was not found" is a certificate's key).
          when: /AADSTS700016|AADSTS90002|was not found in the directory|Tenant '[^']{1,80}' not found/,
          by: 0.5,
          evidence: 'Entra cannot find the app or tenant⟦ (⟨client⟩)⟧.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'storage-key-in-use',
      title:
        'Find which storage key or SAS the failing call uses, and compare it with the account’s current keys',
      detail:
        'The commands list the ARM_* variables that carry a key or SAS (names only), the key settings in the configuration, and when each of the account’s keys was created (names and dates, never the values): a key newer than the one in your secret store means it was rotated.',
      commands: [
        'env | grep -E "^ARM_(ACCESS_KEY|SAS_TOKEN)" | cut -d= -f1',
        `grep -rn -E 'access_key|sas_token|use_azuread_auth|storage_account_name' --include='*.tf' .`,
        'az storage account keys list --account-name ⟨storage_account⟩ --query "[].{name:keyName, created:creationTime}" -o table',
      ],
      when: STORAGE_KEY,
      examples: [STORAGE_KEY_EXAMPLE],
    },
    {
      // A guess: the paste shows Azure refusing a token, not which credential made it. Changing a
      // secret nobody uses helps no one; finding what the provider authenticates with comes first.
      id: 'which-azure-credential',
      title:
        'First find which credential the provider uses: a client secret or certificate, OIDC, a managed identity, or the Azure CLI',
      detail:
        'The commands list the ARM_* variables set (names only) and the authentication settings in the provider blocks (`use_msi`, `use_oidc`, `use_cli`, `client_secret`, `client_certificate_path`). With none, azurerm uses the Azure CLI’s login: then `az account show` says whose token it is. Only a client secret’s failure is fixed by a new secret.',
      commands: [
        'env | grep -E "^ARM_" | cut -d= -f1',
        `grep -rn -E 'use_msi|use_oidc|use_cli|client_secret|client_certificate' --include='*.tf' .`,
        'az account show --query "{user: user.name, type: user.type, tenant: tenantId}" -o json',
      ],
      when: 'answer.guess',
      examples: AZURE_GUESS_EXAMPLES,
    },
    {
      id: 'tenant-value',
      title: 'See which tenant value the sign-in used, and set the real tenant id or domain',
      detail:
        'Tenant ids are not secret. The commands print the ones in the environment and the one the Azure CLI is signed in to; a tool with its own authority or tenant setting (an app’s config, an emulator’s challenge URL) needs it fixed there.',
      commands: [
        'printenv ARM_TENANT_ID AZURE_TENANT_ID',
        'az account show --query tenantId -o tsv',
      ],
      when: TENANT_NOT_FOUND,
      examples: TENANT_NOT_FOUND_PASTES,
    },
    {
      id: 'expired-secret',
      title: 'The secret expired: see the app’s secrets and their end dates, then add a new one',
      detail:
        'The second command adds a secret (keeping the others) and prints its value once: store it where the pipeline or login reads it, not in a file or the shell history.',
      commands: [
        'az ad app credential list --id ⟨client⟩ --query "[].{hint:hint, end:endDateTime}" -o table',
        'az ad app credential reset --id ⟨client⟩ --append --display-name terraform --years 1 --query password -o tsv',
      ],
      when: /AADSTS7000222/,
      examples: [
        {
          text: "ERROR: AADSTS7000222: The provided client secret keys for app 'http://kernelci-bot-sp' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.\\r\\nTrace ID: XXXX\\r\\nCorrelation ID: XXX\\r\\nTimestamp: 2022-07-14 04:27:33Z\\nTo re-authenticate, please run:\\naz login",
          source: 'corpus holdout12/h12-multi-az-secret-14 (kernelci/kernelci-project#122)',
        },
      ],
    },
    {
      id: 'client-id-empty',
      title: 'Set the client (app) id where the tool reads it: it sent none',
      detail:
        'Look for the app id variable being empty or missing in the environment the tool ran in (a pipeline secret that did not resolve, a lookup plugin called without `client_id`).',
      commands: ['env | grep -E "^(ARM|AZURE)_" | cut -d= -f1'],
      when: NO_CLIENT_ID,
      examples: [NO_CLIENT_ID_EXAMPLE],
    },
    {
      id: 'cloud',
      title:
        'Sign in at the app’s own cloud (US Government, China): set the tool’s cloud environment',
      detail:
        'azurerm: `environment = "usgovernment"` (or ARM_ENVIRONMENT); Packer’s azure-arm builder: `cloud_environment_name = "USGovernment"`; the Azure CLI: `az cloud set --name AzureUSGovernment`. The first command shows the CLI’s cloud, the second which cloud settings are in the environment.',
      commands: [
        'az cloud show --query name -o tsv',
        'env | grep -E "^(ARM_ENVIRONMENT|AZURE_ENVIRONMENT|AZURE_AUTHORITY_HOST)=" | cut -d= -f1',
      ],
      when: CROSS_CLOUD,
      examples: [CROSS_CLOUD_EXAMPLE],
    },
    {
      id: 'certificates',
      title: 'Compare the certificate the client used with the ones registered on the app',
      detail:
        'The error names the thumbprint of the key the client signed with; the app’s certificates are listed with theirs (customKeyIdentifier). Upload the client’s certificate (its public .cer/.pem) to the app, or configure the client with one the app has.',
      commands: ['az ad app credential list --id ⟨client⟩ --cert -o table'],
      when: CERT_NOT_REGISTERED,
      examples: [CERT_NOT_REGISTERED_EXAMPLE],
    },
    {
      // azure/login reads the secret from its `creds` input, not from ARM_* variables.
      id: 'azure-login-creds',
      title: 'Fix the secret azure/login reads: clientSecret in its `creds` JSON must be the value',
      detail:
        'With `creds: ${{ secrets.AZURE_CREDENTIALS }}` the action signs in with the clientId, clientSecret and tenantId of that JSON secret. clientSecret must be the secret’s Value, shown once when it was created, not its Secret ID; create a new one if the value is lost and update the repository or environment secret. Signing in with OIDC instead (the client-id, tenant-id and subscription-id inputs plus a federated credential) needs no secret.',
      commands: [
        'gh secret list',
        'az ad app credential list --id ⟨client⟩ --query "[].{hint:hint, end:endDateTime}" -o table',
      ],
      when: 'tool.azure_login',
      examples: [
        {
          text: "Run azure/login@v1\nAttempting Azure CLI login by using service principal with secret...\nError: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '***'.\nError: Login failed with Error: The process '/usr/bin/az' failed with exit code 1.",
          source: 'issue Azure/login#503',
        },
      ],
    },
    {
      // Entra's AADSTS700016 text: "…was not found in the directory '<tenant>'. This can happen
      // if the application has not been installed by the administrator of the tenant or
      // consented to by any user in the tenant. You may have sent your authentication request
      // to the wrong tenant." appOwnerOrganizationId is the servicePrincipal's home tenant (Graph).
      id: 'app-not-in-tenant',
      title:
        'The app is not in the tenant the sign-in went to: compare that tenant with the app’s own',
      detail:
        'Entra looked the client id up in the directory the error names and found no service principal there: the tenant id the tool sends (ARM_TENANT_ID, AZURE_TENANT_ID, a `tenant` setting) is another directory, or the app belongs to another tenant and was never consented in this one. Signed in to the tenant the error names (`az login --tenant ⟨tenant⟩`), the second command shows the app’s service principal and the tenant it is registered in; "not found" means the app has none in that tenant.',
      commands: [
        'az account show --query tenantId -o tsv',
        'az ad sp show --id ⟨client⟩ --query "{name:displayName, registeredIn:appOwnerOrganizationId}"',
      ],
      when: APP_NOT_IN_TENANT,
      examples: [
        APP_NOT_IN_TENANT_EXAMPLE,
        {
          text: 'HTTP status 400 with response: {"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier \'*\' was not found in the directory \'mydirectory\'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.',
          source:
            'corpus holdout/ho-azurerm-20623-1 (github:hashicorp/terraform-provider-azurerm#20623), shortened',
        },
      ],
    },
    {
      // hashicorp/packer-plugin-azure@999eec9e:builder/azure/common/client/config.go: the
      // service principal is the template's client_id / client_secret (or client_cert_path) /
      // tenant_id; of the environment only ARM_METADATA_URL is read.
      id: 'packer-template',
      title:
        'Packer signs in with the template’s client_id, client_secret and tenant_id: check those, not ARM_*',
      detail:
        'The azure-arm builder reads no ARM_* variables: the service principal is the one the template (or the variables it is given: `-var`, `*.pkrvars.hcl`, PKR_VAR_*) names. The command lists where the template sets them, the secret’s value left out; `use_azure_cli_auth = true` signs in as the Azure CLI instead.',
      commands: [
        'grep -nE "^\\s*(client_id|client_secret|tenant_id|use_azure_cli_auth)\\s*=" *.pkr.hcl | sed -E "s/(client_secret\\s*=\\s*).*/\\1…/"',
      ],
      when: 'tool.packer',
      examples: [
        {
          text: '#12 0.868 ==> peer-pod-ubuntu.azure-arm.ubuntu: Getting tokens using client secret\n#12 1.064 Build \'peer-pod-ubuntu.azure-arm.ubuntu\' errored after 195 milliseconds 936 microseconds: adal: Refresh request failed. Status Code = \'401\'. Response body: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.',
          source:
            'corpus holdout12/h12-multi-az-secret-9 (confidential-containers/cloud-api-adaptor#925), shortened',
        },
      ],
    },
    {
      id: 'env',
      title: 'List the ARM_* and AZURE_* variables in use (names only)',
      commands: ['env | grep -E "^(ARM|AZURE)_" | cut -d= -f1'],
    },
    {
      id: 'app',
      title: "Check the app exists in the tenant and list its secrets' end dates",
      commands: [
        'az ad app show --id ⟨client⟩ --query "{name:displayName, appId:appId}"',
        'az ad app credential list --id ⟨client⟩ --query "[].{hint:hint, end:endDateTime}" -o table',
      ],
    },
    {
      id: 'reset',
      title: 'Create a new secret and store its value (not its id) in the pipeline',
      commands: [
        'az ad app credential reset --id ⟨client⟩ --append --display-name terraform --years 1 --query password -o tsv',
      ],
      // Not before the paste shows a secret is what failed.
      unless: 'answer.guess',
      notFor: AZURE_GUESS_EXAMPLES,
    },
    {
      id: 'login',
      title: 'Verify the service principal can sign in',
      commands: [
        'az login --service-principal -u ⟨client⟩ -p "$ARM_CLIENT_SECRET" --tenant ⟨tenant⟩',
      ],
    },
  ],
  docs: [AZURE_DOCS.spSecret, AZURE_DOCS.aadsts],
};
