import type { CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

export const credentialProcess: CatalogEntry = {
  id: 'aws.credential_process',
  platform: 'aws',
  title: 'The credential_process command failed',
  summary:
    'The profile gets its credentials from an external command (credential_process), and that command failed, timed out, or printed something the SDK cannot parse.',
  codes: ['ProcessProviderExecutionError'],
  signatures: [
    {
      id: 'any-mention',
      pattern: /\bcredential_process\b|ProcessProvider\w{0,20}Error/,
      weight: 0.86,
    },
    {
      id: 'exec',
      pattern: /error in credential_process|ProcessProviderExecutionError/,
      weight: 0.97,
    },
    {
      id: 'provider',
      pattern:
        /process provider error|sourced by the process provider|process-based credentials|ProcessCredentialsProvider|CREDENTIALS_PROVIDER_PROCESS/i,
      weight: 0.95,
    },
    {
      id: 'output',
      pattern: /parse failed of process output|credential process timed out/,
      weight: 0.97,
    },
    { id: 'cli', pattern: /Error when retrieving credentials from custom-process/, weight: 0.95 },
    {
      id: 'generic',
      pattern: /credential_process.{0,80}?(?:exited|failed|exit status)/,
      weight: 0.88,
    },
  ],
  causes: [
    {
      id: 'command-broken',
      title: 'The command is not found or not executable where Terraform runs',
      explanation:
        "credential_process runs through a shell with Terraform's PATH: a tool installed only in your interactive shell, a relative path, or a minimal container image without `sh` fails here.",
      prior: 0.4,
      boosts: [
        {
          when: /exit status 12[67]|not found|cannot execute|executable file not found/,
          by: 0.4,
          evidence: 'The shell could not find or run the command.',
        },
      ],
    },
    {
      id: 'bad-output',
      title: 'The command printed something other than the expected JSON',
      explanation:
        'It must print `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": "<ISO-8601>"}` on stdout and nothing else; an empty Expiration or log lines on stdout break parsing.',
      prior: 0.3,
      boosts: [
        {
          when: /parse failed|Expiration|invalid character/,
          by: 0.4,
          evidence: "The SDK could not parse the command's output.",
        },
      ],
    },
    {
      id: 'helper-auth',
      title:
        'The helper itself could not authenticate (expired login, missing certificate, locked keychain)',
      explanation:
        'Helpers such as aws-vault, granted, saml2aws or the Roles Anywhere signing helper fail when their own session or certificate is missing.',
      prior: 0.3,
      boosts: [
        {
          when: /pem|certificate|keychain|login|exit status 1\b/i,
          by: 0.2,
          evidence: 'The helper reported its own failure.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'show-command',
      title: 'Show the command the profile runs',
      commands: ['aws configure get credential_process⟦ --profile ⟨profile⟩⟧'],
    },
    {
      id: 'run-command',
      title: 'Run it by hand in the same environment and check only the shape of the output',
      detail: 'Never paste the output: it contains live credentials.',
      commands: [
        'eval "$(aws configure get credential_process⟦ --profile ⟨profile⟩⟧)" | jq \'with_entries(.value |= (if type == "string" then (length|tostring) + " chars" else . end))\'',
      ],
    },
    {
      id: 'absolute-path',
      title: 'Use an absolute path to the helper, valid inside containers and CI too',
      commands: ['command -v <helper>'],
    },
    {
      id: 'whoami',
      title: 'Check the profile end to end',
      commands: ['aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧'],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.credentialProcess, AWS_DOCS.cliConfigFiles],
};
