import { STSClient } from '@aws-sdk/client-sts';
import {
  createStsHelpers,
  parseDecodedMessage,
  scrubSecrets,
  StsHelperError,
  toStsFailure,
  type StsFailure,
  type StsHelpers,
} from '../../src/aws/sts-client';
import {
  AWS_DOC_DECODED_MESSAGE,
  BOT_KEY,
  BOT_SECRET,
  StsTestServer,
  useBotKey,
} from '../support/sts-server';

// Invented credentials; the key id decodes offline to 111122223333.
const KEY = BOT_KEY;
const SECRET = BOT_SECRET;
const DENIED_KEY = 'AKIA6RU73QDQVJSGKY3P';
const ENCODED = 'EXAMPLE-encoded-authorization-message'; // invented

let sts: StsTestServer;
let restoreEnv: () => void;
const helpers: StsHelpers[] = [];

function make(opts: Parameters<typeof createStsHelpers>[0] = {}): StsHelpers {
  const h = createStsHelpers(opts);
  helpers.push(h);
  return h;
}

async function failure(p: Promise<unknown>): Promise<StsFailure> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StsHelperError);
    const err = e as StsHelperError;
    return { kind: err.kind, message: err.message, ...(err.code ? { code: err.code } : {}) };
  }
  throw new Error('expected the call to fail');
}

function useKey(accessKeyId: string, secret = SECRET): void {
  process.env.AWS_ACCESS_KEY_ID = accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = secret;
}

beforeEach(async () => {
  sts = await StsTestServer.start({
    credentials: {
      [KEY]: SECRET,
      [DENIED_KEY]: { secretAccessKey: SECRET, allowDecode: false },
    },
    decoded: { [ENCODED]: AWS_DOC_DECODED_MESSAGE },
  });
  // The bot's own credentials come from the standard chain: here, env vars.
  restoreEnv = useBotKey(sts.url);
});

afterEach(async () => {
  for (const h of helpers.splice(0)) h.destroy();
  restoreEnv();
  await sts.close();
});

function expectAllCallsSignedBy(keyId: string): void {
  expect(sts.calls.length).toBeGreaterThan(0);
  for (const call of sts.calls)
    expect(call).toMatchObject({ accessKeyId: keyId, signatureValid: true });
}

describe('whoAmI', () => {
  it('returns the caller identity from the standard credential chain', async () => {
    await expect(make().whoAmI()).resolves.toEqual({
      account: '111122223333',
      arn: 'arn:aws:iam::111122223333:user/tfauth-bot',
      userId: 'AIDAEXAMPLETFAUTHBOT1',
    });
    expectAllCallsSignedBy(KEY);
  });

  it('honours an explicit endpoint', async () => {
    delete process.env.AWS_ENDPOINT_URL_STS;
    await expect(make({ endpoint: sts.url, region: 'eu-west-1' }).whoAmI()).resolves.toMatchObject({
      account: '111122223333',
    });
    expectAllCallsSignedBy(KEY);
  });

  it('maps a wrong secret to SignatureDoesNotMatch without leaking the secret', async () => {
    useKey(KEY, 'wrongSECRETwrongSECRETwrongSECRETwrong123');
    const f = await failure(make().whoAmI());
    expect(f).toMatchObject({ kind: 'other', code: 'SignatureDoesNotMatch' });
    expect(f.message).toMatch(/^The request signature we calculated does not match/);
    expect(f.message).not.toContain('wrongSECRET');
    expect(sts.calls[0]).toMatchObject({ accessKeyId: KEY, signatureValid: false });
  });

  it('maps an unknown key to InvalidClientTokenId', async () => {
    useKey('AKIAWO645SY5FJXXI2DX');
    await expect(failure(make().whoAmI())).resolves.toEqual({
      kind: 'other',
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('detects that the bot has no credentials at all', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const f = await failure(make().whoAmI());
    expect(f.kind).toBe('no-credentials');
    expect(sts.calls).toHaveLength(0);
  });
});

describe('accessKeyAccount', () => {
  it('returns the account STS reports for a key id', async () => {
    // Published pair: https://awsteele.com/blog/2020/09/26/aws-access-key-format.html
    await expect(make().accessKeyAccount('ASIAY34FZKBOKMUTVV7A')).resolves.toBe('609629065308');
    expect(sts.calls[0]?.params.AccessKeyId).toBe('ASIAY34FZKBOKMUTVV7A');
    expectAllCallsSignedBy(KEY);
  });

  it('refuses malformed ids without calling AWS', async () => {
    await expect(failure(make().accessKeyAccount('not a key'))).resolves.toMatchObject({
      kind: 'other',
      code: 'ValidationError',
    });
    expect(sts.calls).toHaveLength(0);
  });
});

describe('decodeAuthorizationMessage', () => {
  it('returns a parsed summary', async () => {
    const wrapped = `${ENCODED.slice(0, 10)}\n  ${ENCODED.slice(10)}\n`; // as pasted from Slack
    const d = await make().decodeAuthorizationMessage(wrapped);
    expect(d).toMatchObject({
      allowed: false,
      explicitDeny: true,
      action: 'RunInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
      principalArn: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana',
      principalId: 'AROA123456789EXAMPLE:Ana',
      failures: [],
    });
    expect(d.matchedStatements).toEqual([
      {
        statementId: 'VisualEditor0',
        effect: 'DENY',
        principals: ['AROA123456789EXAMPLE'],
        principalGroups: [],
        actions: ['ec2:RunInstances'],
        resources: ['*'],
        conditions: {},
      },
    ]);
    expect(d.conditions['ec2:InstanceType']).toEqual(['t2.micro']);
    expect(d.conditions['aws:Region']).toEqual(['us-east-1']);
    expect(Object.keys(d.conditions)).toHaveLength(18);
    expect(sts.calls[0]?.params.EncodedMessage).toBe(ENCODED);
    expectAllCallsSignedBy(KEY);
  });

  it('maps AccessDenied', async () => {
    useKey(DENIED_KEY);
    const f = await failure(make().decodeAuthorizationMessage(ENCODED));
    expect(f).toMatchObject({ kind: 'access-denied', code: 'AccessDenied' });
    expect(f.message).toContain('sts:DecodeAuthorizationMessage');
    expectAllCallsSignedBy(DENIED_KEY);
  });

  it('maps InvalidAuthorizationMessageException', async () => {
    await expect(failure(make().decodeAuthorizationMessage('garbled'))).resolves.toEqual({
      kind: 'invalid-message',
      code: 'InvalidAuthorizationMessageException',
      message: 'The message is not valid',
    });
    expectAllCallsSignedBy(KEY);
  });

  it('rejects an empty message locally', async () => {
    await expect(failure(make().decodeAuthorizationMessage(' \n '))).resolves.toMatchObject({
      kind: 'invalid-message',
    });
    expect(sts.calls).toHaveLength(0);
  });
});

describe('retries, throttling and outages', () => {
  it('retries server errors up to 3 attempts by default', async () => {
    sts.failNext('GetCallerIdentity', { status: 500, code: 'InternalFailure', count: 2 });
    await expect(make().whoAmI()).resolves.toMatchObject({ account: '111122223333' });
    expect(sts.calls.map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('gives up after 3 attempts and reports unavailable', async () => {
    sts.failNext('GetCallerIdentity', { status: 503, code: 'ServiceUnavailable', count: 5 });
    const f = await failure(make().whoAmI());
    expect(f).toMatchObject({ kind: 'unavailable', code: 'ServiceUnavailable' });
    expect(sts.calls).toHaveLength(3);
  });

  it('maps throttling', async () => {
    sts.failNext('*', { code: 'Throttling', count: 1 });
    await expect(failure(make({ maxAttempts: 1 }).whoAmI())).resolves.toEqual({
      kind: 'throttled',
      code: 'Throttling',
      message: 'Rate exceeded',
    });
  });

  it('times out a stalled request', async () => {
    sts.failNext('GetCallerIdentity', { delayMs: 1_000 });
    const f = await failure(make({ maxAttempts: 1, requestTimeoutMs: 100 }).whoAmI());
    expect(f).toMatchObject({ kind: 'unavailable', code: 'ETIMEDOUT' });
  });

  it('reports a refused connection as unavailable', async () => {
    const url = sts.url;
    await sts.close();
    sts = await StsTestServer.start({ credentials: {} }); // for afterEach
    const f = await failure(make({ endpoint: url, maxAttempts: 1 }).whoAmI());
    expect(f).toMatchObject({ kind: 'unavailable', code: 'ECONNREFUSED' });
    expect(f.message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});

describe('injected client', () => {
  it('uses the given client and leaves its lifecycle to the caller', async () => {
    const client = new STSClient({ region: 'us-east-1', endpoint: sts.url });
    const h = createStsHelpers({ client });
    await expect(h.whoAmI()).resolves.toMatchObject({ account: '111122223333' });
    h.destroy(); // no-op for injected clients: the client still works
    await expect(h.whoAmI()).resolves.toBeDefined();
    client.destroy();
  });
});

describe('toStsFailure', () => {
  it.each([
    [
      {
        name: 'CredentialsProviderError',
        message: 'Could not load credentials from any providers',
      },
      'no-credentials',
    ],
    [{ name: 'AccessDeniedException', message: 'x' }, 'access-denied'],
    [{ name: 'TooManyRequestsException', message: 'x' }, 'throttled'],
    [{ name: 'Unknown', message: 'x', $metadata: { httpStatusCode: 429 } }, 'throttled'],
    [{ name: 'Unknown', message: 'x', $metadata: { httpStatusCode: 502 } }, 'unavailable'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'unavailable',
    ],
    [new Error('AWS SDK error wrapper for Error: read ECONNRESET'), 'unavailable'],
    [{ name: 'TimeoutError', code: 'ETIMEDOUT', message: 'x' }, 'unavailable'],
    [{ name: 'ExpiredToken', message: 'x' }, 'other'],
    ['a string', 'other'],
    [undefined, 'other'],
  ])('%j → %s', (err, kind) => {
    expect(toStsFailure(err).kind).toBe(kind);
  });

  it('never passes credential material through', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'; // AWS docs example secret
    const f = toStsFailure({ name: 'Weird', message: `key AKIAIOSFODNN7EXAMPLE secret ${secret}` });
    expect(f.message).toBe('key AKIA…MPLE secret [redacted]');
    expect(scrubSecrets('ASIAY34FZKBOKMUTVV7A')).toBe('ASIA…VV7A');
  });
});

describe('parseDecodedMessage', () => {
  it('tolerates missing sections', () => {
    expect(parseDecodedMessage('{"allowed":true}')).toEqual({
      allowed: true,
      explicitDeny: false,
      matchedStatements: [],
      failures: [],
      conditions: {},
    });
  });

  it('merges repeated condition keys and keeps __proto__ as data', () => {
    const doc = {
      context: {
        conditions: {
          items: [
            { key: 'aws:TagKeys', values: { items: [{ value: 'a' }] } },
            { key: 'aws:TagKeys', values: { items: [{ value: 'b' }] } },
            { key: '__proto__', values: { items: [{ value: 'x' }] } },
          ],
        },
      },
    };
    const d = parseDecodedMessage(JSON.stringify(doc));
    expect(d.conditions['aws:TagKeys']).toEqual(['a', 'b']);
    expect(Object.getOwnPropertyDescriptor(d.conditions, '__proto__')?.value).toEqual(['x']);
  });

  it('rejects non-JSON', () => {
    expect(() => parseDecodedMessage('<xml/>')).toThrow(StsHelperError);
  });
});
