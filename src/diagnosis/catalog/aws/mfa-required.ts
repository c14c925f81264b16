import type { CatalogEntry } from '../schema';
import { RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

/** A user's ARN given where the MFA device's serial (`arn:aws:iam::ACCOUNT:mfa/NAME`) belongs. */
const USER_ARN_AS_DEVICE =
  /(?:--device|--serial-number|mfa_serial ?=|device \[) ?arn:aws[\w-]{0,10}:iam::[\d*x]{1,16}:user\//;
const AWS_MFA_USER_ARN =
  'aws-mfa --duration 1800 --device arn:aws:iam::000000000000000:user/user.name --profile test\nEnter AWS MFA code for device [arn:aws:iam::000000000000000:user/user.name] (renewing for 1800 seconds):000000\nERROR - An error occured while calling assume role: An error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';

/** STS says neither an MFA serial nor a code was sent: nothing was mistyped, nothing asked. */
const NO_MFA_SENT = /must provide both MFA serial number and one time pass code/;
export const mfaRequired: CatalogEntry = {
  id: 'aws.mfa_required',
  platform: 'aws',
  title: 'The role or policy needs MFA, and Terraform cannot provide it',
  summary:
    'The profile (mfa_serial) or a policy condition (aws:MultiFactorAuthPresent) requires an MFA code, and Terraform cannot prompt for one — or the code given was wrong or expired.',
  codes: [
    'AssumeRoleTokenProviderNotSetError',
    'AssumeRoleTokenNotAvailable',
    'MultiFactorAuthentication failed',
  ],
  signatures: [
    {
      id: 'token-provider',
      pattern:
        /AssumeRoleTokenProviderNotSetError|assume role with MFA enabled, but (?:AssumeRole)?TokenProvider (?:session option )?(?:is )?not set|requires multi-factor authentication, but no MFA code callback was provided|Cannot refresh credentials: MFA token required|token provider required for AssumeRole with MFA/,
      tier: 'decisive',
      // A tool that falls back after the MFA profile failed (to keys without their session
      // token) then fails on those: the MFA profile is the cause.
      beats: ['aws.invalid_access_key'],
      examples: [
        {
          text: 'botocore.exceptions.RefreshWithMFAUnsupportedError: Cannot refresh credentials: MFA token required.',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (RefreshWithMFAUnsupportedError)',
        },
        {
          text: 'CredentialsProviderError: Profile deploy requires multi-factor authentication, but no MFA code callback was provided.',
          source:
            'upstream npm @aws-sdk/credential-provider-ini@3.973.32:dist-cjs/index.js (rendered with plausible values)',
        },
        {
          text: 'Error: assume role with MFA enabled, but AssumeRoleTokenProvider session option not set.',
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:config/resolve_credentials.go (rendered with plausible values)',
        },
        {
          text: 'Diagnostics:\n  aws:s3:Bucket (s3-website-bucket):\n    error: Error creating AWS session: AssumeRoleTokenProviderNotSetError: assume role with MFA enabled, but AssumeRoleTokenProvider session option not set.',
          source: 'corpus dev/gh-pulumiaws-584-1',
        },
        {
          // aws-sdk-go-v2's preview config (resolveAssumeRoleCredentials: `if !foundTP`).
          text: "| => ./rain check -c --profile my_profile --debug\nDEBUG: Couldn't load default config: token provider required for AssumeRole with MFA\nDEBUG: Loaded credentials from cred dumper\nUnable to load identity: The security token included in the request is invalid",
          source: 'corpus holdout13/h13-aws-rain-1 (aws-cloudformation/rain#7), shortened',
        },
      ],
    },
    {
      id: 'token-not-available',
      pattern: /AssumeRoleTokenNotAvailable|neither TokenCode nor TokenProvider are set/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: AssumeRoleTokenNotAvailable: assume role with MFA enabled, but neither TokenCode nor TokenProvider are set',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/stscreds/assume_role_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'failed',
      pattern: /MultiFactorAuthentication failed|invalid MFA one time pass code/,
      tier: 'decisive',
      examples: [
        {
          text: 'An error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed with invalid MFA one time pass code.',
          source: 'corpus dev/pg-mfa-badcode-77',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'no-prompt',
      title: 'The profile has mfa_serial and Terraform cannot ask for the code',
      explanation:
        'The AWS CLI prompts for the MFA code; Terraform (and the SDK inside it) cannot. Get MFA-backed session credentials first and hand those to Terraform.',
      prior: 0.55,
      boosts: [
        {
          when: /TokenProvider/,
          by: 0.3,
          evidence:
            'The SDK says the profile needs an MFA token provider, which Terraform does not have.',
        },
        {
          when: NO_MFA_SENT,
          by: 0.3,
          evidence: 'AWS says the request carried no MFA serial and code: nothing asked for one.',
        },
      ],
    },
    {
      id: 'bad-code',
      title: 'The MFA code was wrong, reused or expired, or the device ARN is wrong',
      explanation:
        'TOTP codes are valid for ~30 seconds and once; mfa_serial must be the ARN of the device assigned to this user.',
      prior: 0.25,
      boosts: [
        {
          when: /MultiFactorAuthentication failed|invalid MFA/,
          by: 0.5,
          evidence: 'AWS rejected the MFA code itself.',
        },
        {
          when: USER_ARN_AS_DEVICE,
          by: 0.3,
          evidence:
            'The device given is a user’s ARN (`…:user/…`), not an MFA device’s (`…:mfa/…`).',
        },
        {
          // STS says neither the serial nor a code was sent: nothing was mistyped.
          when: NO_MFA_SENT,
          by: -0.6,
          evidence: 'AWS says no MFA serial or code was sent at all.',
        },
      ],
    },
    {
      id: 'policy-condition',
      title: 'A deny-unless-MFA policy blocks long-term keys',
      explanation:
        'Policies with `"Bool": {"aws:MultiFactorAuthPresent": "false"}` deny everything to credentials that did not come from an MFA sign-in.',
      prior: 0.2,
    },
  ],
  steps: [
    {
      id: 'device-serial',
      title: 'Pass the MFA device’s serial number (`…:mfa/NAME`), not the user’s ARN',
      detail:
        'The first command lists the serial numbers of the MFA devices of the user these keys belong to.',
      commands: [
        'aws iam list-mfa-devices --query "MFADevices[].SerialNumber" --output text⟦ --profile ⟨profile⟩⟧',
      ],
      when: USER_ARN_AS_DEVICE,
      examples: [
        {
          text: AWS_MFA_USER_ARN,
          source: 'corpus holdout12/h12-aws-awsmfa-wrong-serial-1 (broamski/aws-mfa#25)',
        },
      ],
    },
    {
      id: 'mfa-session',
      title: 'Get MFA-backed temporary credentials, then run Terraform with them',
      detail:
        'aws-vault, granted or a credential_process wrapper can do this and refresh it for you.',
      commands: [
        'aws sts get-session-token --serial-number ⟨mfa_serial⟩ --token-code <6-digit-code>⟦ --profile ⟨profile⟩⟧',
        'aws-vault exec ⟨profile⟩ -- terraform plan',
      ],
    },
    {
      id: 'mfa-devices',
      title: 'Check the MFA device ARN the profile names',
      commands: ['aws configure get mfa_serial⟦ --profile ⟨profile⟩⟧', 'aws iam list-mfa-devices'],
    },
    WHOAMI,
    RERUN,
  ],
  docs: [AWS_DOCS.mfa, AWS_DOCS.providerAuth],
};
