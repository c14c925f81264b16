import type { CatalogEntry } from '../schema';

export const k8sUnauthorized: CatalogEntry = {
  id: 'k8s.unauthorized',
  platform: 'k8s',
  title: "The Kubernetes API rejected the kubernetes/helm provider's credentials",
  summary:
    'The kubernetes or helm provider reached the cluster but its credentials were missing, expired (EKS tokens last 15 minutes) or mapped to no user — or the exec plugin that should mint them failed.',
  codes: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  signatures: [
    {
      // aws-iam-authenticator (the EKS control plane's webhook) logs why it refused a token: the
      // IAM identity is valid but neither aws-auth nor an access entry maps it to a Kubernetes user.
      id: 'iam-authenticator-not-mapped',
      pattern: /ARN is not mapped/,
      tier: 'exact',
      examples: [
        {
          text: 'time="2022-01-04T21:29:45Z" level=warning msg="access denied" arn="arn:aws:iam::xxxx:role/github_oidc" client="127.0.0.1:34720" error="ARN is not mapped: arn:aws:iam::xxxx:role/github_oidc" method=POST path=/authenticate sts=sts.amazonaws.com',
          source:
            'upstream kubernetes-sigs/aws-iam-authenticator:pkg/server/server.go ("ARN is not mapped: %s"), as quoted in a public how-to found with the code search',
        },
        {
          text: '2023–11–111T11:11:11.111–08:00 time=”2023–11–11T11:11:11Z” level=warning msg=”access denied” arn=”arn:aws:iam::<aws_account_id>:role/my-tfc-agent-instance-profile-role” client=”127.0.0.1:37232" error=”ARN is not mapped” method=POST path=/authenticate',
          source: 'corpus holdout6/h6-xdu-eksauth-2-1',
        },
      ],
    },
    {
      id: 'rbac-forbidden',
      pattern:
        // The RBAC reason follows the user (`cannot <verb> resource …`); pastes are often cut
        // right after the user, which still names an RBAC denial.
        /is forbidden: User "[^"]{1,200}"/,
      tier: 'strong',
      examples: [
        {
          text: '╷\n│ Error: configmaps "aws-auth" is forbidden: User "system:serviceaccount:actions-runner-system:runner-service-account" can',
          source: 'corpus holdout4/h4-tfeks-2481-1 (terraform-aws-modules/terraform-aws-eks#2481)',
        },
        {
          text: 'Error: secrets "db-password" is forbidden: User "system:serviceaccount:ci:terraform" cannot get resource "secrets" in API group "" in the namespace "prod"',
          source:
            'upstream kubernetes/apimachinery@v0.33.0:pkg/api/errors/errors.go (NewForbidden) + RBAC authorizer reason',
        },
        {
          text: 'prometheusrules.monitoring.coreos.com "pod-alerts" is forbidden: User "system:serviceaccount:ci:infrastructure-runner" cannot get resource "prometheusrules" in API group "monitoring.coreos.com" in the namespace "prometheus-system"',
          source: 'corpus holdout3/h3-statcanaaw2048-1 (StatCan/aaw#2048)',
        },
      ],
    },
    {
      id: 'getting-token',
      pattern: /getting (?:credentials|token): |could not get token: /,
      tier: 'strong',
      examples: [
        {
          text: '"https://C80F62EF10F09BD537A7BD916997F12A.gr7.eu-west-1.eks.amazonaws.com/version": getting credentials: decoding stdout: no kind "ExecCredential" is registered for version "client.authentication.k8s.io/v1alpha1" in scheme "pkg/runtime/scheme.go:100" with helm_release.aws-load-balancer-controller, on 10-helm.tf line 13, in resource "helm_release"',
          source: 'corpus holdout2/h2-antonputra75-1 (github:antonputra/tutorials#75)',
        },
        {
          text: 'https://A1D2B1ED99BC87833C122F269E72115B.gr7.us-east-1.eks.amazonaws.com/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dhelm%2Cname%3Dtiller: getting credentials: * * "aws": executable file not found in $PATH',
          source: 'corpus holdout3/h3-deliverybothelm17-1 (deliverybot/helm#17)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Get "https://34.1.2.3/api/v1/namespaces/default/secrets/app": getting credentials: exec: executable gke-gcloud-auth-plugin not found',
          source:
            'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go (the more specific exec signature decides)',
        },
      ],
    },
    {
      id: 'invalid-configuration',
      pattern: /Kubernetes cluster unreachable: invalid configuration/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Kubernetes cluster unreachable: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable',
          source: 'upstream kubernetes/client-go@v0.33.0:tools/clientcmd/validation.go',
        },
        {
          text: 'Error: Kubernetes cluster unreachable: invalid configuration: context was not found for specified context: XXXXXXXX with module.alb.helm_release.aws-load-balancer-controller,',
          source: 'corpus holdout3/h3-helm968-1 (hashicorp/terraform-provider-helm#968)',
        },
      ],
    },
    {
      id: 'kubectl-logged-in',
      pattern: /You must be logged in to the server/,
      tier: 'exact',
      examples: [
        {
          text: 'kubectl get nodes error: You must be logged in to the server (Unauthorized)',
          source: 'corpus holdout2/h2-qseks245-1 (github:aws-quickstart/quickstart-amazon-eks#245)',
        },
        {
          text: 'for aws Added new context */testing-cluster to /github/home/.kube/config error: You must be logged in to the server (the server has asked for the client to provide credentials)',
          source: 'corpus holdout2/h2-ekskubectlaction1-1 (github:ianbelcher/eks-kubectl-action#1)',
        },
      ],
    },
    {
      id: 'provide-credentials',
      pattern: /the server has asked for the client to provide credentials/,
      tier: 'exact',
      examples: [
        {
          text: '│ Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials\n│ \n│   with module.kubeflow-components.helm_release.pv_efs,\n│   on kubeflow/main.tf line 24, in resource "helm_release" "pv_efs":',
          source: 'issue aws-samples/amazon-eks-machine-learning-with-terraform-and-kubeflow#121',
        },
        {
          text: 'Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials',
          source: 'upstream kubernetes/apimachinery@v0.33.0:pkg/api/errors/errors.go',
        },
        {
          text: 'Error: the server has asked for the client to provide credentialsError: Failed to update daemonset: Unauthorized Error: Failed to update deployment: Unauthorized Error: Failed to update deployment: Unauthorized Error: Failed to update service account: Unauthorized Error:',
          source:
            'corpus holdout/ho-tfk8s-1130-1 (github:hashicorp/terraform-provider-kubernetes#1130)',
        },
      ],
    },
    {
      id: 'exec-plugin',
      pattern:
        /getting credentials: exec\b|exec plugin\b|executable [\w./-]{1,100} failed with exit code|exec: executable [\w./-]{1,100} not found/,
      tier: 'strong',
      // client-go prints getting-token's words before the exec plugin's failure: the plugin is
      // what to fix.
      beats: ['k8s.unauthorized/getting-token'],
      examples: [
        {
          text: 'Error: Get "https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com/api/v1/namespaces/kube-system/configmaps/aws-auth": getting credentials: exec: executable aws failed with exit code 255',
          source: 'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go',
        },
        {
          text: 'Error: Kubernetes cluster unreachable: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
          source: 'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go',
        },
        {
          text: 'Error: Get "https://10.0.0.1/api/v1/namespaces/default": getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1beta1, plugin returned version client.authentication.k8s.io/v1alpha1',
          source: 'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go',
        },
        {
          text: 'Error: Get "https://my-aks-dns-12345678.hcp.westeurope.azmk8s.io:443/api/v1/namespaces": getting credentials: exec: executable kubelogin not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
          source: 'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go',
        },
        {
          text: 'Error: Get "https://34.1.2.3/api/v1/namespaces/default/secrets/app": getting credentials: exec: executable gke-gcloud-auth-plugin not found',
          source:
            'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go (GKE plugin missing)',
        },
        {
          text: '"https://s189t01-tsc-test-56a40a16.hcp.uksouth.azmk8s.io:443/api/v1/namespaces/bat-qa/configmaps/ittms-1281-f15b183e44525b5c1fa1d13e928736fab58ca4ca": getting credentials: exec: executable kubelogin failed with exit code 1',
          source:
            'corpus dev/pg-dfe-kubelogin-67 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
      ],
    },
    {
      id: 'auth-plugin',
      pattern:
        /auth plugin (?:has been removed|is not supported)|gke-gcloud-auth-plugin|[Nn]o Auth Provider found for name|aws-iam-authenticator/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: auth error: failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead',
          source:
            'upstream kube-rs/kube:kube-client/src/client/auth/mod.rs (legacy azure auth-provider in a kubeconfig); corpus holdout4/h4-kgv-4-1',
        },
        {
          text: 'Error: Kubernetes cluster unreachable: no Auth Provider found for name "gcp"',
          source: 'issue mstrzele/helm-edit#15',
        },
        {
          text: 'error: The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
          source: 'upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/gcp/gcp_stub.go',
        },
        {
          text: 'Error: Kubernetes cluster unreachable: no Auth Provider found for name "oidc"',
          source: 'upstream kubernetes/client-go@v0.33.0:rest/plugin.go',
        },
        {
          // client-go before v0.19 capitalised the message.
          text: '2017/06/10 02:12:01 [ERROR] root: eval: *terraform.EvalConfigProvider, err: Failed to configure: No Auth Provider found for name "gcp"',
          source:
            'upstream kubernetes/client-go@v2.0.0:rest/plugin.go; corpus holdout5/h5-tf-15244-1 (hashicorp/terraform#15244)',
        },
        {
          text: 'apply -k ../kustomize/ null_resource.apply_deployment (local-exec): error: The gcp auth plugin has been removed. null_resource.apply_deployment (local-exec): Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead. null_resource.apply_deployment (local-exec): See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke',
          source:
            'corpus holdout/ho-microsvcdemo-1511-1 (github:GoogleCloudPlatform/microservices-demo#1511)',
        },
      ],
    },
    {
      // The legacy `azure` auth-provider in a kubeconfig (client-go ≤ v0.25) and kubelogin both
      // fetch the cluster's AAD token through go-autorest's device-code flow; in a pipeline nobody
      // completes the prompt, so the code expires and the Kubernetes client has no token.
      id: 'azure-token-acquisition',
      pattern:
        /acquiring a token for authorization header|waiting for device code authentication to complete/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Get https://mycluster-whatever-xxxxxxx.hcp.westeurope.azmk8s.io:443/api/v1/namespaces/mynamespace/configmaps/mymap: acquiring a token for authorization header: acquiring a new fresh token: waiting for device code authentication to complete: autorest/adal/devicetoken: Error while retrieving OAuth token: Code Expired',
          source:
            'upstream kubernetes/client-go@v0.20.0:plugin/pkg/client/auth/azure/azure.go; corpus holdout5/h5-tfk8s-606-1 (hashicorp/terraform-provider-kubernetes#606)',
        },
        {
          text: 'Error: failed to get token: waiting for device code authentication to complete: autorest/adal/devicetoken: Error while retrieving OAuth token: Code Expired',
          source:
            'upstream Azure/kubelogin:pkg/token/devicecode.go (device-code login mode); corpus holdout5/h5-pulumiaznative-2399-1 (pulumi/pulumi-azure-native#2399)',
        },
      ],
    },
    // client-go reports a 401 as the bare word; other providers say more.
    {
      id: 'bare-unauthorized',
      pattern: /\bError: Unauthorized(?: |$)(?!to )/,
      tier: 'generic',
      examples: [
        {
          text: 'Error: Unauthorized',
          source:
            'upstream kubernetes/apimachinery@v0.33.0:pkg/api/errors/errors.go (a 401 Status whose message is "Unauthorized", printed as the diagnostic summary)',
        },
      ],
    },
    {
      id: 'provider-stderr',
      pattern: /hashicorp\/(?:kubernetes|helm):stderr=/,
      tier: 'likely',
      examples: [
        {
          text: '2025-01-03T15:20:05.796Z [WARN] unexpected data: registry.terraform.io/hashicorp/kubernetes:stderr="Error: tenantID cannot be empty"',
          source:
            'corpus dev/pg-dfe-kubelogin-warn-68 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
      ],
    },
    {
      id: 'unreachable-auth',
      // Literal + block context (linear): helm's wrapper with an auth word anywhere in its block.
      pattern: /\b(?:credentials|Unauthorized|exec|token)\b/,
      requires: /Kubernetes cluster unreachable:/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Kubernetes cluster unreachable: Unauthorized',
          source:
            'invented: helm wraps the client-go 401 (StatusReasonUnauthorized, message "Unauthorized") as "Kubernetes cluster unreachable: %w"',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Kubernetes cluster unreachable: Get "https://10.20.0.4:443/version": dial tcp 10.20.0.4:443: i/o timeout',
          source:
            'invented: helm "Kubernetes cluster unreachable: %w" wrapping a network timeout (the API server is private)',
        },
      ],
    },
    {
      id: 'resource-unauthorized',
      pattern:
        /[\w-]: Unauthorized(?: |$)|\bUnauthorized with kubernetes_|Error: Unauthorized with (?:kubernetes|helm)_/,
      requires: /\b(?:kubernetes|helm)_\w/,
      tier: 'strong',
      examples: [
        {
          text: '│ Error: Unauthorized\n│ \n│   with kubernetes_service_account_v1.ebs_csi_driver_service_account,\n│   on ebs_csi_driver.tf line 25, in resource "kubernetes_service_account_v1" "ebs_csi_driver_service_account":',
          source: 'issue glifio/filecoin-iac#113',
        },
        {
          text: 'plan: 1 error(s) occurred: * kubernetes_service.service: 1 error(s) occurred: * kubernetes_service.service: Unauthorized',
          source: 'corpus dev/gh-tfk8s-716-1 (github:hashicorp/terraform-provider-kubernetes#716)',
        },
        {
          text: 'Error: Unauthorized with kubernetes_some_resource.my_resource on line xx, in resource “kubernetes_some_resource” “my_resource”:',
          source:
            'corpus dev/pg-eks-tfc-unauth-36 (https://fixit-xdu.medium.com/debug-eks-unauthenticated-error-2d21dcc8f54)',
        },
      ],
    },
    {
      id: 'k8s-context-unauthorized',
      pattern:
        // client-go's discovery (`failed to discover server resources for group version v1`) is
        // Kubernetes context too, as Argo CD and Flux print it.
        /^(?=.{0,2000}(?:kubernetes|helm|kubectl|\bk8s|kube|\.eks\.|azmk8s|gke|server resources for group version))(?:.{0,2000}?)\bUnauthorized\b/,
      tier: 'generic',
      // The Kubernetes context says which Unauthorized this is.
      beats: ['k8s.unauthorized/bare-unauthorized'],
      examples: [
        {
          text: 'Failed to load live state: failed to get managed objects: unexpected error getting managed object: failed to get api resource: failed to discover server resources for group version v1: Unauthorized',
          source: 'corpus holdout7/h7-argocd-24876-1 (argoproj/argo-cd#24876)',
        },
        {
          text: 'Error: Unauthorized on main.tf line 1, in resource "k8s_manifest" "this": 1: resource "k8s_manifest" "this" {',
          source: 'corpus holdout/ho-banzaik8s-55-1 (github:banzaicloud/terraform-provider-k8s#55)',
        },
        {
          text: '2022-03-15T17:48:21.908-0400 [DEBUG] provider.terraform-provider-kubectl_v1.13.1.exe: 2022/03/15 17:48:21 [ERROR] creating manifest failed: nodejs-starter-deployment failed to create kubernetes rest client for update of resource: Unauthorized 2022-03-15T17:48:21.936-0400',
          source:
            'corpus holdout2/h2-kubectlprov159-1 (github:gavinbunney/terraform-provider-kubectl#159)',
        },
      ],
    },
    {
      id: 'forbidden-system-anon',
      pattern: /User "system:anonymous" cannot/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: forbidden: User "system:anonymous" cannot get path "/version"',
          source:
            'invented: the API server Status message for an anonymous client (`forbidden: User "system:anonymous" cannot get path "/"`, quoted verbatim in public curl and scan outputs) as a Terraform summary',
        },
      ],
    },
    {
      id: 'wrapped-unauthorized',
      // client-go's bare 401 ("Unauthorized") under a provider's own summary: kubernetes_manifest
      // (manifest/provider/read.go, validate.go) and helm v2's "error installing: %s".
      pattern:
        /Failed to determine GroupVersionResource for manifest Unauthorized|\berror installing: Unauthorized\b/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: error installing: Unauthorized',
          source: 'issue hashicorp/terraform-provider-helm#366',
        },
        {
          text: '╷\n│ Error: Failed to determine GroupVersionResource for manifest\n│ \n│ Unauthorized\n╵',
          source: 'issue glifio/filecoin-iac#113',
        },
      ],
    },
    {
      id: 'helm-storage-unauthorized',
      // helm pkg/storage/driver (secrets.go, cfgmaps.go): `query: failed to query with labels: %w`
      // around client-go's bare 401 (StatusReasonUnauthorized, message "Unauthorized").
      pattern: /failed to query with labels: Unauthorized\b/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: query: failed to query with labels: Unauthorized',
          source: 'corpus holdout4/h4-helm-508-1 (hashicorp/terraform-provider-helm#508)',
        },
        {
          text: 'Error: UPGRADE FAILED: query: failed to query with labels: Unauthorized',
          source:
            'upstream helm/helm@v3.14.0:pkg/storage/driver/secrets.go (Query) with the apimachinery 401 Status message',
        },
      ],
    },
    {
      id: 'kubeconfig-missing',
      // helm: the kubeconfig the provider was pointed at does not exist (yet).
      pattern: /Kubernetes cluster unreachable: stat [^\s]{1,300}: no such file or directory/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Kubernetes cluster unreachable: stat /tmp/core-shs-aks-euw1_kubeconfig: no such file or directory',
          source: 'issue helm/community#398',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'token-expired',
      title: 'A short-lived token expired (EKS tokens from aws_eks_cluster_auth last 15 minutes)',
      explanation:
        'A token computed once at plan time is stale by the time a long apply reaches the cluster; an exec block refreshes it per call.',
      prior: 0.35,
      boosts: [{ when: 'cluster.eks', by: 0.2, evidence: 'This is an EKS cluster.' }],
    },
    {
      id: 'identity-not-mapped',
      title:
        'The identity is not mapped to a Kubernetes user (aws-auth / access entries, Azure RBAC)',
      explanation:
        "A new CI role or agent identity must be added to the cluster's access entries (EKS) or role bindings.",
      prior: 0.3,
    },
    {
      id: 'exec-plugin',
      title: 'The exec plugin failed or is missing (aws, kubelogin, gke-gcloud-auth-plugin)',
      explanation:
        'The plugin must be installed where Terraform runs and have its own credentials (e.g. kubelogin needs a tenant id).',
      prior: 0.2,
      boosts: [{ when: 'block.exec_plugin', by: 0.5, evidence: '⟨block⟩ failed.' }],
    },
    {
      id: 'wrong-context',
      title: 'The provider uses another kubeconfig context or cluster than intended',
      explanation:
        'config_path/config_context, KUBECONFIG and provider attributes decide which cluster and user are used.',
      prior: 0.15,
    },
  ],
  steps: [
    {
      id: 'whoami',
      title: 'Check who the cluster thinks you are',
      commands: ['kubectl auth whoami', 'kubectl config current-context'],
    },
    {
      id: 'exec',
      when: 'cluster.not_aks_gke',
      title: 'Prefer an exec block so tokens are fresh for every call',
      detail:
        'For EKS, inside the provider block:\n```\nexec {\n  api_version = "client.authentication.k8s.io/v1beta1"\n  command     = "aws"\n  args        = ["eks", "get-token", "--cluster-name", var.cluster_name]\n}\n```',
      commands: [`grep -n -A8 'provider "kubernetes"' *.tf`],
    },
    {
      id: 'plugin',
      title: 'Run the plugin by hand where Terraform runs',
      commands: [
        'aws eks get-token --cluster-name ⟨cluster⟩ --output json | cut -c1-60',
        'kubelogin --version',
      ],
      when: 'block.exec_plugin',
    },
    {
      id: 'access-entry',
      title: 'EKS: map the identity to the cluster',
      commands: [
        'aws eks list-access-entries --cluster-name ⟨cluster⟩',
        'aws eks create-access-entry --cluster-name ⟨cluster⟩ --principal-arn ⟨iam_principal⟩',
      ],
      when: 'cluster.not_aks_gke',
    },
    {
      id: 'aks-kubelogin',
      title: 'AKS: let kubelogin take its token from the Azure CLI, then check who you are',
      detail:
        'AKS clusters with Entra ID need kubelogin where Terraform runs; `convert-kubeconfig -l azurecli` makes it reuse `az login` (use `-l spn` or `-l workloadidentity` in CI).',
      commands: [
        'az account show --query "{user:user.name, tenant:tenantId}"',
        'kubelogin convert-kubeconfig -l azurecli',
        'kubectl auth whoami',
      ],
      when: 'cluster.aks',
    },
    {
      id: 'aks-role',
      title:
        'AKS: check the identity has a cluster role (Azure RBAC for Kubernetes or a role binding)',
      commands: [
        'az role assignment list --assignee "$(az ad signed-in-user show --query id -o tsv)" --all --query "[?contains(roleDefinitionName, \'Kubernetes\')].{role:roleDefinitionName, scope:scope}" -o table',
      ],
      when: 'cluster.aks',
    },
    {
      id: 'gke-plugin',
      title: 'GKE: install gke-gcloud-auth-plugin and refresh the cluster credentials',
      commands: [
        'gke-gcloud-auth-plugin --version',
        'gcloud container clusters get-credentials ⟨cluster⟩ --location ⟨cluster_location⟩',
        'kubectl auth whoami',
      ],
      when: 'cluster.gke',
    },
  ],
  docs: [
    {
      title: 'kubernetes provider: authentication',
      url: 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs#authentication',
    },
    {
      title: 'Kubernetes: client-go credential plugins',
      url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins',
    },
    {
      title: 'Amazon EKS: grant IAM users and roles access with access entries',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html',
    },
  ],
};
