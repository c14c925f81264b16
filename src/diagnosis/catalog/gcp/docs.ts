export const GCP_DOCS = {
  providerAuth: {
    title: 'google provider: authentication',
    url: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference#authentication',
  },
  adc: {
    title: 'Google Cloud: set up Application Default Credentials',
    url: 'https://cloud.google.com/docs/authentication/provide-credentials-adc',
  },
  adcTroubleshoot: {
    title: 'Google Cloud: troubleshoot your ADC setup',
    url: 'https://cloud.google.com/docs/authentication/troubleshoot-adc',
  },
  iamTroubleshoot: {
    title: 'Google Cloud IAM: troubleshoot permission errors',
    url: 'https://cloud.google.com/iam/docs/troubleshooting-access',
  },
  wif: {
    title: 'Google Cloud: workload identity federation with deployment pipelines',
    url: 'https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines',
  },
} as const;
