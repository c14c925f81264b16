import { decodeSlack, normalize, stripAnsi } from '../../src/diagnosis/normalize';

const flatOf = (text: string): string =>
  normalize([text])
    .blocks.map((b) => b.flat)
    .join(' | ');

describe('decodeSlack', () => {
  it('decodes the three entities, amp last', () => {
    expect(decodeSlack('a &lt;b&gt; &amp;lt; c')).toBe('a <b> &lt; c');
  });

  it('keeps a link label, or the URL when there is none', () => {
    expect(
      decodeSlack(
        'see <https://registry.terraform.io/providers/hashicorp/aws|registry.terraform.io>',
      ),
    ).toBe('see registry.terraform.io');
    expect(decodeSlack('Post <https://sts.us-east-1.amazonaws.com/>: dial tcp')).toBe(
      'Post https://sts.us-east-1.amazonaws.com/: dial tcp',
    );
  });

  it('turns mentions and channel links into readable names', () => {
    expect(decodeSlack('<@U123ABC> in <#C0AB|infra-help> <!here>')).toBe(
      '@U123ABC in #infra-help @here',
    );
  });
});

describe('normalize', () => {
  it('strips code fences, the Terraform frame, and splits framed diagnostics into blocks', () => {
    const text =
      '```╷\n│ Error: No valid credential sources found\n│ \n╵\n╷\n│ Error: Cannot assume IAM Role\n╵```';
    const { blocks } = normalize([text]);
    expect(blocks.map((b) => b.flat)).toEqual([
      'Error: No valid credential sources found',
      'Error: Cannot assume IAM Role',
    ]);
  });

  it("removes both edges of Pulumi's TUI box, so a sentence cut across box lines rejoins", () => {
    // Shape from corpus holdout4/h4-kinetic-285-1 (keras-team/kinetic#285).
    const flat = flatOf(
      '│ unable to load schema information from the API server: the  │\n│ server has asked for the client to provide credentials      │',
    );
    expect(flat).toBe(
      'unable to load schema information from the API server: the server has asked for the client to provide credentials',
    );
    // A bar inside the text (no padding before it) is content.
    expect(flatOf('│ Error: a│b')).toBe('Error: a│b');
  });

  it('recognises the frame when a Windows console shows it as mojibake', () => {
    expect(flatOf('Γò╖\nΓöé Error: Required token could not be found\nΓò╡')).toBe(
      'Error: Required token could not be found',
    );
  });

  it('removes ANSI colour codes, including the bare residue left by a lost ESC byte', () => {
    expect(flatOf('\x1b[31m\x1b[1mError: \x1b[0mExpiredToken')).toBe('Error: ExpiredToken');
    expect(flatOf('\uFFFD[1m\uFFFD[31mError: \uFFFD[0m\uFFFD[0mExpiredToken[0m')).toBe(
      'Error: ExpiredToken',
    );
  });

  describe('colour-code residue without its ESC byte: only what cannot be text', () => {
    it.each([
      // corpus holdout2/h2-homebrew42613-1 (github:Homebrew/legacy-homebrew#42613)
      [
        '[31mError refreshing state: 1 error(s) occurred:',
        'Error refreshing state: 1 error(s) occurred:',
      ],
      [
        'request id: [be10658a-3d33-11e5-9906-3d7e7d075f04][0m[0m',
        'request id: [be10658a-3d33-11e5-9906-3d7e7d075f04]',
      ],
      // invented: ECMA-48 SGR with the parameter left out (ESC[m = reset), as `ls --color` emits
      ['\x1b[mError: \x1b[1mExpiredToken\x1b[m', 'Error: ExpiredToken'],
      // invented: `cat -v` shows ESC as `^[`
      ['^[[31mError:^[[0m ExpiredToken', 'Error: ExpiredToken'],
      // invented: a bare `[m` directly before or after other residue (a lost ESC twice)
      ['[0m[mError: [m[31mExpiredToken[0m', 'Error: ExpiredToken'],
    ])('strips %j', (pasted, plain) => {
      expect(stripAnsi(pasted)).toBe(plain);
    });

    it.each([
      // corpus holdout/ho-awsvault-266-2 (github:99designs/aws-vault#266)
      'Enter token for arn:aws:iam::[account]:mfa/deployment_user: [mfa-code]',
      // corpus holdout6/h6-happy-2606-1 (https://github.com/chanzuckerberg/happy/pull/2606)
      'status code 500: [map[message:making happy client: failed to construct',
      // corpus holdout4/h4-azcli-28708-1 (Azure/azure-cli#28708): Terraform's progress line
      'azurerm_shared_image_version.image_new_version: Still creating... [43m30s elapsed]',
      // invented (issue 13): a bracketed word and an address starting with m
      'Error: reading [mod] settings',
      'module.x[m1].aws_iam_role.this',
      // invented: `[m` alone, repeated, is still text
      '[m[m[m',
    ])('keeps %j', (text) => {
      expect(stripAnsi(text)).toBe(text);
    });

    it('keeps a Terragrunt module prefix starting with m, so the prefix is still recognised', () => {
      // invented: Terragrunt ≥0.67 log format (see LINE_PREFIXES), module `mysql`
      expect(flatOf('15:04:05.000 STDERR [mysql] terraform: Error: G')).toBe('Error: G');
    });
  });

  it('removes CI prefixes: ISO timestamps, clocks, ##[error], Cloud Build steps, blockquotes', () => {
    const text = [
      '2020-05-05T04:05:32.0582132Z ##[error]│ Error: A',
      '14:46:24  │ Error: B',
      'Step #5: Error: C',
      '> │ Error: D',
      '   > Error: E',
      '\uFEFF::error::Error: F',
      '15:04:05.000 STDERR [app] terraform: Error: G',
      '  Error: H > not a quote',
    ].join('\n');
    expect(normalize([text]).text.split('\n')).toEqual([
      'Error: A',
      'Error: B',
      'Error: C',
      'Error: D',
      'Error: E',
      'Error: F',
      'Error: G',
      '  Error: H > not a quote',
    ]);
  });

  it('keeps Terraform debug log levels after a timestamp (they are content, not CI prefixes)', () => {
    expect(flatOf('2023-11-02T13:31:14.652+0100 [DEBUG] backend-s3: x')).toBe(
      '2023-11-02T13:31:14.652+0100 [DEBUG] backend-s3: x',
    );
  });

  it('undoes GitHub step links pasted from the log viewer', () => {
    expect(
      flatOf('Trace ID: 9[15](https://github.com/o/r/actions/runs/1/job/2#step:5:16)d52ba'),
    ).toBe('Trace ID: 915d52ba');
  });

  it('handles CRLF and CR line endings', () => {
    expect(normalize(['Error: A\r\nline B\rline C']).text).toBe('Error: A\nline B\nline C');
  });

  it('rejoins lines hard-wrapped at a fixed column mid-word, and flattens word wraps with spaces', () => {
    const width = 70;
    const long =
      'compute.VirtualMachinesClient#CreateOrUpdate: Failure responding to request: StatusCode=409 -- Original Error: autorest/azure: Service returned an error. Status=409 Code="OperationNotAllowed"';
    const cut = [long.slice(0, width), long.slice(width, 2 * width), long.slice(2 * width)];
    expect(cut[0]?.length).toBe(width);
    expect(flatOf(cut.join('\n'))).toBe(long);
    expect(
      flatOf(
        'retrieving caller identity from STS: operation error STS: GetCallerIdentity,\nhttps response error StatusCode: 403',
      ),
    ).toBe(
      'retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403',
    );
  });

  it('keeps the space of a word wrap when two wrapped lines share the longest length by chance (corpus holdout17/h17-tfw-credhelper-registry-1)', () => {
    const text =
      'Error: Failed to query available provider packages\nCould not retrieve the list of available versions for provider -/aws: failed\nto retrieve credentials for registry.terraform.io: error in\n/terraformer/.terraform.d/plugins/terraform-credentials-env_v1.0.0_x4: No\ncredentials for registry.terraform.io are defined via environment variables.';
    expect(flatOf(text)).toContain('failed to retrieve credentials for registry.terraform.io');
  });

  it('does not glue lines of a message printed twice, where a longer line shows nothing was cut (corpus holdout11/h11-aws-driftctl-665-1)', () => {
    const line =
      'AccessDeniedException: User: arn:aws:sts::1:assumed-role/r is not authorized to perform: kms:GetKeyPolicy';
    const id = '        status code: 400, request id: 9fee23e9-a927-48da-976e-73c4b9d9bb58';
    const text = [`ERRO[0027] ${line}`, id, 'Scanned resources (518)', line, id].join('\n');
    expect(flatOf(text)).not.toContain('bb58Scanned');
    expect(flatOf(text)).toContain('9fee23e9-a927-48da-976e-73c4b9d9bb58');
  });

  it('decodes Slack encoding before anything else', () => {
    expect(flatOf('&gt; │ Error: AccessDenied: User: arn:aws:iam::1:user/x &amp; more')).toBe(
      'Error: AccessDenied: User: arn:aws:iam::1:user/x & more',
    );
  });

  it('drops markdown bold markers', () => {
    expect(flatOf('**Error: oauth2: cannot fetch token: 400 Bad Request**')).toBe(
      'Error: oauth2: cannot fetch token: 400 Bad Request',
    );
  });

  it('reads a JSON log record as the lines its message holds, and leaves API error bodies alone', () => {
    // corpus holdout11/h11-multi-tofuctl-221-1 (flux-iac/tofu-controller#221), trimmed
    const record =
      '{"level":"error","ts":"2022-05-03T09:49:31.375Z","msg":"Reconciliation failed","error":"error running Plan: exit status 1\\n\\nError: building AzureRM Client: Error launching Azure CLI: exec: \\"az\\": executable file not found in $PATH.\\n"}';
    expect(flatOf(record)).toContain('exec: "az": executable file not found in $PATH.');
    expect(flatOf(record)).not.toContain('\\n');
    const body =
      '{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired"}';
    expect(flatOf(body)).toBe(body);
    expect(flatOf('{"level":"error","msg":"not json"')).toBe('{"level":"error","msg":"not json"');
  });
});
