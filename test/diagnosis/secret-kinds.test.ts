// The kinds and encodings added for issue 11, and the last guard. Every value is invented,
// in its real format.

import { diagnose } from '../../src/diagnosis';
import { guardSlackArgs, guardText } from '../../src/diagnosis/last-guard';
import { ROTATION } from '../../src/diagnosis/secret-rotation';
import { redactSecrets } from '../../src/diagnosis/secrets';

const AWS_SECRET = 'q9Xr2vQpLk7sT9wYbN1cD4eF6gH8jK0mPqR3sT5v';
const CASES: Array<[string, string, string]> = [
  [
    'basic_auth',
    'Authorization: Basic ZGVwbG95OmgwdW5kLWRvZy1zdGFyLTQy',
    'ZGVwbG95OmgwdW5kLWRvZy1zdGFyLTQy',
  ],
  [
    'basic_auth',
    'source = "git::https://ci-bot:Hx7kP2mQw9zL4@git.example.com/mods.git"',
    'Hx7kP2mQw9zL4',
  ],
  [
    'consul_token',
    'export CONSUL_HTTP_TOKEN=3f9c2a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b',
    '3f9c2a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b',
  ],
  [
    'consul_token',
    'X-Consul-Token: 3f9c2a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b',
    '3f9c2a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b',
  ],
  ['vault_token', 'VAULT_TOKEN=s.Xy7Rk2Pq9Lm4Nv8Bz3Wc6Td1', 's.Xy7Rk2Pq9Lm4Nv8Bz3Wc6Td1'],
  [
    'vault_token',
    'token is s.Xy7Rk2Pq9Lm4Nv8Bz3Wc6Td1 from vault login',
    's.Xy7Rk2Pq9Lm4Nv8Bz3Wc6Td1',
  ],
  [
    'vault_token',
    'hvb.AAAAAQKx7Rk2Pq9Lm4Nv8Bz3Wc6Td1Yh5Uj0Ik',
    'hvb.AAAAAQKx7Rk2Pq9Lm4Nv8Bz3Wc6Td1Yh5Uj0Ik',
  ],
  [
    'datadog_key',
    'DD_API_KEY=0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  ],
  [
    'datadog_key',
    'DD-APPLICATION-KEY: 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
    '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
  ],
  [
    'digitalocean_token',
    `DIGITALOCEAN_TOKEN=dop_v1_${'0a1b2c3d'.repeat(8)}`,
    `dop_v1_${'0a1b2c3d'.repeat(8)}`,
  ],
  [
    'azure_storage_key',
    `DefaultEndpointsProtocol=https;AccountName=st;AccountKey=${'Ab3+'.repeat(21)}Ab==;EndpointSuffix=core.windows.net`,
    `${'Ab3+'.repeat(21)}Ab==`,
  ],
  [
    'azure_sas_token',
    'https://st.blob.core.windows.net/c?sv=2022-11-02&amp;sig=Zk58Xr2vQpLk7sT9wYbN1cD4eF6gH8%3D&amp;se=2025',
    'Zk58Xr2vQpLk7sT9wYbN1cD4eF6gH8',
  ],
  [
    'password',
    'Server=tcp:x.database.windows.net;User ID=tf;Password=Tr0ub4dor&3xyz;Encrypt=true',
    'Tr0ub4dor&3xyz',
  ],
  ['password', 'mysql://admin:Tr0ub4dor3xyz@mysql.internal:3306/app', 'Tr0ub4dor3xyz'],
  ['aws_secret_access_key', `secret_key = "${AWS_SECRET}"`, AWS_SECRET],
  ['aws_secret_access_key', `{"Credentials": {"SecretAccessKey": "${AWS_SECRET}"}}`, AWS_SECRET],
  ['aws_secret_access_key', `[default]\naws_secret_access_key=${AWS_SECRET}`, AWS_SECRET],
  ['aws_secret_access_key', `aws configure set aws_secret_access_key ${AWS_SECRET}`, AWS_SECRET],
  [
    'aws_secret_access_key',
    `aws sts get-caller-identity --secret-access-key ${AWS_SECRET}`,
    AWS_SECRET,
  ],
  [
    'generic_secret',
    'export HONEYCOMB_WRITE_KEY=hcaik_01Hx7kP2mQw9zL4Rk2Pq9Lm4Nv8Bz3Wc',
    'hcaik_01Hx7kP2mQw9zL4Rk2Pq9Lm4Nv8Bz3Wc',
  ],
];

describe('new kinds', () => {
  it.each(CASES)('finds %s in %j and redacts it', (kind, text, secret) => {
    const r = redactSecrets(`Error: something failed\n${text}\n`);
    expect(r.findings.map((f) => f.kind)).toContain(kind);
    expect(r.text).not.toContain(secret);
    expect(JSON.stringify(diagnose(text))).not.toContain(secret);
  });

  it('has rotation advice for every kind', () => {
    for (const [kind] of CASES) expect(ROTATION[kind as keyof typeof ROTATION].how).not.toBe('');
  });
});

describe('every normalised form', () => {
  it.each([
    [
      'URL-encoded',
      `GET /check?aws_secret_access_key=${encodeURIComponent(AWS_SECRET.replace('9', '/'))}&x=1`,
      AWS_SECRET.replace('9', '/'),
    ],
    [
      'JSON-escaped with \\u and \\/',
      `body: "{\\"SecretAccessKey\\":\\"\\u0071${AWS_SECRET.slice(1).replace('9', '\\/')}\\"}"`,
      AWS_SECRET.slice(1).replace('9', '/'),
    ],
    ['Slack-encoded', 'export DB_PASSWORD=Tr0ub4dor&amp;3x&lt;yz', 'Tr0ub4dor'],
    [
      'hard-wrapped',
      `2024-05-02T10:11:12.345Z [DEBUG] provider: environment: AWS_SECRET_ACCESS_KEY=${AWS_SECRET.slice(0, 12)}\n${AWS_SECRET.slice(12)}`,
      AWS_SECRET.slice(12),
    ],
  ])('%s', (_name, text, secret) => {
    const r = redactSecrets(text);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.text).not.toContain(secret);
    expect(r.text).toContain('[redacted]');
  });

  it('redacts a copy elsewhere in another encoding, and keeps line numbers', () => {
    const value = 'Zk58/Xr2vQpLk7+T9wYbN1cD4eF6gH8jK0mPqR3s';
    const text = `secret_key = "${value}"\nline two\nlater: ${encodeURIComponent(value)} in a URL`;
    const r = redactSecrets(text);
    expect(r.text).not.toContain(encodeURIComponent(value));
    expect(r.text.split('\n')).toHaveLength(3);
    expect(r.findings[0]?.line).toBe(1);
  });

  it('leaves access-key ids readable for the engine (they are masked on the way out)', () => {
    const text = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE';
    expect(redactSecrets(text).text).toContain('AKIAIOSFODNN7EXAMPLE');
    expect(JSON.stringify(diagnose(text))).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('the last guard', () => {
  it('masks a high-entropy token after a credential word', () => {
    expect(guardText('my_weird_token: Q9xR2vQpLk7sT9wYbN1cD4eF')).toBe(
      'my_weird_token: [redacted]',
    );
    expect(guardText('X-Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9')).toBe(
      'X-Signature=[redacted]',
    );
    expect(guardText('password Tr0ub4dorXyzQ9xR2vQpLk')).not.toContain('Tr0ub4dor');
    expect(guardText('secret = /Q9xR2vQpLk7sT9wYbN1cD4eF')).toBe('secret = [redacted]');
  });

  it.each([
    'role arn:aws:iam::123456789012:role/TerraformDeployRole2024 with key AKIA…MPLE',
    'RequestID: 6d1b2715-c592-449e-8c50-f6f8a7e27ca7 (security token invalid)',
    'access key AKIAIOSFODNN7EXAMPLE in account 123456789012',
    'key = "env/prod/us-east-1/terraform.tfstate"',
    'Credential=AKIA…MPLE/20240101/us-east-1/sts/aws4_request',
    'The security token included in the request is invalid.',
    'Encoded authorization failure message: Yh4GjK2L9mNq8Rs7Tu6Vw5Xy4Za3Bc2De1Fg',
    'secret warning: [aws_secret_access_key…, 40 chars] on line 3',
    'already a walk-through: <https://tfauth-test.slack.com/archives/C0CHAN/p1796174615810000?thread_ts=1796174615.810000&cid=C0CHAN|open it>',
  ])('leaves %j alone', (text) => {
    expect(guardText(text)).toBe(text);
  });

  it('leaves Slack machine fields (button values, ids) untouched', () => {
    const args = {
      channel: 'C0123',
      text: 'token: Q9xR2vQpLk7sT9wYbN1cD4eF',
      blocks: [
        {
          type: 'actions',
          elements: [{ action_id: 'tfauth_key', value: 'key=Q9xR2vQpLk7sT9wYbN1cD4eF' }],
        },
      ],
    };
    const guarded = guardSlackArgs(args);
    expect(guarded.text).toBe('token: [redacted]');
    expect(guarded.blocks[0]?.elements[0]?.value).toBe(args.blocks[0]?.elements[0]?.value);
  });
});
