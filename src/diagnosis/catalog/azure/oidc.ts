import type { CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

export const oidc: CatalogEntry = {
  id: 'azure.oidc',
  platform: 'azure',
  title: 'Workload identity federation or managed identity sign-in failed',
  summary:
    "The pipeline presented an OIDC token to Entra ID (or asked the managed identity endpoint for one) and the exchange failed: no federated credential matches the token's subject/issuer/audience, or the job could not mint a token at all.",
  codes: ['AADSTS70021', 'AADSTS700213', 'AADSTS700024', 'AADSTS700211'],
  signatures: [
    {
      id: 'github-assertion',
      pattern: /githubAssertion|oidcAssertion|cannot request token: Get "\?audience/,
      weight: 0.9,
    },
    {
      id: 'no-match',
      pattern: /AADSTS70021\b|AADSTS700213|No matching federated identity record found/,
      weight: 0.97,
    },
    {
      id: 'issuer',
      pattern:
        /AADSTS700211|No matching federated identity record found for presented assertion issuer/,
      weight: 0.96,
    },
    {
      id: 'assertion-time',
      pattern: /AADSTS700024|Client assertion is not within its valid time range/,
      weight: 0.95,
    },
    {
      id: 'id-token',
      pattern: /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|give write permissions to id-token/,
      requires: /[Aa]zure|AZURE|ARM_|az login|AADSTS/,
      weight: 0.88,
    },
    {
      id: 'msi',
      pattern:
        /ManagedIdentity(?:Credential|Authorizer)|managed identity (?:endpoint|authentication)|IMDS endpoint .{0,40}unavailable|MSI endpoint|169\.254\.169\.254\/metadata\/identity/,
      weight: 0.93,
    },
    {
      id: 'oidc-token',
      pattern: /OIDC token (?:request|could not)|getting OIDC token|ARM_OIDC_TOKEN/,
      weight: 0.85,
    },
  ],
  causes: [
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
      ],
    },
    {
      id: 'no-token',
      title: 'The workflow cannot mint an OIDC token',
      explanation:
        'GitHub Actions jobs need `permissions: id-token: write` for ACTIONS_ID_TOKEN_REQUEST_URL to exist.',
      prior: 0.15,
      boosts: [
        {
          when: /ACTIONS_ID_TOKEN_REQUEST|id-token/,
          by: 0.6,
          evidence: 'The job had no ID-token request URL: the workflow lacks `id-token: write`.',
        },
      ],
    },
    {
      id: 'managed-identity',
      title: 'The managed identity is not assigned or not reachable on this host',
      explanation:
        'A user-assigned identity must be attached to the VM/agent and its client id set in ARM_CLIENT_ID.',
      prior: 0.1,
      boosts: [
        {
          when: /ManagedIdentity|managed identity|MSI|metadata\/identity/,
          by: 0.5,
          evidence: 'The failure came from the managed identity endpoint.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'federated',
      title:
        "List the app's federated credentials and compare subject, issuer and audience with the error",
      commands: [
        'az ad app federated-credential list --id ⟨client⟩ --query "[].{subject:subject, issuer:issuer, audiences:audiences}" -o table',
      ],
    },
    {
      id: 'permissions',
      title: 'GitHub Actions: grant the job an ID token',
      detail: 'Add `permissions: { id-token: write, contents: read }` to the workflow or job.',
      commands: [`grep -n -B2 -A4 'id-token' .github/workflows/*.yml`],
    },
    {
      id: 'add-credential',
      title: 'Add a federated credential for the subject in the error',
      commands: [
        `az ad app federated-credential create --id ⟨client⟩ --parameters '{"name":"<name>","issuer":"⟨issuer⟩","subject":"⟨subject⟩","audiences":["api://AzureADTokenExchange"]}'`,
      ],
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
