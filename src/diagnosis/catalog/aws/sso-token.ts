import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN } from './common';
import { AWS_DOCS } from './docs';

export const ssoToken: CatalogEntry = {
  id: 'aws.sso_token',
  platform: 'aws',
  title: 'The IAM Identity Center (SSO) session has expired or is missing',
  summary:
    'The profile uses IAM Identity Center, and the cached SSO token under ~/.aws/sso/cache is missing, expired, or was issued for another session or start URL.',
  codes: [
    'InvalidGrantException',
    'SSOProviderInvalidToken',
    'UnauthorizedException',
    'SSOTokenLoadError',
  ],
  signatures: [
    {
      id: 'oidc-host',
      pattern: /oidc\.[a-z0-9-]{2,30}\.amazonaws\.com.{0,600}?(?:InvalidGrant|invalid_grant)/,
      weight: 0.95,
    },
    {
      id: 'sso-config',
      pattern:
        /configured to use SSO but is missing|missing required (?:SSO )?configuration: sso_|sso_session \S{1,100} (?:not found|does not exist)/,
      weight: 0.9,
    },
    {
      id: 'refresh-failed',
      pattern: /refresh cached SSO token failed|unable to refresh SSO token/,
      weight: 0.96,
    },
    {
      id: 'session-expired',
      pattern: /SSO session (?:has expired or is invalid|associated with this profile has expired)/,
      weight: 0.96,
    },
    {
      id: 'cache',
      pattern: /cached SSO token is expired|sso\/cache\/[0-9a-f]{40}\.json/,
      weight: 0.95,
    },
    {
      id: 'load',
      pattern: /Error loading SSO Token|SSOTokenLoadError|SSOProviderInvalidToken/,
      weight: 0.96,
    },
    {
      id: 'oidc-grant',
      pattern:
        /operation error SSO OIDC: CreateToken, .{0,200}?(?:InvalidGrantException|StatusCode: 4\d\d)|\bInvalidGrantException\b/,
      weight: 0.9,
    },
    { id: 'login-hint', pattern: /aws sso login/, weight: 0.7 },
    // The SSO portal API: any answer from it is about the SSO session (transport failures rank higher).
    { id: 'portal', pattern: /\bGetRoleCredentials\b/, weight: 0.88 },
    {
      id: 'role-credentials',
      pattern: /Session token not found or invalid/,
      weight: 0.92,
    },
    {
      id: 'cli-expired',
      pattern: /Token has expired and refresh failed|Error when retrieving token from sso/,
      weight: 0.95,
    },
  ],
  causes: [
    {
      id: 'session-expired',
      title: 'The SSO session ran out (typically after 8–12 hours) and needs a new login',
      explanation:
        'IAM Identity Center sessions end on their own; the SDK cannot refresh them without a browser login.',
      prior: 0.7,
    },
    {
      id: 'sso-session-mismatch',
      title: 'The cache file is for another sso_session or start URL',
      explanation:
        'Profiles that use `sso_session` and legacy profiles with `sso_start_url` cache tokens under different names; logging in with one does not help the other.',
      prior: 0.15,
      boosts: [
        {
          when: /sso\/cache\/[0-9a-f]{40}\.json: no such file/,
          by: 0.2,
          evidence: 'Terraform looked for a cache file that does not exist.',
        },
      ],
    },
    {
      id: 'old-provider',
      title: 'An old provider or backend that cannot read `sso_session` profiles',
      explanation:
        'Support for the `sso_session` format came with AWS SDK for Go v2 based providers (≥ 4.x) and Terraform ≥ 1.6 for the S3 backend.',
      prior: 0.1,
      boosts: [
        {
          when: 'sdk.v1',
          by: 0.2,
          evidence: 'The message comes from AWS SDK for Go v1 (⟨block⟩).',
        },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'sso-login',
      title: 'Log in again with the profile Terraform uses',
      commands: [
        'aws sso login⟦ --profile ⟨profile⟩⟧',
        'aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧',
      ],
    },
    {
      id: 'sso-config',
      title: "Check the profile's SSO settings",
      commands: [
        'aws configure get sso_session⟦ --profile ⟨profile⟩⟧',
        'aws configure get sso_start_url⟦ --profile ⟨profile⟩⟧',
      ],
    },
    {
      id: 'clear-cache',
      title:
        'If login succeeds but Terraform still fails: clear the token cache and log in once more',
      commands: [
        'rm -f ~/.aws/sso/cache/*.json ~/.aws/cli/cache/*.json',
        'aws sso login⟦ --profile ⟨profile⟩⟧',
      ],
    },
    {
      id: 'export-profile',
      title: 'Make Terraform use that same profile',
      commands: ['export AWS_PROFILE=⟨profile⟩'],
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.sso, AWS_DOCS.providerAuth],
};
