import type { CatalogEntry } from '../schema';
import { GCP_DOCS } from './docs';

export const gcpNoCredentials: CatalogEntry = {
  id: 'gcp.no_credentials',
  platform: 'gcp',
  title: 'The google provider found no credentials',
  summary:
    'Neither `credentials` nor `access_token` is set, GOOGLE_APPLICATION_CREDENTIALS is unset, and there are no Application Default Credentials from gcloud or a metadata server where Terraform runs.',
  codes: ['could not find default credentials'],
  signatures: [
    {
      id: 'id-token',
      pattern: /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/,
      requires: /google|gcloud|GOOGLE|gcp|GCP|workload_identity_provider/,
      weight: 0.88,
    },
    {
      id: 'env-file',
      pattern:
        /error getting credentials using GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS.{0,80}no such file/,
      weight: 0.93,
    },
    {
      id: 'client-libraries',
      pattern:
        /default credentials were not found|Application Default Credentials are not available|\b(?:Application)?DefaultCredentialsError\b/,
      weight: 0.95,
    },
    { id: 'adc', pattern: /could not find default credentials/, weight: 0.96 },
    {
      id: 'provider',
      pattern:
        /Attempted to load application default credentials since neither `?credentials`? nor `?access_token`? was set/,
      weight: 0.96,
    },
    {
      id: 'no-creds-loaded',
      pattern: /No credentials loaded\. To use your gcloud credentials/,
      weight: 0.9,
    },
  ],
  causes: [
    {
      id: 'adc-not-set-up',
      title: 'Application Default Credentials were never created on this machine',
      explanation:
        '`gcloud auth login` is not enough: Terraform reads ADC, created by `gcloud auth application-default login`.',
      prior: 0.5,
    },
    {
      id: 'remote-runner',
      title:
        'Terraform runs somewhere your gcloud login does not reach (CI, HCP Terraform, a container)',
      explanation:
        'Remote runs need GOOGLE_CREDENTIALS, workload identity federation or dynamic provider credentials configured in that workspace.',
      prior: 0.3,
      boosts: [
        {
          when: /Waiting for the plan to start|remote|Operation failed: failed running terraform/,
          by: 0.3,
          evidence: 'This was a remote run, which cannot see your local gcloud credentials.',
        },
        { when: 'ci', by: 0.2, evidence: 'This ran in CI.' },
      ],
    },
    {
      id: 'env-path',
      title: 'GOOGLE_APPLICATION_CREDENTIALS points at a file that does not exist here',
      explanation: 'A path from another machine or a file not mounted into the container.',
      prior: 0.2,
    },
  ],
  steps: [
    {
      id: 'adc-login',
      title: 'Create Application Default Credentials',
      commands: [
        'gcloud auth application-default login',
        'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
      ],
    },
    {
      id: 'env',
      title: 'Check which credential variables are set (names only)',
      commands: ['env | grep -E "^(GOOGLE|CLOUDSDK)_" | cut -d= -f1'],
    },
    {
      id: 'remote',
      title:
        'Remote/CI runs: configure credentials in that environment (workload identity federation preferred over key files)',
      commands: ['gcloud iam workload-identity-pools list --location=global'],
      when: 'ci',
    },
  ],
  docs: [GCP_DOCS.adc, GCP_DOCS.providerAuth, GCP_DOCS.adcTroubleshoot],
};
