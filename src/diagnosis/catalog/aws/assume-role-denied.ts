import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

export const assumeRoleDenied: CatalogEntry = {
  id: 'aws.assume_role_denied',
  platform: 'aws',
  title: 'AWS refused to let these credentials assume the role',
  summary:
    "The source credentials work, but sts:AssumeRole on the target role was refused: the role's trust policy does not name the caller, the caller lacks sts:AssumeRole, the role ARN is wrong, or a condition (external id, MFA, session tags) is not met.",
  codes: ['AccessDenied (sts:AssumeRole)'],
  signatures: [
    { id: 'root', pattern: /Roles may not be assumed by root accounts/, weight: 0.96 },
    {
      id: 'invalid-or-cannot',
      pattern:
        /\b[Rr]ole "?arn:aws[\w-]{0,10}:iam::\d{0,12}:role\/[^\s"]{1,200}"? (?:is invalid or )?cannot be assumed/,
      weight: 0.88,
    },
    {
      id: 'not-authorized',
      pattern: /is not authorized to perform:? sts:AssumeRole(?!With)/,
      weight: 0.96,
    },
    { id: 'not-authorized-assume', pattern: /not authorized to assume role/, weight: 0.92 },
    {
      id: 'sdk-v2',
      pattern: /operation error STS: AssumeRole, .{0,300}?api error AccessDenied/,
      weight: 0.94,
    },
    {
      id: 'cli',
      pattern: /An error occurred \(AccessDenied\) when calling the AssumeRole operation/,
      weight: 0.95,
    },
    {
      id: 'cannot-be-assumed',
      pattern:
        /IAM Role \(.{1,200}?\) cannot be assumed(?! with web identity)|The role "[^"]{1,200}" cannot be assumed|Cannot assume IAM Role(?! with web identity)|cannot assume role:/,
      weight: 0.85,
      wrapper: true,
    },
    {
      id: 'failed-to-assume',
      pattern: /failed to assume role|Failed to assume role/,
      weight: 0.75,
      wrapper: true,
    },
  ],
  causes: [
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
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    WHOAMI,
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
