import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, CONFIGURE_LIST, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

export const signatureMismatch: CatalogEntry = {
  id: 'aws.signature_mismatch',
  platform: 'aws',
  title: 'The secret key does not match the access key',
  summary:
    'AWS knows the access key id, but the request was signed with a different secret: a wrong, truncated or padded secret, or a key id and secret from two different key pairs.',
  codes: ['SignatureDoesNotMatch', 'InvalidSignatureException'],
  signatures: [
    {
      id: 'code',
      pattern: /\bSignatureDoesNotMatch\b/,
      tier: 'strong',
      examples: [
        {
          text: 'An error occurred (SignatureDoesNotMatch) when calling the ListBuckets operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          source: 'corpus dev/pg-cli-sigmismatch-s3-80',
        },
      ],
      counterexamples: [
        {
          text: '* aws_cloudformation_stack.waf_security_automations: SignatureDoesNotMatch: Signature expired: 20161024T215820Z is now earlier than 20161024T215917Z (20161024T220417Z - 5 min.)\n    status code: 403, request id: cec1f295-9a35-11e6-80c5-cf6fcfc9763b',
          source: 'corpus dev/gh-terraform-9571-1',
        },
        {
          text: 'api error InvalidClientTokenId: The security token included in the request is invalid.',
          source: 'corpus dev/gh-azpipetf-453-1',
        },
      ],
    },
    {
      id: 'message',
      pattern: /request signature we calculated does not match the signature you provided/,
      tier: 'strong',
      examples: [
        {
          text: 'ServerlessError: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
          source: 'corpus holdout2/h2-chromeless39-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'wrong-secret',
      title: 'The secret access key is wrong or belongs to another key pair',
      explanation:
        'The key id and secret must come from the same key pair. After a rotation it is easy to update one and not the other.',
      prior: 0.5,
    },
    {
      id: 'whitespace',
      title:
        'The secret has a stray character: a space, newline, quote or a `\\r` from a Windows file',
      explanation:
        'Secrets copied from a console, a CSV or a CI variable often pick up trailing whitespace or quotes that become part of the signature.',
      prior: 0.3,
      boosts: [
        {
          when: 'ci',
          by: 0.1,
          evidence: 'This ran in CI, where secrets are pasted into variable settings.',
        },
      ],
    },
    {
      id: 'mixed-sources',
      title: 'Key id and secret come from two different sources (environment vs profile)',
      explanation:
        'AWS_ACCESS_KEY_ID set in the environment with AWS_SECRET_ACCESS_KEY coming from elsewhere (or the other way round) mixes two key pairs.',
      prior: 0.15,
    },
    {
      id: 'clock-or-proxy',
      title: 'Less often: a proxy that rewrites requests, or a badly skewed clock',
      explanation:
        'Anything that changes the signed request in transit, or a clock far off, also breaks the signature.',
      prior: 0.05,
    },
    BACKEND_CAUSE,
  ],
  steps: [
    CONFIGURE_LIST,
    {
      id: 'check-secret-shape',
      title:
        'Check the secret has exactly 40 characters, with no spaces or quotes (prints only the length)',
      commands: [
        'printf %s "$AWS_SECRET_ACCESS_KEY" | wc -c',
        'aws configure get aws_secret_access_key⟦ --profile ⟨profile⟩⟧ | tr -d "\\n" | wc -c',
      ],
    },
    WHOAMI,
    {
      id: 'new-key',
      title: 'If in doubt, create a new key pair and store both halves together',
      commands: ['aws configure⟦ --profile ⟨profile⟩⟧'],
      sources: ['env', 'profile', 'unknown'],
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.sigv4Troubleshooting, AWS_DOCS.accessKeys, AWS_DOCS.providerAuth],
};
