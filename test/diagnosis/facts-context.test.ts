// The extractors behind the facts that fill commands: each value is bounded by its own
// quotes or character class, so neighbouring text never leaks into it.

import {
  azureDetails,
  cluster,
  containerCredentials,
  kubeRefusal,
  remoteRun,
  denial,
  gcpServiceAccount,
  gcpTargetServiceAccount,
  gcsBucket,
  s3Object,
  shellOf,
  stateNotPersisted,
  tfcHost,
} from '../../src/diagnosis/facts/context';
import { iamArnOf, roleNameOf } from '../../src/diagnosis/iam-arns';
import { principal, redactedRole } from '../../src/diagnosis/facts/identity';
import { diagnose } from '../../src/diagnosis';

describe('fact extractors', () => {
  it('reads a caller whose account the reporter replaced with a quoted phrase', () => {
    // corpus holdout15/h15-aws-secmonkey-boto2-assume-1 (boto2's STS XML, account numbers hidden)
    expect(
      principal(
        '<Message>User: arn:aws:sts::"my account number":assumed-role/SecurityMonkeyInstanceProfile/i-e68888 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::"another account number":role/SecurityMonkey</Message>',
      ),
    ).toBe('arn:aws:sts::"my account number":assumed-role/SecurityMonkeyInstanceProfile/i-e68888');
  });

  it('tells the service account a Google denial is about from the caller', () => {
    // corpus holdout14/h14-tfw-gcp-actas-1: the account named is the one to act as, not the caller.
    const actAs =
      'Error 403: Could not create Cloud Run service x. Permission ‘iam.serviceaccounts.actAs’ denied on service account worker-sa@microsites-sa.iam.gserviceaccount.com (or it may not exist).';
    expect(gcpTargetServiceAccount(actAs)).toBe('worker-sa@microsites-sa.iam.gserviceaccount.com');
    const d = diagnose(actAs);
    expect(d.facts.principal).toBeUndefined();
    expect(d.facts.deniedAction).toBe('iam.serviceaccounts.actAs');
    // corpus holdout14/h14-tfw-gcp-runagent-1: the agent asked, the compute account is the target.
    const agent =
      'googleapi: Error 403: Google Cloud Run Service Agent does not have permission to get access tokens for the service account 711987267850-compute@developer.gserviceaccount.com. Please give service-711987267850@serverless-robot-prod.iam.gserviceaccount.com permission iam.serviceAccounts.getAccessToken on the service account.';
    expect(gcpTargetServiceAccount(agent)).toBe(
      '711987267850-compute@developer.gserviceaccount.com',
    );
    expect(diagnose(agent).facts.principal).toBe(
      'service-711987267850@serverless-robot-prod.iam.gserviceaccount.com',
    );
    // corpus holdout14/h14-multi-java-bigtable-readrows-1: gRPC's wording of the permission.
    expect(
      diagnose(
        'com.google.api.gax.rpc.PermissionDeniedException: io.grpc.StatusRuntimeException: PERMISSION_DENIED: Access denied. Missing IAM permission: bigtable.tables.readRows.',
      ).facts.deniedAction,
    ).toBe('bigtable.tables.readRows');
  });

  it('reads the S3 bucket and key of a state read', () => {
    // corpus holdout/ho-terravision-105-1
    expect(
      s3Object(
        'Unable to access object "env/prod.tfstate" in S3 bucket "my-state": operation error',
      ),
    ).toEqual({ bucket: 'my-state', key: 'env/prod.tfstate' });
    expect(s3Object('Error creating Bucket: googleapi: Error 403:')).toBeUndefined();
  });

  it("reads azure/login's federated token details when the error's own subject is cut", () => {
    // corpus holdout9/h9-azurelogin-482-1 (Azure/login#482): the paste ends inside the quoted subject.
    expect(
      azureDetails(
        "Federated token details: issuer - https://token.actions.githubusercontent.com subject claim - repo:meltwater/meltwater-chatbot:environment:dev Attempting Azure CLI login by using OIDC... Error: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:meltwater/mel",
      ),
    ).toEqual({
      subject: 'repo:meltwater/meltwater-chatbot:environment:dev',
      issuer: 'https://token.actions.githubusercontent.com',
    });
  });

  it('reads Entra subject, issuer, scope and object id; a hard-wrapped scope is joined', () => {
    // corpus dev/gh-azlogin-464-1 and dev/pg-az-authz-vm-47 (shapes)
    expect(
      azureDetails(
        "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme/infra:environment:Production'. Please check",
      ),
    ).toEqual({ subject: 'repo:acme/infra:environment:Production' });
    expect(
      azureDetails(
        "The client 'sp@contoso.com' with object id 'd4e5f6a7-1111-2222-3333-444455556666' does not have authorization to perform action 'Microsoft.Compute/virtualMachines/write' over scope '/subscrip tions/aaaa1111-bbbb-cccc-dddd-eeee22223333/resourceGroups/rg-prod' or the scope is invalid.",
      ),
    ).toEqual({
      scope: '/subscriptions/aaaa1111-bbbb-cccc-dddd-eeee22223333/resourceGroups/rg-prod',
      objectId: 'd4e5f6a7-1111-2222-3333-444455556666',
    });
  });

  it('reads the Google service account and the Terraform host', () => {
    expect(
      gcpServiceAccount(
        'googleapi: Error 403: terraform@my-project-1.iam.gserviceaccount.com does not have storage.objects.list access',
      ),
    ).toBe('terraform@my-project-1.iam.gserviceaccount.com');
    expect(
      tfcHost('Run the following command to generate a token for tfe.acme.com: terraform login'),
    ).toBe('tfe.acme.com');
    // A provider address or a docs link is not a host that refused a token.
    expect(
      tfcHost(
        'with provider["registry.terraform.io/hashicorp/aws"], see https://www.terraform.io/docs',
      ),
    ).toBeUndefined();
  });

  it('tells EKS, AKS and GKE clusters apart', () => {
    expect(
      cluster(
        'Get "https://x.hcp.uksouth.azmk8s.io:443/api/v1/namespaces": getting credentials: exec: executable kubelogin failed',
      ),
    ).toEqual({
      host: 'x.hcp.uksouth.azmk8s.io',
      kind: 'aks',
    });
    expect(
      cluster(
        'Kubernetes cluster unreachable: exec: executable aws failed (aws eks get-token --cluster-name prod)',
      ),
    ).toMatchObject({ kind: 'eks', name: 'prod' });
    expect(cluster('exec: executable gke-gcloud-auth-plugin not found')).toMatchObject({
      kind: 'gke',
    });
    expect(
      cluster(
        'Error: Failed to enable API: https://console.developers.google.com/apis/api/x/overview',
      ),
    ).toBeUndefined();
  });

  it('reads what a Kubernetes refusal names: RBAC user, missing plugin, removed auth-provider', () => {
    // upstream kubernetes/apiserver@v0.33.0:pkg/endpoints/handlers/responsewriters/errors.go
    expect(
      kubeRefusal(
        'pods "web-1" is forbidden: User "system:serviceaccount:ci:tf" cannot create resource "pods/exec" in API group "" in the namespace "apps"',
      ),
    ).toEqual({
      user: 'system:serviceaccount:ci:tf',
      verb: 'create',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'apps',
    });
    // corpus holdout4/h4-tfeks-2481-1: cut right after the user.
    expect(
      kubeRefusal('configmaps "aws-auth" is forbidden: User "system:serviceaccount:a:b" can'),
    ).toEqual({ user: 'system:serviceaccount:a:b', resource: 'configmaps' });
    // corpus holdout2/h2-tidbop401-1, holdout3/h3-deliverybothelm17-1, holdout/ho-runnerimages-6778-1
    expect(
      kubeRefusal(
        'getting credentials: exec: exec: "aws-iam-authenticator": executable file not found in $PATH',
      ),
    ).toEqual({ missingPlugin: 'aws-iam-authenticator' });
    expect(
      kubeRefusal('getting credentials: *** *** "aws": executable file not found in $PATH'),
    ).toEqual({
      missingPlugin: 'aws',
    });
    expect(
      kubeRefusal('getting credentials : exec: executable gke-gcloud-auth-plugin not found'),
    ).toEqual({
      missingPlugin: 'gke-gcloud-auth-plugin',
    });
    // corpus holdout14/h14-multi-lens-gcp-authprovider-cmd-1 (an auth-provider's cmd-path that
    // is gone) and h14-multi-lens-gke-plugin-exit1-1 (the plugin's gcloud: a shell's 127).
    expect(
      kubeRefusal(
        'error executing access token command "/usr/lib/google-cloud-sdk/bin/gcloud config config-helper --format=json": err=exec: "/usr/lib/google-cloud-sdk/bin/gcloud": file does not exist output= stderr=',
      ),
    ).toEqual({ missingPlugin: 'gcloud' });
    expect(
      kubeRefusal(
        'print credential failed with error: Failed to retrieve access token:: failure while executing gcloud, with args [config config-helper --format=json]: exit status 127',
      ),
    ).toEqual({ missingPlugin: 'gcloud' });
    expect(kubeRefusal('error: The gcp auth plugin has been removed.')).toEqual({
      authProvider: 'gcp',
    });
    expect(kubeRefusal('Error: Kubernetes cluster unreachable: Unauthorized')).toBeUndefined();
  });

  it('reads the state bucket and the refused Google identity of a gcs backend denial', () => {
    // corpus holdout4/h4-jetstackgke-55-1, holdout4/h4-tf-28250-1
    const named =
      'Error: Failed to get existing workspaces: querying Cloud Storage failed: googleapi: Error 403: terraformsa@my-proj.iam.gserviceaccount.com does not have storage.objects.list access to my-proj-terraform-state., forbidden';
    expect(gcsBucket(named)).toBe('my-proj-terraform-state');
    expect(principal(named)).toBe('terraformsa@my-proj.iam.gserviceaccount.com');
    const unnamed =
      'Failed to get existing workspaces: querying Cloud Storage failed: googleapi: Error 403: personal-email@gmail.com does not have storage.objects.list access to the Google Cloud Storage bucket., forbidden';
    expect(gcsBucket(unnamed)).toBeUndefined();
    expect(principal(unnamed)).toBe('personal-email@gmail.com');
  });

  it('knows a run that executed on HCP Terraform or Terraform Enterprise', () => {
    // corpus holdout/ho-azurerm-15268-1, holdout4/h4-tf-26620-1
    expect(
      remoteRun(
        'Running plan in Terraform Cloud. Output will stream here. Pressing Ctrl-C will stop streaming the logs, but will not stop the plan running remotely. Preparing the remote plan...',
      ),
    ).toBe(true);
    expect(
      remoteRun('https://app.terraform.io/app/firehawk/firehawk-main/runs/run-Tr8FAgrtkXoy6HQX'),
    ).toBe(true);
    expect(remoteRun('Initializing the backend... Error: Required token could not be found')).toBe(
      false,
    );
  });

  it('tells the EKS Pod Identity endpoint from ECS, and sees an SDK refuse it', () => {
    // issue hashicorp/terraform-provider-aws#35857
    expect(
      containerCredentials(
        'CredentialsEndpointError: invalid endpoint host, "169.254.170.23", only loopback hosts are allowed.',
      ),
    ).toEqual({ endpoint: 'eks-pod-identity', rejected: true });
    // invented: the ECS task role endpoint in an env listing.
    expect(
      containerCredentials('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/abc'),
    ).toEqual({ endpoint: 'ecs', rejected: false });
    expect(containerCredentials('dial tcp 169.254.169.254:80: i/o timeout')).toBeUndefined();
  });

  it('reads the policy type and ARN of a denial', () => {
    // https://aws.amazon.com/blogs/security/enhanced-access-denied-error-messages-with-policy-arns
    expect(
      denial(
        'is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/* with an explicit deny in a service control policy: arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd',
      ),
    ).toEqual({
      policyType: 'service control policy',
      reason: 'explicit-deny',
      policyArn:
        'arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd',
    });
  });

  it('knows a Windows prompt and a state that was not saved', () => {
    expect(shellOf('PS C:\\Users\\a\\infra> terraform plan')).toBe('powershell');
    expect(shellOf('C:\\infra>terraform plan')).toBe('cmd');
    expect(shellOf('$ terraform plan')).toBeUndefined();
    expect(stateNotPersisted('Error: Failed to persist state to backend.')).toBe(true);
  });

  it('derives the role name and the ARN simulate-principal-policy accepts', () => {
    expect(roleNameOf('arn:aws:iam::123456789012:role/path/TerraformDeploy')).toBe(
      'TerraformDeploy',
    );
    expect(roleNameOf('arn:aws:sts::123456789012:assumed-role/TerraformDeploy/s1')).toBe(
      'TerraformDeploy',
    );
    expect(iamArnOf('arn:aws:sts::123456789012:assumed-role/TerraformDeploy/s1')).toBe(
      'arn:aws:iam::123456789012:role/TerraformDeploy',
    );
    expect(iamArnOf('arn:aws-us-gov:iam::123456789012:user/bob')).toBe(
      'arn:aws-us-gov:iam::123456789012:user/bob',
    );
    expect(iamArnOf('arn:aws:iam::123456789012:root')).toBeUndefined();
  });

  it('reads a caller whose account is redacted with spaces, or none rather than a cut one', () => {
    // corpus holdout4/h4-eksworkshop-1177-1
    expect(
      principal(
        'api error AccessDeniedException: User: arn:aws:sts::{account suppressed}:assumed-role/eks-workshop-ide-EksWorkshopIdeRole-LqlqA1nQsjV7/i-02d14764bdd1932b5 is not authorized to perform: kms:CreateAlias on resource: x',
      ),
    ).toBe(
      'arn:aws:sts::{account suppressed}:assumed-role/eks-workshop-ide-EksWorkshopIdeRole-LqlqA1nQsjV7/i-02d14764bdd1932b5',
    );
    expect(
      principal(
        'User: arn:aws:iam::<aws acct>:user/bob is not authorized to perform: s3:GetObject',
      ),
    ).toBe('arn:aws:iam::<aws acct>:user/bob');
    // invented: a redaction the patterns do not know is skipped, never cut in half.
    expect(
      principal('User: arn:aws:sts::{acct id here, removed}:assumed-role/R/s'),
    ).toBeUndefined();
  });

  it('reads the role of an ARN whose account is redacted, in every form pastes use', () => {
    // corpus holdout4/h4-tf-11270-1, holdout2/h2-tfaws42213-1, holdout/ho-awsvault-266-1, holdout/ho-cowca-2-1
    expect(
      redactedRole('The role "arn:aws:iam::<aws acct>:role/trustedrole" cannot be assumed.'),
    ).toEqual({
      name: 'trustedrole',
      arn: 'arn:aws:iam::<account-id>:role/trustedrole',
    });
    expect(
      redactedRole('arn:aws:iam::<redacted-accountid>:role/TerraformExecutionRoleDev)')?.name,
    ).toBe('TerraformExecutionRoleDev');
    expect(redactedRole('arn:aws:iam::[account]:role/deployment --role-session-name x')?.name).toBe(
      'deployment',
    );
    expect(redactedRole('arn:aws:iam::XXXXXX:role/team/COCAAssumeRole')).toEqual({
      name: 'COCAAssumeRole',
      arn: 'arn:aws:iam::<account-id>:role/team/COCAAssumeRole',
    });
    expect(redactedRole('arn:aws:iam::123456789012:role/Readable')).toBeUndefined();
    // The name fills --role-name and the templated ARN --role-arn.
    const commands = diagnose(
      'Received error  The role "arn:aws:iam::<aws acct>:role/trustedrole" cannot be assumed.\n\n  There are a number of possible causes of this - the most common are:\n    * The credentials used in order to assume the role are invalid',
    ).steps.flatMap((s) => s.commands);
    expect(commands).toContain(
      'aws iam get-role --role-name trustedrole --query Role.AssumeRolePolicyDocument',
    );
    expect(commands.join('\n')).not.toContain('<role-name>');
  });
});
