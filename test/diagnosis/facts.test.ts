// Fact extraction. Texts are built from the message templates in
// ../shared/reference/error-formats.md (not real pastes) unless a corpus id is named.

import { diagnose } from '../../src/diagnosis';

const facts = (text: string) => diagnose(text).facts;

describe('facts', () => {
  it('SDK v2 chain: operation, status, request id, code, provider block with alias', () => {
    const f = facts(`╷
│ Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: f42d6dfd-ad70-4750-8764-5b359ee9c783, api error InvalidClientTokenId: The security token included in the request is invalid.
│
│   with provider["registry.terraform.io/hashicorp/aws"].eu,
│   on providers.tf line 10, in provider "aws":
│   10: provider "aws" {
╵`);
    expect(f.errorCodes).toEqual(['InvalidClientTokenId']);
    expect(f.operations).toContain('STS: GetCallerIdentity');
    expect(f.httpStatus).toBe(403);
    expect(f.requestIds).toEqual(['f42d6dfd-ad70-4750-8764-5b359ee9c783']);
    expect(f.failedBlock).toEqual({
      kind: 'provider',
      name: 'aws',
      alias: 'eu',
      location: 'providers.tf line 10',
    });
    expect(f.formatEra).toMatch(/SDK for Go v2/);
  });

  it('SDK v1 lines: code, status code and request id on the tab-indented line', () => {
    const f = facts(
      'Error: error validating provider credentials: error calling sts:GetCallerIdentity: ExpiredToken: The security token included in the request is expired\n\tstatus code: 403, request id: 4b7eee66-b61d-4be4-abdf-ab6b784b730a',
    );
    expect(f.errorCodes).toContain('ExpiredToken');
    expect(f.httpStatus).toBe(403);
    expect(f.requestIds).toEqual(['4b7eee66-b61d-4be4-abdf-ab6b784b730a']);
    expect(f.formatEra).toMatch(/SDK for Go v1/);
  });

  it('access keys are masked, typed by prefix, and decoded to an account where the format allows', () => {
    // Key ids published with their accounts (see access-keys.test.ts for sources).
    const f = facts(
      'Credential=ASIAY34FZKBOKMUTVV7A/20231102/us-east-1/sts/aws4_request and AKIAIOSFODNN7EXAMPLE: InvalidClientTokenId',
    );
    expect(f.accessKeys).toEqual([
      expect.objectContaining({
        masked: 'ASIA…VV7A',
        kind: 'temporary',
        accountId: '609629065308',
      }),
      expect.objectContaining({ masked: 'AKIA…MPLE', kind: 'long-term' }),
    ]);
    expect(f.accessKeys[1]?.accountId).toBeUndefined();
    expect(JSON.stringify(f)).not.toContain('ASIAY34FZKBOKMUTVV7A');
    expect(f.region).toBe('us-east-1');
  });

  it('principal and role ARNs with their accounts', () => {
    const f = facts(
      'api error AccessDenied: User: arn:aws:iam::430864128097:user/Williams is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::527336378561:role/root',
    );
    expect(f.principal).toBe('arn:aws:iam::430864128097:user/Williams');
    expect(f.roleArns).toEqual(['arn:aws:iam::527336378561:role/root']);
    expect(f.accountIds.sort()).toEqual(['430864128097', '527336378561']);
    expect(f.deniedAction).toBe('sts:AssumeRole');
  });

  it('an invalid region is read as configured, but never the brackets an empty one is printed in (corpus holdout11/h11-aws-upjet-1866-1)', () => {
    expect(
      facts(
        'could not configure the no-fork AWS client: cannot construct TF AWS Client from TF AWS Config, [{0 invalid AWS Region:   []}]',
      ).region,
    ).toBeUndefined();
    // invented variants: a misspelt value and an uninterpolated variable.
    expect(facts('Error: Invalid AWS Region: snow').region).toBe('snow');
    expect(facts('Error: invalid AWS Region: ${var.region}').region).toBe('${var.region}');
  });

  it('region, partition and opt-in from endpoints and ARNs', () => {
    expect(
      facts('Post "https://sts.us-gov-west-1.amazonaws.com/": InvalidClientTokenId'),
    ).toMatchObject({ region: 'us-gov-west-1', partition: 'aws-us-gov' });
    expect(
      facts(
        'operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: x-1234567, api error InvalidClientTokenId: The security token included in the request is invalid. region af-south-1',
      ),
    ).toMatchObject({ region: 'af-south-1', optInRegion: true });
    expect(
      facts('User: arn:aws-cn:iam::123456789012:user/x is not authorized to perform: s3:GetObject'),
    ).toMatchObject({ partition: 'aws-cn' });
  });

  it('profiles from every message family', () => {
    expect(facts('Error: failed to get shared config profile, jack.roper').profiles).toEqual([
      'jack.roper',
    ]);
    expect(facts('SharedConfigProfileNotExistsError: failed to get profile, dev').profiles).toEqual(
      ['dev'],
    );
    expect(facts('The config profile (prod-admin) could not be found').profiles).toEqual([
      'prod-admin',
    ]);
    // corpus holdout14/h14-aws-azurelogin-badregion-1 (aws-azure-login#332)
    expect(
      facts(
        "Logging in with profile 'step-common-services-nonprod'...\nError: getaddrinfo ENOTFOUND sts.southeast-2.amazonaws.com",
      ).profiles,
    ).toEqual(['step-common-services-nonprod']);
  });

  it('the block that failed: S3 backend, remote state, exec plugin', () => {
    expect(
      facts(
        'Error: error configuring S3 Backend: no valid credential sources for S3 Backend found.',
      ).failedBlock?.kind,
    ).toBe('s3_backend');
    expect(
      facts('│ Error: Unauthorized\n│   with data.terraform_remote_state.network,').failedBlock,
    ).toMatchObject({ kind: 'remote_state', name: 'network' });
    expect(
      facts('getting credentials: exec: executable kubelogin failed with exit code 1').failedBlock,
    ).toMatchObject({ kind: 'exec_plugin', name: 'kubelogin' });
  });

  it('clock skew is computed from the Signature expired message (corpus gh-terraform-9571-1)', () => {
    const f = facts(
      'SignatureDoesNotMatch: Signature expired: 20161024T215820Z is now earlier than 20161024T215917Z (20161024T220417Z - 5 min.)',
    );
    expect(f.clock).toEqual({
      requestTime: '2016-10-24T21:58:20Z',
      serverTime: '2016-10-24T22:04:17Z',
      skewSeconds: -357,
      toleranceMinutes: 5,
    });
  });

  it('clock skew from S3 RequestTimeTooSkewed bodies', () => {
    const f = facts(
      '<Code>RequestTimeTooSkewed</Code><RequestTime>20240101T120000Z</RequestTime><ServerTime>2024-01-01T12:20:00Z</ServerTime>',
    );
    expect(f.clock?.skewSeconds).toBe(-1200);
  });

  it('versions and the tool that printed the output', () => {
    const f = facts(
      'Terraform v1.9.8\non linux_amd64\n+ provider registry.terraform.io/hashicorp/aws v5.31.0\nERRO[0001] ExpiredToken: The security token included in the request is expired',
    );
    expect(f.terraformVersion).toBe('1.9.8');
    expect(f.providerVersions).toEqual({ aws: '5.31.0' });
    expect(f.tools).toContain('terragrunt');
  });

  it('one program printed the paste: driftctl and Packer over a logrus prefix, the Azure CLI over Python (corpus holdout11/h11-aws-driftctl-665-1, h11-aws-packer-amazon-177-1; shortened)', () => {
    const drift = facts(
      'ERRO[0027] AccessDeniedException: User: arn:aws:sts::1:assumed-role/r is not authorized to perform: kms:GetKeyPolicy\nScanned resources (518)',
    );
    expect(drift.tools).toContain('driftctl');
    expect(drift.tools).not.toContain('terragrunt');
    const packer = facts(
      "==> amazon-ebs: Error querying AMI: UnauthorizedOperation: You are not authorized to perform this operation.\nBuild 'amazon-ebs' errored after 1 second",
    );
    expect(packer.tools).toEqual(['packer']);
    // corpus holdout12/h12-aws-vagrant-s3auth-mfa-1, shortened: Vagrant's `==> app1:` lines are not Packer's
    const vagrant = facts(
      "Bringing machine 'app1' up with 'virtualbox' provider...\n==> app1: Box 'app1' could not be found. Attempting to find and install...\nMultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.",
    );
    expect(vagrant.tools).toEqual(['vagrant']);
    // invented: the Azure CLI's knack frames in a Python traceback
    const az = facts(
      'Traceback (most recent call last):\n  File "/opt/az/lib/python3.11/site-packages/knack/cli.py", line 233, in invoke\nazure.core.exceptions.ClientAuthenticationError: AADSTS700082: The refresh token has expired',
    );
    expect(az.tools).toContain('azure-cli-run');
    expect(az.tools).not.toContain('python-app');
  });

  it('the headers AWS’s canonical request holds twice, from real or escaped line breaks (corpus holdout17/h17-aws-exaws-invalidsig-1, shortened)', () => {
    const escaped =
      "<InvalidSignatureException>\\n  <Message>The request signature we calculated does not match the signature you provided.\\n\\nThe Canonical String for this request should have been\\n'POST\\n/\\n\\ncontent-type:application/x-www-form-urlencoded, application/x-www-form-urlencoded\\nhost:sqs.eu-west-1.amazonaws.com, sqs.eu-west-1.amazonaws.com\\nx-amz-date:20170226T175448Z\\n\\ncontent-type;host;x-amz-date\\nd2a8'";
    expect(facts(escaped).duplicatedHeaders).toEqual(['content-type', 'host']);
    // invented: the same request printed with real line breaks, Host sent once
    const once =
      "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.\nThe Canonical String for this request should have been\n'GET\n/\n\nhost:s3.amazonaws.com\nx-amz-date:20170226T175448Z\n\nhost;x-amz-date'";
    expect(facts(once).duplicatedHeaders).toBeUndefined();
  });

  it('GitHub Actions from a refused integration token behind the runner’s `##[error]`, which Azure Pipelines prints too (corpus holdout17/h17-multi-labeler-1)', () => {
    expect(
      facts(
        '##[error]HttpError: Resource not accessible by integration\n##[error]Resource not accessible by integration',
      ).ciSystem,
    ).toBe('github-actions');
    // invented: an Azure Pipelines task's own `##[error]` stays Azure DevOps
    expect(
      facts(
        '##[error]Error: AADSTS7000215: Invalid client secret provided.\n##[section]Finishing: TerraformTaskV4',
      ).ciSystem,
    ).toBe('azure-devops');
  });

  it('a placeholder the request carried instead of a value (corpus holdout17/h17-multi-crossplane-upjet-rbac-1, h17-multi-bookstack-azuread-1; shortened)', () => {
    expect(
      facts(
        "Status=403 Code=\"AuthorizationFailed\" Message=\"The client '<SNIP>' with object id '<SNIP>' does not have authorization to perform action 'Microsoft.Storage/storageAccounts/managementPolicies/read' over scope '/subscriptions/<SNIP>/resourceGroups/<no value>/providers/Microsoft.Storage/storageAccounts/<no value>/managementPolicies/default' or the scope is invalid.\"",
      ).unfilledValue,
    ).toBe('<no value>');
    expect(
      facts(
        'production.ERROR: Client error: `POST https://login.microsoftonline.com/%7B{Tenant-ID]%7D/oauth2/v2.0/token` resulted in a `401 Unauthorized` response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.',
      ).unfilledValue,
    ).toBe('%7B{Tenant-ID]%7D');
    // invented: a real tenant id in the same URL is no placeholder
    expect(
      facts(
        'POST https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token resulted in a `401 Unauthorized` response: AADSTS7000215: Invalid client secret provided.',
      ).unfilledValue,
    ).toBeUndefined();
  });

  it('a Kubernetes controller’s log: the controller made the call, and box-drawing bars are not Terraform’s frame (corpus holdout17/h17-aws-certmgr-irsa-region-1, holdout16/h16-aws-velero-bsl-403-1)', () => {
    const certManager = facts(
      '│ E0808 21:29:29.746771       1 controller.go:162] "re-queuing item due to error processing" err="failed to determine Route 53 hosted zone ID: operation error Route 53: ListHostedZonesByName, get identity: get credentials: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, failed to resolve service endpoint, endpoint rule  │\n│ error, Invalid Configuration: Missing Region" logger="cert-manager.controller" key="xxxxxxxxxxxxxxx"',
    );
    expect(certManager.controller).toBe('cert-manager');
    expect(certManager.tools).toEqual(['cert-manager']);
    const velero = facts(
      'time="2020-11-02T03:12:38Z" level=warning msg="The specified default backup location named \\"default\\" is unavailable; for convenience, be sure to configure it properly or make another backup location that is available the default" backupstoragelocation=default controller=backupstoragelocation logSource="pkg/controller/backupstoragelocation_controller.go:105"\ntime="2020-11-02T03:12:38Z" level=error msg="Current backup storage locations available/unavailable/unknown: 0/1/0, Backup location \\"default\\" is unavailable: rpc error: code = Unknown desc = AccessDenied: Access Denied\\n\\tstatus code: 403, request id: 9c4453ac-e4a8-47b8-b4d1-22563c523452, host id: )" controller=backupstoragelocation logSource="pkg/controller/backupstoragelocation_controller.go:152"',
    );
    expect(velero.controller).toBe('velero');
    // …while `argocd cluster add` is the engineer's own CLI, with their kubeconfig (corpus holdout7/h7-argocd-3941-1).
    expect(
      facts(
        'argocd cluster add my-cluster.com\nFATA[0002] rpc error: code = Unknown desc = REST config invalid: the server has asked for the client to provide credentials',
      ).controller,
    ).toBeUndefined();
  });

  it('the KMS key a KMS denial names, and no key where the reporter masked it (corpus holdout11/h11-aws-driftctl-665-1)', () => {
    // invented: a provider's KMS read refused by the key policy
    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const d = diagnose(
      `Error: reading KMS Key: AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/deploy/ci is not authorized to perform: kms:DescribeKey on resource: ${key} because no resource-based policy allows the kms:DescribeKey action`,
    );
    expect(d.facts.kmsKey).toBe(key);
    expect(d.steps[0]?.commands[0]).toContain(`--key-id ${key} `);
    const masked = diagnose(
      'AccessDeniedException: User: arn:aws:sts::<removed>:assumed-role/<role> is not authorized to perform: kms:GetKeyPolicy on resource: arn:aws:kms:eu-central-1:<removed>:key/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxxx',
    );
    expect(masked.steps[0]?.commands[0]).toContain('--key-id <kms-key> ');
  });

  it('Azure and Google identifiers', () => {
    const az = facts(
      `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'bbadfd0d-2c2f-48a2-be59-473794852fef'.`,
    );
    expect(az.clientIds).toEqual(['bbadfd0d-2c2f-48a2-be59-473794852fef']);
    expect(az.errorCodes).toContain('AADSTS7000215');
    const g = facts(
      "Error: Error creating Instance: googleapi: Error 403: Required 'compute.instances.create' permission for 'projects/my-project/zones/us-central1-a/instances/web'",
    );
    expect(g).toMatchObject({
      httpStatus: 403,
      deniedAction: 'compute.instances.create',
      gcpProjects: ['my-project'],
    });
  });

  it('detects the credential source when the paste gives it away', () => {
    expect(
      facts(
        'Error: failed to refresh cached credentials, the SSO session has expired or is invalid',
      ).credentialSource,
    ).toBe('sso');
    expect(facts('error in credential_process: exit status 126').credentialSource).toBe(
      'credential_process',
    );
  });

  it("a Warning's file location is not where the run failed (corpus holdout10/h10-cisapacker-10-1)", () => {
    const f = facts(
      'Initializing the backend...\n╷\n│ Warning: Empty provider configuration blocks are not required\n│ \n│   on .terraform/modules/ami_launch_permission/providers.tf line 3:\n│    3: provider "aws" {\n╵\n\n╷\n│ Error: error configuring S3 Backend: no valid credential sources for S3 Backend found.\n│ \n│ Error: NoCredentialProviders: no valid providers in chain. Deprecated.\n│       For verbose messaging see aws.Config.CredentialsChainVerboseErrors',
    );
    expect(f.failedBlock).toEqual({ kind: 's3_backend', name: 's3' });
  });

  it("an Error's `on FILE line N, in resource` names the file and the resource (corpus holdout10/h10-youngeks-156-1)", () => {
    const f = facts(
      '│ Error: error creating IAM Role (irsa-ew2-stack-eks01-eks_cluster): AccessDenied: User: arn:aws:sts::xxxxxxx:assumed-role/User-eu-west-2/xxxxxxx is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::xxxxxxx:role/irsa-ew2-stack-eks01-eks_cluster with an explicit deny\n│ status code: 403, request id: xxxx-xxxxx\n\n│ on .terraform\\modules\\container-insights\\modules\\iam-role-for-serviceaccount\\main.tf line 6, in resource "aws_iam_role" "irsa":\n│ 6: resource "aws_iam_role" "irsa" {',
    );
    expect(f.failedBlock).toEqual({
      kind: 'resource',
      name: 'aws_iam_role.irsa',
      location:
        '.terraform\\modules\\container-insights\\modules\\iam-role-for-serviceaccount\\main.tf line 6',
    });
    // `User-eu-west-2` is a role's name, not a region.
    expect(f.region).toBeUndefined();
  });

  it('a role ARN with a templated account still names the role (corpus holdout10/h10-tfaws-5078-1)', () => {
    const d = diagnose(
      '$ terraform init -backend-config="role_arn=arn:aws:iam::<<account id>>:role/Terraform"\n\nInitializing the backend...\n\nError configuring the backend "s3": The role "arn:aws:iam::<<account id>>:role/Terraform" cannot be assumed.',
    );
    expect(d.facts.roleName).toBe('Terraform');
    expect(d.steps.flatMap((s) => s.commands).join('\n')).not.toContain('<role-name>');
  });

  it('the operation from an aws-sdk-go debug line fills the CloudTrail event name (corpus holdout10/h10-tfaws-3408-1)', () => {
    const d = diagnose(
      '2018-02-13T05:58:23.049Z [DEBUG] plugin.terraform-provider-aws_v1.9.0_x4: 2018/02/13 05:58:23 [DEBUG] [aws-sdk-go] DEBUG: Validate Response ec2/ModifyNetworkInterfaceAttribute failed, not retrying, error UnauthorizedOperation: You are not authorized to perform this operation.',
    );
    expect(d.facts.operations).toContain('ec2:ModifyNetworkInterfaceAttribute');
    const commands = d.steps.flatMap((s) => s.commands).join('\n');
    expect(commands).toContain('AttributeValue=ModifyNetworkInterfaceAttribute');
  });

  it('the log line’s own time beside a Signature expired message (corpus holdout16/h16-aws-logspout-skew-1)', () => {
    const signed = facts(
      'time="2016-05-04T00:56:33Z" level=error msg="Log upload failed - length: 2, error: InvalidSignatureException: Signature expired: 20160504T004903Z is now earlier than 20160504T005133Z (20160504T005633Z - 5 min.)"',
    );
    expect(signed.clock?.logTime).toBe('2016-05-04T00:56:33Z');
    // A time after the message is not the line that reported it.
    const after = facts(
      'Signature expired: 20160504T004903Z is now earlier than 20160504T005133Z (20160504T005633Z - 5 min.)\n2016-05-04T03:00:00Z next line',
    );
    expect(after.clock?.logTime).toBeUndefined();
  });

  it('profiles from the SDKs’ profile-chain and SSO wordings (corpus holdout16)', () => {
    expect(
      facts(
        'CredentialRequiresARNError: credential type source_profile requires role_arn, profile bridge',
      ).profiles,
    ).toEqual(['bridge']);
    expect(
      facts(
        'Error: profile "admin-profile" is configured to use SSO but is missing required configuration: sso_region, sso_start_url',
      ).profiles,
    ).toEqual(['admin-profile']);
    expect(
      facts(
        'SsoCredentialsProviderFailure: Cached credentials not found under sam profile. Please make sure you log in with aws sso login first',
      ).profiles,
    ).toEqual(['sam']);
    expect(
      facts(
        "[ WARNING ] Failed to initialize with profile 'Foo/AdministratorAccess': error 0.\n[ ERROR ] Credentials Error: AWS_AUTH_CREDENTIALS_PROVIDER_IMDS_SOURCE_FAILURE: Valid credentials could not be sourced by the IMDS provider",
      ).profiles,
    ).toEqual(['Foo/AdministratorAccess']);
  });

  it('the GitHub API a refused call went to: an Enterprise Server’s /api/v3, or github.com', () => {
    expect(
      facts(
        'reviewdog: fail to get diff: GET https://github.enterprise.server/api/v3/repos/owner/repo/pulls/1: 401 Bad credentials []',
      ).githubApi,
    ).toBe('https://github.enterprise.server/api/v3');
    expect(facts('Error: GET https://api.github.com/user: 401 Bad credentials []').githubApi).toBe(
      'https://api.github.com',
    );
    expect(facts('Error: 401 Bad credentials').githubApi).toBeUndefined();
  });

  it('the storage data role a queue, table or file share refusal needs (corpus holdout16/h16-tfw-azurerm-queue-permission-mismatch-1)', () => {
    const queue = facts(
      'retrieving queue properties for Storage Account (Subscription: "SSSSSSSS-SSSS-SSSS-SSSS-SSSSSSSSSSSS"\nResource Group Name: "rg-nygst"\nStorage Account Name: "sanygst"): executing request: unexpected status 403 (403 This request is not authorized to perform this operation using this permission.) with AuthorizationPermissionMismatch: This request is not authorized to perform this operation using this permission.',
    );
    expect(queue.storageDataRole).toBe('Storage Queue Data Contributor');
    expect(queue.storageAccount).toBe('sanygst');
    expect(
      facts('GET https://acct.table.core.windows.net/Tables: 403 AuthorizationPermissionMismatch')
        .storageDataRole,
    ).toBe('Storage Table Data Contributor');
    // A blob call keeps the blob role the template defaults to.
    expect(
      facts(
        'blobs.Client#Lease: StatusCode=403 Code="AuthorizationPermissionMismatch" https://acct.blob.core.windows.net/tfstate',
      ).storageDataRole,
    ).toBeUndefined();
  });
});
