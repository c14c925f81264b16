import type { CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

export const webIdentity: CatalogEntry = {
  id: 'aws.web_identity',
  platform: 'aws',
  title: 'AssumeRoleWithWebIdentity (OIDC) was refused',
  summary:
    "A CI system or Kubernetes service account presented an OIDC token to STS and STS refused it: the account has no matching OIDC provider, the token's audience or subject does not match the role's trust policy, or the token could not be read or verified.",
  codes: [
    'InvalidIdentityToken',
    'IDPCommunicationError',
    'IDPRejectedClaim',
    'WebIdentityErr',
    'AccessDenied (sts:AssumeRoleWithWebIdentity)',
  ],
  signatures: [
    {
      id: 'id-token',
      pattern: /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|id-token: write/,
      weight: 0.6,
    },
    {
      id: 'not-authorized',
      pattern: /[Nn]ot authorized to perform:? sts:AssumeRoleWithWebIdentity/,
      weight: 0.97,
    },
    {
      id: 'sdk-v2',
      pattern:
        /operation error STS: AssumeRoleWithWebIdentity|when calling the AssumeRoleWithWebIdentity operation/,
      weight: 0.93,
    },
    {
      id: 'invalid-token',
      pattern:
        /\bInvalidIdentityToken\b|Invalid Identity token|No OpenIDConnect provider found|Incorrect token audience/i,
      weight: 0.96,
    },
    { id: 'idp', pattern: /\bIDPCommunicationError\b|\bIDPRejectedClaim\b/, weight: 0.95 },
    { id: 'webidentityerr', pattern: /\bWebIdentity(?:Err|Error)\b/, weight: 0.86 },
    {
      id: 'base',
      pattern: /cannot be assumed with web identity token|Cannot assume IAM Role with web identity/,
      weight: 0.9,
    },
    {
      id: 'action',
      pattern: /Could not assume role with OIDC|Could not get ID token/,
      weight: 0.92,
    },
    {
      id: 'token-file',
      pattern:
        /failed to retrieve jwt from provide source|token file path is not set|One of WebIdentityToken, WebIdentityTokenFile must be set/,
      weight: 0.86,
    },
  ],
  causes: [
    {
      id: 'trust-subject',
      title: "The role's trust policy does not match the token's subject or audience",
      explanation:
        'For GitHub the `sub` looks like `repo:ORG/REPO:ref:refs/heads/main` or `…:environment:NAME`, and `aud` is `sts.amazonaws.com`; a branch, environment or pull-request run that the condition does not list is refused.',
      prior: 0.45,
      boosts: [
        {
          when: 'ci.github_actions',
          by: 0.15,
          evidence:
            'This is a GitHub Actions run; its token subject depends on branch, environment and event.',
        },
      ],
    },
    {
      id: 'no-provider',
      title:
        'The account has no IAM OIDC provider for this issuer (or an old one after a cluster rebuild)',
      explanation:
        "Each issuer (token.actions.githubusercontent.com, each EKS cluster's OIDC URL) needs an IAM OIDC provider in the role's account; a recreated EKS cluster gets a new issuer URL.",
      prior: 0.25,
      boosts: [
        {
          when: /No OpenIDConnect provider found|InvalidIdentityToken/,
          by: 0.45,
          evidence: "STS says it has no OIDC provider that matches the token's issuer.",
        },
      ],
    },
    {
      id: 'token-unavailable',
      title: 'The job could not get or read the token',
      explanation:
        'GitHub Actions needs `permissions: id-token: write`; IRSA needs AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN injected into the pod.',
      prior: 0.15,
      boosts: [
        {
          when: /token file|jwt|ID token|id-token/i,
          by: 0.35,
          evidence: 'The token itself could not be obtained.',
        },
      ],
    },
    {
      id: 'idp-unreachable',
      title: "STS could not fetch the issuer's keys",
      explanation:
        'IDPCommunicationError and "Couldn\'t retrieve verification key" mean STS could not reach the issuer\'s JWKS (a private EKS endpoint, a custom issuer behind a firewall).',
      prior: 0.05,
      boosts: [
        {
          when: /IDPCommunicationError|retrieve verification key/,
          by: 0.5,
          evidence: "STS could not retrieve the issuer's verification keys.",
        },
      ],
    },
  ],
  steps: [
    {
      id: 'trust',
      title: "Read the role's trust policy and compare `aud`/`sub` conditions with this run",
      commands: ['aws iam get-role --role-name ⟨role_name⟩ --query Role.AssumeRolePolicyDocument'],
    },
    {
      id: 'providers',
      title: "List the account's OIDC providers and compare with the issuer",
      commands: ['aws iam list-open-id-connect-providers'],
    },
    {
      id: 'gha-permissions',
      title: 'GitHub Actions: grant the job an ID token',
      detail:
        'Add `permissions: { id-token: write, contents: read }` to the job; with environments, the subject becomes `repo:ORG/REPO:environment:NAME`.',
      commands: [`grep -n -B2 -A4 'id-token' .github/workflows/*.yml`],
      sources: ['oidc', 'unknown'],
    },
    {
      id: 'irsa',
      title: "EKS (IRSA): check the service account annotation and the cluster's issuer",
      commands: [
        'kubectl get sa <service-account> -n <namespace> -o jsonpath="{.metadata.annotations}"',
        'aws eks describe-cluster --name ⟨cluster⟩ --query cluster.identity.oidc.issuer',
      ],
      sources: ['oidc', 'instance_role', 'unknown'],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.githubOidc, AWS_DOCS.oidcProviders, AWS_DOCS.irsa, AWS_DOCS.rolesTroubleshooting],
};
