// Every command the catalog can print: each step of each entry (and the platform's own
// checks) for each credential source, rendered once with every fact known and once with none.

import { buildSteps } from '../../../src/diagnosis/advice';
import { CATALOG, PLATFORMS } from '../../../src/diagnosis/catalog';
import type { TemplateVars } from '../../../src/diagnosis/template';
import type { Step } from '../../../src/diagnosis/types';
import type { Shown } from './check';

/** A plausible value for every fact a template can name (as a paste would show it). */
export const SAMPLE_VARS: Required<Record<string, string>> = {
  key: 'AKIA…MPLE',
  key_kind: 'long-term access key (IAM user)',
  key_account: '111122223333',
  other_account: '444455556666',
  region: 'eu-west-1',
  partition: 'aws',
  profile: 'platform-dev',
  role: 'arn:aws:iam::444455556666:role/TerraformDeploy',
  role_name: 'TerraformDeploy',
  principal: 'arn:aws:sts::111122223333:assumed-role/ci-runner/session-1',
  iam_principal: 'arn:aws:iam::111122223333:role/ci-runner',
  caller_role: 'ci-runner',
  account: '111122223333',
  role_account: '444455556666',
  block: 'the S3 backend',
  alias: 'us_east_1',
  skew: '12m behind',
  action: 's3:GetObject',
  api_scope: 'https://www.googleapis.com/auth/drive',
  key_vault: 'kv-example',
  kv_role: 'Key Vault Secrets Officer',
  source_profile: 'base',
  sso_session: 'my-sso',
  kubectl_cmd: 'microk8s kubectl',
  object_key: 'builds/function.zip',
  scp_id: 'p-2kgnabcd',
  duplicated_headers: 'host',
  unfilled_value: '<no value>',
  kms_key: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  operation: 'S3: GetObject',
  event_name: 'GetObject',
  code: 'AccessDenied',
  status: '403',
  host: 'app.terraform.io',
  tfc_host: 'tfe.example.com',
  github_api: 'https://github.example.com/api/v3',
  storage_data_role: 'Storage Queue Data Contributor',
  lambda_function: 'deploy-hook',
  tf_token_host: 'tfe_example_com',
  endpoint: 'sts.eu-west-1.amazonaws.com',
  subscription: '00000000-0000-0000-0000-000000000001',
  tenant: '00000000-0000-0000-0000-000000000002',
  client: '00000000-0000-0000-0000-000000000003',
  project: 'my-project-123',
  service_account: 'terraform@my-project-123.iam.gserviceaccount.com',
  gcs_bucket: 'acme-tfstate',
  wif_pool: 'github-pool',
  wif_provider: 'github-provider',
  project_number: '123456789012',
  gcp_member: 'serviceAccount:terraform@my-project-123.iam.gserviceaccount.com',
  gcp_email: 'terraform@my-project-123.iam.gserviceaccount.com',
  gcp_target_sa: 'runtime@my-project-123.iam.gserviceaccount.com',
  bucket: 'acme-tfstate',
  state_key: 'envs/prod/terraform.tfstate',
  subject: 'repo:acme/infra:ref:refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
  audience: 'api://AzureADTokenExchange',
  scope: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app',
  cluster: 'prod-eks',
  cluster_location: 'us-central1',
  cluster_host: 'ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com',
  k8s_user: 'system:serviceaccount:ci:terraform',
  k8s_subject: 'ci/terraform',
  k8s_verb: 'get',
  k8s_resource: 'prometheusrules.monitoring.coreos.com',
  k8s_subresource: 'exec',
  k8s_namespace: 'prometheus-system',
  k8s_plugin: 'kubelogin',
  k8s_auth_provider: 'azure',
  object_id: '00000000-0000-0000-0000-000000000004',
  storage_account: 'acmetfstate',
  s3_service: 'MinIO',
  user_name: 'ci-deployer',
  mfa_serial: 'arn:aws:iam::111122223333:mfa/alice',
  encoded_message: 'Q2hlY2sgdGhlIHBvbGljeSBhbmQgdHJ5IGFnYWlu',
  policy_arn: 'arn:aws:organizations::111122223333:policy/o-abc/service_control_policy/p-123',
  policy_type: 'service control policy',
  pass_role_arn: 'arn:aws:iam::444455556666:role/TerraformDeploy',
  event_source: 'route53.amazonaws.com',
  cloudtrail_region: 'us-east-1',
  global_service: 'Route 53',
  token_service: 'Google',
  gh_owner: 'acme',
  gh_repo: 'infra',
  gh_token_kind: 'a GitHub App installation token',
};

export interface Rendered {
  shown: Shown[];
  details: Array<{ where: string; detail: string }>;
  steps: Array<{ where: string; step: Step }>;
}

export function renderCatalog(): Rendered {
  const out: Rendered = { shown: [], details: [], steps: [] };
  for (const entry of CATALOG)
    for (const { id: source } of PLATFORMS[entry.platform].sources)
      for (const [mode, vars, shell] of [
        ['filled', SAMPLE_VARS, 'bash'],
        ['empty', {}, 'bash'],
        ['filled', SAMPLE_VARS, 'powershell'],
        ['empty', {}, 'powershell'],
      ] as Array<[string, TemplateVars, 'bash' | 'powershell']>) {
        const steps = buildSteps(
          entry,
          source,
          // Every condition holds (so every step renders), except the one that drops AWS IAM/STS
          // commands for S3-compatible services (they are commands to parse too) and, in the
          // bash rendering, the paste being from PowerShell (which turns commands into it).
          {
            holds: (c) =>
              c !== 's3.compatible' &&
              (shell === 'powershell' || typeof c !== 'string' || !c.startsWith('shell.')),
            vars,
          },
          { includePlatformChecks: true },
        );
        for (const step of steps) {
          const where = `${entry.id}/${source}/${mode}${shell === 'powershell' ? '/ps' : ''}/${step.id}`;
          out.steps.push({ where, step });
          step.commands.forEach((command, i) =>
            out.shown.push({ where: `${where}#${i}`, command, shell: step.shell ?? 'bash' }),
          );
          if (step.detail) out.details.push({ where, detail: step.detail });
        }
      }
  return out;
}
