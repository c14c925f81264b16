// Errors that look like credential problems (a 403, "access", "role", "token") but are
// not. When one of these is the most specific match in an error block, tfauth stays
// silent: the bot is only useful if it is quiet on everything else.

import type { NotAuthEntry } from './schema';

export const NOT_AUTH: NotAuthEntry[] = [
  {
    id: 'successful-run',
    title: 'A successful plan or apply',
    signatures: [
      {
        id: 'success',
        // Resources named AccessDenied-alarm, filters on ExpiredToken, MFA conditions in policies…
        // are not failures when the run itself succeeded.
        pattern:
          /Plan: \d+ to add, \d+ to change, \d+ to destroy|No changes\. (?:Your|Infrastructure)|Apply complete! Resources:/,
        unless:
          /Error:|Error refreshing|Error applying|encountered a problem|Planning failed|[Ff]ailed|error occurred/,
        tier: 'decisive',
        examples: [
          {
            text: '($.errorCode = \\"*UnauthorizedOperation\\") || ($.errorCode = \\"AccessDenied*\\") }" } Plan: 1 to add, 0 to change, 0 to destroy.',
            source:
              "corpus not-failures/inv-plan-cis-filter (invented for tests: modeled on a reviewer's list of texts that must not get a channel reply)",
          },
          {
            text: 'Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } } }] }) } Plan: 1 to add, 0 to change, 0 to destroy.',
            source:
              "corpus not-failures/inv-plan-mfa-policy (invented for tests: modeled on a reviewer's list of texts that must not get a channel reply)",
          },
        ],
      },
    ],
  },
  {
    id: 'throttling',
    title: 'API rate limiting',
    signatures: [
      {
        id: 'throttling',
        pattern:
          /\bThrottling(?:Exception)?\b|\bRequestLimitExceeded\b|Rate exceeded|TooManyRequestsException|SlowDown: Please reduce your request rate|[Tt]emporarily throttled|[Tt]oo [Mm]any [Rr]equests|HTTP status 429|StatusCode=429|status code 429|exceeded a secondary rate limit|\b[Rr]ate limit exceeded\b/,
        tier: 'exact',
        examples: [
          {
            // GitHub answers its secondary rate limit with 403 Forbidden: throttling, not a token.
            text: 'Error: non-200 OK status code: 403 Forbidden body: "{\\n  \\"documentation_url\\": \\"https://docs.github.com/en/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\\",\\n  \\"message\\": \\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            source:
              'corpus holdout4/h4-ghp-2329-1 (integrations/terraform-provider-github#2329); message per google/go-github github.go (AbuseRateLimitError)',
          },
          {
            text: 'validate AWS credentials: checking install permissions: error simulating policy: Throttling: Rate exceeded\\\\n\\\\tstatus code: 400, request id: 4b3be60f-4677-11e9-b604-4fdfe40cdda9\\""',
            source: 'corpus dev/gh-openshiftinstaller-1418-1 (github:openshift/installer#1418)',
          },
          {
            text: 'RequestLimitExceeded: Request limit exceeded',
            source: 'corpus dev/gh-terraform-3579-1 (github:hashicorp/terraform#3579)',
          },
          {
            // Python's urllib (Ansible's uri module) around GitHub's primary rate limit.
            text: 'Error: : Task failed: Module failed: Status code was 403 and not [200]: HTTP Error 403: rate limit exceeded',
            source:
              'corpus holdout14/h14-multi-ansible-gh-403-ratelimit-1 (CactuseSecurity/firewall-orchestrator#3970)',
          },
        ],
      },
    ],
  },
  {
    id: 'quota',
    title: 'Quota or service limit',
    signatures: [
      {
        id: 'quota',
        pattern:
          /[Qq]uota '[^']{1,80}' exceeded|Quota exceeded|exceeding quota limits|\bVcpuLimitExceeded\b|\bLimitExceeded(?:Exception)?\b|ServiceQuotaExceeded|googleapi: Error 429|QuotaExceeded|[Ii]nsufficient regional quota|Insufficient tokens for quota|\bdailyLimitExceeded\b|\bRESOURCE_EXHAUSTED\b/,
        tier: 'strong',
        examples: [
          {
            text: "Error: googleapi: Error 403: Insufficient regional quota to satisfy request: resource \"IN_USE_ADDRESSES\": request requires '5.0' and is short '1.0'. project has a quota of '4.0' with '4.0' available., forbidden",
            source: 'issue GoogleCloudPlatform/cloud-ops-sandbox#44',
          },
          {
            text: "Error: Error creating instance: googleapi: Error 403: Quota 'CPUS' exceeded.  Limit: 24.0 in region us-central1., quotaExceeded",
            source:
              'upstream googleapis/google-api-go-client@b307dab300e2:googleapi/googleapi.go (Error 403 layout) + Compute quota text',
          },
          {
            text: 'returned an error. Status=409 Code="OperationNotAllowed" Message="Operation results in exceeding quota limits of Core. Maximum allowed: 20, Current in use: 20, Additional requested: 2." * azurerm_virtual_machine.test.2: compute.VirtualMachinesClient#CreateOrUpdate: Failure responding to request: StatusCode=409 -- Original Error: autorest/azure: Service',
            source: 'corpus dev/gh-terraform-10056-1 (github:hashicorp/terraform#10056)',
          },
          {
            // GKE lists each short quota as `(N) insufficient regional quota …`, under a 403.
            text: "Error: error creating NodePool: googleapi: Error 403: \n        (1) insufficient regional quota to satisfy request: resource \"CPUS\": request requires '72.0' and is short '48.0'. project has a quota of '24.0' with '24.0' available.",
            source:
              'corpus holdout12/h12-multi-none-gcpquota-2 (kaiwaehner/hivemq-mqtt-tensorflow-kafka-realtime-iot-machine-learning-training-inference#48), shortened',
          },
        ],
      },
    ],
  },
  {
    id: 'network-rule',
    title: 'A network rule (firewall, private endpoint) refused the request, not an identity',
    signatures: [
      {
        // Key Vault answers 403 Forbidden with this inner code when public access is off: the
        // caller's identity was fine (it is printed), its network path was not.
        id: 'key-vault-connection',
        pattern:
          /\bForbiddenByConnection\b|Public network access is disabled and request is not from a trusted service nor via an approved private link/,
        tier: 'strong',
        beats: ['azure.authorization_failed'],
        examples: [
          {
            text: 'Error: checking for presence of existing Secret "clientapp-secret-ac76373a" (Key Vault "https://kv-ac76373a.vault.azure.net/"): keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Public network access is disabled and request is not from a trusted service nor via an approved private link.\\r\\nCaller: appid=04b07795-8ddb-461a-bbee-02f9e1bf7b46;oid=eaadeb4c-a236-48a1-84f9-5c3685078b2c;iss=https://sts.windows.net/9d5f9c99-0e52-4b50-82d9-6152df0d794a/\\r\\nVault: kv-ac76373a;location=eastus2" InnerError={"code":"ForbiddenByConnection"}',
            source: 'corpus holdout12/h12-multi-none-kvnet-1 (microsoft/multimodal-ai#171)',
          },
        ],
      },
    ],
  },
  {
    id: 'no-response',
    title: 'The request never got an answer (canceled or timed out), so no credential was judged',
    signatures: [
      {
        // go-autorest (azurerm ≤ 3.x, the older Azure SDK for Go) reports a request that got no
        // response as `Failure sending request: StatusCode=0 -- Original Error: <why>`: a
        // context canceled or timed out, or a connection that failed. Token failures are
        // `Original Error: adal: …` and stay the credentials' business.
        id: 'autorest-no-response',
        pattern:
          /Failure sending request: StatusCode=0 -- Original Error: (?:context (?:canceled|deadline exceeded)|dial tcp |net\/http: )/,
        tier: 'likely',
        examples: [
          {
            text: '╷\n│ Error: Unable to list provider registration status, it is possible that this is due to invalid credentials or the service principal does not have permission to use the Resource Manager API, Azure error: resources.ProvidersClient#List: Failure sending request: StatusCode=0 -- Original Error: context canceled\n│\n│   with provider["registry.terraform.io/hashicorp/azurerm"],\n│   on deployment.tf line 10, in provider "azurerm":\n│   10: provider "azurerm" {',
            source:
              'corpus holdout15/h15-tfw-azurerm-ctx-canceled-1 (hashicorp/terraform-provider-azurerm#15487)',
          },
        ],
      },
    ],
  },
  {
    id: 'api-disabled',
    title: 'A cloud API is not enabled for the project',
    signatures: [
      {
        id: 'gcp-disabled',
        pattern:
          /has not been used in project .{1,120}? before or it is disabled|accessNotConfigured|Access Not Configured|SERVICE_DISABLED/,
        tier: 'decisive',
        examples: [
          {
            text: 'Error: Error creating Network: googleapi: Error 403: Compute Engine API has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project=123456789012 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.\nDetails:\n[\n  {\n    "@type": "type.googleapis.com/google.rpc.ErrorInfo",\n    "domain": "googleapis.com",\n    "metadata": {\n      "consumer": "projects/123456789012",\n      "service": "compute.googleapis.com"\n    },\n    "reason": "SERVICE_DISABLED"\n  }\n]\n, accessNotConfigured',
            source:
              'upstream googleapis/google-api-go-client@b307dab300e2:googleapi/googleapi.go (Error 403 layout) + Service Usage text',
          },
          {
            text: 'services for project cft-training-nyc-21: googleapi: Error 403: Service Usage API has not been used in project 888892115941 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/serviceusage.googleapis.com/overview?project=888892115941 then retry. If you enabled this API recently, wait a few minutes for',
            source:
              'corpus dev/gh-cftraining-20-1 (github:terraform-google-modules/cloud-foundation-training#20)',
          },
        ],
      },
      {
        id: 'azure-rp',
        pattern: /MissingSubscriptionRegistration|is not registered to use namespace/,
        tier: 'strong',
        examples: [
          {
            text: 'error: autorest/azure: Service returned an error. Status=\\u003cnil\\u003e Code=\\"MissingSubscriptionRegistration\\" Message=\\"The subscription is not registered to use namespace \'Microsoft.Solutions\'. See https://aka.ms/rps-not-found for how to register subscriptions.\\" Details=[{\\"code\\":\\"MissingSubscriptionRegistration\\",\\"message\\":\\"The',
            source: 'corpus holdout/ho-azopenshift-21-1 (github:Azure/OpenShift#21)',
          },
          {
            text: "➡️ Create Sql Server (MissingSubscriptionRegistration) The subscription is not registered to use namespace 'Microsoft.Sql'. See https://aka.ms/rps-not-found for how to register subscriptions. Code: MissingSubscriptionRegistration Message: The subscription is not registered to use namespace",
            source:
              'corpus holdout/ho-azsaas-852-1 (github:Azure/Commercial-Marketplace-SaaS-Accelerator#852)',
          },
        ],
      },
    ],
  },
  {
    // Azure Policy's deny effect refuses the resource as configured (ARM's error code
    // RequestDisallowedByPolicy, with the assignment that denied it): RBAC allowed the caller, and
    // no credential or role change helps; the resource must comply or get an exemption.
    id: 'azure-policy-deny',
    title: 'An Azure Policy assignment denied the resource as configured',
    signatures: [
      {
        id: 'request-disallowed',
        pattern: /\bRequestDisallowedByPolicy\b|was disallowed by policy\b/,
        tier: 'decisive',
        examples: [
          {
            text: 'azurerm_storage_account.hk_caf_level4splunkea_sa: Creating...\n╷\n│ Error: creating Azure Storage Account "eanprdstsecurity002": storage.AccountsClient#Create: Failure sending request: StatusCode=403 -- Original Error: Code="RequestDisallowedByPolicy" Message="Resource \'eanprdstsecurity002\' was disallowed by policy. Policy identifiers: \'[{\\"policyAssignment\\":{\\"name\\":\\"Public network access should be disabled for PaaS services\\",\\"id\\":\\"/providers/Microsoft.Management/managementGroups/lolcorp-lz-000/providers/Microsoft.Authorization/policyAssignments/Deny-Public-Endpoints\\"},\\"policyDefinition\\":{\\"name\\":\\"Storage accounts should restrict network access\\",\\"id\\":\\"/providers/Microsoft.Authorization/policyDefinitions/34c877ad-507e-4c82-993e-3452a6e0ad3c\\"},\\"policySetDefinition\\":{\\"name\\":\\"Public network access should be disabled for PaaS services\\",\\"id\\":\\"/providers/Microsoft.Management/managementGroups/lolcorp/providers/Microsoft.Authorization/policySetDefinitions/Deny-PublicPaaSEndpoints\\"}}]\'." Target="eanprdstsecurity002" AdditionalInfo=[',
            source:
              'corpus holdout17/h17-multi-caf-policy-deny-1 (Azure/terraform-azurerm-caf-enterprise-scale#771), cut after its first line',
          },
        ],
      },
    ],
  },
  {
    id: 'billing-disabled',
    title: 'Billing is disabled or missing for the cloud project',
    signatures: [
      {
        id: 'billing',
        // Google answers 403 (reason accountDisabled / BILLING_DISABLED) or FAILED_PRECONDITION: the
        // caller is authorised, the project just cannot be charged. Beats the generic googleapi 403.
        pattern:
          /(?:absent|closed) billing account|billing account for the owning project is disabled|has billing disabled|Billing must be enabled|requires billing to be enabled|\bBILLING_DISABLED\b|has not configured billing/,
        tier: 'decisive',
        examples: [
          {
            text: 'Error: Error uploading object redis_test.sh: googleapi: Error 403: The project to be billed is associated with an absent billing account., accountDisabled',
            source: 'issue hashicorp/terraform-provider-google#5209',
          },
          {
            // gsutil names its own exception class AccessDeniedException, as AWS does.
            text: 'AccessDeniedException: 403 The project to be billed is associated with a closed billing account.',
            source:
              'corpus holdout14/h14-multi-gsutil-closed-billing-1 (stanford-futuredata/noscope#48)',
          },
          {
            text: 'google.api_core.exceptions.Forbidden: 403 POST https://storage.googleapis.com/upload/storage/v1/b/rbmailman/o?uploadType=multipart: The billing account for the owning project is disabled in state absent',
            source: 'issue googleapis/python-storage#1456',
          },
          {
            text: "ERROR: (gcloud.services.enable) FAILED_PRECONDITION: Billing account for project '522837608576' is not found. Billing must be enabled for activation of service(s) 'compute.googleapis.com' to proceed.",
            source: 'issue kyegomez/zeta#71',
          },
          {
            text: '403 Forbidden\n"message" : "Project charming-module-137923 (#808448574146) has billing disabled. Please enable it.",\n"status" : "PERMISSION_DENIED"',
            source: 'issue GoogleCloudPlatform/java-docs-samples#276',
          },
        ],
      },
    ],
  },
  {
    id: 'marketplace',
    title: 'An AWS Marketplace subscription is needed',
    signatures: [
      {
        id: 'marketplace',
        pattern:
          /AWS Marketplace product you need to accept terms and subscribe|aws\.amazon\.com\/marketplace/,
        tier: 'exact',
        examples: [
          {
            text: 'aws_instance.vpn: Error launching source instance: OptInRequired: In order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit http://aws.amazon.com/marketplace/pp?sku=7c9adzdml57i4rodhs6yn0ae9 status code: 401, request id: b12d0415-ec0b-4036-835a-7f48c2dc7465 Terraform does not automatically rollback',
            source: 'corpus holdout/ho-openvpn-1-1 (github:kakkoyun/terraform-openvpn#1)',
          },
          {
            text: 'Error: Error launching source instance: OptInRequired: In order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit https://aws.amazon.com/marketplace/pp?sku=aw0evgkw8e5c1q413zgy5pjce status code: 401, request id: 604f3df0-6825-44cb-95df-725c08410532 on main.tf line 77, in resource "aws_instance"',
            source: 'corpus holdout2/h2-confluentdemo202-1 (github:confluentinc/demo-scene#202)',
          },
        ],
      },
    ],
  },
  {
    id: 'state-lock',
    title: 'The state is locked by another run',
    signatures: [
      {
        id: 'lock',
        pattern:
          /Error acquiring the state lock|ConditionalCheckFailedException|state blob is already locked|Error locking state/,
        // A lock that could not be taken because the caller was refused is an auth failure, not a held lock.
        unless:
          /AccessDenied|AuthorizationPermissionMismatch|AuthorizationFailed|ExpiredToken|InvalidClientTokenId|UnrecognizedClientException|SignatureDoesNotMatch|NoCredentialProviders|no valid credential sources|AADSTS\d|not authorized to perform|could not find default credentials|invalid_grant|Status=40[13]\b|StatusCode: 40[13]\b|googleapi: Error 40[13]\b/,
        tier: 'decisive',
        // An AccessDenied or ExpiredToken inside the lock error is the failure to act on.
        wrapper: true,
        counterexamples: [
          {
            text: 'Error: Error acquiring the state lock\n\nError message: 2 errors occurred:\n\t* blobs.Client#Lease: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="AuthorizationPermissionMismatch" Message="This request is not authorized to perform this operation using this permission."',
            source:
              'invented: azurerm backend (autorest generation) lock error wrapping the storage 403 of a principal without Storage Blob Data Contributor',
          },
        ],
        examples: [
          {
            text: 'Error: Error acquiring the state lock Error message: ConditionalCheckFailedException: The conditional request failed Lock Info: ID: a1b2c3d4-e5f6-7890-abcd-ef1234567890 Path: my-bucket/prod/terraform.tfstate Operation: OperationTypeApply Who: user@machine Version: 1.9.0',
            source:
              'corpus dev/pg-lock-dynamo-39 (https://www.terraformpilot.com/articles/fix-terraform-error-error-acquiring-state-lock-timeout-exceeded/)',
          },
          {
            text: 'Error: Error locking state: Error acquiring the state lock: state blob is already locked Lock Info: ID: 10101010-1010-1010-1010-101010101010 Path: myAzureStorageAccountContainerName/terraform.tfstate Operation: OperationTypePlan Who: XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
            source:
              'corpus dev/pg-azure-blob-lease-lock-121 (https://www.sunnyoswal.com/azure/2020/12/13/fix-terraform-remote-backend-state-lock-issue-in-azure.html)',
          },
        ],
      },
      {
        // The lock of a local state is the state file itself: an OS permission error on it
        // (a file owned by root after a `sudo terraform …`) is no lock held by anyone.
        id: 'local-file-permission',
        reason:
          'A local file or directory Terraform may not open or create (file-system permissions, not cloud credentials)',
        // …and so is a directory Terraform cannot create where it runs (`mkdir .terraform`).
        pattern:
          /\.tfstate(?:\.backup)?: permission denied|\.tflock\.info: permission denied|\bmkdir [^\s:]{1,300}: permission denied/,
        tier: 'strong',
        examples: [
          {
            text: 'Error installing provider "aws": mkdir .terraform: permission denied.\n\nTerraform analyses the configuration and state and automatically downloads\nplugins for the providers used. However, when attempting to download this\nplugin an unexpected error occurred.\n\nThis may be caused if for some reason Terraform is unable to reach the\nplugin repository. The repository may be unreachable if access is blocked\nby a firewall.\n\nIf automatic installation is not possible or desirable in your environment,\nyou may alternatively manually install plugins by downloading a suitable\ndistribution package and placing the plugin\'s executable file in the\nfollowing directory:\n    terraform.d/plugins/linux_amd64\n\n\nError: mkdir .terraform: permission denied',
            source:
              'corpus holdout17/h17-tfw-jenkins-mkdir-permdenied-1 (alexandarp/gitops-terraform-jenkins#13)',
          },
          {
            text: 'Error: Error locking state: Error acquiring the state lock: open terraform.tfstate: permission denied\n\nTerraform acquires a state lock to protect the state from being written\nby multiple users at the same time.',
            source: 'corpus holdout4/h4-tfaws-4632-1 (hashicorp/terraform-provider-aws#4632)',
          },
        ],
      },
    ],
  },
  {
    id: 'missing-bucket',
    title: 'The state bucket or object does not exist (or is in another region)',
    signatures: [
      {
        id: 'no-bucket',
        pattern: /\bNoSuchBucket\b|S3 bucket does not exist|The specified bucket does not exist/,
        tier: 'strong',
        examples: [
          {
            text: 'Error: Failed to get existing workspaces: S3 bucket does not exist. The referenced S3 bucket must have been previously created. If the S3 bucket was created within the last minute, please wait for a minute or two and try again. Error: NoSuchBucket: The specified bucket does not exist status code: 404,',
            source:
              'corpus dev/gh-tfuprunning-115-1 (github:brikis98/terraform-up-and-running-code#115)',
          },
          {
            text: 'Error inspecting states in the "s3" backend: NoSuchBucket: The specified bucket does not exist status code: 404, request id: 6DCCC569BD3C199D, host id: qKSeieYGUoUIcinEl7KmQU8yMuFz/5zRRzIRJqHQ3aIQEksgdL/Kx4JY8k6YcietWHA0VM2oAeg= Prior to changing backends, Terraform inspects the source and destination states',
            source: 'corpus dev/gh-terraform-19914-1 (github:hashicorp/terraform#19914)',
          },
        ],
      },
      {
        id: 'bucket-region',
        reason: 'The state bucket is in another region than the backend configuration says',
        pattern:
          // S3 names the bucket's real region in a region-scoped signature's refusal, too
          // (AuthorizationHeaderMalformed, and AuthorizationQueryParametersError for presigned URLs).
          /\bBucketRegionError\b|the bucket is not in '[\w-]{1,30}' region|PermanentRedirect|the region '[\w-]{1,30}' is wrong; expecting '[\w-]{1,30}'/,
        tier: 'strong',
        examples: [
          {
            text: "Error: Failed to get existing workspaces: S3 operation error: BucketRegionError: incorrect region, the bucket is not in 'us-east-1' region",
            source:
              'corpus dev/pg-s3-bucketregion-44 (https://www.terraformpilot.com/articles/troubleshooting-and-fix-the-terraform-init-error-s3-backend-bucket-region-mismatch/)',
          },
          {
            text: "use this backend unless the backend configuration changes. Error loading state: BucketRegionError: incorrect region, the bucket is not in 'us-west-1' region status code: 301, request id: , host id: Exited with code 1",
            source:
              'corpus holdout2/h2-fedekau14-1 (github:fedekau/terraform-with-circleci-example#14)',
          },
          {
            text: "Error reloading remote state: AuthorizationHeaderMalformed: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'\n\tstatus code: 400, request id: []",
            source: 'issue hashicorp/terraform#2774',
          },
          {
            text: "* data.terraform_remote_state.account_settings: data.terraform_remote_state.account_settings: error loading the remote state: AuthorizationHeaderMalformed: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-west-2'\n\tstatus code: 400, request id: DE29CE9307FCEC88",
            source: 'issue cloudposse-archives/root.cloudposse.co#24',
          },
        ],
      },
      {
        id: 'bucket-exists',
        reason:
          'A bucket name that is already taken (S3 names are global: by this account or by another)',
        pattern: /\bBucketAlreadyExists\b|\bBucketAlreadyOwnedByYou\b/,
        tier: 'strong',
        examples: [
          {
            text: 'Error: BucketAlreadyExists: The requested bucket name is not available.',
            source:
              'corpus dev/pg-bucket-exists-106 (https://www.tech-reader.blog/2025/10/error-409-bucketalreadyexists-global.html)',
          },
        ],
      },
      {
        id: 'no-state-file',
        reason: 'A state file that is not there',
        pattern: /open [^\s:]{1,200}\.tfstate: no such file or directory/,
        tier: 'strong',
        examples: [
          {
            text: 'terraform show terraform.tfstate Error: open terraform.tfstate: no such file or directory',
            source:
              'corpus dev/pg-bmw-nostate-58 (https://github.com/balaji-vijayan3/bmw-techwork-assignment/blob/main/tasks/Task_8-Terraform_Debugging/Task_8-Terraform-troubleshooting.md)',
          },
        ],
      },
    ],
  },
  {
    id: 'configuration',
    title: 'A Terraform configuration error',
    signatures: [
      {
        id: 'cycle',
        pattern: /\bError: Cycle: /,
        tier: 'decisive',
        examples: [
          {
            text: 'Error: Cycle: aws_security_group.app, aws_security_group.db, aws_security_group_rule.app_to_db, aws_security_group_rule.db_to_app',
            source:
              'corpus dev/pg-cycle-sg-103 (https://oneuptime.com/blog/post/2026-02-23-how-to-fix-cycle-error-in-terraform-resource-dependencies/view)',
          },
          {
            text: 'Error: Cycle: aws_iam_role.task, aws_iam_role_policy.task, aws_iam_policy_document.task (expand), aws_iam_role.task',
            source:
              'corpus dev/pg-cycle-iam-104 (https://devopsaitoolkit.com/blog/terraform-error-dependency-cycle/)',
          },
        ],
      },
      {
        id: 'schema',
        pattern:
          /Unsupported argument|Unsupported block type|Reference to undeclared (?:resource|input variable|module)|Invalid reference|Conflicting configuration arguments|Missing required argument|Invalid backend configuration argument|Unknown variable|Invalid value for (?:input )?variable|Duplicate resource|Module not installed|unknown resource '[^']{1,200}' referenced/,
        tier: 'likely',
        examples: [
          {
            text: 'Error: Invalid backend configuration argument The backend configuration argument "access_key" given on the command line is not expected for the selected',
            source: 'corpus dev/gh-hongbomiao-6009-2 (github:hongbo-miao/hongbomiao.com#6009)',
          },
          {
            text: 'Error: Unsupported argument on configs/prod.tfvars line 4: 4: name = "common-infra" An argument named "name" is not expected here.',
            source: 'corpus dev/gh-nanlabsstarter-30-1 (github:nanlabs/terraform-aws-starter#30)',
          },
        ],
      },
      {
        id: 'provider-config',
        pattern:
          /Invalid provider configuration|provider [\w.]{1,80} is not available|requires explicit configuration/,
        tier: 'weak',
        examples: [
          {
            text: 'Error: Invalid provider configuration on main.tf line 12, in resource "aws_s3_bucket" "replica": 12: provider = aws.us_west_2 The provider aws.us_west_2 is not available. A provider configuration block with the alias "us_west_2" must exist.',
            source:
              'corpus dev/pg-alias-missing-46 (https://stackengine.dev/terraform-invalid-provider-configuration-aws-alias)',
          },
        ],
      },
    ],
  },
  {
    id: 'provider-install',
    title: 'Provider download or verification failed',
    signatures: [
      {
        id: 'install',
        pattern:
          /Failed to install provider|Failed to query available provider packages|could not query provider registry|doesn't match any of the checksums|Incompatible provider version|[Ff]ailed to request discovery document/,
        tier: 'strong',
        // …and so is a registry that answered 401 to the download.
        wrapper: true,
        examples: [
          {
            text: 'Failed to request discovery document: Get "https://registry.terraform.io/.well-known/terraform.json": proxyconnect tcp: net/http: TLS handshake timeout',
            source: 'corpus holdout6/h6-vscodetf-12-1',
          },
          {
            text: 'Error: Failed to query available provider packages Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io: failed to request discovery document: 403 Forbidden',
            source:
              'corpus dev/pg-registry-403-11 (https://www.fixwikihub.com/articles/fix-terraform-provider-authentication-failed)',
          },
          {
            text: "Error: Failed to install provider Error while installing hashicorp/aws v5.40.0: the local package forregistry.terraform.io/hashicorp/aws 5.40.0 doesn't match any of thechecksums previously recorded in the dependency lock file (this might be because the available checksums",
            source:
              'corpus dev/pg-provider-checksum-110 (https://devopsaitoolkit.com/blog/terraform-error-failed-to-install-provider/)',
          },
        ],
      },
    ],
  },
  {
    id: 'plugin-crash',
    title: 'The provider crashed',
    signatures: [
      {
        id: 'crash',
        pattern: /Plugin did not respond|The plugin encountered an error|\bpanic: /,
        tier: 'strong',
        examples: [
          {
            text: 'Error: Plugin did not respond with module.scope.aws_vpc_ipam_scope.vpc_ipam_scope, on ../../terraform-modules/terraform-aws-vpc-ipam-scope/main.tf line 12, in resource "aws_vpc_ipam_scope" "vpc_ipam_scope": 12: resource "aws_vpc_ipam_scope" "vpc_ipam_scope" { The plugin',
            source: 'corpus dev/gh-tfaws-24168-1 (github:hashicorp/terraform-provider-aws#24168)',
          },
          {
            text: 'Error: Plugin did not respond with module.appserver_vpc.aws_vpc.main_vpc, on ../modules/aws/network/network.tf line 1, in resource "aws_vpc" "main_vpc": 1: resource "aws_vpc" "main_vpc" { The plugin encountered an error, and failed to respond to the plugin.(*GRPCProvider).UpgradeResourceState',
            source: 'corpus holdout3/h3-tfaws20461-1 (hashicorp/terraform-provider-aws#20461)',
          },
        ],
      },
    ],
  },
  {
    id: 'invalid-input',
    title: "The API rejected the request's parameters",
    signatures: [
      {
        id: 'aws-validation',
        pattern:
          /\bValidationException\b|\bInvalidParameterValue(?:Exception)?\b|\bInvalidParameterCombination\b|\bMalformedPolicyDocument(?:Exception)?\b|\bInvalidParameterException\b|WAFInvalidParameterException|The scope is not valid/,
        tier: 'likely',
        examples: [
          {
            text: 'Error: Error creating Lambda function: ValidationException: status code: 400, request id: 2db74e8f-49b6-4fe7-a005-55ac6afa6d23',
            source: 'corpus dev/gh-tfaws-13709-1 (github:hashicorp/terraform-provider-aws#13709)',
          },
          {
            text: 'Error: creating EC2 Instance: InvalidParameterValue: Value () for parameter groupId is invalid. The value cannot be empty status code: 400, request id: e54cc3ac-f260-40d9-a8d0-b64e0560b08c with aws_instance.example_chap03, on main.tf line 38, in resource "aws_instance" "example_chap03": 38:',
            source: 'corpus dev/gh-devopsbasics-1-1 (github:tungbq/devops-basics#1)',
          },
        ],
      },
      {
        id: 'exists',
        reason: 'A resource that already exists (import it, or choose another name)',
        pattern:
          /\bEntityAlreadyExists\b|ResourceAlreadyExistsException|ResourceInUseException|already exists - to be managed via Terraform|\bAlreadyExists\b/,
        tier: 'likely',
        examples: [
          {
            text: '"/subscriptions/4c1xxxxxxxxx1ee-8e0d-7acf7e9a55e8/resourceGroups/rg-imo-weu-lgr-qa-1" already exists - to be managed via Terraform this resource needs to be imported into the State. Please see the resource documentation for "azurerm_resource_group" for more information. on 03ResourceGroup.tf line 2, in resource "azurerm_resource_group" "rg_resource_group":',
            source:
              'corpus dev/gh-azpipeext-822-1 (github:microsoft/azure-pipelines-extensions#822)',
          },
          {
            text: 'error(s) occurred: * aws_iam_role.flow_logs: Error creating IAM Role AmazonVPCFlowLogs: EntityAlreadyExists: Role with name AmazonVPCFlowLogs already exists.',
            source: 'corpus holdout/ho-terraform-20394-1 (github:hashicorp/terraform#20394)',
          },
        ],
      },
      {
        id: 'not-found',
        reason: 'A resource that does not exist (or not in this region or account)',
        pattern:
          /\bNoSuchEntity\b|ResourceNotFoundException|InvalidAMIID\.\w+|InvalidGroup\.NotFound|InvalidSubnetID\.NotFound|\bResourceGroupNotFound\b/,
        tier: 'likely',
        examples: [
          {
            text: 'Error: error reading IAM Role (AWSServiceRoleForRedshift): NoSuchEntity: The role with name AWSServiceRoleForRedshift cannot be found. status code: 404, request id: 8cf1a79d-685a-4b24-89ff-60eb8387a255 with data.aws_iam_role.AWSServiceRoleForRedshift, on main.tf line 44, in data "aws_iam_role" "AWSServiceRoleForRedshift":',
            source:
              'corpus holdout2/h2-feast6-1 (github:feast-dev/feast-aws-credit-scoring-tutorial#6)',
          },
          {
            text: '(eks-workshop-ide-s3-put-access): operation error IAM: PutRolePolicy, https response error StatusCode: 404, NoSuchEntity: The role with name eks-workshop-ide-role cannot be found. with module.lab.aws_iam_role_policy.eks_workshop_ide_s3_put_access, on lab/main.tf line 35, in resource "aws_iam_role_policy" "eks_workshop_ide_s3_put_access": 35: resource "aws_iam_role_policy"',
            source:
              'corpus holdout2/h2-eksworkshopv2-1224-1 (github:aws-samples/eks-workshop-v2#1224)',
          },
        ],
      },
      {
        id: 'conflict',
        reason: 'A conflicting change the API refused (HTTP 409)',
        pattern: /\bStatus=409\b|Error 409: |\bConflict(?:Exception)?\b/,
        tier: 'generic',
        examples: [
          {
            text: 'Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12. Status: 409 (Conflict) ErrorCode: OperationNotAllowed',
            source: 'corpus holdout/ho-neonkube-1671-1 (github:nforgeio/neonKUBE#1671)',
          },
        ],
      },
    ],
  },
];
