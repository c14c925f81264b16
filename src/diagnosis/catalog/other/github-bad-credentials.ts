import type { CatalogEntry, Example } from '../schema';

/** GitHub could not decode the App JWT that asked for an installation token. */
const APP_JWT_REFUSED = /A JSON web token could not be decoded|JWT could not be decoded/;

/** The pastes this family is proven by (its cause and its step). */
const FINE_GRAINED_GRAPHQL_PASTES: Example[] = [
  {
    text: 'Error: non-200 OK status code: 401 Unauthorized body: "{\\"message\\":\\"Personal access tokens with fine grained access do not support the GraphQL API\\",\\"documentation_url\\":\\"https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql\\"}"',
    source: 'corpus holdout4/h4-ghprov-1411-1 (integrations/terraform-provider-github#1411)',
  },
];

/** The pastes this family is proven by (its cause and its step). */
const APP_JWT_PASTES: Example[] = [
  {
    text: 'POST https://api.github.com/installations/123456/access_tokens: 401 A JSON web token could not be decoded []',
    source: 'corpus holdout11/h11-multi-gogithub-2359-1 (google/go-github#2359)',
  },
  {
    text: "2021-11-05T03:56:45.174Z\tERROR\tRequestError [HttpError]: A JSON web token could not be decoded\n\n    at /var/task/index.js:43611:21\n    at processTicksAndRejections (internal/process/task_queues.js:95:5)\n    at async getInstallationAuthentication (/var/task/index.js:43259:7) {\n  status: 401,\n  response: {\n    url: 'https://api.github.com/app/installations/20378940/access_tokens',\n    status: 401,",
    source:
      'corpus holdout11/h11-multi-ghrunner-1380-1 (github-aws-runners/terraform-aws-github-runner#1380)',
  },
];

/** GitHub's answer to a classic token not authorized for an organization that enforces SAML SSO. */
// …and tools' own wording of it (legitify's samlError: `Token is not SAML authorized for organization: X`).
const SAML_ENFORCEMENT =
  /Resource protected by organization SAML enforcement|Token is not SAML authorized for organization/;
const SAML_PASTES: Example[] = [
  {
    text: 'Using Github Cloud\nError: Token is not SAML authorized for organization: ORGANIZATION_NAME.\nPlease go to https://github.com/settings/tokens and authorize.',
    source: 'corpus holdout15/h15-multi-legitify-saml-1 (Legit-Labs/legitify#120)',
  },
  {
    text: '│ Error: GET https://api.github.com/repos/hashicorp/cdktf-repository-manager/actions/secrets/GH_COMMENT_TOKEN: 403 Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization. []',
    source: 'corpus holdout13/h13-multi-cdktfrm-saml-1 (cdktf/cdktf-repository-manager#11)',
  },
];

/**
 * An installation token (a GitHub App's, or Actions' GITHUB_TOKEN) called an endpoint of the
 * authenticated *user* (`/user/emails`, `/user/repos`): it acts for no user, and no
 * `permissions:` entry grants those. GitHub's docs for each endpoint say which tokens work.
 */
const USER_ENDPOINT_BY_INTEGRATION =
  /\/user(?:\/[a-z_]{2,40})?\b[^\n]{0,200}Resource not accessible by integration/;
const USER_ENDPOINT_BY_INTEGRATION_EXAMPLE: Example = {
  text: "Exception: Query failed to run by returning code of 403. /user/emails,... {'message': 'Resource not accessible by integration', 'documentation_url': 'https://docs.github.com/rest/reference/users#list-email-addresses-for-the-authenticated-user'}",
  source: 'corpus holdout14/h14-multi-waka-emails-403-1 (a WakaTime readme workflow)',
};

/** A call to a GitHub Enterprise Server's API (`https://HOST/api/v3/…`) that was refused. */
const GHES_CALL = /\bhttps:\/\/[a-z0-9.-]{1,200}\/api\/v3\//;
const GHES_CALL_EXAMPLE: Example = {
  text: 'Running tflint with reviewdog 🐶 ...\n  reviewdog: fail to get diff: GET https://github.enterprise.server/api/v3/repos/owner/repo/pulls/1: 401 Bad credentials []',
  source: 'corpus holdout16/h16-multi-reviewdog-ghes-diff-401-21 (reviewdog/action-tflint#109)',
};

export const githubBadCredentials: CatalogEntry = {
  id: 'github.bad_credentials',
  platform: 'github',
  title: "GitHub refused the github provider's token",
  summary:
    'The call reached the GitHub API with a token that is missing, invalid or revoked (401), or that lacks the permission for this call (403 from an app or Actions token).',
  codes: [
    '401 Bad credentials',
    '401 Requires authentication',
    '403 Resource not accessible by integration',
  ],
  signatures: [
    {
      id: 'github-401',
      pattern: /\b401 (?:Unauthorized|Bad credentials|Requires authentication)\b/,
      requires: /github/i,
      tier: 'strong',
      examples: [
        {
          text: '2022-09-28T15:07:03.291+0200 [DEBUG] provider.terraform-provider-github_v4.23.0: HTTP/2.0 401 Unauthorized 2022-09-28T15:07:03.291+0200 [DEBUG] provider.terraform-provider-github_v4.23.0: Content-Length: 80',
          source: 'corpus holdout3/h3-tfgh1306-1 (integrations/terraform-provider-github#1306)',
        },
      ],
    },
    {
      // go-github renders an API error as `<METHOD> <url>: <status> <message> <errors>`; any 401
      // from the REST API (github.com or an Enterprise Server's /api/v3) is a refused token,
      // whatever message GitHub chose (`Bad credentials`, `Invalid token provided.`, …).
      id: 'go-github-401',
      pattern:
        /\b(?:GET|POST|PUT|PATCH|DELETE) https:\/\/(?:api\.github\.com|[a-z0-9.-]{1,253}\/api\/v3)\/\S{0,400}: 401 /,
      // Below the rules that read GitHub's message: they say more.
      tier: 'strong',
      examples: [
        {
          text: '│ Error: GET https://api.github.com/orgs/qtree-sandbox/team-sync/groups?per_page=100: 401 Invalid token provided. []',
          source:
            'upstream google/go-github@v66.0.0:github/github.go (ErrorResponse.Error); corpus holdout5/h5-tfgithub-2635-1 (integrations/terraform-provider-github#2635)',
        },
        {
          text: 'Error: GET https://github.example.com/api/v3/orgs/platform/teams: 401 Token expired []',
          source:
            'invented: the same go-github format against a GitHub Enterprise Server host (the /api/v3 base URL go-github uses for Enterprise); no real paste of it found',
        },
      ],
    },
    {
      // GitHub's answer to an unauthenticated GraphQL (and some REST) call; other APIs borrowed the
      // wording, so it needs GitHub in the block.
      id: 'requires-you-authenticated',
      pattern: /This endpoint requires you to be authenticated/,
      requires: /github/i,
      tier: 'strong',
      examples: [
        {
          text: '[1] 2022-08-22T11:48:49.297Z catalog warn Processor GithubDiscoveryProcessor threw an error while reading github-discovery:https://github.com/{ORG-NAME}; caused by HttpError: This endpoint requires you to be authenticated. type=plugin',
          source: 'corpus holdout7/h7-backstage-13282-1 (backstage/backstage#13282)',
        },
      ],
    },
    {
      id: 'json-message',
      pattern: /"message": ?"Bad credentials"|\bBad credentials\b/,
      tier: 'strong',
      examples: [
        {
          text: 'g8 n8han/giter8 Exception fetching from github Unexpected response code: 401 {"message":"Bad credentials"}',
          source: 'corpus holdout2/h2-giter850-1 (github:foundweekends/giter8#50)',
        },
        {
          text: 'Run gh api gh: Bad credentials (http 401) {"message":"Bad credentials", "documentation_url":"https:/docs.github.com/rest",\'status":"401"} Error: process completed with exit code1.',
          source: 'corpus holdout3/h3-hub3364-1 (mislav/hub#3364)',
        },
      ],
    },
    {
      id: 'bad-credentials',
      pattern: /\b401 Bad credentials\b/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: GET https://api.github.com/user: 401 Bad credentials []',
          source: 'upstream google/go-github@v72.0.0:github/github.go (ErrorResponse.Error)',
        },
        {
          text: 'on <empty> line 0: (source code not available) GET https://api.github.com/user: 401 Bad credentials []',
          source:
            'corpus dev/gh-kubehetzner-1295-1 (github:mysticaltech/terraform-hcloud-kube-hetzner#1295)',
        },
      ],
    },
    {
      id: 'requires-auth',
      pattern: /\b401 Requires authentication\b/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: GET https://api.github.com/user: 401 Requires authentication [] with provider["registry.terraform.io/integrations/github"], on kube.tf line 754, in provider "github": 754: provider "github" {}',
          source:
            'corpus dev/gh-tfgithub-2008-1 (github:integrations/terraform-provider-github#2008)',
        },
        {
          text: 'Error: PUT https://api.github.com/repos/ORGORG/REPOREPO/environments/ENVENV: 401 Requires authentication []',
          source: 'corpus holdout3/h3-tfgh3483-1 (integrations/terraform-provider-github#3483)',
        },
      ],
    },
    {
      id: 'integration',
      pattern: /\b403 Resource not accessible by (?:integration|personal access token)\b/,
      tier: 'exact',
      examples: [
        {
          text: 'encountered an error while generating this plan. Error: GET https://api.github.com/user: 403 Resource not accessible by integration [] with provider["registry.terraform.io/integrations/github"], on providers.tf line 14, in provider "github": 14: provider "github" {}',
          source: 'corpus dev/gh-dflook-256-1 (github:dflook/terraform-github-actions#256)',
        },
        {
          text: 'Error: GET https://api.github.com/repos/jikig-ai/soleur/actions/secrets/public-key: 403 Resource not accessible by integration []',
          source:
            "corpus dev/pg-soleur-gh-app-403-100 (https://github.com/jikig-ai/soleur (learning note 'GitHub App three-plane permission drift'; index file id 56471412473))",
        },
      ],
    },
    {
      // GitHub's own message, as octokit (JS `HttpError`, Ruby `Octokit::Forbidden` with
      // `403 - …`) and GraphQL clients (a response's `errors`) pass it on without go-github's
      // `403 ` before it.
      id: 'integration-message',
      pattern: /\bResource not accessible by (?:integration|personal access token)\b/,
      tier: 'strong',
      examples: [
        {
          text: '  HttpError: Resource not accessible by integration\n      at /home/runner/work/_actions/agrc/create-reminder-action/v1/webpack:/create-reminder-action/node_modules/@octokit/request/dist-node/index.js:86:1',
          source: 'corpus holdout13/h13-multi-reminder-rnai-1 (agrc/create-reminder-action#176)',
        },
        {
          text: 'Error: Request failed due to following response errors:\n - Resource not accessible by integration',
          source:
            'corpus holdout13/h13-multi-sticky-rnai-1 (marocchino/sticky-pull-request-comment#893)',
        },
        {
          text: "/usr/local/bundle/gems/octokit-4.14.0/lib/octokit/response/raise_error.rb:16:in `on_complete': POST https://api.github.com/repos/i3drobotics/phase-dev/merges: 403 - Resource not accessible by integration // See: https://docs.github.com/rest/reference/repos#merge-a-branch (Octokit::Forbidden)",
          source: 'corpus holdout13/h13-multi-mergebranch-rnai-1 (devmasx/merge-branch#34)',
        },
      ],
    },
    {
      id: 'saml-enforcement',
      pattern: SAML_ENFORCEMENT,
      tier: 'exact',
      examples: SAML_PASTES,
    },
    {
      id: 'must-have-admin',
      pattern: /: 403 Must have admin rights\b/,
      requires: /api\.github\.com/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: PUT https://api.github.com/repos/acme/infra/branches/main/protection: 403 Must have admin rights to Repository. []',
          source:
            "upstream google/go-github@v72.0.0:github/github.go (ErrorResponse.Error) with GitHub's message",
        },
      ],
    },
    {
      id: 'app-token',
      // GitHub App auth: terraform-provider-github github/apps.go and ghinstallation transport.go.
      pattern:
        /failed to create OAuth token from GitHub App|[Nn]o decodeable PEM data found|could not refresh installation id \d{1,20}'s token|A JSON web token could not be decoded/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: POST https://api.github.com/app/installations/12345678/access_tokens: 401 A JSON web token could not be decoded []',
          source:
            "upstream google/go-github@v72.0.0:github/github.go (ErrorResponse.Error) with GitHub's App JWT refusal (the API's message, quoted verbatim in public test mocks)",
        },
        {
          text: 'Error: failed to create OAuth token from GitHub App: {"message":"Integration not found","documentation_url":"https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app","status":"404"}',
          source: 'upstream integrations/terraform-provider-github@v6.6.0:github/apps.go',
        },
        {
          text: 'Error: no decodeable PEM data found',
          source: 'upstream integrations/terraform-provider-github@v6.6.0:github/apps.go',
        },
        {
          text: '╷\n│ Error: No decodeable PEM data found\n│\n│ with provider["registry.terraform.io/integrations/github"],\n│ on main.tf line 17, in provider "github":',
          source: 'corpus holdout4/h4-ghprov-949-1 (integrations/terraform-provider-github#949)',
        },
        {
          text: 'Error: GET https://api.github.com/repos/acme/infra: could not refresh installation id 12345678\'s token: received non 2xx response status "401 Unauthorized" when fetching https://api.github.com/app/installations/12345678/access_tokens',
          source: 'upstream bradleyfalzon/ghinstallation@v2.16.0:transport.go',
        },
      ],
    },
    {
      // 60 requests an hour is GitHub's limit for requests without a token (authenticated ones
      // get 5,000 or more): go-github's RateLimitError ("API rate limit of %v still exceeded
      // until %v, not making remote request") at 60 says the provider went on without its token
      // (an App installation token that ran out mid-run, an empty GITHUB_TOKEN).
      id: 'anonymous-rate-limit',
      pattern: /API rate limit of 60 (?:still )?exceeded/,
      tier: 'likely',
      beats: ['throttling'],
      examples: [
        {
          text: 'Mon, 15 Nov 2021 01:50:48 GMT\nError: GET https://api.github.com/repos/MyOrg/my-repo: 403 API rate limit of 60 still exceeded until 2021-11-15 02:50:44 +0000 UTC, not making remote request. [rate reset in 59m57s]',
          source:
            'corpus holdout11/h11-multi-tfgithub-977-1 (integrations/terraform-provider-github#977)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: GET https://api.github.com/repos/MyOrg/my-repo: 403 API rate limit of 5000 still exceeded until 2021-11-15 02:50:44 +0000 UTC, not making remote request. [rate reset in 12m03s]',
          source:
            'invented: the same go-github message at the authenticated limit (throttling, the token works)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'token-other-host',
      title:
        'The token is for another GitHub host: a GitHub Enterprise Server token sent to github.com, or a github.com token to the Enterprise server',
      explanation:
        'Each GitHub host knows only its own tokens. A tool given one token for both (a workflow on GitHub Enterprise that also downloads from github.com, a bot whose hostname setting is left at github.com) is refused with Bad credentials by the host the token is not from.',
      prior: 0.05,
      boosts: [
        {
          when: GHES_CALL,
          by: 0.8,
          evidence:
            'The refused call went to a GitHub Enterprise Server (⟨github_api⟩), which does not know github.com tokens.',
        },
      ],
      examples: [GHES_CALL_EXAMPLE],
    },
    {
      id: 'user-endpoint',
      title:
        'An installation token (GITHUB_TOKEN or a GitHub App’s) cannot call this /user endpoint: it needs a user’s token',
      explanation:
        'Endpoints of the authenticated user (`/user/emails`, `/user/repos`…) answer only to a token that acts for a user: a personal access token with the scope the endpoint names (`user:email` for emails), or a GitHub App’s user access token. No `permissions:` entry gives them to the workflow’s GITHUB_TOKEN.',
      prior: 0,
      boosts: [
        {
          when: USER_ENDPOINT_BY_INTEGRATION,
          by: 1,
          evidence: 'An integration token was refused on a /user endpoint.',
        },
      ],
      examples: [USER_ENDPOINT_BY_INTEGRATION_EXAMPLE],
    },
    {
      id: 'app-jwt',
      title:
        'The GitHub App’s JWT is malformed: the app id or private key it is signed with is wrong',
      explanation:
        'Installation tokens are requested with a JWT signed by the App’s private key. GitHub could not decode it: the PEM was mangled (newlines lost in an environment variable or a parameter store, base64 not decoded), the key is not this App’s, or the app id is wrong. A personal token’s scopes have nothing to do with it.',
      prior: 0,
      boosts: [
        {
          when: APP_JWT_REFUSED,
          by: 1,
          evidence: 'GitHub could not decode the App JWT that asked for an installation token.',
        },
      ],
      examples: APP_JWT_PASTES,
    },
    {
      id: 'fine-grained-graphql',
      title:
        'A fine-grained personal access token, which GitHub’s GraphQL API does not accept here',
      explanation:
        'The github provider reads some resources through the GraphQL API; GitHub refuses fine-grained PATs there. Use a classic PAT with the needed scopes, or a GitHub App (`app_auth`).',
      prior: 0,
      boosts: [
        {
          when: /fine grained access do not support the GraphQL API|fine-grained .{0,40}GraphQL/i,
          by: 1,
          evidence:
            'GitHub says fine-grained personal access tokens do not support the GraphQL API.',
        },
      ],
      examples: FINE_GRAINED_GRAPHQL_PASTES,
    },
    {
      id: 'invalid-token',
      title: 'The token is missing, expired or revoked',
      explanation:
        'The provider reads `token` in its block, then GITHUB_TOKEN; fine-grained tokens expire and org policies can revoke classic tokens.',
      prior: 0.45,
      boosts: [
        { when: /401/, by: 0.3, evidence: 'GitHub answered 401.' },
        {
          when: /403 Must have admin rights|403 Resource not accessible by personal access token/,
          by: -0.3,
          evidence: 'GitHub accepted the token and refused the permission.',
        },
        {
          when: /fine grained access do not support the GraphQL API/i,
          by: -0.6,
          evidence: 'The token was refused for its kind, not its validity.',
        },
        {
          when: /Resource not accessible by integration/,
          by: -0.2,
          evidence: 'GitHub accepted the installation token and refused the permission.',
        },
        {
          when: SAML_ENFORCEMENT,
          by: -0.4,
          evidence: 'GitHub accepted the token and asks for its SSO authorization.',
        },
      ],
    },
    {
      id: 'sso-not-authorized',
      title: 'The token is not authorized for the organization’s SAML single sign-on',
      explanation:
        'The organization enforces SAML SSO: a classic personal access token works only after its owner authorizes it for that organization (Settings → Developer settings → Personal access tokens → Configure SSO → Authorize). Regenerating the token or changing its scopes drops the authorization. Fine-grained tokens are authorized when they are created.',
      prior: 0,
      boosts: [
        {
          when: SAML_ENFORCEMENT,
          by: 1,
          evidence: 'GitHub says the resource is protected by the organization’s SAML enforcement.',
        },
      ],
      examples: SAML_PASTES,
    },
    {
      id: 'integration-permissions',
      title:
        'The installation token (a GitHub App, or the Actions GITHUB_TOKEN) lacks the permission',
      explanation:
        'Installation tokens only get the permissions their app was granted (the Actions GITHUB_TOKEN the workflow’s `permissions:`), and only on the repositories it is installed on; org-level resources need an app with those permissions or a PAT.',
      prior: 0.3,
      boosts: [
        {
          when: /Resource not accessible by integration/,
          by: 0.5,
          evidence: 'GitHub says an integration token made the call.',
        },
      ],
    },
    {
      id: 'scopes',
      title: 'The token lacks scopes or SSO authorization for the organization',
      explanation:
        'Classic tokens need `repo`/`admin:org` (and `delete_repo` to delete) for many resources and must be SSO-authorized for orgs that enforce SAML; fine-grained tokens need the repository permission (Administration for settings and deletes).',
      prior: 0.25,
      boosts: [
        {
          when: /403 Must have admin rights|403 Resource not accessible by personal access token/,
          by: 0.5,
          evidence: 'GitHub answered 403 for a permission the token does not carry.',
        },
        {
          when: 'github.installation_token',
          by: -0.2,
          evidence: 'Installation tokens carry app permissions, not OAuth scopes.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'user-token',
      title:
        'Use a personal access token (stored as a secret) for /user endpoints, not the workflow’s GITHUB_TOKEN',
      detail:
        'Create a fine-grained or classic token with the scope the endpoint documents (`user:email` for /user/emails), store it as a repository secret, and pass that secret to the step instead of GITHUB_TOKEN. The command shows which steps pass the workflow token.',
      commands: [`grep -n "GITHUB_TOKEN\\|github.token" .github/workflows/*.yml`],
      ci: 'github-actions',
      when: USER_ENDPOINT_BY_INTEGRATION,
      examples: [USER_ENDPOINT_BY_INTEGRATION_EXAMPLE],
    },
    {
      id: 'app-private-key',
      title: 'Check the App’s private key parses as PEM and matches the app id',
      detail:
        'The key must be the PEM downloaded from the App’s settings (with its BEGIN/END lines and newlines intact), and the app id the App’s numeric id (not the client id or installation id). A key stored in SSM or a secret is often base64-encoded or has `\\n` instead of newlines: decode it before use.',
      commands: ['openssl pkey -in <app-private-key.pem> -noout && echo the key parses'],
      when: APP_JWT_REFUSED,
      examples: APP_JWT_PASTES,
    },
    {
      id: 'sso-authorize',
      title: 'Authorize the token for the organization’s SAML single sign-on',
      detail:
        'GitHub answers such a call with an `X-GitHub-SSO` header whose URL authorizes the token for the organization (the first command prints it); or, as the token’s owner: Settings → Developer settings → Personal access tokens → Configure SSO → Authorize next to the organization. An automation’s token needs its owner to do this once, and again after the token is regenerated.',
      commands: [
        'curl -sI -H "Authorization: Bearer $GITHUB_TOKEN" ⟨github_api⟩/orgs/⟨gh_owner⟩ | grep -i "^x-github-sso"',
      ],
      when: SAML_ENFORCEMENT,
      examples: SAML_PASTES,
    },
    {
      id: 'classic-token',
      title:
        'Use a classic personal access token (or a GitHub App) for the provider: GraphQL refuses fine-grained ones',
      detail:
        'Create a classic token with the scopes the resources need (`repo`, `admin:org`, …; SSO-authorize it for SAML orgs) and give it to the provider as GITHUB_TOKEN, or configure `app_auth` with a GitHub App.',
      // Renovate reads RENOVATE_TOKEN (and GITHUB_COM_TOKEN for github.com release notes).
      commands: ['env | grep -E "^(GITHUB|GH|RENOVATE)_" | cut -d= -f1'],
      when: /fine grained access do not support the GraphQL API/i,
      examples: FINE_GRAINED_GRAPHQL_PASTES,
    },
    {
      // In an Actions log, the installation token is the workflow's GITHUB_TOKEN (platforms.ts
      // detects the source): its permissions are the workflow's `permissions:`, not an app's.
      id: 'actions-token-permissions',
      title: 'Grant the workflow’s GITHUB_TOKEN the permission this call needs (`permissions:`)',
      detail:
        'In Actions the GITHUB_TOKEN has only what the job’s or workflow’s `permissions:` block grants, or the repository’s default (read-only in repositories and organizations created since February 2023). An action that merges, comments or writes needs e.g. `contents: write`, `pull-requests: write`, `issues: write`; one that reads other runs needs `actions: read`. A pull request from a fork gets a read-only token whatever the block says.',
      commands: [`grep -n -A8 'permissions:' .github/workflows/*.yml`],
      ci: 'github-actions',
      sources: ['actions_token'],
      when: /Resource not accessible by integration/,
      examples: [
        {
          text: 'Run SamhammerAG/last-successful-build-action@v4\n  with:\n    branch: develop\n    workflow: main\n    token: ***\n    verify: false\nError: Resource not accessible by integration',
          source:
            'corpus holdout13/h13-multi-lastbuild-rnai-1 (SamhammerAG/last-successful-build-action#8)',
        },
      ],
    },
    {
      // No Actions log and no Terraform: an Action's script (octokit, a GraphQL client) with the
      // workflow's GITHUB_TOKEN is as likely as a GitHub App, and both take their permissions
      // from where they are granted.
      id: 'integration-token-permissions',
      title:
        'An installation token lacks the permission: the workflow’s `permissions:` (GITHUB_TOKEN) or the GitHub App’s',
      detail:
        'GitHub says "not accessible by integration" to installation tokens: the Actions GITHUB_TOKEN (a workflow or an Action using it) and GitHub Apps’ tokens. For GITHUB_TOKEN, the job’s or workflow’s `permissions:` block grants what it may do (e.g. `contents: write` to merge or push, `pull-requests: write` to comment on a pull request, `issues: write`, `actions: read`; a pull request from a fork always gets a read-only token). For an App, its permissions and the repositories it is installed on (the second command, as an organization owner).',
      commands: [
        `grep -n -A8 'permissions:' .github/workflows/*.yml`,
        'gh api /orgs/⟨gh_owner⟩/installations --jq ".installations[] | {app_slug, repository_selection, permissions}"',
      ],
      ci: 'github-actions',
      sources: ['github_app'],
      when: /Resource not accessible by integration/,
      // go-github's `<METHOD> <url>: 403 …` is the github provider's (its app_auth leads), as is
      // any paste that names Terraform or the provider's App settings.
      unless:
        /\b(?:GET|POST|PUT|PATCH|DELETE) https:\/\/\S{1,400}: 403 (?!- )|\bapp[ _][Aa]uth\b|\bterraform\b|[╷│╵]/i,
      examples: [
        {
          text: 'Error: Request failed due to following response errors:\n - Resource not accessible by integration',
          source:
            'corpus holdout13/h13-multi-sticky-rnai-1 (marocchino/sticky-pull-request-comment#893)',
        },
      ],
      notFor: [
        {
          text: 'Error: GET https://api.github.com/repos/org/repo/collaborators?affiliation=direct&per_page=100: 403 Resource not accessible by integration []\n\n  with github_repository_collaborators.foo,\n  on main.tf line 12, in resource "github_repository_collaborators" "foo":',
          source:
            'invented: the go-github 403 of corpus holdout9/h9-tfpgithub-1929-1 inside Terraform’s diagnostic lines (the provider’s app_auth is what to check there)',
        },
      ],
    },
    {
      id: 'installation-check',
      title:
        'Installation token: check the app’s permissions and repositories on the installation (it has no OAuth scopes and cannot call /user)',
      detail:
        'GitHub answers "not accessible by integration" when the token is an installation token whose app lacks the permission for this endpoint, or is not installed on the repository. The first command shows which app and installation the provider’s `app_auth` names; the second (as an organization owner) lists each installation’s permissions and whether it has all or selected repositories. Permissions are set in the app’s settings (Permissions & events), and a change must be accepted on the installation; the REST docs name the permission each endpoint needs.',
      commands: [
        `grep -n -A8 'app_auth' *.tf`,
        'gh api /orgs/⟨gh_owner⟩/installations --jq ".installations[] | {app_slug, repository_selection, permissions}"',
      ],
      sources: ['github_app'],
      when: 'github.installation_token',
      examples: [
        {
          text: 'Error: -27T06:21:28.681Z [ERROR] vertex "github_repository_collaborators.foo (expand)" error: GET https://api.github.com/repos/org/repo/collaborators?affiliation=direct&per_page=100: 403 Resource not accessible by integration []',
          source:
            'corpus holdout9/h9-tfpgithub-1929-1 (https://github.com/integrations/terraform-provider-github/issues/1929)',
        },
      ],
    },
    {
      id: 'env',
      title: 'See which token the provider reads (names only)',
      // Renovate reads RENOVATE_TOKEN (and GITHUB_COM_TOKEN for github.com release notes).
      commands: ['env | grep -E "^(GITHUB|GH|RENOVATE)_" | cut -d= -f1'],
    },
    {
      id: 'check',
      title: 'Check the token works and its scopes',
      commands: [
        'curl -sI -H "Authorization: Bearer $GITHUB_TOKEN" ⟨github_api⟩/user | grep -iE "^(HTTP|x-oauth-scopes)"',
      ],
      // Installation tokens cannot call /user and carry no OAuth scopes.
      sources: ['pat', 'unknown'],
    },
    {
      id: 'workflow',
      title:
        'Actions: grant the workflow the permissions the resources need, or use an app/PAT for org resources',
      commands: [`grep -n -A8 'permissions:' .github/workflows/*.yml`],
      ci: 'github-actions',
      sources: ['actions_token', 'unknown'],
    },
  ],
  docs: [
    {
      title: 'github provider: authentication',
      url: 'https://registry.terraform.io/providers/integrations/github/latest/docs#authentication',
    },
    {
      title: 'GitHub REST API: permissions required for GitHub Apps',
      url: 'https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps',
      when: 'github.installation_token',
    },
    {
      title: 'GitHub Actions: permissions for the GITHUB_TOKEN',
      url: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token',
    },
  ],
};
