// Named, boolean observations about a paste, computed from its facts. Catalog causes and
// steps refer to them by name, which keeps the knowledge declarative.

import { cloudTrailLookup, globalService } from './cloudtrail';
import { KNOWN_REGIONS } from './facts/aws-regions';
import { appTool, terraformShown } from './facts/terraform';
import { VALID_REGION } from './facts/location';
import { iamArnOf, roleNameOf, userNameOf } from './iam-arns';
import type { ArnFact, Facts } from './types';

const SIGNALS = {
  'key.present': (f) => f.accessKeys.some((k) => k.kind === 'long-term' || k.kind === 'temporary'),
  'key.temporary': (f) => f.accessKeys.some((k) => k.kind === 'temporary'),
  'key.long_term': (f) => f.accessKeys.some((k) => k.kind === 'long-term'),
  /** The account decoded from a key differs from the account of a role in the paste. */
  'key.account_mismatch': (f) => keyAccountMismatch(f) !== undefined,
  'region.present': (f) => f.region !== undefined,
  'region.opt_in': (f) => f.optInRegion === true,
  'region.invalid': (f) => f.region !== undefined && !VALID_REGION.test(f.region),
  /** Shaped like a region but not one the AWS SDKs know (`eu-central-12`): most likely a typo. */
  'region.unknown': (f) => regionUnknown(f.region),
  /** A region the AWS SDKs know, and not opt-in: refused, it is the client's list that is old. */
  'region.known': (f) =>
    f.region !== undefined &&
    VALID_REGION.test(f.region) &&
    !regionUnknown(f.region) &&
    f.optInRegion !== true,
  'partition.non_commercial': (f) => f.partition !== undefined && f.partition !== 'aws',
  'block.s3_backend': (f) => f.failedBlock?.kind === 's3_backend',
  'block.backend': (f) => f.failedBlock?.kind === 'backend' || f.failedBlock?.kind === 's3_backend',
  'block.provider': (f) => f.failedBlock?.kind === 'provider',
  'block.provider_alias': (f) => f.failedBlock?.alias !== undefined,
  'block.remote_state': (f) => f.failedBlock?.kind === 'remote_state',
  /** The failure is about state in S3: the backend failed, or the paste names the bucket. */
  'state.s3': (f) =>
    f.failedBlock?.kind === 's3_backend' ||
    (f.s3?.bucket !== undefined && f.operations.some((o) => /S3/i.test(o))) ||
    (f.stateNotPersisted === true && f.platform === 'aws'),
  'block.exec_plugin': (f) => f.failedBlock?.kind === 'exec_plugin',
  'block.resource': (f) =>
    f.failedBlock?.kind === 'resource' || f.failedBlock?.kind === 'data_source',
  /** The paste shows the ECS or EKS Pod Identity container credentials endpoint (not EC2 IMDS). */
  'credentials.container_endpoint': (f) => f.containerCredentials !== undefined,
  'credentials.no_container_endpoint': (f) => f.containerCredentials === undefined,
  /** An SDK too old for EKS Pod Identity refused its agent's address. */
  'credentials.pod_identity_old_sdk': (f) =>
    f.containerCredentials?.endpoint === 'eks-pod-identity' && f.containerCredentials.rejected,
  'profile.named': (f) => f.profiles.length > 0,
  /** The profile that is missing is `default`: none was named, and the files have no default. */
  'profile.default': (f) => f.profiles.length === 1 && f.profiles[0] === 'default',
  'role.present': (f) => f.roleArns.length > 0,
  'role.no_account': (f) =>
    f.arns.some((a) => a.resourceType === 'role' && a.accountId === undefined),
  'role.cross_account': (f) => crossAccount(f),
  'principal.present': (f) => f.principal !== undefined,
  'principal.assumed_role': (f) => /:assumed-role\//.test(f.principal ?? ''),
  'principal.user': (f) => /:user\//.test(f.principal ?? ''),
  'principal.root': (f) => /:root$/.test(f.principal ?? ''),
  /** Google refused a user account (gcloud ADC of a person), not a service account. */
  'principal.gcp_user': (f) =>
    /^[^@\s]+@[^@\s]+$/.test(f.principal ?? '') && !/gserviceaccount\.com$/.test(f.principal ?? ''),
  ci: (f) => isCi(f),
  'ci.github_actions': (f) =>
    f.ciSystem === 'github-actions' ||
    (f.ciSystem === undefined &&
      (f.tools.includes('github-actions') || f.tools.includes('configure-aws-credentials'))),
  'ci.azure_devops': (f) => f.ciSystem === 'azure-devops',
  'ci.gitlab': (f) => f.ciSystem === 'gitlab',
  'ci.jenkins': (f) => f.ciSystem === 'jenkins',
  /** A refused refresh-token grant (OAuth `invalid_grant`) in a paste that never names Google. */
  'gcp.google_unnamed': (f) =>
    f.platform === 'gcp' && f.googleNamed !== true && f.refreshTokenGrant === true,
  /** GitHub refused an installation token (a GitHub App's, or the Actions GITHUB_TOKEN). */
  'github.installation_token': (f) => f.githubToken === 'installation',
  'github.pat': (f) => f.githubToken === 'classic_pat' || f.githubToken === 'fine_grained_pat',
  'tool.terragrunt': (f) => f.tools.includes('terragrunt'),
  /** A bot that reads registries itself (Renovate, Dependabot): Terraform's login is not its. */
  'tool.renovate': (f) => f.tools.includes('renovate'),
  'tool.dependabot': (f) => f.tools.includes('dependabot'),
  /** The paste shows Terraform (or a wrapper of it) ran: its own steps fit only then. */
  'tool.terraform_shown': (f) => terraformShown(f.tools),
  'tool.not_terraform': (f) => !terraformShown(f.tools),
  'tool.terraform_cli': (f) => !registryBot(f) && appTool(f.tools) === undefined,
  'ci.terraform_cli': (f) => !registryBot(f) && appTool(f.tools) === undefined && isCi(f),
  /** Not Terraform's output: an app through a cloud SDK, the gh CLI, the CDK, azure/login. */
  'tool.app': (f) => appTool(f.tools) !== undefined,
  /** …an app whose own AWS SDK looked for credentials (its process's environment and files). */
  'tool.aws_sdk_app': (f) =>
    appTool(f.tools) !== undefined &&
    f.tools.some((t) =>
      [
        'ruby-app',
        'node-app',
        'python-app',
        'java-app',
        'dotnet-app',
        'go-app',
        'elixir-app',
        'haskell-app',
      ].includes(t),
    ),
  'tool.gh_cli': (f) => appTool(f.tools) !== undefined && f.tools.includes('gh-cli'),
  /** Packer printed it: its builders read credentials from the template, not Terraform's variables. */
  'tool.packer': (f) => f.tools.includes('packer'),
  /** No family matched: the class is the platform's likeliest for the refusal (fallback.ts). */
  'answer.guess': (f) => f.guess !== undefined,
  /** …for an action refused to a credential that was accepted (403, "forbidden"). */
  'answer.guess_denied': (f) => f.guess === 'denied',
  'tool.aws_vault': (f) => f.tools.includes('aws-vault'),
  'tool.ecs_cli': (f) => f.tools.includes('ecs-cli'),
  /** Spark or Hadoop's S3A filesystem called S3: its fs.s3a.* settings hold the credentials. */
  'tool.spark_s3a': (f) => f.tools.includes('spark-s3a'),
  'tool.aws_cdk': (f) => appTool(f.tools) !== undefined && f.tools.includes('aws-cdk'),
  /** …and its bootstrap roles may be why: not when a skewed clock already explains the refusal. */
  'tool.aws_cdk_bootstrap': (f) =>
    appTool(f.tools) !== undefined &&
    f.tools.includes('aws-cdk') &&
    Math.abs(f.clock?.skewSeconds ?? 0) <= 300,
  /** kubectl or helm's own CLI (or a script around them) printed the paste; no Terraform, Terragrunt or Pulumi ran. */
  'tool.k8s_cli_only': (f) =>
    (f.tools.includes('kubectl') || f.tools.includes('helm-run')) &&
    !f.tools.some((t) =>
      ['terraform', 'opentofu', 'terragrunt', 'atlantis', 'pulumi', 'crossplane'].includes(t),
    ),
  /** A wrapper that assumes roles and asks for the MFA code itself (aws-runas). */
  'tool.role_mfa_wrapper': (f) => f.tools.includes('aws-runas'),
  /** A tool that assumes the role itself from keys it keeps (aws-runas, aws-vault's keyring). */
  'tool.assumes_roles': (f) => f.tools.includes('aws-runas') || f.tools.includes('aws-vault'),
  'tool.azd': (f) => f.tools.includes('azd-run'),
  /**
   * An Azure sign-in failed in another program the paste shows (an app or CLI with its own token
   * cache: the Power Platform CLI, a Python or .NET app), not Terraform or the Azure CLI. A bare
   * AADSTS line names no program: the Azure CLI's login stays the likeliest there.
   */
  'tool.azure_other': (f) =>
    f.platform === 'azure' &&
    appTool(f.tools) !== undefined &&
    !f.tools.some((t) => ['azure-cli', 'azure-cli-run', 'azure-login', 'azd-run'].includes(t)),
  'tool.azure_login': (f) => appTool(f.tools) === 'the azure/login action',
  'tool.aws_cli': (f) => f.tools.includes('aws-cli'),
  /** The denied call is a data event (an S3 object or DynamoDB item call): Event history lacks it. */
  'cloudtrail.data_event': (f) => cloudTrailLookup(f) === 'data_event',
  /** CloudTrail can be searched by the denied call's event name (the paste names the operation). */
  'cloudtrail.by_name': (f) => cloudTrailLookup(f) === 'by_name',
  /** …only by its service's event source (the failing resource's type tells the service). */
  'cloudtrail.by_source': (f) => cloudTrailLookup(f) === 'by_source',
  /** …by neither. */
  'cloudtrail.unknown': (f) => cloudTrailLookup(f) === 'unknown',
  /** The failing call is to a global service (Route 53, IAM, CloudFront): CloudTrail has it in us-east-1. */
  'aws.global_service': (f) => globalService(f) !== undefined,
  /**
   * A KMS call on a key was denied and AWS does not blame the identity's policies: the key's own
   * policy must allow it too (`because no identity-based policy allows` points at IAM instead).
   */
  'action.kms_key': (f) =>
    f.kmsKey !== undefined && !/^identity-based/.test(f.denial?.policyType ?? ''),
  /** The denied action is iam:PassRole (handing a role to a service, an instance profile). */
  'action.pass_role': (f) => /^iam: ?PassRole$/.test(f.deniedAction ?? ''),
  'clock.present': (f) => f.clock?.skewSeconds !== undefined,
  'clock.skewed': (f) => Math.abs(f.clock?.skewSeconds ?? 0) > 300,
  /**
   * …but the machine's own log line is on AWS's time (within two minutes): its clock is right,
   * and the request was signed long before it was sent (queued, or an old request retried).
   */
  'clock.signed_late': (f) => {
    const { logTime, serverTime, skewSeconds } = f.clock ?? {};
    if (!logTime || !serverTime || skewSeconds === undefined || skewSeconds > -300) return false;
    return Math.abs(Date.parse(logTime) - Date.parse(serverTime)) <= 120_000;
  },
  'sdk.v1': (f) => /SDK for Go v1/.test(f.formatEra ?? ''),
  'sdk.v2': (f) => /SDK for Go v2/.test(f.formatEra ?? ''),
  'status.0': (f) => f.httpStatus === 0,
  'status.403': (f) => f.httpStatus === 403,
  encoded_message: (f) => f.encodedAuthorizationMessage !== undefined,
  'operation.sts': (f) => f.operations.some((o) => /^(?:STS: |sts:)/.test(o)),
  'operation.s3': (f) => f.operations.some((o) => /^(?:S3: |s3:)|Object|Bucket/.test(o)),
  /** IAM can simulate the caller: a user, a role, or an assumed-role session (as its role). */
  'principal.simulatable': (f) => f.principal !== undefined && iamArnOf(f.principal) !== undefined,
  /** …a role or role session IAM cannot simulate as shown (the account id is redacted). */
  'principal.role_unsimulatable': (f) =>
    f.principal !== undefined &&
    iamArnOf(f.principal) === undefined &&
    roleNameOf(f.principal) !== undefined,
  /** …a user IAM cannot simulate as shown (the account id is redacted or cut short). */
  'principal.user_unsimulatable': (f) =>
    f.principal !== undefined &&
    iamArnOf(f.principal) === undefined &&
    userNameOf(f.principal) !== undefined,
  /** The paste names the refused caller (a user, a role or a role session): whoami would repeat it. */
  'principal.named': (f) =>
    f.principal !== undefined &&
    (iamArnOf(f.principal) ?? roleNameOf(f.principal) ?? userNameOf(f.principal)) !== undefined,
  /** Terraform could not save state (errored.tfstate): recovering it comes before any fix. */
  'state.not_persisted': (f) => f.stateNotPersisted === true,
  /** The S3 API answered, but from an S3-compatible service that is not AWS. */
  's3.compatible': (f) => f.s3Compatible !== undefined,
  /** A traced request to AWS without any signature: the client found no credentials. */
  'aws.unsigned_request': (f) => f.unsignedRequest === true,
  /** The run executed on HCP Terraform / Terraform Enterprise workers. */
  'run.remote': (f) => f.remoteRun === true,
  /** A registry's storage refused Docker's download: the registry's keys, not the engineer's. */
  'registry.storage_refused': (f) => f.registryStorageRefused === true,
  /** The request carried a template placeholder instead of a value. */
  'paste.unfilled_value': (f) => f.unfilledValue !== undefined,
  /** AWS's canonical request shows headers sent twice: the client's doing, not the key's. */
  'signature.duplicate_headers': (f) => (f.duplicatedHeaders?.length ?? 0) > 0,
  /** Crossplane ran the provider: its ProviderConfig holds the credentials. */
  'runner.crossplane': (f) => f.controller === 'crossplane',
  /** The code ran in AWS Lambda: its credentials are the function's execution role. */
  'runner.lambda': (f) => f.runsIn === 'lambda',
  /** The Docker daemon made the call (its awslogs driver): its own environment or the instance role. */
  'runner.dockerd': (f) => f.runsIn === 'dockerd',
  /** Flux's Terraform controller ran it, in a runner pod. */
  'runner.tf_controller': (f) => f.controller === 'tf-controller',
  /** Velero's server made the call: its credentials Secret or service account identity. */
  'runner.velero': (f) => f.controller === 'velero',
  /** Argo CD's application controller made the call: the cluster Secret it holds. */
  'runner.argocd': (f) => f.controller === 'argocd',
  /** cert-manager's controller made the call: its Issuer's DNS01 solver credentials. */
  'runner.cert_manager': (f) => f.controller === 'cert-manager',
  'shell.powershell': (f) => f.shell === 'powershell',
  /** …and the paste is not one whose own step must lead (the EKS aws-auth ConfigMap refused). */
  'shell.powershell.k8s_check': (f) =>
    f.shell === 'powershell' &&
    !(f.eksAwsAuth === true && !namedKubeCause(f) && f.failedBlock?.kind !== 'exec_plugin'),
  /** The refused call managed the EKS aws-auth ConfigMap: the identity is likely not mapped. */
  'k8s.eks_aws_auth': (f) =>
    f.eksAwsAuth === true && !namedKubeCause(f) && f.failedBlock?.kind !== 'exec_plugin',
  'shell.windows': (f) => f.shell !== undefined,
  /** The rejected assertion came from GitHub Actions, or the paste does not say from where. */
  'azure.github_or_unknown_issuer': (f) =>
    f.azure?.issuer === undefined || /token\.actions\.githubusercontent\.com/.test(f.azure.issuer),
  /** …from an AKS cluster's OIDC issuer (workload identity in a pod). */
  'azure.aks_issuer': (f) => /\.prod-aks\.azure\.com\b/.test(f.azure?.issuer ?? ''),
  'cluster.eks': (f) => f.cluster?.kind === 'eks',
  'cluster.aks': (f) => f.cluster?.kind === 'aks',
  'cluster.gke': (f) => f.cluster?.kind === 'gke',
  /** A cluster whose kind the paste does not show: no platform's commands fit for sure. */
  'cluster.unknown': (f) => f.cluster?.kind === undefined || f.cluster.kind === 'other',
  /** The API server authenticated the caller and RBAC refused it (`forbidden: User "…"`). */
  'k8s.rbac_denied': (f) => f.kube?.user !== undefined && !anonymous(f),
  /** …as `system:anonymous`: no credentials reached the API server at all. */
  'k8s.anonymous': (f) => anonymous(f),
  /** …as a pod's service account: in a pod the providers fall back to its token. */
  'k8s.service_account': (f) => /^system:serviceaccount:/.test(f.kube?.user ?? ''),
  /** The exec credential plugin is not installed or not on PATH. */
  'k8s.plugin_missing': (f) => f.kube?.missingPlugin !== undefined,
  'k8s.plugin_missing.kubelogin': (f) => f.kube?.missingPlugin === 'kubelogin',
  'k8s.plugin_missing.gke': (f) => f.kube?.missingPlugin === 'gke-gcloud-auth-plugin',
  'k8s.plugin_missing.aws': (f) =>
    f.kube?.missingPlugin === 'aws' || f.kube?.missingPlugin === 'aws-iam-authenticator',
  'k8s.plugin_missing.other': (f) =>
    f.kube?.missingPlugin !== undefined &&
    !['kubelogin', 'gke-gcloud-auth-plugin', 'aws', 'aws-iam-authenticator'].includes(
      f.kube.missingPlugin,
    ),
  /** An exec plugin ran and failed (it is installed: running it by hand shows why). */
  'k8s.exec_ran': (f) => execRan(f),
  /** The kubeconfig names an auth-provider the client no longer has. */
  'k8s.auth_provider': (f) => f.kube?.authProvider !== undefined,
  'k8s.auth_provider.azure': (f) => f.kube?.authProvider === 'azure',
  'k8s.auth_provider.gcp': (f) => f.kube?.authProvider === 'gcp',
  'k8s.auth_provider.other': (f) =>
    f.kube?.authProvider !== undefined && !['azure', 'gcp'].includes(f.kube.authProvider),
  /** The exec plugin speaks client.authentication.k8s.io/v1alpha1, which clients refuse now. */
  'k8s.exec_v1alpha1': (f) => /\/v1a(?:l(?:p(?:h(?:a1?)?)?)?)?$/.test(f.kube?.execRejected ?? ''),
  /** The client refuses `client.authentication.k8s.io/v1` itself: the client predates it. */
  'k8s.exec_v1_refused': (f) => f.kube?.execRejected?.endsWith('/v1') === true,
  /** The client does not set the exec plugin's interactiveMode (helm provider 2.4.0's bug). */
  'k8s.exec_interactive_mode': (f) => f.kube?.execRejected === 'interactiveMode',
  /** GKE needs gke-gcloud-auth-plugin: it is missing, or the kubeconfig still names `gcp`. */
  'k8s.gke_plugin_needed': (f) =>
    f.kube?.missingPlugin === 'gke-gcloud-auth-plugin' || f.kube?.authProvider === 'gcp',
  /** The paste names why the cluster refused (RBAC, a missing plugin, a removed auth-provider). */
  'k8s.named_cause': (f) => namedKubeCause(f),
  /** The kubelet, not the API server, refused (a streaming call: exec, port-forward, logs). */
  'k8s.kubelet_refused': (f) => f.kube?.refusedBy === 'kubelet',
  /** A web login page answered where the API server should be. */
  'k8s.login_page': (f) => f.kube?.refusedBy === 'login-page',
  /** Nothing in the paste says why, per kind of cluster: the platform's own checks lead. */
  'k8s.eks_plain': (f) => !namedKubeCause(f) && f.cluster?.kind === 'eks',
  'k8s.aks_plain': (f) => !namedKubeCause(f) && f.cluster?.kind === 'aks',
  'k8s.gke_plain': (f) => !namedKubeCause(f) && f.cluster?.kind === 'gke',
  /** …on EKS or an unknown cluster, and no exec plugin failed: ask who the cluster sees. */
  'k8s.check_whoami': (f) =>
    !namedKubeCause(f) &&
    f.failedBlock?.kind !== 'exec_plugin' &&
    f.cluster?.kind !== 'aks' &&
    f.cluster?.kind !== 'gke',
  /** …on an unknown cluster: fresh credentials the way its platform fetches them. */
  'k8s.unknown_plain': (f) =>
    !namedKubeCause(f) && (f.cluster?.kind === undefined || f.cluster.kind === 'other'),
  /** An exec plugin ran and failed on EKS / on a cluster of unknown kind: run it by hand first. */
  'k8s.exec_ran.eks': (f) => execRan(f) && f.cluster?.kind === 'eks',
  'k8s.exec_ran.unknown': (f) =>
    execRan(f) && (f.cluster?.kind === undefined || f.cluster.kind === 'other'),
} satisfies Record<string, (f: Facts) => boolean>;

export type Signal = keyof typeof SIGNALS;

export const SIGNAL_NAMES = Object.keys(SIGNALS) as Signal[];

/** `runner.*`: a process other than the engineer's shell made the call (a controller's pod, a function, a daemon). */
export const RUNNER_SIGNALS = SIGNAL_NAMES.filter((s) => s.startsWith('runner.'));

export function computeSignals(facts: Facts): Set<Signal> {
  const on = new Set<Signal>();
  for (const name of SIGNAL_NAMES) if (SIGNALS[name](facts)) on.add(name);
  return on;
}

/**
 * The key's account (decoded offline from its id — a heuristic) and the first ARN of the
 * paste in another account, if any.
 */
export function keyAccountMismatch(
  f: Facts,
): { keyAccount: string; otherAccount: string; other: ArnFact } | undefined {
  const keyAccount = f.accessKeys.find((k) => k.accountId)?.accountId;
  if (!keyAccount) return undefined;
  const other = arnInOtherAccount(f.arns, keyAccount);
  return other?.accountId ? { keyAccount, otherAccount: other.accountId, other } : undefined;
}

/**
 * The first ARN whose account differs from `account`: roles first (the usual cross-account
 * case), then anything else. `sts` ARNs (assumed-role sessions) describe the caller, not a
 * target, so they are skipped.
 */
export function arnInOtherAccount(arns: ArnFact[], account: string): ArnFact | undefined {
  const candidates = arns.filter(
    (a) => a.accountId !== undefined && a.accountId !== account && a.service !== 'sts',
  );
  return candidates.find((a) => a.resourceType === 'role') ?? candidates[0];
}

/** How an ARN is named in a sentence: "the role you assume", "the dynamodb resource". */
export function arnRole(a: ArnFact): string {
  if (a.service === 'iam' && a.resourceType === 'role') return 'the role you assume';
  if (a.service === 'iam' && a.resourceType === 'user') return 'the IAM user in the paste';
  return `the ${a.service} resource in the paste`;
}

function isCi(f: Facts): boolean {
  if (f.ciSystem !== undefined) return true;
  return f.tools.some((t) =>
    [
      'github-actions',
      'azure-pipelines',
      'atlantis',
      'configure-aws-credentials',
      'azure-login',
    ].includes(t),
  );
}

function registryBot(f: Facts): boolean {
  return f.tools.includes('renovate') || f.tools.includes('dependabot');
}

export function regionUnknown(region: string | undefined): boolean {
  return region !== undefined && VALID_REGION.test(region) && !KNOWN_REGIONS.has(region);
}

function execRan(f: Facts): boolean {
  return f.failedBlock?.kind === 'exec_plugin' && !namedKubeCause(f);
}

function anonymous(f: Facts): boolean {
  return f.kube?.user === 'system:anonymous';
}

function namedKubeCause(f: Facts): boolean {
  return (
    f.kube?.user !== undefined ||
    f.kube?.missingPlugin !== undefined ||
    f.kube?.authProvider !== undefined ||
    f.kube?.execRejected !== undefined ||
    f.kube?.refusedBy !== undefined
  );
}

function crossAccount(f: Facts): boolean {
  const principalAccount = /^arn:[^:]+:[^:]+::(\d{12}):/.exec(f.principal ?? '')?.[1];
  if (!principalAccount) return false;
  return f.arns.some(
    (a) =>
      a.resourceType === 'role' && a.accountId !== undefined && a.accountId !== principalAccount,
  );
}
