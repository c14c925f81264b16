// Advice that reads the situation: each situational step leads the checklist for its example,
// and the class steps follow the facts (the host that refused, the kind of cluster, the
// caller's IAM form, EC2's AuthFailure), with facts kept per error block.

import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis';
import { SITUATIONS } from '../../src/diagnosis/catalog';
import { DEV_CORPUS, FIXTURES, loadJsonl } from '../support/corpus';

const commands = (text: string): string[] => diagnose(text).steps.flatMap((s) => s.commands);
const stepIds = (text: string): string[] => diagnose(text).steps.map((s) => s.id);

describe.each(SITUATIONS.map((s) => [s.step.id, s] as const))('situation %s', (_id, s) => {
  it('leads the checklist for its example (a shell’s equivalents: right after the class’s own rule)', () => {
    const d = diagnose(s.example.text);
    expect(d.classId).not.toBe('none');
    const at = d.steps.findIndex((step) => step.id === s.step.id);
    expect(at).toBe(s.step.shell === 'powershell' && at === 1 ? 1 : 0);
  });
});

it('a rule of the class for this paste leads before the PowerShell equivalents', () => {
  // corpus holdout10/h10-youngeks-156-1: Windows module paths, an explicit deny on iam:CreateRole.
  const text =
    '│ Error: error creating IAM Role (irsa-ew2-stack-eks01-eks_cluster): AccessDenied: User: arn:aws:sts::xxxxxxx:assumed-role/User-eu-west-2/xxxxxxx is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::xxxxxxx:role/irsa-ew2-stack-eks01-eks_cluster with an explicit deny\n│ status code: 403, request id: xxxx-xxxxx\n\n│ on .terraform\\modules\\container-insights\\modules\\iam-role-for-serviceaccount\\main.tf line 6, in resource "aws_iam_role" "irsa":\n│ 6: resource "aws_iam_role" "irsa" {';
  expect(stepIds(text).slice(0, 2)).toEqual(['permissions-boundary', 'aws-powershell']);
});

it('a controller’s own credential store follows the class’s rule for the paste, not before it', () => {
  // corpus holdout7/h7-velero-2981-1: Velero's server could not read its web identity token.
  const text =
    '2020-09-29T14:35:27.764047499Z time="2020-09-29T14:35:27Z" level=error msg="Error getting backup store for this location" backupLocation=default controller=backup-sync error="rpc error: code = Unknown desc = WebIdentityErr: failed fetching WebIdentity token: \\ncaused by: WebIdentityErr: unable to read file at /var/run/secrets/eks.amazonaws.com/serviceaccount/token\\ncaused by: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: permission denied"';
  expect(stepIds(text).slice(0, 2)).toEqual(['token-file-permissions', 'velero-credentials']);
  expect(commands(text).filter((c) => /^(?:aws configure|export |env \|)/.test(c))).toEqual([]);
});

describe('a paste another tool printed', () => {
  // issue aws/aws-sdk-ruby#707: a Ruby app's own AWS SDK found no credentials.
  const ruby =
    "    E, [2015-02-15T23:01:16.804771 #39322] ERROR -- : unable to sign request without credentials set (Aws::Errors::MissingCredentialsError)\n    /usr/local/var/rbenv/versions/2.1.2/lib/ruby/gems/2.1.0/gems/aws-sdk-core-2.0.24/lib/aws-sdk-core/plugins/request_signer.rb:91:in `require_credentials'";
  it('names the tool, not Terraform, and drops Terraform-only commands', () => {
    const d = diagnose(ruby);
    expect(d.title).toBe('The Ruby app found no AWS credentials');
    expect(d.causes.map((c) => c.title).join(' ')).not.toMatch(/Terraform/);
    expect(commands(ruby).filter((c) => /^terraform\b|\*\.tf/.test(c))).toEqual([]);
  });

  it('keeps Terraform’s wording and steps when Terraform printed the paste', () => {
    // invented: the aws provider v5 no-credentials message.
    const text =
      '│ Error: No valid credential sources found\n│\n│   with provider["registry.terraform.io/hashicorp/aws"],';
    expect(diagnose(text).title).toBe('Terraform found no AWS credentials');
  });
});

describe('a paste from Windows without a prompt', () => {
  it('gets the PowerShell step when its paths are Windows paths', () => {
    // invented: the helm provider's credentials message under a Windows module path.
    const text =
      '│ Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials\n│\n│   with module.apps.helm_release.ingress[0],\n│   on .terraform\\modules\\apps\\main.tf line 56';
    const d = diagnose(text);
    expect(d.facts.shell).toBe('powershell');
    expect(d.steps[0]?.id).toBe('k8s-powershell');
  });

  it('leads with the EKS access entry, not the shell, when the aws-auth ConfigMap was refused', () => {
    // corpus holdout9/h9-tfawseks-3082-1 (terraform-aws-modules/terraform-aws-eks#3082)
    const text =
      '│ Error: Have got the following error while validating the existence of the ConfigMap "aws-auth": Unauthorized\n│\n│   with module.aeks-aws-auth.kubernetes_config_map_v1_data.aws_auth[0],\n│   on .terraform\\modules\\aeks-aws-auth\\modules\\aws-auth\\main.tf line 31, in resource "kubernetes_config_map_v1_data" "aws_auth":';
    const d = diagnose(text);
    expect(d.facts.shell).toBe('powershell');
    expect(d.steps[0]?.id).toBe('eks-access-entry-first');
    expect(d.causes[0]?.id).toBe('identity-not-mapped');
    expect(d.steps[0]?.commands.join('\n')).toContain('aws eks create-access-entry');
    expect(d.steps[0]?.commands.join('\n')).toContain('aws eks associate-access-policy');
  });

  it('keeps bash for a Linux path', () => {
    const text =
      '│ Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials\n│\n│   on .terraform/modules/eks/main.tf line 56';
    expect(diagnose(text).facts.shell).toBeUndefined();
  });
});

describe('advice that reads the paste', () => {
  it('logs in to the host that refused the token, not app.terraform.io', () => {
    // invented: the remote backend's no-token message for a Terraform Enterprise host.
    const text =
      'Error: Required token could not be found\n\nRun the following command to generate a token for tfe.acme.com:\n    terraform login tfe.acme.com';
    expect(commands(text)).toContain('terraform login tfe.acme.com');
  });

  const aks =
    'Error: Get "https://s189t01-tsc-test-56a40a16.hcp.uksouth.azmk8s.io:443/api/v1/namespaces/bat-qa/configmaps/x": getting credentials: exec: executable kubelogin failed with exit code 1';
  it('gives AKS steps to an AKS cluster, and no EKS access entries', () => {
    // corpus dev/pg-dfe-kubelogin-67
    const ids = stepIds(aks);
    expect(ids).toContain('aks-kubelogin');
    expect(ids).not.toContain('access-entry');
    expect(diagnose(aks).facts.cluster).toMatchObject({ kind: 'aks' });
  });

  it('gives EKS steps, with the cluster name and region, to an EKS cluster', () => {
    // invented: an EKS exec plugin failure naming the cluster.
    const text =
      'Error: Kubernetes cluster unreachable: Get "https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com/version": getting credentials: exec: executable aws failed with exit code 255 (aws eks get-token --cluster-name prod-eks)';
    const d = diagnose(text);
    expect(d.facts.cluster).toMatchObject({ kind: 'eks', name: 'prod-eks' });
    expect(d.steps.map((s) => s.id)).not.toContain('aks-kubelogin');
    expect(d.steps.flatMap((s) => s.commands)).toContain(
      'aws eks get-token --cluster-name prod-eks --region eu-west-1 --output json | cut -c1-60',
    );
  });

  it('names a wrong secret among the causes of EC2 AuthFailure', () => {
    // corpus holdout2/h2-terraformer940-1 (shape)
    const text =
      'Error: operation error EC2: DescribeInstances, https response error StatusCode: 401, RequestID: 5e55e966-547f-4b51-adf8-93ed81b96860, api error AuthFailure: AWS was not able to validate the provided access credentials';
    const d = diagnose(text);
    expect(d.classId).toBe('aws.invalid_access_key');
    expect(d.causes.slice(0, 2).map((c) => c.id)).toContain('ec2-wrong-secret');
    expect(d.steps.map((s) => s.id)).toContain('secret-length');
  });

  it('hands simulate-principal-policy the role of an assumed-role session', () => {
    // invented: the documented "not authorized to perform" shape with an assumed-role caller.
    const text =
      'Error: reading S3 Bucket (acme): operation error S3: GetBucketPolicy, https response error StatusCode: 403, RequestID: X1, api error AccessDenied: User: arn:aws:sts::123456789012:assumed-role/TerraformDeploy/ci-42 is not authorized to perform: s3:GetBucketPolicy on resource: "arn:aws:s3:::acme" because no identity-based policy allows the s3:GetBucketPolicy action';
    const sim = commands(text).find((c) => c.includes('simulate-principal-policy'));
    expect(sim).toBe(
      'aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::123456789012:role/TerraformDeploy --action-names s3:GetBucketPolicy',
    );
    expect(diagnose(text).facts.denial).toMatchObject({
      policyType: 'identity-based policy',
      reason: 'implicit-deny',
    });
  });

  it('reads the policy type and ARN of an explicit deny', () => {
    // https://aws.amazon.com/blogs/security/enhanced-access-denied-error-messages-with-policy-arns
    const text =
      'An error occurred (AccessDenied) when calling the ListRoles operation: User: arn:aws:iam::123456789012:user/Matt is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/* with an explicit deny in a service control policy: arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd';
    const d = diagnose(text);
    expect(d.facts.denial).toMatchObject({
      policyType: 'service control policy',
      reason: 'explicit-deny',
      policyArn:
        'arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd',
    });
    expect(d.causes[0]?.evidence.join(' ')).toContain('service control policy');
  });
});

describe('Kubernetes answers that read the paste', () => {
  const k8sCases = [
    DEV_CORPUS,
    ...['holdout', 'holdout2', 'holdout3', 'holdout4'].map((n) => join(FIXTURES, `${n}.jsonl`)),
  ]
    .flatMap((f) => loadJsonl(f))
    .filter((c) => c.label === 'k8s.unauthorized');

  it('prints AWS commands only when the paste shows an EKS cluster', () => {
    expect(k8sCases.length).toBeGreaterThan(20);
    const wrong = k8sCases
      .map((c) => ({ id: c.id, d: diagnose(c.text) }))
      .filter(({ d }) => d.facts.cluster?.kind !== 'eks')
      .filter(({ d }) => d.steps.some((s) => s.commands.some((cmd) => /^aws /.test(cmd))))
      .map(({ id }) => id);
    expect(wrong).toEqual([]);
  });

  it('leads with the named cause: RBAC for a forbidden user, the plugin install, kubelogin convert', () => {
    const lead = (text: string) => {
      const d = diagnose(text);
      return { cause: d.causes[0]?.id, step: d.steps[0]?.id, facts: d.facts };
    };
    // upstream kubernetes/apiserver@v0.33.0:pkg/endpoints/handlers/responsewriters/errors.go
    const forbidden = lead(
      'Error: secrets "db" is forbidden: User "jane@example.com" cannot get resource "secrets" in API group "" in the namespace "prod"',
    );
    expect(forbidden).toMatchObject({ cause: 'rbac-denied', step: 'rbac-can-i' });
    expect(forbidden.facts.kube).toEqual({
      user: 'jane@example.com',
      verb: 'get',
      resource: 'secrets',
      namespace: 'prod',
    });
    expect(
      commands(
        'Error: secrets "db" is forbidden: User "jane@example.com" cannot get resource "secrets" in API group "" in the namespace "prod"',
      ),
    ).toContain('kubectl auth can-i get secrets --as jane@example.com -n prod');
    // corpus holdout4/h4-kubelogin-161-1: the first step must not be a kubectl call that needs the plugin.
    const missing = diagnose(
      'Unable to connect to the server: getting credentials: exec: executable kubelogin not found',
    );
    expect(missing.steps[0]?.id).toBe('install-kubelogin');
    expect(missing.steps[0]?.commands[0]).not.toMatch(/^kubectl /);
    // corpus holdout4/h4-kgv-4-1
    const azure = diagnose(
      'Error: auth error: failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead',
    );
    expect(azure.steps[0]?.commands[0]).toBe('kubelogin convert-kubeconfig -l azurecli');
  });

  it('says whose cluster it is, or that the paste does not show it', () => {
    // corpus holdout4/h4-helm-508-1: a bare 401 names no platform.
    const bare = diagnose('Error: query: failed to query with labels: Unauthorized');
    expect(bare.facts.cluster).toBeUndefined();
    expect(bare.steps.map((s) => s.id)).toContain('refresh-credentials');
    // invented: a kubeconfig context as gcloud names it.
    const gke = diagnose(
      'error: You must be logged in to the server (Unauthorized) context gke_my-project_us-central1_prod',
    );
    expect(gke.facts.cluster?.kind).toBe('gke');
  });
});

describe('facts that cannot be fooled', () => {
  it('does not read the next line as an empty region', () => {
    // corpus holdout/ho-tfawsec2-407-1 (shape)
    const d = diagnose(
      '╷\n│ Error: invalid AWS Region: \n│\n│   with provider["registry.terraform.io/hashicorp/aws"],\n│   on main.tf line 1, in provider "aws":',
    );
    expect(d.facts.region).not.toBe('with');
  });

  it('drops the full stop after a profile name', () => {
    // invented: the SDK v2 message at the end of a sentence.
    const d = diagnose(
      'Error: failed to get shared config profile, tp2. Check your AWS configuration.',
    );
    expect(d.facts.profiles).toEqual(['tp2']);
  });

  it('fills bucket, key and role name from the paste', () => {
    // corpus holdout/ho-terravision-105-1 (shape)
    const text =
      'Error: Error refreshing state: Unable to access object "terraform.tfstate" in S3 bucket "mybucketname": operation error S3: HeadObject, https response error StatusCode: 403, RequestID: PJ504JFXJXCCR8N5, api error Forbidden: Forbidden';
    expect(commands(text)).toContain(
      'aws s3api head-object --bucket mybucketname --key terraform.tfstate',
    );
  });

  it("never fills the first error's commands with a second error's profile", () => {
    // invented: two error blocks, an SSO expiry for one profile and a missing profile after it.
    const text = [
      '╷',
      '│ Error: failed to refresh cached credentials, the SSO session has expired or is invalid: operation error SSO OIDC: CreateToken, https response error StatusCode: 400, api error InvalidGrantException',
      '│',
      '│   with provider["registry.terraform.io/hashicorp/aws"],',
      '╵',
      '╷',
      '│ Error: failed to get shared config profile, legacy-admin',
      '│',
      '│   with provider["registry.terraform.io/hashicorp/aws"].old,',
      '╵',
    ].join('\n');
    const d = diagnose(text);
    expect(d.classId).toBe('aws.sso_token');
    expect(d.steps.flatMap((s) => s.commands).join('\n')).not.toContain('legacy-admin');
    const other = d.others.find((o) => o.classId === 'aws.profile_not_found');
    expect(other?.checklist?.flatMap((s) => s.commands).join('\n')).toContain('legacy-admin');
  });
});

describe('endpoints', () => {
  it('names a custom STS endpoint the request could not reach', () => {
    // invented: SDK v2's request-send failure against a LocalStack endpoint.
    const d = diagnose(
      'Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "http://localhost:4566/": dial tcp 127.0.0.1:4566: connect: connection refused',
    );
    expect(d.facts.endpoint).toBe('localhost:4566');
  });
});

describe('the paste names the cause: the class template does not override it', () => {
  it('leads a CDK clock skew with the clock, not with bootstrapping again', () => {
    // corpus holdout10/h10-cdk-22759-1 (aws/aws-cdk#22759)
    const d = diagnose(
      '❯ cdk bootstrap --profile <profileName>\n ⏳  Bootstrapping environment aws://<AWSID>/us-west-1...\n ❌  Environment aws://<AWSID>/us-west-1 failed bootstrapping: SignatureDoesNotMatch: Signature expired: 20221103T080139Z is now earlier than 20221103T085247Z (20221103T090747Z - 15 min.)',
    );
    expect(d.classId).toBe('aws.clock_skew');
    expect(d.steps[0]?.id).toBe('compare-clock');
    expect(
      stepIds(
        "current credentials could not be used to assume 'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1', but are for the right account. Proceeding anyway.",
      )[0],
    ).toBe('aws-cdk-bootstrap');
  });

  it('never says environment keys win when the provider says its profile won', () => {
    // corpus holdout10/h10-cloudgoat-250-1 (RhinoSecurityLabs/cloudgoat#250)
    const d = diagnose(
      '│ Error: No valid credential sources found\n│\n│   with provider["registry.terraform.io/hashicorp/aws"],\n│\n│ Error: A Profile was specified along with the environment variables "AWS_ACCESS_KEY_ID" and\n│ "AWS_SECRET_ACCESS_KEY". The Profile is now used instead of the environment variable credentials.',
    );
    expect(d.causes[0]?.id).toBe('profile-over-env');
    const prose = d.steps.map((s) => `${s.title} ${s.detail ?? ''}`).join('\n');
    expect(prose).not.toMatch(/Environment variables win over `~\/\.aws` profiles/);
  });
});

describe('a Kubernetes 401', () => {
  // corpus holdout10/h10-iamauth-179-1 (kubernetes-sigs/aws-iam-authenticator#179)
  const kubectl = '+ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)';
  // corpus holdout4/h4-helm-508-1 (hashicorp/terraform-provider-helm#508)
  const provider = 'Error: query: failed to query with labels: Unauthorized';

  it('does not lead with kubectl auth whoami, which needs the refused credential', () => {
    for (const text of [kubectl, provider]) {
      expect(diagnose(text).classId).toBe('k8s.unauthorized');
      expect(commands(text)).not.toContain('kubectl auth whoami');
      expect(stepIds(text)[0]).toBe('kube-user');
    }
  });

  it('tells the long-apply story only when Terraform ran', () => {
    expect(diagnose(kubectl).causes.map((c) => c.id)).not.toContain('token-expired');
    expect(diagnose(kubectl).causes[0]?.id).toBe('credential-expired');
    expect(diagnose(provider).causes[0]?.id).toBe('token-expired');
  });
});

describe('a controller ran the provider in a pod of its own', () => {
  it('offers none of the shell’s logins, exports or Terraform runs (corpus holdout11/h11-multi-tofuctl-221-1, h11-aws-upjet-1866-1)', () => {
    for (const ex of SITUATIONS.filter((s) => /^runner\./.test(s.step.when))) {
      const shown = commands(ex.example.text);
      expect(stepIds(ex.example.text)[0]).toBe(ex.step.id);
      expect(shown.filter((c) => /^(?:export |az login|aws configure|terraform )/.test(c))).toEqual(
        [],
      );
    }
  });

  it('keeps a step whose advice holds there, without the shell’s check (corpus holdout11/h11-multi-tofuctl-221-1)', () => {
    const flux = SITUATIONS.find((s) => s.step.when === 'runner.tf_controller')!.example.text;
    const step = diagnose(flux).steps.find((s) => /no `az` to log in with/.test(s.title));
    expect(step?.detail).toMatch(/runnerPodTemplate/);
    expect(step?.commands).toEqual([]);
  });

  it('names provider-kubernetes’ ProviderConfig for its client (corpus holdout11/h11-multi-xpk8s-58-1)', () => {
    const text =
      'cannot create new Kubernetes client: cannot create Kubernetes client: no Auth Provider found for name "gcp"';
    expect(diagnose(text).classId).toBe('k8s.unauthorized');
    expect(stepIds(text)[0]).toBe('crossplane-provider-config');
    expect(commands(text)).not.toContain('gcloud components install gke-gcloud-auth-plugin');
  });
});

describe('a denial that names the caller', () => {
  it('leads with that caller’s policies, not whoami (corpus holdout11/h11-aws-atlantis-3526-1, holdout4/h4-streamalert-201-1)', () => {
    const role =
      'Error: error reading IAM Role (eks_eks-staging): AccessDenied: User: arn:aws:sts::xxxxx:assumed-role/eks_node_xxx is not authorized to perform: iam:GetRole on resource: role eks_xxxxx because no identity-based policy allows the iam:GetRole action\n        status code: 403';
    const user =
      '* aws_kms_key.stream_alert_secrets: AccessDeniedException: User: arn:aws:iam::CENSORED:user/streamalert is not authorized to perform: kms:CreateKey\n\tstatus code: 400, request id: CENSORED';
    expect(stepIds(role)[0]).toBe('caller-role-policies');
    expect(commands(role)[0]).toContain('--role-name eks_node_xxx');
    expect(stepIds(user)[0]).toBe('caller-user-policies');
    expect(commands(user)).toContain(
      'aws iam list-groups-for-user --user-name streamalert --query "Groups[].GroupName" --output text',
    );
    for (const text of [role, user]) expect(stepIds(text)).not.toContain('whoami');
  });

  it('still asks who is calling when the caller is only a placeholder (corpus holdout11/h11-aws-driftctl-665-1, shortened)', () => {
    const text =
      'AccessDeniedException: User: arn:aws:sts::<removed>:assumed-role/<role> is not authorized to perform: kms:GetKeyPolicy on resource: arn:aws:kms:eu-central-1:<removed>:key/<key>\n\tstatus code: 400';
    expect(stepIds(text)).toContain('whoami');
  });
});

describe('answers that read the tool and its hints', () => {
  // corpus holdout12/h12-aws-tg-nocredproviders-1 (gruntwork-io/terragrunt#85), shortened
  const terragrunt =
    '[terragrunt] 2016/12/21 15:04:13 Initializing remote state for the s3 backend\n[terragrunt] 2016/12/21 15:04:13 Error finding AWS credentials (did you set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables?): NoCredentialProviders: no valid providers in chain. Deprecated.';

  it('runs terragrunt, not terraform, where terragrunt printed the paste', () => {
    const shown = diagnose(terragrunt).steps.flatMap((s) => s.commands);
    expect(shown).toContain('terragrunt plan');
    expect(shown.filter((c) => /^terraform (?:plan|apply|init)\b/.test(c))).toEqual([]);
  });

  it('does not take a hint that asks about AWS_ACCESS_KEY_ID for keys from the environment', () => {
    const d = diagnose(terragrunt);
    expect(d.classId).toBe('aws.no_credentials');
    expect(d.facts.credentialSource).not.toBe('env');
  });
});
