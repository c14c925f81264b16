import type { CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

// A network failure only belongs here when it happened while fetching or checking
// credentials; elsewhere it is not tfauth's business.
const CREDENTIAL_CONTEXT =
  /sts|STS|credential|[Aa]ssume|SSO|sso|caller identity|account details|oidc/;

export const endpointUnreachable: CatalogEntry = {
  id: 'aws.endpoint_unreachable',
  platform: 'aws',
  title: 'Terraform could not reach AWS to check the credentials',
  summary:
    'This is a network problem, not a credentials one: the call to STS (or SSO) never got an answer because of DNS, a proxy, TLS interception, a firewall or a wrong custom endpoint.',
  codes: ['RequestError', 'StatusCode: 0'],
  signatures: [
    { id: 'status-0', pattern: /StatusCode: 0, RequestID: ,? ?request send failed/, weight: 0.92 },
    {
      id: 'retries-exhausted',
      pattern:
        /operation error (?:STS|SSO|SSO OIDC): \w{2,64}, exceeded maximum number of attempts(?:, \d{1,3})?$/,
      weight: 0.75,
    },
    {
      id: 'send-failed',
      pattern: /request send failed|send request failed|RequestError: send request failed/,
      weight: 0.82,
      requires: CREDENTIAL_CONTEXT,
    },
    {
      id: 'dns',
      pattern:
        /dial tcp: lookup [^\s:]{1,200}(?: on [^\s]{1,80})?: (?:no such host|i\/o timeout|server misbehaving|read udp)/,
      weight: 0.88,
      requires: CREDENTIAL_CONTEXT,
    },
    {
      id: 'connect',
      pattern:
        /dial tcp [\d.:[\]a-f]{3,60}: (?:i\/o timeout|connect: connection refused|connect: network is unreachable)/,
      weight: 0.85,
      requires: CREDENTIAL_CONTEXT,
    },
    {
      id: 'tls',
      pattern:
        /x509: certificate signed by unknown authority|tls: failed to verify certificate|certificate is not valid for/,
      weight: 0.86,
      requires: CREDENTIAL_CONTEXT,
    },
    { id: 'proxy', pattern: /proxyconnect tcp/, weight: 0.88 },
    {
      id: 'cli',
      pattern: /Could not connect to the endpoint URL|EndpointConnectionError|ConnectTimeoutError/,
      weight: 0.88,
      requires: CREDENTIAL_CONTEXT,
    },
  ],
  causes: [
    {
      id: 'dns',
      title: 'DNS cannot resolve the AWS endpoint',
      explanation:
        'A broken resolver, a VPN split-DNS setup, or an IPv6-only resolver that returns nothing for the STS name.',
      prior: 0.35,
      boosts: [
        {
          when: /lookup .{1,200}(?:no such host|read udp|server misbehaving)/,
          by: 0.35,
          evidence: 'The DNS lookup of ⟨endpoint⟩ failed.',
        },
      ],
    },
    {
      id: 'proxy-firewall',
      title: 'A proxy or firewall blocks or intercepts the connection',
      explanation:
        'Corporate networks require HTTPS_PROXY (and NO_PROXY for the metadata address); TLS-inspecting proxies need their CA in AWS_CA_BUNDLE.',
      prior: 0.3,
      boosts: [
        {
          when: /proxyconnect|x509|certificate|i\/o timeout|connection refused/,
          by: 0.3,
          evidence: 'The connection itself timed out, was refused or failed TLS checks.',
        },
      ],
    },
    {
      id: 'custom-endpoint',
      title: 'A custom endpoint points to the wrong place',
      explanation:
        'An `endpoints { sts = … }` block, AWS_ENDPOINT_URL(_STS) or a LocalStack setting left over sends the call somewhere that does not answer.',
      prior: 0.15,
      boosts: [
        {
          when: /localhost|127\.0\.0\.1|localstack|:4566/,
          by: 0.4,
          evidence: 'The call went to a local endpoint.',
        },
      ],
    },
    {
      id: 'regional-sts',
      title:
        'The regional STS endpoint is unreachable from this network (VPC endpoints, private DNS)',
      explanation:
        'In a VPC without internet access STS needs an interface endpoint with private DNS enabled.',
      prior: 0.1,
    },
  ],
  steps: [
    {
      id: 'resolve',
      title: 'Resolve and reach the endpoint from where Terraform runs',
      commands: [
        'nslookup ⟨endpoint⟩',
        'curl -sS -o /dev/null -w "%{http_code}\\n" https://⟨endpoint⟩',
      ],
    },
    {
      id: 'proxy-env',
      title: 'Check proxy and endpoint settings (names and hosts only)',
      commands: ['env | grep -iE "^(https?_proxy|no_proxy|AWS_CA_BUNDLE|AWS_ENDPOINT_URL)"'],
    },
    {
      id: 'custom-endpoints',
      title: 'Look for custom endpoints in the configuration',
      commands: [`grep -rnE 'endpoints|sts_region|endpoint' --include='*.tf' .`],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.cliProxy, AWS_DOCS.customEndpoints, AWS_DOCS.stsRegions],
};
