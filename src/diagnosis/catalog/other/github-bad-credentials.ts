import type { CatalogEntry } from '../schema';

export const githubBadCredentials: CatalogEntry = {
  id: 'github.bad_credentials',
  platform: 'github',
  title: "GitHub refused the github provider's token",
  summary:
    'The integrations/github provider called the GitHub API with a token that is missing, invalid or revoked (401), or that lacks the permission for this call (403 from an app or Actions token).',
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
      weight: 0.9,
    },
    {
      id: 'json-message',
      pattern: /"message": ?"Bad credentials"|\bBad credentials\b/,
      weight: 0.9,
    },
    { id: 'bad-credentials', pattern: /\b401 Bad credentials\b/, weight: 0.97 },
    {
      id: 'requires-auth',
      pattern:
        /api\.github\.com[^\s]{0,200}: 401 Requires authentication|\b401 Requires authentication\b/,
      weight: 0.95,
    },
    {
      id: 'integration',
      pattern: /\b403 Resource not accessible by (?:integration|personal access token)\b/,
      weight: 0.95,
    },
    {
      id: 'must-have-admin',
      pattern: /api\.github\.com[^\s]{0,200}: 403 Must have admin rights/,
      weight: 0.9,
    },
    {
      id: 'app-token',
      // GitHub App auth: terraform-provider-github github/apps.go and ghinstallation transport.go.
      pattern:
        /failed to create OAuth token from GitHub App|no decodeable PEM data found|could not refresh installation id \d{1,20}'s token/,
      weight: 0.95,
    },
  ],
  causes: [
    {
      id: 'invalid-token',
      title: 'The token is missing, expired or revoked',
      explanation:
        'The provider reads `token` in its block, then GITHUB_TOKEN; fine-grained tokens expire and org policies can revoke classic tokens.',
      prior: 0.45,
      boosts: [{ when: /401/, by: 0.3, evidence: 'GitHub answered 401.' }],
    },
    {
      id: 'integration-permissions',
      title: 'An Actions GITHUB_TOKEN or GitHub App lacks the permission',
      explanation:
        'The workflow token and app installations only get the permissions granted explicitly; org-level resources need a PAT or an app with those scopes.',
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
        'Classic tokens need `repo`/`admin:org` for many resources and must be SSO-authorized for orgs that enforce SAML.',
      prior: 0.25,
    },
  ],
  steps: [
    {
      id: 'env',
      title: 'See which token the provider reads (names only)',
      commands: ['env | grep -E "^(GITHUB|GH)_" | cut -d= -f1'],
    },
    {
      id: 'check',
      title: 'Check the token works and its scopes',
      commands: [
        'curl -sI -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user | grep -iE "^(HTTP|x-oauth-scopes)"',
      ],
    },
    {
      id: 'workflow',
      title:
        'Actions: grant the workflow the permissions the resources need, or use an app/PAT for org resources',
      commands: [`grep -n -A8 'permissions:' .github/workflows/*.yml`],
      sources: ['actions_token', 'github_app', 'unknown'],
    },
  ],
  docs: [
    {
      title: 'github provider: authentication',
      url: 'https://registry.terraform.io/providers/integrations/github/latest/docs#authentication',
    },
    {
      title: 'GitHub Actions: permissions for the GITHUB_TOKEN',
      url: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token',
    },
  ],
};
