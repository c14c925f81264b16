import type { CatalogEntry } from '../schema';
import { GCP_DOCS } from './docs';

export const gcpInvalidGrant: CatalogEntry = {
  id: 'gcp.invalid_grant',
  platform: 'gcp',
  title: "Google refused the credentials' token exchange",
  summary:
    "The credentials exist but Google would not issue an access token: the user's refresh token expired or was revoked, reauthentication is required by policy, the service-account key was deleted, or a workload identity exchange failed.",
  codes: ['invalid_grant', 'invalid_rapt', 'unauthorized_client'],
  signatures: [
    { id: 'cannot-fetch', pattern: /oauth2: cannot fetch token/, weight: 0.9 },
    {
      id: 'invalid-grant',
      pattern: /"?invalid_grant"?/,
      requires: /google|gcloud|oauth2|googleapis|\bgcp\b|GCP|GOOGLE|gserviceaccount/,
      weight: 0.93,
    },
    {
      id: 'rapt',
      pattern:
        /invalid_rapt|[Rr]eauthentication (?:is )?(?:needed|required)|reauth related error|problem reauthenticating/,
      weight: 0.96,
    },
    {
      id: 'generate-token',
      pattern: /oauth2\/google: unable to generate access token/,
      weight: 0.88,
    },
    {
      id: 'unauthenticated',
      pattern:
        /Request had invalid authentication credentials|googleapi: Error 401\b|"status": ?"UNAUTHENTICATED"/,
      weight: 0.9,
    },
    {
      id: 'jwt',
      pattern: /Invalid JWT Signature|invalid_client.{0,60}(?:not found|deleted)/,
      weight: 0.92,
    },
  ],
  causes: [
    {
      id: 'user-token-expired',
      title: 'The user ADC refresh token expired, was revoked, or needs reauthentication',
      explanation:
        'Workspace session policies force reauthentication (invalid_rapt); refresh tokens also die after a password change or long disuse.',
      prior: 0.55,
      boosts: [
        {
          when: /invalid_rapt|[Rr]eauth/,
          by: 0.3,
          evidence: 'Google demands reauthentication (invalid_rapt).',
        },
      ],
    },
    {
      id: 'key-deleted',
      title: 'The service-account key was deleted or disabled',
      explanation:
        'A key file keeps "working" locally until Google refuses it: Invalid JWT Signature means the key no longer exists.',
      prior: 0.2,
      boosts: [
        {
          when: /Invalid JWT Signature/,
          by: 0.5,
          evidence: "Google says the key's signature is invalid.",
        },
      ],
    },
    {
      id: 'wif',
      title: 'Workload identity federation could not exchange the external token',
      explanation:
        'The pool provider could not reach or validate the external issuer, or the attribute condition rejected the token.',
      prior: 0.15,
      boosts: [
        {
          when: /credential's issuer|iamcredentials|sts\.googleapis\.com|generateAccessToken/,
          by: 0.4,
          evidence: 'The failure happened in the federated token exchange.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'relogin',
      title: 'Refresh user Application Default Credentials',
      commands: [
        'gcloud auth application-default login',
        'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
      ],
      sources: ['adc_user', 'unknown'],
    },
    {
      id: 'key',
      title: 'Key files: check the key still exists',
      commands: [
        'jq -r .client_email,.private_key_id "$GOOGLE_APPLICATION_CREDENTIALS"',
        'gcloud iam service-accounts keys list --iam-account ⟨service_account⟩',
      ],
      sources: ['service_account_key', 'unknown'],
    },
    {
      id: 'wif',
      title: "Workload identity: check the provider's issuer and attribute condition",
      commands: [
        'gcloud iam workload-identity-pools providers describe <provider> --workload-identity-pool=<pool> --location=global',
      ],
      sources: ['oidc', 'unknown'],
    },
  ],
  docs: [GCP_DOCS.adcTroubleshoot, GCP_DOCS.wif],
};
