import type { CatalogEntry, Example } from '../schema';
import { remoteRunCause } from '../remote-run';
import { GCP_DOCS } from './docs';

/** The metadata server, the last source of Application Default Credentials, gave no credential. */
const METADATA_GAVE_NONE =
  /(?:oauth2\/google|credentials): (?:invalid token JSON from metadata|incomplete token received from metadata)|failed to get service account from metadata server|169\.254\.169\.254\/computeMetadata\/v1\//;

/** The pastes the metadata-fallback family is proven by (its cause and its step). */
const METADATA_FALLBACK_PASTES: Example[] = [
  {
    text: 'module.forseti-install-simple.module.server_rules.data.template_file.main[20]: Refreshing state...\nmodule.forseti-install-simple.module.server_rules.data.template_file.main[5]: Refreshing state...\nmodule.forseti-install-simple.module.cloudsql.data.google_compute_network.cloudsql_private_network: Refreshing state...\n\nError: Error reading Network Not Found : default: Get https://www.googleapis.com/compute/v1/projects/xxxxxxxxxxx/global/networks/default?alt=json&prettyPrint=false: oauth2/google: invalid token JSON from metadata: EOF\n\n  on .terraform/modules/forseti-install-simple/forseti-security-terraform-google-forseti-1ef45bf/modules/cloudsql/main.tf line 30, in data "google_compute_network" "cloudsql_private_network":\n  30: data "google_compute_network" "cloudsql_private_network" {',
    source:
      'corpus holdout11/h11-multi-forsetitf-432-1 (forseti-security/terraform-google-forseti#432)',
  },
  {
    text: 'Error: failed to load config: failed to get service account from metadata server: Get "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/email": dial tcp 169.254.169.254:80: i/o timeout\n\n  on versions.tf line 1, in provider "gsuite":\n   1: provider "gsuite" {',
    source: 'corpus holdout11/h11-multi-gsuite-171-1 (DeviaVir/terraform-provider-gsuite#171)',
  },
];

/** google-auth (Python) fetch_id_token: ID tokens come only from a service-account key or the metadata server. */
const ID_TOKEN_NEEDS_SA = /Neither metadata server or valid service account credentials are found/;
const ID_TOKEN_NEEDS_SA_PASTE =
  'E       google.auth.exceptions.DefaultCredentialsError: Neither metadata server or valid service account credentials are found.\n\ngoogle/oauth2/_id_token_async.py:285: DefaultCredentialsError';

export const gcpNoCredentials: CatalogEntry = {
  id: 'gcp.no_credentials',
  platform: 'gcp',
  title: 'No Google Cloud credentials were found where Terraform runs',
  summary:
    'Nothing gave Terraform credentials: no key or token in its own settings (`credentials` or `access_token` in a google provider block), GOOGLE_APPLICATION_CREDENTIALS unset, and no Application Default Credentials from gcloud or a metadata server.',
  codes: ['could not find default credentials'],
  signatures: [
    {
      // google-auth-library for Node.js (under every @google-cloud/* client): ADC found nothing.
      id: 'node-adc',
      pattern: /Could not load the default credentials/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error\n2021-04-09 20:30:14.732 EDTError: Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information. at GoogleAuth.getApplicationDefaultAsync (/shared/node_modules/@google-cloud/bigquery/node_modules/google-auth-library/build/src/auth/googleauth.js:155:19) at processTicksAndRejections (internal/process/task_queues.js:85:5) at ',
          source: 'corpus holdout8/h8-datashare-476-1 (GoogleCloudPlatform/datashare-toolkit#476)',
        },
        {
          text: '(node:37) UnhandledPromiseRejectionWarning: Error: Unexpected error while acquiring application default credentials: Could not load the default credentials. Browse to https://developers.google.com/accounts/docs/application-default-credentials for more information.\n    at GoogleAuth.<anonymous> (/usr/src/app/node_modules/@google-cloud/pubsub/node_modules/google-gax/node_modules/google-auth-library/build/src/auth/googleauth.js:248:31)',
          source: 'corpus holdout8/h8-gauthnode-526-1 (googleapis/google-auth-library-nodejs#526)',
        },
      ],
    },
    {
      // With no ADC file or variable, Google's libraries fall back to the GCE metadata server; off Google
      // Cloud that request fails, and the failure is the missing credentials.
      id: 'metadata-fallback',
      pattern:
        /cannot create access token.{0,200}?metadata\.google\.internal|metadata\.google\.internal.{0,200}?cannot create access token/,
      tier: 'likely',
      examples: [
        {
          text: 'ERROR a problem occurred during authentication: cannot create access token, but future attempts may succeed, source:error sending request for url (http://metadata.google.internal//computeMetadata/v1/instance/service-accounts/default/?recursive=true)',
          source: 'corpus holdout8/h8-gcloudrust-1822-1 (googleapis/google-cloud-rust#1822)',
        },
      ],
    },
    {
      // The metadata server is the last source of Application Default Credentials: off Google
      // Cloud (or in Cloud Shell with a stale token cache) its answer is no credential at all.
      // golang/oauth2 google/google.go (computeTokenSource) and cloud.google.com/go/auth
      // (credentials: …) print the first; the metadata client the second. Its link-local
      // address is AWS's too: a `computeMetadata` path says Google.
      id: 'metadata-answer',
      pattern: METADATA_GAVE_NONE,
      tier: 'strong',
      beats: ['aws.no_credentials'],
      examples: [
        {
          text: 'Error: Error reading Network Not Found : default: Get https://www.googleapis.com/compute/v1/projects/xxxxxxxxxxx/global/networks/default?alt=json&prettyPrint=false: oauth2/google: invalid token JSON from metadata: EOF',
          source:
            'corpus holdout11/h11-multi-forsetitf-432-1 (forseti-security/terraform-google-forseti#432)',
        },
        {
          text: 'Error: failed to load config: failed to get service account from metadata server: Get "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/email": dial tcp 169.254.169.254:80: i/o timeout\n\n  on versions.tf line 1, in provider "gsuite":',
          source:
            'corpus holdout11/h11-multi-gsuite-171-1 (DeviaVir/terraform-provider-gsuite#171)',
        },
      ],
    },
    {
      id: 'id-token',
      pattern: /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/,
      requires: /google|gcloud|GOOGLE|gcp|GCP|workload_identity_provider/,
      tier: 'likely',
      counterexamples: [
        {
          text: 'Error: Action failed with error: Error: $ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set',
          source:
            "upstream google-github-actions/auth@v0.3.0:src/main.ts (the action's own wording decides, not the generic variable name)",
        },
      ],
      examples: [
        {
          text: 'Error: google-github-actions/auth failed with: Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
          source: 'issue google-github-actions/auth#79',
        },
      ],
    },
    {
      id: 'env-file',
      pattern:
        /error getting credentials using GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS.{0,80}no such file/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: google: error getting credentials using GOOGLE_APPLICATION_CREDENTIALS environment variable: open /home/runner/gcp-key.json: no such file or directory',
          source: 'upstream golang/oauth2@v0.30.0:google/default.go',
        },
        {
          text: 'Error: storage.NewClient() failed: dialing: google: error getting credentials using GOOGLE_APPLICATION_CREDENTIALS environment variable: open /home/runner/work/_temp/0d3b7f999c3e827f63d2579b: no such file or directory',
          source: 'corpus holdout3/h3-dflook136-1 (dflook/terraform-github-actions#136)',
        },
      ],
    },
    {
      id: 'client-libraries',
      pattern:
        /default credentials were not found|Application Default Credentials are not available|\b(?:Application)?DefaultCredentialsError\b/,
      tier: 'exact',
      examples: [
        {
          text: 'raise exceptions.DefaultCredentialsError(_CLOUD_SDK_MISSING_CREDENTIALS) google.auth.exceptions.DefaultCredentialsError: Your default credentials were not found. To set up Application Default Credentials, see https://cloud.google.com/docs/authentication/external/set-up-adc for',
          source:
            'corpus holdout2/h2-bettercollected283-1 (github:bettercollected/bettercollected#283)',
        },
        {
          text: 'oauth2client.client.ApplicationDefaultCredentialsError: The Application Default Credentials are not available. They are available if running in Google Compute Engine. Otherwise, the environment variable GOOGLE_APPLICATION_CREDENTIALS must be defined pointing to a file defining the',
          source: 'corpus holdout2/h2-ytapisamples98-1 (github:youtube/api-samples#98)',
        },
      ],
    },
    {
      id: 'adc',
      pattern: /could not find default credentials/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: storage.NewClient() failed: dialing: credentials: could not find default credentials. See https://cloud.google.com/docs/authentication/external/set-up-adc for more information',
          source: 'upstream googleapis/google-cloud-go@0104d931bb38:auth/credentials/detect.go',
        },
        {
          text: 'Error: google: could not find default credentials. See https://cloud.google.com/docs/authentication/external/set-up-adc for more information',
          source: 'upstream golang/oauth2@v0.30.0:google/default.go',
        },
        {
          text: 'Error: Error refreshing state: 1 error(s) occurred: * provider.google: google: could not find default credentials. See https://developers.google.com/accounts/docs/application-default-credentials for more information. make[1]: * [apply] Error 1 make: * [terraform] Error 2',
          source: 'corpus dev/gh-azul-126-1 (github:DataBiosphere/azul#126)',
        },
      ],
    },
    {
      id: 'provider',
      pattern:
        /Attempted to load application default credentials since neither `?credentials`? nor `?access_token`? was set/,
      tier: 'decisive',
      examples: [
        {
          text: "Error: Attempted to load application default credentials since neither `credentials` nor `access_token` was set in the provider block.  No credentials loaded. To use your gcloud credentials, run 'gcloud auth application-default login'.  Original error: google: error getting credentials using GOOGLE_APPLICATION_CREDENTIALS environment variable: open /secrets/sa.json: no such file or directory",
          source: 'upstream hashicorp/terraform-provider-google@v6.40.0:google/transport/config.go',
        },
      ],
    },
    {
      id: 'gha-auth',
      // google-github-actions/auth's own wording (v0.3: src/main.ts; v0.4+: "did not inject", lower-cased
      // first letter in v2's "failed with: …"). The `$` names are this action's, not AWS's or Azure's.
      pattern:
        /\$ACTIONS_ID_TOKEN_REQUEST_(?:TOKEN|URL) is not set|[Gg]itHub Actions did not inject \$ACTIONS_ID_TOKEN_REQUEST_TOKEN/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: google-github-actions/auth failed with: retry function failed after 1 attempt: gitHub Actions did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or $ACTIONS_ID_TOKEN_REQUEST_URL into this job. This most likely means the GitHub Actions workflow permissions are incorrect, or this job is being run from a fork.',
          source: 'issue google-github-actions/auth#260',
        },
        {
          text: 'Error: Action failed with error: Error: $ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set',
          source: 'upstream google-github-actions/auth@v0.3.0:src/main.ts',
        },
      ],
    },
    {
      id: 'gcloud-no-account',
      // gcloud (run by local-exec or a module's wrapper script) with no logged-in account.
      pattern: /You do not currently have an active account selected/,
      tier: 'strong',
      examples: [
        {
          text: "Error: Error running command '.terraform/modules/project-factory/modules/core_project_factory/scripts/modify-service-account.sh --project_id='example-prod-host' --action='disable'': exit status 1. Output: WARNING: Could not open the configuration file: [/root/.config/gcloud/configurations/config_default].\nERROR: (gcloud.iam.service-accounts.list) You do not currently have an active account selected.\nPlease run:\n$ gcloud auth login\n\nto obtain new credentials, or if you have already logged in with a\ndifferent account:\n$ gcloud config set account ACCOUNT",
          source: 'issue terraform-google-modules/terraform-google-project-factory#375',
        },
      ],
    },
    {
      id: 'external-account',
      // golang/oauth2 google/externalaccount: the workload identity federation config points at a
      // subject-token file or executable that is not there (filecredsource.go, executablecredsource.go).
      pattern:
        /oauth2\/google\/externalaccount: (?:failed to open credential file|failed to read credential file|executables need to be explicitly allowed|executable command failed)/,
      tier: 'strong',
      examples: [
        {
          text: "Error: oauth2/google/externalaccount: executables need to be explicitly allowed (set GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES to '1') to run",
          source: 'upstream golang/oauth2@v0.30.0:google/externalaccount/executablecredsource.go',
        },
        {
          text: 'Error: oauth2/google/externalaccount: failed to open credential file "/home/runner/work/_temp/oidc-token"',
          source: 'upstream golang/oauth2@v0.30.0:google/externalaccount/filecredsource.go',
        },
      ],
    },
    {
      id: 'no-creds-loaded',
      pattern: /No credentials loaded\. To use your gcloud credentials/,
      tier: 'strong',
      examples: [
        {
          text: "No credentials loaded. To use your gcloud credentials, run 'gcloud auth application-default login'.  Original error: unexpected end of JSON input",
          source:
            'upstream hashicorp/terraform-provider-google@v6.40.0:google/transport/config.go (the message without its first sentence, as pasted from a wrapped log)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'id-token-needs-service-account',
      title:
        'Fetching an ID token needs a service-account key or the metadata server; user ADC cannot give one',
      explanation:
        'google-auth’s fetch_id_token (for Cloud Run, IAP, Cloud Functions audiences) reads GOOGLE_APPLICATION_CREDENTIALS only when it points at a service-account key, else asks the metadata server. `gcloud auth application-default login` credentials are skipped; off Google Cloud, point the variable at a key, or get the token by impersonation.',
      prior: 0,
      boosts: [
        {
          when: ID_TOKEN_NEEDS_SA,
          by: 1,
          evidence: 'google-auth found neither a metadata server nor service-account credentials.',
        },
      ],
      examples: [
        {
          text: ID_TOKEN_NEEDS_SA_PASTE,
          source:
            'upstream googleapis/google-auth-library-python@2ea24b03:google/oauth2/id_token.py; corpus holdout12/h12-multi-gcp-adc-14 (googleapis/google-auth-library-python#1120)',
        },
      ],
    },
    {
      id: 'metadata-no-credential',
      title:
        'The provider was given no credentials and the metadata server it fell back to gave none',
      explanation:
        'Google’s libraries ask the GCE metadata server last. Off Google Cloud nothing answers (a timeout); in Cloud Shell or on a VM without a usable service account the answer is empty or not a token. Either give the provider credentials of its own or attach (and allow) a service account where it runs.',
      prior: 0,
      boosts: [
        {
          when: METADATA_GAVE_NONE,
          by: 1,
          evidence:
            'The metadata server was the last source tried, and it gave no usable credential.',
        },
      ],
      examples: METADATA_FALLBACK_PASTES,
    },
    remoteRunCause('Google', 'your Application Default Credentials', [
      {
        text: "Running plan in HCP Terraform. Output will stream here.\n\nPreparing the remote plan...\n\n│ Error: Attempted to load application default credentials since neither `credentials` nor `access_token` was set in the provider block.  No credentials loaded. To use your gcloud credentials, run 'gcloud auth application-default login'",
        source:
          'invented: the cloud block’s remote-run banner (`Running plan in HCP Terraform. Output will stream here…`, as terraform prints it) before the google provider’s no-credentials message',
      },
    ]),
    {
      id: 'gha-id-token',
      title: 'The GitHub Actions job cannot request an ID token for workload identity federation',
      explanation:
        'google-github-actions/auth exchanges the job’s OIDC token for Google credentials; without `permissions: id-token: write` the runner provides no token request URL, so no credentials are made.',
      prior: 0,
      boosts: [
        {
          when: /ACTIONS_ID_TOKEN_REQUEST_(?:TOKEN|URL)(?: is not set| env variable)|id-token: write/,
          by: 0.9,
          evidence: 'The job has no ID-token request token or URL.',
        },
      ],
      examples: [
        {
          text: 'Error: $ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set',
          source: 'corpus holdout3/h3-ghaauth16-1 (google-github-actions/auth#16)',
        },
      ],
    },
    {
      id: 'adc-not-set-up',
      title: 'Application Default Credentials were never created on this machine',
      explanation:
        '`gcloud auth login` is not enough: Terraform reads ADC, created by `gcloud auth application-default login`.',
      prior: 0.5,
    },
    {
      id: 'remote-runner',
      title:
        'Terraform runs somewhere your gcloud login does not reach (CI, HCP Terraform, a container)',
      explanation:
        'Remote runs need GOOGLE_CREDENTIALS, workload identity federation or dynamic provider credentials configured in that workspace.',
      prior: 0.3,
      boosts: [
        {
          when: /Waiting for the plan to start|remote|Operation failed: failed running terraform/,
          by: 0.3,
          evidence: 'This was a remote run, which cannot see your local gcloud credentials.',
        },
        { when: 'ci', by: 0.2, evidence: 'This ran in CI.' },
      ],
    },
    {
      id: 'env-path',
      title: 'GOOGLE_APPLICATION_CREDENTIALS points at a file that does not exist here',
      explanation: 'A path from another machine or a file not mounted into the container.',
      prior: 0.2,
    },
  ],
  steps: [
    {
      id: 'id-token-service-account',
      title:
        'Give it a service-account key, or get the ID token by impersonating a service account',
      detail:
        'Off Google Cloud, GOOGLE_APPLICATION_CREDENTIALS must name a service-account key file (the first command shows its `type`: `service_account`, not `authorized_user`). Without a key, a user who may impersonate the account gets the token from gcloud (second command; set the audience your service expects).',
      commands: [
        'jq -r .type "$GOOGLE_APPLICATION_CREDENTIALS"',
        'gcloud auth print-identity-token --impersonate-service-account=⟨service_account⟩ --audiences=<audience>',
      ],
      when: ID_TOKEN_NEEDS_SA,
      examples: [
        {
          text: ID_TOKEN_NEEDS_SA_PASTE,
          source:
            'corpus holdout12/h12-multi-gcp-adc-14 (googleapis/google-auth-library-python#1120)',
        },
      ],
    },
    {
      id: 'metadata-fallback-credentials',
      title:
        'The provider fell back to the metadata server: give it credentials, or check the VM’s own service account',
      detail:
        'With no `credentials` in the provider and no GOOGLE_APPLICATION_CREDENTIALS, Google’s libraries ask the metadata server. Off Google Cloud that fails (a provider that impersonates a Workspace user needs a service-account key file with domain-wide delegation in `credentials`); on a VM, Cloud Shell or Cloud Build the metadata server answers for the attached service account — the command shows which, and an error or empty answer means none is attached or its token could not be had.',
      commands: [
        'env | grep -E "^(GOOGLE|CLOUDSDK)_" | cut -d= -f1',
        'curl -s -H "Metadata-Flavor: Google" http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/email',
      ],
      when: METADATA_GAVE_NONE,
      examples: METADATA_FALLBACK_PASTES,
    },
    {
      id: 'remote-run',
      title:
        'The run executed on HCP Terraform / Terraform Enterprise: give the workspace Google credentials',
      detail:
        'Application Default Credentials of the machine that started the run do not reach the remote worker. Set dynamic provider credentials on the workspace (`TFC_GCP_PROVIDER_AUTH=true`, `TFC_GCP_WORKLOAD_PROVIDER_NAME`, `TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL`), or a GOOGLE_CREDENTIALS sensitive env variable with a key; or switch the workspace to local execution.',
      when: 'run.remote',
      examples: [
        {
          text: "Running plan in HCP Terraform. Output will stream here.\n\nPreparing the remote plan...\n\n│ Error: Attempted to load application default credentials since neither `credentials` nor `access_token` was set in the provider block.  No credentials loaded. To use your gcloud credentials, run 'gcloud auth application-default login'",
          source:
            'invented: the cloud block’s remote-run banner (`Running plan in HCP Terraform. Output will stream here…`, as terraform prints it) before the google provider’s no-credentials message',
        },
      ],
    },
    {
      id: 'gha-id-token',
      title:
        'GitHub Actions: give the job `permissions: id-token: write` for google-github-actions/auth',
      detail:
        'Add `permissions: { id-token: write, contents: read }` to the workflow or the job that runs the auth step (and `workload_identity_provider`/`service_account` inputs to the step).',
      commands: [`grep -n -B2 -A4 'id-token' .github/workflows/*.yml`],
      ci: 'github-actions',
      when: /ACTIONS_ID_TOKEN_REQUEST_(?:TOKEN|URL)(?: is not set| env variable)|id-token: write/,
      examples: [
        {
          text: 'Error: $ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set',
          source: 'corpus holdout3/h3-ghaauth16-1 (google-github-actions/auth#16)',
        },
      ],
    },
    {
      id: 'adc-login',
      title: 'Create Application Default Credentials',
      commands: [
        'gcloud auth application-default login',
        'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
      ],
    },
    {
      id: 'env',
      title: 'Check which credential variables are set (names only)',
      commands: ['env | grep -E "^(GOOGLE|CLOUDSDK)_" | cut -d= -f1'],
    },
    {
      id: 'remote',
      title:
        'Remote/CI runs: configure credentials in that environment (workload identity federation preferred over key files)',
      commands: ['gcloud iam workload-identity-pools list --location=global'],
      when: 'ci',
    },
  ],
  docs: [GCP_DOCS.adc, GCP_DOCS.providerAuth, GCP_DOCS.adcTroubleshoot],
};
