// Answers that must fit what the paste shows: the CI system, the kind of GitHub token, an S3
// service that is not AWS, a global AWS service, an OAuth refusal that names no service.
// Texts are corpus pastes (named by id) or invented variants of them (said so).

import { diagnose } from '../../src/diagnosis';
import { CATALOG, PLATFORMS, SITUATIONS } from '../../src/diagnosis/catalog';
import type { StepSpec } from '../../src/diagnosis/catalog/schema';

const commandsOf = (text: string) => diagnose(text).steps.flatMap((s) => s.commands);
const stepIds = (text: string) => diagnose(text).steps.map((s) => s.id);

describe('the CI system the paste comes from', () => {
  // corpus dev/pg-dfe-azlogin-idtoken-65: azure/login in GitHub Actions without id-token: write.
  const ghaIdToken =
    "Error: Please make sure to give write permissions to id-token in the workflow.\nError: Login failed with Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.";
  // invented: go-azure-sdk's ADO pipeline OIDC error (upstream hashicorp/terraform-provider-azurerm@v4.40.0:
  // vendor/github.com/hashicorp/go-azure-sdk/sdk/auth/ado_pipeline_oidc_authorizer.go) in an Azure DevOps log.
  const adoIdToken =
    '2024-10-17T14:01:50.1234567Z ##[section]Starting: Terraform apply\n2024-10-17T14:01:54.5569573Z ##[error]Error: unable to build authorizer for Resource Manager API: could not configure ADOPipelineOIDC Authorizer: adoPipelineAssertion: received HTTP status 401 with response: {"$id":"1","message":"TF400813: The user \'\' is not authorized to access this resource."}';

  it.each([
    ['github-actions', ghaIdToken],
    ['azure-devops', adoIdToken],
    [
      'azure-devops',
      // corpus holdout/ho-tffabric-23-1 (microsoft/terraform-provider-fabric#23)
      "+ terraform plan -out=fabric_plan.tfplan -var-file=/home/vsts/work/1/self/config/lab/terraform.tfvars\n│ Error: invalid_client\n│ AADSTS700213: No matching federated identity record found for presented\n│ assertion subject 'p://<ADO_ORG>/<ADO_PROJECT>/<ADO_NAME_OF_PIPELINE>'.\n##[error]Script failed with exit code: 1",
    ],
    [
      'gitlab',
      // invented: a GitLab runner job log around a web identity refusal.
      'Running with gitlab-runner 16.9.1 (782c6ecb)\n$ terraform plan\nError: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\nERROR: Job failed: exit code 1',
    ],
    [
      'jenkins',
      // invented: a Jenkins pipeline console around a web identity refusal.
      '[Pipeline] sh\n+ terraform plan\nError: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\nFinished: FAILURE',
    ],
  ])('reads %s from the log', (ci, text) => {
    expect(diagnose(text).facts.ciSystem).toBe(ci);
  });

  it('a log without CI markers names no CI system', () => {
    // corpus holdout8/h8-azsdknet-46679-1: the timestamps are both Azure DevOps' and GitHub's.
    const text =
      '2024-10-17T14:01:54.5570233Z {"error":"invalid_request","error_description":"Identity not found"}\n2024-10-17T14:01:54.5573849Z [Managed Identity] Error Code: invalid_request Error Description: Identity not found\n2024-10-17T14:01:54.5574524Z    at Microsoft.Identity.Client.ManagedIdentity.ImdsManaged';
    expect(diagnose(text).facts.ciSystem).toBeUndefined();
  });

  it('offers the GitHub Actions id-token step to GitHub only, the Azure DevOps one to Azure DevOps only', () => {
    expect(stepIds(ghaIdToken)).toContain('permissions');
    expect(stepIds(ghaIdToken)).not.toContain('ado-service-connection');
    expect(stepIds(adoIdToken)).toContain('ado-service-connection');
    expect(stepIds(adoIdToken)).not.toContain('permissions');
    expect(commandsOf(adoIdToken).join('\n')).not.toContain('.github/workflows');
  });

  it('drops the GitHub Actions id-token step from a GitLab or Jenkins web identity paste', () => {
    const gitlab =
      'Running with gitlab-runner 16.9.1 (782c6ecb)\nError: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity';
    const plain = gitlab.replace('Running with gitlab-runner 16.9.1 (782c6ecb)\n', '');
    // Without a CI marker the GitHub step stays (it may be GitHub); with GitLab's it goes.
    expect(commandsOf(plain).join('\n')).toContain('.github/workflows');
    expect(commandsOf(gitlab).join('\n')).not.toContain('.github/workflows');
  });

  it('every step written for GitHub Actions says so (ci), so another CI system drops it', () => {
    const steps: StepSpec[] = [
      ...CATALOG.flatMap((e) => e.steps),
      ...SITUATIONS.map((s) => s.step),
      ...Object.values(PLATFORMS).flatMap((p) => [
        ...p.discover,
        ...Object.values(p.verify).flat(),
      ]),
    ];
    const untagged = steps.filter(
      (s) =>
        s.ci === undefined &&
        [s.title, ...(s.commands ?? [])].some((t) =>
          /\.github\/workflows|^GitHub Actions:|^Actions:/.test(t),
        ),
    );
    expect(untagged.map((s) => s.id)).toEqual([]);
  });
});

describe('the kind of GitHub token', () => {
  // corpus holdout9/h9-tfpgithub-1929-1 (integrations/terraform-provider-github#1929)
  const integration =
    'Error: -27T06:21:28.681Z [ERROR] vertex "github_repository_collaborators.foo (expand)" error: GET https://api.github.com/repos/org/repo/collaborators?affiliation=direct&per_page=100: 403 Resource not accessible by integration []';

  it('an "integration" refusal outside Actions is an installation token, not the Actions GITHUB_TOKEN', () => {
    const d = diagnose(integration);
    expect(d.facts.githubToken).toBe('installation');
    expect(d.facts.credentialSource).toBe('github_app');
    expect(d.facts.githubRepo).toEqual({ owner: 'org', repo: 'repo' });
    expect(d.steps[0]?.id).toBe('installation-check');
    const commands = d.steps.flatMap((s) => s.commands).join('\n');
    expect(commands).not.toContain('api.github.com/user');
    expect(commands).not.toContain('x-oauth-scopes');
    expect(commands).toContain('/orgs/org/installations');
  });

  it('the same refusal in an Actions log is the GITHUB_TOKEN', () => {
    // invented: the same line under an Actions step header.
    const d = diagnose(`Run hashicorp/setup-terraform@v3\n${integration}`);
    expect(d.facts.credentialSource).toBe('actions_token');
    expect(d.steps.flatMap((s) => s.commands).join('\n')).toContain('.github/workflows');
  });

  it.each([
    [
      'classic_pat',
      'Error: GET https://api.github.com/user: 401 Bad credentials [] (token ghp_****)',
    ],
    [
      'fine_grained_pat',
      'Error: DELETE https://api.github.com/repos/acme/infra: 403 Resource not accessible by personal access token []',
    ],
  ])('reads %s from the paste (a pasted token by its public prefix)', (kind, text) => {
    // invented: the provider's go-github error line with each token kind.
    expect(diagnose(text).facts.githubToken).toBe(kind);
    expect(diagnose(text).facts.credentialSource).toBe('pat');
  });
});

describe('an S3 service that is not AWS', () => {
  const nonAws = [
    // corpus holdout4/h4-minio-440-1 (aminueza/terraform-provider-minio#440)
    '│ Error: [FATAL] error reading IAM User %s: %s (minio-llama): The Access Key Id you provided does not exist in our records.\n│ \n│   with module.s3_infra_logs.minio_iam_user.this,\n│   on .terraform/modules/s3_infra_logs/main.tf line 10, in resource "minio_iam_user" "this":',
    // invented: the S3 backend's listing error with a custom endpoint in the backend block.
    '│ Error: Failed to get existing workspaces: Unable to list objects in S3 bucket "tfstate": operation error S3: ListObjectsV2, https response error StatusCode: 403, RequestID: 17C2B8E7A1B2C3D4, HostID: dd90, api error InvalidAccessKeyId: The Access Key Id you provided does not exist in our records.\n│ backend "s3" { endpoints = { s3 = "https://storage.internal.example:9000" } }',
    // invented: an AccessDenied from the same custom endpoint, set through the environment.
    'AWS_ENDPOINT_URL_S3=http://10.0.0.5:9000\nError: reading S3 Bucket (tfstate): operation error S3: HeadBucket, https response error StatusCode: 403, RequestID: 17C2B8E7A1B2C3D4, api error AccessDenied: Access Denied',
  ];

  it.each(nonAws)('gives no AWS IAM or STS command for %j', (text) => {
    const d = diagnose(text);
    expect(d.facts.s3Compatible).toBeDefined();
    expect(d.steps[0]?.id).toBe('s3-compatible');
    for (const c of d.steps.flatMap((s) => s.commands)) expect(c).not.toMatch(/^aws (?:iam|sts)\b/);
  });

  it('an amazonaws.com endpoint is AWS: its IAM steps stay', () => {
    // invented: the backend block pointing at AWS's own S3 endpoint.
    const d = diagnose(
      nonAws[1]!.replace(
        'https://storage.internal.example:9000',
        'https://s3.eu-west-1.amazonaws.com',
      ),
    );
    expect(d.facts.s3Compatible).toBeUndefined();
    expect(d.steps.flatMap((s) => s.commands)).toContain('aws sts get-caller-identity');
  });
});

describe('AWS denials with a service the paste implies', () => {
  it('Route 53 is global: CloudTrail is searched in us-east-1, by its event source', () => {
    // corpus holdout9/h9-tfawsacm-102-1 (terraform-aws-modules/terraform-aws-acm#102)
    const d = diagnose(
      ' Error: AccessDenied: User: arn:aws:iam::<aws_profile>:user/<username> is not authorized to access this resource\n│ \tstatus code: 403, request id: f1054e2b-9892-4889-8bf8-a81235a8d405\n│ \n│   with module.acm.aws_route53_record.validation[5],\n│   on .terraform/modules/acm/main.tf line 34, in resource "aws_route53_record" "validation":',
    );
    const trail = d.steps.flatMap((s) => s.commands).find((c) => c.startsWith('aws cloudtrail'));
    expect(trail).toContain('AttributeValue=route53.amazonaws.com');
    expect(trail).toContain('--region us-east-1');
    expect(d.steps.map((s) => s.id)).toContain('route53-actions');
  });

  it('a regional denial keeps the paste’s region and its event name', () => {
    // invented: the smithy-go shape for a regional EC2 call.
    const d = diagnose(
      'Error: creating EC2 Instance: operation error EC2: RunInstances, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error UnauthorizedOperation: You are not authorized to perform this operation. (eu-west-1)',
    );
    const trail = d.steps.flatMap((s) => s.commands).find((c) => c.startsWith('aws cloudtrail'));
    expect(trail).toContain('AttributeValue=RunInstances');
    expect(trail).not.toContain('us-east-1');
  });

  it.each([
    // corpus holdout9/h9-terraform-7198-1 (hashicorp/terraform#7198)
    'aws_launch_configuration.sandbox: Error creating launch configuration: ValidationError: You are not authorized to perform this operation.',
    // corpus holdout3/h3-learnconsul9-1 (hashicorp-education/learn-consul-get-started-vms#9)
    '│ Error: adding role learn-consul-vms to IAM Instance Profile (learn-consul-vms): AccessDenied: User: arn:aws:iam::123456789012:user/aws2029-i is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/learn-consul-vms because no identity-based policy allows the iam:PassRole action',
  ])('iam:PassRole leads, with the role the message names: %j', (text) => {
    const d = diagnose(text);
    expect(d.causes[0]?.id).toBe('pass-role');
    expect(d.steps[0]?.id).toBe('pass-role');
    if (text.includes(':role/'))
      expect(d.steps[0]?.commands).toContain(
        'aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::123456789012:user/aws2029-i --action-names iam:PassRole --resource-arns arn:aws:iam::123456789012:role/learn-consul-vms',
      );
  });
});

describe('an OAuth invalid_grant that names no service', () => {
  // corpus holdout8/h8-gcloudcpp-3426-1 (googleapis/google-cloud-cpp#3426), shortened
  const unnamed =
    'Payload: grant_type=refresh_token&client_id=my-client-id&client_secret=my-client-secret&refresh_token=my-refresh-token\nResponse: status_code=400, payload=<{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}>';

  it('is an invalid grant, says the service is not named, and flags no placeholder secret', () => {
    const d = diagnose(unnamed);
    expect(d.classId).toBe('gcp.invalid_grant');
    expect(d.title).not.toMatch(/^Google/);
    expect(d.causes[0]?.id).toBe('oauth-unnamed');
    expect(d.secrets).toEqual([]);
  });

  it('leaves a Google refusal without a refresh-token request to the Google steps', () => {
    // corpus dev/pg-gcpfound-invalid-rapt-101: invalid_rapt is Google's own code.
    const rapt = diagnose('oauth2: "invalid_grant" "reauth related error (invalid_rapt)"');
    expect(rapt.title).toMatch(/^Google refused/);
    // corpus dev/gh-kubeblocks-2623-1: no service named, but no refresh-token request either.
    const bare = diagnose('**Error: oauth2: cannot fetch token: 400 Bad Request**');
    expect(bare.title).not.toMatch(/^Google/);
    expect(bare.steps.map((s) => s.id)).not.toContain('which-endpoint');
  });

  it('says Google when the paste names it', () => {
    // corpus dev/gh-terraform-24736-1 (hashicorp/terraform#24736)
    const d = diagnose(
      'https://www.googleapis.com/storage/v1/b/REDACTED/o?alt=json: oauth2: cannot fetch token: 400 Bad Request Response: { "error": "invalid_grant", "error_description": "Bad Request" }',
    );
    expect(d.title).toMatch(/^Google refused/);
    expect(d.causes.map((c) => c.id)).not.toContain('oauth-unnamed');
  });
});

describe('a Kubernetes distribution’s bundled kubectl', () => {
  it('runs the commands through it (corpus holdout13/h13-multi-microk8s-k8s-1, shortened)', () => {
    const text =
      'deva@box1:~$ sudo microk8s kubectl exec -it datasubject-64-hgr8g -n admin -- sh\nerror: unable to upgrade connection: Unauthorized';
    const commands = commandsOf(text).filter((c) => /kubectl/.test(c));
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => /(?:^|\$\()kubectl\b/.test(c))).toEqual([]);
    expect(commands[0]).toMatch(
      /^microk8s kubectl get --raw "\/api\/v1\/nodes\/\$\(microk8s kubectl get nodes/,
    );
  });

  it('leaves kubectl alone elsewhere (corpus holdout10/h10-azion-9-1)', () => {
    const commands = commandsOf(
      '(venv) ➜  ~ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)',
    );
    expect(commands.some((c) => /^kubectl\b/.test(c))).toBe(true);
    expect(commands.some((c) => /microk8s/.test(c))).toBe(false);
  });
});
