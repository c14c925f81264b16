import type { CatalogEntry, Example } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

/**
 * The SDK read the command's output and refused it: Go v2's `parse failed of process output`, the
 * Rust SDK's `could not parse response: Expected field \`Token\` in response but it was missing`
 * (corpus holdout13/h13-aws-rustproc-1), a missing Expiration, a JSON error.
 */
const CANNOT_PARSE =
  /parse failed|could not parse response|in response but it was missing|Expiration|invalid character/;

/**
 * aws-sdk-js v3's fromProcess (@aws-sdk/credential-provider-process): the profile it was told to
 * read has no credential_process at all (a toolkit that picked the process provider for it).
 */
const NO_PROCESS_SETTING = /did not contain credential_process/;
const NO_PROCESS_SETTING_EXAMPLE: Example = {
  text: '2023-02-02 14:57:33 [ERROR]: _aws.auth.reauthenticate: Error: Unable to authenticate connection\n\t -> CredentialsProviderError: Profile aws.account.2.AdministratorAccess did not contain credential_process.',
  source: 'corpus holdout14/h14-aws-ssoutil-vscode-cp-1 (benkehoe/aws-sso-util)',
};

export const credentialProcess: CatalogEntry = {
  id: 'aws.credential_process',
  platform: 'aws',
  title: 'The credential_process command failed',
  summary:
    'The profile gets its credentials from an external command (credential_process), and that command failed, timed out, or printed something the SDK cannot parse.',
  variants: [
    {
      when: NO_PROCESS_SETTING,
      title: 'The profile has no credential_process setting, but it was read as one that has',
      summary:
        'The SDK (or an IDE toolkit built on it) used the credential_process provider for this profile, and the profile in ~/.aws/config has no `credential_process` line: nothing was run.',
      example: NO_PROCESS_SETTING_EXAMPLE,
    },
  ],
  codes: ['ProcessProviderExecutionError'],
  signatures: [
    {
      // aws-sdk-java v1/v2 ProcessCredentialsProvider and aws-sdk-net ProcessAWSCredentials: the
      // credential_process helper exited non-zero (127: not found on the PATH the SDK sees).
      id: 'sdk-process-exit',
      pattern:
        /IllegalStateException: Command returned non-zero exit value|ProcessAWSCredentialException|Command returned non-zero exit value \(\d{1,3}\) with error message/,
      tier: 'strong',
      examples: [
        {
          text: 'java.lang.IllegalStateException: Command returned non-zero exit value: 127',
          source:
            'upstream aws/aws-sdk-java-v2:core/auth/src/main/java/software/amazon/awssdk/auth/credentials/ProcessCredentialsProvider.java; corpus holdout6/h6-javasdkv2-3377-1 (aws/aws-sdk-java-v2#3377)',
        },
      ],
    },
    {
      // aws-vault reads credential_process itself and checks the JSON's fields.
      id: 'aws-vault-fields',
      pattern:
        /JSON credential from command .{1,300}? missing the following fields|Failed to get credentials for [\w.@+-]{1,128}: .{0,40}missing the following fields: \[/,
      tier: 'strong',
      examples: [
        {
          text: 'aws-vault: error: exec: Failed to get credentials for demo: JSON credential from command "/usr/local/bin/get-creds demo" missing the following fields: [Expiration SessionToken]',
          source:
            'upstream 99designs/aws-vault@e22aea1:vault/credentialprocessprovider.go and cli/exec.go (rendered with plausible values)',
        },
        {
          text: 'aws-vault: error: exec: Failed to get credentials for demo: ... `missing the following fields: [Expiration SessionToken])`',
          source: 'corpus holdout12/h12-aws-awsvault-credproc-fields-1 (99designs/aws-vault#1182)',
        },
      ],
    },
    {
      id: 'any-mention',
      pattern: /\bcredential_process\b|ProcessProvider\w{0,20}Error/,
      tier: 'likely',
      examples: [
        {
          text: 'ProcessProviderVersionError: wrong version in process output (not 1)',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/processcreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'exec',
      pattern: /error in credential_process|ProcessProviderExecutionError/,
      tier: 'decisive',
      examples: [
        {
          text: 'ProcessProviderExecutionError: error in credential_process\ncaused by: exit status 255',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/processcreds/provider.go (rendered with plausible values)',
        },
        {
          text: 'Error: failed to refresh cached credentials, process provider error: error in credential_process: exit status 1',
          source:
            'upstream aws/aws-sdk-go-v2@384c5aa:credentials/processcreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'provider',
      pattern:
        /process provider error|sourced by the process provider|process-based credentials|ProcessCredentialsProvider|CREDENTIALS_PROVIDER_PROCESS/i,
      tier: 'exact',
      examples: [
        {
          text: 'failed to refresh cached credentials, process provider error: missing AccessKeyId in process output',
          source:
            'upstream aws/aws-sdk-go-v2@384c5aa:credentials/processcreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      // The AWS SDK for Rust (aws-config's credential_process provider) wraps what it could not use.
      id: 'rust-sdk',
      pattern: /Error retrieving credentials from external process/,
      tier: 'exact',
      examples: [
        {
          text: 'ProviderError(ProviderError { source: "Error retrieving credentials from external process, could not parse response: Expected field `Token` in response but it was missing" })',
          source: 'corpus holdout13/h13-aws-rustproc-1 (awslabs/aws-sdk-rust#1021), shortened',
        },
      ],
    },
    {
      id: 'output',
      pattern: /parse failed of process output|credential process timed out/,
      tier: 'decisive',
      examples: [
        {
          text: 'failed to refresh cached credentials, process provider error: credential process timed out: signal: killed',
          source:
            'upstream aws/aws-sdk-go-v2@384c5aa:credentials/processcreds/provider.go (rendered with plausible values)',
        },
        {
          text: "failed to refresh cached credentials, process provider error: parse failed of process output: Enter MFA code:, error: invalid character 'E' looking for beginning of value",
          source:
            'upstream aws/aws-sdk-go-v2@384c5aa:credentials/processcreds/provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'cli',
      pattern: /Error when retrieving credentials from custom-process/,
      tier: 'exact',
      examples: [
        {
          text: 'Error when retrieving credentials from custom-process: idf_dev credentials expired',
          source: 'corpus holdout3/h3-ghidfdev-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'no-process-setting',
      title: 'The profile has no credential_process line (or the tool reads another config file)',
      explanation:
        'The profile exists but gives its credentials another way (sso_session, role_arn, keys) or not at all. Add the command the profile should run (for a helper such as aws-sso-util: `credential_process = aws-sso-util credential-process --profile <name>`), or point the tool at a profile that has one; an IDE or a container may also read a different ~/.aws/config than your shell.',
      prior: 0,
      boosts: [
        {
          when: NO_PROCESS_SETTING,
          by: 1,
          evidence: 'The SDK says the profile does not contain credential_process.',
        },
      ],
      examples: [NO_PROCESS_SETTING_EXAMPLE],
    },
    {
      id: 'aws-vault-required-fields',
      title:
        'aws-vault wants Expiration and SessionToken from the credential_process command, which long-term keys lack',
      explanation:
        'The AWS SDKs accept credential_process output without SessionToken and Expiration (long-term keys); aws-vault’s own credential_process reader requires them (vault/credentialprocessprovider.go). Have the command return temporary credentials (with SessionToken and Expiration), or run the tool on that profile without aws-vault around it, so the SDK reads credential_process itself.',
      prior: 0,
      boosts: [
        {
          when: /missing the following fields: \[/,
          by: 1,
          evidence: 'aws-vault says the command’s JSON lacks fields it requires.',
        },
      ],
      examples: [
        {
          text: 'aws-vault: error: exec: Failed to get credentials for demo: ... `missing the following fields: [Expiration SessionToken])`',
          source: 'corpus holdout12/h12-aws-awsvault-credproc-fields-1 (99designs/aws-vault#1182)',
        },
      ],
    },
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
        {
          when: CANNOT_PARSE,
          by: -0.3,
          evidence: 'The command ran: its output is what the SDK refused.',
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
          when: CANNOT_PARSE,
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
      id: 'profile-settings',
      title: 'Show what the profile does contain, and add the credential_process line it lacks',
      detail:
        'The first command lists the profile’s settings (values of secrets are not shown); the second finds the profile’s section in the config file the SDK reads (AWS_CONFIG_FILE, else ~/.aws/config).',
      commands: [
        'aws configure list⟦ --profile ⟨profile⟩⟧',
        'grep -n -A8 "⟨profile⟩" "${AWS_CONFIG_FILE:-$HOME/.aws/config}"',
      ],
      when: NO_PROCESS_SETTING,
      examples: [NO_PROCESS_SETTING_EXAMPLE],
    },
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
