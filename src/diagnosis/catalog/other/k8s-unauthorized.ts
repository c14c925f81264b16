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
      id: 'rbac-forbidden',
      pattern:
        /is forbidden: User "[^"]{1,200}" cannot (?:get|list|watch|create|update|patch|delete) /,
      weight: 0.9,
    },
    {
      id: 'getting-token',
      pattern: /getting (?:credentials|token): |could not get token: /,
      weight: 0.9,
    },
    {
      id: 'invalid-configuration',
      pattern: /Kubernetes cluster unreachable: invalid configuration/,
      weight: 0.85,
    },
    { id: 'kubectl-logged-in', pattern: /You must be logged in to the server/, weight: 0.95 },
    {
      id: 'provide-credentials',
      pattern: /the server has asked for the client to provide credentials/,
      weight: 0.95,
    },
    {
      id: 'exec-plugin',
      pattern:
        /getting credentials: exec\b|exec plugin\b|executable [\w./-]{1,100} failed with exit code|exec: executable [\w./-]{1,100} not found/,
      weight: 0.93,
    },
    {
      id: 'auth-plugin',
      pattern:
        /auth plugin has been removed|gke-gcloud-auth-plugin|no Auth Provider found for name|aws-iam-authenticator/,
      weight: 0.9,
    },
    // client-go reports a 401 as the bare word; other providers say more.
    { id: 'bare-unauthorized', pattern: /\bError: Unauthorized(?: |$)(?!to )/, weight: 0.7 },
    { id: 'provider-stderr', pattern: /hashicorp\/(?:kubernetes|helm):stderr=/, weight: 0.85 },
    {
      id: 'unreachable-auth',
      pattern: /Kubernetes cluster unreachable:.{0,200}?(?:credentials|Unauthorized|exec|token)/,
      weight: 0.9,
    },
    {
      id: 'resource-unauthorized',
      pattern:
        /(?:kubernetes|helm)_[\w]{2,60}\.[\w-]{1,100}: Unauthorized|\bUnauthorized with kubernetes_|Error: Unauthorized with (?:kubernetes|helm)_/,
      weight: 0.92,
    },
    {
      id: 'k8s-context-unauthorized',
      pattern:
        /^(?=.{0,2000}(?:kubernetes|helm|kubectl|\bk8s|kube|\.eks\.|azmk8s|gke))(?:.{0,2000}?)\bUnauthorized\b/,
      weight: 0.8,
    },
    { id: 'forbidden-system-anon', pattern: /User "system:anonymous" cannot/, weight: 0.9 },
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
