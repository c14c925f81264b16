import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

export const permissionDenied: CatalogEntry = {
  id: 'aws.permission_denied',
  platform: 'aws',
  title: 'Authenticated, but not allowed to do this',
  summary:
    'AWS knows who is calling; that identity is just not permitted to perform the action on that resource (an identity or resource policy, a permissions boundary, an SCP, or a KMS key policy).',
  codes: ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess'],
  signatures: [
    {
      id: 'insufficient-privileges',
      pattern: /\bInsufficientPrivileges(?:Exception)?\b|Insufficient privileges for/,
      weight: 0.86,
    },
    {
      id: 'not-authorized',
      pattern:
        /is not authorized to perform:? (?!sts:AssumeRole)[a-z0-9-]{2,30}:[A-Za-z0-9*]{2,80}/,
      weight: 0.92,
    },
    {
      id: 'ec2',
      pattern: /\bUnauthorizedOperation\b|Encoded authorization failure message/,
      weight: 0.93,
    },
    { id: 'json', pattern: /\bAccessDeniedException\b/, weight: 0.88 },
    {
      id: 'policy-explain',
      pattern:
        /because no (?:identity|resource)-based policy allows|with an explicit deny in an? [\w -]{3,40}policy/,
      weight: 0.93,
    },
    {
      id: 's3',
      pattern:
        /AccessDenied: Access Denied|api error AccessDenied: Access Denied|\(AccessDenied\) when calling the (?!AssumeRole|GetSessionToken)\w{2,64} operation/,
      weight: 0.86,
    },
    { id: 'generic', pattern: /\bAccessDenied\b/, weight: 0.7 },
    { id: 'unauthorized-access', pattern: /\bUnauthorizedAccess\b/, weight: 0.8 },
    // SDK v2 shows a bodiless 403 (HEAD requests) as `api error Forbidden: Forbidden`.
    {
      id: 'head-forbidden',
      pattern: /StatusCode: 403,.{0,300}?api error Forbidden: Forbidden/,
      weight: 0.8,
    },
  ],
  causes: [
    {
      id: 'missing-permission',
      title: "The identity's policies do not grant the action",
      explanation:
        'No identity-based policy allows ⟨action⟩ for this principal (or a permissions boundary caps it).',
      prior: 0.45,
      boosts: [
        {
          when: /no identity-based policy allows/,
          by: 0.3,
          evidence: 'AWS says no identity-based policy allows ⟨action⟩.',
        },
      ],
    },
    {
      id: 'wrong-identity',
      title: 'Terraform runs as a different identity than you expect',
      explanation:
        'Another profile, stale environment keys or the CI role may be the caller — the permission exists, just for someone else.',
      prior: 0.2,
      boosts: [{ when: 'principal.present', by: 0.1, evidence: 'The caller was ⟨principal⟩.' }],
    },
    {
      id: 'explicit-deny',
      title: 'An explicit deny: SCP, permissions boundary, resource or session policy',
      explanation:
        'An explicit deny anywhere wins over any allow; organisation SCPs and region restrictions are common sources, as is the AWSCompromisedKeyQuarantine policy on a leaked key.',
      prior: 0.1,
      boosts: [
        {
          when: /explicit deny|service control policy|permissions boundary|Quarantine/i,
          by: 0.45,
          evidence: 'The message names an explicit deny⟦ in a ⟨policy_type⟩⟧⟦: ⟨policy_arn⟩⟧.',
        },
      ],
    },
    {
      id: 'state-bucket',
      title: 'The state bucket, its KMS key or the lock table is not readable by this identity',
      explanation:
        'State needs s3:ListBucket on the bucket, s3:GetObject/PutObject on the key, kms:Decrypt/GenerateDataKey on an SSE-KMS key, and DynamoDB access for the lock table (or s3 lockfile permissions).',
      prior: 0.05,
      boosts: [
        {
          when: /Error loading state|Failed to (?:load|get) (?:state|existing workspaces)|Error inspecting states|Unable to (?:list objects|access object)|"s3" backend/,
          by: 0.5,
          evidence: 'The denial happened while reading or writing Terraform state.',
        },
      ],
    },
    {
      id: 'encoded',
      title: 'Decode the encoded authorization message to see the exact policy that denied it',
      explanation:
        'EC2 hides the details in an encoded message that `sts decode-authorization-message` reveals (the caller needs sts:DecodeAuthorizationMessage).',
      prior: 0.0,
      boosts: [
        {
          when: 'encoded_message',
          by: 0.35,
          evidence: 'The paste has an Encoded authorization failure message.',
        },
      ],
    },
    {
      id: 'head-request',
      title: 'A HEAD request got a bare 403: permissions first, then KMS or a skewed clock',
      explanation:
        'S3 answers HEAD requests without an error body, so the real reason (missing s3:GetObject/ListBucket, a KMS key policy, a bucket policy, or clock skew) is not in the message.',
      prior: 0,
      boosts: [
        {
          when: /api error Forbidden: Forbidden|Head(?:Object|Bucket)/,
          by: 0.2,
          evidence: 'S3 returned a 403 without an error code to a HEAD request.',
        },
      ],
    },
    BACKEND_CAUSE,
  ],
  steps: [
    WHOAMI,
    {
      id: 'decode',
      title:
        'Decode the authorization message (needs sts:DecodeAuthorizationMessage in that account)',
      commands: [
        'aws sts decode-authorization-message --encoded-message ⟨encoded_message⟩ --query DecodedMessage --output text | jq .',
      ],
      when: 'encoded_message',
    },
    {
      id: 'simulate',
      title: 'Ask IAM whether the caller may perform the action',
      commands: [
        'aws iam simulate-principal-policy --policy-source-arn ⟨iam_principal⟩ --action-names ⟨action⟩',
      ],
      when: 'principal.simulatable',
    },
    {
      id: 'state-access',
      title: 'For state: test bucket access with the same identity',
      commands: [
        'aws s3 ls s3://⟨bucket⟩/⟦ --profile ⟨profile⟩⟧',
        'aws s3api head-object --bucket ⟨bucket⟩ --key ⟨state_key⟩',
      ],
      when: 'state.s3',
    },
    {
      id: 'cloudtrail',
      title: 'Find the denied call in CloudTrail (errorCode AccessDenied) for the full context',
      commands: [
        'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=⟨event_name⟩ --max-results 5',
      ],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.accessDenied, AWS_DOCS.decodeMessage],
};
