import type { Example, CatalogEntry } from '../schema';

/** client-go’s loader: the kubeconfig file it was pointed at does not exist. */
const KUBECONFIG_NOT_FOUND = /\bConfig not found: /;

/** The kubeconfig asks for one current version, the plugin answers another current one. */
const EXEC_MISMATCH =
  /configured to use API version client\.authentication\.k8s\.io\/v1\w{0,8}, plugin returned version client\.authentication\.k8s\.io\/v1(?!alpha)\w{0,8}/;
const EXEC_MISMATCH_PASTE =
  '  Error: Kubernetes cluster unreachable: Get "https:///version": getting credentials: exec plugin is\n  configured to use API version client.authentication.k8s.io/v1, plugin returned version\n  client.authentication.k8s.io/v1beta1';
const EXEC_MISMATCH_EXAMPLE: Example = {
  text: EXEC_MISMATCH_PASTE,
  source: 'corpus holdout12/h12-multi-k8s-7 (traviswt/gke-auth-plugin#5)',
};
const EXEC_V1_REFUSED_PASTE =
  'kubernetes_namespace.test: Creating...\n\nError: Failed to configure client: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1"\n\n  with kubernetes_namespace.test,\n  on main.tf line 15, in resource "kubernetes_namespace" "test":\n  15: resource "kubernetes_namespace" "test" {';
const EXEC_V1_REFUSED_EXAMPLE: Example = {
  text: EXEC_V1_REFUSED_PASTE,
  source: 'corpus holdout12/h12-multi-k8s-3 (hashicorp/terraform-provider-kubernetes#1524)',
};

/** A streaming call refused by the kubelet (corpus holdout13). */
const KUBELET_REFUSED_PASTES: Example[] = [
  {
    text: 'Error: forwarding ports: error upgrading connection: unable to upgrade connection: Unauthorized',
    source: 'corpus holdout13/h13-multi-helm2-k8s-1 (helm/helm#4458)',
  },
  {
    text: 'deva@box1-southeastasia-mac:~$ sudo microk8s kubectl exec -it datasubject-64-hgr8g -n admin -- sh\nerror: unable to upgrade connection: Unauthorized',
    source: 'corpus holdout13/h13-multi-microk8s-k8s-1 (canonical/microk8s#2500), shortened',
  },
];
/** A web login page where the API server should be (corpus holdout13). */
const LOGIN_PAGE_PASTES: Example[] = [
  {
    text: "Error: Kubernetes cluster unreachable: <html><head><meta http-equiv='refresh' content='1;url=/login?from=%2Fversion%3Ftimeout%3D32s'/><script>window.location.replace('/login?from=%2Fversion%3Ftimeout%3D32s');</script></head><body style='background-color:white; color:white;'>\n\nAuthentication required\n\n</body></html>",
    source: 'corpus holdout13/h13-multi-kubesphere-k8s-1 (kubesphere/website#1323)',
  },
];

/**
 * client-go found no kubeconfig and no host (tools/clientcmd: `invalid configuration: no
 * configuration has been provided`): nothing was sent to any cluster.
 */
const NO_CLIENT_CONFIG =
  /no configuration has been provided|cannot create REST client: no client config/;
const NO_CLIENT_CONFIG_EXAMPLE: Example = {
  text: 'Kubernetes cluster unreachable: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable',
  source: 'corpus holdout14/h14-tfw-helm-nokubeconfig-1 (hashicorp/terraform-provider-helm#789)',
};
/**
 * The kubernetes provider's manifest half (kubernetes_manifest) had no client configuration
 * when it needed the cluster: at plan, it reads the resource's schema from the cluster, so a
 * provider block fed from a cluster created in the same run has nothing yet
 * (terraform-provider-kubernetes manifest/provider/clients.go: `cannot create REST client:
 * no client config`).
 */
const MANIFEST_NO_CLIENT_CONFIG = /cannot create REST client: no client config/;
const MANIFEST_NO_CLIENT_CONFIG_EXAMPLE: Example = {
  text: '│ Error: Failed to construct REST client\n│ \n│   with kubernetes_manifest.Cdk8sApply_Cdk8sApply-metalsiderodev--v1alpha1-ServerClass-proxmox-vm-default_0C20A47B (Cdk8sApply/Cdk8sApply-metal.sidero.dev--v1alpha1-ServerClass-proxmox-vm-default),\n│   on cdk.tf.json line 121, in resource.kubernetes_manifest.Cdk8sApply_Cdk8sApply-metalsiderodev--v1alpha1-ServerClass-proxmox-vm-default_0C20A47B (Cdk8sApply/Cdk8sApply-metal.sidero.dev--v1alpha1-ServerClass-proxmox-vm-default):\n│  121:       }\n│ \n│ cannot create REST client: no client config',
  source: 'corpus holdout16/h16-tfw-cdktf-cdk8s-no-client-config-1 (cdktf/cdktf-cdk8s#130)',
};

/** A client older than ExecCredential v1beta1 (client-go before 1.11) refused the kubeconfig. */
const EXEC_V1BETA1_REFUSED =
  /exec plugin: invalid apiVersion \\{0,3}"client\.authentication\.k8s\.io\/v1beta1\\{0,3}"/;
const EXEC_V1BETA1_REFUSED_EXAMPLE: Example = {
  text: 'setting cluster to kubernetes\nsetting context to oidc@kubernetes\n✘ exec plugin: invalid apiVersion "client.authentication.k8s.io/v1beta1"',
  source: 'corpus holdout15/h15-multi-qbec-execv1beta1-1 (splunk/qbec#83)',
};
/** …and in a logrus line, its quotes escaped (an old ksonnet's client-go). */
const EXEC_V1BETA1_ESCAPED_EXAMPLE: Example = {
  text: 'level=error msg="exec plugin: invalid apiVersion \\"client.authentication.k8s.io/v1beta1\\""',
  source: 'corpus holdout17/h17-multi-ksonnet-v1beta1-1 (ksonnet/ksonnet#912)',
};

/**
 * The kubeconfig's legacy `gcp` auth-provider ran its `cmd-path` (client-go's gcp plugin:
 * `error executing access token command "<cmd-path> config config-helper …"`) and could not.
 */
const GCP_CMD_PATH = /error executing access token command "[^"]{1,300}": err=/;
const GCP_CMD_PATH_EXAMPLE: Example = {
  text: '020/09/21 19:40:29 http: proxy error: error executing access token command "/usr/lib/google-cloud-sdk/bin/gcloud config config-helper --format=json": err=exec: "/usr/lib/google-cloud-sdk/bin/gcloud": file does not exist output= stderr=',
  source: 'corpus holdout14/h14-multi-lens-gcp-authprovider-cmd-1 (lensapp/lens#944)',
};

export const k8sUnauthorized: CatalogEntry = {
  id: 'k8s.unauthorized',
  platform: 'k8s',
  title: 'The Kubernetes API refused the credentials, or RBAC refused the identity',
  summary:
    'The kubernetes/helm provider (or kubectl) reached the cluster, but its credentials were missing, expired or unknown to the cluster, the exec plugin that mints them failed or is not installed — or the cluster accepted them and RBAC does not allow the action.',
  variants: [
    {
      // The credential plugin could not even start: the request never reached the cluster.
      when: 'k8s.plugin_missing',
      title:
        'The Kubernetes client could not run its credential plugin: nothing reached the cluster',
      summary:
        'The kubeconfig (or the provider’s `exec` block, or a legacy auth-provider’s `cmd-path`) names a program to get a token, and it is not installed or not on the PATH of the process that ran: no credential was sent, so none was refused.',
      example: {
        text: 'Unable to connect to the server: getting credentials: exec: executable kubelogin not found\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
        source: 'corpus holdout4/h4-kubelogin-161-1 (Azure/kubelogin#161)',
      },
    },
    {
      when: MANIFEST_NO_CLIENT_CONFIG,
      title: 'kubernetes_manifest had no cluster configuration when it needed the cluster',
      summary:
        'kubernetes_manifest reads each resource’s schema from the cluster already at plan, so the kubernetes provider must have a usable configuration then. A provider block fed from a cluster this same run creates (its endpoint, CA or token still unknown) has none: nothing reached a cluster and no credential was refused. Create the cluster first (a separate apply or `-target`), or give the provider a kubeconfig that exists now.',
      example: MANIFEST_NO_CLIENT_CONFIG_EXAMPLE,
    },
    {
      when: NO_CLIENT_CONFIG,
      title: 'The Kubernetes client was given no cluster to talk to: no kubeconfig and no host',
      summary:
        'The helm or kubernetes provider (or kubectl) found neither a kubeconfig nor a `host`, so nothing reached a cluster and no credential was refused. The providers read `config_path` / KUBE_CONFIG_PATH (not KUBECONFIG) or `host` with credentials in their block; kubectl reads KUBECONFIG or ~/.kube/config.',
      example: NO_CLIENT_CONFIG_EXAMPLE,
    },
    {
      // The client refused the exec configuration before any request reached the cluster.
      when: /exec plugin: invalid apiVersion|plugin returned version|interactiveMode must be specified/,
      title: 'The client refused the exec plugin’s configuration before asking the cluster',
      summary:
        'kubectl, helm or the kubernetes/helm provider runs an exec plugin (aws eks get-token, kubelogin, gke-gcloud-auth-plugin) for its credentials, and refused that plugin’s configuration or answer: an API version it does not speak, or a setting it needs. No credentials reached the cluster; the fix is in the kubeconfig, the provider’s `exec` block or a client or plugin version.',
      example: EXEC_V1_REFUSED_EXAMPLE,
    },
  ],
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
      id: 'manifest-no-client-config',
      pattern: MANIFEST_NO_CLIENT_CONFIG,
      tier: 'strong',
      examples: [
        MANIFEST_NO_CLIENT_CONFIG_EXAMPLE,
        {
          text: 'Error: Failed to construct REST client\n\ncannot create REST client: no client config',
          source:
            'upstream hashicorp/terraform-provider-kubernetes manifest/provider/clients.go (getRestClient), framed as Terraform prints it',
        },
      ],
    },
    {
      id: 'invalid-configuration',
      // client-go's ErrEmptyConfig under any wrapper: the helm provider's `Kubernetes cluster
      // unreachable`, the old kubernetes provider's `Failed to initialize config`.
      pattern:
        /Kubernetes cluster unreachable: invalid configuration|invalid configuration: no configuration has been provided/,
      tier: 'likely',
      examples: [
        {
          text: '$ terraform apply --auto-approve\n\nmodule.gke_zero.module.cluster.data.external.gcloud_account: Refreshing state...\nmodule.gke_zero.module.cluster.data.google_client_config.default: Refreshing state...\nmodule.gke_zero.module.cluster.module.cluster_services.data.kustomization.current: Refreshing state...\n\nError: Failed to initialize config: invalid configuration: no configuration has been provided\n\n  on .terraform/modules/gke_zero/google/_modules/gke/provider.tf line 4, in provider "kubernetes":\n   4: provider "kubernetes" {',
          source: 'corpus holdout17/h17-tfw-kubestack-noconfig-1 (kbst/terraform-kubestack#88)',
        },
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
      // client-go's gcp auth-provider (≤ v0.25) runs its cmd-path (gcloud config config-helper)
      // for a token: `error executing access token command %q: err=%v output=%s`.
      id: 'gcp-token-command',
      pattern: /error executing access token command /,
      tier: 'strong',
      examples: [
        {
          text: 'Unable to connect to the server: error executing access token command "/usr/bin/gcloud config config-helper --format=json": err=fork/exec /usr/bin/gcloud: no such file or directory output= stderr=',
          source:
            'upstream kubernetes/client-go@v0.25.0:plugin/pkg/client/auth/gcp/gcp.go (rendered with plausible values)',
        },
        {
          text: '    Error: Get https://<REDACTED>/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dhelm%2Cname%3Dtiller: error executing access token command "/google-cloud-sdk/bin/gcloud ": exit status 2',
          source: 'corpus holdout12/h12-multi-k8s-15 (helm/helm#2249)',
        },
      ],
    },
    {
      id: 'auth-plugin',
      pattern:
        // A plugin named in a failure, not merely as an argument of a script that failed
        // (corpus holdout12/h12-multi-none-gcloudmod-1: `check_components.sh gcloud gke-gcloud-auth-plugin': exit status 127`).
        /auth plugin (?:has been removed|is not supported)|[Nn]o Auth Provider found for name|(?:gke-gcloud-auth-plugin|aws-iam-authenticator)\b[^.]{0,80}?(?:not found|is not executable|command not found)/,
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
        {
          text: 'Fetching cluster endpoint and auth data.\nCRITICAL: ACTION REQUIRED: gke-gcloud-auth-plugin, which is needed for continued use of kubectl, was not found or is not executable. Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke',
          source: 'corpus holdout4/h4-learngke-23-1',
        },
      ],
      counterexamples: [
        {
          text: "Error: local-exec provisioner error\nError running command '.terraform/modules/gcloud/scripts/check_components.sh gcloud gke-gcloud-auth-plugin': exit status 127. Output: ",
          source:
            'corpus holdout12/h12-multi-none-gcloudmod-1 (terraform-google-modules/terraform-google-gcloud#177), shortened',
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
    // helm's (and the helm provider's) reachability check got a web sign-in page back.
    {
      id: 'login-page',
      // Two plain patterns, not one with a 600-character lazy gap (recheck cannot prove that one
      // linear in time).
      pattern: /Kubernetes cluster unreachable: <html/i,
      requires: /\/login\b|Authentication required/i,
      tier: 'strong',
      examples: LOGIN_PAGE_PASTES,
    },
    // client-go's SPDY upgrade (exec, attach, port-forward) relays the API server's or the
    // kubelet's refusal as `unable to upgrade connection: <status message>`.
    {
      id: 'upgrade-unauthorized',
      pattern: /unable to upgrade connection: Unauthorized/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: forwarding ports: error upgrading connection: unable to upgrade connection: Unauthorized',
          source: 'corpus holdout13/h13-multi-helm2-k8s-1 (helm/helm#4458)',
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
    {
      // client-go's loader warns `Config not found: <file>` (tools/clientcmd/loader.go) when the
      // kubeconfig named by KUBECONFIG is missing; helm then has no cluster credentials at all.
      id: 'kubeconfig-not-found',
      pattern: KUBECONFIG_NOT_FOUND,
      requires: /Kubernetes cluster unreachable/,
      tier: 'likely',
      examples: [
        {
          text: 'Executing helm\nW1021 10:02:01.532600      10 loader.go:223] Config not found: /home/runner/work/_temp/kubeconfig_************\nError: Kubernetes cluster unreachable',
          source: 'corpus holdout11/h11-multi-gha-helm3-41-1 (WyriHaximus/github-action-helm3#41)',
        },
      ],
    },
    {
      // eksctl and other clients that list API resources before they act: client-go's bare 401.
      id: 'rest-client-unauthorized',
      pattern: /(?:list of API resources|raw REST client)[^\n]{0,60}: Unauthorized\b/,
      tier: 'strong',
      examples: [
        {
          text: '2023-10-03 13:41:44 [!]  no eksctl-managed CloudFormation stacks found for "gds-cluster", will attempt to create nodegroup(s) on non eksctl-managed cluster\nError: getting list of API resources for raw REST client: Unauthorized',
          source: 'corpus holdout11/h11-aws-eksctl-7136-1 (eksctl-io/eksctl#7136)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'cluster-not-there-at-plan',
      title:
        'The provider is configured from a cluster this run creates: at plan kubernetes_manifest has no configuration yet',
      explanation:
        'kubernetes_manifest needs the cluster at plan to read the resource’s schema. When the provider block takes its host, CA or token from a cluster resource or data source of the same configuration that does not exist yet, those values are unknown at plan and the provider has no client configuration.',
      prior: 0,
      boosts: [
        {
          when: MANIFEST_NO_CLIENT_CONFIG,
          by: 1,
          evidence: 'kubernetes_manifest found no client configuration.',
        },
      ],
      examples: [MANIFEST_NO_CLIENT_CONFIG_EXAMPLE],
    },
    {
      id: 'no-kubeconfig',
      title: 'There is no kubeconfig where the client looked: no cluster credentials at all',
      explanation:
        'client-go could not find the kubeconfig file it was pointed at (KUBECONFIG, or the path the tool wrote): the step that should write it did not run, or wrote it empty (an empty secret in CI), so the client had no server and no credentials.',
      prior: 0,
      boosts: [
        {
          when: KUBECONFIG_NOT_FOUND,
          by: 1,
          evidence: 'The client says the kubeconfig file was not found.',
        },
      ],
      examples: [
        {
          text: 'Setting up kubectl configuration\nPreparing helm execution\nExecuting helm\nW1021 10:02:01.532600      10 loader.go:223] Config not found: /home/runner/work/_temp/kubeconfig_************\nError: Kubernetes cluster unreachable',
          source: 'corpus holdout11/h11-multi-gha-helm3-41-1 (WyriHaximus/github-action-helm3#41)',
        },
      ],
    },
    {
      id: 'rbac-denied',
      title: 'The identity is authenticated, but RBAC does not allow the action',
      explanation:
        '`forbidden: User "…"` comes after authentication: the credentials work. That user needs a Role or ClusterRole binding that grants the verb on the resource (on EKS it may come from an access policy on its access entry, or a group in aws-auth).',
      prior: 0,
      boosts: [
        {
          when: 'k8s.rbac_denied',
          by: 0.8,
          evidence:
            'The cluster authenticated ⟨k8s_user⟩, then RBAC refused it⟦: ⟨k8s_verb⟩⟧⟦ on ⟨k8s_resource⟩⟧⟦ in namespace ⟨k8s_namespace⟩⟧.',
        },
        {
          when: 'k8s.service_account',
          by: 0,
          evidence:
            '⟨k8s_user⟩ is a pod’s service account: in a pod, a kubernetes provider with no host, config_path or exec block uses it (in-cluster config).',
        },
      ],
      examples: [
        {
          text: 'prometheusrules.monitoring.coreos.com "pod-alerts" is forbidden: User\n│ "system:serviceaccount:ci:infrastructure-runner" cannot get resource\n│ "prometheusrules" in API group "monitoring.coreos.com" in the namespace\n│ "prometheus-system"',
          source: 'corpus holdout3/h3-statcanaaw2048-1 (StatCan/aaw#2048)',
        },
        {
          text: 'Error: nodes is forbidden: User "arn:aws:sts::123456789012:assumed-role/ci-deploy/1700000000" cannot list resource "nodes" in API group "" at the cluster scope',
          source:
            'invented: the RBAC authorizer reason (upstream kubernetes/apiserver@v0.33.0:pkg/endpoints/handlers/responsewriters/errors.go) for an IAM session EKS mapped to a user without a binding',
        },
      ],
    },
    {
      id: 'anonymous',
      title: 'No credentials reached the cluster: the request ran as system:anonymous',
      explanation:
        'The client had the API server address but no token, client certificate or exec block — often because the cluster’s credentials were not known yet when the provider was configured (cluster and Kubernetes resources in one apply), or were empty.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.anonymous',
          by: 0.8,
          evidence: 'The API server saw system:anonymous, so no credentials were sent.',
        },
      ],
      examples: [
        {
          text: '│ Error: configmaps "aws-auth" is forbidden: User "system:anonymous" cannot get resource "configmaps" in API group "" in the namespace "kube-system"\n│ \n│   with module.eks_cluster.kubernetes_config_map.aws_auth_ignore_changes[0],\n│   on .terraform/modules/eks_cluster/auth.tf line 115, in resource "kubernetes_config_map" "aws_auth_ignore_changes":',
          source: 'corpus holdout4/h4-cpeks-193-1 (cloudposse/terraform-aws-eks-cluster#193)',
        },
      ],
    },
    {
      id: 'plugin-missing',
      title:
        'The credential plugin ⟨k8s_plugin⟩ is not installed where this runs (or not on its PATH)',
      explanation:
        'The kubeconfig (or the provider’s `exec` block) runs ⟨k8s_plugin⟩ to get a token; it must be installed on the machine, container or CI agent that runs Terraform or kubectl, and be on that process’s PATH.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.plugin_missing',
          by: 1,
          evidence: 'client-go could not find the executable ⟨k8s_plugin⟩.',
        },
      ],
      examples: [
        {
          text: 'Unable to connect to the server: getting credentials: exec: executable kubelogin not found\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
          source: 'corpus holdout4/h4-kubelogin-161-1 (Azure/kubelogin#161)',
        },
        {
          text: 'Error: Get "https://blahblahblah.eks.amazonaws.com/api/v1/namespaces/kube-system/configmaps/aws-auth": getting credentials: exec: executable aws not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
          source: 'corpus holdout4/h4-k8sweb-27193-1 (kubernetes/website#27193)',
        },
      ],
    },
    {
      id: 'auth-provider-removed',
      title:
        'The kubeconfig uses the `⟨k8s_auth_provider⟩` auth-provider, which this client no longer has',
      explanation:
        'client-go removed its built-in azure and gcp auth-providers in Kubernetes 1.26 (kube-rs never had azure): the kubeconfig must run kubelogin or gke-gcloud-auth-plugin as an exec plugin instead.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.auth_provider',
          by: 0.9,
          evidence: 'The client says the ⟨k8s_auth_provider⟩ auth-provider is removed or unknown.',
        },
      ],
      examples: [
        {
          text: 'Error: auth error: failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead\n\nCaused by:\n    failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead',
          source: 'corpus holdout4/h4-kgv-4-1 (night-crawler/kgv#4)',
        },
        {
          text: '│ Error running command \'kubectl apply -k ../kustomize/\': exit status 1. Output: + kubectl apply -k ../kustomize/\n│ error: The gcp auth plugin has been removed.\n│ Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.',
          source: 'corpus holdout4/h4-msdemo-1445-1 (GoogleCloudPlatform/microservices-demo#1445)',
        },
      ],
    },
    {
      id: 'exec-plugin-too-old',
      title:
        'The exec plugin itself is too old: an old AWS CLI or aws-iam-authenticator still answers with client.authentication.k8s.io/v1alpha1',
      explanation:
        '`plugin returned version …/v1alpha1` means the kubeconfig already asks for v1beta1 and the binary it runs (the AWS CLI `aws eks get-token`, or aws-iam-authenticator) is too old to speak it; a kubeconfig that `aws eks update-kubeconfig` has just written with v1alpha1 shows the same: that CLI is too old. Editing the kubeconfig does not help while the plugin stays old; upgrade it (AWS CLI v2, or v1 ≥ 1.24.0) and, when the kubeconfig was written by it, run `aws eks update-kubeconfig` again.',
      prior: 0,
      boosts: [
        {
          when: /plugin returned version "?client\.authentication\.k8s\.io\/v1alpha1|update-kubeconfig[\s\S]{0,4000}invalid apiVersion "?client\.authentication\.k8s\.io\/v1alpha1/,
          by: 0.95,
          evidence:
            'The plugin answered with v1alpha1, or a kubeconfig just written by `aws eks update-kubeconfig` names it.',
        },
      ],
      examples: [
        {
          text: 'Unable to connect to the server: getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1beta1, plugin returned version client.authentication.k8s.io/v1alpha1',
          source: 'corpus holdout10/h10-consensys-11-1 (Consensys/kubernetes-action#11)',
        },
        {
          text: '>: ~/repos/scylla-cluster-tests$ aws eks --region eu-north-1 update-kubeconfig --name operator-many-clients-ls-268d8379\nAdded new context arn:aws:eks:eu-north-1:*:cluster/operator-many-clients-ls-268d8379 to /home/ls/.kube/config\n>:~/repos/scylla-cluster-tests$ kubectl get pods\nerror: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
          source: 'corpus holdout10/h10-scylla-5607-1 (scylladb/scylla-cluster-tests#5607)',
        },
      ],
    },
    {
      id: 'exec-api-version',
      title: 'The exec plugin speaks a removed API version (client.authentication.k8s.io/v1alpha1)',
      explanation:
        'kubectl 1.24+, helm 3.9+ and current providers only accept v1beta1/v1 ExecCredentials; a kubeconfig or `exec` block written by an old aws CLI or aws-iam-authenticator still says v1alpha1.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.exec_v1alpha1',
          by: 0.9,
          evidence:
            'The exec plugin configuration names an API version this client does not accept.',
        },
        {
          // The configuration already says v1beta1: it is the plugin that is old.
          when: /plugin returned version/,
          by: -0.5,
          evidence:
            'The kubeconfig already asks for a current version; the plugin answered with an old one.',
        },
      ],
      examples: [
        {
          text: 'ubuntu@dev-vpn1:~$ helm ls\nError: Kubernetes cluster unreachable: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
          source: 'corpus holdout2/h2-helm11007-1 (helm/helm#11007)',
        },
        {
          text: '12:44PM INF 🐶 K9s starting up...\n12:44PM WRN Unable to dial discovery API error="exec plugin: invalid apiVersion \\"client.authentication.k8s.io/v1alpha1\\""\n12:44PM ERR Fail to locate metrics-server error="exec plugin: invalid apiVersion \\"client.authentication.k8s.io/v1alpha1\\""\n12:44PM ERR failed to connect to cluster error="exec plugin: invalid apiVersion \\"client.authentication.k8s.io/v1alpha1\\""',
          source: 'corpus holdout17/h17-multi-k9s-v1alpha1-1 (derailed/k9s#1675)',
        },
      ],
    },
    {
      id: 'exec-v1-refused',
      title:
        'This client is older than the exec block’s API version (client.authentication.k8s.io/v1)',
      explanation:
        'ExecCredential v1 needs client-go 1.22 or newer: an older kubernetes or helm provider, kubectl or helm refuses it before running the plugin. Upgrade the client, or set the exec block’s `api_version` (the kubeconfig’s `apiVersion`) to client.authentication.k8s.io/v1beta1, which current plugins still answer.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.exec_v1_refused',
          by: 0.9,
          evidence: 'The client says client.authentication.k8s.io/v1 is an invalid apiVersion.',
        },
      ],
      examples: [EXEC_V1_REFUSED_EXAMPLE],
    },
    {
      id: 'exec-v1beta1-refused',
      title:
        'This client is older than the exec entry’s API version (client.authentication.k8s.io/v1beta1)',
      explanation:
        'ExecCredential v1beta1 needs client-go 1.11 or newer: a tool that vendors an older client-go (an old qbec, kubectl or provider build) refuses the kubeconfig before running the plugin. Upgrade the tool; only a plugin that still speaks v1alpha1 can be asked for it instead.',
      prior: 0,
      boosts: [
        {
          when: EXEC_V1BETA1_REFUSED,
          by: 0.9,
          evidence:
            'The client says client.authentication.k8s.io/v1beta1 is an invalid apiVersion.',
        },
      ],
      examples: [EXEC_V1BETA1_REFUSED_EXAMPLE, EXEC_V1BETA1_ESCAPED_EXAMPLE],
    },
    {
      id: 'exec-version-mismatch',
      title: 'The kubeconfig asks the plugin for one API version and the plugin answers another',
      explanation:
        'The exec entry’s `apiVersion` (the provider block’s `api_version`) must be one the plugin speaks: a plugin that returns v1beta1 fails a configuration that asks for v1. Set the configuration to what the plugin returns, or upgrade the plugin.',
      prior: 0,
      boosts: [
        {
          when: EXEC_MISMATCH,
          by: 0.9,
          evidence: 'The client says the plugin returned another version than the one configured.',
        },
      ],
      examples: [EXEC_MISMATCH_EXAMPLE],
    },
    {
      id: 'exec-interactive-mode',
      terraform: true,
      title: 'This provider version cannot run exec plugins (it does not set interactiveMode)',
      explanation:
        'client-go requires `interactiveMode` on exec plugins; helm provider 2.4.0 did not set it (fixed in 2.4.1), nor did some kubectl providers before their fixes. A kubeconfig with `client.authentication.k8s.io/v1` exec entries needs it set too.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.exec_interactive_mode',
          by: 0.9,
          evidence: 'The client says interactiveMode must be specified to use the exec plugin.',
        },
      ],
      examples: [
        {
          text: 'Error occurs during refresh:\n> Kubernetes cluster unreachable: invalid configuration: interactiveMode must be specified for  to use exec authentication plugin',
          source: 'corpus holdout4/h4-helm-797-1 (hashicorp/terraform-provider-helm#797)',
        },
      ],
    },
    {
      id: 'kubelet-refused',
      title:
        'The node’s kubelet refused the API server’s connection (exec, logs, port-forward), not your credentials',
      explanation:
        'Commands that stream from a pod (exec, attach, port-forward, logs) go through the API server to the kubelet of the pod’s node, which checks the API server’s own client certificate (or token). `Unauthorized` there means the kubelet does not accept it — its client CA does not match the certificate the API server presents (`--kubelet-client-certificate`), or one of them was renewed or rotated — while other commands, answered by the API server itself, still work.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.kubelet_refused',
          by: 1,
          evidence:
            'The refusal came on the upgrade to a streaming connection, i.e. from the kubelet.',
        },
      ],
      examples: KUBELET_REFUSED_PASTES,
    },
    {
      id: 'login-page',
      title:
        'The cluster address answers with a web login page: the kubeconfig’s server is not the API server',
      explanation:
        'The client got an HTML page asking for a sign-in instead of the API server’s answer: the `server` of the kubeconfig’s cluster points at a web console, an SSO proxy or a load balancer’s login in front of it. Point it at the API server’s own address (or the proxy’s API endpoint), and use the credentials the cluster issues.',
      prior: 0,
      boosts: [
        {
          when: 'k8s.login_page',
          by: 1,
          evidence: 'An HTML login page answered where the API server should have.',
        },
      ],
      examples: LOGIN_PAGE_PASTES,
    },
    {
      id: 'token-expired',
      terraform: true,
      title:
        'A short-lived token expired (a token read once at plan time goes stale during a long apply)',
      explanation:
        'Tokens computed once (a `token` attribute, a cached kubeconfig token) are stale by the time a long apply reaches the cluster; an `exec` block fetches a fresh one per call.',
      prior: 0.35,
      boosts: [
        {
          when: 'cluster.eks',
          by: 0.2,
          evidence: 'EKS tokens (aws_eks_cluster_auth, aws eks get-token) last 15 minutes.',
        },
        {
          when: /\bStill (?:creating|modifying|updating|destroying|reading)\.\.\. \[(?:[1-9]\d+m|\d+h)/,
          by: 0.3,
          evidence:
            'The resource had been running for over ten minutes when the cluster refused it.',
        },
        {
          when: 'k8s.named_cause',
          by: -0.6,
          evidence: 'The paste names another reason.',
        },
        {
          // "Goes stale during a long apply" is a Terraform/helm run's story, not kubectl's.
          when: 'tool.k8s_cli_only',
          by: -1,
          evidence:
            'kubectl and helm fetch their credential per command: no long run to outlive it.',
        },
      ],
    },
    {
      id: 'argocd-cluster-credentials',
      title:
        'The credentials Argo CD keeps for this cluster are stale (the cluster was rebuilt or upgraded, its token Secret or CA changed)',
      explanation:
        'Argo CD’s application controller signs in to a managed cluster with the bearer token, certificate or IAM/exec settings stored in its cluster Secret when the cluster was added. They do not follow the cluster: a re-created or upgraded cluster, a deleted argocd-manager token Secret or a rotated CA leaves them refused until the cluster is re-added or the Secret updated.',
      prior: 0,
      boosts: [
        {
          when: 'runner.argocd',
          by: 1,
          evidence: 'Argo CD’s controller made the refused call (ComparisonError / live state).',
        },
      ],
      examples: [
        {
          text: 'ComparisonError: the server has asked for the client to provide credentials;ComparisonError: the server has asked for the client to provide credentials',
          source: 'corpus holdout16/h16-multi-argocd-comparison-creds-17 (argoproj/argo-cd#9233)',
        },
      ],
    },
    {
      id: 'credential-expired',
      title:
        'The token, certificate or cloud login behind the kubeconfig user expired or was revoked',
      explanation:
        'kubectl sends what the current context’s user gives it: an exec plugin’s token (EKS `aws eks get-token`, kubelogin, gke-gcloud-auth-plugin), which fails once the cloud session behind it (an assumed role, SSO, az or gcloud login) has ended, or a static token or client certificate that expired or was rotated.',
      prior: 0,
      boosts: [
        {
          when: 'tool.k8s_cli_only',
          by: 0.55,
          evidence: 'The client (kubectl or helm) sent a credential the API server did not accept.',
        },
        {
          when: 'k8s.named_cause',
          by: -0.6,
          evidence: 'The paste names another reason.',
        },
      ],
      examples: [
        {
          text: '(venv) ➜  ~ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)',
          source: 'corpus holdout10/h10-azion-9-1 (azionaventures/workstation-setup#9)',
        },
      ],
    },
    {
      id: 'identity-not-mapped',
      title: 'The cluster does not know (or no longer accepts) this identity',
      explanation:
        'A new CI role, agent identity or user must be given access on the cluster side; a rotated certificate or a deleted service-account token is refused too.',
      prior: 0.3,
      boosts: [
        {
          when: 'cluster.eks',
          by: 0,
          evidence:
            'On EKS the IAM role or user needs an access entry (or a mapping in aws-auth); only the cluster creator is admin by default.',
        },
        {
          when: 'cluster.aks',
          by: 0,
          evidence:
            'On AKS with Entra ID the identity needs an Azure RBAC for Kubernetes role or a role binding.',
        },
        {
          when: 'cluster.gke',
          by: 0,
          evidence:
            'On GKE the Google account behind gcloud needs IAM on the cluster (roles/container.*) and its credentials must be current.',
        },
        { when: 'k8s.named_cause', by: -0.6, evidence: 'The paste names another reason.' },
        {
          when: 'k8s.eks_aws_auth',
          by: 0.5,
          evidence:
            'The refused call manages the aws-auth ConfigMap: since the EKS module v20, access goes through access entries (authentication_mode API_AND_CONFIG_MAP by default), and an identity in neither is Unauthorized.',
        },
        {
          when: /ARN is not mapped|is not mapped to any (?:user|group)/,
          by: 0.6,
          evidence:
            'The EKS authenticator says the IAM ARN is not mapped (aws-auth or an access entry).',
        },
      ],
      examples: [
        {
          text: '│ Error: Have got the following error while validating the existence of the ConfigMap "aws-auth": Unauthorized\n│\n│   with module.aeks-aws-auth.kubernetes_config_map_v1_data.aws_auth[0],\n│   on .terraform\\modules\\aeks-aws-auth\\modules\\aws-auth\\main.tf line 31, in resource "kubernetes_config_map_v1_data" "aws_auth":\n│   31: resource "kubernetes_config_map_v1_data" "aws_auth" {',
          source:
            'corpus holdout9/h9-tfawseks-3082-1 (https://github.com/terraform-aws-modules/terraform-aws-eks/issues/3082)',
        },
        {
          text: '2023\u201311\u2013111T11:11:11.111\u201308:00 time=\u201d2023\u201311\u201311T11:11:11Z\u201d level=warning msg=\u201daccess denied\u201d arn=\u201darn:aws:iam::<aws_account_id>:role/my-tfc-agent-instance-profile-role\u201d client=\u201d127.0.0.1:37232" error=\u201dARN is not mapped\u201d method=POST path=/authenticate',
          source:
            'corpus holdout6/h6-xdu-eksauth-2-1 (https://fixit-xdu.medium.com/debug-eks-unauthenticated-error-part-ii-22f3205995ca)',
        },
      ],
    },
    {
      id: 'exec-plugin',
      title: 'The exec plugin ran but could not get a token (its own cloud credentials failed)',
      explanation:
        'aws eks get-token, kubelogin and gke-gcloud-auth-plugin use the cloud identity of the process that runs them (AWS profile or variables, az login or a service principal, gcloud’s account): a missing or expired one makes the plugin exit non-zero.',
      prior: 0.2,
      boosts: [
        { when: 'block.exec_plugin', by: 0.5, evidence: '⟨block⟩ failed.' },
        {
          when: /error executing access token command /,
          by: 0.5,
          evidence: 'The kubeconfig’s gcp auth-provider ran gcloud for a token, and gcloud failed.',
        },
        {
          when: /unknown flag: --(?:environment|server-id|login)\b/,
          by: 0,
          evidence:
            'kubelogin rejected Azure’s flags: the kubelogin on PATH may be int128/kubelogin (kubectl oidc-login), not Azure/kubelogin.',
        },
        { when: 'k8s.named_cause', by: -0.7, evidence: 'The paste names another reason.' },
      ],
    },
    {
      id: 'wrong-context',
      title: 'The client uses another kubeconfig, context or cluster than intended',
      explanation:
        'The kubernetes provider does not read KUBECONFIG: config_path (KUBE_CONFIG_PATH), config_context and its host/token attributes decide which cluster and user it uses; kubectl follows KUBECONFIG and the current context.',
      prior: 0.15,
      boosts: [
        {
          when: /invalid configuration: (?!interactiveMode)|context was not found|no configuration has been provided|Kubernetes cluster unreachable: stat /,
          by: 0.6,
          evidence: 'The client found no usable kubeconfig or context.',
        },
        { when: 'k8s.named_cause', by: -0.1, evidence: 'The paste names another reason.' },
      ],
    },
  ],
  // The first steps answer what the paste names (a missing plugin, a removed auth-provider,
  // RBAC, an anonymous request) or, when it names nothing, the platform's first check; the
  // provider block comes next; then the platform's other steps, EKS ones only for EKS.
  steps: [
    {
      id: 'gcp-cmd-path',
      title:
        'The kubeconfig’s gcp auth-provider runs a gcloud that is not there: fix its cmd-path, or move to gke-gcloud-auth-plugin',
      detail:
        'The first command shows the path the kubeconfig runs (a kubeconfig copied from another machine carries that machine’s path); `cmd-path: gcloud` uses the one on PATH. `get-credentials` with a current gcloud writes the exec entry for gke-gcloud-auth-plugin instead.',
      commands: [
        'kubectl config view --minify -o jsonpath="{.users[0].user.auth-provider.config.cmd-path}"',
        'command -v gcloud',
        'gcloud container clusters get-credentials ⟨cluster⟩ --location ⟨cluster_location⟩',
      ],
      when: GCP_CMD_PATH,
      examples: [GCP_CMD_PATH_EXAMPLE],
    },
    {
      id: 'manifest-needs-cluster',
      title:
        'Give kubernetes_manifest a cluster that exists at plan: create the cluster in its own apply first, or point the provider at an existing kubeconfig',
      detail:
        'The first command shows whether the cluster is in state yet; when it is not, apply the cluster alone (`terraform apply -target=` its resource), then plan the manifests. Resources of kubernetes_deployment and its kind do not need the cluster at plan; kubernetes_manifest does.',
      commands: [
        `terraform state list | grep -E 'eks_cluster|kubernetes_cluster|container_cluster'`,
        `grep -rn -A8 'provider "kubernetes"' --include='*.tf' .`,
      ],
      when: MANIFEST_NO_CLIENT_CONFIG,
      examples: [MANIFEST_NO_CLIENT_CONFIG_EXAMPLE],
    },
    {
      id: 'give-client-config',
      title:
        'Point the provider at a kubeconfig (config_path or KUBE_CONFIG_PATH), or give it the cluster’s host and credentials',
      detail:
        'The helm provider takes them in its `kubernetes {}` block (`config_path`, `config_context`, or `host`, `cluster_ca_certificate` and `exec` or `token`); the kubernetes provider at its top level. The commands show what the environment offers and what the provider blocks set.',
      commands: [
        'printenv KUBE_CONFIG_PATH KUBECONFIG',
        'ls -l ~/.kube/config',
        `grep -rn -A8 -E 'provider "(helm|kubernetes)"' --include='*.tf' .`,
      ],
      when: NO_CLIENT_CONFIG,
      examples: [NO_CLIENT_CONFIG_EXAMPLE],
    },
    {
      id: 'kubelet-check',
      title:
        'Test the API server → kubelet path: the node proxy answers only if the kubelet accepts the API server',
      detail:
        'If `kubectl get` works but this fails with Unauthorized, the kubelet refuses the API server’s client certificate: compare the CA that signed the API server’s `--kubelet-client-certificate` with the kubelet’s client CA (`authentication.x509.clientCAFile` in its config, `--client-ca-file`), and check neither certificate expired or was re-issued on one side only.',
      commands: [
        `kubectl get --raw "/api/v1/nodes/$(kubectl get nodes -o jsonpath='{.items[0].metadata.name}')/proxy/healthz"`,
      ],
      when: 'k8s.kubelet_refused',
      examples: KUBELET_REFUSED_PASTES,
    },
    {
      id: 'login-page-server',
      title: 'See which address the kubeconfig sends to, and what answers there',
      detail:
        'The API server answers `/version` with JSON; a login page there means the address is a console or proxy. Use the API endpoint the platform documents for kubectl (and its kubeconfig), not the web UI’s.',
      commands: [
        `kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'`,
        `curl -sk "$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')/version" | head -c 300`,
      ],
      when: 'k8s.login_page',
      examples: LOGIN_PAGE_PASTES,
    },
    {
      id: 'kubeconfig-written',
      title: 'Make sure the kubeconfig is written before the client runs, and is not empty',
      detail:
        'In CI the kubeconfig usually comes from a secret (base64 or plain text) written to a file: check that the secret exists in this repository or environment and is not empty, and that KUBECONFIG points at the file that step writes.',
      commands: [
        'echo "$KUBECONFIG"',
        'kubectl config view --minify -o jsonpath="{.clusters[0].cluster.server}"',
      ],
      when: KUBECONFIG_NOT_FOUND,
      examples: [
        {
          text: 'Setting up kubectl configuration\nPreparing helm execution\nExecuting helm\nW1021 10:02:01.532600      10 loader.go:223] Config not found: /home/runner/work/_temp/kubeconfig_************\nError: Kubernetes cluster unreachable',
          source: 'corpus holdout11/h11-multi-gha-helm3-41-1 (WyriHaximus/github-action-helm3#41)',
        },
      ],
    },
    {
      // A resource that ran for ten minutes or more before the refusal: the token outlived its life.
      id: 'exec-after-long-apply',
      title: 'Give the provider an exec block: its token expired during this long apply',
      detail:
        'A token read once (a `token` attribute from `aws_eks_cluster_auth`, `google_client_config` or a generated kubeconfig) is fixed when the run starts; EKS tokens last 15 minutes. An `exec` block in the `kubernetes`/`helm` provider runs the platform’s plugin for a fresh token on every call (EKS: `command = "aws"`, `args = ["eks", "get-token", "--cluster-name", var.cluster_name]`).',
      commands: [`grep -n -A8 -E 'provider "(kubernetes|helm)"' *.tf`],
      when: /\bStill (?:creating|modifying|updating|destroying|reading)\.\.\. \[(?:[1-9]\d+m|\d+h)/,
      unless: 'tool.not_terraform',
      examples: [
        {
          text: 'helm_release.spinnaker: Still creating... [13m40s elapsed]\nhelm_release.spinnaker: Still creating... [13m50s elapsed]\nhelm_release.spinnaker: Still creating... [14m0s elapsed]\n\nError: Kubernetes cluster unreachable: the server has asked for the client to provide credentials\n\n  on main.tf line 139, in resource "helm_release" "spinnaker":\n 139: resource "helm_release" "spinnaker" {',
          source: 'corpus holdout10/h10-spinnaker-110-1 (Young-ook/terraform-aws-spinnaker#110)',
        },
      ],
      notFor: [
        {
          text: '⊊> ~/t/mtltech on master ⨯ helm install --name nginx-ingress stable/nginx-ingress --set rbac.create=true                                                                                                   00:31:41\nError: the server has asked for the client to provide credentials',
          source: 'corpus holdout10/h10-helm-5389-1 (helm/helm#5389)',
        },
      ],
    },
    {
      id: 'eks-access-entry-first',
      title:
        'EKS: give the identity Terraform uses an access entry (the aws-auth ConfigMap is not enough)',
      detail:
        'The EKS module v20 moved cluster access to access entries (`authentication_mode`, default `API_AND_CONFIG_MAP`; `access_entries` and `enable_cluster_creator_admin_permissions` in the module) and keeps aws-auth only in a sub-module for migration. Check the mode, take the ARN Terraform calls with (for an assumed-role session, its role’s ARN), create the entry, then grant it a policy (cluster admin here; a narrower policy or a namespace scope works too). In `CONFIG_MAP` mode access entries are not read: switch to `API_AND_CONFIG_MAP` first.',
      commands: [
        'aws eks describe-cluster --name ⟨cluster⟩⟦ --region ⟨region⟩⟧ --query cluster.accessConfig.authenticationMode --output text',
        'aws sts get-caller-identity --query Arn --output text',
        'aws eks list-access-entries --cluster-name ⟨cluster⟩⟦ --region ⟨region⟩⟧',
        'aws eks create-access-entry --cluster-name ⟨cluster⟩ --principal-arn ⟨iam_principal⟩⟦ --region ⟨region⟩⟧',
        'aws eks associate-access-policy --cluster-name ⟨cluster⟩ --principal-arn ⟨iam_principal⟩ --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy --access-scope type=cluster⟦ --region ⟨region⟩⟧',
      ],
      when: 'k8s.eks_aws_auth',
      examples: [
        {
          text: '│ Error: Have got the following error while validating the existence of the ConfigMap "aws-auth": Unauthorized\n│\n│   with module.aeks-aws-auth.kubernetes_config_map_v1_data.aws_auth[0],\n│   on .terraform\\modules\\aeks-aws-auth\\modules\\aws-auth\\main.tf line 31, in resource "kubernetes_config_map_v1_data" "aws_auth":\n│   31: resource "kubernetes_config_map_v1_data" "aws_auth" {',
          source:
            'corpus holdout9/h9-tfawseks-3082-1 (https://github.com/terraform-aws-modules/terraform-aws-eks/issues/3082)',
        },
      ],
    },
    {
      id: 'install-kubelogin',
      title: 'Install kubelogin where this runs (the kubeconfig calls it for an Entra ID token)',
      detail:
        '`az aks install-cli` installs kubectl and kubelogin; in Azure Pipelines the KubeloginInstaller task does it. Installed but still not found (GUI apps, containers, CI agents)? Put its absolute path in the kubeconfig’s `users[].user.exec.command`.',
      commands: ['az aks install-cli', 'kubelogin --version', 'kubectl auth whoami'],
      when: 'k8s.plugin_missing.kubelogin',
      examples: [
        {
          text: 'Unable to connect to the server: getting credentials: exec: executable kubelogin not found\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
          source: 'corpus holdout4/h4-kubelogin-161-1 (Azure/kubelogin#161)',
        },
      ],
    },
    {
      id: 'install-gke-plugin',
      title: 'GKE: install gke-gcloud-auth-plugin, then fetch the cluster credentials again',
      detail:
        'gcloud installed from apt or yum has components disabled: install the package `google-cloud-cli-gke-gcloud-auth-plugin` instead. `get-credentials` rewrites the kubeconfig to run the plugin. Installed but still not found (GUI apps, containers)? Put its absolute path in the kubeconfig’s `users[].user.exec.command`.',
      commands: [
        'gcloud components install gke-gcloud-auth-plugin',
        'gke-gcloud-auth-plugin --version',
        'gcloud container clusters get-credentials ⟨cluster⟩ --location ⟨cluster_location⟩',
      ],
      when: 'k8s.gke_plugin_needed',
      examples: [
        {
          text: 'getting credentials: exec: executable gke-gcloud-auth-plugin not found',
          source: 'corpus holdout4/h4-kubernetic-377-1 (harbur/kubernetic#377)',
        },
        {
          text: '│ Error running command \'kubectl apply -k ../kustomize/\': exit status 1. Output: + kubectl apply -k ../kustomize/\n│ error: The gcp auth plugin has been removed.\n│ Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.',
          source: 'corpus holdout4/h4-msdemo-1445-1 (GoogleCloudPlatform/microservices-demo#1445)',
        },
      ],
    },
    {
      id: 'install-aws-cli',
      title: 'EKS: install the AWS CLI where this runs, or let Terraform get the token itself',
      detail:
        'The kubeconfig or the provider’s `exec` block runs `aws eks get-token` (or aws-iam-authenticator). In a container or CI image without it, install AWS CLI v2; or give the provider `token = data.aws_eks_cluster_auth.this.token` instead of `exec` (such a token lasts 15 minutes). A kubeconfig that calls aws-iam-authenticator can be rewritten to use the AWS CLI with `aws eks update-kubeconfig --name <cluster>`.',
      commands: [
        'aws --version',
        'aws eks get-token --cluster-name ⟨cluster⟩⟦ --region ⟨region⟩⟧ --output json | cut -c1-60',
      ],
      when: 'k8s.plugin_missing.aws',
      examples: [
        {
          text: 'Error: Get "https://blahblahblah.eks.amazonaws.com/api/v1/namespaces/kube-system/configmaps/aws-auth": getting credentials: exec: executable aws not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
          source: 'corpus holdout4/h4-k8sweb-27193-1 (kubernetes/website#27193)',
        },
      ],
    },
    {
      id: 'install-plugin',
      title: 'Install ⟨k8s_plugin⟩ where this runs, or put it on the PATH of the process',
      detail:
        'The kubeconfig (or the provider’s `exec` block) runs it to get a token. Installed but still not found (GUI apps, containers, CI agents)? Put its absolute path in the kubeconfig’s `users[].user.exec.command`.',
      commands: [
        'command -v ⟨k8s_plugin⟩ || echo "not on PATH: $PATH"',
        'kubectl config view --minify -o jsonpath="{.users[0].user.exec.command}"',
      ],
      when: 'k8s.plugin_missing.other',
      examples: [
        {
          text: 'Error: Get "https://10.0.0.1/api/v1/namespaces/default": getting credentials: exec: executable kubectl-oidc_login not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
          source:
            'invented: client-go’s missing-plugin message (upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go) for the int128/kubelogin OIDC plugin',
        },
      ],
    },
    {
      id: 'aks-convert',
      title: 'Convert the kubeconfig to kubelogin: the `azure` auth-provider is gone',
      detail:
        'It rewrites the kubeconfig’s `auth-provider: azure` users into `exec: kubelogin` (if `kubelogin --version` fails, install it first: `az aks install-cli`). In CI use `-l spn`, `-l workloadidentity` or `-l msi` instead of `-l azurecli`.',
      commands: ['kubelogin convert-kubeconfig -l azurecli', 'kubectl auth whoami'],
      when: 'k8s.auth_provider.azure',
      examples: [
        {
          text: 'Error: auth error: failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead\n\nCaused by:\n    failed exec auth: The azure auth plugin is not supported; use https://github.com/Azure/kubelogin instead',
          source: 'corpus holdout4/h4-kgv-4-1 (night-crawler/kgv#4)',
        },
      ],
    },
    {
      id: 'auth-provider-exec',
      title: 'Replace the kubeconfig’s `⟨k8s_auth_provider⟩` auth-provider with an exec plugin',
      detail:
        'This client has no built-in `⟨k8s_auth_provider⟩` provider. For OIDC, the int128/kubelogin plugin (`kubectl oidc-login`) writes the exec form; other providers have their own exec plugin.',
      commands: ['kubectl config view --minify -o jsonpath="{.users[0].user.auth-provider.name}"'],
      when: 'k8s.auth_provider.other',
      examples: [
        {
          text: 'Error: Kubernetes cluster unreachable: no Auth Provider found for name "oidc"',
          source: 'upstream kubernetes/client-go@v0.33.0:rest/plugin.go',
        },
      ],
    },
    {
      id: 'in-cluster',
      title: 'Check whether Terraform was meant to act as this pod’s service account',
      detail:
        'In a pod (a CI runner, Atlantis), a kubernetes provider with no `host`, `config_path` or `exec` uses the pod’s service account (in-cluster config). To act as the identity that administers the cluster, configure `host`, `cluster_ca_certificate` and an `exec` block (or `token`); to keep the service account, bind it the role it needs (next step).',
      commands: [`grep -n -A8 -E 'provider "(kubernetes|helm)"' *.tf`],
      when: 'k8s.service_account',
      examples: [
        {
          text: '╷\n│ Error: configmaps "aws-auth" is forbidden: User "system:serviceaccount:actions-runner-system:runner-service-account" can',
          source: 'corpus holdout4/h4-tfeks-2481-1 (terraform-aws-modules/terraform-aws-eks#2481)',
        },
      ],
    },
    {
      id: 'rbac-can-i',
      title:
        'Ask the cluster what ⟨k8s_user⟩ may do, and which bindings name it (as a cluster admin)',
      detail:
        '`--as` impersonates that user, so run these with an identity that administers the cluster. Then grant what is missing with a RoleBinding or ClusterRoleBinding (`kubectl create rolebinding … --clusterrole=… --serviceaccount=<namespace>:<name>` or `--user=…`).',
      commands: [
        // One line, three optional parts: the namespace and subresource come only with the verb.
        '⟦kubectl auth can-i ⟨k8s_verb⟩ ⟨k8s_resource⟩ --as ⟨k8s_user⟩⟧⟦ --subresource ⟨k8s_subresource⟩⟧⟦ -n ⟨k8s_namespace⟩⟧',
        'kubectl auth can-i --list --as ⟨k8s_user⟩⟦ -n ⟨k8s_namespace⟩⟧',
        'kubectl get rolebindings,clusterrolebindings -A -o wide | grep -F ⟨k8s_subject⟩',
      ],
      when: 'k8s.rbac_denied',
      examples: [
        {
          text: 'Error: nodes is forbidden: User "arn:aws:sts::123456789012:assumed-role/ci-deploy/1700000000" cannot list resource "nodes" in API group "" at the cluster scope',
          source:
            'invented: the RBAC authorizer reason (upstream kubernetes/apiserver@v0.33.0:pkg/endpoints/handlers/responsewriters/errors.go) for an IAM session EKS mapped to a user without a binding',
        },
      ],
    },
    {
      id: 'anonymous-credentials',
      title: 'Give the provider credentials: it reached the cluster with none',
      detail:
        'Look for a `host` without `token`, client certificate or `exec`, or values that were unknown when the provider was configured (the cluster created in the same apply): apply the cluster first, or use an `exec` block.',
      commands: [`grep -n -A8 -E 'provider "(kubernetes|helm)"' *.tf`],
      when: 'k8s.anonymous',
      examples: [
        {
          text: '│ Error: configmaps "aws-auth" is forbidden: User "system:anonymous" cannot get resource "configmaps" in API group "" in the namespace "kube-system"',
          source: 'corpus holdout4/h4-cpeks-193-1 (cloudposse/terraform-aws-eks-cluster#193)',
        },
      ],
    },
    {
      id: 'exec-plugin-upgrade',
      title:
        'Upgrade the AWS CLI (or aws-iam-authenticator) that the kubeconfig runs as its exec plugin, then regenerate the kubeconfig',
      detail:
        'AWS CLI v1 before 1.24.0 (and old aws-iam-authenticator releases) only speak client.authentication.k8s.io/v1alpha1. Install AWS CLI v2 (or `pip install -U awscli`), check which binary the kubeconfig’s `command:` resolves to and its version (`aws --version`; a CI image or GitHub Action may bundle its own), and run `aws eks update-kubeconfig` again with the new CLI.',
      commands: ["grep -n -B2 -A8 'exec:' ~/.kube/config"],
      when: /plugin returned version "?client\.authentication\.k8s\.io\/v1alpha1|update-kubeconfig[\s\S]{0,4000}invalid apiVersion "?client\.authentication\.k8s\.io\/v1alpha1/,
      examples: [
        {
          text: 'Unable to connect to the server: getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1beta1, plugin returned version client.authentication.k8s.io/v1alpha1',
          source: 'corpus holdout10/h10-consensys-11-1 (Consensys/kubernetes-action#11)',
        },
        {
          text: '>: ~/repos/scylla-cluster-tests$ aws eks --region eu-north-1 update-kubeconfig --name operator-many-clients-ls-268d8379\nAdded new context arn:aws:eks:eu-north-1:*:cluster/operator-many-clients-ls-268d8379 to /home/ls/.kube/config\n>:~/repos/scylla-cluster-tests$ kubectl get pods\nerror: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
          source: 'corpus holdout10/h10-scylla-5607-1 (scylladb/scylla-cluster-tests#5607)',
        },
      ],
    },
    {
      id: 'exec-api-version',
      title: 'Switch the exec plugin to client.authentication.k8s.io/v1beta1',
      detail:
        'Change `api_version` in the provider’s `exec` block, or regenerate the kubeconfig with a current CLI (`aws eks update-kubeconfig`, `az aks get-credentials`, `gcloud container clusters get-credentials`).',
      commands: [
        "grep -n 'client.authentication.k8s.io/v1alpha1' ~/.kube/config",
        "grep -rn 'client.authentication.k8s.io/v1alpha1' --include='*.tf' .",
      ],
      when: 'k8s.exec_v1alpha1',
      // The kubeconfig already says v1beta1 when the plugin "returned" v1alpha1: nothing to edit.
      unless: /plugin returned version/,
      notFor: [
        {
          text: 'Unable to connect to the server: getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1beta1, plugin returned version client.authentication.k8s.io/v1alpha1',
          source: 'corpus holdout10/h10-consensys-11-1 (Consensys/kubernetes-action#11)',
        },
      ],
      examples: [
        {
          text: 'ubuntu@dev-vpn1:~$ helm ls\nError: Kubernetes cluster unreachable: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
          source: 'corpus holdout2/h2-helm11007-1 (helm/helm#11007)',
        },
      ],
    },
    {
      id: 'exec-v1beta1-refused',
      title: 'Upgrade the tool that refused v1beta1: it vendors a client-go older than 1.11',
      detail:
        'The first command shows which API version the kubeconfig asks the plugin for; the tool’s own version command shows how old it is.',
      commands: ['kubectl config view --minify -o jsonpath="{.users[0].user.exec.apiVersion}"'],
      when: EXEC_V1BETA1_REFUSED,
      examples: [EXEC_V1BETA1_REFUSED_EXAMPLE, EXEC_V1BETA1_ESCAPED_EXAMPLE],
    },
    {
      id: 'exec-v1-refused',
      title:
        'Ask for client.authentication.k8s.io/v1beta1 in the exec block, or upgrade the client that refused v1',
      detail:
        'The first two commands find where v1 is asked for (the provider’s `exec` block, a kubeconfig); the last shows the client versions.',
      commands: [
        "grep -rn 'client.authentication.k8s.io/v1\"' --include='*.tf' .",
        "grep -n 'client.authentication.k8s.io/v1$' ~/.kube/config",
        'terraform version',
      ],
      when: 'k8s.exec_v1_refused',
      examples: [EXEC_V1_REFUSED_EXAMPLE],
    },
    {
      id: 'exec-version-mismatch',
      title: 'Set the exec entry’s API version to the one the plugin returns',
      detail:
        'Change `apiVersion` in the kubeconfig’s exec entry (or `api_version` in the provider’s `exec` block) to the version the plugin returned, or upgrade the plugin to one that speaks the configured version.',
      commands: [
        "grep -n 'client.authentication.k8s.io/' ~/.kube/config",
        "grep -rn 'client.authentication.k8s.io/' --include='*.tf' .",
      ],
      when: EXEC_MISMATCH,
      examples: [EXEC_MISMATCH_EXAMPLE],
    },
    {
      id: 'exec-interactive-mode',
      title:
        'Upgrade the provider that rejected the exec block (helm 2.4.0’s bug is fixed in 2.4.1)',
      detail:
        'Some kubectl providers had the same bug and fixed it in later releases. A kubeconfig whose exec entries use `client.authentication.k8s.io/v1` needs `interactiveMode: IfAvailable` (or `Never`) on each.',
      commands: ['terraform version', 'terraform init -upgrade'],
      when: 'k8s.exec_interactive_mode',
      examples: [
        {
          text: 'Error occurs during refresh:\n> Kubernetes cluster unreachable: invalid configuration: interactiveMode must be specified for  to use exec authentication plugin',
          source: 'corpus holdout4/h4-helm-797-1 (hashicorp/terraform-provider-helm#797)',
        },
      ],
    },
    {
      id: 'aks-kubelogin',
      title: 'AKS: let kubelogin take its token from the Azure CLI, then check who you are',
      detail:
        'AKS clusters with Entra ID need Azure’s kubelogin where Terraform runs (`kubelogin --version` names it; int128/kubelogin, an OIDC plugin, has the same name and rejects Azure’s flags). `convert-kubeconfig -l azurecli` makes it reuse `az login` (use `-l spn` or `-l workloadidentity` in CI).',
      commands: [
        'kubelogin --version',
        'az account show --query "{user:user.name, tenant:tenantId}"',
        'kubelogin convert-kubeconfig -l azurecli',
        'kubectl auth whoami',
      ],
      when: 'k8s.aks_plain',
      examples: [
        {
          text: '"https://s189t01-tsc-test-56a40a16.hcp.uksouth.azmk8s.io:443/api/v1/namespaces/bat-qa/configmaps/ittms-1281-f15b183e44525b5c1fa1d13e928736fab58ca4ca": getting credentials: exec: executable kubelogin failed with exit code 1',
          source:
            'corpus dev/pg-dfe-kubelogin-67 (https://github.com/DFE-Digital/teacher-services-cloud/blob/main/documentation/platform-faq.md)',
        },
      ],
    },
    {
      id: 'gke-credentials',
      title: 'GKE: check the gcloud account, then fetch the cluster credentials again',
      commands: [
        'gcloud auth list',
        'gcloud container clusters get-credentials ⟨cluster⟩ --location ⟨cluster_location⟩',
        'kubectl auth whoami',
      ],
      when: 'k8s.gke_plain',
      examples: [
        {
          text: 'E0709 10:17:27.723595   34196 memcache.go:265] couldn\'t get current server API group list: Get "https://34.118.0.10/api?timeout=32s": the server has asked for the client to provide credentials (gke_my-project_us-central1_prod)',
          source:
            'invented: kubectl’s klog line for a 401 (as in corpus holdout/ho-runnerimages-6778-1) with a GKE kubeconfig context name',
        },
      ],
    },
    {
      id: 'eks-exec',
      title: 'EKS: run the plugin’s command by hand, with the AWS identity Terraform uses',
      detail:
        'The exec plugin is `aws eks get-token` (or aws-iam-authenticator): its error (no credentials, AccessDenied, an expired SSO session) is the real one.',
      commands: [
        'aws sts get-caller-identity',
        'aws eks get-token --cluster-name ⟨cluster⟩⟦ --region ⟨region⟩⟧ --output json | cut -c1-60',
      ],
      when: 'k8s.exec_ran.eks',
      examples: [
        {
          text: 'Error: Post "https://E8079842BCE9C149AFD5D78F04D17810.gr7.us-east-1.eks.amazonaws.com/api/v1/namespaces/kube-system/configmaps": getting credentials: exec: exit status 254\n\n  on .terraform/modules/eks/terraform-aws-eks-12.0.0/aws_auth.tf line 62, in resource "kubernetes_config_map" "aws_auth":',
          source:
            'corpus holdout4/h4-learneks-8-1 (hashicorp-education/learn-terraform-provision-eks-cluster#8)',
        },
      ],
    },
    {
      id: 'plugin',
      title: 'Run the exec plugin by hand where Terraform runs',
      detail:
        'The first command prints the plugin the kubeconfig runs; run it with the arguments from `kubectl config view --minify` and read its error (the provider’s own `exec` block names its command and args).',
      commands: ['kubectl config view --minify -o jsonpath="{.users[0].user.exec.command}"'],
      when: 'k8s.exec_ran.unknown',
      examples: [
        {
          text: 'Error: Get "https://10.0.0.1/api/v1/namespaces/default": getting credentials: exec: executable my-token-helper failed with exit code 1',
          source:
            'invented: client-go’s exec failure (upstream kubernetes/client-go@v0.33.0:plugin/pkg/client/auth/exec/exec.go) on a cluster the paste does not name',
        },
      ],
    },
    {
      // Not `kubectl auth whoami`: on a 401 it needs the very credential that was refused.
      id: 'kube-user',
      title: 'See which credential the kubeconfig user sends, then refresh it at its source',
      detail:
        'A 401 means the API server did not accept the credential at all, so `kubectl auth whoami` fails the same way. The user entry shows how the client authenticates: an `exec` plugin (run its command by hand and renew the cloud login it uses, e.g. `aws sso login` or a new role session, then `aws eks update-kubeconfig`), a static `token` (get a new one), or a client certificate (expired, or from a re-created cluster). Secrets are redacted in this output.',
      commands: [
        'kubectl config current-context',
        'kubectl config view --minify -o jsonpath="{.users[0].user}" | cut -c1-300',
      ],
      when: 'k8s.check_whoami',
      examples: [
        {
          text: 'Error: query: failed to query with labels: Unauthorized',
          source: 'corpus holdout4/h4-helm-508-1 (hashicorp/terraform-provider-helm#508)',
        },
      ],
    },
    {
      id: 'provider-config',
      title: 'Check which cluster and credentials the provider block names',
      commands: [`grep -n -A8 -E 'provider "(kubernetes|helm)"' *.tf`],
    },
    {
      id: 'exec',
      when: 'cluster.eks',
      title: 'EKS: prefer an exec block so tokens are fresh for every call',
      detail:
        'Inside the provider block:\n```\nexec {\n  api_version = "client.authentication.k8s.io/v1beta1"\n  command     = "aws"\n  args        = ["eks", "get-token", "--cluster-name", var.cluster_name]\n}\n```',
      // A provider block is Terraform's: not for a kubectl run.
      unless: 'tool.not_terraform',
      notFor: [
        {
          text: '>:~/repos/scylla-cluster-tests$ aws eks --region eu-north-1 update-kubeconfig --name operator-many-clients-ls-268d8379\n>:~/repos/scylla-cluster-tests$ kubectl get pods\nerror: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
          source: 'corpus holdout10/h10-scylla-5607-1 (scylladb/scylla-cluster-tests#5607)',
        },
      ],
    },
    {
      id: 'eks-token',
      title: 'EKS: get a token by hand with the AWS identity Terraform uses',
      commands: [
        'aws sts get-caller-identity',
        'aws eks get-token --cluster-name ⟨cluster⟩⟦ --region ⟨region⟩⟧ --output json | cut -c1-60',
      ],
      when: 'cluster.eks',
    },
    {
      id: 'access-entry',
      title: 'EKS: map the identity to the cluster',
      commands: [
        'aws eks list-access-entries --cluster-name ⟨cluster⟩',
        'aws eks create-access-entry --cluster-name ⟨cluster⟩ --principal-arn ⟨iam_principal⟩',
      ],
      when: 'k8s.eks_plain',
    },
    {
      id: 'aks-role',
      title:
        'AKS: check the identity has a cluster role (Azure RBAC for Kubernetes or a role binding)',
      commands: [
        'az role assignment list --assignee "$(az ad signed-in-user show --query id -o tsv)" --all --query "[?contains(roleDefinitionName, \'Kubernetes\')].{role:roleDefinitionName, scope:scope}" -o table',
      ],
      when: 'k8s.aks_plain',
    },
    {
      id: 'exec-fresh-tokens',
      title:
        'Give the provider an exec block (your platform’s credential plugin) instead of a token read once',
      detail:
        'A `token` attribute (or a token in a generated kubeconfig) is fixed at plan time and goes stale during a long apply; an `exec` block in the provider runs the plugin for a fresh token on every call.',
      when: 'k8s.unknown_plain',
      unless: 'tool.not_terraform',
      notFor: [
        {
          text: '+ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)',
          source: 'corpus holdout10/h10-iamauth-179-1 (kubernetes-sigs/aws-iam-authenticator#179)',
        },
      ],
    },
    {
      id: 'refresh-credentials',
      title: 'Fetch fresh credentials the way your cluster’s platform does',
      detail:
        'The paste does not show whose cluster this is. EKS: `aws eks update-kubeconfig --name <cluster>`; AKS: `az aks get-credentials --resource-group <group> --name <cluster>`; GKE: `gcloud container clusters get-credentials <cluster> --location <location>`; other clusters: a new kubeconfig or token from whoever runs the cluster.',
      when: 'k8s.unknown_plain',
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
      title: 'Kubernetes: RBAC authorization',
      url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
      when: 'k8s.rbac_denied',
    },
    {
      title: 'Amazon EKS: grant IAM users and roles access with access entries',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html',
      when: 'cluster.eks',
    },
    {
      title: 'AKS: use kubelogin to authenticate',
      url: 'https://learn.microsoft.com/azure/aks/kubelogin-authentication',
      when: 'cluster.aks',
    },
    {
      title: 'GKE: kubectl authentication changes (gke-gcloud-auth-plugin)',
      url: 'https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke',
      when: 'cluster.gke',
    },
  ],
};
