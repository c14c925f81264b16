// Steps that depend on the situation a paste shows rather than on its class: they lead the
// checklist of any class whose platform they name, when their condition holds. Each has an
// example paste that must bring it (test/diagnosis/situations.test.ts).

import type { ClassId, Platform } from '../types';
import type { Example, StepSpec } from './schema';

export interface Situation {
  /** Only for these platforms (absent: every platform). */
  platforms?: Platform[];
  /** …and only for these classes of them (absent: every class). */
  classes?: ClassId[];
  /** Class steps this one does for its shell: it stands in their place, even before a rule. */
  replaces?: string[];
  /** Comes after the class's rule for the paste (one with its own examples), not before it. */
  afterRule?: boolean;
  step: StepSpec & { when: StepSpec['when'] & string };
  example: Example;
}

const psEnv = (pattern: string): string =>
  `Get-ChildItem Env: | Where-Object Name -Match '${pattern}' | Select-Object -ExpandProperty Name`;

/** The situations that may lead the checklist of this class. */
export function situationsFor(entry: { id: ClassId; platform: Platform }): Situation[] {
  return SITUATIONS.filter(
    (s) =>
      (!s.platforms || s.platforms.includes(entry.platform)) &&
      (!s.classes || s.classes.includes(entry.id)),
  );
}

export const SITUATIONS: Situation[] = [
  {
    // A placeholder in the request: nothing about the credentials can be judged before it is a value.
    step: {
      id: 'unfilled-value',
      title:
        'First fill the value the request carried as `⟨unfilled_value⟩`: a placeholder nobody replaced',
      detail:
        'The refused request contains a template placeholder instead of an id or name. Go templates print `<no value>` for a key that is missing (a Crossplane composition, a Helm chart, a patch whose source field is empty); braces left around a value in a .env or config file (`{your-tenant-id}`) are sent encoded as %7B…%7D. Fix the template, the variable or the file that should have supplied it; the refusal may go away with it.',
      commands: [],
      when: 'paste.unfilled_value',
    },
    example: {
      text: '[2023-03-08 15:59:28] production.ERROR: Client error: `POST https://login.microsoftonline.com/%7B{Tenant-ID]%7D/oauth2/v2.0/token` resulted in a `401 Unauthorized` response:\n{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being se (truncated...)',
      source: 'corpus holdout17/h17-multi-bookstack-azuread-1 (BookStackApp/BookStack#4089)',
    },
  },
  {
    step: {
      id: 'state-push-errored',
      title:
        'First save the state Terraform could not write: push errored.tfstate once credentials work',
      detail:
        'Terraform wrote the new state to errored.tfstate in the working directory. Fix the credentials, then push it before anything else; running apply again first forks the state and duplicates resources.',
      commands: ['ls -l errored.tfstate', 'terraform state push errored.tfstate'],
      when: 'state.not_persisted',
    },
    example: {
      text: 'Failed to save state: failed to upload state: ExpiredToken: The provided token has expired.\n\tstatus code: 400, request id: 593F2112F64A6BEC\n\nError: Failed to persist state to backend.\n\nThe error shown above has prevented Terraform from writing the updated state\nto the configured backend. To allow for recovery, the state has been written\nto the file "errored.tfstate" in the current working directory.',
      source: 'issue hashicorp/terraform#17180',
    },
  },
  {
    // The provider ran inside Crossplane: no shell, profile or `az login` reaches it.
    platforms: ['aws', 'azure', 'gcp', 'k8s'],
    step: {
      id: 'crossplane-provider-config',
      title:
        'Crossplane ran this: fix the credentials of the ProviderConfig the resource uses, not a shell’s',
      detail:
        'A Crossplane provider takes its credentials (and, for AWS, its default region) from the ProviderConfig a managed resource names (`spec.providerConfigRef`, else `default`): `spec.credentials.source` is a Secret (the key in it must be in the format the provider documents: for provider-kubernetes and provider-helm a kubeconfig, whose exec or auth-provider plugins must exist in the provider’s image), or the pod’s own identity (IRSA, Pod Identity, Workload Identity, a managed identity, or `InjectedIdentity` for the cluster it runs in). The managed resource’s events and conditions show which ProviderConfig failed.',
      commands: [
        'kubectl get managed',
        'kubectl api-resources -o name | grep -i providerconfig',
        'kubectl get providers.pkg.crossplane.io',
      ],
      when: 'runner.crossplane',
    },
    example: {
      text: 'Events:\n  Type     Reason                   Age                 From                                             Message\n  ----     ------                   ----                ----                                             -------\n  Warning  CannotConnectToProvider  27s (x36 over 30m)  managed/iam.aws.m.upbound.io/v1beta1, kind=user  cannot initialize the Terraform plugin SDK async external client: cannot get terraform setup: could not configure the no-fork AWS client: cannot construct TF AWS Client from TF AWS Config, [{0 invalid AWS Region:   []}]',
      source: 'corpus holdout11/h11-aws-upjet-1866-1 (crossplane-contrib/provider-upjet-aws#1866)',
    },
  },
  {
    // Flux's Terraform controller runs terraform in a runner pod of its own.
    platforms: ['aws', 'azure', 'gcp'],
    step: {
      id: 'tf-controller-runner',
      title: 'Flux’s tf-controller ran this in a runner pod: give that pod the credentials',
      detail:
        'The plan runs in the controller’s tf-runner pod, which sees only what the object the controller reconciles gives it: environment variables from a Secret (`spec.runnerPodTemplate.spec.env` / `envFrom`), or the cloud identity of the runner’s service account (IRSA, Workload Identity, a managed identity). A laptop’s login or CLI never reaches it.',
      commands: [
        'kubectl get terraforms.infra.contrib.fluxcd.io -A',
        'kubectl get terraforms.infra.contrib.fluxcd.io -A -o yaml | grep -n -A12 runnerPodTemplate',
      ],
      when: 'runner.tf_controller',
    },
    example: {
      text: '{"level":"error","ts":"2022-05-03T09:49:31.375Z","logger":"controller.terraform","msg":"Reconciliation failed after 16.905672785s, next try in 1m0s","reconciler group":"infra.contrib.fluxcd.io","reconciler kind":"Terraform","name":"terraform-playground-postgresql","namespace":"flux","revision":"master/8b307366408515292837f38cd8a0d97498c8f89f","error":"error running Plan: rpc error: code = Unknown desc = exit status 1\\n\\nError: building AzureRM Client: Please ensure you have installed Azure CLI version 2.0.79 or newer. Error parsing json result from the Azure CLI: Error launching Azure CLI: exec: \\"az\\": executable file not found in $PATH.\\n\\n  with provider[\\"registry.terraform.io/hashicorp/azurerm\\"],\\n  on common.tf line 3, in provider \\"azurerm\\":\\n   3: provider \\"azurerm\\" {\\n\\n"}',
      source: 'corpus holdout11/h11-multi-tofuctl-221-1 (flux-iac/tofu-controller#221)',
    },
  },
  {
    // Velero's server and its cloud plugin sign in with Velero's own Secret or service account.
    platforms: ['aws', 'azure', 'gcp'],
    afterRule: true,
    step: {
      id: 'velero-credentials',
      title:
        'Velero’s server made this call: check the credentials and location Velero uses, not your shell’s',
      detail:
        'Velero and its cloud plugin sign in with the file in its credentials Secret (`cloud-credentials` by default, mounted at /credentials/cloud, or the Secret a location’s `credential` field names) or, without one, the identity of Velero’s service account (IRSA or EKS Pod Identity, Azure or GCP workload identity). The backup or snapshot location’s config (bucket, region, s3Url, resourceGroup, subscriptionId) says where it goes. The commands show the locations, the key names in the Secret (never their values) and the service account; a bucket in another account also needs a bucket policy for that identity.',
      commands: [
        'kubectl -n velero get backupstoragelocations,volumesnapshotlocations -o yaml',
        "kubectl -n velero get secret cloud-credentials -o jsonpath='{.data.cloud}' | base64 -d | cut -d= -f1",
        "kubectl -n velero get deploy velero -o jsonpath='{.spec.template.spec.serviceAccountName}'",
      ],
      when: 'runner.velero',
    },
    example: {
      text: 'time="2020-11-02T03:12:38Z" level=error msg="Current backup storage locations available/unavailable/unknown: 0/1/0, Backup location \\"default\\" is unavailable: rpc error: code = Unknown desc = AccessDenied: Access Denied\\n\\tstatus code: 403, request id: 9c4453ac-e4a8-47b8-b4d1-22563c523452, host id: )" controller=backupstoragelocation logSource="pkg/controller/backupstoragelocation_controller.go:152"',
      source: 'corpus holdout16/h16-aws-velero-bsl-403-1 (velero-io/velero#3044), one line',
    },
  },
  {
    // cert-manager's DNS01 solvers sign in with what the Issuer names, or its own service account.
    platforms: ['aws', 'azure', 'gcp'],
    afterRule: true,
    step: {
      id: 'cert-manager-solver',
      title:
        'cert-manager’s controller made this call: check the credentials its Issuer’s DNS01 solver uses, not your shell’s',
      detail:
        'cert-manager calls Route 53, Azure DNS or Cloud DNS with what the Issuer or ClusterIssuer’s `dns01` solver names: an access key id in the Issuer with its secret key in a Secret (`secretAccessKeySecretRef`: a trailing newline in it breaks every signature), a role to assume, a service principal, or else the identity of cert-manager’s own service account (IRSA, with `region` set in the solver or AWS_REGION on the Deployment; Azure or GCP workload identity). The commands show the solvers’ settings and the service account.',
      commands: [
        'kubectl get issuers,clusterissuers -A -o yaml | grep -n -A14 dns01',
        "kubectl -n cert-manager get deploy cert-manager -o jsonpath='{.spec.template.spec.serviceAccountName}'",
      ],
      when: 'runner.cert_manager',
    },
    example: {
      text: 'E1128 19:20:50.525952       1 controller.go:196] certificates controller: Re-queuing item "xxxxx/my-domain-com-cert" due to error processing: error presenting acme authorization for domain "XXX": Failed to change Route 53 record set: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\nstatus code: 403, request id:xxx',
      source: 'corpus holdout17/h17-aws-certmgr-r53-sig-1 (cert-manager/cert-manager#208)',
    },
  },
  {
    // Argo CD's controller reaches a cluster with the credentials in its cluster Secret.
    platforms: ['k8s', 'aws', 'azure', 'gcp'],
    afterRule: true,
    step: {
      id: 'argocd-cluster-secret',
      title:
        'Argo CD’s controller made this call: refresh the cluster’s credentials in Argo CD, not your kubeconfig',
      detail:
        'Argo CD reaches a managed cluster with what its cluster Secret holds (label `argocd.argoproj.io/secret-type=cluster`): the argocd-manager service account’s bearer token, or an exec or IAM setting (`awsAuthConfig`, `execProviderConfig`). A rebuilt or upgraded cluster, a rotated CA or a deleted token Secret leaves it stale, and your own kubectl login does not change it: re-add the cluster (`argocd cluster add` with a context that works) or update the Secret.',
      commands: [
        'argocd cluster list',
        'kubectl -n argocd get secrets -l argocd.argoproj.io/secret-type=cluster',
      ],
      when: 'runner.argocd',
    },
    example: {
      text: 'ComparisonError: the server has asked for the client to provide credentials;ComparisonError: the server has asked for the client to provide credentials',
      source: 'corpus holdout16/h16-multi-argocd-comparison-creds-17 (argoproj/argo-cd#9233)',
    },
  },
  {
    // A region the SDKs do not know breaks every call whatever the class: it comes first.
    platforms: ['aws'],
    step: {
      id: 'aws-unknown-region',
      title: 'Fix the region: ⟨region⟩ is not an AWS region',
      detail:
        'It is not in the AWS SDK’s list of regions (botocore’s partitions.json), so its endpoints do not exist. Find where it is set (a variable or tfvars file, AWS_REGION / AWS_DEFAULT_REGION, the profile) and correct the typo.',
      commands: [
        `grep -rn '⟨region⟩' --include='*.tf' --include='*.tfvars' .`,
        'env | grep -E "^AWS_(DEFAULT_)?REGION"',
        'aws configure get region⟦ --profile ⟨profile⟩⟧',
      ],
      when: 'region.unknown',
    },
    example: {
      text: '│ Error: configuring Terraform AWS Provider: error validating provider credentials: error calling sts:GetCallerIdentity: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.eu-central-12.amazonaws.com/": dial tcp: lookup sts.eu-central-12.amazonaws.com: no such host',
      source: 'corpus holdout4/h4-tfaws-28889-1 (hashicorp/terraform-provider-aws#28889)',
    },
  },
  {
    // An SDK that predates EKS Pod Identity refuses its agent: no credential fix helps.
    platforms: ['aws'],
    step: {
      id: 'aws-pod-identity-sdk',
      title:
        'Upgrade what refused the EKS Pod Identity endpoint: its AWS SDK predates Pod Identity',
      detail:
        '169.254.170.23 is the EKS Pod Identity agent. SDKs older than aws-sdk-go v1.47.11 or aws-sdk-go-v2 release-2023-11-14 accept only loopback (and ECS) container endpoints. Upgrade the AWS provider, Terraform itself (its S3 backend has its own SDK) and any other provider or tool that calls AWS; until then, IAM roles for service accounts (IRSA) work with older SDKs.',
      commands: [
        'terraform version',
        `grep -rn -B2 -A2 'hashicorp/aws' --include='*.tf' .`,
        'terraform init -upgrade',
      ],
      when: 'credentials.pod_identity_old_sdk',
    },
    example: {
      text: 'Error: error configuring Terraform AWS Provider: loading configuration: invalid endpoint host, "169.254.170.23", only loopback hosts are allowed',
      source: 'corpus holdout4/h4-atlhelm-349-1 (runatlantis/helm-charts#349)',
    },
  },
  {
    // The code ran in Lambda: the role that was refused, or found missing, is the function's.
    platforms: ['aws'],
    step: {
      id: 'lambda-execution-role',
      title:
        'This ran inside AWS Lambda: its credentials are the function’s execution role, not your shell’s',
      detail:
        'The first command prints the role the function runs as; its policies (and, for an AssumeRole, the target role’s trust policy naming it) decide. Running the same call from a terminal tests your own credentials, not the function’s.',
      commands: [
        'aws lambda get-function-configuration --function-name ⟨lambda_function⟩ --query Role --output text',
      ],
      when: 'runner.lambda',
    },
    example: {
      text: 'AccessDenied: Not authorized to perform sts:AssumeRole\n    at Request.extractError (/var/task/node_modules/aws-sdk/lib/protocol/query.js:40:29)\n    at Request.callListeners (/var/task/node_modules/aws-sdk/lib/sequential_executor.js:105:20)',
      source:
        'corpus holdout16/h16-aws-sls-lambda-assume-1 (serverless/serverless#3040), shortened',
    },
  },
  {
    // dockerd's awslogs driver looks for credentials in the daemon's environment, not a user's.
    platforms: ['aws'],
    classes: ['aws.no_credentials'],
    step: {
      id: 'dockerd-credentials',
      title:
        'The Docker daemon made this call: give dockerd credentials (its systemd environment) or the host an instance role',
      detail:
        'The awslogs logging driver runs in dockerd, which reads AWS_* variables from its own service environment and ~/.aws of the user it runs as (root), or the instance role on EC2 — not your shell. The first command shows the daemon’s environment (names only); a drop-in under /etc/systemd/system/docker.service.d/ sets it, then `systemctl daemon-reload` and a restart of docker.',
      commands: [
        "sudo systemctl show docker --property=Environment | grep -o 'AWS_[A-Z_]*'",
        'ls /etc/systemd/system/docker.service.d/',
      ],
      when: 'runner.dockerd',
    },
    example: {
      text: 'Jan 15 17:00:03 dockerSwarm01.vns.local dockerd[30809]: time="2019-01-15T17:00:03.373268493-05:00" level=error msg="fatal task error" error="starting container failed: failed to initialize logging driver: NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors"',
      source: 'corpus holdout16/h16-aws-compose-awslogs-nocreds-1 (docker/compose#2329), shortened',
    },
  },
  {
    // Docker's registry client (docker/distribution registry/client/errors.go,
    // UnexpectedHTTPResponseError) could not parse the registry's answer: S3's XML error from the
    // storage behind the registry, signed with the registry's keys, not the engineer's.
    platforms: ['aws'],
    step: {
      id: 'registry-storage',
      title:
        'A container registry’s storage refused the download with S3’s error: the registry’s keys, not yours',
      detail:
        'Docker expected the registry’s JSON and got an S3 XML error instead: the blob storage behind the registry (Docker Hub’s, or your own registry’s S3 storage driver) refused the request with its own credentials. Your AWS keys were not in that request. For a public registry, check its status page and retry later; for your own registry, check the access key in its `storage.s3` configuration and that the bucket policy allows it.',
      commands: [],
      when: 'registry.storage_refused',
    },
    example: {
      text: 'ERROR: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\\n<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>xxxx</AWSAccessKeyId><RequestId>xxxx</RequestId><HostId>xxxx</HostId></Error>"',
      source: 'corpus holdout17/h17-aws-tutum-invalidkey-1 (docker-archive/tutum-mongodb#50)',
    },
  },
  {
    // The S3 API's error codes come from a server that is not AWS: IAM cannot help there.
    platforms: ['aws'],
    step: {
      id: 's3-compatible',
      title: 'This is ⟨s3_service⟩, not AWS: check the key and the endpoint on that service',
      detail:
        'The message uses S3’s error codes, but the server is ⟨s3_service⟩: the access key must exist there (its own console or admin tool, e.g. MinIO’s `mc admin user info`), AWS IAM and STS commands do not apply, and the provider or backend must point at its endpoint (often with path-style addressing and the AWS-only checks skipped).',
      commands: [
        `grep -rnE 'endpoint|minio_server|force_path_style|use_path_style|skip_credentials_validation|skip_requesting_account_id' --include='*.tf' .`,
      ],
      when: 's3.compatible',
    },
    example: {
      text: '│ Error: [FATAL] error reading IAM User %s: %s (minio-llama): The Access Key Id you provided does not exist in our records.\n│ \n│   with module.s3_infra_logs.minio_iam_user.this,\n│   on .terraform/modules/s3_infra_logs/main.tf line 10, in resource "minio_iam_user" "this":',
      source: 'corpus holdout4/h4-minio-440-1 (aminueza/terraform-provider-minio#440)',
    },
  },
  {
    // An app's own AWS SDK looked for credentials: its process, not a Terraform run, needs them.
    // Not where the credentials were found and something else failed (a clock, SSO, a signature).
    platforms: ['aws'],
    classes: ['aws.no_credentials', 'aws.invalid_access_key', 'aws.profile_not_found'],
    step: {
      id: 'aws-sdk-app-credentials',
      title: 'Give ⟨app⟩ credentials where it runs, under the names its AWS SDK reads',
      detail:
        'Every AWS SDK reads the same chain: the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary keys; other spellings such as AWS_ACCESS_KEY or AWS_SECRET_KEY are ignored), then AWS_PROFILE and ~/.aws/credentials of the user the app runs as, then web identity, then the container or instance role. Set them in the environment of the process that failed (the worker, container or service), not only in your shell: a process started before the export does not see them.',
      commands: [
        'env | grep -E "^AWS_" | cut -d= -f1',
        'ls -l ~/.aws/credentials ~/.aws/config',
        'aws sts get-caller-identity',
      ],
      when: 'tool.aws_sdk_app',
    },
    example: {
      text: "    E, [2015-02-15T23:01:16.804771 #39322] ERROR -- : unable to sign request without credentials set (Aws::Errors::MissingCredentialsError)\n    /usr/local/var/rbenv/versions/2.1.2/lib/ruby/gems/2.1.0/gems/aws-sdk-core-2.0.24/lib/aws-sdk-core/plugins/request_signer.rb:91:in `require_credentials'",
      source: 'issue aws/aws-sdk-ruby#707',
    },
  },
  {
    // An app's expired session: it had credentials and kept them past their lifetime.
    platforms: ['aws'],
    classes: ['aws.expired_token'],
    step: {
      id: 'aws-sdk-app-refreshable',
      title:
        'Give ⟨app⟩ a credential source its SDK renews: it kept temporary keys past their lifetime',
      detail:
        'An SDK client renews what it was given only when the source can be renewed: an instance profile or container role, IRSA or Pod Identity, or a profile with `role_arn`, `sso_session` or `credential_process`. Temporary keys copied into the environment (or a session made once at start-up and kept, as long-running services and notebooks do) run out after their hour or so. The first command shows which variables the process could be using; restart it after switching to a renewable source, or create its session again before long jobs.',
      commands: ['env | grep -E "^AWS_" | cut -d= -f1', 'aws configure list'],
      when: 'tool.aws_sdk_app',
    },
    example: {
      text: '  File "/Users/briford/work/sageworks/src/sageworks/views/artifacts_summary.py", line 58, in artifact_meta\n    aws_tags = self.sm_session.list_tags(aws_arn)\n\nbotocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the ListObjectsV2 operation: The provided token has expired.',
      source: 'corpus holdout13/h13-aws-workbench-1 (SuperCowPowers/workbench#165)',
    },
  },
  {
    // aws-vault keeps source keys in its keyring and reads profiles from ~/.aws/config only.
    platforms: ['aws'],
    classes: ['aws.no_credentials', 'aws.profile_not_found'],
    step: {
      id: 'aws-vault-keyring',
      title:
        'aws-vault: see which profiles it has keys for, and that ⟨profile⟩ has a section in ~/.aws/config',
      detail:
        '`aws-vault exec NAME` needs a `[profile NAME]` section in ~/.aws/config, and keys for it (or for its source_profile) in aws-vault’s keyring: `aws-vault add NAME` prompts for them and stores them there, never in a file. Another keyring backend or keychain (AWS_VAULT_BACKEND, `--backend`) shows another list.',
      commands: [
        'aws-vault list',
        // The default profile's section is `[default]`, every other one's `[profile NAME]`.
        "grep -nE '^\\[(profile )?⟨profile⟩\\]' ~/.aws/config",
        'env | grep -E "^AWS_VAULT_" | cut -d= -f1',
      ],
      when: 'tool.aws_vault',
    },
    example: {
      text: '$ aws-vault exec userone\naws-vault: error: exec: Error getting temporary credentials: profile userone: credentials missing',
      source:
        'corpus holdout12/h12-aws-awsvault-creds-missing-1 (99designs/aws-vault#1247), shortened',
    },
  },
  {
    // The ECS CLI's --ecs-profile names a profile of its own, not one of ~/.aws.
    platforms: ['aws'],
    classes: ['aws.profile_not_found'],
    step: {
      id: 'ecs-cli-profile',
      title:
        'Create the ECS CLI profile ⟨profile⟩: `--ecs-profile` reads ~/.ecs/credentials, not ~/.aws',
      detail:
        'The first command lists the ECS CLI’s profile names (not their keys); the second creates the profile from the keys in the environment, without typing them on the command line.',
      commands: [
        "grep -E '^  [A-Za-z0-9_.@+-]+:$' ~/.ecs/credentials",
        'ecs-cli configure profile --profile-name ⟨profile⟩ --access-key "$AWS_ACCESS_KEY_ID" --secret-key "$AWS_SECRET_ACCESS_KEY"',
      ],
      when: 'tool.ecs_cli',
    },
    example: {
      text: "$ ecs-cli ps --ecs-profile asdfasdf\nFATA[0000] Error executing 'ps Error loading config: ECS Profile asdfasdf could not be found. Configure profiles using 'ecs-cli configure profile'.",
      source: 'corpus holdout12/h12-aws-ecscli-profile-1 (aws/amazon-ecs-cli#357)',
    },
  },
  {
    // The CDK's bootstrap roles: "Proceeding anyway" means it fell back to the caller's own keys.
    // Only for refusals: a CDK that found no credentials at all has nothing to assume them with.
    platforms: ['aws'],
    classes: [
      'aws.assume_role_denied',
      'aws.permission_denied',
      'aws.invalid_access_key',
      'aws.expired_token',
      'aws.signature_mismatch',
    ],
    step: {
      id: 'aws-cdk-bootstrap',
      title: 'Check the CDK bootstrap roles can be assumed, and bootstrap the environment again',
      detail:
        'The cdk-hnb659fds-* roles are created by `cdk bootstrap` and already trust the account, so their trust policy is rarely the problem. Either the stack CDKToolkit is missing or older than this CDK needs in this account and region (bootstrap again), or the caller’s credentials may not call sts:AssumeRole on them (a permissions boundary or SCP, or Cloud9’s managed temporary credentials: use an IAM role or user instead).',
      commands: ['aws sts get-caller-identity', 'npx cdk bootstrap⟦ aws://⟨account⟩/⟨region⟩⟧'],
      // A skewed clock explains any refusal by itself: the clock check leads then.
      when: 'tool.aws_cdk_bootstrap',
    },
    example: {
      text: "current credentials could not be used to assume 'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1', but are for the right account. Proceeding anyway.",
      source: 'issue aws-samples/aws-genai-llm-chatbot#454',
    },
  },
  {
    platforms: ['github'],
    step: {
      id: 'gh-cli-login',
      title:
        'Log the gh CLI in again, or drop the GH_TOKEN / GITHUB_TOKEN that overrides its login',
      detail:
        'gh uses GH_TOKEN or GITHUB_TOKEN (GH_ENTERPRISE_TOKEN for GitHub Enterprise Server) when one is set, before its stored login. `gh auth status` shows which token it uses and whether GitHub still accepts it; `gh auth login` stores a new one.',
      commands: ['gh auth status', 'env | grep -E "^(GH|GITHUB)_" | cut -d= -f1', 'gh auth login'],
      when: 'tool.gh_cli',
    },
    example: {
      text: "/tmp/bin(master)$ gh pr checkout 1\nhttp error, 'https://api.github.com/graphql' failed (401): 'Bad credentials'",
      source: 'issue cli/cli#1003',
    },
  },
  {
    platforms: ['aws'],
    step: {
      id: 'aws-powershell',
      title: 'In PowerShell: list the AWS variables (names only) and pick the profile',
      detail:
        'The steps below are in PowerShell too, where they can be; a step that stays bash says so.',
      commands: [psEnv('^AWS_'), '$env:AWS_PROFILE = "⟨profile⟩"', 'aws sts get-caller-identity'],
      when: 'shell.powershell',
      shell: 'powershell',
    },
    example: {
      text: 'PS C:\\work\\infra> terraform plan\n╷\n│ Error: No valid credential sources found\n│\n│   with provider["registry.terraform.io/hashicorp/aws"],\n│\n│ Error: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded',
      source:
        'invented: a PowerShell prompt in front of the aws provider v5 no-credentials message',
    },
  },
  {
    platforms: ['azure'],
    step: {
      id: 'azure-powershell',
      title: 'In PowerShell: list the ARM_* and AZURE_* variables (names only)',
      detail:
        'The steps below are in PowerShell too, where they can be; a step that stays bash says so.',
      commands: [psEnv('^(ARM|AZURE)_'), 'az account show --output table'],
      when: 'shell.powershell',
      shell: 'powershell',
    },
    example: {
      text: `PS C:\\Users\\ashad\\Desktop\\Terraform\\Demo3> terraform plan\n╷\n│ Error: building account: getting authenticated object ID: listing Service Principals: ServicePrincipalsClient.BaseClient.Get(): clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'bbadfd0d-2c2f-48a2-be59-4739d0d3e8b1'."}`,
      source: 'issue hashicorp/terraform-provider-azurerm#16026',
    },
  },
  {
    platforms: ['gcp'],
    step: {
      id: 'gcp-powershell',
      title: 'In PowerShell: list the GOOGLE_* and CLOUDSDK_* variables (names only)',
      commands: [psEnv('^(GOOGLE|CLOUDSDK)_'), 'gcloud auth list'],
      when: 'shell.powershell',
      shell: 'powershell',
    },
    example: {
      text: "PS C:\\infra> terraform plan\n╷\n│ Error: Attempted to load application default credentials since neither `credentials` nor `access_token` was set in the provider block.  No credentials loaded. To use your gcloud credentials, run 'gcloud auth application-default login'",
      source:
        'invented: a PowerShell prompt in front of the google provider no-credentials message',
    },
  },
  {
    // Bots that look up module and provider versions send their own configured tokens: they
    // never read `terraform login`, TF_TOKEN_* or the CLI config.
    platforms: ['tfc'],
    step: {
      id: 'renovate-host-rules',
      title:
        'Give Renovate a token for ⟨tfc_host⟩ in its hostRules (it does not read Terraform’s login)',
      detail:
        'Renovate looks up versions itself and sends only the tokens its `hostRules` give it. Self-hosted (config.js): `hostRules: [{ matchHost: "⟨tfc_host⟩", token: process.env.TFC_TOKEN }]`. The Mend-hosted app: store the token under Credentials in the app settings (developer.mend.io) and reference it in renovate.json as `{"hostRules": [{"matchHost": "⟨tfc_host⟩", "token": "{{ secrets.TFC_TOKEN }}"}]}`. The token needs read access to the private registry.',
      commands: ['grep -n -A4 hostRules renovate.json .github/renovate.json config.js 2>/dev/null'],
      when: 'tool.renovate',
    },
    example: {
      text: 'DEBUG: GET https://app.terraform.io/api/registry/v1/modules/<my-private-org>/<my-module>/versions = (code=ERR_NON_2XX_3XX_RESPONSE, statusCode=401 retryCount=0, duration=29) (repository=my-repo)\nDEBUG: Datasource unauthorized (repository=my-repo)\n       "datasource": "terraform-module",\n       "packageName": "app.terraform.io/<my-private-org>/<my-module>",',
      source: 'corpus holdout4/h4-renovate-21244-1 (renovatebot/renovate#21244)',
    },
  },
  {
    platforms: ['tfc'],
    step: {
      id: 'dependabot-registry',
      title: 'Give Dependabot the registry and its token in .github/dependabot.yml',
      detail:
        'Dependabot sends only the credentials of its `registries` block:\n```yaml\nregistries:\n  terraform-cloud:\n    type: terraform-registry\n    url: https://⟨tfc_host⟩\n    token: ${{ secrets.TFC_TOKEN }}\n```\nand `registries: [terraform-cloud]` in the `package-ecosystem: terraform` entry; the secret is a Dependabot secret of the repository or organization.',
      commands: ['grep -n -A6 registries .github/dependabot.yml'],
      when: 'tool.dependabot',
    },
    example: {
      text: '  proxy | 2021/06/10 12:54:06 [030] GET https://app.terraform.io:443/api/registry/v1/modules/lhsystems/managementgroups/azurerm/versions\n  proxy | 2021/06/10 12:54:06 [030] 401 https://app.terraform.io:443/api/registry/v1/modules/lhsystems/managementgroups/azurerm/versions\nupdater | ERROR <job_156796200> Error processing lhsystems/managementgroups/azurerm (Dependabot::PrivateSourceAuthenticationFailure)',
      source: 'issue dependabot/dependabot-core#3723',
    },
  },
  {
    platforms: ['tfc'],
    step: {
      id: 'tfc-powershell',
      title: 'In PowerShell: list the TF_TOKEN_* variables (names only)',
      commands: [psEnv('^TF_(TOKEN_|CLI_CONFIG_FILE)'), 'terraform login⟦ ⟨tfc_host⟩⟧'],
      when: 'shell.powershell',
      shell: 'powershell',
    },
    example: {
      text: 'PS C:\\infra> terraform init\n╷\n│ Error: Required token could not be found\n│\n│ Run the following command to generate a token for app.terraform.io:\n│     terraform login',
      source: 'invented: a PowerShell prompt in front of the cloud backend no-token message',
    },
  },
  {
    platforms: ['k8s'],
    replaces: ['kube-user'],
    step: {
      id: 'k8s-powershell',
      title: 'In PowerShell: see which kubeconfig and context the provider uses',
      // `kubectl auth whoami` needs an accepted credential: the user entry shows what is sent.
      commands: [
        '$env:KUBECONFIG',
        'kubectl config current-context',
        'kubectl config view --minify',
      ],
      // Not before the access-entry step when the EKS aws-auth ConfigMap was refused.
      when: 'shell.powershell.k8s_check',
      shell: 'powershell',
    },
    example: {
      text: 'PS C:\\infra> terraform apply\n╷\n│ Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials',
      source: 'invented: a PowerShell prompt in front of the helm provider credentials message',
    },
  },
  {
    platforms: ['github'],
    step: {
      id: 'github-powershell',
      title: 'In PowerShell: list the GITHUB_* and GH_* variables (names only)',
      commands: [psEnv('^(GITHUB|GH)_'), 'gh auth status'],
      when: 'shell.powershell',
      shell: 'powershell',
    },
    example: {
      text: 'PS C:\\infra> terraform plan\n╷\n│ Error: GET https://api.github.com/user: 401 Bad credentials []',
      source: 'invented: a PowerShell prompt in front of the github provider 401 message',
    },
  },
  {
    // hadoop-aws's S3A connector: fs.s3a.* settings, then its provider chain; its credential
    // providers TemporaryAWSCredentialsProvider and AnonymousAWSCredentialsProvider.
    platforms: ['aws'],
    step: {
      id: 'spark-s3a-settings',
      title:
        'Spark / Hadoop reads S3 credentials from its fs.s3a.* settings, not from the AWS CLI’s profile',
      detail:
        'The S3A connector takes `fs.s3a.access.key` / `fs.s3a.secret.key` (and, for temporary keys, `fs.s3a.session.token` with `fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider`) from the Hadoop configuration (core-site.xml, `spark.hadoop.fs.s3a.*` in spark-defaults.conf or `--conf`), else environment variables, then the instance profile of the node each executor runs on (EMR, Databricks). The command lists the fs.s3a settings that are configured (names only). Someone else’s public bucket is read with `fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider`.',
      commands: [
        'grep -rhoE "(spark\\.hadoop\\.)?fs\\.s3a\\.[A-Za-z.]+" "${SPARK_HOME:-/opt/spark}/conf" "${HADOOP_CONF_DIR:-/etc/hadoop/conf}" 2>/dev/null | sort -u',
      ],
      when: 'tool.spark_s3a',
    },
    example: {
      text: 'java.nio.file.AccessDeniedException: s3a://nyc-tlc/misc/uber_nyc_data.csv: getFileStatus on s3a://nyc-tlc/misc/uber_nyc_data.csv: com.amazonaws.services.s3.model.AmazonS3Exception: Forbidden (Service: Amazon S3; Status Code: 403; Error Code: 403 Forbidden; Request ID: 32ED94CC70510060)\n  at org.apache.hadoop.fs.s3a.S3AUtils.translateException(S3AUtils.java:230)',
      source:
        'corpus holdout13/h13-aws-sparkhelm-1 (JahstreetOrg/spark-on-kubernetes-helm#54), shortened',
    },
  },
];
