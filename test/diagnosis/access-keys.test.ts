import fc from 'fast-check';
import { diagnose, factList } from '../../src/diagnosis';
import {
  accountIdFromKeyId,
  credentialKeyIds,
  isAccessKeyId,
  keyKind,
  maskKeyId,
} from '../../src/diagnosis/access-keys';

describe('keyKind', () => {
  it.each([
    ['ABIA', 'bearer-token'],
    ['ACCA', 'context-specific'],
    ['AGPA', 'unique-id'],
    ['AIDA', 'unique-id'],
    ['AIPA', 'unique-id'],
    ['AKIA', 'long-term'],
    ['ANPA', 'unique-id'],
    ['ANVA', 'unique-id'],
    ['APKA', 'public-key'],
    ['AROA', 'unique-id'],
    ['ASCA', 'certificate'],
    ['ASIA', 'temporary'],
  ])('%s is %s', (prefix, kind) => {
    const info = keyKind(`${prefix}XXXXXXXXXXXXXXXX`);
    expect(info).toMatchObject({ prefix, kind });
    expect(info?.description).toMatch(/\S/);
    expect(info?.description).not.toMatch(/\n/);
  });

  it('recognises legacy A3T ids', () => {
    expect(keyKind('A3TXABCDEFGHIJKLMNOP')).toMatchObject({ prefix: 'A3T', kind: 'legacy' });
  });

  it('returns undefined for unknown prefixes', () => {
    expect(keyKind('AXYZ1234567890123456')).toBeUndefined();
    expect(keyKind('')).toBeUndefined();
    expect(keyKind('akia')).toBeUndefined();
  });
});

describe('isAccessKeyId', () => {
  it('accepts 20-char credential ids', () => {
    expect(isAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(isAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toBe(true);
  });

  it('rejects wrong length, lowercase, unknown or non-credential prefixes', () => {
    expect(isAccessKeyId('AKIAIOSFODNN7EXAMPL')).toBe(false);
    expect(isAccessKeyId('AKIAIOSFODNN7EXAMPLEX')).toBe(false);
    expect(isAccessKeyId('akiaiosfodnn7example')).toBe(false);
    expect(isAccessKeyId('AXYZIOSFODNN7EXAMPLE')).toBe(false);
    // A role's unique id is not an access key (AWS docs example role id).
    expect(isAccessKeyId('AROA123456789EXAMPLE')).toBe(false);
  });
});

describe('accountIdFromKeyId', () => {
  // Published (key id → account) pairs, decoded by the write-ups below.
  it.each([
    // https://awsteele.com/blog/2020/09/26/aws-access-key-format.html
    // https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489
    ['ASIAY34FZKBOKMUTVV7A', '609629065308'],
    // https://github.com/psanford/aws-account-id-from-key (README example)
    ['ASIAVJ2E6QGR2WZILJFM', '364679954851'],
    // https://docs.rs/aws_account_id_from_key_id (crate docs example)
    ['AKIASP2TPHJSQH3FJXYZ', '171436882533'],
    // LocalStack, extract_account_id_from_access_key_id docstring:
    // https://github.com/localstack/localstack/blob/0f4b52eefee5b9eca65c2050cd69ec423e3eea9f/localstack/aws/accounts.py
    ['ASIAQAAAAAAAGMKEM7X5', '000000000000'],
    ['AKIARZPUZDIKGB2VALC4', '123456789012'],
  ])('%s → %s', (id, account) => {
    expect(accountIdFromKeyId(id)).toBe(account);
  });

  it('returns undefined for the AWS docs example key (old generation, 5th char I)', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
    expect(accountIdFromKeyId('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
  });

  it('returns undefined for other old-generation ids (5th char J, or A–P in general)', () => {
    // Invented ids.
    expect(accountIdFromKeyId('AKIAJABCDEFGHIJKLMNO')).toBeUndefined();
    expect(accountIdFromKeyId('AKIAPABCDEFGHIJKLMNO')).toBeUndefined();
  });

  it('returns undefined for malformed input', () => {
    expect(accountIdFromKeyId('')).toBeUndefined();
    expect(accountIdFromKeyId('ASIAY34FZKBOKMUTVV7')).toBeUndefined();
    expect(accountIdFromKeyId('ASIAY34FZKBOKMUTVV70')).toBeUndefined(); // 0 is not base32
    expect(accountIdFromKeyId('asiay34fzkbokmutvv7a')).toBeUndefined();
    expect(accountIdFromKeyId('A3TXY34FZKBOKMUTVV7A')).toBeUndefined();
    expect(accountIdFromKeyId('XXXXY34FZKBOKMUTVV7A')).toBeUndefined();
    // Decodes to 1099511627775 (> 12 digits): not a real account, so not a real key.
    expect(accountIdFromKeyId('AKIA7777777777777777')).toBeUndefined();
  });

  it('never throws and returns undefined or 12 digits for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = accountIdFromKeyId(s);
        return out === undefined || /^\d{12}$/.test(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on 20-char strings over the key alphabet', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
    const keyLike = fc
      .tuple(
        fc.constantFrom('AKIA', 'ASIA', 'ABIA', 'ACCA', 'AROA'),
        fc.array(fc.constantFrom(...alphabet), { minLength: 16, maxLength: 16 }),
      )
      .map(([p, rest]) => p + rest.join(''));
    fc.assert(
      fc.property(keyLike, (s) => {
        const out = accountIdFromKeyId(s);
        return out === undefined || /^\d{12}$/.test(out);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('maskKeyId', () => {
  it('keeps prefix and last four', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
  });

  it('reveals little of short inputs', () => {
    expect(maskKeyId('AKIA')).toBe('AK…');
    expect(maskKeyId('')).toBe('…');
  });
});

describe('key account facts in a diagnosis', () => {
  // AKIASP2TPHJSQH3FJXYZ → 171436882533 is a published pair (docs.rs/aws_account_id_from_key_id);
  // the role's account 222233334444 is invented.
  const paste = [
    'Error: configuring Terraform AWS Provider: IAM Role (arn:aws:iam::222233334444:role/deploy) cannot be assumed.',
    'Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 8f3c1a2b-1111-2222-3333-444455556666, api error AccessDenied: User: arn:aws:iam::171436882533:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222233334444:role/deploy',
    'AWS_ACCESS_KEY_ID=AKIASP2TPHJSQH3FJXYZ',
  ].join('\n');

  it('shows the decoded account next to the masked key, as a heuristic, and flags the role in another account', () => {
    const d = diagnose(paste);
    expect(d.classId).toBe('aws.assume_role_denied');
    const facts = Object.fromEntries(factList(d.facts).map((f) => [f.label, f.value]));
    expect(facts['Access key']).toBe(
      'AKIA…JXYZ (Long-term access key of an IAM user or root user; account 171436882533, decoded from the key id — a heuristic)',
    );
    expect(facts['Account mismatch']).toBe(
      'your key belongs to 171436882533, the role you assume is in 222233334444 (key account decoded from the id — a heuristic)',
    );
    expect(JSON.stringify(d)).not.toContain('AKIASP2TPHJSQH3FJXYZ');
  });

  it('names no mismatch when the role is in the key’s own account', () => {
    const d = diagnose(paste.replace(/222233334444/g, '171436882533'));
    expect(factList(d.facts).map((f) => f.label)).not.toContain('Account mismatch');
  });
});

describe('credentialKeyIds', () => {
  it('returns credential key ids unmasked, in order, without duplicates or unique ids', () => {
    const text =
      'AKIASP2TPHJSQH3FJXYZ then AROA123456789EXAMPLE1 and ASIAY34FZKBOKMUTVV7A, AKIASP2TPHJSQH3FJXYZ again';
    expect(credentialKeyIds(text)).toEqual(['AKIASP2TPHJSQH3FJXYZ', 'ASIAY34FZKBOKMUTVV7A']);
    expect(credentialKeyIds(text, 1)).toEqual(['AKIASP2TPHJSQH3FJXYZ']);
  });

  it('never returns anything that is not an access key id', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) =>
        credentialKeyIds(s).every((id) => isAccessKeyId(id)),
      ),
      { numRuns: 500 },
    );
  });
});
