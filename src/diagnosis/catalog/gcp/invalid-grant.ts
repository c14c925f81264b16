import type { CatalogEntry, Example } from '../schema';
import { GCP_DOCS } from './docs';

// Pastes printed by gcloud about its own login: the cause ranks first and its step leads.
const GCLOUD_OWN_LOGIN: Example[] = [
  {
    text: '$ gcloud projects list\nERROR: (gcloud.projects.list) There was a problem refreshing your current auth tokens: invalid_grant: Bad Request\nPlease run:\n\n  $ gcloud auth login\n\nto obtain new credentials, or if you have already logged in with a\ndifferent account:\n\n  $ gcloud config set account ACCOUNT\n\nto select an already authenticated account to use.',
    source: 'corpus holdout10/h10-djcloud-190-1 (GoogleCloudPlatform/django-cloud-deploy#190)',
  },
  {
    text: "Beginning deployment...\nERROR: gcloud crashed (AuthPermanentFail): Refresh token is invalid.\n \nIf you would like to report this issue, please run the following command:\n   gcloud feedback\nFailed to deploy 'userSpecifiedSource': Deployment failed with exit code: 1",
    source: 'corpus holdout10/h10-ccij-543-1 (GoogleCloudPlatform/cloud-code-intellij#543)',
  },
  {
    text: 'ERROR: (gcloud.auth.application-default.login) There was a problem refreshing your current auth tokens: None could not be converted to bytes\nPlease run:\n\n  $ gcloud auth login\n\nto obtain new credentials.\n\nIf you have already logged in with a different account, run:\n\n  $ gcloud config set account ACCOUNT\n\nto select an already authenticated account to use.',
    source: 'corpus holdout10/h10-genai-138-1 (GoogleCloudPlatform/genai-for-marketing#138)',
  },
];

/** Google's token endpoint: the service account (the OAuth client) behind the key was deleted. */
// A key's service account that no longer exists: `invalid_client` "The OAuth client was not
// found" (the account is the key's OAuth client), corpus holdout15/h15-tfw-gcp-iam-oauth-client-notfound-1.
/** …and `Robot is disabled`: Google's token endpoint on a disabled (or deleted) service account. */
const DELETED_CLIENT =
  /deleted_client|The OAuth client was deleted|The OAuth client was not found|Invalid grant: account not found|Robot is disabled/;
const SA_DISABLED_EXAMPLE: Example = {
  text: 'Signet::AuthorizationError: Authorization failed.  Server message:\n{\n  "error" : "invalid_grant",\n  "error_description" : "Robot is disabled."\n}',
  source: 'corpus holdout17/h17-multi-ruby-signet-1 (googleapis/google-api-ruby-client#720)',
};
/**
 * An app's own Google OAuth client refused a grant: Ruby's Signet, .NET's Google.Apis.Auth (and
 * Python's google-auth, PYTHON_REFRESH, whose saved token.json has a step of its own). The app
 * keeps its own credentials (a saved user token, a key file it was given); gcloud's Application
 * Default Credentials are not what it sent.
 */
const SIGNET =
  /Signet::AuthorizationError|signet\/oauth_2\/client\.rb:\d{1,5}:in `fetch_access_token/;
/** Google.Apis.Auth's TokenErrorResponse.ToString(): `Error:"<code>", Description:"<text>", Uri:"<uri>"`. */
const DOTNET_TOKEN_ERROR =
  /\bError:\\?"(?:invalid_grant|invalid_client|unauthorized_client|invalid_scope)\\?", Description:\\?"/;
const APP_OAUTH = new RegExp(
  `${SIGNET.source}|\\bGoogle\\.Apis\\.Auth\\b|${DOTNET_TOKEN_ERROR.source}`,
);
const APP_OAUTH_PASTES: Example[] = [
  {
    text: 'Signet::AuthorizationError (Authorization failed.  Server message:\n{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}):',
    source: 'corpus holdout17/h17-multi-gdrive-ruby-1 (gimite/google-drive-ruby#363)',
  },
  {
    text: 'Data: {System.Collections.ListDictionaryInternal}\n    Error: {Error:"invalid_grant", Description:"Token has been expired or revoked.", Uri:""}\n    HResult: 0x80131500\n    HelpLink: null\n    InnerException: null\n    Message: "Error:\\"invalid_grant\\", Description:\\"Token has been expired or revoked.\\", Uri:\\"\\""\n    Source: "Google.Apis.Auth"',
    source:
      'corpus holdout17/h17-multi-dotnet-tokenresp-1 (googleapis/google-api-dotnet-client#1001)',
  },
];
/** google-auth's exception for a refused refresh, from a Python app's own token or its ADC. */
const PYTHON_REFRESH = /google\.auth\.exceptions\.RefreshError|\bRefreshError\('invalid_grant/;
const PYTHON_REFRESH_PASTES: Example[] = [
  {
    text: "(<class 'google.auth.exceptions.RefreshError'>, RefreshError('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'}), <traceback object at 0x000002B34BB63700>)",
    source: 'corpus holdout13/h13-multi-workspace-revoked-1 (googleworkspace/python-samples#1644)',
  },
];
/** corpus holdout12/h12-multi-gcp-grant-11: google-api-php-client's refresh refused with deleted_client. */
const DELETED_CLIENT_PASTE =
  '{"error":{"message":"Error refreshing the OAuth2 token, message: \'{\n  \\"error\\" : \\"deleted_client\\",\n  \\"error_description\\" : \\"The OAuth client was deleted.\\"\n}\'","code":401,"status_code":500}}';
const DELETED_CLIENT_EXAMPLE: Example = {
  text: DELETED_CLIENT_PASTE,
  source: 'corpus holdout12/h12-multi-gcp-grant-11 (websightgmbh/l5-google-cloud-storage#6)',
};

/**
 * terraform's gcs backend (internal/backend/remote-state/gcs/backend.go): the `credentials`
 * value (or GOOGLE_BACKEND_CREDENTIALS, then GOOGLE_CREDENTIALS) is read as a path, else as the
 * key's JSON, and is neither: nothing reached Google.
 */
// Terraform 0.7's google provider said it as `provider.google: credentials are not valid JSON
// '<value>': <json error>` (corpus holdout16/h16-tfw-tf07-google-credentials-not-json-1).
const CREDENTIALS_NOT_JSON =
  /the string provided in credentials is neither valid json nor a valid file path|provider\.google: credentials are not valid JSON '/;
const CREDENTIALS_NOT_JSON_EXAMPLE: Example = {
  text: "2021-12-29T10:38:08.3302055Z Initializing the backend...\n2021-12-29T10:38:08.3362452Z ╷\n2021-12-29T10:38:08.3363871Z │ Error: the string provided in credentials is neither valid json nor a valid file path\n2021-12-29T10:38:08.3364800Z │ \n2021-12-29T10:38:08.3366382Z ╵\n2021-12-29T10:38:08.3399599Z ##[error]Error: The process '/usr/local/bin/terraform' failed with exit code 1",
  source:
    'corpus holdout14/h14-tfw-ado-gcs-credjson-1 (microsoft/azure-pipelines-extensions#1014), shortened',
};

export const gcpInvalidGrant: CatalogEntry = {
  id: 'gcp.invalid_grant',
  platform: 'gcp',
  title: "⟨token_service⟩ refused the credentials' token exchange",
  summary:
    "⟨token_service⟩ would not issue an access token for credentials that exist: the user's refresh token expired or was revoked, reauthentication is required by policy, the service-account key was deleted, or a workload identity exchange failed.",
  variants: [
    {
      when: CREDENTIALS_NOT_JSON,
      title: 'The `credentials` value given to Terraform is neither a key file path nor key JSON',
      summary:
        'Terraform read `credentials` (the gcs backend: it, GOOGLE_BACKEND_CREDENTIALS, then GOOGLE_CREDENTIALS; the google provider: it or GOOGLE_CREDENTIALS) as a file path, found no such file, and could not parse the value as a key’s JSON either: nothing was sent to Google yet. Old google providers (Terraform 0.7) took only the JSON itself, so a path there fails the same way.',
      example: CREDENTIALS_NOT_JSON_EXAMPLE,
    },
  ],
  codes: ['invalid_grant', 'invalid_rapt', 'unauthorized_client'],
  signatures: [
    {
      // gcloud's own umbrella for a failed refresh of its stored credentials; the reason after
      // the colon varies (invalid_grant, a JWT error, a broken credential file), and a more
      // specific family in the same block (an impersonation 403) decides instead.
      id: 'gcloud-refresh',
      pattern: /There was a problem refreshing your current auth tokens/,
      tier: 'likely',
      wrapper: true,
      examples: [
        {
          text: 'ERROR: (gcloud.auth.application-default.login) There was a problem refreshing your current auth tokens: None could not be converted to bytes\nPlease run:\n\n  $ gcloud auth login\n\nto obtain new credentials.',
          source: 'corpus holdout10/h10-genai-138-1 (GoogleCloudPlatform/genai-for-marketing#138)',
        },
      ],
      counterexamples: [
        {
          text: 'ERROR: (gcloud.compute.ssh) There was a problem refreshing your current auth tokens: Unable to acquire impersonated credentials\n\n{\n  "error": {\n    "code": 403,\n    "message": "Permission \'iam.serviceAccounts.getAccessToken\' denied on resource (or it may not exist).",\n    "status": "PERMISSION_DENIED"\n  }\n}',
          source: 'corpus holdout2/h2-ghaauth340-1 (google-github-actions/ssh-compute)',
        },
      ],
    },
    {
      id: 'gcloud-crashed-refresh',
      // The gcloud CLI's crash line when its stored user refresh token is refused
      // (`gcloud crashed (AuthPermanentFail): Refresh token is invalid.`).
      pattern: /gcloud crashed \(AuthPermanentFail\)|Refresh token is invalid/,
      tier: 'strong',
      examples: [
        {
          text: "Beginning deployment...\nERROR: gcloud crashed (AuthPermanentFail): Refresh token is invalid.\n \nIf you would like to report this issue, please run the following command:\n   gcloud feedback\nFailed to deploy 'userSpecifiedSource': Deployment failed with exit code: 1",
          source: 'corpus holdout10/h10-ccij-543-1 (GoogleCloudPlatform/cloud-code-intellij#543)',
        },
      ],
    },
    {
      id: 'cannot-fetch',
      pattern: /oauth2: cannot fetch token/,
      // golang/oauth2 prints the token endpoint's status: a 5xx is the server failing, a 404 a
      // token URL that does not exist (any OAuth provider's: auth0's below), not a refusal.
      unless: /oauth2: cannot fetch token: (?:5\d\d|404)\b/,
      counterexamples: [
        {
          text: 'Error: Get "https://smth.us.auth0.com/api/v2/hooks/id": oauth2: cannot fetch token: 500 Internal Server Error\nResponse: {"error":"server_error","error_description":"Script generated an unhandled asynchronous exception."}',
          source: 'corpus holdout6/h6-auth0old-358-1 (auth0/terraform-provider-auth0#358)',
        },
        {
          text: 'Error: request failed: Get "***api/v2/clients/***": oauth2: cannot fetch token: 404 Not Found\nResponse: Not found.\n  with module.auth0[0].data.auth0_client.some_client,\n  on modules/auth0/main.tf line 29, in data "auth0_client" "some_client":\n  29: data "auth0_client" "some_client" {',
          source:
            'corpus holdout17/h17-tfw-auth0-oauth2-404-1 (auth0/terraform-provider-auth0#200)',
        },
      ],
      tier: 'strong',
      examples: [
        {
          text: 'Error: oauth2: cannot fetch token: 400 Bad Request',
          source: 'corpus dev/gh-kubeblocks-2623-1 (github:apecloud/kubeblocks#2623)',
        },
        {
          text: 'https://www.googleapis.com/admin/directory/v1/groups/xxxxx?alt=json&prettyPrint=false: oauth2: cannot fetch token: 401 Unauthorized Response: { "error": "unauthorized_client", "error_description": "Client is unauthorized to retrieve access tokens using this method." }',
          source: 'corpus holdout2/h2-gsuite42-1 (github:DeviaVir/terraform-provider-gsuite#42)',
        },
      ],
    },
    {
      id: 'invalid-grant',
      pattern: /"?invalid_grant"?/,
      requires: /google|gcloud|oauth2|googleapis|\bgcp\b|GCP|GOOGLE|gserviceaccount/,
      // Entra ID refuses grants with the same OAuth code, at an `/oauth2/token` URL of its own.
      unless: /AADSTS\d|login\.microsoftonline/,
      tier: 'exact',
      examples: [
        {
          text: 'https://www.googleapis.com/storage/v1/b/REDACTED/o?alt=json&delimiter=%2F&pageToken=&prefix=mgcp-1252957-omg-vpc%2F&prettyPrint=false&projection=full&versions=false: oauth2: cannot fetch token: 400 Bad Request Response: { "error": "invalid_grant", "error_description": "Bad Request" }',
          source: 'corpus dev/gh-terraform-24736-1 (github:hashicorp/terraform#24736)',
        },
        {
          text: '"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/tfc-service-account4@hc-aaaaaaaaaaaa.iam.gserviceaccount.com:generateAccessToken": oauth2/google: status code 400: {"error":"invalid_grant","error_description":"Error connecting to the given credential\'s issuer."}',
          source:
            'corpus dev/pg-gcp-wif-issuer-34 (https://support.hashicorp.com/hc/en-us/articles/32814910837651-How-to-use-Dynamic-Provider-Credentials-on-GCP-without-External-Access-to-Metadata-Endpoints)',
        },
      ],
      counterexamples: [
        {
          text: '400: `b\'{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity.` from https://login.microsoftonline.com/common/oauth2/token',
          source: 'corpus holdout13/h13-multi-blobfile-700082-1 (blobfile/blobfile#93)',
        },
      ],
    },
    {
      // Google's OAuth 2 client for Ruby (googleapis/signet@c6da047 lib/signet/oauth_2/client.rb,
      // fetch_access_token): a 400/401/403 from the token endpoint raises
      // `Signet::AuthorizationError` with "Authorization failed.  Server message:" and the body.
      id: 'signet',
      pattern: SIGNET,
      unless: /AADSTS\d|login\.microsoftonline/,
      tier: 'strong',
      examples: [
        SA_DISABLED_EXAMPLE,
        {
          text: '[18:15:39]: Fetching a new access token from Google...\n/Library/Ruby/Gems/2.0.0/gems/signet-0.7.0/lib/signet/oauth_2/client.rb:980:in `fetch_access_token\': Authorization failed.  Server message: (Signet::AuthorizationError)\n{\n  "error" : "invalid_grant"\n}\n    from /Library/Ruby/Gems/2.0.0/gems/signet-0.7.0/lib/signet/oauth_2/client.rb:997:in`fetch_access_token!\'\n    from /Library/Ruby/Gems/2.0.0/gems/supply-0.2.2/lib/supply/client.rb:45:in `initialize\'',
          source: 'corpus holdout17/h17-multi-fastlane-supply-1 (fastlane-old/supply#30)',
        },
      ],
    },
    {
      // Google.Apis.Auth (googleapis/google-api-dotnet-client, OAuth2/Responses/TokenErrorResponse.cs
      // ToString, read via code search): `Error:"<code>", Description:"<text>", Uri:"<uri>"`.
      id: 'dotnet-token-error',
      pattern: DOTNET_TOKEN_ERROR,
      unless: /AADSTS\d|login\.microsoftonline/,
      tier: 'strong',
      examples: [
        {
          text: 'Data: {System.Collections.ListDictionaryInternal}\n    Error: {Error:"invalid_grant", Description:"Token has been expired or revoked.", Uri:""}\n    HResult: 0x80131500\n    HelpLink: null\n    InnerException: null\n    Message: "Error:\\"invalid_grant\\", Description:\\"Token has been expired or revoked.\\", Uri:\\"\\""\n    Source: "Google.Apis.Auth"',
          source:
            'corpus holdout17/h17-multi-dotnet-tokenresp-1 (googleapis/google-api-dotnet-client#1001)',
        },
      ],
    },
    {
      id: 'refresh-token-grant',
      // RFC 6749 §5.2: a token endpoint refuses a refresh-token grant with `"error": "invalid_grant"`;
      // a client that logs its request shows `grant_type=refresh_token` beside the answer, with no
      // Google name at all (google-cloud-cpp's curl log). Entra ID and AWS SSO answer with their
      // own codes and hosts, which their classes read.
      pattern: /"error": ?"invalid_grant"/,
      requires: /grant_type=refresh_token|"grant_type": ?"refresh_token"/,
      unless: /AADSTS\d|login\.microsoftonline|amazonaws\.com/,
      tier: 'likely',
      examples: [
        {
          text: 'Payload: grant_type=refresh_token&client_id=my-client-id&client_secret=my-client-secret&refresh_token=my-refresh-token\nResponse: status_code=400, {accept-ranges: none, cache-control: private, content-type: application/json; charset=utf-8, date: Wed, 04 Mar 2020 HH:MM:SS GMT, http/1.1 400 bad request\n: , server: scaffolding on HTTPServer2, transfer-encoding: chunked, vary: X-Origin, vary: Referer, vary: Origin,Accept-Encoding, x-content-type-options: nosniff, x-frame-options: SAMEORIGIN, x-xss-protection: 0}, payload=<{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}>\nPermanent error in ReadObjectNotWrapped: {\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n} [INVALID_ARG',
          source:
            'corpus holdout8/h8-gcloudcpp-3426-1 (https://github.com/googleapis/google-cloud-cpp/issues/3426)',
        },
      ],
    },
    {
      id: 'rapt',
      pattern:
        /invalid_rapt|[Rr]eauthentication (?:is )?(?:needed|required)|reauth related error|problem reauthenticating/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: oauth2: "invalid_grant" "reauth related error (invalid_rapt)" "https://support.google.com/a/answer/9368756"',
          source:
            'upstream golang/oauth2@v0.30.0:internal/token.go (RetrieveError with error code) + Google reauth description',
        },
        {
          text: 'oauth2: "invalid_grant" "reauth related error (invalid_rapt)"',
          source:
            "corpus dev/pg-gcpfound-invalid-rapt-101 (github-file: Japanese 'GCP Foundations' test troubleshooting log, make deploy/destroy row (index file id 53003702842; repository not named by the search index))",
        },
      ],
    },
    {
      id: 'generate-token',
      pattern: /oauth2\/google: unable to generate access token/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: oauth2/google: unable to generate access token: Post "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/terraform@my-project.iam.gserviceaccount.com:generateAccessToken": EOF',
          source: 'upstream golang/oauth2@v0.30.0:google/internal/impersonate/impersonate.go',
        },
      ],
    },
    {
      id: 'unauthenticated',
      pattern:
        /Request had invalid authentication credentials|googleapi: Error 401\b|"status": ?"UNAUTHENTICATED"/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: googleapi: Error 401: Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project., unauthorized',
          source:
            'upstream googleapis/google-api-go-client@b307dab300e2:googleapi/googleapi.go (Error 401 layout)',
        },
        {
          text: 'Error: Error when reading or editing Router: googleapi: Error 401: Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https',
          source:
            'corpus holdout/ho-tfgoogle-8521-1 (github:hashicorp/terraform-provider-google#8521)',
        },
      ],
    },
    {
      id: 'jwt',
      // Google's token endpoint words: a deleted key or client, and a JWT whose iat/exp are off.
      pattern:
        /Invalid JWT Signature|invalid_client.{0,60}(?:not found|deleted)|"deleted_client"|The OAuth client was deleted|Invalid JWT: Token must be a short-lived token/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: auth: "invalid_grant" "Invalid JWT Signature."',
          source:
            'upstream googleapis/google-cloud-go@0104d931bb38:auth/auth.go (error code and description from the token endpoint)',
        },
        DELETED_CLIENT_EXAMPLE,
        {
          text: 'Abort 500: [FCM] Unable to refresh access token. Code: 400 Message: {\n  "error": "invalid_grant",\n  "error_description": "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values and use a clock with skew to account for clock differences between systems."\n})',
          source: 'corpus holdout12/h12-multi-gcp-grant-9 (MihaelIsaev/FCM#19)',
        },
      ],
    },
    {
      // Google's own description of a dead refresh token (expired, revoked, or a Testing-mode
      // OAuth app's 7-day token), which an app may print with no Google name around it.
      id: 'google-token-revoked',
      pattern: /"error_description": ?"Token has been expired or revoked\.?"/,
      unless: /AADSTS\d|login\.microsoftonline/,
      tier: 'likely',
      examples: [
        {
          text: '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}\nIf refresh token has expired, then use --oauth-refetch-refresh-token to refetch refresh token, if the error is not clear make a issue on github repository.',
          source: 'corpus holdout15/h15-multi-gupload-refresh-1 (hardwario/gupload#5), shortened',
        },
      ],
    },
    {
      id: 'cloud-auth',
      // cloud.google.com/go/auth (auth.go Error): `auth: "<code>" "<description>"` or `auth: cannot fetch token: <status>`.
      pattern:
        /\bauth: cannot fetch token: \d{3}\b|\bauth: "(?:invalid_grant|invalid_client|unauthorized_client|invalid_scope)"/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: auth: cannot fetch token: 400\nResponse: {\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}',
          source: 'upstream googleapis/google-cloud-go@0104d931bb38:auth/auth.go',
        },
        {
          text: 'Error: failed to get token: auth: "invalid_grant" "Account has been deleted"',
          source: 'upstream googleapis/google-cloud-go@0104d931bb38:auth/auth.go',
        },
      ],
    },
    {
      id: 'sts-exchange',
      // Workload identity federation: golang/oauth2 google/externalaccount (sts_exchange.go,
      // `oauth2/google: status code %d: %s`) and google-github-actions/auth
      // (`failed to generate Google Cloud federated token for %s: %s`): the STS token exchange refused.
      pattern:
        /oauth2\/google: status code 40[01]: |failed to generate Google Cloud federated token for |"error": ?"invalid_target"/,
      tier: 'likely',
      examples: [
        {
          text: 'Post "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/<redacted service account>:generateAccessToken": oauth2/google: status code 400: {"error":"invalid_request","error_description":"subject_token must be nonempty."}',
          source: 'corpus holdout4/h4-terrakube-839-1 (terrakube-io/terrakube#839)',
        },
        {
          text: 'Error: google-github-actions/auth failed with: retry function failed after 4 attempts: failed to generate Google Cloud federated token for //iam.googleapis.com/projects/388216087510/locations/global/workloadIdentityPools/fame-identity-pool/providers/-fame-identity-pool-gh-provider: {"error":"invalid_target","error_description":"The target service indicated by the \\"audience\\" parameters is invalid."}',
          source: 'corpus holdout4/h4-ggaauth-370-1 (google-github-actions/auth#370)',
        },
      ],
    },
    {
      // terraform internal/backend/remote-state/gcs/backend.go (and OpenTofu's gcp_kms key
      // provider): `credentials` is neither a file that exists nor JSON, most often a key pasted
      // into a CI variable with its quotes or newlines mangled, or a path the runner lacks.
      id: 'credentials-not-json',
      pattern: CREDENTIALS_NOT_JSON,
      tier: 'decisive',
      examples: [
        CREDENTIALS_NOT_JSON_EXAMPLE,
        {
          text: "$ terraform plan\nThere are warnings and/or errors related to your configuration. Please\nfix these before continuing.\n\nErrors:\n\n  * provider.google: credentials are not valid JSON '/home/me/.gcloud/credentials.json': invalid character '/' looking for beginning of value",
          source:
            'corpus holdout16/h16-tfw-tf07-google-credentials-not-json-1 (hashicorp/terraform#8493)',
        },
      ],
    },
    {
      id: 'key-parse',
      // golang/oauth2 internal/oauth2.go ParseKey: the credentials file's private_key is not a key
      // (a user ADC file or a mangled service-account key given as service-account credentials).
      pattern: /private key should be a PEM or plain PKCS1 or PKCS8/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Failed to get existing workspaces: querying Cloud Storage failed: Get https://www.googleapis.com/storage/v1/b/project-bucket-tfstate/o?alt=json&delimiter=%2F&prefix=tfstate%2F: private key should be a PEM or plain PKCS1 or PKCS8; parse error: asn1: syntax error: sequence truncated',
          source: 'corpus holdout4/h4-tf-25040-1 (hashicorp/terraform#25040)',
        },
      ],
    },
    {
      id: 'expired-no-refresh',
      // golang/oauth2 oauth2.go: a static access_token that has expired.
      pattern: /oauth2: token expired and refresh token is not set/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Get "https://storage.googleapis.com/storage/v1/b/tf-state?alt=json": oauth2: token expired and refresh token is not set',
          source: 'upstream golang/oauth2@v0.30.0:oauth2.go',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'credentials-value',
      title:
        'The `credentials` value is a path the runner does not have, or key JSON a CI variable mangled',
      explanation:
        'A path is read from the machine that runs Terraform (a CI agent has no file from your laptop, and a secure-file task must run first); a key pasted into a variable loses its quotes or newlines when a pipeline expands it unquoted, and a value that is a file’s base64 is neither.',
      prior: 0,
      boosts: [
        {
          when: CREDENTIALS_NOT_JSON,
          by: 0.95,
          evidence: 'The backend could read the credentials value neither as a file nor as JSON.',
        },
      ],
      examples: [CREDENTIALS_NOT_JSON_EXAMPLE],
    },
    {
      id: 'gcloud-login-refused',
      title:
        "gcloud's own login (gcloud auth login) was refused: its stored refresh token expired, was revoked, or is broken",
      explanation:
        'The gcloud CLI printed this about its own credentials (the account `gcloud auth list` marks active), which `gcloud auth login` renews. Application Default Credentials (`gcloud auth application-default login`) are a separate store that Terraform and the client libraries read; renewing them leaves gcloud broken. A crash or an odd reason (`None could not be converted to bytes`) after a fresh login points at an old gcloud: update it.',
      prior: 0,
      boosts: [
        {
          when: /ERROR: \(gcloud\.[a-z][\w.-]{0,80}\)[^\n]{0,40}There was a problem refreshing your current auth tokens|gcloud crashed \(AuthPermanentFail\)/,
          by: 0.9,
          evidence: 'The gcloud CLI itself failed to refresh its own login.',
        },
      ],
      examples: GCLOUD_OWN_LOGIN,
    },
    {
      id: 'oauth-unnamed',
      title:
        'A refresh token was refused (OAuth 2 invalid_grant), and the paste does not say by which service',
      explanation:
        'invalid_grant is the OAuth 2 answer when a refresh token has expired, was revoked, or is sent with another client id than the one it was issued to (RFC 6749 §5.2). The wording is Google’s as its client libraries print it, but any OAuth server answers alike: confirm which token endpoint the client calls before following Google’s steps.',
      prior: 0,
      boosts: [
        {
          when: 'gcp.google_unnamed',
          by: 0.6,
          evidence:
            'Nothing in the paste names Google: the class is read from the OAuth wording alone.',
        },
      ],
      examples: [
        {
          text: 'Payload: grant_type=refresh_token&client_id=my-client-id&client_secret=my-client-secret&refresh_token=my-refresh-token\nResponse: status_code=400, {accept-ranges: none, cache-control: private, content-type: application/json; charset=utf-8, date: Wed, 04 Mar 2020 HH:MM:SS GMT, http/1.1 400 bad request\n: , server: scaffolding on HTTPServer2, transfer-encoding: chunked, vary: X-Origin, vary: Referer, vary: Origin,Accept-Encoding, x-content-type-options: nosniff, x-frame-options: SAMEORIGIN, x-xss-protection: 0}, payload=<{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}>\nPermanent error in ReadObjectNotWrapped: {\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n} [INVALID_ARG',
          source:
            'corpus holdout8/h8-gcloudcpp-3426-1 (https://github.com/googleapis/google-cloud-cpp/issues/3426)',
        },
      ],
    },
    {
      id: 'user-token-expired',
      title:
        'The user’s refresh token (ADC, or an app’s own saved sign-in) expired, was revoked, or needs reauthentication',
      explanation:
        'Workspace session policies force reauthentication (invalid_rapt); refresh tokens also die after a password change or long disuse.',
      prior: 0.55,
      boosts: [
        {
          when: /invalid_rapt|[Rr]eauth/,
          by: 0.3,
          evidence: 'Google demands reauthentication (invalid_rapt).',
        },
        {
          when: /subject_token|external_account|generateAccessToken|sts\.googleapis\.com|credential's issuer|federated token|invalid_target|workloadIdentityPools|Token must be a short-lived token|private key should be a PEM|invalid_scope/,
          by: -0.4,
          evidence: 'The exchange is a federated or impersonation one, not a user refresh token.',
        },
        {
          when: /gcloud crashed \(AuthPermanentFail\)|ERROR: \(gcloud\.[a-z][\w.-]{0,80}\)[^\n]{0,40}There was a problem refreshing your current auth tokens/,
          by: -0.3,
          evidence: 'The gcloud CLI printed it about its own login, which ADC does not share.',
        },
        {
          when: DELETED_CLIENT,
          by: -0.4,
          evidence: 'Google says the client or account itself is gone: no user login renews that.',
        },
      ],
    },
    {
      id: 'key-deleted',
      title: 'The service account or its key was deleted or disabled',
      explanation:
        'A key file keeps "working" locally until Google refuses it: Invalid JWT Signature means the key no longer exists.',
      prior: 0.2,
      boosts: [
        {
          when: /Invalid JWT Signature/,
          by: 0.5,
          evidence: "Google says the key's signature is invalid.",
        },
        {
          when: DELETED_CLIENT,
          by: 0.6,
          evidence:
            'Google says the OAuth client or the account (the service account behind the key) no longer exists.',
        },
        {
          when: /grant_type=refresh_token/,
          by: -0.15,
          evidence:
            'The request was a refresh-token grant (a user login), not a key or a federated exchange.',
        },
      ],
    },
    {
      id: 'wif',
      title: 'Workload identity federation could not exchange the external token',
      explanation:
        'The pool provider could not reach or validate the external issuer, or the attribute condition rejected the token.',
      prior: 0.15,
      boosts: [
        {
          when: /credential's issuer|iamcredentials|sts\.googleapis\.com|generateAccessToken|federated token|workloadIdentityPools/,
          by: 0.4,
          evidence: 'The failure happened in the federated token exchange.',
        },
        {
          when: /grant_type=refresh_token/,
          by: -0.15,
          evidence:
            'The request was a refresh-token grant (a user login), not a key or a federated exchange.',
        },
        {
          when: /invalid_target/,
          by: 0.3,
          evidence:
            'Google says the audience names no usable pool or provider (wrong name or number, disabled or deleted).',
        },
        {
          when: /subject_token must be nonempty|subject_token/,
          by: 0.3,
          evidence:
            'The external (subject) token was empty: the CI or platform did not hand one to the credential configuration.',
        },
      ],
      examples: [
        {
          text: 'Post "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/<redacted service account>:generateAccessToken": oauth2/google: status code 400: {"error":"invalid_request","error_description":"subject_token must be nonempty."}',
          source: 'corpus holdout4/h4-terrakube-839-1 (terrakube-io/terrakube#839)',
        },
      ],
    },
    {
      id: 'invalid-scope',
      title: 'The token request names an OAuth scope (or ID-token audience) Google does not accept',
      explanation:
        'A service-account key used from code needs scopes (e.g. https://www.googleapis.com/auth/cloud-platform) or a valid audience; an empty or mistyped one is refused as invalid_scope.',
      prior: 0,
      boosts: [
        {
          when: /invalid_scope/,
          by: 0.9,
          evidence: 'Google answered invalid_scope.',
        },
      ],
      examples: [
        {
          text: 'rpc error: code = Unauthenticated desc = transport: oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_scope","error_description":"Invalid OAuth scope or ID token audience provided."}, no default value available',
          source:
            'corpus holdout8/h8-gcpgetsecret-3-1 (https://github.com/binxio/gcp-get-secret/pull/3)',
        },
      ],
    },
    {
      id: 'clock',
      title: 'The machine’s clock is off, so the signed token looks expired or not yet valid',
      explanation:
        'A service-account key signs a JWT with the local time (`iat`/`exp`); Google rejects it when the clock is minutes away from real time (VMs after suspend, containers, nodes without NTP).',
      prior: 0,
      boosts: [
        {
          when: /Token must be a short-lived token|iat and exp|Invalid JWT: Token/,
          by: 0.9,
          evidence: 'Google says the JWT’s iat/exp are out of range.',
        },
      ],
      examples: [
        {
          text: '{"severity":"error","logger":"controller-runtime.controller","msg":"Reconciler error","controller":"storagebucket-controller","request":"och-project-01-294710/och-test-gcp-k8s-01","error":"Update call failed: error fetching live state: error reading underlying resource: summary: Error when reading or editing Storage Bucket \\"och-test-gcp-k8s-01\\": Get \\"https://storage.googleapis.com/storage/v1/b/och-test-gcp-k8s-01?alt=json&prettyPrint=false\\": oauth2: cannot fetch token: 400 Bad Request\\nResponse: {\\"error\\":\\"invalid_grant\\",\\"error_description\\":\\"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.\\"}, detail: "}',
          source: 'corpus holdout4/h4-kcc-301-1 (GoogleCloudPlatform/k8s-config-connector#301)',
        },
      ],
    },
    {
      id: 'not-a-key',
      title:
        'The credentials file is not a service-account key (a user ADC file, or a damaged key)',
      explanation:
        'Older backends and tools read GOOGLE_APPLICATION_CREDENTIALS / `credentials` as a service-account key only: an `authorized_user` file from `gcloud auth application-default login`, or a key whose private_key was cut or re-encoded, fails to parse.',
      prior: 0,
      boosts: [
        {
          when: /private key should be a PEM|asn1: syntax error/,
          by: 0.9,
          evidence: 'The private key in the credentials file could not be parsed.',
        },
      ],
      examples: [
        {
          text: 'Error: Failed to get existing workspaces: querying Cloud Storage failed: Get https://www.googleapis.com/storage/v1/b/project-bucket-tfstate/o?alt=json&delimiter=%2F&pageToken=&prefix=tfstate%2F&prettyPrint=false&projection=full&versions=false: private key should be a PEM or plain PKCS1 or PKCS8; parse error: asn1: syntax error: sequence truncated',
          source: 'corpus holdout4/h4-tf-25040-1 (hashicorp/terraform#25040)',
        },
      ],
    },
  ],
  steps: [
    {
      // Terraform 0.7's google provider read `credentials` (and GOOGLE_CREDENTIALS) as the key's
      // JSON only: a path there is the whole mistake (corpus holdout16/h16-tfw-tf07-google-credentials-not-json-1).
      id: 'credentials-file-function',
      title:
        'This google provider takes the key’s JSON, not its path: read the file with file() in the provider block',
      detail:
        'Write `credentials = "${file("/path/to/key.json")}"` in the provider block (and unset a GOOGLE_CREDENTIALS that holds a path), or upgrade the provider, which reads a path as well. The command shows where `credentials` is set.',
      commands: ['grep -rn "credentials" --include=*.tf .', 'terraform version'],
      when: /provider\.google: credentials are not valid JSON '/,
      examples: [
        {
          text: "$ terraform plan\nThere are warnings and/or errors related to your configuration. Please\nfix these before continuing.\n\nErrors:\n\n  * provider.google: credentials are not valid JSON '/home/me/.gcloud/credentials.json': invalid character '/' looking for beginning of value",
          source:
            'corpus holdout16/h16-tfw-tf07-google-credentials-not-json-1 (hashicorp/terraform#8493)',
        },
      ],
    },
    {
      id: 'credentials-value',
      title:
        'Check what the backend’s `credentials` holds where Terraform runs: a readable file, or JSON',
      detail:
        'Run these where Terraform runs (the CI job, before `terraform init`); they print the file’s key type, or whether the value parses, never the key. In a pipeline, pass a key as a secure file and its path, or quote the variable so its JSON survives.',
      commands: [
        'for v in GOOGLE_BACKEND_CREDENTIALS GOOGLE_CREDENTIALS; do printf \'%s: \' "$v"; if [ -f "${!v}" ]; then jq -r .type "${!v}"; else printenv "$v" | jq -e -r .type 2>/dev/null || echo "neither a file nor JSON"; fi; done',
        'grep -rn "credentials" --include=*.tf .',
      ],
      when: CREDENTIALS_NOT_JSON,
      examples: [CREDENTIALS_NOT_JSON_EXAMPLE],
    },
    {
      id: 'gcloud-login',
      title: "Renew gcloud's own login (not ADC): the account gcloud uses",
      detail:
        '`gcloud auth application-default login` renews a different credential (the one Terraform and the client libraries read). Check which account is active, log it in again, or select an already logged-in account.',
      commands: ['gcloud auth list', 'gcloud auth login', 'gcloud config set account <account>'],
      sources: ['gcloud_user'],
      examples: GCLOUD_OWN_LOGIN,
    },
    {
      id: 'which-endpoint',
      title:
        'Find which OAuth server issued the refresh token, and get a new one from it with the same client id',
      detail:
        'The request shows a refresh-token grant, but no service name. A refresh token only works with the client id (and secret) it was issued to: log in again through the same client (for Google user credentials, `gcloud auth application-default login` writes a new one), and check that the client id and secret in the request belong to the same OAuth client. For Google, the file’s `type` is `authorized_user` and its `client_id` must match the request’s.',
      commands: [
        'jq -r \'.type, .client_id\' "${GOOGLE_APPLICATION_CREDENTIALS:-$HOME/.config/gcloud/application_default_credentials.json}"',
      ],
      when: 'gcp.google_unnamed',
      examples: [
        {
          text: 'Payload: grant_type=refresh_token&client_id=my-client-id&client_secret=my-client-secret&refresh_token=my-refresh-token\nResponse: status_code=400, {accept-ranges: none, cache-control: private, content-type: application/json; charset=utf-8, date: Wed, 04 Mar 2020 HH:MM:SS GMT, http/1.1 400 bad request\n: , server: scaffolding on HTTPServer2, transfer-encoding: chunked, vary: X-Origin, vary: Referer, vary: Origin,Accept-Encoding, x-content-type-options: nosniff, x-frame-options: SAMEORIGIN, x-xss-protection: 0}, payload=<{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}>\nPermanent error in ReadObjectNotWrapped: {\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n} [INVALID_ARG',
          source:
            'corpus holdout8/h8-gcloudcpp-3426-1 (https://github.com/googleapis/google-cloud-cpp/issues/3426)',
        },
      ],
    },
    {
      id: 'clock',
      title: 'Compare the machine’s clock with Google’s',
      commands: ['date -u', 'curl -sI https://oauth2.googleapis.com | grep -i "^date:"'],
      when: /Token must be a short-lived token|iat and exp|Invalid JWT: Token/,
      examples: [
        {
          text: '{"severity":"error","logger":"controller-runtime.controller","msg":"Reconciler error","controller":"storagebucket-controller","request":"och-project-01-294710/och-test-gcp-k8s-01","error":"Update call failed: error fetching live state: error reading underlying resource: summary: Error when reading or editing Storage Bucket \\"och-test-gcp-k8s-01\\": Get \\"https://storage.googleapis.com/storage/v1/b/och-test-gcp-k8s-01?alt=json&prettyPrint=false\\": oauth2: cannot fetch token: 400 Bad Request\\nResponse: {\\"error\\":\\"invalid_grant\\",\\"error_description\\":\\"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.\\"}, detail: "}',
          source: 'corpus holdout4/h4-kcc-301-1 (GoogleCloudPlatform/k8s-config-connector#301)',
        },
      ],
    },
    {
      id: 'key-type',
      title: 'Check what kind of credentials file Terraform is given',
      detail:
        '`service_account` is a key file; `authorized_user` is a user login (not accepted where a key is expected); `external_account` is workload identity federation.',
      commands: ['jq -r .type "$GOOGLE_APPLICATION_CREDENTIALS"'],
      when: /private key should be a PEM|asn1: syntax error/,
      examples: [
        {
          text: 'Error: Failed to get existing workspaces: querying Cloud Storage failed: Get https://www.googleapis.com/storage/v1/b/project-bucket-tfstate/o?alt=json&delimiter=%2F&pageToken=&prefix=tfstate%2F&prettyPrint=false&projection=full&versions=false: private key should be a PEM or plain PKCS1 or PKCS8; parse error: asn1: syntax error: sequence truncated',
          source: 'corpus holdout4/h4-tf-25040-1 (hashicorp/terraform#25040)',
        },
      ],
    },
    {
      // A deleted key or service account: no login refreshes it, a new key (or account) does.
      id: 'deleted-client',
      title:
        'The service account (or its key) behind the key file was deleted or disabled: check it, then enable it or make a new key',
      detail:
        'The first command shows which account and key id the file holds; the second whether the account exists and is disabled (`disabled: true`: `gcloud iam service-accounts enable` turns it back on). If the account is gone, create it again (a new one has a new id: grant its roles again) and download a new key for the app.',
      commands: [
        'jq -r .client_email,.private_key_id "$GOOGLE_APPLICATION_CREDENTIALS"',
        'gcloud iam service-accounts describe ⟨service_account⟩',
        'gcloud iam service-accounts keys list --iam-account ⟨service_account⟩',
      ],
      when: DELETED_CLIENT,
      examples: [DELETED_CLIENT_EXAMPLE, SA_DISABLED_EXAMPLE],
    },
    {
      // Ruby's and .NET's clients keep a saved sign-in as Python's does (python-app-token).
      id: 'app-saved-token',
      title:
        'The app’s own Google sign-in was refused: renew it where the app keeps it, not with gcloud',
      detail:
        'Apps built on Google’s client libraries keep their own credentials, which no gcloud command renews: a saved user refresh token (the google_drive gem’s config.json, googleauth’s stored credentials, .NET’s FileDataStore folder `Google.Apis.Auth` under the user’s AppData) or a service account key file the app is given (fastlane’s `json_key`). Delete the saved token and sign in again through the app; for a key file, check that its service account and key still exist and are enabled. User tokens that die after 7 days mean the app’s OAuth consent screen is in Testing status.',
      commands: [],
      when: APP_OAUTH,
      examples: APP_OAUTH_PASTES,
    },
    {
      // google-auth raises RefreshError for any refused refresh: an InstalledAppFlow token the
      // app saved itself (the Workspace and Photos samples' token.json / token.pickle) as much as
      // user ADC. Google issues refresh tokens that expire after 7 days to apps whose OAuth
      // consent screen is external and in "Testing" publishing status.
      id: 'python-app-token',
      title:
        'A Python app’s saved Google token was refused: delete the token file it saved and sign in again',
      detail:
        'Apps that sign you in themselves (InstalledAppFlow) keep the refresh token in their own file, usually `token.json` or `token.pickle` beside the script; no gcloud command renews it. Delete it and run the app again to sign in. If tokens keep dying after a week, the app’s OAuth consent screen is in “Testing” status (refresh tokens expire after 7 days): publish it, or sign in again weekly. An app that uses Application Default Credentials instead renews with `gcloud auth application-default login`.',
      commands: ['ls -l token.json token.pickle 2>/dev/null'],
      when: PYTHON_REFRESH,
      examples: PYTHON_REFRESH_PASTES,
    },
    {
      id: 'relogin',
      title: 'Refresh user Application Default Credentials',
      // An app's own OAuth client sent its own saved token or key, not ADC.
      unless: APP_OAUTH,
      notFor: APP_OAUTH_PASTES,
      commands: [
        'gcloud auth application-default login',
        'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
      ],
      sources: ['adc_user', 'unknown'],
    },
    {
      id: 'gcloud-update',
      title: 'If gcloud crashed, or still fails after logging in: update the Google Cloud SDK',
      detail:
        'A crash on refresh (AuthPermanentFail) is common with old SDK releases; update, then run `gcloud auth login`.',
      commands: ['gcloud version', 'gcloud components update'],
      sources: ['gcloud_user'],
    },
    {
      id: 'retry-adc',
      title:
        'Then (re)create Application Default Credentials, for Terraform and tools that read ADC',
      detail:
        '`gcloud auth application-default login` itself fails while gcloud’s current account cannot refresh; once `gcloud auth login` works, run it (again, with the same `--scopes`, if any).',
      commands: [
        'gcloud auth application-default login',
        'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
      ],
      sources: ['gcloud_user'],
    },
    {
      id: 'key',
      title: 'Key files: check the key still exists',
      commands: [
        'jq -r .client_email,.private_key_id "$GOOGLE_APPLICATION_CREDENTIALS"',
        'gcloud iam service-accounts keys list --iam-account ⟨service_account⟩',
      ],
      sources: ['service_account_key', 'unknown'],
    },
    {
      id: 'wif',
      title: "Workload identity: check the provider's issuer and attribute condition",
      detail:
        'The credential configuration file (GOOGLE_APPLICATION_CREDENTIALS, `type: external_account`) names where the external token comes from (`credential_source`: a file, a URL or an executable): an empty or missing token there gives `subject_token must be nonempty`.',
      commands: [
        `jq '{type, audience, credential_source, service_account_impersonation_url}' "$GOOGLE_APPLICATION_CREDENTIALS"`,
        'gcloud iam workload-identity-pools providers describe ⟨wif_provider⟩ --workload-identity-pool=⟨wif_pool⟩ --location=global⟦ --project=⟨project_number⟩⟧',
      ],
      sources: ['oidc', 'impersonation', 'unknown'],
    },
    {
      id: 'impersonate',
      title:
        'Impersonation: the caller needs roles/iam.serviceAccountTokenCreator on the service account',
      commands: ['gcloud iam service-accounts get-iam-policy ⟨service_account⟩'],
      sources: ['impersonation'],
    },
  ],
  docs: [GCP_DOCS.adcTroubleshoot, GCP_DOCS.wif],
};
