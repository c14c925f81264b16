import type { CatalogEntry } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, RERUN } from './common';
import { AWS_DOCS } from './docs';

export const profileNotFound: CatalogEntry = {
  id: 'aws.profile_not_found',
  platform: 'aws',
  title: 'The AWS profile named in the configuration does not exist here',
  summary:
    'Terraform was told to use a named profile that is not in the shared config or credentials files it reads on this machine.',
  codes: ['SharedConfigProfileNotExistsError', 'ProfileNotFound'],
  signatures: [
    { id: 'sdk-v2', pattern: /failed to get shared config profile/, weight: 0.95 },
    {
      id: 'sdk-v1',
      pattern: /SharedConfigProfileNotExistsError|failed to get profile,? [\w.@+-]/,
      weight: 0.95,
    },
    {
      id: 'cli',
      pattern: /The config profile \([^)]{1,128}\) could not be found|\bProfileNotFound\b/,
      weight: 0.95,
    },
    {
      id: 'generic',
      pattern: /\bprofile "?[\w.@+-]{1,128}"? (?:not found|does not exist)/,
      weight: 0.8,
    },
    {
      id: 'source-profile',
      pattern:
        /SharedConfigAssumeRoleError|source profile [\w.@+-]{1,128} has no shared credentials/,
      weight: 0.85,
    },
    {
      id: 'load-config',
      pattern: /SharedConfigLoadError: failed to load config file/,
      weight: 0.75,
    },
  ],
  causes: [
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
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.cliConfigFiles, AWS_DOCS.providerAuth],
};
