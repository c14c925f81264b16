// Classification rules. Texts follow the templates of error-formats.md unless a corpus id is named.

import { diagnose } from '../../src/diagnosis';
import { join } from 'node:path';
import { CATALOG } from '../../src/diagnosis/catalog';
import { FIXTURES, loadJsonl } from '../support/corpus';

const classOf = (text: string): string => diagnose(text).classId;

describe('classification', () => {
  it('prefers the inner cause over the umbrella message (no valid credential sources → SSO)', () => {
    const text = `Error: No valid credential sources found

Please see https://registry.terraform.io/providers/hashicorp/aws
for more information about providing credentials.

Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:`;
    const d = diagnose(text);
    expect(d.classId).toBe('aws.sso_token');
    expect(d.others).toEqual([]);
  });

  it('an assume-role umbrella whose inner error is a bad key is a bad key', () => {
    expect(
      classOf(`Error: Cannot assume IAM Role

IAM Role (arn:aws:iam::123456789012:role/deploy) cannot be assumed.

Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 0529cbfe-21c8-47d6-8954-6b4f21eec46f, api error InvalidClientTokenId: The security token included in the request is invalid.`),
    ).toBe('aws.invalid_access_key');
  });

  it('the umbrella alone still classifies', () => {
    expect(classOf('Error: No valid credential sources found')).toBe('aws.no_credentials');
    expect(classOf('Error: Cannot assume IAM Role')).toBe('aws.assume_role_denied');
  });

  it('Signature expired is clock skew, though its code is SignatureDoesNotMatch', () => {
    const d = diagnose(
      'SignatureDoesNotMatch: Signature expired: 20170226T035111Z is now earlier than 20170227T013047Z (20170227T014547Z - 15 min.)',
    );
    expect(d.classId).toBe('aws.clock_skew');
    expect(d.causes[0]?.evidence[0]).toMatch(/21h 54m 36s behind/);
  });

  it('AssumeRoleWithWebIdentity denials are web identity, not assume role', () => {
    expect(
      classOf(
        'operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a8524d5-fc0e-46ff-9000-fd823d1b8661, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
      ),
    ).toBe('aws.web_identity');
  });

  it('a DNS failure on an STS host named after an uninterpolated variable is a region problem', () => {
    expect(
      classOf(
        'RequestID: , request send failed, Post "https://sts.var.region.amazonaws.com/": dial tcp: lookup sts.var.region.amazonaws.com on 127.0.0.53:53: no such host',
      ),
    ).toBe('aws.region_config');
    expect(
      classOf(
        'validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.us-east-1.amazonaws.com/": dial tcp: lookup sts.us-east-1.amazonaws.com: no such host',
      ),
    ).toBe('aws.endpoint_unreachable');
  });

  it('a network failure outside credential checks is none', () => {
    expect(
      classOf(
        'Error: creating EC2 Instance: RequestError: send request failed\ncaused by: Post "https://ec2.us-east-1.amazonaws.com/": dial tcp 52.94.1.1:443: i/o timeout',
      ),
    ).toBe('none');
  });

  it('errors that look like auth but are not stay silent', () => {
    for (const text of [
      'validate AWS credentials: checking install permissions: error simulating policy: Throttling: Rate exceeded\n\tstatus code: 400',
      'Error: Error acquiring the state lock\nError message: ConditionalCheckFailedException: The conditional request failed',
      'googleapi: Error 403: Compute Engine API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project=123 then retry., accessNotConfigured',
      'InvalidParameterValueException: The provided execution role does not have permissions to call CreateNetworkInterface on EC2',
      'Error: Cycle: aws_iam_role.task, aws_iam_role_policy.task',
      'Just deployed the new role, thanks for the access token tips!',
      '',
    ])
      expect(classOf(text)).toBe('none');
  });

  it('reports the other errors of a multi-error paste', () => {
    const d = diagnose(`╷
│ Error: Invalid provider configuration
│ Provider "registry.terraform.io/integrations/github" requires explicit configuration.
╵
╷
│ Error: GET https://api.github.com/user: 401 Bad credentials []
╵
╷
│ Error: creating IAM Role (x): ExpiredToken: The security token included in the request is expired
╵`);
    expect(d.classId).toBe('github.bad_credentials');
    expect(d.others.map((o) => o.classId)).toEqual(['aws.expired_token', 'none']);
  });

  it('gives a confidence in [0,1], lower for ambiguous text', () => {
    const clear = diagnose(
      'api error InvalidClientTokenId: The security token included in the request is invalid.',
    );
    const vague = diagnose(
      'fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden',
    );
    expect(clear.confidence).toBeGreaterThan(0.9);
    expect(vague.confidence).toBeLessThan(0.7);
    expect(vague.confidence).toBeGreaterThan(0);
  });

  it('ranks causes with the signals of the paste: a temporary key makes the missing session token first', () => {
    const d = diagnose(
      'Credential=ASIAY34FZKBOKMUTVV7A/20231102/us-east-1/sts/aws4_request\napi error InvalidClientTokenId: The security token included in the request is invalid.',
    );
    expect(d.causes[0]?.id).toBe('session-token-missing');
    const opt = diagnose(
      'api error InvalidClientTokenId: The security token included in the request is invalid. Post "https://ec2.af-south-1.amazonaws.com/"',
    );
    expect(opt.causes[0]?.id).toBe('opt-in-region-global-token');
    const backend = diagnose(
      'Error: error configuring S3 Backend: error validating provider credentials: error calling sts:GetCallerIdentity: InvalidClientTokenId: The security token included in the request is invalid.',
    );
    expect(backend.causes[0]?.id).toBe('backend-own-credentials');
  });

  it('fills the checklist with facts from the paste', () => {
    const d = diagnose(
      'Error: failed to refresh cached credentials, the SSO session has expired or is invalid\n  on main.tf line 1, in provider "aws":\nprofile = "platform-dev"',
    );
    const commands = d.steps.flatMap((s) => s.commands);
    expect(commands).toContain('aws sso login --profile platform-dev');
  });
});

describe('texts that are not failures (test/fixtures/not-failures.jsonl, invented)', () => {
  const cases = loadJsonl(join(FIXTURES, 'not-failures.jsonl'));
  it.each(cases.map((c) => [c.id, c.text]))(
    '%s never reaches the default reply threshold',
    (_id, text) => {
      const d = diagnose(text);
      expect(d.classId === 'none' || d.confidence < 0.6).toBe(true);
    },
  );
});

describe('catalog', () => {
  it('has one entry per taxonomy class with causes, steps and docs', () => {
    for (const e of CATALOG) {
      expect(e.signatures.length).toBeGreaterThan(0);
      expect(e.causes.length).toBeGreaterThan(0);
      expect(e.steps.length).toBeGreaterThan(0);
      expect(e.docs.every((d) => d.url.startsWith('https://'))).toBe(true);
    }
  });
});
