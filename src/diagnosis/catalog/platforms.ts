// Per platform: the credential sources the follow-up flow offers, how to find out which
// one is in use ("not sure"), and the first check for each source. Class entries add
// their own source-specific steps on top of these.

import type { CredentialSource, Platform } from '../types';
import type { Condition, StepSpec } from './schema';

export interface SourceInfo {
  id: CredentialSource;
  label: string;
}

export interface PlatformInfo {
  id: Platform;
  label: string;
  sources: SourceInfo[];
  /** Commands that reveal which source is in use. Never print secret values. */
  discover: StepSpec[];
  /** The first check for a given source. */
  verify: Partial<Record<CredentialSource, StepSpec[]>>;
  /** Clues that reveal the source in a paste, most specific first. */
  detect: Array<[CredentialSource, Condition]>;
}

const AWS: PlatformInfo = {
  id: 'aws',
  label: 'AWS',
  sources: [
    { id: 'env', label: 'Environment variables' },
    { id: 'profile', label: 'Shared profile (~/.aws)' },
    { id: 'sso', label: 'IAM Identity Center (SSO)' },
    { id: 'assume_role', label: 'Assume role' },
    { id: 'oidc', label: 'OIDC / web identity in CI' },
    { id: 'instance_role', label: 'Instance or container role' },
    { id: 'credential_process', label: 'credential_process' },
    { id: 'unknown', label: 'Not sure' },
  ],
  discover: [
    {
      id: 'aws-discover-list',
      title: 'See where the AWS CLI finds credentials, and which profile and region it uses',
      detail:
        'The `Type` column says env, shared-credentials-file, sso, iam-role, …; keys are shown masked.',
      commands: ['aws configure list⟦ --profile ⟨profile⟩⟧'],
    },
    {
      id: 'aws-discover-env',
      title: 'List the AWS variables set in the shell that runs Terraform (names only)',
      detail: 'Environment variables win over profiles. Do not paste their values anywhere.',
      commands: ['env | grep ^AWS_ | cut -d= -f1'],
    },
    {
      id: 'aws-discover-provider',
      title: 'Look for credentials set in the Terraform configuration itself',
      detail:
        'A `profile`, `assume_role`, `shared_credentials_files` or keys in the provider or backend block override the environment.',
      commands: [
        `grep -rnE 'profile|assume_role|access_key|shared_(credentials|config)_files|role_arn' --include='*.tf' .`,
      ],
    },
  ],
  detect: [
    ['sso', /\bSSO\b|sso_session|sso\/cache|aws sso login|IAM Identity Center/],
    ['credential_process', /credential_process|process provider|custom-process/],
    [
      'oidc',
      /WebIdentity|web identity|OIDC|OpenIDConnect|id-token|configure-aws-credentials|AWS_WEB_IDENTITY_TOKEN_FILE/,
    ],
    [
      'instance_role',
      /ec2imds|IMDS|169\.254\.16[29]\.|169\.254\.170\.23?\b|AWS_CONTAINER_CREDENTIALS|instance role|EC2RoleRequestError|ECS task role/,
    ],
    [
      'assume_role',
      /AssumeRole(?!With)|Cannot assume IAM Role|cannot be assumed|assume_role|assume role/,
    ],
    // Not a tool's hint that asks whether they were set (`did you set the AWS_ACCESS_KEY_ID …?`).
    [
      'env',
      /(?<!did you set[^?\n]{0,60})(?:AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)|environment variables(?!\?)/,
    ],
    ['profile', 'profile.named'],
  ],
  verify: {
    env: [
      {
        id: 'aws-verify-env',
        title: 'Ask AWS who these environment credentials are',
        detail:
          'A temporary key (ASIA…) also needs AWS_SESSION_TOKEN from the same issue; an old token next to a new key fails.',
        commands: ['env | grep ^AWS_ | cut -d= -f1', 'aws sts get-caller-identity'],
      },
    ],
    profile: [
      {
        id: 'aws-verify-profile',
        title: 'Check the profile exists and works',
        commands: [
          'aws configure list-profiles',
          'aws sts get-caller-identity --profile ⟨profile⟩',
        ],
      },
    ],
    sso: [
      {
        id: 'aws-verify-sso',
        title: 'Refresh the IAM Identity Center session, then check the identity',
        commands: [
          'aws sso login --profile ⟨profile⟩',
          'aws sts get-caller-identity --profile ⟨profile⟩',
        ],
      },
    ],
    assume_role: [
      {
        id: 'aws-verify-assume',
        title: 'Assume the role by hand with the same source credentials',
        commands: [
          'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
          'aws sts assume-role --role-arn ⟨role⟩ --role-session-name tfauth-check⟦ --profile ⟨profile⟩⟧',
        ],
      },
    ],
    oidc: [
      {
        id: 'aws-verify-oidc',
        title: 'Check the CI job can mint an OIDC token and which role it asks for',
        detail:
          "GitHub Actions needs `permissions: id-token: write` on the job; the role trust policy must match the token's `aud` and `sub`.",
        commands: [
          'aws iam get-role --role-name ⟨role_name⟩ --query Role.AssumeRolePolicyDocument',
        ],
      },
    ],
    instance_role: [
      {
        id: 'aws-verify-container',
        title:
          'Check the container credentials endpoint the SDK is given (ECS task role, EKS Pod Identity)',
        detail:
          'ECS sets AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (169.254.170.2); EKS Pod Identity sets AWS_CONTAINER_CREDENTIALS_FULL_URI (169.254.170.23) and a token file. Only SDKs that know Pod Identity accept the latter.',
        commands: [
          'env | grep -E "^AWS_CONTAINER_CREDENTIALS_(FULL|RELATIVE)_URI="',
          'aws sts get-caller-identity',
        ],
        when: 'credentials.container_endpoint',
      },
      {
        id: 'aws-verify-imds',
        title: 'Check the instance or task role is reachable from where Terraform runs',
        detail:
          'In a container on EC2, IMDSv2 needs a hop limit of 2; on ECS the task role comes from AWS_CONTAINER_CREDENTIALS_RELATIVE_URI.',
        commands: [
          'TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60") && curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/',
          'aws sts get-caller-identity',
        ],
        when: 'credentials.no_container_endpoint',
      },
    ],
    credential_process: [
      {
        id: 'aws-verify-process',
        title: 'Run the credential_process command by hand and check its output shape',
        detail:
          'It must print JSON with Version 1, AccessKeyId, SecretAccessKey, SessionToken and a valid (or absent) Expiration. Check the output shape, not the values.',
        commands: [
          'aws configure get credential_process --profile ⟨profile⟩',
          'aws sts get-caller-identity --profile ⟨profile⟩',
        ],
      },
    ],
  },
};

const AZURE: PlatformInfo = {
  id: 'azure',
  label: 'Azure',
  sources: [
    { id: 'service_principal', label: 'Service principal + client secret' },
    { id: 'azure_cli', label: 'Azure CLI login' },
    { id: 'oidc', label: 'OIDC / workload identity in CI' },
    { id: 'managed_identity', label: 'Managed identity' },
    { id: 'unknown', label: 'Not sure' },
  ],
  discover: [
    {
      id: 'az-discover-env',
      title: 'List the ARM_* variables azurerm reads (names only)',
      detail:
        'ARM_CLIENT_SECRET means a service principal, ARM_USE_OIDC workload identity, ARM_USE_MSI managed identity; none of them means the Azure CLI.',
      commands: ['env | grep -E "^(ARM|AZURE)_" | cut -d= -f1'],
    },
    {
      id: 'az-discover-cli',
      title: 'See who the Azure CLI is logged in as',
      commands: ['az account show --output table'],
    },
  ],
  detect: [
    // azure/login says which way it signs in (its notice about OIDC is not that way).
    ['service_principal', /login by using service principal with secret/],
    // A certificate credential signs a client assertion too: it is a service principal's, not OIDC.
    ['service_principal', /AADSTS700027|[Cc]lient certificate|certificate credential/],
    [
      'oidc',
      /AADSTS7002[14]|AADSTS70021\b|AADSTS700213|AADSTS700024|AADSTS700211|[Cc]lient assertion|WorkloadIdentityCredential|federated|ACTIONS_ID_TOKEN|ARM_USE_OIDC|OIDC/,
    ],
    ['managed_identity', /ManagedIdentity|managed identity|MSI\b|metadata\/identity/],
    [
      'service_principal',
      /AADSTS7000215|AADSTS7000222|AADSTS700016|client secret|ARM_CLIENT_SECRET|invalid_client/,
    ],
    ['azure_cli', /az login|Azure CLI|AzureCli/],
  ],
  verify: {
    service_principal: [
      {
        id: 'az-verify-sp',
        title: 'Check the service principal and its secrets (expiry dates, not values)',
        commands: [
          'az ad sp show --id ⟨client⟩ --query "{name:displayName, appId:appId}"',
          'az ad app credential list --id ⟨client⟩ --query "[].{hint:hint, end:endDateTime}"',
        ],
      },
    ],
    azure_cli: [
      {
        id: 'az-verify-cli',
        title: 'Log in again and pick the subscription',
        commands: ['az login', 'az account set --subscription ⟨subscription⟩'],
      },
    ],
    oidc: [
      {
        id: 'az-verify-oidc',
        title: "List the app's federated credentials and compare subject, issuer and audience",
        commands: [
          'az ad app federated-credential list --id ⟨client⟩ --query "[].{subject:subject, issuer:issuer, audiences:audiences}"',
        ],
      },
    ],
    managed_identity: [
      {
        id: 'az-verify-msi',
        title: 'Check the managed identity can get a token on this host',
        commands: ['az login --identity', 'az account show'],
      },
    ],
  },
};

const GCP: PlatformInfo = {
  id: 'gcp',
  label: 'Google Cloud',
  sources: [
    { id: 'adc_user', label: 'gcloud user credentials (ADC)' },
    { id: 'gcloud_user', label: 'gcloud CLI login (gcloud auth login)' },
    { id: 'service_account_key', label: 'Service account key file' },
    { id: 'impersonation', label: 'Service account impersonation' },
    { id: 'oidc', label: 'Workload identity federation in CI' },
    { id: 'instance_role', label: 'GCE/GKE metadata server' },
    { id: 'unknown', label: 'Not sure' },
  ],
  discover: [
    {
      id: 'gcp-discover',
      title: 'See which credentials the google provider will pick up (names only)',
      detail:
        'GOOGLE_CREDENTIALS / GOOGLE_APPLICATION_CREDENTIALS point at a key or config file; otherwise ADC from gcloud or the metadata server is used.',
      commands: [
        'env | grep -E "^(GOOGLE|CLOUDSDK)_" | cut -d= -f1',
        'gcloud auth list',
        'gcloud config list',
      ],
    },
  ],
  detect: [
    [
      'oidc',
      /workload identity|workloadIdentityPools|federated token|google-github-actions\/auth|credential's issuer|sts\.googleapis\.com|external_account/,
    ],
    ['impersonation', /impersonat|generateAccessToken|serviceAccountTokenCreator/],
    ['service_account_key', /Invalid JWT Signature|private_key|GOOGLE_CREDENTIALS|key file/],
    ['instance_role', /metadata\.google\.internal|compute metadata/],
    // The gcloud CLI printed the failure itself (`ERROR: (gcloud.<command>)`, its crash line, its
    // refresh umbrella): its own login failed, which `gcloud auth login` renews and ADC does not.
    [
      'gcloud_user',
      /ERROR: \(gcloud\.[a-z][\w.-]{0,80}\)|gcloud crashed \(|There was a problem refreshing your current auth tokens/,
    ],
    ['adc_user', /invalid_rapt|application-default login|gcloud auth|Reauthentication/],
  ],
  verify: {
    adc_user: [
      {
        id: 'gcp-verify-adc',
        title: 'Refresh Application Default Credentials',
        commands: [
          'gcloud auth application-default login',
          'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
        ],
      },
    ],
    service_account_key: [
      {
        id: 'gcp-verify-key',
        title: 'Check the key file is a service-account key that still exists (id, not contents)',
        commands: [
          'jq -r .client_email,.private_key_id "$GOOGLE_APPLICATION_CREDENTIALS"',
          'gcloud iam service-accounts keys list --iam-account ⟨service_account⟩',
        ],
      },
    ],
    impersonation: [
      {
        id: 'gcp-verify-imp',
        title: 'Try the impersonation by hand',
        commands: [
          'gcloud auth print-access-token --impersonate-service-account=⟨service_account⟩ > /dev/null && echo impersonation works',
        ],
      },
    ],
    oidc: [
      {
        id: 'gcp-verify-wif',
        title: "Check the workload identity provider and the pool's attribute mapping",
        commands: [
          'gcloud iam workload-identity-pools providers list --location=global --workload-identity-pool=<pool>',
        ],
      },
    ],
    instance_role: [
      {
        id: 'gcp-verify-md',
        title: 'Check the metadata server identity',
        commands: [
          'curl -s -H "Metadata-Flavor: Google" http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/email',
        ],
      },
    ],
  },
};

const TFC: PlatformInfo = {
  id: 'tfc',
  label: 'HCP Terraform / registry',
  sources: [
    { id: 'cli_config', label: 'terraform login / credentials file' },
    { id: 'env_token', label: 'TF_TOKEN_* environment variable' },
    { id: 'unknown', label: 'Not sure' },
  ],
  discover: [
    {
      id: 'tfc-discover',
      title: 'See where Terraform looks for host tokens (names only)',
      commands: [
        'env | grep -E "^TF_(TOKEN_|CLI_CONFIG_FILE)" | cut -d= -f1',
        'ls -l ~/.terraform.d/credentials.tfrc.json ~/.terraformrc 2>/dev/null',
      ],
    },
  ],
  detect: [
    ['env_token', /TF_TOKEN_/],
    ['cli_config', /terraform login|credentials\.tfrc\.json|credentials block|CLI Config File/],
  ],
  verify: {
    cli_config: [
      {
        id: 'tfc-verify-login',
        title: 'Log in to the host again',
        commands: ['terraform login⟦ ⟨tfc_host⟩⟧'],
      },
    ],
    env_token: [
      {
        id: 'tfc-verify-env',
        title:
          'Check the variable name matches the host (dots become underscores, dashes become double underscores)',
        detail: 'For app.terraform.io the variable is TF_TOKEN_app_terraform_io.',
        commands: ['env | grep ^TF_TOKEN_ | cut -d= -f1'],
      },
    ],
  },
};

const K8S: PlatformInfo = {
  id: 'k8s',
  label: 'Kubernetes',
  sources: [
    { id: 'kubeconfig', label: 'kubeconfig file' },
    {
      id: 'exec_plugin',
      label: 'exec plugin (aws eks get-token, kubelogin, gke-gcloud-auth-plugin)',
    },
    { id: 'env_token', label: 'Static token / provider attributes' },
    { id: 'unknown', label: 'Not sure' },
  ],
  discover: [
    {
      id: 'k8s-discover',
      title: 'See which cluster, user and auth method the current context uses',
      commands: [
        'kubectl config current-context',
        'kubectl config view --minify -o jsonpath="{.users[0].user}" | cut -c1-200',
        'grep -nE "config_path|exec|token|cluster_ca_certificate" *.tf',
      ],
    },
  ],
  detect: [
    ['exec_plugin', 'block.exec_plugin'],
    ['kubeconfig', /kubeconfig|config_path|current-context/],
    ['env_token', /aws_eks_cluster_auth|bearer token|\btoken\b/],
  ],
  verify: {
    kubeconfig: [
      {
        id: 'k8s-verify-kubeconfig',
        title: 'Check the credentials of that context',
        commands: ['kubectl auth whoami', 'kubectl auth can-i list namespaces'],
      },
    ],
    // The plugin of the cluster's platform; the kubeconfig's own when the kind is not shown.
    exec_plugin: [
      {
        id: 'k8s-verify-exec-eks',
        title: 'Run the exec plugin by hand (EKS: the AWS CLI)',
        commands: ['aws eks get-token --cluster-name ⟨cluster⟩ | cut -c1-80'],
        when: 'cluster.eks',
      },
      {
        id: 'k8s-verify-exec-aks',
        title: 'Run the exec plugin by hand (AKS: kubelogin)',
        commands: ['kubelogin --version', 'kubectl auth whoami'],
        when: 'cluster.aks',
      },
      {
        id: 'k8s-verify-exec-gke',
        title: 'Run the exec plugin by hand (GKE: gke-gcloud-auth-plugin)',
        commands: ['gke-gcloud-auth-plugin --version', 'kubectl auth whoami'],
        when: 'cluster.gke',
      },
      {
        id: 'k8s-verify-exec',
        title: 'See which exec plugin the kubeconfig runs, then run it by hand',
        commands: ['kubectl config view --minify -o jsonpath="{.users[0].user.exec.command}"'],
        when: 'cluster.unknown',
      },
    ],
    env_token: [
      {
        id: 'k8s-verify-token',
        title: 'Check the token is current (EKS tokens from aws_eks_cluster_auth last 15 minutes)',
        commands: ['kubectl --token="$(terraform output -raw cluster_token)" auth whoami'],
      },
    ],
  },
};

const GITHUB: PlatformInfo = {
  id: 'github',
  label: 'GitHub',
  sources: [
    { id: 'pat', label: 'Personal access token' },
    { id: 'github_app', label: 'GitHub App' },
    { id: 'actions_token', label: 'GITHUB_TOKEN in Actions' },
    { id: 'unknown', label: 'Not sure' },
  ],
  discover: [
    {
      id: 'gh-discover',
      title: 'See which token the github provider reads (names only)',
      detail:
        'The provider reads `token`/`app_auth` in its block, then GITHUB_TOKEN, then the `gh` CLI.',
      commands: ['env | grep -E "^(GITHUB|GH)_" | cut -d= -f1', 'gh auth status'],
    },
  ],
  // The token kind the paste shows first (a prefix, GitHub's wording, app_auth); the Actions
  // GITHUB_TOKEN only when the paste is an Actions log: GitHub's "integration" wording alone is
  // any installation token, a GitHub App's as much as the Actions app's.
  detect: [
    ['pat', 'github.pat'],
    ['actions_token', 'ci.github_actions'],
    ['github_app', 'github.installation_token'],
    ['pat', /personal access token/],
  ],
  verify: {
    pat: [
      {
        id: 'gh-verify-pat',
        title: 'Check the token works and its scopes',
        commands: [
          'curl -sI -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user | grep -iE "^(HTTP|x-oauth-scopes)"',
        ],
      },
    ],
    github_app: [
      {
        id: 'gh-verify-app',
        title: "Check the app installation's permissions in the organization settings",
        commands: [
          'gh api /orgs/⟨gh_owner⟩/installations --jq ".installations[] | {app_slug, permissions}"',
        ],
      },
    ],
    actions_token: [
      {
        id: 'gh-verify-actions',
        title: 'Check the workflow `permissions:` block grants what the resources need',
        commands: [`grep -n -A8 'permissions:' .github/workflows/*.yml`],
        ci: 'github-actions',
      },
    ],
  },
};

export const PLATFORMS: Record<Platform, PlatformInfo> = {
  aws: AWS,
  azure: AZURE,
  gcp: GCP,
  tfc: TFC,
  k8s: K8S,
  github: GITHUB,
};
