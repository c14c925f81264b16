export const AZURE_DOCS = {
  providerAuth: {
    title: 'azurerm provider: authenticating to Azure',
    url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#authenticating-to-azure',
  },
  spSecret: {
    title: 'azurerm provider: authenticating using a service principal and a client secret',
    url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_client_secret',
  },
  cli: {
    title: 'azurerm provider: authenticating using the Azure CLI',
    url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/azure_cli',
  },
  oidc: {
    title: 'azurerm provider: authenticating using a service principal and OpenID Connect',
    url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_oidc',
  },
  msi: {
    title: 'azurerm provider: authenticating using managed identity',
    url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/managed_service_identity',
  },
  aadsts: {
    title: 'Microsoft Entra authentication and authorization error codes',
    url: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  },
  federated: {
    title: 'Microsoft Entra Workload ID: workload identity federation',
    url: 'https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation',
  },
  rbacTroubleshoot: {
    title: 'Troubleshoot Azure RBAC',
    url: 'https://learn.microsoft.com/en-us/azure/role-based-access-control/troubleshooting',
  },
  subscriptions: {
    title: 'Azure CLI: manage subscriptions',
    url: 'https://learn.microsoft.com/en-us/cli/azure/manage-azure-subscriptions-azure-cli',
  },
} as const;
