// Official documentation the AWS entries link to (kept in one place so links stay consistent).

export const AWS_DOCS = {
  podIdentitySdk: {
    title: 'Amazon EKS: AWS SDK versions that support EKS Pod Identity',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-minimum-sdk.html',
  },
  providerAuth: {
    title: 'Terraform AWS provider: authentication and configuration',
    url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration',
  },
  s3Backend: {
    title: 'Terraform S3 backend: credentials and shared configuration',
    url: 'https://developer.hashicorp.com/terraform/language/backend/s3#credentials-and-shared-configuration',
  },
  accessKeys: {
    title: 'IAM: manage access keys for IAM users',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  },
  tempCredentials: {
    title: 'IAM: use temporary credentials with AWS resources',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
  },
  stsRegions: {
    title: 'IAM: manage AWS STS in an AWS Region (global vs regional endpoints, token versions)',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html',
  },
  sigv4Troubleshooting: {
    title: 'IAM: troubleshoot Signature Version 4 signing errors',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html',
  },
  cliConfigFiles: {
    title: 'AWS CLI: configuration and credential file settings',
    url: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  },
  sso: {
    title: 'AWS CLI: configure IAM Identity Center authentication',
    url: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html',
  },
  rolesTroubleshooting: {
    title: 'IAM: troubleshoot IAM roles',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_roles.html',
  },
  oidcProviders: {
    title: 'IAM: create an OpenID Connect (OIDC) identity provider',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html',
  },
  githubOidc: {
    title: 'GitHub Actions: configuring OpenID Connect in Amazon Web Services',
    url: 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
  },
  irsa: {
    title: 'Amazon EKS: IAM roles for service accounts',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
  },
  mfa: {
    title: 'IAM: configure MFA-protected API access',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html',
  },
  accessDenied: {
    title: 'IAM: troubleshoot access denied error messages',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
  },
  decodeMessage: {
    title: 'STS API: DecodeAuthorizationMessage',
    url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html',
  },
  credentialProcess: {
    title: 'AWS CLI: source credentials with an external process',
    url: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sourcing-external.html',
  },
  regions: {
    title: 'AWS Account Management: enable or disable AWS Regions',
    url: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html',
  },
  customEndpoints: {
    title: 'Terraform AWS provider: custom service endpoints',
    url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/custom-service-endpoints',
  },
  cliProxy: {
    title: 'AWS CLI: use an HTTP proxy',
    url: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-proxy.html',
  },
  timeSync: {
    title: 'Amazon EC2: set the time reference (Amazon Time Sync Service)',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/set-time.html',
  },
} as const;
