import type { CatalogEntry, Example } from '../schema';
import { RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

/** EC2's RequestExpired, by its code or by its message alone (corpus holdout13/h13-aws-kitchen-1). */
const REQUEST_EXPIRED = /\bRequestExpired\b|Request has expired/;

/** A log line on AWS's time reporting a request signed 7.5 minutes earlier (corpus holdout16). */
const SIGNED_LATE_EXAMPLE: Example = {
  text: 'time="2016-05-04T00:56:33Z" level=error msg="Log upload failed - length: 2, error: InvalidSignatureException: Signature expired: 20160504T004903Z is now earlier than 20160504T005133Z (20160504T005633Z - 5 min.)\n\tstatus code: 400, request id: 0b7795b1-1193-11e6-a4e2-07618ccc7f7f"',
  source: 'corpus holdout16/h16-aws-logspout-skew-1 (bradgignac/logspout-cloudwatch#24)',
};

export const clockSkew: CatalogEntry = {
  id: 'aws.clock_skew',
  platform: 'aws',
  title: 'The clock of the machine running Terraform is off',
  summary:
    'AWS refuses signed requests whose timestamp is more than a few minutes away from its own time, so a drifting clock (VMs after sleep, containers on laptops, CI runners without NTP) looks like a credentials failure.',
  variants: [
    {
      when: 'clock.signed_late',
      title:
        'AWS refused a request signed minutes before it arrived; this machine’s clock is right',
      summary:
        'The signature’s time is older than AWS allows, but the log line that reports it carries AWS’s own time: the request waited (or was retried) after it was signed. Fix what holds signed requests, not the clock.',
      example: SIGNED_LATE_EXAMPLE,
    },
  ],
  codes: ['RequestTimeTooSkewed', 'RequestExpired', 'SignatureDoesNotMatch (Signature expired)'],
  signatures: [
    {
      id: 'signature-expired',
      // A terminal or a CI log may wrap the line inside a timestamp: digits with a space between.
      pattern: /Signature expired: [\dT ]{15,17}Z is now earlier than/,
      tier: 'decisive',
      examples: [
        {
          text: '* aws_cloudformation_stack.waf_security_automations: SignatureDoesNotMatch: Signature expired: 20161024T215820Z is now earlier than 20161024T215917Z (20161024T220417Z - 5 min.)\n    status code: 403, request id: cec1f295-9a35-11e6-80c5-cf6fcfc9763b',
          source: 'corpus dev/gh-terraform-9571-1',
        },
        {
          text: '    $ aws sts get-caller-identity\n\nAn error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20191\n029T154623Z is now earlier than 20191029T163344Z (20191029T164844Z - 15 min.)',
          source:
            'corpus holdout11/h11-aws-controltower-51-1 (the line wrapped inside the timestamp)',
        },
      ],
      counterexamples: [
        {
          text: 'ServerlessError: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
          source: 'corpus holdout2/h2-chromeless39-1',
        },
      ],
    },
    {
      id: 'signature-not-yet-current',
      pattern: /Signature not yet current: [\dT ]{15,17}Z is still later than/,
      tier: 'decisive',
      examples: [
        {
          text: ' error configuring Terraform AWS Provider: error validating provider credentials: error calling sts:GetCallerIdentity: SignatureDoesNotMatch: Signature not yet current: 20210112T194419Z is still later than 20210112T072625Z (20210112T071125Z + 15 min.)\n        status code: 403, request id: 374a9d87-2bb7-4cbe-bb01-3b1a9cc7b20b',
          source: 'corpus holdout/ho-qtdevops-989-1',
        },
      ],
    },
    {
      id: 's3-skewed',
      pattern:
        /\bRequestTimeTooSkewed\b|difference between the request time and the current time is too large/,
      tier: 'decisive',
      examples: [
        {
          text: "500 : Internal Error: RequestTimeTooSkewed: The difference between the request time and the server's time is too large. status code: 403, request id: , host id:",
          source: 'corpus holdout2/h2-zadig1660-1',
        },
      ],
    },
    {
      id: 'ec2-expired',
      pattern: REQUEST_EXPIRED,
      tier: 'strong',
      examples: [
        {
          text: 'Error: RequestExpired: Request has expired.\n\tstatus code: 400, request id: 334f1126-6632-4a95-afbe-987edcc34246\nexit status 1',
          source: 'corpus holdout2/h2-avalanchecli1137-1',
        },
      ],
    },
    // HEAD responses carry no body, so S3 cannot say *why* it refused: clock skew is the
    // cheapest cause to rule out, permissions come next (see causes).
    {
      id: 'bare-head-403',
      pattern: /\(403\) when calling the Head(?:Object|Bucket) operation: Forbidden/,
      tier: 'weak',
      examples: [
        {
          text: '$ aws s3 cp <s3-path> <file-path>\nfatal error: An error occurred (403) when calling the HeadObject operation: Forbidden',
          source: 'corpus dev/pg-docker-s3-403-clock-75',
        },
      ],
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
        {
          when: 'clock.signed_late',
          by: -0.8,
          evidence: 'The log line’s own time matches AWS’s: this clock is right.',
        },
      ],
    },
    {
      // EC2's API error codes: RequestExpired "… If you're using temporary security credentials,
      // this error can also occur if the credentials have expired."
      id: 'temporary-expired',
      title:
        'The temporary credentials the request was signed with had expired (EC2 answers RequestExpired for that too)',
      explanation:
        'EC2 uses the same code for a request signed with an expired session (an assumed role, SSO or an instance profile copied into variables, a long-running script that never refreshes): new credentials fix it, the clock does not.',
      // Not a rule of its own: a standing alternative whenever EC2 says RequestExpired.
      prior: 0.02,
      boosts: [
        {
          when: REQUEST_EXPIRED,
          by: 0.35,
          evidence: 'EC2’s RequestExpired also means expired temporary credentials.',
        },
      ],
    },
    {
      id: 'stale-signature',
      title:
        'A request was signed long before it was sent (a long wait, a retry of an old request)',
      explanation:
        'Long operations that reuse a signed request can trip the same check even with a correct clock.',
      prior: 0.15,
      boosts: [
        {
          when: 'clock.signed_late',
          by: 0.8,
          evidence:
            'The log line’s own time matches AWS’s time, while the request was signed ⟨skew⟩ it: it waited after signing.',
        },
      ],
      examples: [SIGNED_LATE_EXAMPLE],
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
      id: 'signed-late',
      title:
        'The clock is right: find what held the request between signing and sending (a batch or retry queue)',
      detail:
        'The time of the log line and AWS’s time agree, so the machine’s clock is not the problem; the request was signed minutes before it left. A client that signs once and retries the same request later (a buffered log shipper, a paused worker) trips this: upgrade it, or make it sign each attempt. `date -u` confirms the clock where it runs.',
      commands: ['date -u'],
      when: 'clock.signed_late',
      examples: [SIGNED_LATE_EXAMPLE],
    },
    {
      id: 'compare-clock',
      title: 'Compare the local clock with a time source',
      detail: 'Run it where Terraform runs (inside the container or CI job, not on your laptop).',
      commands: ['date -u', 'curl -sI https://sts.amazonaws.com | grep -i "^date:"'],
    },
    {
      // EC2's RequestExpired also means expired temporary credentials (see the cause): only the
      // expiry is printed, never the keys.
      id: 'temporary-expiry',
      title:
        'If the keys are temporary, see when they expire (EC2 says RequestExpired for that too)',
      commands: [
        'aws configure export-credentials --format process⟦ --profile ⟨profile⟩⟧ | jq -r .Expiration',
      ],
      when: REQUEST_EXPIRED,
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
