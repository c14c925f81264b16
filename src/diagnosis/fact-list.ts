// Facts as labelled lines, in the order people need them. Shared by the CLI and the Slack
// reply so both show the same thing. Values are already masked.

import { GLOBAL_SERVICE_NAMES, globalService } from './cloudtrail';
import { arnRole, keyAccountMismatch, regionUnknown } from './signals';
import { describeBlock, formatDuration, GITHUB_TOKEN_KINDS } from './template';
import type { Facts } from './types';

export interface FactLine {
  label: string;
  value: string;
}

const SOURCE_LABELS: Record<string, string> = {
  env: 'environment variables',
  profile: 'shared profile',
  sso: 'IAM Identity Center (SSO)',
  assume_role: 'assume role',
  oidc: 'OIDC / web identity',
  instance_role: 'instance or container role',
  credential_process: 'credential_process',
  service_principal: 'service principal (secret or certificate)',
  azure_cli: 'Azure CLI',
  managed_identity: 'managed identity',
  adc_user: 'gcloud ADC',
  gcloud_user: 'gcloud login (gcloud auth login)',
  service_account_key: 'service account key',
  impersonation: 'impersonation',
  cli_config: 'terraform login',
  env_token: 'token variable',
  kubeconfig: 'kubeconfig',
  exec_plugin: 'exec plugin',
  pat: 'personal access token',
  github_app: 'GitHub App installation',
  actions_token: 'Actions GITHUB_TOKEN',
};

const CI_LABELS: Record<NonNullable<Facts['ciSystem']>, string> = {
  'github-actions': 'GitHub Actions',
  'azure-devops': 'Azure DevOps Pipelines',
  gitlab: 'GitLab CI',
  jenkins: 'Jenkins',
};

/** Tools shown by more than their id. */
const TOOL_LABELS: Partial<Record<string, string>> = {
  'aws-cli-or-boto3': 'the AWS CLI or boto3 (botocore’s wording)',
};

export function factList(f: Facts): FactLine[] {
  const lines: FactLine[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push({ label, value });
  };
  add('Error code', f.errorCodes.join(', '));
  add('Operation', f.operations.join(', '));
  add('HTTP status', f.httpStatus === undefined ? undefined : String(f.httpStatus));
  add(
    'Failed in',
    f.failedBlock
      ? [describeBlock(f), f.failedBlock.location].filter(Boolean).join(' · ')
      : undefined,
  );
  add('Credentials from', f.credentialSource ? SOURCE_LABELS[f.credentialSource] : undefined);
  add('Token kind', f.githubToken ? GITHUB_TOKEN_KINDS[f.githubToken] : undefined);
  add('CI system', f.ciSystem ? CI_LABELS[f.ciSystem] : undefined);
  add(
    'Access key',
    f.accessKeys
      .map(
        (k) =>
          `${k.masked} (${k.description}${k.accountId ? `; account ${k.accountId}, decoded from the key id — a heuristic` : ''})`,
      )
      .join(', '),
  );
  add('Caller', f.principal);
  // A role read from a redacted ARN is shown unless it is only the caller's own session.
  const namedRole =
    f.roleName && !(f.principal ?? '').includes(`:assumed-role/${f.roleName}/`)
      ? `${f.roleName}${f.redactedRoleArn ? ' (its account is redacted in the paste)' : ''}`
      : undefined;
  add('Role', f.roleArns.filter((r) => r !== f.principal).join(', ') || namedRole);
  const mismatch = keyAccountMismatch(f);
  add(
    'Account mismatch',
    mismatch
      ? `your key belongs to ${mismatch.keyAccount}, ${arnRole(mismatch.other)} is in ${mismatch.otherAccount} (key account decoded from the id — a heuristic)`
      : undefined,
  );
  add('Profile', f.profiles.join(', '));
  add('SSO session', f.ssoSession);
  add(
    'Region',
    f.region
      ? `${f.region}${f.partition && f.partition !== 'aws' ? ` (${f.partition})` : ''}${f.optInRegion ? ' — opt-in region' : ''}${regionUnknown(f.region) ? ' — not an AWS region (not in the AWS SDK’s region list)' : ''}`
      : undefined,
  );
  add('Endpoint', f.endpoint);
  const global = globalService(f);
  add(
    'Service',
    global
      ? `${GLOBAL_SERVICE_NAMES[global]} (global: CloudTrail logs its calls in us-east-1)`
      : undefined,
  );
  add('S3 service', f.s3Compatible ? `${f.s3Compatible} (S3-compatible, not AWS)` : undefined);
  add(
    'Container credentials',
    f.containerCredentials
      ? `${f.containerCredentials.endpoint === 'eks-pod-identity' ? 'EKS Pod Identity agent (169.254.170.23)' : 'ECS task role endpoint (169.254.170.2)'}${f.containerCredentials.rejected ? ' — refused by an SDK that predates it' : ''}`
      : undefined,
  );
  add('Denied action', f.deniedAction);
  add('KMS key', f.kmsKey);
  if (f.clock) {
    const c = f.clock;
    add(
      'Clock',
      c.skewSeconds !== undefined
        ? `request signed ${formatDuration(c.skewSeconds)} from server time (${c.requestTime} vs ${c.serverTime})`
        : undefined,
    );
    add('Expires', c.expiresAt);
  }
  add('Request id', f.requestIds.join(', '));
  add('Subscription', f.subscriptionIds.join(', '));
  add('Tenant', f.tenantIds.join(', '));
  add('Client id', f.clientIds.join(', '));
  add('Project', f.gcpProjects.join(', '));
  add('Host', f.hosts.join(', '));
  add('Cluster', clusterLine(f));
  add('Kubernetes user', kubeUserLine(f));
  add('Missing plugin', f.kube?.missingPlugin);
  add(
    'Auth-provider',
    f.kube?.authProvider
      ? `${f.kube.authProvider} (no longer in the client: use its exec plugin)`
      : undefined,
  );
  add('Terraform', f.terraformVersion);
  add(
    'Providers',
    Object.entries(f.providerVersions)
      .map(([p, v]) => `${p} ${v}`)
      .join(', '),
  );
  add('Message format', f.formatEra);
  // `kubectl-run` / `azure-cli-run` say the command line was shown: the program is the same.
  add(
    'Printed by',
    [...new Set(f.tools.map((t) => TOOL_LABELS[t] ?? t.replace(/-run$/, '')))].join(', '),
  );
  if (f.encodedAuthorizationMessage)
    add(
      'Encoded message',
      `present (${f.encodedAuthorizationMessage.length} chars) — decodable with sts:DecodeAuthorizationMessage`,
    );
  return lines;
}

const CLUSTER_KIND_LABELS: Record<string, string> = {
  eks: 'Amazon EKS',
  aks: 'Azure AKS',
  gke: 'Google GKE',
};

/** Whose cluster it is, for k8s answers: the steps shown depend on it, so say so when unknown. */
function clusterLine(f: Facts): string | undefined {
  if (f.platform !== 'k8s') return undefined;
  const c = f.cluster;
  const kind = c?.kind ? CLUSTER_KIND_LABELS[c.kind] : undefined;
  if (!kind) return 'not shown (no EKS, AKS or GKE host, plugin or resource in the paste)';
  return [kind, c?.name ? `cluster ${c.name}` : undefined].filter(Boolean).join(' · ');
}

function kubeUserLine(f: Facts): string | undefined {
  const k = f.kube;
  if (!k?.user) return undefined;
  if (k.user === 'system:anonymous') return 'system:anonymous (no credentials reached the cluster)';
  const what =
    k.verb && k.resource
      ? `${k.verb} ${k.resource}`
      : k.resource
        ? `access to ${k.resource}`
        : 'the request';
  return `${k.user} (authenticated; RBAC denied ${what}${k.namespace ? ` in namespace ${k.namespace}` : ''})`;
}
