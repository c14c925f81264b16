import type { CatalogEntry, Example } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN } from './common';
import { AWS_DOCS } from './docs';

/**
 * The SDK could not parse a shared config or credentials file (aws-sdk-go-v2 config
 * SharedConfigLoadError over its ini parser's `invalid state with ASTKind … and TokenType …`,
 * aws-sdk-go's INIParseError): no profile of that file could be read.
 */
const CONFIG_UNREADABLE =
  /SharedConfigLoadError: failed to load config file|failed to load shared config file, |Unable to parse config file: |INIParseError|invalid state with ASTKind/;
const CONFIG_UNREADABLE_EXAMPLE: Example = {
  text: '2022-09-16T11:28:42.932-0300 [ERROR] provider.terraform-provider-aws_v4.31.0_x5: Response contains error diagnostic: tf_provider_addr=registry.terraform.io/hashicorp/aws diagnostic_severity=ERROR diagnostic_summary="error configuring Terraform AWS Provider: failed to load shared config file, /Users/ezequiel.bertti/.aws/config, invalid state with ASTKind  and TokenType none" tf_rpc=Configure',
  source:
    'corpus holdout16/h16-tfw-aws-v4-sso-config-parse-1 (hashicorp/terraform-provider-aws#26839), shortened',
};

export const profileNotFound: CatalogEntry = {
  id: 'aws.profile_not_found',
  platform: 'aws',
  title: 'The AWS profile named in the configuration does not exist here',
  summary:
    'Terraform was told to use a named profile that is not in the shared config or credentials files it reads on this machine.',
  variants: [
    {
      when: CONFIG_UNREADABLE,
      title: 'The SDK could not parse the AWS config file, so no profile in it could be read',
      summary:
        'The shared config (or credentials) file has a line this SDK cannot read — a section or setting written by a newer tool, a value continued on its own line, a stray character — and it stopped there. The profile may be fine; the file around it is not, for this SDK version.',
      example: CONFIG_UNREADABLE_EXAMPLE,
    },
  ],
  codes: ['SharedConfigProfileNotExistsError', 'ProfileNotFound'],
  signatures: [
    {
      id: 'sdk-v2',
      pattern: /failed to get shared config profile/,
      tier: 'exact',
      examples: [
        {
          text: 'Error: failed to get shared config profile, prod',
          source:
            'upstream aws/aws-sdk-go-v2@70bf410:config/shared_config.go (rendered with plausible values)',
        },
        {
          text: 'failed to get shared config profile, engineer',
          source: 'corpus dev/pg-ecs-profile-engineer-90',
        },
      ],
    },
    // AWS SDK for JavaScript v3 (credential-provider-ini/-process, token-providers).
    {
      id: 'js-sdk',
      pattern:
        /Profile '?[\w.@+-]{1,128}'? could not be found (?:or parsed )?in shared credentials file|CredentialsProviderError: Profile [\w.@+-]{1,128} was not found\./,
      tier: 'strong',
      examples: [
        {
          text: 'CredentialsProviderError: Profile prod was not found.',
          source:
            'upstream npm @aws-sdk/credential-provider-sso@3.973.30:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: "TokenProviderError: Profile 'prod' could not be found in shared credentials file.",
          source:
            'upstream npm @aws-sdk/token-providers@3.1177.0:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'CredentialsProviderError: Profile prod could not be found in shared credentials file.',
          source:
            'upstream npm @aws-sdk/credential-provider-process@3.972.86:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          // Releases of 2023 said "could not be found or parsed" (the same check).
          text: 'CredentialsProviderError: Profile test could not be found or parsed in shared credentials file.',
          source: 'corpus holdout13/h13-aws-jsv3prof-1 (aws/aws-sdk-js-v3#4740)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Profile default was not found.',
          source:
            "invented: the same words without the AWS SDK's error class, as another CLI could print them",
        },
      ],
    },
    {
      // Tools that read the profile themselves: aws-vault (before v4), the ECS CLI (its own
      // profiles, `ecs-cli configure profile`), and the Ruby SDK v2 (`Aws::Errors::NoSuchProfileError`,
      // quoting the name as `default').
      id: 'tool-profiles',
      pattern:
        /Profile [`']?[\w.@+-]{1,128}' not found in \S{0,200}\.aws[\\/](?:config|credentials)|ECS Profile [\w.@+-]{1,128} could not be found|\bAws::Errors::NoSuchProfileError\b/,
      tier: 'strong',
      examples: [
        {
          text: "$ aws-vault exec --profile=foo env >/dev/null\nProfile 'foo' not found in /Users/pda/.aws/config",
          source:
            'corpus holdout12/h12-aws-awsvault-old-profile-notfound-1 (99designs/aws-vault#6)',
        },
        {
          text: "FATA[0000] Error executing 'ps Error loading config: ECS Profile asdfasdf could not be found. Configure profiles using 'ecs-cli configure profile'.",
          source: 'corpus holdout12/h12-aws-ecscli-profile-1 (aws/amazon-ecs-cli#357)',
        },
        {
          text: "Aws> s3 = Aws::S3::Client.new\nAws::Errors::NoSuchProfileError: Profile `default' not found in ~/.aws/credentials",
          source:
            'corpus holdout13/h13-aws-rubyprof-1 (amazon-archives/aws-sdk-core-ruby#104), shortened',
        },
      ],
    },
    {
      // The Serverless Framework reads the profile itself: v2+ `AWS profile "dev" doesn't seem to
      // be configured`, v1 `Profile dev does not exist` (lib/plugins/aws/provider/awsProvider.js),
      // which alone names no platform: the framework's name or its file must be in the paste.
      id: 'serverless',
      pattern:
        /AWS profile "[\w.@+-]{1,128}" doesn't seem to be configured|\bProfile [\w.@+-]{1,128} does not exist\b/,
      requires: /AWS profile "|[Ss]erverless|awsProvider\.js/,
      tier: 'strong',
      examples: [
        {
          text: 'Serverless: Injecting required Python packages to package...\n \n Serverless Error ----------------------------------------\n \n  Could not locate deployment bucket. Error: AWS profile "dev" doesn\'t seem to be configured',
          source: 'corpus holdout15/h15-aws-sls-profile-dev-1 (serverless/serverless#9190)',
        },
        {
          text: 'Serverless: Creating Stack...\n\n  Error --------------------------------------------------\n\n  Profile devawsaccount does not exist\n\n  Stack Trace --------------------------------------------\n\nError: Profile devawsaccount does not exist\n    at Object.addProfileCredentials (/usr/local/lib/node_modules/serverless/lib/plugins/aws/provider/awsProvider.js:96:15)',
          source:
            'corpus holdout15/h15-aws-sls-profile-stack-1 (serverless/serverless#5098), shortened',
        },
      ],
    },
    {
      id: 'sdk-v1',
      pattern: /SharedConfigProfileNotExistsError|failed to get profile,? [\w.@+-]/,
      tier: 'exact',
      examples: [
        {
          text: 'SharedConfigProfileNotExistsError: failed to get profile, prod',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/session/shared_config.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'cli',
      pattern:
        /The config profile \([^)]{1,128}\) could not be found|\bProfileNotFound\b|The specified config file \([^)]{1,300}\) could not be found/,
      tier: 'exact',
      examples: [
        {
          text: 'botocore.exceptions.ConfigNotFound: The specified config file (/home/dev/.aws/config-prod) could not be found.',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (ConfigNotFound) (rendered with plausible values)',
        },
        {
          text: 'botocore.exceptions.ProfileNotFound: The config profile () could not be found',
          source: 'corpus holdout2/h2-gimmeawscreds332-1',
        },
      ],
    },
    {
      id: 'source-profile',
      pattern:
        /SharedConfigAssumeRoleError|source profile [\w.@+-]{1,128} has no shared credentials|failed to load assume role [^\s,]{1,200}, of profile |The source_profile "[^"]{1,128}" referenced in the profile "[^"]{1,128}" does not exist|The source profile "[^"]{1,128}" must have credentials/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: The source_profile "base" referenced in the profile "deploy" does not exist.',
          source:
            'upstream boto/botocore@1.43.67:botocore/credentials.py (rendered with plausible values)',
        },
        {
          text: 'SharedConfigAssumeRoleError: failed to load assume role for arn:aws:iam::123456789012:role/deploy, source profile base has no shared credentials',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/session/shared_config.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'load-config',
      pattern: CONFIG_UNREADABLE,
      tier: 'generic',
      examples: [
        {
          text: 'Error: failed to load shared config file, /home/dev/.aws/config, invalid state with ASTKind 3 and TokenType 1',
          source:
            'upstream aws/aws-sdk-go-v2@70bf410:config/shared_config.go (SharedConfigLoadError; rendered with plausible values)',
        },
        {
          text: 'SharedConfigLoadError: failed to load config file, /home/dev/.aws/config\ncaused by: INIParseError: invalid state',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/session/shared_config.go (rendered with plausible values)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'config-unparseable',
      title: 'A line of the shared config file is one this SDK version cannot parse',
      explanation:
        'Newer tools write sections and settings older SDKs do not know (`aws configure sso` adds `[sso-session …]`); an editor or a script can leave a line the parser rejects. Either way the SDK reads no profile from the file.',
      prior: 0,
      boosts: [
        {
          when: CONFIG_UNREADABLE,
          by: 1,
          evidence: 'The SDK says it could not load (parse) the shared config file.',
        },
      ],
      examples: [CONFIG_UNREADABLE_EXAMPLE],
    },
    {
      id: 'not-on-this-machine',
      title: "The profile exists on someone's laptop, not where Terraform runs",
      explanation:
        'A hard-coded `profile = "…"` from a colleague or a tutorial, or a CI runner that never had `~/.aws/config`.',
      prior: 0.45,
      boosts: [
        {
          when: 'ci',
          by: 0.2,
          evidence: 'This ran in CI, which has no ~/.aws files unless a step writes them.',
        },
      ],
    },
    {
      id: 'typo-or-section',
      title: 'A typo, or the wrong section header',
      explanation:
        'In ~/.aws/config a named profile is `[profile ⟨profile⟩]`; in ~/.aws/credentials it is `[⟨profile⟩]`. Mixing them up hides the profile.',
      prior: 0.3,
      boosts: [
        {
          // JS v3 (2023) said "could not be found or parsed": the section is there but unreadable
          // too (corpus holdout13/h13-aws-jsv3prof-1: a custom file with camelCase key names).
          when: /could not be found or parsed/,
          by: 0.35,
          evidence:
            'The SDK says the profile could not be found *or parsed*: a section it cannot read counts as missing (a misspelled header, keys other than aws_access_key_id / aws_secret_access_key).',
        },
        {
          when: 'profile.default',
          by: 0.25,
          evidence:
            'The missing profile is `default`: no profile was named, and the file has no `[default]` section (or it is commented out).',
        },
      ],
    },
    {
      id: 'other-home',
      title: 'Terraform reads files from another HOME or path',
      explanation:
        'sudo, containers, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, or `shared_config_files` in the provider change which files are read.',
      prior: 0.2,
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'config-parse',
      title:
        'Find the line the SDK cannot parse: list the file’s sections and settings with their line numbers',
      detail:
        'Look for what an older SDK does not know (an `[sso-session …]` or `[services …]` section, a nested setting indented under another), a value on a line of its own, or characters pasted in by an editor. Moving that part to a separate file (AWS_CONFIG_FILE) or upgrading the provider (`terraform init -upgrade`) tells which it is.',
      commands: [
        'grep -n -E \'^[[:space:]]*(\\[|[A-Za-z_]+[[:space:]]*=)\' "${AWS_CONFIG_FILE:-$HOME/.aws/config}" | cut -d= -f1',
        'terraform version',
      ],
      when: CONFIG_UNREADABLE,
      examples: [CONFIG_UNREADABLE_EXAMPLE],
    },
    {
      id: 'list-profiles',
      title: 'List the profiles this machine knows',
      commands: [
        'aws configure list-profiles',
        'echo "$AWS_CONFIG_FILE $AWS_SHARED_CREDENTIALS_FILE"',
      ],
    },
    {
      id: 'find-profile',
      title: 'Find where the profile name is set',
      commands: [
        `grep -rn '⟨profile⟩' --include='*.tf' --include='*.tfvars' --include='*.hcl' .`,
        'env | grep -E "^AWS_(DEFAULT_)?PROFILE"',
      ],
    },
    {
      id: 'create-profile',
      title:
        'Create the profile here, or drop the hard-coded name and use AWS_PROFILE per environment',
      commands: ['aws configure --profile ⟨profile⟩', 'aws configure sso --profile ⟨profile⟩'],
      // aws-vault keeps keys in its keyring, and the ECS CLI has profiles of its own: writing
      // keys into ~/.aws would be the wrong fix for both (their own step leads instead).
      unless: /aws-vault|ecs-cli|ECS Profile/,
      notFor: [
        {
          text: "$ aws-vault exec --profile=foo env >/dev/null\nProfile 'foo' not found in /Users/pda/.aws/config",
          source:
            'corpus holdout12/h12-aws-awsvault-old-profile-notfound-1 (99designs/aws-vault#6)',
        },
      ],
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.cliConfigFiles, AWS_DOCS.providerAuth],
};
