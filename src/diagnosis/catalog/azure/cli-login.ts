import type { CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

export const cliLogin: CatalogEntry = {
  id: 'azure.cli_login',
  platform: 'azure',
  title: 'azurerm relies on the Azure CLI, which is not logged in',
  summary:
    'With no service principal or managed identity configured, azurerm asks the Azure CLI for a token — and the CLI is not logged in, its refresh token expired or was revoked, or the installed CLI is not the one azurerm can read.',
  codes: ['AADSTS700082', 'AADSTS50173', 'AADSTS70043'],
  signatures: [
    {
      id: 'cli-as-sp',
      pattern: /Authenticating using the Azure CLI is only supported as a User/,
      weight: 0.93,
    },
    {
      id: 'run-login',
      pattern:
        /Please run 'az login'|run `az login`|Please run: az login|Interactive authentication is needed/,
      weight: 0.88,
    },
    {
      id: 'profile-missing',
      pattern: /Azure CLI Authorization Profile was not found|No Authorization Tokens were found/,
      weight: 0.94,
    },
    {
      id: 'cli-token',
      pattern:
        /obtaining Authorization Token from the Azure CLI|could not configure AzureCli Authorizer|obtain subscription\([^)]{0,64}\) from Azure CLI|running Azure CLI: exit status/,
      weight: 0.86,
    },
    {
      id: 'refresh-expired',
      pattern: /AADSTS700082|AADSTS50173|AADSTS70043|refresh token has expired/,
      weight: 0.93,
    },
    { id: 'no-cli', pattern: /exec: "az": executable file not found/, weight: 0.9 },
    { id: 'get-token', pattern: /Get Token request returned http error/, weight: 0.8 },
  ],
  causes: [
    {
      id: 'not-logged-in',
      title: 'The Azure CLI is not logged in where Terraform runs',
      explanation:
        'Each machine, container and CI job needs its own `az login` (or a service principal / OIDC instead of the CLI).',
      prior: 0.5,
      boosts: [
        { when: 'ci', by: 0.15, evidence: 'This ran in CI, where CLI logins do not carry over.' },
      ],
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
          evidence: "Entra says the CLI's grant expired or was revoked.",
        },
      ],
    },
    {
      id: 'old-provider',
      title: 'An old azurerm (< 2.92) cannot read the token cache of a new Azure CLI',
      explanation:
        'CLI 2.30+ stores tokens with MSAL; old providers look for the previous cache and find nothing.',
      prior: 0.1,
      boosts: [
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
    },
    {
      id: 'ci',
      title: 'In CI: do not rely on the CLI; use a service principal with OIDC (ARM_USE_OIDC=true)',
      commands: ['env | grep -E "^ARM_" | cut -d= -f1'],
      when: 'ci',
    },
  ],
  docs: [AZURE_DOCS.cli, AZURE_DOCS.aadsts],
};
