import type { CatalogEntry, Example } from '../schema';

/** HCP Terraform’s 404 (or an inaccessible VCS repository) to a token that may not see. */
const TFE_HIDDEN =
  /for organization [\w.-]{1,90}: resource not found|Repository doesn't exist or isn't accessible/;

/** The pastes this family is proven by (its cause and its step). */
const HTTP_BACKEND_AUTH_PASTES: Example[] = [
  {
    text: 'Error loading state:\n    HTTP remote state endpoint requires auth',
    source: 'corpus holdout10/h10-tf-17190-1 (hashicorp/terraform#17190)',
  },
];

/** The pastes this family is proven by (its cause and its step). */
const TFE_HIDDEN_PASTES: Example[] = [
  {
    text: 'tfe_workspace.minews: Creating...\n╷\n│ Error: Error creating workspace minews for organization mine: resource not found',
    source: 'corpus holdout11/h11-multi-tfe-525-1 (hashicorp/terraform-provider-tfe#525)',
  },
  {
    text: 'Error: Error creating workspace <workspace_name> for organization <org_name>: invalid attribute\nRepository doesn\'t exist or isn\'t accessible\nwith tfe_workspace.this,\non workspaces.tf line 1, in resource "tfe_workspace" "this":\n1: resource "tfe_workspace" "this" {',
    source:
      'corpus holdout11/h11-multi-hckb-41448261717139-1 (HashiCorp support knowledge base, https://support.hashicorp.com/hc/en-us/articles/41448261717139-Error-while-configuring-the-VCS-for-Terraform-Enterprise-secondary-hostname)',
  },
];

/** The remote/cloud backend was refused the state it downloads (terraform backend_state.go). */
const STATE_DOWNLOAD_REFUSED =
  /[Ee]rror downloading state: (?:401 Unauthorized|403 Forbidden|unauthorized|forbidden)\b/;
const STATE_DOWNLOAD_REFUSED_EXAMPLE: Example = {
  text: 'Error: Error downloading state: 403 Forbidden\n\nError: data.terraform_remote_state.****: Unable to read remote state',
  source: 'corpus holdout14/h14-multi-terrakube-remotestate-403-1 (terrakube-io/terrakube#1360)',
};

/** The `http` state backend (GitLab-managed state, Artifactory…): not HCP Terraform, no API token. */
const HTTP_STATE = /HTTP remote state endpoint (?:requires|invalid) auth/;
const HTTP_STATE_EXAMPLE: Example = {
  text: 'Error loading state:\n    HTTP remote state endpoint requires auth',
  source: 'corpus holdout10/h10-tf-17190-1 (hashicorp/terraform#17190)',
};
/** HCP Terraform's token places do nothing for the http backend. */
// Terraform ≤ 0.8's atlas remote state: no `terraform login`, no TF_TOKEN_<host>.
const ATLAS_STATE = /missing 'access_token' configuration or ATLAS_TOKEN/;
const ATLAS_STATE_EXAMPLE: Example = {
  text: 'missing \'access_token\' configuration or ATLAS_TOKEN environmental variable\n\nIf the error message above mentions requiring or modifying configuration\noptions, these are set using the `-backend-config` flag. Example:\n-backend-config="name=foo" to set the `name` configuration',
  source: 'corpus holdout12/h12-multi-tfc-15 (hashicorp/terraform#8469)',
};
/** Steps of HCP Terraform's own login and API: not for the http or atlas state backends. */
const NOT_HTTP_STATE = {
  unless: new RegExp(`${HTTP_STATE.source}|${ATLAS_STATE.source}`),
  notFor: [HTTP_STATE_EXAMPLE, ATLAS_STATE_EXAMPLE],
};

/** terrasnek (Python API client) was constructed with an empty token (terrasnek/api.py). */
const TERRASNEK_NO_TOKEN =
  /\bterrasnek\.api\.InvalidTFCTokenException\b|raise InvalidTFCTokenException\b/;
const TERRASNEK_NO_TOKEN_EXAMPLE: Example = {
  text: '>>> api = TFC(TFC_TOKEN, url=TFC_URL)\nTraceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n  File "/Users/AL20827/Library/Python/3.9/lib/python/site-packages/terrasnek/api.py", line 151, in __init__\n    raise InvalidTFCTokenException\nterrasnek.api.InvalidTFCTokenException',
  source: 'corpus holdout16/h16-multi-terrasnek-invalid-token-43 (dahlke/terrasnek#47)',
};

/** A 403 of HCP Terraform / TFE that no family explains: the token was known (corpus holdout16). */
const TFE_FORBIDDEN_GUESS_EXAMPLE: Example = {
  text: 'Error: Error creating the new organization <my-org>: forbidden Creation of organizations has been disabled for non-admins. with tfe_organization.<my-org> on main.tf line 15, in resource "tfe_organization" "<my-org>": ',
  source:
    'corpus holdout16/h16-tfw-tfc-tfe-org-create-forbidden-1 (hashicorp/terraform-provider-tfe#443)',
};

/** A credentials helper failed (terraform-svchost's `error in <helper>`), see the signature. */
const HELPER_FAILED = /failed to retrieve credentials for [\w.-]{1,253}(?::\d{1,5})?: error in /;
const HELPER_FAILED_EXAMPLE = {
  text: 'Error: Failed to query available provider packages\nCould not retrieve the list of available versions for provider -/aws: failed\nto retrieve credentials for registry.terraform.io: error in\n/terraformer/.terraform.d/plugins/terraform-credentials-env_v1.0.0_x4: No\ncredentials for registry.terraform.io are defined via environment variables.',
  source:
    'corpus holdout17/h17-tfw-credhelper-registry-1 (apparentlymart/terraform-credentials-env#1)',
};

export const tfcToken: CatalogEntry = {
  id: 'tfc.token',
  platform: 'tfc',
  title: 'HCP Terraform / Terraform Enterprise or a private registry refused the API token',
  summary:
    'Terraform needed a token for a remote host (the `cloud`/`remote` backend, a private module or provider registry) and found none, or the host refused the one it found.',
  variants: [
    {
      when: HELPER_FAILED,
      title: 'Terraform’s credentials helper failed: the helper, not the host, returned the error',
      summary:
        'A `credentials_helper` is set in the CLI configuration, and Terraform asks it for every host it contacts, the public registry too. The helper exited with an error instead of answering; a helper with no token for a host must print `{}` and succeed, so the public registry needs none.',
      example: HELPER_FAILED_EXAMPLE,
    },
    {
      when: 'answer.guess_denied',
      title: 'HCP Terraform / Terraform Enterprise refused the action to a token it accepted',
      summary:
        'The host answered "forbidden": it knew the token and its owner may not do this — a permission of the user or team in the organization, or an action reserved for site administrators. A new token for the same user changes nothing.',
      example: TFE_FORBIDDEN_GUESS_EXAMPLE,
    },
    {
      when: TERRASNEK_NO_TOKEN,
      title: 'The HCP Terraform API client was given no token',
      summary:
        'terrasnek raises InvalidTFCTokenException when the token passed to `TFC()` is empty: the variable the script reads it from is unset in that shell, so nothing was sent to the API. It does not read the token `terraform login` stores.',
      example: TERRASNEK_NO_TOKEN_EXAMPLE,
    },
    {
      when: STATE_DOWNLOAD_REFUSED,
      title: 'The host refused to hand over a workspace’s state (401/403)',
      summary:
        'The remote or cloud backend asked for the current state version and the host answered 401/403: the token it used (the run’s own token, in a remote run) may not read that workspace’s state.',
      example: STATE_DOWNLOAD_REFUSED_EXAMPLE,
    },
    {
      when: HTTP_STATE,
      title: 'The http state backend refused the credentials it was sent',
      summary:
        'Terraform’s `http` backend (GitLab-managed state, Artifactory, another HTTP state server) got a 401 or 403: it sent no username and password, or ones that host refused. This is not HCP Terraform: its API tokens and login do not apply here.',
      example: HTTP_STATE_EXAMPLE,
    },
    {
      when: ATLAS_STATE,
      title: 'The atlas state backend has no token',
      summary:
        'The `atlas` remote state of releases up to 0.8 (HCP Terraform’s predecessor) needs a token in ATLAS_TOKEN or in the backend’s `access_token`, and found neither. `terraform login` and TF_TOKEN_<host> came later and do not apply to it.',
      example: ATLAS_STATE_EXAMPLE,
    },
  ],
  codes: ['Required token could not be found', '401 Unauthorized'],
  signatures: [
    {
      // A credentials helper (`credentials_helper` in the CLI config) failed for a host: Terraform's
      // provider and module installers wrap it as `failed to retrieve credentials for <host>: …`
      // (hashicorp/terraform internal/getproviders, registry client; read via code search) around
      // terraform-svchost's `error in <helper>: <its stderr>` (auth/helper_program.go@e2a6f75).
      id: 'credentials-helper',
      pattern: /failed to retrieve credentials for [\w.-]{1,253}(?::\d{1,5})?: error in /,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Failed to query available provider packages\nCould not retrieve the list of available versions for provider -/aws: failed\nto retrieve credentials for registry.terraform.io: error in\n/terraformer/.terraform.d/plugins/terraform-credentials-env_v1.0.0_x4: No\ncredentials for registry.terraform.io are defined via environment variables.',
          source:
            'corpus holdout17/h17-tfw-credhelper-registry-1 (apparentlymart/terraform-credentials-env#1)',
        },
      ],
    },
    {
      // terrasnek, the Python client of the HCP Terraform / TFE API (terrasnek/api.py: TFC()
      // raises it when the token it is given is empty).
      id: 'terrasnek-token',
      pattern: TERRASNEK_NO_TOKEN,
      tier: 'strong',
      examples: [TERRASNEK_NO_TOKEN_EXAMPLE],
    },
    {
      id: 'module-download',
      pattern: /bad response code: 40[13]/,
      requires: /Failed to download module/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Failed to download module Could not download module "eric" (main.tf:1) source code from "https://citizen.ohra.insim.biz/v1/modules/tarball/ohra/rds-oracle/aws/0.1.0/module.tar.gz": bad response code: 401.',
          source: 'corpus holdout3/h3-tf28659-1 (hashicorp/terraform#28659)',
        },
        {
          text: 'Error: Failed to download module Could not download module "module" from https://internal.domain/v1/terrareg/modules/namespace/module/provider/version/source.zip//modules/module?presign=xxxxxxxxxxxxxxxxxxxx: bad response code: 403.',
          source: 'corpus holdout3/h3-terrareg64-1 (MatthewJohn/terrareg#64)',
        },
      ],
    },
    {
      id: 'validate-token',
      pattern: /(?:could not|couldn't) validate (?:the |your )?(?:API )?token/i,
      requires: /Terraform Cloud|HCP Terraform|Terraform Enterprise|cdktf|terraform login/,
      tier: 'likely',
      examples: [
        {
          text: "ERROR: couldn't validate token. cdktf login Retrieves an API token to connect to Terraform Cloud.",
          source: 'corpus holdout2/h2-cdktf370-1 (github:hashicorp/terraform-cdk#370)',
        },
      ],
    },
    {
      id: 'no-token',
      pattern: /Required token could not be found/,
      tier: 'decisive',
      examples: [
        {
          text: '$ terraform init Initializing the backend... Error: Required token could not be found Run the following command to generate a token for tfe.acme.com: terraform login tfe.acme.com',
          source: 'corpus dev/gh-terraform-pr24038-1 (github:hashicorp/terraform#24038)',
        },
        {
          text: 'Error: Required token could not be found Run the following command to generate a token for app.terraform.io: terraform login',
          source: 'corpus dev/gh-setuptf-437-1 (github:hashicorp/setup-terraform#437)',
        },
      ],
    },
    {
      // The atlas remote state of Terraform 0.8 and older (HCP Terraform's predecessor).
      id: 'atlas-token',
      pattern: ATLAS_STATE,
      tier: 'strong',
      examples: [ATLAS_STATE_EXAMPLE],
    },
    {
      id: 'login-hint',
      pattern: /generate a token for [a-z0-9.-]{3,253}:|terraform login(?: [a-z0-9.-]{3,253})?$/m,
      tier: 'likely',
      examples: [
        {
          text: 'Run the following command to generate a token for app.terraform.io:\n    terraform login',
          source:
            'upstream hashicorp/terraform@v1.13.0:internal/cloud/backend.go (detail of "Required token could not be found", pasted without its summary)',
        },
      ],
    },
    {
      id: 'registry-401',
      // Literal + block context instead of a bounded gap (linear for recheck); an OCI/docker
      // registry 401 under helm is not ours, so plain "registry" is no longer enough.
      pattern: /\b401 Unauthorized\b/i,
      requires:
        /remote module registry|module registry|provider registry|registry\.terraform\.io|Failed to retrieve available versions|error looking up module versions/i,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Error accessing remote module registry\n\nFailed to retrieve available versions for module "vpc" (main.tf:1) from app.terraform.io: error looking up module versions: 401 Unauthorized.',
          source:
            'upstream hashicorp/terraform@v1.13.0:internal/initwd/module_install.go + internal/registry/client.go',
        },
        {
          text: 'Error: Error accessing remote module registry Failed to retrieve available versions for module "ResourceGroup" (main.tf:25) from gitlab.com: error looking up module versions: 401 Unauthorized.',
          source:
            'corpus dev/pg-gitlab-registry-401-55 (https://openillumi.com/en/en-fix-terraform-gitlab-401-unauthorized-error)',
        },
      ],
      counterexamples: [
        {
          text: '│ Error: could not download chart: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Aacme%2Fcharts%2Fapi%3Apull&service=registry.docker.io: 401 Unauthorized\n│\n│   with helm_release.api,\n│   on main.tf line 3, in resource "helm_release" "api":',
          source:
            "invented: helm_release pulling a chart from an OCI registry (docker's token service answers 401): a chart-registry login, not a Terraform registry token",
        },
        {
          text: 'Error: Error accessing remote module registry\n\nFailed to retrieve available versions for module "vpc" (main.tf:1) from app.terraform.io: the request failed after 2 attempts, please try again later: 503 Service Unavailable returned from app.terraform.io.',
          source:
            'upstream hashicorp/terraform@v1.13.0:internal/initwd/module_install.go + internal/registry/client.go (a registry outage, not a token)',
        },
      ],
    },
    {
      id: 'org',
      pattern:
        /Failed to read organization "?[\w-]{1,80}"? at host|your API token for [a-z0-9.-]{3,253} is valid/,
      // The same summary over a server error (`…reading the organization settings: 500 Internal
      // Server Error`) is the server's failure, not the token's.
      unless: /organization settings: 5\d\d\b/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Failed to read organization "acme" at host app.terraform.io\n\nEncountered an unexpected error while reading the organization settings: unauthorized',
          source: 'upstream hashicorp/terraform@v1.13.0:internal/cloud/backend.go',
        },
        {
          text: 'Error: Failed to read organization "brimdor-external" at host app.terraform.io on versions.tf line 7, in terraform: 7: organization = "brimdor-external" Encountered an unexpected error while reading the organization settings: unauthorized',
          source: 'corpus holdout3/h3-khuedoanhomelab110-1 (khuedoan/homelab#110)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Failed to read organization "myorganization" at host terrakube-api.mydomain.it\n\n  with data.terraform_remote_state.main,\n  on main.tf line 23, in data "terraform_remote_state" "main":\n\nThe "remote" backend encountered an unexpected error while reading the\norganization settings: 500 Internal Server Error',
          source:
            'corpus holdout14/h14-multi-terrakube-org-500-1 (terrakube-io/terrakube#530), its garbled frame characters left out',
        },
      ],
    },
    {
      // terraform internal/backend/remote/backend_state.go (`Error downloading state: %v`) and
      // internal/cloud/state.go (`error downloading state: %v`) around go-tfe's download of the
      // current state version: a 401/403 there is the token's (or its team's) access to state.
      id: 'state-download-refused',
      pattern: STATE_DOWNLOAD_REFUSED,
      tier: 'strong',
      examples: [STATE_DOWNLOAD_REFUSED_EXAMPLE],
      counterexamples: [
        {
          text: 'Error refreshing state: Error downloading state: 500 Internal Server Error',
          source:
            'invented: the message of hashicorp/terraform internal/backend/remote/backend_state.go over a server error',
        },
      ],
    },
    {
      id: 'credentials-block',
      pattern: /configured a credentials block for [a-z0-9.-]{3,253} in your CLI Config File/,
      // Above no-token: the pre-0.13 detail under the same summary, more specific.
      tier: 'decisive',
      // Terraform prints no-token's line above this one: the CLI config's credentials block is
      // what to fix.
      beats: ['tfc.token/no-token'],
      examples: [
        {
          text: 'Error: Required token could not be found\n\nMake sure you configured a credentials block for app.terraform.io in your CLI Config File.',
          source: 'upstream hashicorp/terraform@v0.12.20:backend/remote/backend.go',
        },
        {
          text: 'Initializing the backend... Error: Required token could not be found Make sure you configured a credentials block for app.terraform.io in your CLI Config File.',
          source: 'corpus holdout/ho-terraform-23173-1 (github:hashicorp/terraform#23173)',
        },
      ],
    },
    {
      id: 'go-tfe-unauthorized',
      // go-tfe reports HTTP 401 as a bare `unauthorized`; it is ours when the block is about the remote/cloud backend.
      pattern: /: unauthorized\b/,
      requires:
        /"remote" backend|"cloud" backend|[Oo]rganization|[Ww]orkspaces?|Terraform (?:Cloud|Enterprise)|HCP Terraform|app\.terraform\.io|\btfe(?:\b|_)|registry module|Error retrieving OAuth client/,
      tier: 'strong',
      examples: [
        {
          // terraform-provider-tfe: the tfe_oauth_client data source/resource around go-tfe's ErrUnauthorized.
          text: 'Error retrieving OAuth client: unauthorized',
          source: 'corpus holdout4/h4-tfe-382-1 (hashicorp/terraform-provider-tfe#382)',
        },
        {
          text: 'existing state in the backends. Error loading state: Error retrieving workspaces: unauthorized Terraform failed to load the default state from the "remote" backend. State migration cannot occur unless the state can be loaded. Backend modification and state migration has been aborted. The state in both the source and the destination remain',
          source: 'corpus holdout/ho-terraform-19657-1 (github:hashicorp/terraform#19657)',
        },
        {
          text: 'Error configuring the backend "remote": failed to read organization entitlements: unauthorized Please update the configuration in your Terraform files to fix this error. If you\'d like to update the configuration interactively without storing the values in your configuration, run "terraform init".',
          source: 'corpus holdout/ho-terraform-29586-1 (github:hashicorp/terraform#29586)',
        },
      ],
    },
    {
      id: 'remote-workspace-forbidden',
      // terraform backend/remote (and cloud) StateMgr/Workspaces: `Error creating workspace %s: %v`,
      // `Error retrieving workspaces: %v` around go-tfe's 403, which it reports as the bare status.
      pattern:
        /Error (?:creating workspace|retrieving workspaces?)\b[^:]{0,120}: (?:403 Forbidden|forbidden)\b/,
      requires:
        /"remote" backend|"cloud" backend|Terraform Cloud|HCP Terraform|Terraform Enterprise|app\.terraform\.io/,
      tier: 'likely',
      examples: [
        {
          text: ' Error: Error loading state:\n     Error creating workspace ####: 403 Forbidden\n \n Terraform failed to load the default state from the "remote" backend.\n State migration cannot occur unless the state can be loaded.',
          source: 'corpus holdout4/h4-env0-528-1 (env0/terraform-provider-env0#528)',
        },
      ],
    },
    {
      // HCP Terraform answers a relationship the token may not see (a project, an agent pool, a
      // VCS connection) with a 422 whose detail hides existence: `<Thing> not found, or you are
      // not authorized to use it`; go-tfe prints the status as `unprocessable entity`.
      id: 'not-authorized-to-use',
      pattern: /\bnot found, or you are not authorized to use it\b/,
      requires:
        /[Oo]rganization|[Ww]orkspaces?|\btfe(?:\b|_)|Terraform (?:Cloud|Enterprise)|HCP Terraform/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Error creating workspace test-workspace for organization ayush-bootcamp: unprocessable entity\n Project not found, or you are not authorized to use it.\n   with tfe_workspace.workspace,',
          source: 'corpus holdout5/h5-tfe-815-1 (hashicorp/terraform-provider-tfe#815)',
        },
      ],
    },
    {
      // go-tfe's ErrResourceNotFound ("resource not found"): HCP Terraform and Enterprise answer
      // 404, not 403, to a token that may not see the organization or workspace, so as not to
      // tell what exists. From the tfe provider, that is the token's reach first.
      id: 'tfe-not-found',
      pattern:
        /\bError (?:creating|reading|updating|deleting) [\w ]{1,60}? for organization [\w.-]{1,90}: resource not found\b/,
      tier: 'likely',
      examples: [
        {
          text: 'tfe_workspace.minews: Creating...\n╷\n│ Error: Error creating workspace minews for organization mine: resource not found',
          source: 'corpus holdout11/h11-multi-tfe-525-1 (hashicorp/terraform-provider-tfe#525)',
        },
      ],
    },
    {
      // A workspace's VCS repository that the tfe provider's token cannot use: an organization or
      // team token cannot own a GitHub App VCS connection; a user token can.
      id: 'tfe-vcs-not-accessible',
      pattern: /Repository doesn't exist or isn't accessible/,
      requires: /\btfe_workspace\b/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Error creating workspace <workspace_name> for organization <org_name>: invalid attribute\nRepository doesn\'t exist or isn\'t accessible\nwith tfe_workspace.this,\non workspaces.tf line 1, in resource "tfe_workspace" "this":\n1: resource "tfe_workspace" "this" {',
          source:
            'corpus holdout11/h11-multi-hckb-41448261717139-1 (HashiCorp support knowledge base, https://support.hashicorp.com/hc/en-us/articles/41448261717139-Error-while-configuring-the-VCS-for-Terraform-Enterprise-secondary-hostname)',
        },
      ],
    },
    {
      id: 'tfe-unauthorized',
      pattern: /\bunauthorized\b|\b401\b/i,
      requires: /app\.terraform\.io|Terraform Cloud|HCP Terraform|Terraform Enterprise/i,
      tier: 'likely',
      examples: [
        {
          text: 'https://app.terraform.io:443/.well-known/terraform.json proxy | 2021/06/10 12:54:06 [030] GET https://app.terraform.io:443/api/registry/v1/modules/lhsystems/managementgroups/azurerm/versions proxy | 2021/06/10 12:54:06 [030] 401 https://app.terraform.io:443/api/registry/v1/modules/lhsystems/managementgroups/azurerm/versions',
          source: 'corpus holdout2/h2-dependabot3723-1 (github:dependabot/dependabot-core#3723)',
        },
      ],
    },
    {
      // terraform-svchost disco.go: `Failed to request discovery document: <status>`. A 401 means
      // the host (HCP Terraform, Enterprise, Terrakube, a private registry) wants a token Terraform
      // did not send or that expired; the public registry never asks for one.
      id: 'discovery-401',
      pattern: /[Ff]ailed to request discovery document: 401\b/,
      // Above the provider-install wrapper and a bare `Unauthorized` anywhere else.
      tier: 'decisive',
      examples: [
        {
          text: '│ Error: Service discovery failed for terrakube.xx.xxxxx.xx\n│\n│ failed to request discovery document: 401 Unauthorized.',
          source:
            'upstream hashicorp/terraform-svchost:disco/disco.go; corpus holdout6/h6-terrakube-903-1 (AzBuilder/terrakube#903)',
        },
      ],
    },
    {
      id: 'host-rejected',
      // terraform internal/getproviders/errors.go ErrUnauthorized (401/403 from a provider registry or
      // mirror); it sits under "Failed to query available provider packages", so it must beat that family.
      // "requires" (no token was sent) from a public registry is an outage, not a token (opentofu/registry#2614).
      pattern:
        /host [a-z0-9.-]{3,253} rejected the given authentication credentials|host (?!registry\.terraform\.io |registry\.opentofu\.org )[a-z0-9.-]{3,253} requires authentication credentials/,
      tier: 'exact',
      examples: [
        {
          text: '│ Error: Failed to query available provider packages\n│\n│ Could not retrieve the list of available versions for provider app.terraform.io/acme/internal: host app.terraform.io rejected the given authentication credentials',
          source:
            'upstream hashicorp/terraform@v1.13.0:internal/getproviders/errors.go + internal/command/init.go',
        },
        {
          text: 'Error: Failed to query available provider packages\n\nCould not retrieve the list of available versions for provider tfe.example.com/platform/vault: host tfe.example.com requires authentication credentials',
          source:
            'upstream hashicorp/terraform@v1.13.0:internal/getproviders/errors.go + internal/command/init.go',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Failed to query available provider packages\n\nCould not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io: failed to request discovery document: Get "https://registry.terraform.io/.well-known/terraform.json": dial tcp: lookup registry.terraform.io: no such host',
          source:
            'upstream hashicorp/terraform@v1.13.0:internal/command/init.go (registry unreachable, not a token)',
        },
        {
          text: 'Error while installing hashicorp/aws v5.100.0: host registry.opentofu.org requires authentication credentials',
          source: 'corpus holdout2/h2-tofuregistry2614-1',
        },
      ],
    },
    {
      // The `http` backend (and the legacy `atlas` one it grew from) on a 401 / 403: the state
      // host (GitLab-managed state, Artifactory, TFE's atlas endpoint) refused the credentials.
      id: 'http-state-backend',
      pattern: /HTTP remote state endpoint (?:requires|invalid) auth/,
      tier: 'strong',
      examples: [
        {
          text: 'Error loading state:\n    HTTP remote state endpoint requires auth',
          source: 'corpus holdout10/h10-tf-17190-1 (hashicorp/terraform#17190)',
        },
        {
          text: 'Error: Error acquiring the state lock\n\nError message: HTTP remote state endpoint invalid auth',
          source:
            'upstream hashicorp/terraform@80c5b7fb:internal/backend/remote-state/http/client.go (403; rendered with plausible values)',
        },
      ],
    },
    {
      id: 'login-rejected',
      // terraform internal/command/login.go: the token `terraform login` obtained was refused.
      pattern: /Token is invalid: unauthorized/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Token is invalid: unauthorized',
          source: 'upstream hashicorp/terraform@v1.13.0:internal/command/login.go',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'helper-failed',
      title:
        'The credentials helper fails for a host it has no token for (an old helper release, or its settings missing where Terraform runs)',
      explanation:
        'Terraform 0.13 and later ask the helper about every host, registry.terraform.io included. A helper that errors where it should answer `{}` (terraform-credentials-env 1.0.0 for a host without its variable) stops `terraform init`; upgrade the helper, give it the host’s setting (for terraform-credentials-env, a TF_TOKEN_… variable), or remove `credentials_helper` where it is not needed.',
      prior: 0,
      boosts: [
        {
          when: HELPER_FAILED,
          by: 1,
          evidence: 'Terraform says the credentials helper it runs returned an error.',
        },
      ],
      examples: [HELPER_FAILED_EXAMPLE],
    },
    {
      id: 'token-not-permitted',
      title: 'The token is valid, but its user or team may not do this in the organization',
      explanation:
        'A 403 comes after authentication: the organization’s team permissions (or the site’s admin-only settings on Terraform Enterprise) do not allow the action.',
      prior: 0,
      boosts: [
        {
          when: 'answer.guess_denied',
          by: 0.8,
          evidence: 'The host answered forbidden, not unauthorized.',
        },
      ],
      examples: [TFE_FORBIDDEN_GUESS_EXAMPLE],
    },
    {
      id: 'atlas-token',
      title: 'ATLAS_TOKEN (or the backend’s access_token) is not set where Terraform runs',
      explanation:
        'The atlas backend reads only these two; `terraform login` and TF_TOKEN_<host> do not exist for it.',
      prior: 0,
      boosts: [
        {
          when: ATLAS_STATE,
          by: 1,
          evidence: 'The atlas backend found neither access_token nor ATLAS_TOKEN.',
        },
      ],
      examples: [ATLAS_STATE_EXAMPLE],
    },
    {
      id: 'state-not-shared',
      title:
        'The token may not read that workspace’s state: remote state sharing, or its team’s state access',
      explanation:
        'A refused state download is not a missing token: the host knew the token and would not hand over the state. A `terraform_remote_state` data source (or `tfe_outputs`) may read another workspace only if that workspace shares its state with this one (its Settings → General → Remote state sharing, or `remote_state_consumer_ids`), and a user or team token needs at least read-state access to it. A server bug answers the same (Terrakube before 2.23.2 did): compare with a token that has admin access.',
      prior: 0,
      boosts: [
        {
          when: STATE_DOWNLOAD_REFUSED,
          by: 0.9,
          evidence:
            'The host refused the state download itself (401/403), after the token was accepted for the run.',
        },
      ],
      examples: [STATE_DOWNLOAD_REFUSED_EXAMPLE],
    },
    {
      id: 'token-cannot-see',
      title:
        'The token the tfe provider uses cannot see this organization, or is the wrong kind for what it does',
      explanation:
        'HCP Terraform answers "resource not found" (404) rather than "forbidden" when a token may not see the organization or workspace. In a remote run the provider has no token unless TFE_TOKEN is a workspace variable; an organization or team token cannot do what only a user may (own a VCS connection through a GitHub App). Check the organization name too: a typo gives the same 404.',
      prior: 0,
      boosts: [
        {
          when: TFE_HIDDEN,
          by: 1,
          evidence: 'HCP Terraform hides what the token may not see behind "not found".',
        },
      ],
      examples: TFE_HIDDEN_PASTES,
    },
    {
      id: 'http-backend-credentials',
      title: 'The http state backend sent no credentials, or ones its host refused',
      explanation:
        'The `http` backend sends `username`/`password` from its block or TF_HTTP_USERNAME / TF_HTTP_PASSWORD (GitLab-managed state: your user name and a token with the api scope, or gitlab-ci-token and CI_JOB_TOKEN in a job); the legacy `atlas` backend sends ATLAS_TOKEN, which must be a user token. `terraform login` does not apply to it.',
      prior: 0,
      boosts: [
        {
          when: /HTTP remote state endpoint (?:requires|invalid) auth/,
          by: 0.9,
          evidence: 'The http state backend was refused (401 requires auth, 403 invalid auth).',
        },
      ],
      examples: HTTP_BACKEND_AUTH_PASTES,
    },
    {
      id: 'bot-token',
      title: 'The bot has no token (or a wrong one) for ⟨tfc_host⟩ in its own configuration',
      explanation:
        'Renovate and Dependabot look up module and provider versions themselves and send only the credentials of their own configuration (Renovate’s hostRules, Dependabot’s registries); `terraform login` and TF_TOKEN_* do nothing for them.',
      prior: 0,
      boosts: [
        { when: 'tool.renovate', by: 0.8, evidence: 'The paste is Renovate’s log.' },
        { when: 'tool.dependabot', by: 0.8, evidence: 'The paste is Dependabot’s log.' },
      ],
      examples: [
        {
          text: 'DEBUG: GET https://app.terraform.io/api/registry/v1/modules/<my-private-org>/<my-module>/versions = (code=ERR_NON_2XX_3XX_RESPONSE, statusCode=401 retryCount=0, duration=29) (repository=my-repo)\nDEBUG: Datasource unauthorized (repository=my-repo)',
          source: 'corpus holdout4/h4-renovate-21244-1 (renovatebot/renovate#21244)',
        },
      ],
    },
    {
      id: 'no-login',
      title: 'No token is configured for that host where Terraform runs',
      explanation:
        'Tokens live in ~/.terraform.d/credentials.tfrc.json (from `terraform login`), a `credentials` block in the CLI config, or TF_TOKEN_<host> variables.',
      prior: 0.5,
      boosts: [
        {
          when: HTTP_STATE,
          by: -1,
          evidence: 'The http state backend takes a username and password, not an API token.',
        },
        {
          when: ATLAS_STATE,
          by: -1,
          evidence: 'The atlas backend reads ATLAS_TOKEN, not TF_TOKEN_<host>.',
        },
        {
          when: /Required token could not be found/,
          by: 0.2,
          evidence: 'Terraform found no token for ⟨tfc_host⟩.',
        },
        {
          when: 'tool.renovate',
          by: -0.5,
          evidence: 'Renovate, not Terraform, made the call.',
        },
        {
          when: 'tool.dependabot',
          by: -0.5,
          evidence: 'Dependabot, not Terraform, made the call.',
        },
      ],
    },
    {
      id: 'env-name',
      title: 'TF_TOKEN_* is set under the wrong name, or the CLI config is not read',
      explanation:
        'For app.terraform.io the variable is TF_TOKEN_app_terraform_io (dots → underscores, dashes → double underscores); TF_CLI_CONFIG_FILE or a different HOME in CI changes which config file is read.',
      prior: 0.25,
      boosts: [
        {
          when: HTTP_STATE,
          by: -1,
          evidence: 'The http state backend takes a username and password, not an API token.',
        },
        {
          when: 'ci',
          by: 0.2,
          evidence: 'This ran in CI, where the token usually comes from a variable.',
        },
        {
          when: 'tool.renovate',
          by: -0.25,
          evidence: 'Renovate, not Terraform, made the call.',
        },
        {
          when: 'tool.dependabot',
          by: -0.25,
          evidence: 'Dependabot, not Terraform, made the call.',
        },
      ],
    },
    {
      id: 'token-revoked',
      title: 'The token expired, was revoked, or lacks access to the organization or registry',
      explanation:
        'Team and organization tokens can be regenerated by admins; user tokens expire if an expiry was set.',
      prior: 0.25,
      boosts: [
        {
          when: HTTP_STATE,
          by: -1,
          evidence: 'The http state backend takes a username and password, not an API token.',
        },
        {
          when: /401|[Uu]nauthorized|is valid/,
          by: 0.2,
          evidence: 'The host answered 401 Unauthorized.',
        },
      ],
    },
  ],
  // Terraform's own token places (login, TF_TOKEN_*, the CLI config) only when Terraform is the
  // client: Renovate and Dependabot send the tokens of their own configuration (situations.ts).
  steps: [
    {
      id: 'credentials-helper',
      title: 'Find the credentials helper Terraform runs, and why it fails for this host',
      detail:
        'The first command shows the `credentials_helper` block of the CLI configuration (TF_CLI_CONFIG_FILE points elsewhere when set); the helper binary sits in the plugins directory the error names. Upgrade it, set what it reads for this host, or remove the block.',
      commands: ['printenv TF_CLI_CONFIG_FILE', 'grep -n -A3 credentials_helper ~/.terraformrc'],
      when: HELPER_FAILED,
      examples: [HELPER_FAILED_EXAMPLE],
    },
    {
      // A guess on a 403: the host knew the token and refused the action, so a new login is no fix.
      id: 'token-not-allowed',
      title:
        'The host accepted the token and refused the action: check what the token’s user or team may do in that organization',
      detail:
        'A 403 ("forbidden") comes after the token was recognised. See whose token it is (first command: the account it belongs to), then that user’s or team’s permissions in the organization’s settings; some actions (creating organizations on Terraform Enterprise, for one) are for site administrators only.',
      commands: [
        'curl -sS -H "Authorization: Bearer $TFE_TOKEN" https://⟨tfc_host⟩/api/v2/account/details | jq -r ".data.attributes.username"',
      ],
      when: 'answer.guess_denied',
      examples: [TFE_FORBIDDEN_GUESS_EXAMPLE],
    },
    {
      id: 'api-client-token-unset',
      title: 'Set the token variable the script passes to the client, in the shell that runs it',
      detail:
        'The command says whether the variable is set without printing it. Create a user or team token in HCP Terraform / TFE (User settings → Tokens) and export it; `terraform login` stores its token in ~/.terraform.d/credentials.tfrc.json, which API clients do not read.',
      commands: ['[ -n "$TFC_TOKEN" ] && echo "TFC_TOKEN is set" || echo "TFC_TOKEN is empty"'],
      when: TERRASNEK_NO_TOKEN,
      examples: [TERRASNEK_NO_TOKEN_EXAMPLE],
    },
    {
      id: 'tfe-provider-token',
      title:
        'Give the tfe provider a user or team token that can see the organization (TFE_TOKEN, or `token` in the provider)',
      detail:
        '`terraform login` only helps a run on this machine: in a remote run set TFE_TOKEN as a sensitive environment variable of the workspace. Use a user token when the provider manages VCS-connected workspaces (an organization token cannot use a GitHub App connection), and check the organization name in the resource.',
      commands: ['env | grep -E "^TFE_(TOKEN|HOSTNAME|ORGANIZATION)=" | cut -d= -f1'],
      when: TFE_HIDDEN,
      examples: TFE_HIDDEN_PASTES,
    },
    {
      id: 'http-backend',
      title: 'See which credentials the http state backend sends (names only)',
      detail:
        'Set TF_HTTP_USERNAME and TF_HTTP_PASSWORD (or `username`/`password` in the backend block, or ATLAS_TOKEN for the legacy atlas backend), then re-run init.',
      commands: [
        'env | grep -E "^(TF_HTTP_|ATLAS_TOKEN)" | cut -d= -f1',
        'grep -rn -A8 \'backend "http"\' --include=*.tf .',
      ],
      when: /HTTP remote state endpoint (?:requires|invalid) auth/,
      examples: HTTP_BACKEND_AUTH_PASTES,
    },
    {
      id: 'atlas-token',
      title:
        'Give the atlas backend its token: ATLAS_TOKEN in the environment, or access_token in the backend config',
      detail:
        'Set ATLAS_TOKEN to a user or team token of the organization (from a secret store, not on the command line). From release 0.9 on the atlas backend is gone: move the state to the `remote` backend or a `cloud` block, which read `terraform login`’s token.',
      commands: ['env | grep -E "^ATLAS_(TOKEN|ADDRESS)=" | cut -d= -f1'],
      when: ATLAS_STATE,
      examples: [ATLAS_STATE_EXAMPLE],
    },
    {
      id: 'state-sharing',
      title:
        'In the workspace whose state is read: share its state with this workspace, and give the token’s team read-state access',
      detail:
        'HCP Terraform and Terraform Enterprise: the source workspace’s Settings → General → Remote state sharing (or `remote_state_consumer_ids` of `tfe_workspace_settings`), and its Team access. The API lists the workspaces it shares with; the workspace id (`ws-…`) is on its settings page. `read -rs` keeps the token off the screen.',
      commands: [
        'read -rs TFC_TOKEN && export TFC_TOKEN',
        'curl -sS -H "Authorization: Bearer $TFC_TOKEN" https://⟨tfc_host⟩/api/v2/workspaces/<workspace-id>/relationships/remote-state-consumers',
      ],
      when: STATE_DOWNLOAD_REFUSED,
      examples: [STATE_DOWNLOAD_REFUSED_EXAMPLE],
    },
    {
      id: 'login',
      title: 'Log in to the host (stores a token for it)',
      commands: ['terraform login⟦ ⟨tfc_host⟩⟧'],
      when: 'tool.terraform_cli',
      examples: [
        {
          text: '$ terraform init Initializing the backend... Error: Required token could not be found Run the following command to generate a token for tfe.acme.com: terraform login tfe.acme.com',
          source: 'corpus dev/gh-terraform-pr24038-1 (github:hashicorp/terraform#24038)',
        },
      ],
      ...NOT_HTTP_STATE,
    },
    {
      id: 'discovery',
      title: 'Check the host is the registry or Terraform host you expect',
      detail:
        'Its service discovery document (no token needed) lists what it serves (`modules.v1`, `providers.v1`, `tfe.v2`); a wrong host name or a proxy answers something else.',
      commands: ['curl -sS https://⟨tfc_host⟩/.well-known/terraform.json'],
      ...NOT_HTTP_STATE,
    },
    {
      id: 'token-check',
      title:
        'HCP Terraform / Terraform Enterprise: check the token itself (200: valid; 401: expired, revoked or for another host)',
      detail:
        '`read -rs` keeps the token off the screen and out of the shell history; paste it at the prompt.',
      commands: [
        'read -rs TFC_TOKEN && export TFC_TOKEN',
        'curl -sS -o /dev/null -w "%{http_code}\\n" -H "Authorization: Bearer $TFC_TOKEN" https://⟨tfc_host⟩/api/v2/account/details',
      ],
      when: /app\.terraform\.io|Terraform Enterprise|HCP Terraform|Terraform Cloud|\/api\/v2\//,
      ...NOT_HTTP_STATE,
    },
    {
      id: 'where',
      title: 'See where Terraform looks for tokens (names only)',
      commands: [
        'env | grep -E "^TF_(TOKEN_|CLI_CONFIG_FILE)" | cut -d= -f1',
        'ls -l ~/.terraform.d/credentials.tfrc.json ~/.terraformrc 2>/dev/null',
      ],
      when: 'tool.terraform_cli',
      ...NOT_HTTP_STATE,
    },
    {
      id: 'ci',
      title: 'In CI: export the token as TF_TOKEN_<host with dots as underscores>',
      commands: ['export TF_TOKEN_⟨tf_token_host⟩=<token-from-your-secret-store>'],
      when: 'ci.terraform_cli',
      ...NOT_HTTP_STATE,
    },
    {
      id: 'rerun',
      title: 'Re-run init',
      commands: ['terraform init'],
      when: 'tool.terraform_cli',
    },
  ],
  docs: [
    {
      title: 'Terraform CLI: `terraform login`',
      url: 'https://developer.hashicorp.com/terraform/cli/commands/login',
      when: 'tool.terraform_cli',
      unless: HTTP_STATE,
    },
    {
      title: 'Terraform CLI configuration: credentials and environment variable tokens',
      url: 'https://developer.hashicorp.com/terraform/cli/config/config-file#environment-variable-credentials',
      when: 'tool.terraform_cli',
      unless: HTTP_STATE,
    },
    {
      title: 'Renovate: private package support (hostRules)',
      url: 'https://docs.renovatebot.com/getting-started/private-packages/',
      when: 'tool.renovate',
    },
    {
      title: 'Dependabot: configuring access to private registries',
      url: 'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/configuring-access-to-private-registries-for-dependabot',
      when: 'tool.dependabot',
    },
  ],
};
