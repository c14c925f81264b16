import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN, whoamiUnlessNamed } from './common';
import { AWS_DOCS } from './docs';

export const assumeRoleDenied: CatalogEntry = {
  id: 'aws.assume_role_denied',
  platform: 'aws',
  title: 'AWS refused to let these credentials assume the role',
  summary:
    "The source credentials work, but sts:AssumeRole on the target role was refused: the role's trust policy does not name the caller, the caller lacks sts:AssumeRole, the role ARN is wrong, or a condition (external id, MFA, session tags) is not met.",
  codes: ['AccessDenied (sts:AssumeRole)'],
  signatures: [
    {
      // aws-cdk's sdk-provider warns when the current credentials cannot assume a bootstrap role
      // (missing bootstrap, expired credentials, or a trust policy that does not allow them).
      id: 'cdk-bootstrap-role',
      pattern: /could not be used to assume '[^']{1,300}', but are for the right account/,
      // CDK proceeds with the current credentials: the warning is the cause only when the run did
      // not then succeed (CDK's own success lines).
      unless: /\bsuccess: Published\b|✅ /,
      counterexamples: [
        {
          text: "SSM-Advanced-Tier-Stack:  start: Publishing b85574a7447679f637c62d77740251e33d86b9232ec1ad17abcbae3abea2e21b:current_account-current_region\ncurrent credentials could not be used to assume 'arn:aws:iam::768431326802:role/cdk-hnb659fds-file-publishing-role-768431326802-us-west-2', but are for the right account. Proceeding anyway.\nSSM-Advanced-Tier-Stack:  success: Published b85574a7447679f637c62d77740251e33d86b9232ec1ad17abcbae3abea2e21b:current_account-current_region\ncurrent credentials could not be used to assume 'arn:aws:iam::768431326802:role/cdk-hnb659fds-lookup-role-768431326802-us-west-2', but are for the right account. Proceeding anyway.",
          source: 'corpus holdout8/h8-sagemakerssh-66-1 (aws-samples/sagemaker-ssh-helper#66)',
        },
      ],
      tier: 'likely',
      examples: [
        {
          text: "current credentials could not be used to assume 'arn:aws:iam::XXXXXXXXXXXX:role/cdk-hnb659fds-lookup-role-XXXXXXXXXXXX-YYYYYYYYY', but are for the right account. Proceeding anyway.\ncurrent credentials could not be used to assume 'arn:aws:iam::XXXXXXXXXXXX:role/cdk-hnb659fds-deploy-role-XXXXXXXXXXXX-YYYYYYYYY', but are for the right account. Proceeding anyway.",
          source: 'corpus holdout8/h8-genaichatbot-454-1 (aws-samples/aws-genai-llm-chatbot#454)',
        },
      ],
    },
    {
      id: 'root',
      pattern: /Roles may not be assumed by root accounts/,
      tier: 'decisive',
      examples: [
        {
          text: 'operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 686ad334-191c-4e50-bcf0-9db10805c964, api error │ AccessDenied: Roles may not be assumed by root accounts.',
          source: 'corpus holdout3/h3-cpvpcpeer106-1',
        },
      ],
    },
    {
      id: 'invalid-or-cannot',
      pattern:
        /\b[Rr]ole "?arn:aws[\w-]{0,10}:iam::\d{0,12}:role\/[^\s"]{1,200}"? (?:is invalid or )?cannot be assumed/,
      tier: 'likely',
      examples: [
        {
          text: 'Error refreshing state: 1 error(s) occurred:\n\n* The role "arn:aws:iam:::role/devops" cannot be assumed.\n\n  There are a number of possible causes of this - the most common are:\n    * The credentials used in order to assume the role are invalid\n    * The credentials do not have appropriate permission to assume the role\n    * The role ARN is not valid',
          source: 'corpus dev/gh-terraform-8638-1',
        },
      ],
    },
    {
      id: 'not-authorized',
      // AssumeRoleWithSAML is refused on the role's trust policy as AssumeRole is; the web
      // identity call is a class of its own.
      pattern: /\b(?:is not|Not) authorized to perform:? sts:AssumeRole(?!WithWebIdentity)/,
      // STS's message starts the sentence when an SDK prints it alone (Java: `Not authorized to perform sts:AssumeRole (Service: AWSSecurityTokenService; …)`).
      tier: 'decisive',
      examples: [
        {
          text: 'Caused by: com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: Not authorized to perform sts:AssumeRole (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
          source: 'corpus holdout6/h6-spinnaker-2541-1 (spinnaker/spinnaker#2541)',
        },
        {
          text: 'Error: Cannot assume IAM Role\n\nIAM Role (arn:aws:iam::123456789012:role/deploy) cannot be assumed.\n\nThere are a number of possible causes of this - the most common are:\n  * The credentials used in order to assume the role are invalid\n  * The credentials do not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deploy\n',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:errors.go (rendered with plausible values)',
        },
        {
          text: 'AccessDenied: User: arn:aws:iam::123456789012:user/jonsmith is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/devop',
          source: 'corpus dev/gh-terragrunt-478-1',
        },
        {
          text: 'Not authorized to perform sts:AssumeRoleWithSAML (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: fe270994-9399-11e7-a47b-d3b1bc4b70cf). Please try again.',
          source: 'corpus holdout14/h14-aws-sdknet-saml-1 (aws/aws-sdk-net#744)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Cannot assume IAM Role with web identity\n\ncannot assume role with web identity: failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:internal/config/errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: error putting S3 Bucket ACL: AccessDenied: User is not authorized to perform: s3:PutBucketAcl on resource',
          source: 'corpus dev/pg-s3-acl-denied-28',
        },
      ],
    },
    {
      // The Java SDK v1 (AmazonServiceException#getMessage: `%s (Service: %s; Status Code: %d;
      // Error Code: %s; …)`) names the service: STS answers AccessDenied to the calls that
      // assume a role (GetCallerIdentity needs no permission), whatever its message says.
      id: 'java-sts-access-denied',
      pattern: /\(Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied;/,
      tier: 'exact',
      examples: [
        {
          text: 'com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: Access denied (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: 18486065-9d7d-11e9-b24d-0d84d7b24f70)\n\tat com.amazonaws.http.AmazonHttpClient$RequestExecutor.handleErrorResponse(AmazonHttpClient.java:1712)',
          source:
            'corpus holdout14/h14-aws-jenkins-awscreds-assume-1 (jenkinsci/aws-credentials-plugin#66), shortened',
        },
      ],
      counterexamples: [
        {
          text: 'com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 8A3C1F2B9D4E5F60)',
          source: 'invented: the same Java SDK layout from S3, an ordinary permission denial',
        },
      ],
    },
    {
      id: 'not-authorized-assume',
      pattern: /not authorized to assume role/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: failed to assume role\n\n  with provider["registry.terraform.io/hashicorp/aws"],\n  on main.tf line 3, in provider "aws":\n   3:   assume_role {\n\nAWS Error: AccessDenied: User: arn:aws:iam::123456789012:role/ci-runner\nis not authorized to assume role: arn:aws:iam::987654321098:role/terraform-deploy-role\n        status code: 403, request id: a1b2c3d4-...',
          source: 'corpus dev/pg-failed-assume-25',
        },
      ],
    },
    {
      id: 'sdk-v2',
      pattern: /operation error STS: AssumeRole, .{0,300}?api error AccessDenied/,
      tier: 'exact',
      examples: [
        {
          text: 'failed to refresh cached credentials, operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ci/runner is not authorized to perform: sts:TagSession on resource: arn:aws:iam::123456789012:role/deploy',
          source:
            'upstream aws/aws-sdk-go-v2@1032a4d:credentials/stscreds/assume_role_provider.go (rendered with plausible values)',
        },
      ],
      counterexamples: [
        {
          text: '│ credentials, operation error STS: AssumeRoleWithWebIdentity, https response',
          source: 'corpus holdout2/h2-tfaws44712-1',
        },
      ],
    },
    // STS rejects the AssumeRole request itself (a malformed role ARN or session name).
    {
      id: 'validation',
      pattern:
        /operation error STS: AssumeRole, .{0,300}?api error ValidationError|\(ValidationError\) when calling the AssumeRole operation/,
      tier: 'strong',
      examples: [
        {
          text: "Error: failed to refresh cached credentials, operation error STS: AssumeRole, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error ValidationError: 1 validation error detected: Value 'deploy' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
          source:
            'upstream aws/aws-sdk-go-v2@1032a4d:credentials/stscreds/assume_role_provider.go and aws/smithy-go@c589db5:errors.go (shape); the STS validation message is invented from the RoleArn length constraint',
        },
      ],
      counterexamples: [
        {
          text: "failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error ValidationError: 1 validation error detected: Value 'ci' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
          source:
            'invented: the same refusal on the web identity call, which is the web identity class',
        },
      ],
    },
    {
      id: 'cli',
      pattern: /An error occurred \(AccessDenied\) when calling the AssumeRole operation/,
      tier: 'exact',
      examples: [
        {
          text: '48 | botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111:assumed-role/adf-codebuild-role/AWSCode',
          source: 'corpus holdout3/h3-adf744-1',
        },
      ],
    },
    {
      id: 'cannot-be-assumed',
      pattern:
        // aws-sdk-go-base v0 (`The role %q cannot be assumed.`, cut short in pastes as `cannot be assum`),
        // v1 `IAM Role (%s) cannot be assumed.` (often pasted with the ARN redacted, parentheses and all).
        /IAM Role \(.{1,200}?\) cannot be assumed(?! with web identity)|IAM Role [^\s()]{1,200} cannot be assumed(?! with web identity)|The role "[^"]{1,200}" cannot be assum|Cannot assume IAM Role(?! with web identity)|cannot assume role:/,
      tier: 'likely',
      wrapper: true,
      examples: [
        {
          text: 'Error: Cannot assume IAM Role\n\nIAM Role ARN not set in assume role 1 of 2',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:credentials.go (rendered with plausible values)',
        },
        {
          text: 'Error: error configuring Terraform AWS Provider: IAM Role (arn:aws:iam::123456789012:role/terraform-deploy)\n  cannot be assumed.\n \nThere are a number of possible causes of this - the most common are:\n  * The credentials used in order to assume the role are invalid\n  * The IAM Role (arn:aws:iam::123456789012:role/terraform-deploy) does not exist\n  * The IAM Role (arn:aws:iam::123456789012:role/terraform-deploy) does not have a valid trust policy',
          source: 'corpus dev/pg-role-cannot-assume-23',
        },
        {
          text: 'Error: Error refreshing state: 1 error(s) occurred:\n\n* provider.aws: The role "arn:aws:iam::accountnumber:role/FullAdmin" cannot be assum',
          source: 'corpus holdout4/h4-tfaws-7418-1 (hashicorp/terraform-provider-aws#7418)',
        },
        {
          text: 'Error: error configuring S3 Backend: IAM Role xxxxx cannot be assumed.',
          source: 'corpus holdout4/h4-cawsc-370-1 (aws-actions/configure-aws-credentials#370)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Cannot assume IAM Role with web identity\n\nIAM Role (arn:aws:iam::123456789012:role/ci) cannot be assumed with web identity token.\n\nThere are a number of possible causes of this - the most common are:\n  * The web identity token used in order to assume the role is invalid\n  * The web identity token does not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com\n',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:internal/config/errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'failed-to-assume',
      pattern: /failed to assume role|Failed to assume role/,
      tier: 'generic',
      wrapper: true,
      examples: [
        { text: 'Error: failed to assume role', source: 'corpus dev/pg-failed-assume-25' },
      ],
    },
  ],
  causes: [
    {
      // STS states the reason itself: no trust policy can let root keys assume a role.
      id: 'root-credentials',
      title: "The caller is the account's root user, and STS never lets root assume a role",
      explanation:
        'AWS refuses AssumeRole for root credentials whatever the trust policy says. Use the access keys of an IAM user (or an SSO / IAM role session) for the profile that assumes the role, or drop the role and act as that identity directly.',
      prior: 0,
      boosts: [
        {
          when: /Roles may not be assumed by root accounts/,
          by: 1,
          evidence: 'STS says: "Roles may not be assumed by root accounts".',
        },
      ],
      examples: [
        {
          text: '$ kubectl get pods\n\nAn error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.\nUnable to connect to the server: getting credentials: exec: executable aws failed with exit code 255',
          source: 'corpus holdout10/h10-kubectl-1243-1 (kubernetes/kubectl#1243)',
        },
      ],
    },
    {
      id: 'trust-policy',
      title: "The role's trust policy does not allow this caller",
      explanation:
        "The role's AssumeRolePolicyDocument must name the calling principal (or its account) in `Principal`, and its conditions (sts:ExternalId, aws:MultiFactorAuthPresent, source identity) must hold.",
      prior: 0.45,
      boosts: [
        { when: 'principal.present', by: 0.1, evidence: 'The caller was ⟨principal⟩.' },
        {
          when: 'role.cross_account',
          by: 0.15,
          evidence:
            "The role ⟨role⟩ is in another account than the caller, so its trust policy must name the caller's account.",
        },
        {
          // `cdk bootstrap` writes trust policies that trust the account itself.
          when: 'tool.aws_cdk',
          by: -0.3,
          evidence: 'The CDK bootstrap roles trust their own account.',
        },
      ],
    },
    {
      id: 'caller-permission',
      title: "The caller's own policies do not allow sts:AssumeRole on that role",
      explanation:
        'Within one account either side may grant it; across accounts the caller also needs an identity policy allowing sts:AssumeRole on the role ARN.',
      prior: 0.25,
      boosts: [
        {
          when: 'role.cross_account',
          by: 0.1,
          evidence: "Cross-account: both the trust policy and the caller's policy must allow it.",
        },
        {
          when: 'tool.aws_cdk',
          by: 0.3,
          evidence:
            'The CDK bootstrap roles already trust the account ("but are for the right account"): the caller’s own right to assume them is what fails.',
        },
      ],
      examples: [
        {
          text: "current credentials could not be used to assume 'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1', but are for the right account. Proceeding anyway.",
          source: 'issue aws-samples/aws-genai-llm-chatbot#454',
        },
      ],
    },
    {
      id: 'wrong-arn',
      title: 'The role ARN is wrong (typo, other account, missing account id)',
      explanation: 'STS answers AccessDenied, not "not found", for a role that does not exist.',
      prior: 0.15,
      boosts: [
        {
          when: 'role.no_account',
          by: 0.6,
          evidence: 'The role ARN in the paste has no account id.',
        },
      ],
    },
    {
      id: 'source-credentials',
      title: 'The credentials used to assume the role are not the ones you think',
      explanation:
        'Environment variables, another profile or an instance role may be the caller; check which identity actually calls AssumeRole.',
      prior: 0.1,
      boosts: [
        {
          when: 'key.account_mismatch',
          by: 0.2,
          evidence: 'The key belongs to account ⟨key_account⟩, the role is in ⟨other_account⟩.',
        },
      ],
    },
    {
      id: 'mfa-or-external-id',
      title: 'A condition is not met: MFA, external id, or session tags',
      explanation:
        'Trust policies often require `aws:MultiFactorAuthPresent` or `sts:ExternalId`; Terraform must pass `external_id` or use MFA-backed credentials.',
      prior: 0.05,
      boosts: [
        {
          when: /MultiFactorAuthPresent|ExternalId|external_id|mfa/i,
          by: 0.3,
          evidence: 'The paste mentions an MFA or external-id condition.',
        },
        {
          when: 'tool.role_mfa_wrapper',
          by: 0.6,
          evidence:
            'A role-and-MFA wrapper made the call: when the trust policy asks for MFA and the wrapper sent no MFA code (no `mfa_serial` in its profile, or an old version), AWS refuses the same way.',
        },
      ],
      examples: [
        {
          text: '$ ./aws-runas-0.1.0-darwin-amd64 aiprimary\n2017/09/25 10:10:46 ERROR error doing AssumeRole: AccessDenied: User: arn:aws:iam::XXXXXXXXXXXX:user/managed-user/mike.feineman@pearson.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::XXXXXXXXXXXX:role/managed-role/XXXXXXXXXXXX-PearsonCloudEngineers\n\tstatus code: 403, request id: 168d371e-a20c-11e7-abab-abababababab',
          source: 'corpus holdout10/h10-runas-1-1 (mmmorris1975/aws-runas#1)',
        },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'not-root',
      title: "Use an IAM user's or role's credentials, not the root account's keys",
      detail:
        'An Arn ending in `:root` means the profile holds root access keys. Create an IAM user (or sign in through IAM Identity Center), put its keys or SSO settings in the profile that assumes the role (for kubectl, the profile the kubeconfig’s `aws eks get-token` exec uses), and delete the root access keys. Editing the trust policy cannot help.',
      commands: [
        'aws sts get-caller-identity --query Arn --output text⟦ --profile ⟨profile⟩⟧',
        'aws configure list⟦ --profile ⟨profile⟩⟧',
      ],
      when: /Roles may not be assumed by root accounts/,
      examples: [
        {
          text: '$ kubectl get pods\n\nAn error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.\nUnable to connect to the server: getting credentials: exec: executable aws failed with exit code 255',
          source: 'corpus holdout10/h10-kubectl-1243-1 (kubernetes/kubectl#1243)',
        },
      ],
    },
    whoamiUnlessNamed({
      text: ' Error fetching AWS Config recorders: operation error Config Service: DescribeConfigurationRecorders, get identity: get credentials: failed to refresh cached credentials, operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: f08d1b32-c6ff-41f1-8357-07819eefa3ab, api error AccessDenied: User: arn:aws:sts::378890115541:assumed-role/cloudbeat-root/aws-go-sdk-1715607180126994429 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::049528901747:role/cloudbeat-securityaudit  ',
      source: 'corpus holdout11/h11-aws-cloudbeat-2208-1 (elastic/cloudbeat#2208)',
    }),
    {
      id: 'trust-policy',
      title:
        "Read the role's trust policy (with credentials allowed to read IAM in the role's account)",
      commands: ['aws iam get-role --role-name ⟨role_name⟩ --query Role.AssumeRolePolicyDocument'],
    },
    {
      id: 'assume-by-hand',
      title: 'Assume the role by hand with the same source credentials',
      commands: [
        'aws sts assume-role --role-arn ⟨role⟩ --role-session-name tfauth-check⟦ --profile ⟨profile⟩⟧',
      ],
      unless: 'tool.assumes_roles',
      notFor: [
        {
          text: "2021/01/04 13:33:47 Looking up keyring for 'temp-user'\naws-vault: error: login: Failed to get credentials for new-acc-admin: AccessDenied: User: arn:aws:iam::<master-account>:user/AwsAccountProvisioner2 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::<client-account>:role/OrganizationAccountAccessRole",
          source:
            'corpus holdout12/h12-aws-awsvault-login-orgrole-1 (99designs/aws-vault#706), shortened',
        },
        {
          text: '$ ./aws-runas-0.1.0-darwin-amd64 aiprimary\n2017/09/25 10:10:46 ERROR error doing AssumeRole: AccessDenied: User: arn:aws:iam::XXXXXXXXXXXX:user/managed-user/mike.feineman@pearson.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::XXXXXXXXXXXX:role/managed-role/XXXXXXXXXXXX-PearsonCloudEngineers\n\tstatus code: 403, request id: 168d371e-a20c-11e7-abab-abababababab',
          source: 'corpus holdout10/h10-runas-1-1 (mmmorris1975/aws-runas#1)',
        },
      ],
    },
    {
      // aws-vault assumes ⟨profile⟩'s role from its source profile's keys, kept in its keyring.
      id: 'assume-by-hand-aws-vault',
      title: 'Assume the role by hand from the source profile’s keys, through aws-vault',
      detail:
        'The first command names the profile whose keys aws-vault uses (its source_profile); the second asks STS for the role with exactly those keys, without aws-vault’s own session or role chain.',
      commands: [
        'aws configure get source_profile⟦ --profile ⟨profile⟩⟧',
        'aws-vault exec ⟨source_profile⟩ --no-session -- aws sts assume-role --role-arn ⟨role⟩ --role-session-name tfauth-check',
      ],
      when: 'tool.aws_vault',
    },
    {
      // The same check, with the MFA code the wrapper should have sent.
      id: 'assume-by-hand-mfa',
      title: 'Assume the role by hand with an MFA code, as the wrapper should',
      detail:
        'If this works and the wrapper does not, give its profile `mfa_serial` (the ARN of your MFA device) or upgrade the wrapper.',
      commands: [
        'aws iam list-mfa-devices --query "MFADevices[].SerialNumber" --output text⟦ --profile ⟨profile⟩⟧',
        'aws sts assume-role --role-arn ⟨role⟩ --role-session-name tfauth-check --serial-number <mfa-device-arn> --token-code <6-digit-code>⟦ --profile ⟨profile⟩⟧',
      ],
      when: 'tool.role_mfa_wrapper',
    },
    {
      id: 'simulate',
      title: "Check the caller's own permission for sts:AssumeRole",
      commands: [
        'aws iam simulate-principal-policy --policy-source-arn ⟨iam_principal⟩ --action-names sts:AssumeRole --resource-arns ⟨role⟩',
      ],
      when: 'principal.simulatable',
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.rolesTroubleshooting, AWS_DOCS.accessDenied, AWS_DOCS.providerAuth],
};
