import {
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import { KeyAccountCache, TtlLru } from '../../src/aws/key-account-cache';
import { StsHelperError } from '../../src/aws/sts-client';
import {
  createStsService,
  STS_NO_CREDENTIALS,
  STS_OFF_BY_CONFIG,
  type StsService,
  type StsServiceOptions,
} from '../../src/aws/sts-service';
import { createLogger } from '../../src/infra/logger';

const logs: string[] = [];
const logger = createLogger({ level: 'debug', write: (l) => logs.push(l) });
// Published key id → account pair (awsteele.com, Tal Be'ery).
const KEY = 'ASIAY34FZKBOKMUTVV7A';
const IDENTITY = {
  Account: '111122223333',
  Arn: 'arn:aws:iam::111122223333:user/tfauth-bot',
  UserId: 'AIDAEXAMPLETFAUTHBOT1',
};

type Handler = (command: unknown) => Promise<unknown>;

/** A stand-in for STSClient.send that records what was sent. */
function fakeClient(handler: Handler = defaultHandler) {
  const sent: unknown[] = [];
  return {
    sent,
    client: {
      send: (command: unknown) => {
        sent.push(command);
        return handler(command);
      },
    } as never,
  };
}

async function defaultHandler(command: unknown): Promise<unknown> {
  if (command instanceof GetCallerIdentityCommand) return IDENTITY;
  if (command instanceof GetAccessKeyInfoCommand) return { Account: '609629065308' };
  if (command instanceof DecodeAuthorizationMessageCommand)
    return { DecodedMessage: '{"allowed":false,"explicitDeny":false}' };
  throw new Error('unexpected command');
}

const services: StsService[] = [];
async function service(client: unknown, options: StsServiceOptions = {}): Promise<StsService> {
  const s = createStsService({ stsEnabled: true }, logger, {
    ...options,
    helpers: { client: client as never },
  });
  services.push(s);
  await s.start();
  return s;
}

afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

describe('TtlLru', () => {
  it('evicts the least recently used entry beyond its size', () => {
    const lru = new TtlLru<string>(2, 1000);
    lru.set('a', '1');
    lru.set('b', '2');
    expect(lru.get('a')).toBe('1'); // a is now the most recent
    lru.set('c', '3');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('1');
    expect(lru.get('c')).toBe('3');
    expect(lru.size).toBe(2);
  });

  it('forgets entries after their TTL', () => {
    let now = 0;
    const lru = new TtlLru<string>(10, 1000, () => now);
    lru.set('a', '1');
    now = 999;
    expect(lru.get('a')).toBe('1');
    now = 2000;
    expect(lru.get('a')).toBeUndefined();
    expect(lru.size).toBe(0);
  });
});

describe('KeyAccountCache', () => {
  it('looks an id up once for concurrent askers, then answers from the cache', async () => {
    const lookup = jest.fn(async () => '609629065308');
    const cache = new KeyAccountCache(lookup);
    const answers = await Promise.all([cache.account(KEY), cache.account(KEY)]);
    expect(answers.map((a) => a.account)).toEqual(['609629065308', '609629065308']);
    expect(await cache.account(KEY)).toEqual({ account: '609629065308', cached: true });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('does not cache failures', async () => {
    const lookup = jest
      .fn<Promise<string>, [string]>()
      .mockRejectedValueOnce(new StsHelperError({ kind: 'throttled', message: 'Rate exceeded' }))
      .mockResolvedValueOnce('609629065308');
    const cache = new KeyAccountCache(lookup);
    await expect(cache.account(KEY)).rejects.toMatchObject({ kind: 'throttled' });
    await expect(cache.account(KEY)).resolves.toEqual({ account: '609629065308', cached: false });
  });

  it('never looks up anything but an access key id (no secrets, no unique ids)', async () => {
    const lookup = jest.fn(async () => '1');
    const cache = new KeyAccountCache(lookup);
    for (const notAnId of [
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AROA123456789EXAMPLE',
      'akiasp2tphjsqh3fjxyz',
      'AKIASP2TPHJSQH3FJXYZ extra',
    ])
      await expect(cache.account(notAnId)).rejects.toMatchObject({ code: 'ValidationError' });
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('createStsService', () => {
  it('off: says why, answers nothing, never fails /healthz', async () => {
    const s = createStsService({ stsEnabled: false }, logger);
    await s.start();
    expect(s.enabled).toBe(false);
    expect(s.active).toBe(false);
    expect(s.offReason()).toBe(STS_OFF_BY_CONFIG);
    expect(s.health()).toEqual({ ok: true, detail: 'off' });
    await expect(s.keyAccount(KEY)).rejects.toBeInstanceOf(StsHelperError);
    await s.close();
  });

  it('on with credentials: identity, cached key lookups, and health ok', async () => {
    const { client, sent } = fakeClient();
    const s = await service(client);
    expect(s.active).toBe(true);
    expect(s.health()).toEqual({ ok: true, detail: 'ok' });
    expect(s.state()).toMatchObject({ kind: 'ok', identity: { account: '111122223333' } });
    await s.keyAccount(KEY);
    await s.keyAccount(KEY);
    expect(sent.filter((c) => c instanceof GetAccessKeyInfoCommand)).toHaveLength(1);
  });

  it('on without credentials: inactive, with the reason, and /healthz still ok', async () => {
    const { client } = fakeClient(async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      });
    });
    const s = await service(client);
    expect(s.active).toBe(false);
    expect(s.offReason()).toBe(STS_NO_CREDENTIALS);
    expect(s.health()).toEqual({ ok: true, detail: 'no credentials' });
    await expect(s.whoAmI()).rejects.toMatchObject({ kind: 'no-credentials' });
  });

  it('an STS error at startup keeps the checks available and /healthz ok, with the code', async () => {
    const { client } = fakeClient(async () => {
      throw Object.assign(new Error('The security token included in the request is invalid.'), {
        name: 'InvalidClientTokenId',
      });
    });
    const s = await service(client);
    expect(s.active).toBe(true);
    expect(s.health()).toEqual({ ok: true, detail: 'error: InvalidClientTokenId' });
  });

  it('paces calls with its limiter', async () => {
    const { client } = fakeClient();
    const s = await service(client, { maxConcurrent: 1, minTimeMs: 60 });
    const started = Date.now();
    await Promise.all(
      ['ASIAY34FZKBOKMUTVV7A', 'ASIAVJ2E6QGR2WZILJFM', 'AKIASP2TPHJSQH3FJXYZ'].map((k) =>
        s.keyAccount(k),
      ),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('refuses calls beyond its queue as throttled, without sending them', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { client, sent } = fakeClient(async (command) => {
      if (command instanceof GetAccessKeyInfoCommand) await gate;
      return defaultHandler(command);
    });
    const s = await service(client, { maxConcurrent: 1, maxQueued: 1, minTimeMs: 0 });
    const keys = ['ASIAY34FZKBOKMUTVV7A', 'ASIAVJ2E6QGR2WZILJFM', 'AKIASP2TPHJSQH3FJXYZ'];
    const results = keys.map((k) =>
      s.keyAccount(k).then(
        () => 'ok',
        (e: StsHelperError) => e.kind,
      ),
    );
    // The first call holds the only slot until released; the third, refused, settles meanwhile.
    // Releasing after a fixed sleep raced a loaded machine (the third call reached the queue only
    // after the release). The timer only keeps a regression from hanging until jest's timeout.
    await Promise.race([results[2], new Promise((r) => setTimeout(r, 2000))]);
    release();
    expect(await Promise.all(results)).toEqual(['ok', 'ok', 'throttled']);
    expect(sent.filter((c) => c instanceof GetAccessKeyInfoCommand)).toHaveLength(2);
  });

  it('sends only encoded messages to DecodeAuthorizationMessage — never redacted or secret-shaped text', async () => {
    const { client, sent } = fakeClient();
    const s = await service(client);
    for (const bad of [
      '[redacted]',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AKIA…JXYZ-and-more-characters',
      'short',
    ])
      await expect(s.decode(bad)).rejects.toMatchObject({ kind: 'invalid-message' });
    expect(sent.filter((c) => c instanceof DecodeAuthorizationMessageCommand)).toHaveLength(0);
    await expect(s.decode('EXAMPLE-encoded-authorization-message')).resolves.toMatchObject({
      allowed: false,
    });
  });
});
