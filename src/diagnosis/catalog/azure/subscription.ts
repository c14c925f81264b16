import type { CatalogEntry, Example } from '../schema';
import { AZURE_DOCS } from './docs';

/** The sign-in worked and the identity sees no subscription at all. */
const NONE_ACCESSIBLE =
  /The following tenants don't contain accessible subscriptions|No subscriptions (?:were )?found for \S{1,200}|No subscriptions were found\. Set up your account/;
const NONE_ACCESSIBLE_PASTES: Example[] = [
  {
    text: 'msrest.http_logger : {"value":[],"count":{"type":"Total","value":0}}\nThe following tenants don\'t contain accessible subscriptions. Use \'az login --allow-no-subscriptions\' to have tenant level access.\n15ce3ddb-0ba0-4110-92f6-6f3da6910357',
    source: 'corpus holdout13/h13-multi-azcli-b2c-nosub-1 (Azure/azure-cli#14390)',
  },
  {
    text: 'No subscriptions were found. Set up your account at https://azure.microsoft.com/en-us/free/.',
    source: 'corpus holdout13/h13-multi-vscodeacct-nosub-1 (microsoft/vscode-azure-account#255)',
  },
  {
    text: "[command]/usr/bin/az login --service-principal -t *** -u *** -p ***\nERROR: No subscriptions were found for '***'. If this is expected, use '--allow-no-subscriptions' to have tenant level accesses",
    source:
      'corpus holdout15/h15-tfw-ado-tfcli-nosubs-1 (charleszipp/azure-pipelines-tasks-terraform#85), shortened',
  },
];

/**
 * The azuread provider asks the Azure CLI for the account of its tenant
 * (go-azure-helpers' obtainSubscription, given the tenant id): a CLI that signed in without
 * `--allow-no-subscriptions` keeps no tenant-level account, and `az account show` fails.
 */
const AZUREAD_TENANT_ACCOUNT =
  /building AzureAD Client: obtain subscription\([0-9a-f-]{36}\) from Azure CLI/;
const AZUREAD_TENANT_ACCOUNT_EXAMPLE: Example = {
  text: 'building AzureAD Client: obtain subscription(d2846bb0-0b6e-4c52-a8cb-45f42233fd29) from Azure CLI: Error parsing json result from the Azure CLI: Error waiting for the Azure CLI: exit status 1',
  source: 'corpus holdout16/h16-multi-azuread-obtain-subscription-36 (Azure/azure-cli#15585)',
};

export const subscription: CatalogEntry = {
  id: 'azure.subscription',
  platform: 'azure',
  title: 'The Azure subscription is missing or not visible to this identity',
  summary:
    'Authentication worked, but the subscription id is unset, wrong, or belongs to a tenant or account this identity cannot see.',
  variants: [
    {
      when: AZUREAD_TENANT_ACCOUNT,
      title: 'The Azure CLI has no account for the tenant the azuread provider asked for',
      summary:
        'azuread looks up its tenant in the Azure CLI as if it were a subscription. A CLI that signed in without `--allow-no-subscriptions` lists only subscriptions, so a tenant with none (or only the tenant itself, for directory work) is not there and the lookup fails. Sign in to that tenant with `--allow-no-subscriptions`.',
      example: AZUREAD_TENANT_ACCOUNT_EXAMPLE,
    },
  ],
  codes: ['SubscriptionNotFound', 'InvalidSubscriptionId'],
  signatures: [
    {
      id: 'azuread-tenant-account',
      pattern: AZUREAD_TENANT_ACCOUNT,
      tier: 'exact',
      // azurerm's CLI wording shares the words; azuread's tenant lookup is this family.
      beats: ['azure.cli_login/cli-token'],
      examples: [AZUREAD_TENANT_ACCOUNT_EXAMPLE],
    },
    {
      id: 'malformed',
      pattern: /subscription identifier '[^']{1,80}' is malformed/,
      tier: 'strong',
      examples: [
        {
          text: "Error: The provided subscription identifier 'Pay-As-You-Go' is malformed or invalid...",
          source: 'corpus holdout3/h3-azuredocs77959-1 (MicrosoftDocs/azure-docs#77959)',
        },
      ],
    },
    {
      id: 'no-default',
      pattern: /No Subscription was Marked as Default|no default subscription/i,
      tier: 'strong',
      examples: [
        {
          text: 'Error building AzureRM Client: Error retrieving the Profile from the Azure CLI: No Subscription was Marked as Default in the Azure Profile. Please re-authenticate using `az login`.',
          source:
            'corpus holdout2/h2-azurerm8376-1 (github:hashicorp/terraform-provider-azurerm#8376)',
        },
      ],
    },
    {
      id: 'not-found-code',
      pattern: /\bSubscriptionNotFound\b|\bInvalidSubscriptionId\b/,
      tier: 'exact',
      examples: [
        {
          text: 'StatusCode=404 -- Original Error: autorest/azure: Service returned an error. Status=404 Code="SubscriptionNotFound" Message="The subscription \'id\' could not be found." 2020-05-05T04:05:32.0583351Z on main.tf line 11, in provider "azurerm": 11: provider "azurerm" {',
          source: 'corpus dev/gh-terraform-24860-1 (github:hashicorp/terraform#24860)',
        },
        {
          text: "E azure.cli.core.azclierror.ResourceNotFoundError: (SubscriptionNotFound) The subscription '00000000-0000-0000-0000-000000000000' could not be found. E Code: SubscriptionNotFound E Message: The subscription '00000000-0000-0000-0000-000000000000' could not be found.",
          source: 'corpus holdout/ho-azurecli-pr30164-1 (github:Azure/azure-cli#30164)',
        },
      ],
    },
    {
      id: 'not-found',
      // …and Azure PowerShell's (`Subscription "x" was not found in tenant …`, Get-AzureRmSubscription),
      // and a VS Code extension's `Not found subscription ID: <id>` (Microsoft Foundry for VS Code).
      pattern:
        /[Ss]ubscription (?:with name )?(?:'[^']{1,80}'|"[^"]{1,80}") (?:could not be found|not found|was not found in tenant)|subscription of '[^']{0,80}' doesn't exist in cloud|The subscription '[^']{1,80}' could not be found|\bNot found subscription ID:? [0-9a-fA-F-]{36}\b/,
      tier: 'exact',
      examples: [
        {
          text: "Error: The subscription of '*' doesn't exist in cloud 'AzureCloud'. Error: Login failed with Error: The process '/usr/bin/az' failed with exit code 1. Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.",
          source:
            'corpus dev/pg-dfe-sub-notexist-70 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
        {
          // An empty name: the variable meant to hold the subscription was unset.
          text: "==================== Selecting Tenant ====================\nERROR: The subscription of '' doesn't exist in cloud 'AzureCloud'.",
          source: 'corpus holdout12/h12-multi-az-sub-6 (content-manager-sdk/Community#45)',
        },
        {
          text: "/subscriptions/3c744587-46e1-4a41-b95f-3bca3fd5e622/resourceGroups/rg-spoke-workloads/providers/Microsoft.Network/virtualNetworks/vnet-spoke-workloads Subscription '3c744587-46e1-4a41-b95f-3bca3fd5e622' not found. Check the spelling and casing and try again.",
          source:
            'corpus dev/pg-vm-az-sub-notfound-122 (github-file: CI runner VM setup notes with a real terminal session (index file id 62940076864; repository not named by the search index))',
        },
        {
          // Packer's 2015 Azure (Service Management) builder read the subscription by name.
          text: 'Build \'azure\' errored: Error creating new Azure client: Subscription with name "xx-xx-xx-xx-xx" not found in /Users/Jamie/src/images/azure.publishsettings',
          source: 'corpus holdout13/h13-multi-packerazure-sub-1 (Azure/packer-azure#96)',
        },
        {
          text: 'Get-AzureRmSubscription : Subscription "....." was not found in tenant . Please verify that the subscription exists in this tenant.',
          source: 'corpus holdout17/h17-multi-azurerm-ps-2016-sub-1 (Azure/azure-powershell#1725)',
        },
        {
          text: 'Action: azure-ai-foundry.listModels\nError type: Error\nError Message: Not found subscription ID: 49842687-b813-4a81-91f7-0086f6233084',
          source:
            'corpus holdout17/h17-multi-foundry-vscode-sub-1 (microsoft/microsoft-foundry-for-vscode#383)',
        },
      ],
    },
    {
      // The sign-in worked and found no subscription it may use: the Azure CLI's login (azure-cli
      // profile: "No subscriptions found for <user>." and, per tenant, the tenants without one),
      // VS Code's Azure Account extension.
      id: 'none-accessible',
      pattern: NONE_ACCESSIBLE,
      // …unless Entra refused the sign-in for that tenant (MFA, consent): that is the cause, and
      // the CLI only reports what it could not list after it.
      unless: /\bAADSTS\d{4,7}\b/,
      counterexamples: [
        {
          text: "Failed to authenticate '{'additional_properties': {}, 'id': '/tenants/XXX', 'tenant_id': 'XXX'}' due to error 'Get Token request returned http error: 400 and server response: {\"error\":\"interaction_required\",\"error_description\":\"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'XXX'.\"}'\nNo subscriptions were found for 'None'. If this is expected, use '--allow-no-subscriptions' to have tenant level accesses",
          source: 'corpus holdout12/h12-multi-az-cli-10 (Azure/azure-cli#6962), shortened',
        },
      ],
      tier: 'exact',
      examples: NONE_ACCESSIBLE_PASTES,
    },
    {
      id: 'not-known',
      pattern:
        /subscription ID .{1,80}? is not known by Azure CLI|subscription ID could not be (?:found|determined)/,
      tier: 'exact',
      examples: [
        {
          text: 'for Resource Manager API: could not configure AzureCli Authorizer: the provided subscription ID <omitted> is not known by Azure CLI',
          source:
            'corpus dev/gh-azurerm-27439-1 (github:hashicorp/terraform-provider-azurerm#27439)',
        },
        {
          text: 'Error: building account: unable to configure ResourceManagerAccount: subscription ID could not be determined and was not specified with provider["registry.terraform.io/hashicorp/azurerm"], on main.tf line 20, in provider "azurerm": 20: provider "azurerm" {',
          source:
            'corpus holdout/ho-avmaiml-9-1 (github:Azure/terraform-azurerm-avm-ptn-aiml-landing-zone#9)',
        },
      ],
    },
    {
      id: 'required',
      pattern:
        /Subscription ID is required|subscription_id is a required provider property|`subscription_id` is a required|A Subscription ID must be configured when authenticating as a Service Principal/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: Error building AzureRM Client: Subscription ID is required but was not specified',
          source:
            'corpus dev/pg-az-subid-missing-12 (https://fixwikihub.pages.dev/articles/fix-terraform-provider-auth-failed/)',
        },
        {
          text: 'Error: `subscription_id` is a required provider property when performing a plan/apply operation with provider["registry.terraform.io/hashicorp/azurerm"], on terraform.tf line 28, in provider "azurerm": 28: provider "azurerm" {',
          source: 'corpus holdout2/h2-multimodalai168-1 (github:microsoft/multimodal-ai#168)',
        },
        {
          // azurerm 2.x / go-azure-helpers authentication: the client-secret method's validation.
          text: 'Error building AzureRM Client: 1 error occurred:\n\t* A Subscription ID must be configured when authenticating as a Service Principal using a Client Secret.\n  on .terraform/modules/agent.aci-devops-agent/provider.tf line 1, in provider "azurerm":',
          source: 'corpus holdout4/h4-acidevops-15-1 (Azure/terraform-azurerm-aci-devops-agent#15)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'no-tenant-account',
      title:
        'The Azure CLI signed in without a tenant-level account, which the azuread provider looks up',
      explanation:
        '`az login` lists subscriptions; the tenant itself appears as an account only after `az login --allow-no-subscriptions`. azuread asks the CLI for its tenant as if it were a subscription, so without that account the lookup exits with an error.',
      prior: 0,
      boosts: [
        {
          when: AZUREAD_TENANT_ACCOUNT,
          by: 1,
          evidence: 'azuread asked the Azure CLI for its tenant’s account, and the CLI had none.',
        },
      ],
      examples: [AZUREAD_TENANT_ACCOUNT_EXAMPLE],
    },
    {
      id: 'unset-or-wrong',
      title: 'The subscription id is unset, a placeholder or mistyped',
      explanation:
        'azurerm 4.x requires `subscription_id` (or ARM_SUBSCRIPTION_ID); a variable that was never set ends up as an empty string or a literal.',
      prior: 0.45,
      boosts: [
        {
          when: /is required|'id'|''|<omitted>/,
          by: 0.3,
          evidence: 'The subscription id in the paste is empty or a placeholder.',
        },
      ],
    },
    {
      id: 'not-visible',
      title: 'The identity has no access to that subscription, or it is in another tenant',
      explanation:
        'The CLI only knows subscriptions of the tenants you logged into; a service principal only sees subscriptions where it has a role assignment.',
      prior: 0.45,
      boosts: [
        {
          when: NONE_ACCESSIBLE,
          by: 0.4,
          evidence: 'The sign-in worked and found no subscription this identity may use.',
        },
      ],
    },
    {
      id: 'disabled',
      title: 'The subscription was disabled or moved',
      explanation: "Cancelled, expired or moved subscriptions disappear from the identity's list.",
      prior: 0.1,
    },
  ],
  steps: [
    {
      id: 'azuread-tenant-login',
      title:
        'Sign the Azure CLI in to that tenant with --allow-no-subscriptions, so azuread finds its account',
      detail:
        'The first command lists the accounts the CLI has (a tenant-level one shows the tenant id as its id); the second adds the tenant’s own account, which azuread reads.',
      commands: [
        'az account list --query "[].{name:name, id:id, tenant:tenantId}" -o table',
        'az login --tenant ⟨tenant⟩ --allow-no-subscriptions',
      ],
      when: AZUREAD_TENANT_ACCOUNT,
      examples: [AZUREAD_TENANT_ACCOUNT_EXAMPLE],
    },
    {
      id: 'none-accessible',
      title:
        'The sign-in worked but sees no subscription: get a role on one, or sign in to the tenant that has it',
      detail:
        'Subscriptions are listed for the identity that signed in, per tenant: none means it has no role assignment on any subscription of the tenants it reached (a new account, a B2C or other directory with no subscription, a guest not yet granted a role). The first command lists the tenants this identity can reach; ask for a role (Reader or more) on the subscription it should use, or sign in to the tenant that has it. The second signs in to a tenant without any subscription, for tenant-level work only (Entra ID, Graph, a B2C directory).',
      commands: [
        'az account tenant list --query "[].tenantId" -o tsv',
        'az login --tenant ⟨tenant⟩ --allow-no-subscriptions',
      ],
      when: NONE_ACCESSIBLE,
      examples: NONE_ACCESSIBLE_PASTES,
    },
    {
      id: 'list',
      title: 'List the subscriptions this identity can see',
      commands: [
        'az account list --query "[].{name:name, id:id, tenant:tenantId, state:state}" -o table',
      ],
    },
    {
      id: 'set',
      title: 'Point Terraform at one of them',
      commands: [
        'export ARM_SUBSCRIPTION_ID=⟨subscription⟩',
        'az account set --subscription ⟨subscription⟩',
      ],
    },
    {
      id: 'tenant',
      title: 'If it is in another tenant, log in to that tenant',
      commands: ['az login --tenant ⟨tenant⟩'],
    },
  ],
  docs: [AZURE_DOCS.subscriptions, AZURE_DOCS.providerAuth],
};
