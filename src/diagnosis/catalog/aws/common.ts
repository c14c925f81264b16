// Steps and causes several AWS classes share.

import type { CauseSpec, Example, StepSpec } from '../schema';

export const WHOAMI: StepSpec = {
  id: 'whoami',
  title:
    'Ask AWS which identity these credentials are, from the same shell and profile Terraform uses',
  commands: ['aws sts get-caller-identity⟦ --profile ⟨profile⟩⟧'],
};

/**
 * WHOAMI where the paste names the refused caller (a denial's `User: arn:…`): asking again
 * only repeats it, so the caller's policies or the role's trust policy lead instead.
 */
export function whoamiUnlessNamed(notFor: Example): StepSpec {
  return { ...WHOAMI, unless: 'principal.named', notFor: [notFor] };
}

export const CONFIGURE_LIST: StepSpec = {
  id: 'configure-list',
  title: 'See where the credentials come from (environment, profile, SSO, instance role)',
  detail:
    'Exported keys (AWS_ACCESS_KEY_ID…) win over AWS_PROFILE and `~/.aws`, so a stale exported key hides a good profile; a `profile` set in the provider or backend block wins over both.',
  commands: ['aws configure list⟦ --profile ⟨profile⟩⟧', 'env | grep ^AWS_ | cut -d= -f1'],
};

export const BACKEND_CREDENTIALS: StepSpec = {
  id: 'backend-credentials',
  title: "Check the credentials of the backend block, which are not the provider's",
  detail:
    'The S3 backend authenticates on its own during `terraform init`: its `profile`, `assume_role` and keys come from the `backend "s3"` block and `-backend-config`, not from `provider "aws"`.',
  commands: [`grep -n -A12 'backend "s3"' *.tf`, 'terraform init -reconfigure'],
  when: 'block.backend',
};

export const BACKEND_CAUSE: CauseSpec = {
  id: 'backend-own-credentials',
  title: 'The S3 backend uses different credentials than the provider',
  explanation:
    'The backend is configured separately from `provider "aws"` (its own profile, role or keys, read at `terraform init`). A provider that works says nothing about the backend.',
  prior: 0,
  boosts: [
    {
      when: 'block.backend',
      by: 0.5,
      evidence: 'The failure is in ⟨block⟩, during backend initialisation.',
    },
  ],
};

export const RERUN: StepSpec = {
  id: 'rerun',
  title: 'Run Terraform again from the same shell',
  commands: ['terraform plan'],
};
