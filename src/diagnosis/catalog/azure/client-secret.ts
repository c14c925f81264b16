import type { CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

export const clientSecret: CatalogEntry = {
  id: 'azure.client_secret',
  platform: 'azure',
  title: "Entra ID rejected the service principal's secret or ids",
  summary:
    "azurerm signs in as a service principal with a client id, tenant id and client secret; Entra ID refused one of them — a wrong or expired secret, the secret's id used instead of its value, or an app or tenant that does not exist.",
  codes: ['AADSTS7000215', 'AADSTS7000222', 'AADSTS700016', 'AADSTS90002', 'invalid_client'],
  signatures: [
    { id: 'bad-secret', pattern: /AADSTS7000215|Invalid client secret provided/, weight: 0.97 },
    {
      id: 'expired-secret',
      pattern: /AADSTS7000222|client secret keys? (?:for app .{1,80}? )?(?:are|is) expired/,
      weight: 0.97,
    },
    {
      id: 'app-not-found',
      pattern: /AADSTS700016|Application with identifier '[^']{0,80}' was not found/,
      weight: 0.95,
    },
    { id: 'tenant-not-found', pattern: /AADSTS90002|Tenant '[^']{1,80}' not found/, weight: 0.95 },
    {
      id: 'invalid-client',
      pattern: /"error": ?"invalid_client"|adal: Refresh request failed/,
      weight: 0.85,
    },
  ],
  causes: [
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
          when: /AADSTS700016|AADSTS90002|not found/,
          by: 0.5,
          evidence: 'Entra cannot find the app or tenant (⟨client⟩).',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'env',
      title: 'List the ARM_* variables in use (names only)',
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
