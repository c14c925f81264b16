import type { CatalogEntry } from '../schema';
import { GCP_DOCS } from './docs';

export const gcpPermissionDenied: CatalogEntry = {
  id: 'gcp.permission_denied',
  platform: 'gcp',
  title: 'Authenticated to Google Cloud, but IAM denies the action',
  summary:
    'Google knows the caller; IAM does not grant it the permission needed on that project or resource (or the resource is in another project, or an organisation policy blocks it).',
  codes: ['Error 403', 'PERMISSION_DENIED', 'IAM_PERMISSION_DENIED'],
  signatures: [
    {
      id: 'act-as-sa',
      pattern: /does not have access to service account|iam\.serviceAccount(?:Actor|User)\b/,
      weight: 0.92,
    },
    {
      id: 'caller',
      pattern: /[Tt]he caller does not have permission|[Cc]aller does not have required permission/,
      weight: 0.95,
    },
    {
      id: 'permission-denied',
      pattern:
        /Permission ['"][\w.]{3,120}['"] denied|Required ['"][\w.]{3,120}['"] permission|does not have [\w]{1,60}\.[\w.]{3,120} access|IAM_PERMISSION_DENIED|Permission '[\w.]{3,120}' denied on/,
      weight: 0.95,
    },
    { id: 'googleapi-403', pattern: /googleapi: Error 403|Error 403: /, weight: 0.8 },
    { id: 'required-permissions', pattern: /Required permissions not available/, weight: 0.9 },
    { id: 'act-as', pattern: /iam\.serviceAccounts\.(?:actAs|getAccessToken)/, weight: 0.93 },
  ],
  causes: [
    {
      id: 'missing-role',
      title: 'The identity lacks a role with ⟨action⟩',
      explanation:
        'Grant a role that contains the permission on the project or resource in the error.',
      prior: 0.55,
    },
    {
      id: 'wrong-identity',
      title: 'Terraform runs as another identity (a CI or Cloud Build service account, not yours)',
      explanation:
        'Cloud Build, GitHub runners and HCP Terraform use their own service accounts; grant those, or impersonate the right one.',
      prior: 0.25,
      boosts: [
        {
          when: /Step #\d|cloudbuild/i,
          by: 0.2,
          evidence: 'This ran in Cloud Build, which uses its own service account.',
        },
      ],
    },
    {
      id: 'other-project',
      title: 'The resource lives in another project the identity cannot see (or does not exist)',
      explanation: 'Google answers 403 rather than 404 for resources you cannot see.',
      prior: 0.15,
      boosts: [
        {
          when: /or it may not exist/,
          by: 0.25,
          evidence: 'Google says the resource may not exist.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'who',
      title: 'See which identity the provider uses',
      commands: ['gcloud auth list', 'gcloud config get-value account'],
    },
    {
      id: 'roles',
      title: "List the identity's roles on the project",
      commands: [
        'gcloud projects get-iam-policy ⟨project⟩ --flatten="bindings[].members" --filter="bindings.members:⟨principal⟩" --format="table(bindings.role)"',
      ],
    },
    {
      id: 'troubleshoot',
      title: 'Ask IAM why the permission is denied',
      commands: [
        'gcloud policy-intelligence troubleshoot-policy iam //cloudresourcemanager.googleapis.com/projects/⟨project⟩ --principal-email=⟨service_account⟩ --permission=⟨action⟩',
      ],
    },
  ],
  docs: [GCP_DOCS.iamTroubleshoot, GCP_DOCS.providerAuth],
};
