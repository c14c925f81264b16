import type { Example, CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

const AZD_ENV_LIST_DENIED =
  'PS D:\\Sandbox\\EmptyProj> azd env list\n\nERROR: listing environments: retrieving remote environments, listing blobs: failed to get next page of blobs, GET https://redacted.blob.core.windows.net/todo-csharp-cosmos-sql\n--------------------------------------------------------------------------------\nRESPONSE 403: 403 This request is not authorized to perform this operation using this permission.\nERROR CODE: AuthorizationPermissionMismatch\n--------------------------------------------------------------------------------';
// azurerm reads the subscription's resource providers when it starts (terraform-provider-azurerm
// "Unable to list provider registration status"): the identity needs a role on the subscription.
const PROVIDER_LIST_DENIED =
  /Unable to list provider registration status|subscriptions\/providers\/read'|ProvidersClient#List\b/;
const HOLDOUT10_PROVIDER_LIST =
  "Error: Error running plan: 1 error(s) occurred:\n* provider.azurerm: Unable to list provider registration status, it is possible that this is due to invalid credentials or the service principal does not have permission to use the Resource Manager API, Azure error: resources.ProvidersClient#List: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code=\"AuthorizationFailed\" Message=\"The client '96ea2142-599c-4e37-b80f-b569cd59c39b' with object id '96ea2142-599c-4e37-b80f-b569cd59c39b' does not have authorization to perform action 'Microsoft.Resources/subscriptions/providers/read' over scope '/subscriptions/df28ef54-071d-4d9c-886b-045bdffda9aa'.\"";
const PROVIDER_LIST_SOURCE = 'corpus holdout10/h10-tf-18180-1 (hashicorp/terraform#18180)';
const AZD_SOURCE = 'corpus holdout10/h10-azd-2790-1 (Azure/azure-dev#2790)';

/** The caller may act on the resource, but its tenant may not reach a linked subscription. */
const LINKED_TENANT =
  /LinkedAuthorizationFailed[\s\S]{0,600}?is not authorized to access linked subscription/;
const LINKED_TENANT_PASTE =
  '{\n "code": "LinkedAuthorizationFailed",\n "message": "The client has permission to perform action \'Microsoft.Network/virtualNetworks/subnets/join/action\' on scope \'/subscriptions/<SUBID>/resourcegroups/<RGNAME>/providers/Microsoft.Compute/virtualMachineScaleSets/ss-compute\', however the current tenant \'<TENANTID>\' is not authorized to access linked subscription \'<SUBID>\'."\n}';
const LINKED_TENANT_EXAMPLE: Example = {
  text: LINKED_TENANT_PASTE,
  source: 'corpus holdout12/h12-multi-az-authz-15 (Azure/OpenShift#41)',
};

/** Key Vault's RBAC permission model refused a data-plane call (a secret, key or certificate). */
const KEY_VAULT_RBAC = /ForbiddenByRbac|DeniedWithNoValidRBAC/;
const KEY_VAULT_RBAC_PASTE =
  '│ Error: checking for presence of existing Secret "7XXXXXXXX6" (Key Vault "https://test-piyush-kv-1011.vault.azure.net/"): keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Caller is not authorized to perform action on resource.\\r\\nAction: \'Microsoft.KeyVault/vaults/secrets/getSecret/action\'\\r\\nDecisionReason: \'DeniedWithNoValidRBAC\' \\r\\nVault: test-piyush-kv-1011;location=canadacentral\\r\\n" InnerError={"code":"ForbiddenByRbac"}';
const KEY_VAULT_RBAC_EXAMPLE: Example = {
  text: KEY_VAULT_RBAC_PASTE,
  source: 'corpus holdout12/h12-multi-az-authz-13 (piyushsachdeva/Terraform_AKS#2), shortened',
};

/** A deployment at the tenant scope (not a subscription's or a management group's). */
const TENANT_DEPLOYMENT = /over scope '\/providers\/Microsoft\.Resources\/deployments\//;

/** Microsoft Graph refused the caller (any code of a 403 from hamilton / go-azure-sdk msgraph). */
const GRAPH_403 = /unexpected status 403 with OData error\b/;
const GRAPH_DENIED =
  /Authorization_RequestDenied|Insufficient privileges to complete the operation|unexpected status 403 with OData error\b/;
const GRAPH_403_EXAMPLE: Example = {
  text: 'Error: Retrieving access package assignment policy with object ID: "xxxxxxx-xxxxxxx-xxxxxx-xxxxxx"\n│ \n│   with module.az_aad_access_packages[0].azuread_access_package_assignment_policy.this[0],\n│   on ..xxxxx/xxxxx/xxxxxx/main.tf line xx, in resource "azuread_access_package_assignment_policy" "this":\n│   xx: resource "azuread_access_package_assignment_policy" "this" {\n│ \n│ AccessPackageAssignmentPolicyClient.BaseClient.Get(): unexpected status 403\n│ with OData error: UnAuthorized: User is not authorized to perform the\n│ operation. Reason: Unauthorized',
  source:
    'corpus holdout16/h16-tfw-azuread-access-package-403-1 (hashicorp/terraform#34139); format upstream manicminer/hamilton:msgraph/client.go',
};

/**
 * ARM's LinkedAuthorizationFailed when the linked resource's subscription does not exist (an
 * all-zeros id is a placeholder nobody replaced); a tenant that may not reach it is LINKED_TENANT's.
 */
const LINKED_AUTHORIZATION = /however the linked subscription '[^']{1,80}' was not found/;
const LINKED_AUTHORIZATION_EXAMPLE = {
  text: '╷\n│ Error: creating/updating "Resource: (ResourceId \\"/subscriptions/## REDACTED ## /resourceGroups/## REDACTED ##/providers/Microsoft.Network/virtualNetworks/## REDACTED ##\\" / Api Version \\"2021-08-01\\")": PUT https://management.azure.com/subscriptions/## REDACTED ##/resourceGroups/## REDACTED ##/providers/Microsoft.Network/virtualNetworks/## REDACTED ##\n│ --------------------------------------------------------------------------------\n│ RESPONSE 403: 403 Forbidden\n│ ERROR CODE: LinkedAuthorizationFailed\n│ --------------------------------------------------------------------------------\n│ {\n│   "error": {\n│     "code": "LinkedAuthorizationFailed",\n│     "message": "The client has permission to perform action \'Microsoft.Network/ddosProtectionPlans/join/action\' on scope \'/subscriptions/## REDACTED ##/resourceGroups/## REDACTED ##/providers/Microsoft.Network/virtualNetworks/## REDACTED ##\', however the linked subscription \'00000000-0000-0000-0000-000000000000\' was not found. "\n│   }\n│ }\n│ --------------------------------------------------------------------------------\n│',
  source:
    'corpus holdout17/h17-tfw-lzvending-linkedauth-1 (Azure/terraform-azurerm-lz-vending#149)',
};

export const authorizationFailed: CatalogEntry = {
  id: 'azure.authorization_failed',
  platform: 'azure',
  title: 'Authenticated to Azure, but RBAC does not allow this action',
  summary:
    'Entra ID accepted the identity; Azure Resource Manager then denied the action because no role assignment at that scope grants it (or a deny assignment or policy blocks it).',
  variants: [
    {
      when: LINKED_AUTHORIZATION,
      title: 'The resource links to another one whose subscription Azure cannot find',
      summary:
        'The caller may perform the action on the resource itself; the refusal is about the other resource it references (a DDoS protection plan, a subnet, a key vault key), whose subscription was not found: its id is wrong. An id of zeros is a placeholder that was never filled. No role assignment fixes it.',
      example: LINKED_AUTHORIZATION_EXAMPLE,
    },
    {
      when: GRAPH_DENIED,
      title:
        'Signed in to Microsoft Entra, but Microsoft Graph does not allow this directory operation',
      summary:
        'The azuread provider (or another Graph client) was authenticated; Microsoft Graph refused the operation because the identity lacks the Graph API permission (with admin consent) or the directory role it needs. Azure RBAC role assignments do not govern Graph.',
      example: GRAPH_403_EXAMPLE,
    },
  ],
  codes: ['AuthorizationFailed', 'LinkedAuthorizationFailed', 'Forbidden'],
  signatures: [
    {
      id: 'autorest-403',
      // Split so the pattern is a literal (linear; recheck-safe).
      pattern: /\bStatus=403 Code=/,
      requires: /autorest\/azure: /,
      tier: 'likely',
      examples: [
        {
          text: 'Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Access denied" InnerError={"code":"AccessDenied"}',
          source: 'corpus holdout3/h3-azurerm2946-1 (hashicorp/terraform-provider-azurerm#2946)',
        },
      ],
    },
    {
      id: 'storage-data-plane',
      pattern:
        /\bAuthorization(?:Failure|PermissionMismatch)\b|This request is not authorized to perform this operation/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Error acquiring the state lock\n\nError message: 2 errors occurred:\n\t* blobs.Client#Lease: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationPermissionMismatch" Message="This request is not authorized to perform this operation using this permission."',
          source:
            'invented: azurerm backend (autorest generation) lock error wrapping the storage 403 of a principal without Storage Blob Data Contributor',
        },
        {
          text: 'StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationFailure" Message="This request is not authorized to perform this operation.\\nRequestId:981b30a7-d01e-00b2-46b4-b4ee7d000000\\nTime:2021-09-28T22:03:03.0143322Z"',
          source: 'corpus holdout3/h3-tf29667-1 (hashicorp/terraform#29667)',
        },
        {
          text: 'StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationPermissionMismatch" Message="This request is not authorized to perform this operation using this permission.\\nRequestId:daf66ed3-001e-0041-4143-13c92c000000\\nTime:2024-09-30T14:14:45.9666737Z"',
          source: 'corpus holdout3/h3-alzps204-1 (Azure/ALZ-PowerShell-Module#204)',
        },
      ],
    },
    {
      id: 'code',
      pattern: /\bAuthorizationFailed\b|\bLinkedAuthorizationFailed\b/,
      tier: 'exact',
      examples: [
        {
          text: "provider \"Microsoft.MixedReality\": unexpected status 403 (403 Forbidden) with error: AuthorizationFailed: The client '<CLIENT>' with object id '<OBJ_ID>' does not have authorization to perform action 'Microsoft.MixedReality/register/action' over scope '/subscriptions/<SUB_ID>' or the scope is invalid. If access was recently granted, please refresh",
          source: 'corpus dev/gh-langfuseaz-23-1 (github:langfuse/langfuse-terraform-azure#23)',
        },
        {
          text: "StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code=\"AuthorizationFailed\" Message=\"The client 'thomas' with object id '.............' does not have authorization to perform action 'Microsoft.RecoveryServices/register/action' over scope '/subscriptions/...'.\".",
          source: 'corpus dev/gh-azurerm-3534-1 (github:hashicorp/terraform-provider-azurerm#3534)',
        },
      ],
    },
    {
      id: 'message',
      pattern:
        /does not have authorization to perform action|Unauthorized to perform action '[^']{3,200}'/,
      tier: 'exact',
      examples: [
        {
          text: "Error: checking for presence of existing role assignment: Unauthorized to perform action 'Microsoft.Authorization/roleAssignments/read'",
          source:
            'corpus dev/pg-az-roleassign-read-29 (https://stigcloud.com/2026/04/17/terraform-apply-fails-with-403-error-fix-it-fast/)',
        },
        {
          text: "The client '' with object id '' does not have authorization to perform action 'Microsoft.Compute/virtualMachines/write' over scope '/subscriptions//resourceGroups/myRG/providers/Microsoft.Compute/virtualMachines/myVM'",
          source:
            'corpus dev/pg-az-authz-arm-48 (https://oneuptime.com/blog/post/2026-02-16-how-to-fix-authorizationfailed-errors-when-deploying-azure-resources-with-arm-templates/view)',
        },
      ],
    },
    {
      id: 'graph-request-denied',
      // Microsoft Graph's error code for a caller without the directory role or app permission;
      // azuread 2.x prints it through hamilton (`unexpected status %d with OData error: %s`),
      // 3.x through go-azure-sdk's msgraph client.
      pattern: /\bAuthorization_RequestDenied\b/,
      tier: 'exact',
      examples: [
        {
          text: '│ Error: Creating user "airsonic-user@microsoft.onmicrosoft.com"\n│\n│   with module.application.azuread_user.airsonic_user,\n│\n│ UsersClient.BaseClient.Post(): unexpected status 403 with OData error: Authorization_RequestDenied: Insufficient privileges to complete the operation.',
          source:
            'corpus holdout4/h4-rwajava-22-1 (Azure/reliable-web-app-pattern-java#22); format upstream manicminer/hamilton:msgraph/client.go',
        },
        {
          text: 'Error: Creating group "Group-name-axtwb"\n\nGroupsClient.BaseClient.Post(): unexpected status 403 with OData error:\nAuthorization_RequestDenied: Insufficient privileges to complete the',
          source: 'corpus holdout4/h4-azmpf-45-1 (Azure/mpf#45)',
        },
      ],
    },
    {
      // Any other 403 of Graph through hamilton or go-azure-sdk's msgraph client (`%sClient.
      // BaseClient.%s(): unexpected status 403 with OData error: <code>: <message>`): Graph's
      // codes for a caller without the permission vary by API (UnAuthorized for identity
      // governance, Authorization_RequestDenied for the directory).
      id: 'graph-403',
      pattern: GRAPH_403,
      tier: 'strong',
      examples: [GRAPH_403_EXAMPLE],
    },
    {
      id: 'forbidden',
      pattern:
        /\(Forbidden\) Caller is not authorized|Caller is not authorized to perform action on resource/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: checking for presence of existing Secret "db" (Key Vault "https://test-kv-1011.vault.azure.net/"): keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Caller is not authorized to perform action on resource.\\r\\nAction: \'Microsoft.KeyVault/vaults/secrets/getSecret/action\'\\r\\nDecisionReason: \'DeniedWithNoValidRBAC\'" InnerError={"code":"ForbiddenByRbac"}',
          source: 'issue piyushsachdeva/Terraform_AKS#2',
        },
        {
          text: 'ERROR: (Forbidden) Caller is not authorized to perform action on resource.',
          source:
            'corpus dev/pg-dfe-caller-forbidden-69 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
      ],
    },
    {
      id: 'register-rp',
      pattern: /does not have the necessary permissions to register Resource Providers/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Terraform does not have the necessary permissions to register Resource Providers.\nTerraform automatically attempts to register the Azure Resource Providers it supports, to\nensure it is able to provision resources.\n\nEncountered the following errors:\n\nregistering resource provider "Microsoft.App": authorization failed',
          source:
            'upstream hashicorp/terraform-provider-azurerm@v4.40.0:internal/resourceproviders/errors.go',
        },
      ],
    },
    {
      id: 'key-vault',
      pattern:
        /does not have secrets (?:get|list|set) permission on key vault|ForbiddenByPolicy|ForbiddenByRbac/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: making Read request on Azure KeyVault Secret cyberark-ip-ingress: keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="The user, group or application \'appid=***;oid=ac21f8dc-f2ee-4a56-bd88-51a5ae230dd8;iss=https://sts.windows.net/***/\' does not have secrets get permission on key vault \'pdhstaging-keyvault;location=eastus\'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287" InnerError={"code":"AccessDenied"}',
          source: 'issue CDCgov/prime-reportstream#16819',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'linked-resource',
      title:
        'The linked resource’s id is wrong: a placeholder, a default or an empty variable points at a subscription that does not exist',
      explanation:
        'LinkedAuthorizationFailed names the linked action (e.g. `…/ddosProtectionPlans/join/action`); a linked subscription that was not found means the id points nowhere (all zeros: a default value, an unset variable). Give the real resource id, or drop the link.',
      prior: 0,
      boosts: [
        {
          when: LINKED_AUTHORIZATION,
          by: 1,
          evidence: 'ARM says the linked resource’s subscription was not found.',
        },
      ],
      examples: [LINKED_AUTHORIZATION_EXAMPLE],
    },
    {
      id: 'key-vault-data-role',
      title: 'The vault uses Azure RBAC, and the identity has no Key Vault data role on it',
      explanation:
        'A Key Vault with the RBAC permission model checks data-plane roles (Key Vault Secrets Officer or User, Crypto Officer, Certificates Officer) on the vault; Owner or Contributor on the subscription only manage the vault itself, and access policies no longer apply.',
      prior: 0,
      boosts: [
        {
          when: KEY_VAULT_RBAC,
          by: 1,
          evidence: 'Key Vault says no valid RBAC assignment allowed the call (ForbiddenByRbac).',
        },
      ],
      examples: [KEY_VAULT_RBAC_EXAMPLE],
    },
    {
      id: 'linked-subscription-tenant',
      title:
        'The resource links to a subscription in another tenant, which this tenant may not use',
      explanation:
        'Entra says the caller has the permission, but the referenced resource (a subnet, an image, a key) lives in a subscription whose tenant differs from the one the caller signed in to. Cross-tenant references need the identity to be known in both tenants (a multi-tenant app or a guest user), and a token from each: azurerm’s `auxiliary_tenant_ids`, `az login` to both tenants.',
      prior: 0,
      boosts: [
        {
          when: LINKED_TENANT,
          by: 1,
          evidence: 'Entra says the current tenant may not access the linked subscription.',
        },
      ],
      examples: [LINKED_TENANT_EXAMPLE],
    },
    {
      id: 'graph-permission',
      title:
        'Microsoft Entra (Graph) denied it: the identity lacks an API permission or directory role',
      explanation:
        'azuread calls Microsoft Graph, which Azure RBAC does not govern: the app needs a Graph application permission (e.g. User.ReadWrite.All, Group.ReadWrite.All) with admin consent, or the identity a directory role (User/Groups Administrator). A role assignment on a subscription does not help.',
      prior: 0.01,
      boosts: [
        {
          when: GRAPH_DENIED,
          by: 0.95,
          evidence: 'Microsoft Graph refused the caller (a directory permission, not RBAC).',
        },
      ],
    },
    {
      id: 'storage-data-role',
      title:
        'The identity has no data role for this storage service on the account (Owner or Contributor do not read data)',
      explanation:
        'With Entra ID auth to blobs (the azurerm backend’s `use_azuread_auth`, storage data plane calls), reading, writing and leasing state needs Storage Blob Data Contributor on the account or container; management roles only cover the control plane.',
      prior: 0,
      boosts: [
        {
          when: /AuthorizationPermissionMismatch/,
          by: 0.8,
          evidence:
            'Storage answered AuthorizationPermissionMismatch: the caller lacks a data-plane role.',
        },
      ],
      examples: [
        {
          text: 'Error: Error acquiring the state lock\n\nError message: 2 errors occurred:\n\t* blobs.Client#Lease: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationPermissionMismatch" Message="This request is not authorized to perform this operation using this permission."',
          source:
            'invented: azurerm backend (autorest generation) lock error wrapping the storage 403 of a principal without Storage Blob Data Contributor',
        },
      ],
    },
    {
      id: 'storage-network',
      title: 'The storage account’s firewall, or the SAS token’s scope, refuses this request',
      explanation:
        'Storage’s bare AuthorizationFailure (not “…using this permission”) comes from the account’s network rules (public access disabled, this runner’s IP not allowed, no private endpoint from here) or from a SAS token without the list/read/write permission, for another container, or expired.',
      prior: 0,
      boosts: [
        {
          when: /Code="?AuthorizationFailure"?|AuthorizationFailure: This request is not authorized/,
          by: 0.7,
          evidence:
            'Storage answered AuthorizationFailure, which network rules and SAS tokens give.',
        },
      ],
      examples: [
        {
          text: 'Failed to get existing workspaces: containers.Client#ListBlobs: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationFailure" Message="This request is not authorized to perform this operation.',
          source: 'corpus holdout4/h4-tf-29612-1 (hashicorp/terraform#29612)',
        },
      ],
    },
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
      terraform: true,
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
        {
          when: PROVIDER_LIST_DENIED,
          by: 0.6,
          evidence:
            'azurerm could not even list the subscription’s resource providers at start-up: the identity has no role on the subscription.',
        },
      ],
      examples: [{ text: HOLDOUT10_PROVIDER_LIST, source: PROVIDER_LIST_SOURCE }],
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
      id: 'linked-resource-id',
      title:
        'Find the linked resource id in the configuration and check it points at a real resource',
      detail:
        'The first command finds ids made of zeros (a placeholder or a default); the second the references such a link usually comes from. Give the real resource id, or drop the link, before granting anything.',
      commands: [
        "grep -rn '00000000-0000-0000-0000-000000000000' --include='*.tf' --include='*.tfvars' .",
        `grep -rn -E 'ddos_protection_plan|subnet_id|key_vault_key_id' --include='*.tf' .`,
      ],
      when: LINKED_AUTHORIZATION,
      examples: [LINKED_AUTHORIZATION_EXAMPLE],
    },
    {
      // ARM's tenant deployments ("Deploy resources to tenant"): a role at the root scope `/`,
      // after a Global Administrator elevates access (Microsoft.Authorization/elevateAccess).
      id: 'tenant-root-deployment',
      title:
        'A tenant-level deployment needs a role at the root scope `/`, which a Global Administrator must elevate to grant',
      detail:
        'The scope is a deployment at the tenant (`/providers/Microsoft.Resources/deployments/…`, as the Azure Landing Zones / enterprise-scale templates make): no subscription or management-group role covers it, and the deployment path itself is not a scope to assign at. A Global Administrator first elevates access (Entra ID → Properties → Access management for Azure resources), then assigns the deploying identity Owner (or a role with `Microsoft.Resources/deployments/*`) at `/`.',
      commands: ['az role assignment create --assignee ⟨object_id⟩ --role Owner --scope /'],
      when: TENANT_DEPLOYMENT,
      examples: [
        {
          text: "{\"message\":\"The client 'username' with object id 'xxxx-xxx-xxx-xxxx' does not have authorization to perform action 'Microsoft.Resources/deployments/validate/action' over scope '/providers/Microsoft.Resources/deployments/NoMarketplace-20200930204030' or the scope is invalid. If access was recently granted, please refresh your credentials.\"}",
          source: 'corpus holdout13/h13-multi-alz-authz-1 (Azure/Azure-Landing-Zones#3347)',
        },
      ],
    },
    {
      id: 'linked-subscription',
      title: 'See which tenant each subscription belongs to, and sign in to the linked one too',
      detail:
        'The linked subscription’s tenant must accept the same identity (a multi-tenant app registration consented there, or a guest user); then give the client a token for it (azurerm: `auxiliary_tenant_ids`; the Azure CLI: `az login --tenant` for each).',
      commands: ['az account list --query "[].{name:name, id:id, tenant:tenantId}" -o table'],
      when: LINKED_TENANT,
      examples: [LINKED_TENANT_EXAMPLE],
    },
    {
      id: 'subscription-role-for-provider',
      title:
        'Give the identity a role on the subscription, or tell azurerm not to register resource providers',
      detail:
        'azurerm lists (and registers) resource providers at start-up, which needs at least Reader on the subscription. An identity meant to hold rights on one resource group only: set `resource_provider_registrations = "none"` (azurerm v4) or `skip_provider_registration = true` (v3) in the provider block instead.',
      commands: [
        'az role assignment list --assignee ⟨client⟩ --all -o table',
        'az role assignment create --assignee ⟨client⟩ --role Reader --scope /subscriptions/⟨subscription⟩',
      ],
      when: PROVIDER_LIST_DENIED,
      examples: [{ text: HOLDOUT10_PROVIDER_LIST, source: PROVIDER_LIST_SOURCE }],
    },
    {
      id: 'graph-permissions',
      title: 'Grant the app the Graph permission it needs, with admin consent (not an RBAC role)',
      detail:
        'In Entra ID → App registrations → API permissions: add the Microsoft Graph application permission for what Terraform creates, then grant admin consent (needs a Privileged Role or Global Administrator). Or give the identity a directory role such as User Administrator or Groups Administrator.',
      commands: [
        'az ad app permission list --id ⟨client⟩ -o table',
        'az ad app permission admin-consent --id ⟨client⟩',
      ],
      when: GRAPH_DENIED,
      examples: [
        {
          text: 'Error: Creating group "Group-name-axtwb"\n\n  with azuread_group.res_ds_group[0],\n  on rbac.tf line 3, in resource "azuread_group" "res_ds_group":\n   3: resource "azuread_group" "res_ds_group" {\n\nGroupsClient.BaseClient.Post(): unexpected status 403 with OData error:\nAuthorization_RequestDenied: Insufficient privileges to complete the operation.',
          source: 'corpus holdout4/h4-azmpf-45-1 (Azure/mpf#45)',
        },
      ],
    },
    {
      id: 'storage-network',
      title:
        'Check the storage account’s network rules (and the SAS token, if the backend uses one)',
      detail:
        'A runner outside the allowed networks needs its IP added, a private endpoint, or public access enabled for selected networks. With `sas_token` (ARM_SAS_TOKEN), the token needs list, read, write and delete on the container and must not have expired.',
      commands: [
        'az storage account show --name ⟨storage_account⟩ --query "{publicNetworkAccess:publicNetworkAccess, defaultAction:networkRuleSet.defaultAction, ipRules:networkRuleSet.ipRules[].ipAddressOrRange}"',
      ],
      when: /Code="?AuthorizationFailure"?|AuthorizationFailure: This request is not authorized/,
      examples: [
        {
          text: 'Failed to get existing workspaces: containers.Client#ListBlobs: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationFailure" Message="This request is not authorized to perform this operation.',
          source: 'corpus holdout4/h4-tf-29612-1 (hashicorp/terraform#29612)',
        },
      ],
    },
    {
      id: 'azd-identity',
      title: 'azd signs in on its own: see which identity it uses, and grant the role to that one',
      detail:
        'azd keeps its own login (`azd auth login`), which need not be the Azure CLI’s account; the storage account of remote environments is `state.remote.config.accountName` in azure.yaml.',
      commands: ['azd auth login --check-status', `grep -n -A6 'remote' azure.yaml`],
      when: 'tool.azd',
      examples: [{ text: AZD_ENV_LIST_DENIED, source: AZD_SOURCE }],
    },
    {
      id: 'key-vault-data-role',
      title: 'Grant the identity a Key Vault data role on the vault⟦ ⟨key_vault⟩⟧',
      detail:
        'Secrets need Key Vault Secrets Officer to write (Secrets User to read), keys Key Vault Crypto Officer, certificates Key Vault Certificates Officer; the object id is the `oid` in the error’s Caller line.',
      commands: [
        'az role assignment create --assignee ⟨object_id⟩ --role "⟨kv_role⟩" --scope "$(az keyvault show --name ⟨key_vault⟩ --query id -o tsv)"',
      ],
      when: KEY_VAULT_RBAC,
      examples: [KEY_VAULT_RBAC_EXAMPLE],
    },
    {
      id: 'storage-data-role',
      title: 'Grant the identity ⟨storage_data_role⟩ on the storage account',
      detail:
        'Each storage service has its own data roles (Blob, Queue, Table, File): a management role such as Owner or Contributor, or another service’s data role, does not cover this call. A new role assignment can take a few minutes to apply.',
      commands: [
        'az role assignment create --assignee ⟨object_id⟩ --role "⟨storage_data_role⟩" --scope "$(az storage account show --name ⟨storage_account⟩ --query id -o tsv)"',
      ],
      when: /AuthorizationPermissionMismatch/,
      examples: [
        {
          text: 'StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationPermissionMismatch" Message="This request is not authorized to perform this operation using this permission.\nRequestId:daf66ed3-001e-0041-4143-13c92c000000\nTime:2024-09-30T14:14:45.9666737Z"',
          source: 'corpus holdout3/h3-alzps204-1 (Azure/ALZ-PowerShell-Module#204)',
        },
      ],
    },
    {
      id: 'who',
      title: 'See who Terraform signs in as',
      commands: [
        'az account show --query user',
        'az ad sp show --id ⟨client⟩ --query "{name:displayName, objectId:id}"',
      ],
      // azd's own login is not the Azure CLI's: the azd-identity step says how to see it.
      unless: 'tool.azd',
      notFor: [{ text: AZD_ENV_LIST_DENIED, source: AZD_SOURCE }],
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
      // A tenant deployment's path is no scope to assign at (the root-scope step says what is).
      unless: TENANT_DEPLOYMENT,
      notFor: [
        {
          text: "The client 'username' with object id 'xxxx-xxx-xxx-xxxx' does not have authorization to perform action 'Microsoft.Resources/deployments/validate/action' over scope '/providers/Microsoft.Resources/deployments/NoMarketplace-20200930204030' or the scope is invalid.",
          source:
            'corpus holdout13/h13-multi-alz-authz-1 (Azure/Azure-Landing-Zones#3347), shortened',
        },
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
