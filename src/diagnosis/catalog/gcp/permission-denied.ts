import type { CatalogEntry, Example } from '../schema';
import { GCP_DOCS } from './docs';

// Project creation refused: the cause ranks first and the parent-policy step leads.
const PROJECT_CREATION: Example[] = [
  {
    text: '2021/03/14 09:49:36 [ERROR] eval: *terraform.EvalApplyPost, err: error creating project prj-entity-common-network (prj-entity-common-network): googleapi: Error 403: The caller does not have permission, forbidden. If you received a 403 error, make sure you have the `roles/resourcemanager.projectCreator` permission',
    source:
      'corpus holdout10/h10-pf-558-1 (terraform-google-modules/terraform-google-project-factory#558)',
  },
  {
    text: '│ Error: error creating project example-devops (example-devops): googleapi: Error 403: The caller does not have permission, forbidden. If you received a 403 error, make sure you have the `roles/resourcemanager.projectCreator` permission',
    source:
      'corpus holdout10/h10-sat-1060-1 (GoogleCloudPlatform/solution-acceleration-toolkit#1060)',
  },
];

/**
 * The caller may not act as a service account (Cloud Functions, Cloud Run, Compute: run a
 * resource as it): it needs roles/iam.serviceAccountUser on that account, not a project role.
 */
const ACT_AS_DENIED = /Permission ['"‘’]?iam\.serviceAccounts\.actAs['"‘’]? denied/i;
const ACT_AS_DENIED_EXAMPLE: Example = {
  text: 'Error: Error creating function: googleapi: Error 403: Could not create Cloud Run service dev-us-west2-worker-scale-in. Permission ‘iam.serviceaccounts.actAs’ denied on service account worker-sa-aggregation-service@microsites-sa.iam.gserviceaccount.com (or it may not exist).',
  source: 'corpus holdout14/h14-tfw-gcp-actas-1 (privacysandbox/aggregation-service#47), shortened',
};
/**
 * Someone may not mint a service account's tokens: a Google service agent (Cloud Run's), or the
 * caller impersonating it (google.golang.org/api/impersonate: `impersonate: status code 403`).
 * Either needs roles/iam.serviceAccountTokenCreator on that account.
 */
const TOKEN_CREATOR_MISSING =
  /Service Agent does not have permission to get access tokens for the service account|\bimpersonate: status code 403\b/;
const TOKEN_CREATOR_PASTES: Example[] = [
  {
    text: 'Error creating Service: googleapi: Error 403: Google Cloud Run Service Agent does not have permission to get access tokens for the service account 711987267850-compute@developer.gserviceaccount.com. Please give service-711987267850@serverless-robot-prod.iam.gserviceaccount.com permission iam.serviceAccounts.getAccessToken on the service account. Alternatively, if the service account is unspecified or in the same project you are deploying in, ensure that the Service Agent is assigned the Google Cloud Run Service Agent role roles/run.serviceAgent.',
    source:
      'corpus holdout14/h14-tfw-gcp-runagent-1 (GoogleCloudPlatform/terraform-google-cloud-run#28), shortened',
  },
  {
    text: 'Error: Get "https://storage.googleapis.com/storage/v1/b?alt=json&prettyPrint=false&project=xxxxxxx-aaa": impersonate: status code 403: {\n  "error": {\n    "code": 403,\n    "message": "The caller does not have permission",\n    "status": "PERMISSION_DENIED"\n  }\n}',
    source: 'corpus holdout14/h14-multi-steampipe-impersonate-1 (turbot/steampipe-plugin-gcp#249)',
  },
];

const WIF_CONDITION = /rejected by the attribute condition/;
const WIF_CONDITION_GHA =
  'google-github-actions/auth failed with: failed to generate Google Cloud federated token for //iam.googleapis.com/***: {"error":"unauthorized_client","error_description":"The given credential is rejected by the attribute condition."}';
const WIF_CONDITION_GHA_EXAMPLE: Example = {
  text: WIF_CONDITION_GHA,
  source:
    'corpus holdout12/h12-multi-gcp-perm-8 (terraform-google-modules/terraform-example-foundation#1362)',
};
const SCOPES_DRIVE =
  '│ googleapiclient.errors.HttpError: <HttpError 403 when requesting\n│ https://www.googleapis.com/drive/v3/files?q=name%3D%27genai-marketing-assets%27&pageSize=10&fields=nextPageToken%2C+files%28id%2C+name%29&supportsAllDrives=true&includeItemsFromAllDrives=true&alt=json\n│ returned "Request had insufficient authentication scopes.". Details:';
const SCOPES_DRIVE_EXAMPLE: Example = {
  text: SCOPES_DRIVE,
  source: 'corpus holdout12/h12-multi-gcp-perm-12 (GoogleCloudPlatform/genai-for-marketing#45)',
};

/**
 * Google refused `serviceusage.services.use` on the project the call is billed to (the quota
 * project, `x-goog-user-project`): user credentials name one, and the caller may not use it.
 */
const QUOTA_PROJECT_DENIED = /serviceusage\.services\.use/;
const QUOTA_PROJECT_EXAMPLE: Example = {
  text: "Permission 'serviceusage.services.use' denied on resource (or it may not exist).",
  source: 'corpus holdout16/h16-multi-php-gcs-serviceusage-14 (googleapis/google-cloud-php)',
};

/** GKE's own service agent (service-<number>@container-engine-robot), not the caller, lacks a permission. */
const GKE_SERVICE_AGENT = /Kubernetes Engine Service Agent is missing required permissions/;
const GKE_SERVICE_AGENT_EXAMPLE = {
  text: 'Error: googleapi: Error 403: Kubernetes Engine Service Agent is missing required permissions on this project. See https://cloud.google.com/kubernetes-engine/docs/troubleshooting#gke_service_account_deleted for more info: required "container.hostServiceAgent.use" permission(s) for "projects/ops-2655263591"., forbidden',
  source:
    'corpus holdout17/h17-tfw-gke-shared-vpc-service-agent-1 (terraform-google-modules/terraform-google-kubernetes-engine#616)',
};

export const gcpPermissionDenied: CatalogEntry = {
  id: 'gcp.permission_denied',
  platform: 'gcp',
  title: 'Authenticated to Google Cloud, but IAM denies the action',
  summary:
    'Google knows the caller; IAM does not grant it the permission needed on that project or resource (or the resource is in another project, or an organisation policy blocks it).',
  variants: [
    {
      when: GKE_SERVICE_AGENT,
      title:
        'GKE’s own service agent lacks a permission: grant it to the agent, not to your identity',
      summary:
        'The refusal is about the Kubernetes Engine service agent (service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com), which GKE uses for the cluster itself. In a Shared VPC it needs roles/container.hostServiceAgentUser on the host project; a deleted or unbound agent needs roles/container.serviceAgent on its own project again.',
      example: GKE_SERVICE_AGENT_EXAMPLE,
    },
    {
      when: WIF_CONDITION,
      title:
        'Google’s workload identity pool refused this external token (its attribute condition)',
      summary:
        'The CI system’s OIDC token is valid, but the pool provider’s attribute condition does not admit it, so Google’s STS issued no token: no IAM role was even looked at.',
      example: WIF_CONDITION_GHA_EXAMPLE,
    },
    {
      when: /insufficient authentication scopes|ACCESS_TOKEN_SCOPE_INSUFFICIENT/,
      title: 'Google accepted the token, but it lacks the OAuth scope this API needs',
      summary:
        'A scope is not an IAM role: the access token was issued for other APIs (ADC’s default cloud-platform scope, a VM’s access scopes, a provider’s `scopes`) and this API needs its own.',
      example: SCOPES_DRIVE_EXAMPLE,
    },
    {
      when: /resourcemanager\.projects\.create|roles\/resourcemanager\.projectCreator|[Ee]rror creating project /,
      title:
        'Google Cloud refused to create the project: the identity lacks roles/resourcemanager.projectCreator where the project goes',
      summary:
        'Creating a project is checked on its parent (the folder or organization in the project’s folder_id or org_id), not on a project: the identity Terraform runs as needs resourcemanager.projects.create there, which roles/resourcemanager.projectCreator grants. Administering the organization does not by itself include it.',
      example: {
        text: '│ Error: error creating project example-devops (example-devops): googleapi: Error 403: The caller does not have permission, forbidden. If you received a 403 error, make sure you have the `roles/resourcemanager.projectCreator` permission',
        source:
          'corpus holdout10/h10-sat-1060-1 (GoogleCloudPlatform/solution-acceleration-toolkit#1060)',
      },
    },
  ],
  codes: ['Error 403', 'PERMISSION_DENIED', 'IAM_PERMISSION_DENIED'],
  signatures: [
    {
      // Google's STS refuses a workload identity token the pool provider's attribute condition
      // does not admit: the external token is valid, the provider's policy says no.
      id: 'wif-attribute-condition',
      pattern: WIF_CONDITION,
      tier: 'exact',
      beats: ['gcp.invalid_grant'],
      examples: [
        WIF_CONDITION_GHA_EXAMPLE,
        {
          text: 'google.auth.exceptions.OAuthError: (\'Error code unauthorized_client: \nThe given credential is rejected by the attribute condition.\', \n\'{"error":"unauthorized_client","error_description":\n"The given credential is rejected by the attribute condition."}\')',
          source: 'corpus holdout12/h12-multi-gcp-perm-9 (circleci/circleci-docs#8541)',
        },
      ],
    },
    {
      // A token without the API's OAuth scope, whatever client library printed the 403.
      id: 'insufficient-scopes',
      pattern: /Request had insufficient authentication scopes|\bACCESS_TOKEN_SCOPE_INSUFFICIENT\b/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: Error creating Network: googleapi: Error 403: Request had insufficient authentication scopes., forbidden',
          source:
            'upstream googleapis/google-api-go-client@b307dab300e2:googleapi/googleapi.go (Error 403 layout)',
        },
        SCOPES_DRIVE_EXAMPLE,
        {
          text: 'Error: googleapi: Error 403: Request had insufficient authentication scopes.\nDetails:\n[\n   {\n     "@type": "type.googleapis.com/google.rpc.ErrorInfo",',
          source:
            'corpus holdout4/h4-gsiteverif-28-1 (hectorj/terraform-provider-googlesiteverification#28)',
        },
      ],
    },
    {
      // google-auth-library (Node) when the metadata server refuses the built-in service account a
      // token, and Google's `Permission denied on resource project` reason.
      id: 'token-forbidden',
      pattern:
        /A Forbidden error was returned while attempting to retrieve an access token|Permission denied on resource project/,
      tier: 'strong',
      examples: [
        {
          text: 'Error occurred:  { Error: A Forbidden error was returned while attempting to retrieve an access token for the Compute Engine built-in service account. This may be because the Compute Engine instance does not have the correct permission scopes specified. Permission denied on resource project myi-cloud.',
          source: 'corpus holdout8/h8-gauthnode-408-1 (googleapis/google-auth-library-nodejs#408)',
        },
      ],
    },
    {
      id: 'act-as-sa',
      pattern: /does not have access to service account|iam\.serviceAccount(?:Actor|User)\b/,
      tier: 'strong',
      examples: [
        {
          text: 'error(s) occurred: * google_container_cluster.staging: googleapi: Error 400: The user does not have access to service account "default". Ask a project owner to grant you the iam.serviceAccountActor role on the service account., badRequest',
          source: 'corpus holdout3/h3-tf18265-1 (hashicorp/terraform#18265)',
        },
      ],
    },
    {
      id: 'caller',
      pattern: /\b[Cc]aller does not have (?:required )?permission/,
      tier: 'exact',
      examples: [
        {
          text: '│ Error: googleapi: got HTTP response code 403 with body: {"errors":[{"code":"DENIED","message":"Token exchange failed for project \'anassri-firestore-scratch\'. Caller does not have permission \'storage.buckets.get\'. To configure permissions, follow instructions at: https://cloud.google.com/container-registry/docs/access-control"}]}',
          source: 'corpus holdout6/h6-tfgoogle-12972-1 (hashicorp/terraform-provider-google#12972)',
        },
        {
          text: 'Error: Error creating Project: googleapi: Error 403: The caller does not have permission with google_firebase_project.default, on firebase.tf line 17, in resource "google_firebase_project" "default": 17: resource "google_firebase_project" "default" {',
          source:
            'corpus dev/gh-dynpywebapp-400-1 (github:GoogleCloudPlatform/terraform-dynamic-python-webapp#400)',
        },
        {
          text: 'Error: Error creating Repository: googleapi: Error 403: The caller does not have permission on cloudsource.tf line 1, in resource "google_sourcerepo_repository" "composer": 1: resource "google_sourcerepo_repository" "composer" {',
          source: 'corpus dev/gh-tfgoogle-6261-1 (github:hashicorp/terraform-provider-google#6261)',
        },
      ],
    },
    {
      id: 'permission-denied',
      pattern:
        /Permission ['"][\w.]{3,120}['"] denied|Required ['"][\w.]{3,120}['"] permission|does not have [\w]{1,60}\.[\w.]{3,120} access|IAM_PERMISSION_DENIED|Permission '[\w.]{3,120}' denied on|Permission [\w.]{3,120} is required to perform this operation/,
      tier: 'exact',
      examples: [
        {
          text: 'google_service_account.default: Error creating service account: googleapi: Error 403: Permission iam.serviceAccounts.create is required to perform this operation on project projects/my-project., forbidden',
          source: 'issue jetstack/terraform-google-gke-cluster#51',
        },
        {
          text: "Error: Error retrieving IAM policy: Permission 'iam.serviceAccounts.get' denied on service account",
          source:
            'corpus dev/pg-gcp-sa-get-13 (https://fixwikihub.pages.dev/articles/fix-terraform-provider-auth-failed/)',
        },
      ],
      counterexamples: [
        {
          text: '403 Forbidden\n"message" : "Project charming-module-137923 (#808448574146) has billing disabled. Please enable it.",\n"status" : "PERMISSION_DENIED"',
          source: 'issue GoogleCloudPlatform/java-docs-samples#276',
        },
      ],
    },
    {
      id: 'googleapi-403',
      // Python's urllib prints any 403 as `HTTP Error 403: <reason>`: not Google's layout.
      pattern: /googleapi: Error 403|(?<!HTTP )Error 403: /,
      tier: 'generic',
      examples: [
        {
          text: 'Final error: Error applying IAM policy for project "#########": Error setting IAM policy for project "#########": googleapi: Error 403: Policy update access denied., forbidden',
          source: 'corpus holdout11/h11-multi-avocano-551-1, shortened',
        },
      ],
      counterexamples: [
        {
          text: 'TASK [api : Get Hasura release info from GitHub (authenticated)] ***************\nError: : Task failed: Module failed: Status code was 403 and not [200]: HTTP Error 403: rate limit exceeded',
          source:
            'corpus holdout14/h14-multi-ansible-gh-403-ratelimit-1 (CactuseSecurity/firewall-orchestrator#3970)',
        },
        {
          text: "Error: googleapi: Error 403: Insufficient regional quota to satisfy request: resource \"IN_USE_ADDRESSES\": request requires '5.0' and is short '1.0'. project has a quota of '4.0' with '4.0' available., forbidden",
          source: 'issue GoogleCloudPlatform/cloud-ops-sandbox#44',
        },
        {
          text: 'Error: Error uploading object redis_test.sh: googleapi: Error 403: The project to be billed is associated with an absent billing account., accountDisabled',
          source: 'issue hashicorp/terraform-provider-google#5209',
        },
        {
          text: 'Error: Error creating Network: googleapi: Error 403: Compute Engine API has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project=123456789012 then retry., accessNotConfigured',
          source:
            'upstream googleapis/google-api-go-client@b307dab300e2:googleapi/googleapi.go (Error 403 layout) + Service Usage text',
        },
        {
          text: "Error: Error creating instance: googleapi: Error 403: Quota 'CPUS' exceeded.  Limit: 24.0 in region us-central1., quotaExceeded",
          source:
            'upstream googleapis/google-api-go-client@b307dab300e2:googleapi/googleapi.go (Error 403 layout) + Compute quota text',
        },
      ],
    },
    {
      id: 'required-permissions',
      pattern: /Required permissions not available/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: googleapi: Error 403: Required permissions not available',
          source:
            'corpus dev/pg-gcp-403-reqperm-49 (https://www.terraformpilot.com/articles/fix-terraform-error-gcp-error-403-forbidden-insufficient-permissions/)',
        },
      ],
    },
    {
      id: 'act-as',
      // Cloud Run/Functions print the permission in lower case: 'iam.serviceaccounts.actAs'.
      pattern: /iam\.service[Aa]ccounts\.(?:actAs|getAccessToken)/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Error creating Service: googleapi: Error 403: Permission ‘iam.serviceaccounts.actAs’ denied on service account fourkeys@cloudtestkti-test-25bd.iam.gserviceaccount.com (or it may not exist).',
          source: 'issue dora-team/fourkeys#459',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'gke-service-agent',
      title:
        'The GKE service agent of the cluster’s project is missing a role (Shared VPC host access, or its own role removed)',
      explanation:
        'GKE checks its service agent, not the caller: `container.hostServiceAgent.use` on a host project is granted by roles/container.hostServiceAgentUser to the service project’s agent; the agent’s own roles/container.serviceAgent may have been removed from its project.',
      prior: 0,
      boosts: [
        {
          when: GKE_SERVICE_AGENT,
          by: 1,
          evidence: 'Google says the Kubernetes Engine Service Agent is missing permissions.',
        },
      ],
      examples: [GKE_SERVICE_AGENT_EXAMPLE],
    },
    {
      id: 'quota-project',
      title:
        'The call is billed to a quota project the caller may not use (it lacks serviceusage.services.use there)',
      explanation:
        'With user credentials (gcloud’s application-default login) every call names a quota project; the caller needs roles/serviceusage.serviceUsageConsumer on it. The project in the ADC file or `billing/quota_project` may be one the caller has no role on, or a deleted one.',
      prior: 0,
      boosts: [
        {
          when: QUOTA_PROJECT_DENIED,
          by: 0.9,
          evidence:
            'Google refused serviceusage.services.use: the quota project, not the resource.',
        },
      ],
      examples: [QUOTA_PROJECT_EXAMPLE],
    },
    {
      id: 'wif-attribute-condition',
      title: 'The pool provider’s attribute condition does not admit this CI token',
      explanation:
        'A workload identity pool provider only exchanges external tokens whose claims pass its `attributeCondition` (e.g. `assertion.repository_owner == "my-org"`). A run from another repository, branch, environment or event (a pull request from a fork, a tag) fails it before any IAM binding is looked at.',
      prior: 0,
      boosts: [
        {
          when: WIF_CONDITION,
          by: 0.9,
          evidence: 'Google says the credential is rejected by the attribute condition.',
        },
      ],
      examples: [WIF_CONDITION_GHA_EXAMPLE],
    },
    {
      id: 'project-creator',
      title:
        'The identity lacks roles/resourcemanager.projectCreator on the parent folder or organization',
      explanation:
        'resourcemanager.projects.create is granted on the folder or organization the new project goes into; a project-level policy cannot show or grant it. Organization Administrator does not include it: grant roles/resourcemanager.projectCreator there to the identity Terraform uses (ADC, a key or an impersonated service account, which need not be the console user).',
      prior: 0,
      boosts: [
        {
          when: /resourcemanager\.projects\.create|roles\/resourcemanager\.projectCreator|[Ee]rror creating project /,
          by: 0.9,
          evidence: 'Google refused to create a project (resourcemanager.projects.create).',
        },
      ],
      examples: PROJECT_CREATION,
    },
    {
      id: 'state-bucket',
      terraform: true,
      title: 'The state bucket does not grant this identity access to Terraform’s state objects',
      explanation:
        'The gcs backend lists, reads and writes objects in its bucket (and a .tflock object): the identity needs roles/storage.objectAdmin (or objectUser) on that bucket, not only on the project.',
      prior: 0,
      boosts: [
        {
          when: /querying Cloud Storage failed|Failed to get existing workspaces|Error loading state|Failed to (?:save|persist) state|\.tflock\b/,
          by: 0.7,
          evidence:
            'The denial came from the gcs backend reading or writing state⟦ in ⟨gcs_bucket⟩⟧.',
        },
      ],
      examples: [
        {
          text: 'Error: Failed to get existing workspaces: querying Cloud Storage failed: googleapi: Error 403: terraformsa@<GCP_PROJECT>.iam.gserviceaccount.com does not have storage.objects.list access to <GCP_PROJECT>-terraform-state., forbidden',
          source: 'corpus holdout4/h4-jetstackgke-55-1 (jetstack/terraform-google-gke-cluster#55)',
        },
      ],
    },
    {
      id: 'act-as',
      title:
        'The identity that runs Terraform may not act as ⟨gcp_target_sa⟩ (roles/iam.serviceAccountUser on that account)',
      explanation:
        'Deploying a function, a Cloud Run service or a VM that runs as a service account requires the deployer to have iam.serviceAccounts.actAs on that account: roles/iam.serviceAccountUser granted on the account itself (or on the project). The account must also exist in the project the error names.',
      prior: 0,
      boosts: [
        {
          when: ACT_AS_DENIED,
          by: 1,
          evidence: 'Google refused to let the caller act as the service account.',
        },
      ],
      examples: [ACT_AS_DENIED_EXAMPLE],
    },
    {
      id: 'token-creator',
      title:
        'A service agent or the impersonating caller may not mint the service account’s tokens (roles/iam.serviceAccountTokenCreator)',
      explanation:
        'To run as, or impersonate, a service account, the one asking for its tokens needs roles/iam.serviceAccountTokenCreator on it: Cloud Run’s service agent (service-PROJECT_NUMBER@serverless-robot-prod…, or roles/run.serviceAgent on the project) for a service that runs as an account of another project; you (or the identity that impersonates) for `impersonate_service_account`.',
      prior: 0,
      boosts: [
        {
          when: TOKEN_CREATOR_MISSING,
          by: 1,
          evidence: 'Google refused to issue the service account’s tokens to the one who asked.',
        },
      ],
      examples: TOKEN_CREATOR_PASTES,
    },
    {
      id: 'wif-impersonation',
      title:
        'The federated identity may not impersonate the service account (roles/iam.workloadIdentityUser missing)',
      explanation:
        'With workload identity federation, the pool’s principal (e.g. `principalSet://…/attribute.repository/ORG/REPO`) needs roles/iam.workloadIdentityUser on the service account; a wrong attribute mapping or condition gives the same denial.',
      prior: 0,
      boosts: [
        {
          when: /[Ff]ailed to generate Google Cloud (?:access|ID) token|iam\.serviceAccounts\.getAccessToken/,
          by: 0.8,
          evidence:
            'The call that failed is the service account’s access token for the federated identity.',
        },
        {
          when: TOKEN_CREATOR_MISSING,
          by: -0.8,
          evidence:
            'A service agent or an impersonating caller was refused, not a federated identity.',
        },
      ],
      examples: [
        {
          text: 'Error: google-github-actions/auth failed with: retry function failed with 0 attempts: failed to generate Google Cloud access token for ***: {\n  "error": {\n    "code": 403,\n    "message": "The caller does not have permission",\n    "status": "PERMISSION_DENIED"\n  }\n}',
          source: 'corpus holdout4/h4-ggaauth-189-1 (google-github-actions/auth#189)',
        },
      ],
    },
    {
      id: 'oauth-scopes',
      title: 'The access token lacks the OAuth scope this API needs (a scope, not an IAM role)',
      explanation:
        'Tokens carry scopes: ADC from `gcloud auth application-default login` and VM default service accounts get a limited set. Log in with the scope the API needs (or cloud-platform), set the provider’s `scopes`, or change the VM’s access scopes.',
      prior: 0,
      boosts: [
        {
          when: /insufficient authentication scopes|ACCESS_TOKEN_SCOPE_INSUFFICIENT|does not have the correct permission scopes/,
          by: 0.9,
          evidence: 'Google says the token has insufficient authentication scopes.',
        },
      ],
      examples: [
        {
          text: 'Error: googleapi: Error 403: Request had insufficient authentication scopes.\nDetails:\n[\n   {\n     "@type": "type.googleapis.com/google.rpc.ErrorInfo",',
          source:
            'corpus holdout4/h4-gsiteverif-28-1 (hectorj/terraform-provider-googlesiteverification#28)',
        },
      ],
    },
    {
      id: 'missing-role',
      title: 'The identity lacks a role with ⟨action⟩',
      explanation:
        'Grant a role that contains the permission on the project or resource in the error.',
      prior: 0.55,
      boosts: [
        {
          when: /insufficient authentication scopes|ACCESS_TOKEN_SCOPE_INSUFFICIENT|does not have the correct permission scopes/,
          by: -0.4,
          evidence: 'Scopes, not roles, were missing.',
        },
      ],
    },
    {
      id: 'wrong-identity',
      title: 'Terraform runs as another identity than the one that has the role',
      explanation:
        'A personal account from `gcloud auth application-default login` where a service account was meant (or the reverse); Cloud Build, GitHub runners and HCP Terraform use their own service accounts. Grant the identity in the error, or switch or impersonate the right one.',
      prior: 0.25,
      boosts: [
        {
          when: 'principal.gcp_user',
          by: 0.3,
          evidence:
            'Google refused the user account ⟨principal⟩ (Application Default Credentials of a person), not a service account.',
        },
        {
          when: /Step #\d|cloudbuild/i,
          by: 0.2,
          evidence: 'This ran in Cloud Build, which uses its own service account.',
        },
      ],
    },
    {
      id: 'other-project',
      title: 'The resource lives in another project the identity cannot see (or does not exist)',
      explanation: 'Google answers 403 rather than 404 for resources you cannot see.',
      prior: 0.15,
      boosts: [
        {
          when: /or it may not exist/,
          by: 0.25,
          evidence: 'Google says the resource may not exist.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'gke-service-agent-role',
      title: 'Grant the GKE service agent its role on the project the error names',
      detail:
        'Set SERVICE_PROJECT_NUMBER to the number of the project the cluster is in (`gcloud projects describe <project> --format="value(projectNumber)"`). The first command shows the roles the agents hold on the named project; the second grants the Shared VPC host role (for a deleted agent, grant roles/container.serviceAgent on its own project instead).',
      commands: [
        'gcloud projects get-iam-policy ⟨project⟩ --flatten=bindings --filter="bindings.members:container-engine-robot" --format="table(bindings.role, bindings.members)"',
        'gcloud projects add-iam-policy-binding ⟨project⟩ --member="serviceAccount:service-${SERVICE_PROJECT_NUMBER}@container-engine-robot.iam.gserviceaccount.com" --role=roles/container.hostServiceAgentUser',
      ],
      when: GKE_SERVICE_AGENT,
      examples: [GKE_SERVICE_AGENT_EXAMPLE],
    },
    {
      id: 'quota-project',
      title:
        'See which quota project the credentials bill to, and set one the caller may use (or grant it Service Usage Consumer there)',
      detail:
        'The first commands print the quota project of the application-default credentials and of gcloud (no secret is printed). Set it to a project where the caller has roles/serviceusage.serviceUsageConsumer, or have that role granted on the one named.',
      commands: [
        'jq -r ".quota_project_id // empty" ~/.config/gcloud/application_default_credentials.json',
        'gcloud config get billing/quota_project',
        'gcloud auth application-default set-quota-project ⟨project⟩',
      ],
      when: QUOTA_PROJECT_DENIED,
      examples: [QUOTA_PROJECT_EXAMPLE],
    },
    {
      id: 'grant-act-as',
      title:
        'Grant the identity that runs Terraform roles/iam.serviceAccountUser on ⟨gcp_target_sa⟩',
      detail:
        'The first command shows who may already act as the account; the member in the second is the identity Terraform runs as (`gcloud auth list` or the ADC account), as `user:…` or `serviceAccount:…`.',
      commands: [
        'gcloud iam service-accounts get-iam-policy ⟨gcp_target_sa⟩',
        'gcloud iam service-accounts add-iam-policy-binding ⟨gcp_target_sa⟩ --member=⟨gcp_member⟩ --role=roles/iam.serviceAccountUser',
      ],
      when: ACT_AS_DENIED,
      examples: [ACT_AS_DENIED_EXAMPLE],
    },
    {
      id: 'grant-token-creator',
      title:
        'Grant the one that asked roles/iam.serviceAccountTokenCreator on the service account it needs tokens of',
      detail:
        'For Cloud Run’s service agent the error names both accounts (or grant the agent roles/run.serviceAgent on the project instead); for impersonation the member is you, or the identity that impersonates, and the account is the one in `impersonate_service_account`.',
      commands: [
        'gcloud iam service-accounts get-iam-policy ⟨gcp_target_sa⟩',
        'gcloud iam service-accounts add-iam-policy-binding ⟨gcp_target_sa⟩ --member=⟨gcp_member⟩ --role=roles/iam.serviceAccountTokenCreator',
      ],
      when: TOKEN_CREATOR_MISSING,
      examples: TOKEN_CREATOR_PASTES,
    },
    {
      id: 'wif-condition',
      title:
        'Read the pool provider’s attribute condition and compare it with this run’s token claims',
      detail:
        'The condition reads the mapped claims (`assertion.repository`, `assertion.ref`, `assertion.repository_owner` for GitHub; `assertion.project_path` for GitLab; CircleCI’s `assertion.oidc.circleci.com/project-id`). Print the run’s claims in the job (without the token itself) or loosen the condition to admit it.',
      commands: [
        'gcloud iam workload-identity-pools providers describe ⟨wif_provider⟩ --workload-identity-pool=⟨wif_pool⟩ --location=global⟦ --project=⟨project_number⟩⟧ --format="yaml(attributeCondition,attributeMapping)"',
      ],
      when: WIF_CONDITION,
      examples: [WIF_CONDITION_GHA_EXAMPLE],
    },
    {
      id: 'parent-policy',
      title:
        'Check and grant Project Creator on the parent (folder or organization), not on a project',
      detail:
        'The parent is the `folder_id` or `org_id` the project resource (or module) sets. Look for the identity Terraform uses (see the next step) among the members that hold roles/resourcemanager.projectCreator, and grant it there if it is missing.',
      commands: [
        "grep -rnE 'folder_id|org_id' --include='*.tf' .",
        'gcloud resource-manager folders get-iam-policy <folder-id> --flatten="bindings[].members" --filter="bindings.role:roles/resourcemanager.projectCreator" --format="table(bindings.members)"',
        'gcloud organizations get-iam-policy <org-id> --flatten="bindings[].members" --filter="bindings.role:roles/resourcemanager.projectCreator" --format="table(bindings.members)"',
        'gcloud policy-intelligence troubleshoot-policy iam //cloudresourcemanager.googleapis.com/folders/<folder-id> --principal-email=⟨gcp_email⟩ --permission=resourcemanager.projects.create',
        'gcloud resource-manager folders add-iam-policy-binding <folder-id> --member=⟨gcp_member⟩ --role=roles/resourcemanager.projectCreator',
        'gcloud organizations add-iam-policy-binding <org-id> --member=⟨gcp_member⟩ --role=roles/resourcemanager.projectCreator',
      ],
      when: /resourcemanager\.projects\.create|roles\/resourcemanager\.projectCreator|[Ee]rror creating project /,
      examples: PROJECT_CREATION,
    },
    {
      id: 'wif-binding',
      title:
        'Let the federated identity impersonate the service account (roles/iam.workloadIdentityUser)',
      detail:
        'The member is the pool’s principal set for your repository (or another attribute your provider maps); check the provider’s attribute mapping and condition too.',
      commands: [
        'gcloud iam service-accounts get-iam-policy ⟨service_account⟩',
        'gcloud iam service-accounts add-iam-policy-binding ⟨service_account⟩ --role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/projects/⟨project_number⟩/locations/global/workloadIdentityPools/⟨wif_pool⟩/attribute.repository/<org>/<repo>"',
      ],
      when: /[Ff]ailed to generate Google Cloud (?:access|ID) token|iam\.serviceAccounts\.getAccessToken/,
      examples: [
        {
          text: 'Error: google-github-actions/auth failed with: retry function failed with 0 attempts: failed to generate Google Cloud access token for ***: {\n  "error": {\n    "code": 403,\n    "message": "The caller does not have permission",\n    "status": "PERMISSION_DENIED"\n  }\n}',
          source: 'corpus holdout4/h4-ggaauth-189-1 (google-github-actions/auth#189)',
        },
      ],
    },
    {
      id: 'scopes',
      title: 'Get a token with the scope the API needs',
      detail:
        'For ADC: log in again with the scopes (cloud-platform plus the API’s own, e.g. siteverification); for the provider: its `scopes` argument; on a VM: its access scopes.',
      commands: [
        'gcloud auth application-default login --scopes=https://www.googleapis.com/auth/cloud-platform,⟨api_scope⟩',
      ],
      when: /insufficient authentication scopes|ACCESS_TOKEN_SCOPE_INSUFFICIENT|does not have the correct permission scopes/,
      examples: [
        {
          text: 'Error: googleapi: Error 403: Request had insufficient authentication scopes.\nDetails:\n[\n   {\n     "@type": "type.googleapis.com/google.rpc.ErrorInfo",',
          source:
            'corpus holdout4/h4-gsiteverif-28-1 (hectorj/terraform-provider-googlesiteverification#28)',
        },
      ],
    },
    {
      // Cloud Storage's own wording: `<member> does not have storage.<type>.<verb> access to <bucket>`.
      id: 'bucket-iam',
      title:
        'The bucket’s IAM decides: see whom it grants, then grant this identity a role with the permission on the bucket',
      detail:
        'A role on the bucket (or on its project) must carry the denied permission: `roles/storage.objectViewer` lists and reads objects, `roles/storage.objectCreator` writes them, `roles/storage.objectAdmin` does both and deletes; `storage.buckets.get` (the bucket’s own metadata) is in `roles/storage.legacyBucketReader` and `roles/storage.admin`, not in the object roles. A bucket of another project or organisation (a shared or public dataset) is its owner’s to grant; with uniform bucket-level access, object ACLs do not count.',
      commands: [
        'gcloud storage buckets get-iam-policy gs://⟨gcs_bucket⟩',
        'gcloud storage buckets add-iam-policy-binding gs://⟨gcs_bucket⟩ --member=⟨gcp_member⟩ --role="<role-to-grant>"',
      ],
      when: /does not have storage\.[a-z]{1,20}\.[a-zA-Z]{1,30} access to/,
      examples: [
        {
          text: '$ gsutil cp foo gs://my-bucket-name/foo\nAccessDeniedException: 403 my-service-account@my-project.iam.gserviceaccount.com does not have storage.objects.list access to my-bucket-name.',
          source: 'corpus holdout13/h13-multi-gsutil-list-1 (GoogleCloudPlatform/gsutil#546)',
        },
      ],
    },
    {
      id: 'who',
      title: 'See which identity the provider uses',
      detail:
        'Terraform and Google’s client libraries use Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, or `gcloud auth application-default login`), which need not be the account `gcloud auth list` shows — that one is what gcloud and gsutil use.',
      commands: [
        'gcloud auth list',
        'echo "${GOOGLE_APPLICATION_CREDENTIALS:-application default credentials of gcloud}"',
        'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
      ],
    },
    {
      id: 'state-bucket-iam',
      title: 'Grant the identity access to the state bucket’s objects',
      commands: [
        'gcloud storage buckets get-iam-policy gs://⟨gcs_bucket⟩',
        'gcloud storage buckets add-iam-policy-binding gs://⟨gcs_bucket⟩ --member=⟨gcp_member⟩ --role=roles/storage.objectAdmin',
      ],
      when: /querying Cloud Storage failed|Failed to get existing workspaces|Error loading state|Failed to (?:save|persist) state|\.tflock\b/,
    },
    {
      id: 'roles',
      title: "List the identity's roles on the project",
      commands: [
        'gcloud projects get-iam-policy ⟨project⟩ --flatten="bindings[].members" --filter="bindings.members:⟨principal⟩" --format="table(bindings.role)"',
      ],
      unless:
        /resourcemanager\.projects\.create|roles\/resourcemanager\.projectCreator|[Ee]rror creating project /,
      notFor: [
        {
          text: '2021/03/14 09:49:36 [ERROR] eval: *terraform.EvalApplyPost, err: error creating project prj-entity-common-network (prj-entity-common-network): googleapi: Error 403: The caller does not have permission, forbidden. If you received a 403 error, make sure you have the `roles/resourcemanager.projectCreator` permission',
          source:
            'corpus holdout10/h10-pf-558-1 (terraform-google-modules/terraform-google-project-factory#558)',
        },
      ],
    },
    {
      id: 'troubleshoot',
      title: 'Ask IAM why the permission is denied',
      commands: [
        'gcloud policy-intelligence troubleshoot-policy iam //cloudresourcemanager.googleapis.com/projects/⟨project⟩ --principal-email=⟨gcp_email⟩ --permission=⟨action⟩',
      ],
      unless:
        /resourcemanager\.projects\.create|roles\/resourcemanager\.projectCreator|[Ee]rror creating project /,
      notFor: [
        {
          text: '2021/03/14 09:49:36 [ERROR] eval: *terraform.EvalApplyPost, err: error creating project prj-entity-common-network (prj-entity-common-network): googleapi: Error 403: The caller does not have permission, forbidden. If you received a 403 error, make sure you have the `roles/resourcemanager.projectCreator` permission',
          source:
            'corpus holdout10/h10-pf-558-1 (terraform-google-modules/terraform-google-project-factory#558)',
        },
      ],
    },
  ],
  docs: [GCP_DOCS.iamTroubleshoot, GCP_DOCS.providerAuth],
};
