// The vocabulary of the diagnosis engine. Everything here is plain data so a
// Diagnosis can be printed as JSON, carried into Slack blocks, or compared in tests.

/** Class ids: a contract with data/corpus/TAXONOMY.md (a copy of the workspace's class list) (what `classId` reports). */
export const CLASS_IDS = [
  'aws.invalid_access_key',
  'aws.signature_mismatch',
  'aws.expired_token',
  'aws.clock_skew',
  'aws.no_credentials',
  'aws.profile_not_found',
  'aws.sso_token',
  'aws.assume_role_denied',
  'aws.web_identity',
  'aws.mfa_required',
  'aws.permission_denied',
  'aws.credential_process',
  'aws.region_config',
  'aws.endpoint_unreachable',
  'azure.client_secret',
  'azure.cli_login',
  'azure.oidc',
  'azure.subscription',
  'azure.authorization_failed',
  'gcp.no_credentials',
  'gcp.invalid_grant',
  'gcp.permission_denied',
  'tfc.token',
  'k8s.unauthorized',
  'github.bad_credentials',
] as const;

export type AuthClassId = (typeof CLASS_IDS)[number];
export type ClassId = AuthClassId | 'none';

export type Platform = 'aws' | 'azure' | 'gcp' | 'tfc' | 'k8s' | 'github';

/**
 * Where the failing tool got its credentials from. The follow-up flow asks the
 * user to pick one; each platform offers its own subset (see platforms.ts).
 */
export type CredentialSource =
  // AWS
  | 'env'
  | 'profile'
  | 'sso'
  | 'assume_role'
  | 'oidc'
  | 'instance_role'
  | 'credential_process'
  // Azure
  | 'service_principal'
  | 'azure_cli'
  | 'managed_identity'
  // Google
  | 'adc_user'
  // gcloud's own login (`gcloud auth login`), which the CLI uses and ADC does not
  | 'gcloud_user'
  | 'service_account_key'
  | 'impersonation'
  // Terraform Cloud / registries
  | 'cli_config'
  | 'env_token'
  // Kubernetes
  | 'kubeconfig'
  | 'exec_plugin'
  // GitHub
  | 'pat'
  | 'github_app'
  | 'actions_token'
  // any platform: the user does not know yet
  | 'unknown';

export type AccessKeyKind =
  | 'long-term'
  | 'temporary'
  | 'bearer-token'
  | 'context-specific'
  | 'legacy'
  | 'unique-id'
  | 'public-key'
  | 'certificate';

export interface AccessKeyFact {
  /** Always masked: prefix + last four characters. */
  masked: string;
  prefix: string;
  kind: AccessKeyKind;
  description: string;
  /** Account decoded from the key id (a heuristic; absent for old-format ids). */
  accountId?: string;
}

export interface ArnFact {
  arn: string;
  partition: string;
  service: string;
  accountId?: string;
  resourceType?: string;
  resourceName?: string;
}

export type BlockKind =
  | 'provider'
  | 's3_backend'
  | 'backend'
  | 'remote_state'
  | 'exec_plugin'
  | 'resource'
  | 'data_source'
  | 'ci_step';

export interface FailedBlock {
  kind: BlockKind;
  /** e.g. provider type `aws`, backend type `s3`, resource address. */
  name?: string;
  alias?: string;
  /** `on main.tf line 3` when Terraform printed it. */
  location?: string;
}

export interface ClockFacts {
  /** ISO-8601 UTC times when the message contained them. */
  requestTime?: string;
  serverTime?: string;
  expiresAt?: string;
  /** requestTime - serverTime in seconds (negative: the client clock is behind). */
  skewSeconds?: number;
  /** The tolerance the service applied, when stated (`- 5 min.`). */
  toleranceMinutes?: number;
  /** The time of the log line that reported it, on the logging machine's clock. */
  logTime?: string;
}

export type Tool =
  | 'terraform'
  | 'opentofu'
  | 'terragrunt'
  | 'atlantis'
  | 'pulumi'
  | 'aws-cli'
  /** botocore's wording without an `aws …` command line: the AWS CLI or Python code with boto3. */
  | 'aws-cli-or-boto3'
  /** A Spark job or Hadoop's S3A filesystem (`s3a://`, `org.apache.hadoop.fs.s3a`, Py4J). */
  | 'spark-s3a'
  /** A Go program's go-kit log line (`caller=file.go:N`): Loki, Thanos, Prometheus. */
  | 'go-app'
  /** Microsoft's Power Platform CLI (`pac`), with its own sign-in profiles. */
  | 'pac-cli'
  | 'aws-vault'
  | 'botocore'
  | 'azure-cli'
  | 'gcloud'
  | 'kubectl'
  | 'github-actions'
  | 'azure-pipelines'
  | 'configure-aws-credentials'
  | 'azure-login'
  | 'crossplane'
  | 'renovate'
  | 'dependabot'
  | 'ruby-app'
  | 'node-app'
  | 'python-app'
  | 'java-app'
  | 'dotnet-app'
  | 'gh-cli'
  | 'aws-cdk'
  | 'boto3'
  | 'webiny'
  | 'serverless'
  | 'pachyderm'
  | 'driftctl'
  | 'packer'
  | 'vagrant'
  | 'ecs-cli'
  | 'kubectl-run'
  | 'azure-cli-run'
  | 'helm-run'
  | 'aws-runas'
  | 'newrelic-lambda-cli'
  | 'azd-run'
  /** Velero's server and its cloud plugins (logrus lines naming backup storage locations). */
  | 'velero'
  /** Argo CD's application controller (ComparisonError, live state it could not load). */
  | 'argocd'
  /** cert-manager's controller solving an ACME DNS01 challenge with its Issuer's credentials. */
  | 'cert-manager'
  /** Elixir's ExAws (`{:error, {:http_error, 403, …}}`) and Haskell's amazonka (`Network.AWS.…`). */
  | 'elixir-app'
  | 'haskell-app';

export interface Facts {
  platform?: Platform;
  /** Set when no family matched and the class is a guess from a refusal of this kind (fallback.ts). */
  guess?: 'denied' | 'expired' | 'rejected';
  /** Where the credentials seem to come from, when the paste gives it away. */
  credentialSource?: CredentialSource;
  errorCodes: string[];
  /** e.g. `STS: GetCallerIdentity` (SDK form) or `sts:AssumeRole` (IAM action). */
  operations: string[];
  httpStatus?: number;
  requestIds: string[];
  region?: string;
  partition?: string;
  /** The region needs opting in (global-endpoint STS tokens are rejected there). */
  optInRegion?: boolean;
  endpoint?: string;
  accessKeys: AccessKeyFact[];
  arns: ArnFact[];
  /** The identity that made the failing call: an ARN, an Azure client, a Google account. */
  principal?: string;
  roleArns: string[];
  accountIds: string[];
  profiles: string[];
  failedBlock?: FailedBlock;
  clock?: ClockFacts;
  terraformVersion?: string;
  providerVersions: Record<string, string>;
  /** What the message format says about library generations, e.g. `AWS SDK for Go v2`. */
  formatEra?: string;
  tools: Tool[];
  /** The OIDC issuer STS found no IAM OIDC provider for (`https://…`). */
  oidcIssuer?: string;
  /** Permission/IAM action named in a denial, e.g. `s3:GetObject`. */
  deniedAction?: string;
  /** The KMS key ARN a KMS denial names. */
  kmsKey?: string;
  /** An EC2 `Encoded authorization failure message` (not a secret; decodable with STS). */
  encodedAuthorizationMessage?: string;
  /** Headers the canonical request AWS printed holds twice: the client sent them twice. */
  duplicatedHeaders?: string[];
  /** Azure/Entra or Google specific identifiers worth showing. */
  subscriptionIds: string[];
  tenantIds: string[];
  clientIds: string[];
  gcpProjects: string[];
  /** Hosts such as app.terraform.io, api.github.com, or a Kubernetes API server. */
  hosts: string[];
  /** A role named without a readable ARN: a bare name, or an ARN whose account is redacted. */
  roleName?: string;
  /** That redacted role ARN with the account as `<account-id>`, for `--role-arn`. */
  redactedRoleArn?: string;
  /** The HCP Terraform / Terraform Enterprise / registry host that refused or lacks a token. */
  tfcHost?: string;
  /** The GitHub REST API base a refused call went to (GitHub Enterprise Server's /api/v3, or github.com's). */
  githubApi?: string;
  /** The Azure Storage data role a refusal of a queue, table or file share call needs (blob when absent). */
  storageDataRole?: string;
  /** The Google service account the failing call used or impersonated. */
  gcpServiceAccount?: string;
  /**
   * The service account a denial was *about* (act as it, mint its tokens), not the caller:
   * `actAs denied on service account X`, `get access tokens for the service account X`.
   */
  gcpTargetServiceAccount?: string;
  /** The OAuth scope of the Google Workspace API a refused request called (from its URL). */
  googleApiScope?: string;
  /** The profile whose stored keys a role profile is assumed from (`source_profile`). */
  sourceProfile?: string;
  /** The `sso-session` whose cached token is missing (botocore: `Token for <name> does not exist`). */
  ssoSession?: string;
  /** The Cloud Storage bucket a denial names (the gcs backend's state bucket, usually). */
  gcsBucket?: string;
  /** The workload identity pool (and provider, project number) a Google error names. */
  wif?: { projectNumber?: string; pool: string; provider?: string };
  /** The S3 object a backend or remote state read failed on. */
  s3?: { bucket?: string; key?: string };
  /** What Entra ID named in a federated-credential or authorization error. */
  azure?: {
    subject?: string;
    issuer?: string;
    audience?: string;
    scope?: string;
    /** The object id of the caller (what `az role assignment --assignee` takes). */
    objectId?: string;
  };
  /** The Azure storage account a blob or azurerm backend error names. */
  storageAccount?: string;
  /** The Key Vault a data-plane denial names, and the kind of object (secrets, keys, certificates). */
  keyVault?: { name: string; objects?: 'secrets' | 'keys' | 'certificates' };
  /** The Kubernetes API server the provider talked to, and whose cluster it is. */
  cluster?: { host?: string; kind?: ClusterKind; name?: string; location?: string };
  /**
   * The container credentials endpoint the SDK was given (AWS_CONTAINER_CREDENTIALS_*): EKS Pod
   * Identity's agent (169.254.170.23) or ECS's (169.254.170.2), and whether the SDK refused it.
   */
  containerCredentials?: { endpoint: 'eks-pod-identity' | 'ecs'; rejected: boolean };
  /** What a Kubernetes refusal names: the user RBAC denied, a missing exec plugin, a removed auth-provider. */
  kube?: KubeRefusal;
  /** What a newer AccessDenied message says about the policy that decided it. */
  denial?: DenialFacts;
  /** The shell the paste came from, when a prompt or a path gives it away. */
  shell?: 'powershell' | 'cmd';
  /** Terraform could not save state and wrote errored.tfstate (state safety comes first). */
  stateNotPersisted?: boolean;
  /** Docker's registry client got S3's XML error from the storage behind a registry. */
  registryStorageRefused?: boolean;
  /** A template placeholder the request carried instead of a value (`<no value>`, `%7B…%7D`). */
  unfilledValue?: string;
  /** The run executed on HCP Terraform / Terraform Enterprise workers, not where it was started. */
  remoteRun?: boolean;
  /**
   * A Kubernetes controller made the call (Crossplane or Flux's Terraform controller running the
   * provider, Velero's server, Argo CD's application controller, cert-manager's DNS01 solver): no
   * shell's credentials reach it.
   */
  controller?: 'crossplane' | 'tf-controller' | 'velero' | 'argocd' | 'cert-manager';
  /** A process with its own credentials made the call: a Lambda function, the Docker daemon. */
  runsIn?: 'lambda' | 'dockerd';
  /** An S3-compatible service that is not AWS (MinIO, Cloudflare R2, …), by name. */
  s3Compatible?: string;
  /** The paste traces a request to AWS that carried no signature: it was sent anonymously. */
  unsignedRequest?: true;
  /** How the paste runs kubectl when it is a distribution's own (`microk8s kubectl`, `k3s kubectl`). */
  kubectlCommand?: string;
  /** The failing resource manages the EKS aws-auth ConfigMap. */
  eksAwsAuth?: boolean;
  /** The CI system whose log this is, when the paste shows its markers. */
  ciSystem?: CiSystem;
  /** The paste names Google somewhere (an OAuth refusal without it may be any OAuth server's). */
  googleNamed?: boolean;
  /** The paste shows an OAuth refresh-token grant request (`grant_type=refresh_token`). */
  refreshTokenGrant?: boolean;
  /** The kind of GitHub token the paste shows (by prefix or GitHub's wording). */
  githubToken?: GithubTokenKind;
  /** The GitHub owner (and repository) of a REST call in the paste. */
  githubRepo?: { owner: string; repo?: string };
}

export type CiSystem = 'github-actions' | 'azure-devops' | 'gitlab' | 'jenkins';

export type GithubTokenKind =
  'classic_pat' | 'fine_grained_pat' | 'installation' | 'oauth_app' | 'app_user';

export type ClusterKind = 'eks' | 'aks' | 'gke' | 'other';

export interface KubeRefusal {
  /** `forbidden: User "…"`: the identity the API server authenticated (RBAC denied it). */
  user?: string;
  /** What RBAC denied: `cannot <verb> resource "<resource>" … in the namespace "<namespace>"`. */
  verb?: string;
  /** The resource, with its API group when it has one (`prometheusrules.monitoring.coreos.com`). */
  resource?: string;
  /** `exec` of `pods/exec`. */
  subresource?: string;
  namespace?: string;
  /** The exec credential plugin that is not installed or not on PATH (`kubelogin`). */
  missingPlugin?: string;
  /** A kubeconfig `auth-provider` the client no longer has (`azure`, `gcp`, `oidc`). */
  authProvider?: string;
  /**
   * An exec plugin configuration the client refuses: `client.authentication.k8s.io/v1alpha1`,
   * or `interactiveMode` (a client that does not set it, helm provider 2.4.0).
   */
  execRejected?: string;
  /**
   * Who refused, when it was not the API server checking the user's credential: the node's
   * kubelet (a streaming call: exec, attach, port-forward, logs), or a web login page where the
   * API server should be.
   */
  refusedBy?: 'kubelet' | 'login-page';
}

export interface DenialFacts {
  /** `identity-based`, `resource-based`, `service control`, `permissions boundary`, `session`, … */
  policyType?: string;
  /** `explicit deny` or `no … policy allows`. */
  reason?: 'explicit-deny' | 'implicit-deny';
  /** The denying policy's ARN, when the message names it. */
  policyArn?: string;
}

export interface Cause {
  id: string;
  title: string;
  explanation: string;
  /** Relative likelihood in [0,1] after applying this paste's signals. */
  score: number;
  /** Why this cause fits this paste (empty when only the prior applies). */
  evidence: string[];
}

export interface Step {
  id: string;
  title: string;
  detail?: string;
  /** Exact commands, already filled with facts from the paste (never secrets). */
  commands: string[];
  /** The credential source this step is specific to, when it is. */
  source?: CredentialSource;
  /**
   * The shell the commands are written for: absent, bash/sh (or the same in both); `bash` is
   * said only to a paste from PowerShell, for commands that could not be turned into it.
   */
  shell?: 'powershell' | 'bash';
}

export interface DocLink {
  title: string;
  url: string;
}

export type SecretKind =
  | 'aws_secret_access_key'
  | 'aws_session_token'
  | 'aws_access_key_id'
  | 'azure_client_secret'
  | 'gcp_private_key'
  | 'gcp_service_account_key'
  | 'github_token'
  | 'tfc_token'
  | 'slack_token'
  | 'password'
  | 'private_key'
  | 'bearer_token'
  | 'vault_token'
  | 'gitlab_token'
  | 'google_oauth_token'
  | 'kubernetes_credential'
  | 'azure_sas_token'
  | 'azure_storage_key'
  | 'basic_auth'
  | 'consul_token'
  | 'datadog_key'
  | 'digitalocean_token'
  | 'generic_secret';

export interface SecretFinding {
  kind: SecretKind;
  /** Masked rendering that is safe to show anywhere. */
  masked: string;
  /** 1-based line of the (original) text where it starts. */
  line: number;
  /** Whether it must be rotated (an access-key id alone is not a secret). */
  mustRotate: boolean;
}

export interface OtherError {
  classId: ClassId;
  title: string;
  confidence: number;
  /** A short, masked excerpt of the matching text. */
  excerpt: string;
  /** For an auth error: its first steps, filled only with the facts of its own error block. */
  checklist?: Step[];
}

export interface Diagnosis {
  classId: ClassId;
  confidence: number;
  title: string;
  summary: string;
  platform?: Platform;
  facts: Facts;
  causes: Cause[];
  steps: Step[];
  /** Credential sources the follow-up flow offers for this class. */
  sources: CredentialSource[];
  docs: DocLink[];
  secrets: SecretFinding[];
  others: OtherError[];
  /** The masked line(s) that decided the class: shown so users can see why. */
  evidence: string[];
  /** The catalog signature that decided it (`aws.sso_token/code`): what feedback is about. */
  signatureId?: string;
  /** Present when the text was too large to read whole or had to be cut. */
  notes: string[];
  /**
   * What the follow-up flow needs to rebuild causes and steps for any credential source
   * later, without the paste (it travels in Slack buttons). Absent for `none`.
   */
  guide?: Guide;
}

export interface Guide {
  /** Facts that fill commands (masked; never secrets). */
  vars: Record<string, string>;
  /** Signals that held. */
  signals: string[];
  /** One character per text condition of the class entry ('1' held, '0' not), in catalog order. */
  held: string;
  /** Fingerprint of those conditions: a deploy that changes them makes old buttons expire. */
  key?: string;
}
