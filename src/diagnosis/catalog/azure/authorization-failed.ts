import type { CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

export const authorizationFailed: CatalogEntry = {
  id: 'azure.authorization_failed',
  platform: 'azure',
  title: 'Authenticated to Azure, but RBAC does not allow this action',
  summary:
    'Entra ID accepted the identity; Azure Resource Manager then denied the action because no role assignment at that scope grants it (or a deny assignment or policy blocks it).',
  codes: ['AuthorizationFailed', 'LinkedAuthorizationFailed', 'Forbidden'],
  signatures: [
    { id: 'autorest-403', pattern: /autorest\/azure: .{0,200}?Status=403/, weight: 0.88 },
    {
      id: 'storage-data-plane',
      pattern:
        /\bAuthorization(?:Failure|PermissionMismatch)\b|This request is not authorized to perform this operation/,
      weight: 0.93,
    },
    { id: 'code', pattern: /\bAuthorizationFailed\b|\bLinkedAuthorizationFailed\b/, weight: 0.95 },
    {
      id: 'message',
      pattern:
        /does not have authorization to perform action|Unauthorized to perform action '[^']{3,200}'/,
      weight: 0.95,
    },
    {
      id: 'forbidden',
      pattern:
        /\(Forbidden\) Caller is not authorized|Caller is not authorized to perform action on resource/,
      weight: 0.9,
    },
    {
      id: 'register-rp',
      pattern: /does not have the necessary permissions to register Resource Providers/,
      weight: 0.88,
    },
    {
      id: 'key-vault',
      pattern:
        /does not have secrets (?:get|list|set) permission on key vault|ForbiddenByPolicy|ForbiddenByRbac/,
      weight: 0.9,
    },
  ],
  causes: [
    {
      id: 'no-role',
      title: 'No role assignment grants the action at that scope',
      explanation:
        'The identity needs a role containing ⟨action⟩ on the scope in the error (or a parent scope).',
      prior: 0.5,
    },
    {
      id: 'propagation',
      title: 'A new role assignment has not propagated, or the token predates it',
      explanation:
        'Role assignments take minutes to apply, and existing tokens carry old group memberships — log in again after granting.',
      prior: 0.15,
      boosts: [
        {
          when: /refresh your credentials/,
          by: 0.1,
          evidence: 'Azure suggests refreshing the credentials.',
        },
      ],
    },
    {
      id: 'provider-registration',
      title: 'azurerm tries to register resource providers at subscription scope',
      explanation:
        'A resource-group-scoped identity cannot register providers; set `resource_provider_registrations = "none"` (v4) or `skip_provider_registration = true` (v3).',
      prior: 0.05,
      boosts: [
        {
          when: /register\/action|register Resource Providers/,
          by: 0.6,
          evidence: 'The denied action is a resource provider registration.',
        },
      ],
    },
    {
      id: 'wrong-identity',
      title: 'Terraform runs as a different identity than the one with the role',
      explanation: 'Check the client/object id in the error against the identity you granted.',
      prior: 0.15,
      boosts: [{ when: 'principal.present', by: 0.1, evidence: 'The caller was ⟨principal⟩.' }],
    },
  ],
  steps: [
    {
      id: 'who',
      title: 'See who Terraform signs in as',
      commands: [
        'az account show --query user',
        'az ad sp show --id ⟨client⟩ --query "{name:displayName, objectId:id}"',
      ],
    },
    {
      id: 'assignments',
      title: "List the identity's role assignments",
      commands: ['az role assignment list --assignee ⟨object_id⟩ --all -o table'],
    },
    {
      id: 'grant',
      title: 'Grant a role with the action at the scope from the error',
      commands: [
        'az role assignment create --assignee ⟨object_id⟩ --role "<role-to-grant>" --scope ⟨scope⟩',
      ],
    },
    {
      id: 'registration',
      title: 'If the action is a provider registration, turn automatic registration off',
      commands: [`grep -n -A4 'provider "azurerm"' *.tf`],
      when: /register\/action|register Resource Providers/,
    },
  ],
  docs: [AZURE_DOCS.rbacTroubleshoot, AZURE_DOCS.providerAuth],
};
