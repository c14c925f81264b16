import type { CatalogEntry } from '../schema';
import { RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

export const clockSkew: CatalogEntry = {
  id: 'aws.clock_skew',
  platform: 'aws',
  title: 'The clock of the machine running Terraform is off',
  summary:
    'AWS refuses signed requests whose timestamp is more than a few minutes away from its own time, so a drifting clock (VMs after sleep, containers on laptops, CI runners without NTP) looks like a credentials failure.',
  codes: ['RequestTimeTooSkewed', 'RequestExpired', 'SignatureDoesNotMatch (Signature expired)'],
  signatures: [
    {
      id: 'signature-expired',
      pattern: /Signature expired: \d{8}T\d{6}Z is now earlier than/,
      weight: 0.97,
    },
    {
      id: 'signature-not-yet-current',
      pattern: /Signature not yet current: \d{8}T\d{6}Z is still later than/,
      weight: 0.97,
    },
    {
      id: 's3-skewed',
      pattern:
        /\bRequestTimeTooSkewed\b|difference between the request time and the current time is too large/,
      weight: 0.97,
    },
    { id: 'ec2-expired', pattern: /\bRequestExpired\b|Request has expired/, weight: 0.9 },
    // HEAD responses carry no body, so S3 cannot say *why* it refused: clock skew is the
    // cheapest cause to rule out, permissions come next (see causes).
    {
      id: 'bare-head-403',
      pattern: /\(403\) when calling the Head(?:Object|Bucket) operation: Forbidden/,
      weight: 0.55,
    },
  ],
  causes: [
    {
      id: 'clock-drift',
      title: 'The local clock drifted (sleep/resume, a VM or container with no time sync)',
      explanation:
        'Docker Desktop and WSL VMs lose time after the host sleeps; CI runners without NTP drift too. AWS allows 5 minutes (15 for some services).',
      prior: 0.6,
      boosts: [
        { when: 'clock.skewed', by: 0.3, evidence: "The signing clock was ⟨skew⟩ AWS's clock." },
      ],
    },
    {
      id: 'stale-signature',
      title:
        'A request was signed long before it was sent (a long wait, a retry of an old request)',
      explanation:
        'Long operations that reuse a signed request can trip the same check even with a correct clock.',
      prior: 0.15,
    },
    {
      id: 'head-permissions',
      title:
        'For a bare 403 on a HEAD request: missing s3:GetObject / s3:ListBucket or KMS permissions',
      explanation:
        'S3 answers HEAD requests without a body, so a 403 there can also be a plain permission denial (or a KMS key the identity cannot use).',
      prior: 0.02,
      boosts: [
        {
          when: /when calling the Head(?:Object|Bucket) operation: Forbidden/,
          by: 0.35,
          evidence: 'S3 returned a bare 403 to a HEAD request, which has no error code.',
        },
      ],
    },
  ],
  steps: [
    {
      id: 'compare-clock',
      title: 'Compare the local clock with a time source',
      detail: 'Run it where Terraform runs (inside the container or CI job, not on your laptop).',
      commands: ['date -u', 'curl -sI https://sts.amazonaws.com | grep -i "^date:"'],
    },
    {
      id: 'sync-linux',
      title: 'Resync the clock (Linux with systemd or chrony)',
      commands: ['sudo timedatectl set-ntp true', 'chronyc tracking'],
    },
    {
      id: 'sync-docker',
      title: 'Docker Desktop / WSL: resync the VM clock from the host',
      commands: ['docker run --rm --privileged alpine hwclock -s', 'wsl --shutdown'],
    },
    {
      id: 'head-permissions',
      title:
        'Then rule out permissions for the object (HEAD needs s3:GetObject, and s3:ListBucket to tell 404 from 403)',
      commands: [
        'aws s3api head-object --bucket ⟨bucket⟩ --key ⟨state_key⟩ --debug 2>&1 | grep -iE "x-amz-request-id|HTTP/1.1 403"',
      ],
      when: /Head(?:Object|Bucket)/,
    },
    WHOAMI,
    RERUN,
  ],
  docs: [AWS_DOCS.sigv4Troubleshooting, AWS_DOCS.timeSync],
};
