import { request } from 'node:http';
import {
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { AWS_DOC_DECODED_MESSAGE, setIsolatedAwsEnv, StsTestServer } from './sts-server';

// Invented test credentials. Key ids are built so the offline decoding gives
// the AWS docs' example account 111122223333.
const KEY = 'AKIARTX3GSDSVJ2GMYLV';
const SECRET = 'tfauthTESTsecretKEY/0000000000000000000000';
const TEMP_KEY = 'ASIARTX3GSDSVJ2G24BR';
const TEMP_SECRET = 'tfauthTESTtempSECRET/000000000000000000000';
const TEMP_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEtfauthSessionToken';
const EXPIRED_KEY = 'ASIAWO645SY5FJXXI2DS';
const DENIED_KEY = 'AKIA6RU73QDQVJSGKY3P';
const ENCODED = 'EXAMPLE-encoded-authorization-message'; // invented

const RAW_SHAPE =
  /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n {2}<Error>\n {4}<Type>Sender<\/Type>\n {4}<Code>([^<]+)<\/Code>\n {4}<Message>([^<]*)<\/Message>\n {2}<\/Error>\n {2}<RequestId>([0-9a-f-]{36})<\/RequestId>\n<\/ErrorResponse>\n$/;

let sts: StsTestServer;
let restoreEnv: () => void;
const clients: STSClient[] = [];

function client(
  opts: { key?: string; secret?: string; token?: string; maxAttempts?: number } = {},
): STSClient {
  const c = new STSClient({
    region: 'us-east-1',
    maxAttempts: opts.maxAttempts ?? 1,
    credentials: {
      accessKeyId: opts.key ?? KEY,
      secretAccessKey: opts.secret ?? SECRET,
      ...(opts.token ? { sessionToken: opts.token } : {}),
    },
  });
  clients.push(c);
  return c;
}

async function sdkError(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

function rawPost(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/`,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeEach(async () => {
  sts = await StsTestServer.start({
    credentials: {
      [KEY]: SECRET,
      [TEMP_KEY]: { secretAccessKey: TEMP_SECRET, sessionToken: TEMP_TOKEN },
      [EXPIRED_KEY]: { secretAccessKey: SECRET, sessionToken: TEMP_TOKEN, expired: true },
      [DENIED_KEY]: { secretAccessKey: SECRET, allowDecode: false },
      // AWS's published SigV4 example credentials (used by the vector test below).
      AKIDEXAMPLE: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    },
    accounts: { AKIAIOSFODNN7EXAMPLE: '123456789012' },
    decoded: { [ENCODED]: AWS_DOC_DECODED_MESSAGE },
  });
  restoreEnv = setIsolatedAwsEnv({ AWS_ENDPOINT_URL_STS: sts.url, AWS_REGION: 'us-east-1' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  restoreEnv();
  await sts.close();
});

describe('wire protocol via the real SDK (AWS_ENDPOINT_URL_STS)', () => {
  it('answers GetCallerIdentity and records a valid signature', async () => {
    const out = await client().send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:user/tfauth-bot',
      UserId: 'AIDAEXAMPLETFAUTHBOT1',
    });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]).toMatchObject({
      action: 'GetCallerIdentity',
      accessKeyId: KEY,
      signatureValid: true,
      status: 200,
      params: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    });
  });

  it('also works with an explicit endpoint and no endpoint env var', async () => {
    delete process.env.AWS_ENDPOINT_URL_STS;
    const c = new STSClient({
      region: 'eu-west-1',
      endpoint: sts.url,
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
    });
    clients.push(c);
    await expect(c.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: '111122223333',
    });
    expect(sts.calls[0]?.signatureValid).toBe(true);
  });

  it('verifies query-string parameters in the canonical request', async () => {
    const c = client();
    c.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { query: Record<string, string> };
        req.query = { 'b key': "it's (x)*", a: 'z~y' };
        return next(args);
      },
      { step: 'build', name: 'addQuery' },
    );
    await c.send(new GetCallerIdentityCommand({}));
    expect(sts.calls[0]).toMatchObject({
      signatureValid: true,
      params: { 'b key': "it's (x)*", a: 'z~y' },
    });
  });

  it('accepts temporary credentials only with their session token', async () => {
    const ok = await client({ key: TEMP_KEY, secret: TEMP_SECRET, token: TEMP_TOKEN }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(ok.Arn).toBe('arn:aws:sts::111122223333:assumed-role/tfauth-bot/tfauth-session');
    const missing = await sdkError(
      client({ key: TEMP_KEY, secret: TEMP_SECRET }).send(new GetCallerIdentityCommand({})),
    );
    expect(missing).toEqual({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
    const expired = await sdkError(
      client({ key: EXPIRED_KEY, token: TEMP_TOKEN }).send(new GetCallerIdentityCommand({})),
    );
    expect(expired).toMatchObject({ name: 'ExpiredToken', status: 403 });
  });

  it('rejects a wrong secret with SignatureDoesNotMatch', async () => {
    const err = await sdkError(client({ secret: 'wrong' }).send(new GetCallerIdentityCommand({})));
    expect(err).toEqual({
      name: 'SignatureDoesNotMatch',
      status: 403,
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
        'Access Key and signing method. Consult the service documentation for details.',
    });
    expect(sts.calls[0]).toMatchObject({
      accessKeyId: KEY,
      signatureValid: false,
      errorCode: 'SignatureDoesNotMatch',
    });
  });

  it('rejects an unknown key with InvalidClientTokenId', async () => {
    const err = await sdkError(
      client({ key: 'AKIAWO645SY5FJXXI2DX' }).send(new GetCallerIdentityCommand({})),
    );
    expect(err).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
  });

  it('reports clock skew as STS does, and the SDK corrects its clock from Date', async () => {
    await sts.close();
    sts = await StsTestServer.start({
      credentials: { [KEY]: SECRET },
      now: () => Date.now() + 20 * 60_000,
    });
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    const err = await sdkError(client().send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('SignatureDoesNotMatch');
    expect(err.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    expect(sts.calls[0]?.signatureValid).toBe(true);
    // A retrying client reads the server's Date header and succeeds on attempt 2.
    await expect(
      client({ maxAttempts: 2 }).send(new GetCallerIdentityCommand({})),
    ).resolves.toBeDefined();
    expect(sts.calls.map((c) => c.status)).toEqual([403, 403, 200]);
  });
});

describe('GetAccessKeyInfo', () => {
  it('uses the configured map first', async () => {
    const out = await client().send(
      new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }),
    );
    expect(out.Account).toBe('123456789012');
  });

  it('otherwise decodes the owning account from the key id, like AWS', async () => {
    const out = await client().send(
      new GetAccessKeyInfoCommand({ AccessKeyId: 'ASIAY34FZKBOKMUTVV7A' }),
    );
    expect(out.Account).toBe('609629065308');
    expect(sts.calls[0]?.params.AccessKeyId).toBe('ASIAY34FZKBOKMUTVV7A');
  });

  it('rejects malformed ids with ValidationError', async () => {
    const err = await sdkError(
      client().send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIA-short' })),
    );
    expect(err).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'AKIA-short' at 'accessKeyId' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 16',
    });
  });

  it('errors for an undecodable, unconfigured old-generation id', async () => {
    const err = await sdkError(
      client().send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIAJABCDEFGHIJKLMNO' })),
    );
    expect(err).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
  });
});

describe('DecodeAuthorizationMessage', () => {
  it('returns the configured decoded JSON', async () => {
    const out = await client().send(
      new DecodeAuthorizationMessageCommand({ EncodedMessage: ENCODED }),
    );
    expect(JSON.parse(out.DecodedMessage ?? '')).toEqual(AWS_DOC_DECODED_MESSAGE);
  });

  it('rejects unknown messages with InvalidAuthorizationMessageException', async () => {
    const err = await sdkError(
      client().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'garbled' })),
    );
    expect(err).toEqual({
      name: 'InvalidAuthorizationMessageException',
      message: 'The message is not valid',
      status: 400,
    });
  });

  it('does not treat Object.prototype names as configured messages', async () => {
    const err = await sdkError(
      client().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'constructor' })),
    );
    expect(err.name).toBe('InvalidAuthorizationMessageException');
  });

  it('denies keys without the permission, and the switch can be flipped', async () => {
    const denied = client({ key: DENIED_KEY });
    const err = await sdkError(
      denied.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: ENCODED })),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:iam::999988887777:user/tfauth-bot is not authorized to perform: ' +
        'sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action',
    });
    sts.setDecodePermission(DENIED_KEY, true);
    await expect(
      denied.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: ENCODED })),
    ).resolves.toBeDefined();
    sts.setDecodePermission(KEY, false);
    const err2 = await sdkError(
      client().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: ENCODED })),
    );
    expect(err2.name).toBe('AccessDenied');
  });
});

describe('unknown actions and fault injection', () => {
  it('answers an unknown (signed) action with InvalidAction', async () => {
    const c = client();
    c.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { body: string };
        // Same length, so the content-length the SDK already computed stays right.
        req.body = req.body.replace('Action=GetCallerIdentity', 'Action=NoSuchOperation00');
        return next(args);
      },
      { step: 'build', name: 'renameAction' },
    );
    const err = await sdkError(c.send(new GetCallerIdentityCommand({})));
    expect(err).toEqual({
      name: 'InvalidAction',
      message: 'Could not find operation NoSuchOperation00 for version 2011-06-15',
      status: 400,
    });
    expect(sts.calls[0]).toMatchObject({ action: 'NoSuchOperation00', signatureValid: true });
  });

  it('injects a 500 that the SDK retries past', async () => {
    sts.failNext('GetCallerIdentity', { status: 500, code: 'InternalFailure' });
    await expect(
      client({ maxAttempts: 2 }).send(new GetCallerIdentityCommand({})),
    ).resolves.toBeDefined();
    expect(sts.calls.map((c) => c.status)).toEqual([500, 200]);
  });

  it('injects throttling for a number of calls', async () => {
    sts.failNext('*', { code: 'Throttling', count: 2 });
    const err = await sdkError(client().send(new GetCallerIdentityCommand({})));
    expect(err).toEqual({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    await sdkError(client().send(new GetCallerIdentityCommand({})));
    await expect(client().send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('can stall a response past the client timeout', async () => {
    sts.failNext('GetCallerIdentity', { delayMs: 2_000 });
    const c = new STSClient({
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    clients.push(c);
    const err = await sdkError(c.send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('TimeoutError');
  });

  it('can drop the connection', async () => {
    sts.failNext('GetCallerIdentity', { reset: true });
    const err = await sdkError(client().send(new GetCallerIdentityCommand({})));
    expect(err.message).toMatch(/socket hang up|ECONNRESET/);
  });
});

describe('raw HTTP', () => {
  it('returns the exact STS error shape and a matching x-amzn-RequestId', async () => {
    const res = await rawPost(sts.url, 'Action=GetCallerIdentity&Version=2011-06-15', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('text/xml');
    const m = RAW_SHAPE.exec(res.body);
    expect(m?.slice(1, 3)).toEqual([
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
    ]);
    expect(res.headers['x-amzn-requestid']).toBe(m?.[3]);
    expect(sts.calls[0]).toMatchObject({ accessKeyId: undefined, signatureValid: false });
  });

  it("verifies AWS's published SigV4 example signature", async () => {
    // http://docs.aws.amazon.com/general/latest/gr/sigv4-signed-request-examples.html
    // (IAM ListUsers, 20110909T233600Z, secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY).
    const res = await rawPost(sts.url, 'Action=ListUsers&Version=2010-05-08', {
      Authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=ced6826de92d2bdeed8f846f0bf508e8559e98e4b0199114b84c54174deb456c',
      host: 'iam.amazonaws.com',
      'Content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': '20110909T233600Z',
    });
    // The maths checks out; the request is still refused for being an IAM-scoped signature.
    expect(sts.calls[0]).toMatchObject({
      action: 'ListUsers',
      accessKeyId: 'AKIDEXAMPLE',
      signatureValid: true,
    });
    expect(res.status).toBe(403);
    expect(RAW_SHAPE.exec(res.body)?.[2]).toBe(
      "Credential should be scoped to correct service: 'sts'. ",
    );
  });

  it('flags a tampered body as an invalid signature', async () => {
    const res = await rawPost(sts.url, 'Action=ListUsers&Version=2010-05-09', {
      Authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=ced6826de92d2bdeed8f846f0bf508e8559e98e4b0199114b84c54174deb456c',
      host: 'iam.amazonaws.com',
      'Content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': '20110909T233600Z',
    });
    expect(res.status).toBe(403);
    expect(sts.calls[0]?.signatureValid).toBe(false);
  });
});
