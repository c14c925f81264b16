import type { CatalogEntry } from '../schema';
import { AZURE_DOCS } from './docs';

export const subscription: CatalogEntry = {
  id: 'azure.subscription',
  platform: 'azure',
  title: 'The Azure subscription is missing or not visible to this identity',
  summary:
    'Authentication worked, but the subscription id is unset, wrong, or belongs to a tenant or account this identity cannot see.',
  codes: ['SubscriptionNotFound', 'InvalidSubscriptionId'],
  signatures: [
    { id: 'malformed', pattern: /subscription identifier '[^']{1,80}' is malformed/, weight: 0.93 },
    {
      id: 'no-default',
      pattern: /No Subscription was Marked as Default|no default subscription/i,
      weight: 0.93,
    },
    {
      id: 'not-found-code',
      pattern: /\bSubscriptionNotFound\b|\bInvalidSubscriptionId\b/,
      weight: 0.96,
    },
    {
      id: 'not-found',
      pattern:
        /[Ss]ubscription '[^']{1,80}' (?:could not be found|not found)|subscription of '[^']{1,80}' doesn't exist in cloud|The subscription '[^']{1,80}' could not be found/,
      weight: 0.95,
    },
    {
      id: 'not-known',
      pattern:
        /subscription ID .{1,80}? is not known by Azure CLI|subscription ID could not be (?:found|determined)/,
      weight: 0.95,
    },
    {
      id: 'required',
      pattern:
        /Subscription ID is required|subscription_id is a required provider property|`subscription_id` is a required/,
      weight: 0.95,
    },
  ],
  causes: [
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
