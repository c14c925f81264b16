// The engine's mechanics: the keyword prefilter derived from the catalog, `beats` and `tier`,
// not-auth wrappers that yield to an auth error inside them, the guessed class for a refusal
// nothing explains, and input with no text to read. Texts marked `invented:` say why.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis';
import {
  CATALOG,
  NOT_AUTH,
  TIER,
  type CatalogEntry,
  type Signature,
} from '../../src/diagnosis/catalog';
import { CONFIDENCE } from '../../src/diagnosis/classify';
import { GUESS_CONFIDENCE, STRONG_GUESS_CONFIDENCE } from '../../src/diagnosis/fallback';
import { READ_WHOLE_CHARS } from '../../src/diagnosis/focus';
import { requiredLiterals } from '../../src/diagnosis/keywords';
import { settleTools, TOOL_PATTERNS, tools } from '../../src/diagnosis/facts/terraform';
import { MultiMatcher } from '../../src/diagnosis/multi-match';
import { PatternSet } from '../../src/diagnosis/pattern-set';
import { keywordsOf, mayBeAnError, selectSignatures } from '../../src/diagnosis/prefilter';

/** The texts of the labelled sets kept in the repository. */
function labelledTexts(): string[] {
  const files = [
    join(__dirname, '..', '..', 'data', 'corpus', 'dev.jsonl'),
    ...['holdout', 'holdout2', 'holdout3', 'holdout4', 'not-failures'].map((f) =>
      join(__dirname, '..', 'fixtures', `${f}.jsonl`),
    ),
  ];
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

/** Adds an entry to the catalog for the duration of `fn` (the engine must notice). */
function withEntry<T>(entry: CatalogEntry, fn: () => T): T {
  CATALOG.push(entry);
  try {
    return fn();
  } finally {
    CATALOG.splice(CATALOG.indexOf(entry), 1);
  }
}

/** A copy of an existing entry (so advice has what it needs) with other signatures. */
function entryWith(signatures: Signature[]): CatalogEntry {
  const base = CATALOG.find((e) => e.id === 'tfc.token') as CatalogEntry;
  return { ...base, signatures };
}

describe('keywords derived from patterns', () => {
  it.each([
    [/\bExpiredToken(?:Exception)?\b/, ['expiredtoken']],
    [/[Nn]o valid credential sources (?:for [^.]{1,60}? )?found/, ['no valid credential sources ']],
    [
      /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|id-token: write/,
      ['id-token: write', 'actions_id_token_request_url', 'actions_id_token_request_token'],
    ],
    [
      /\b40[13] (?:Unauthorized|Forbidden)\b/,
      ['401 forbidden', '403 forbidden', '401 unauthorized', '403 unauthorized'],
    ],
    [/Signature expired: \d{8}T\d{6}Z is now earlier than/, ['z is now earlier than']],
  ])('%s → %j', (re, words) => {
    expect(requiredLiterals(re)?.sort()).toEqual([...words].sort());
  });

  it('gives up on a pattern without a literal of three characters, so keywords must be declared', () => {
    expect(requiredLiterals(/\d{3}-[a-z]{2}/)).toBeUndefined();
    expect(requiredLiterals(/ab|[Cc]dx/)).toBeUndefined();
    const declared: Signature = {
      id: 'x',
      pattern: /\d{3}-[a-z]{2}/,
      tier: 'weak',
      keywords: ['Zq-'],
    };
    expect(keywordsOf(declared)).toEqual(['zq-']);
  });

  it('the derived words are a necessary condition: every catalog pattern matches only texts with one', () => {
    // Each pattern's own keywords, upper-cased, must still select it (the scan ignores case).
    for (const e of [...CATALOG, ...NOT_AUTH])
      for (const s of e.signatures) {
        const words = keywordsOf(s) ?? [];
        expect(words.length).toBeGreaterThan(0);
        expect(selectSignatures((words[0] as string).toUpperCase()).has(s)).toBe(true);
      }
  });
});

describe('MultiMatcher', () => {
  it('finds every occurrence of every word in one pass, ignoring ASCII case', () => {
    const m = new MultiMatcher(['he', 'she', 'his', 'hers']);
    const hits: string[] = [];
    m.scan('uSHErs his', (w, end) => {
      hits.push(`${m.words[w]}@${end}`);
    });
    expect(hits.sort()).toEqual(['he@4', 'hers@6', 'his@10', 'she@4'].sort());
    expect(m.any('nothing here?')).toBe(true); // "he" in "here"
    expect(m.any('xyz — ünïcode')).toBe(false);
  });

  it('reads a long text piece by piece: a word across a piece boundary, blanks folded, is found', () => {
    const m = new MultiMatcher(['access denied']);
    // The scan copies 65,536 characters at a time: the word straddles the first boundary,
    // with its blank run split across it.
    const text = `${'x'.repeat(65_536 - 8)}ACCESS  \n  denied${'y'.repeat(70_000)}`;
    const ends: number[] = [];
    m.scan(text, (_w, end) => {
      ends.push(end);
    });
    expect(ends).toEqual([text.indexOf('denied') + 'denied'.length]);
    // A range that starts and ends inside the text sees only its own part.
    expect(m.any(text.slice(0, 65_536))).toBe(false);
    const inRange: number[] = [];
    m.scan(text, (_w, end) => void inRange.push(end), 65_536 - 8, text.length);
    expect(inRange).toEqual(ends);
  });

  it('lets a scan run inside another scan’s callback without disturbing it', () => {
    const m = new MultiMatcher(['token', 'key']);
    const outer: number[] = [];
    const inner: number[] = [];
    m.scan('token a token b', (_w, end) => {
      outer.push(end);
      m.scan('key', (_v, e) => void inner.push(e));
    });
    expect(outer).toEqual([5, 13]);
    expect(inner).toEqual([3, 3]);
  });
});

describe('PatternSet', () => {
  it('lets a pattern through only when one of its literals occurs, case and blanks folded', () => {
    const set = new PatternSet([/foo bar/, /\bBaz\d/i, /[xy]{2}/]);
    expect(set.candidates('FOO\n  bar')).toEqual([true, false, true]);
    expect(set.candidates('a baz9 b')).toEqual([false, true, true]);
  });

  it('never drops a tool pattern that matches (every labelled paste, and those pastes as one)', () => {
    const texts = labelledTexts();
    texts.push(texts.join('\n'));
    for (const text of texts) {
      const may = new PatternSet(TOOL_PATTERNS.map(([, re]) => re)).candidates(text);
      TOOL_PATTERNS.forEach(([, re], i) => {
        if (re.test(text)) expect(may[i]).toBe(true);
      });
      const plain = [...new Set(TOOL_PATTERNS.filter(([, re]) => re.test(text)).map(([t]) => t))];
      expect(tools(text)).toEqual(settleTools(plain, text));
    }
  });
});

describe('prefilter', () => {
  // invented: a message no real tool prints, so only the runtime entry can match it.
  const NOVEL = 'Error: Zorblax gateway refused the deploy key (code QX-17)';
  const novel: Signature = { id: 'zorblax', pattern: /Zorblax gateway refused/, tier: 'strong' };

  it('a catalog entry added at run time is read and decided, in a paste and in a big log', () => {
    const noise = 'DEBUG http: request sent, 200 OK, nothing to see here\n'.repeat(
      Math.ceil((READ_WHOLE_CHARS * 4) / 50),
    );
    const big = `${noise}${NOVEL}\n${noise.slice(0, 2000)}`;
    expect(diagnose(NOVEL).classId).toBe('none');
    expect(mayBeAnError('Zorblax gateway refused')).toBe(false);
    withEntry(entryWith([novel]), () => {
      expect(mayBeAnError('Zorblax gateway refused')).toBe(true);
      const d = diagnose(NOVEL);
      expect(d.classId).toBe('tfc.token');
      expect(d.evidence[0]).toContain('Zorblax');
      expect(diagnose(big).classId).toBe('tfc.token');
    });
    expect(diagnose(NOVEL).classId).toBe('none');
  });

  it('runs only the signatures whose words occur in the block', () => {
    const selected = selectSignatures('Error: ExpiredToken: the token expired');
    const expired = CATALOG.find((e) => e.id === 'aws.expired_token') as CatalogEntry;
    expect(selected.has(expired.signatures[0] as Signature)).toBe(true);
    const github = CATALOG.find((e) => e.id === 'github.bad_credentials') as CatalogEntry;
    expect(github.signatures.some((s) => selected.has(s))).toBe(false);
  });
});

describe('beats and tier', () => {
  // invented: an ExpiredToken printed inside a made-up wrapper that must win over it.
  const TEXT =
    'Error: Zorblax vault lease ended: ExpiredToken: The security token included in the request is expired';

  it('a signature that beats a class wins the block whatever the tiers', () => {
    expect(diagnose(TEXT).classId).toBe('aws.expired_token');
    const winner: Signature = {
      id: 'lease',
      pattern: /Zorblax vault lease ended/,
      tier: 'weak',
      beats: ['aws.expired_token'],
    };
    withEntry(entryWith([winner]), () => {
      const d = diagnose(TEXT);
      expect(d.classId).toBe('tfc.token');
      // The beaten class is no rival either: no penalty on the winner's weight.
      expect(d.confidence).toBe(TIER.weak);
    });
  });

  it('beats may name one signature of a class', () => {
    const winner: Signature = {
      id: 'lease',
      pattern: /Zorblax vault lease ended/,
      tier: 'weak',
      beats: ['aws.expired_token/code'],
    };
    withEntry(entryWith([winner]), () => {
      // Only `code` is beaten: the `message` signature still decides for expired_token.
      expect(diagnose(TEXT).classId).toBe('aws.expired_token');
    });
  });

  it('a signature that beats one of its own class decides, and the beaten one still counts', () => {
    const gateway: Signature = {
      id: 'gateway',
      pattern: /Zorblax gateway refused/,
      tier: 'strong',
      beats: ['tfc.token/refused'],
    };
    const refused: Signature = { id: 'refused', pattern: /refused the key/, tier: 'decisive' };
    withEntry(entryWith([refused, gateway]), () => {
      const d = diagnose('Error: Zorblax gateway refused the key');
      expect(d.signatureId).toBe('tfc.token/gateway');
      expect(d.confidence).toBeCloseTo(TIER.strong + CONFIDENCE.COUNT_BONUS, 10);
    });
  });

  it('a signature’s weight is its tier’s', () => {
    const tiered: Signature = { id: 'tiered', pattern: /Zorblax gateway refused/, tier: 'strong' };
    withEntry(entryWith([tiered]), () => {
      expect(diagnose('Error: Zorblax gateway refused the key').confidence).toBe(TIER.strong);
    });
  });
});

describe('a not-auth wrapper around an auth error is an auth error', () => {
  it('a state lock that failed with AccessDeniedException', () => {
    // invented: the S3 backend's lock error (terraform internal/backend/remote-state/s3) with a
    // DynamoDB denial rendered inside, as in the example.
    const d = diagnose(`Error: Error acquiring the state lock

Error message: 2 errors occurred:
	* operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: 7Q2, api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ci/gh is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/tf-locks because no identity-based policy allows the dynamodb:PutItem action`);
    expect(d.classId).toBe('aws.permission_denied');
  });

  it('a state lock that failed with ExpiredToken', () => {
    // invented: same template, expired session inside.
    const d = diagnose(
      'Error: Error acquiring the state lock\nError message: operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: X1, api error ExpiredTokenException: The security token included in the request is expired',
    );
    expect(d.classId).toBe('aws.expired_token');
  });

  it('a provider install refused with 401 by a private registry', () => {
    // invented: Terraform's installer message with a registry answering 401.
    const d = diagnose(
      'Error: Failed to install provider\n\nError while installing acme/widget v1.2.0: could not query provider registry for registry.example.com/acme/widget: failed to retrieve authentication checksums for provider: 401 Unauthorized',
    );
    expect(d.classId).toBe('tfc.token');
  });

  it('a plain state lock stays silent', () => {
    // invented: the lock error as held by another run.
    const d = diagnose(
      'Error: Error acquiring the state lock\n\nError message: ConditionalCheckFailedException: The conditional request failed\nLock Info:\n  ID: 4b1f\n  Who: alice@laptop',
    );
    expect(d.classId).toBe('none');
    expect(d.summary).toMatch(/state is locked/i);
  });
});

describe('no silence on a refusal nothing explains', () => {
  it('a 403 with refusal words on a named platform: the platform’s class, heard in the channel, marked unsure', () => {
    // invented: a wrapper tool's wording that no catalog family knows.
    const d = diagnose(
      'Error: deploying stack: provider "aws": request to https://cloudcontrolapi.us-east-1.amazonaws.com failed: 403 Forbidden: access denied for this principal',
    );
    expect(d.classId).toBe('aws.permission_denied');
    expect(d.confidence).toBe(STRONG_GUESS_CONFIDENCE);
    expect(d.summary).toMatch(/not sure/i);
    expect(d.notes.join(' ')).toMatch(/paste/i);
  });

  it('refusal words alone: a quieter guess, below the channel threshold', () => {
    // invented: an Azure-flavoured failure without a status code or known AADSTS code.
    const d = diagnose(
      'Error: azurerm backend: failed to list keys: unauthorized, the credentials are invalid',
    );
    expect(d.classId).toBe('azure.client_secret');
    expect(d.confidence).toBe(GUESS_CONFIDENCE);
    expect(d.confidence).toBeLessThan(0.6);
  });

  it('expired credentials on AWS guess the expired-session class', () => {
    // invented
    expect(
      diagnose(
        'Error: upload failed: s3 sync to amazonaws.com: 401 Unauthorized: token has expired',
      ).classId,
    ).toBe('aws.expired_token');
  });

  it('stays none when a not-auth family explains the block', () => {
    // invented: a 403 whose reason is a disabled API (googleapis wording as in error-formats.md).
    const d = diagnose(
      'Error: googleapi: Error 403: Cloud Resource Manager API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/cloudresourcemanager.googleapis.com, accessNotConfigured',
    );
    expect(d.classId).toBe('none');
  });

  it('stays none when no platform can be told', () => {
    // invented
    expect(diagnose('Error: 403 Forbidden: access denied').classId).toBe('none');
  });

  it('a refusal named in chat, with no failure, is not a guess', () => {
    expect(diagnose('does AWS return 403 Forbidden for this?').classId).toBe('none');
  });
});

describe('confidence caps', () => {
  it('an error code named in chat stays below the reply threshold', () => {
    const d = diagnose('anyone seen ExpiredToken on the staging account lately?');
    expect(d.classId).toBe('aws.expired_token');
    expect(d.confidence).toBeLessThanOrEqual(CONFIDENCE.CHAT_CAP);
  });

  // Output without the word "error": a stack frame under the message, a process that exited.
  it.each([
    [
      'a JavaScript stack frame (corpus holdout4/h4-sdkjsv3-2208-1)',
      'RequestTimeTooSkewed: The difference between the request time and the current time is too large.\n    at deserializeAws_restXmlListBucketsCommandError (/app/node_modules/@aws-sdk/client-s3/dist/cjs/protocols/Aws_restXml.js:7060:41)',
    ],
    [
      "Go's exec exit status (corpus holdout4/h4-k8sprov-816-1)",
      'Post https://ABC.yl4.eu-west-1.eks.amazonaws.com/api/v1/namespaces/kube-system/configmaps: getting credentials: exec: exit status 2',
    ],
  ])('is not capped as chat: %s', (_name, text) => {
    expect(diagnose(text).confidence).toBeGreaterThan(CONFIDENCE.CHAT_CAP);
  });
});

describe('no text to read', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t \n'],
    ['binary', '\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000\u0008\u0000\ufffd\ufffd\u0000x'],
  ])('%s input says so instead of "not an auth error"', (_name, text) => {
    const d = diagnose(text);
    expect(d.classId).toBe('none');
    expect(d.title).toBe('No text to read');
    expect(d.summary).toMatch(/no text to read/i);
  });

  it('text with a few control characters is still read', () => {
    const d = diagnose(
      '\u0007Error: ExpiredToken: The security token included in the request is expired',
    );
    expect(d.classId).toBe('aws.expired_token');
  });
});
