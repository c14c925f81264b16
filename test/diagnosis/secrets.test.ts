// Secret detection and masking. Every secret below is a made-up value in the real format
// (AWS's documented example keys, random strings); none is live.

import fc from 'fast-check';
import { diagnose } from '../../src/diagnosis';
import { PATTERNS } from '../../src/diagnosis/secret-patterns';
import { findSecrets } from '../../src/diagnosis/secrets';

const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'; // AWS docs example secret
const SESSION_TOKEN = `IQoJb3JpZ2luX2VjEJr${'A1b2C3d4E5f6G7h8'.repeat(12)}==`;
const CASES: Array<[string, string, string]> = [
  ['aws_secret_access_key', `aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET],
  ['aws_secret_access_key', `export AWS_SECRET_ACCESS_KEY="${AWS_SECRET}"`, AWS_SECRET],
  ['aws_secret_access_key', `tfuser,AKIAIOSFODNN7EXAMPLE,${AWS_SECRET}`, AWS_SECRET],
  ['aws_session_token', `AWS_SESSION_TOKEN=${SESSION_TOKEN}`, SESSION_TOKEN],
  ['aws_session_token', `token looked like ${SESSION_TOKEN} in the log`, SESSION_TOKEN],
  [
    'azure_client_secret',
    'ARM_CLIENT_SECRET=Zk58Q~3mXr2vQpLk7sT9wYbN1cD4eF6gH8jK0mPq',
    'Zk58Q~3mXr2vQpLk7sT9wYbN1cD4eF6gH8jK0mPq',
  ],
  ['azure_client_secret', 'client_secret = "s3cr3t-v4lue-for-the-sp"', 's3cr3t-v4lue-for-the-sp'],
  [
    'private_key',
    '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"}',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  ],
  [
    'gcp_service_account_key',
    '"private_key_id": "0123456789abcdef0123456789abcdef01234567"',
    '0123456789abcdef0123456789abcdef01234567',
  ],
  [
    'github_token',
    'GITHUB_TOKEN=ghp_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5',
    'ghp_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5',
  ],
  [
    'tfc_token',
    'token = "aBcDeFgHiJkLmN.atlasv1.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij"',
    'aBcDeFgHiJkLmN.atlasv1.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij',
  ],
  [
    'slack_token',
    'SLACK_BOT_TOKEN=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv',
    'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv',
  ],
  [
    'password',
    'terraform init -backend-config="password=hunter2-but-longer"',
    'hunter2-but-longer',
  ],
  [
    'password',
    'conn_str = "postgres://tf:Sup3rS3cret@db.internal/terraform_backend"',
    'Sup3rS3cret',
  ],
  [
    'bearer_token',
    'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9yZXBvIn0.c2lnbmF0dXJlLWJ5dGVz',
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9yZXBvIn0.c2lnbmF0dXJlLWJ5dGVz',
  ],
  // Formats found missing in review (values invented, formats real).
  [
    'aws_secret_access_key',
    `AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\nAWS Secret Access Key [None]: ${AWS_SECRET}`,
    AWS_SECRET,
  ],
  [
    'aws_secret_access_key',
    `export AWS_SECRET_ACCESS_KEY=${AWS_SECRET.slice(0, 39)}`,
    AWS_SECRET.slice(0, 39),
  ],
  [
    'aws_session_token',
    'aws_session_token = FQoDYXdzEPT//////////wEaDM0123456789abcdefghijABCDEFGHIJ',
    'FQoDYXdzEPT//////////wEaDM0123456789abcdefghijABCDEFGHIJ',
  ],
  [
    'vault_token',
    'export VAULT_TOKEN=hvs.CAESIJlWx5S1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3',
    'hvs.CAESIJlWx5S1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3',
  ],
  [
    'google_oauth_token',
    'GOOGLE_OAUTH_ACCESS_TOKEN=ya29.a0AfH6SMBx3Yz-invented-token-1234567890abcdef',
    'ya29.a0AfH6SMBx3Yz-invented-token-1234567890abcdef',
  ],
  [
    'gitlab_token',
    'git clone https://oauth2:glpat-AbCdEfGhIjKlMnOpQrSt@gitlab.com/group/repo.git',
    'glpat-AbCdEfGhIjKlMnOpQrSt',
  ],
  [
    'kubernetes_credential',
    'users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVB',
    'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVB',
  ],
  [
    'kubernetes_credential',
    'users:\n- name: ci\n  user:\n    token: abcdef.0123456789abcdef',
    'abcdef.0123456789abcdef',
  ],
  [
    'azure_sas_token',
    'Get https://acct.blob.core.windows.net/tfstate?sv=2021-08-06&sp=rwdl&sig=AbCdEf0123456789AbCdEf0123456789%2B%3D',
    'AbCdEf0123456789AbCdEf0123456789%2B%3D',
  ],
];

describe('secrets', () => {
  it.each(CASES)('finds %s and never lets it out of the engine', (kind, text, secret) => {
    const paste = `Error: InvalidClientTokenId: The security token included in the request is invalid.\n${text}\n`;
    const d = diagnose(paste);
    expect(d.secrets.map((s) => s.kind)).toContain(kind);
    expect(JSON.stringify(d)).not.toContain(secret);
    for (const s of d.secrets) expect(s.masked).not.toContain(secret);
  });

  it('reports the line of each secret, and an access key id as an id (not to rotate by itself)', () => {
    const { findings } = findSecrets(
      `line one\nkey AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=${AWS_SECRET}`,
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'aws_access_key_id',
          masked: 'AKIA…MPLE',
          line: 2,
          mustRotate: false,
        }),
        expect.objectContaining({ kind: 'aws_secret_access_key', line: 3, mustRotate: true }),
      ]),
    );
  });

  it('does not flag placeholders, references or values already masked', () => {
    for (const text of [
      'aws_secret_access_key = ****************',
      'password = var.db_password',
      'client_secret = "<redacted>"',
      'AWS_SESSION_TOKEN=(sensitive value)',
      'http.request.header.x_amz_security_token="*****"',
      'token = "${var.tfe_token}"',
    ])
      expect(findSecrets(text).findings).toEqual([]);
  });

  const MUST_NOT_FIRE = PATTERNS.flatMap((p) =>
    (p.mustNotFire ?? []).map((e) => [p.kind, e.text, e.source] as const),
  );
  it.each(MUST_NOT_FIRE)('%s must not fire on %j (%s)', (kind, text) => {
    expect(findSecrets(text).findings.map((f) => f.kind)).not.toContain(kind);
  });

  it('stand-in words are no secret, but a real value among them still is', () => {
    for (const v of ['my-client-secret', 'YOUR_API_TOKEN', 'refresh-token', 'mysecret'])
      expect(findSecrets(`client_secret=${v}`).findings).toEqual([]);
    // A form-encoded body: the secret ends at the next parameter's `&`.
    const secret = 'Zk58Q~3mXr2vQpLk7sT9wYbN1cD4eF6gH8jK0mPq';
    const { values } = findSecrets(
      `grant_type=client_credentials&client_id=app&client_secret=${secret}&scope=x`,
    );
    expect(values).toContain(secret);
    expect(values.every((v) => !v.includes('&scope'))).toBe(true);
    expect(findSecrets('client_secret=my-s3cr3t-f0r-prod').values).toEqual(['my-s3cr3t-f0r-prod']);
  });

  it('finds URL credentials as long as the pattern allows (100-character host, 200-character password)', () => {
    const password = `P4ss${'w0rd'.repeat(49)}`; // 200 characters
    const host = `db${'x'.repeat(95)}.io`; // 100 characters
    for (const [h, p] of [
      [host, password],
      ['db.internal', 'Sup3rS3cret'],
    ] as const) {
      const { findings, values } = findSecrets(
        `see postgres://${h}:${p}@${h}/tf and https://example.com`,
      );
      expect(findings.map((f) => f.kind)).toEqual(['password']);
      expect(values).toEqual([p]);
    }
    // One character more on either side and it is no URL credential for the pattern.
    expect(findSecrets(`postgres://${host}x:${password}@db`).values).toEqual([]);
  });

  it('masks keep public prefixes only', () => {
    const { findings } = findSecrets('GITHUB_TOKEN=ghp_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5');
    expect(findings[0]?.masked).toBe('[ghp_…, 40 chars]');
  });

  it('property: a secret planted anywhere in arbitrary text never appears in the diagnosis', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...CASES),
        (before, after, [, text, secret]) => {
          const d = diagnose(`${before}\n${text}\n${after}`);
          return !JSON.stringify(d).includes(secret);
        },
      ),
      { numRuns: 300 },
    );
  });
});
