// The command contract: every command the catalog can print — each step of each entry and
// the platform checks, for every credential source, with every fact known and with none —
// parses as what it is (bash, JMESPath, jq, kubectl jsonpath, HCL) and every `aws` command
// and option exists in the AWS CLI's command tree.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, PLATFORMS } from '../../src/diagnosis/catalog';
import { emptyFacts } from '../../src/diagnosis/facts';
import { fill, fillProse, placeholders, templateVars } from '../../src/diagnosis/template';
import { renderCatalog, SAMPLE_VARS } from '../support/commands/catalog-commands';
import {
  AWS_TREE_FILE,
  awsKeys,
  bashProblems,
  checkAll,
  commandProblems,
  detailProblems,
  loadAwsTree,
  PLACEHOLDER_SHOWN,
  asTyped,
  powershellProblems,
  awsInvocation,
} from '../support/commands/check';
import { argv, simpleCommands } from '../support/commands/shell-words';
import { kubeJsonpathError } from '../support/commands/kube-jsonpath';
import { itIf } from '../support/skip';

/** Values only the user can supply: no paste shows them, so they stay placeholders. */
export const USER_SUPPLIED = new Set([
  // the Lambda function's name: the stack trace shows only its code path
  'lambda-function',
  '6-digit-code',
  // the MFA device's ARN: `aws iam list-mfa-devices`, printed in the same step, shows it
  'mfa-device-arn',
  // the parent of a project to create (its folder_id / org_id in the .tf, not in the error)
  'folder-id',
  'org-id',
  // an account already logged in to gcloud (`gcloud auth list` shows it)
  'account',
  'name',
  'token-from-your-secret-store',
  // the id (ws-…) of the workspace whose state is read: on its settings page, never in the error
  'workspace-id',
  'org',
  'pool',
  'path',
  'helper',
  'instance-id',
  'namespace',
  // the pod that failed (`kubectl get pods -n <namespace>` lists them)
  'pod',
  // aws-vault's source profile: the step's first command prints it
  'source-profile',
  'service-account',
  'provider',
  'role-to-grant',
  'your-region',
  'resource-group',
  'provider-arn',
  'project-number',
  'repo',
  'scope',
  // a Workspace API's OAuth scope the paste's URL does not show
  'api-scope',
  'event-name',
  'instance-profile',
]);

const rendered = renderCatalog();

function allTemplates(): string[] {
  const out: string[] = [];
  const steps = CATALOG.flatMap((e) => e.steps).concat(
    Object.values(PLATFORMS).flatMap((p) => [...p.discover, ...Object.values(p.verify).flat()]),
  );
  for (const s of steps) out.push(s.title, s.detail ?? '', ...(s.commands ?? []));
  for (const c of CATALOG.flatMap((e) => e.causes))
    out.push(c.title, c.explanation, ...(c.boosts ?? []).map((b) => b.evidence));
  return out;
}

describe('the template filler', () => {
  it('leaves braces and brackets of shells, JMESPath, jq, jsonpath and HCL alone', () => {
    const literal = [
      'curl -s -o /dev/null -w "%{http_code}\\n" https://sts.amazonaws.com',
      'aws iam list-access-keys --query "AccessKeyMetadata[].{id:AccessKeyId, status:Status}"',
      'kubectl config view --minify -o jsonpath="{.users[0].user}"',
      'jq -r ".installations[] | {id: .id}"',
      'args = ["eks", "get-token", "--cluster-name", var.cluster]',
      "grep -n '[profile x]' ~/.aws/config",
    ];
    for (const t of literal) expect(fill(t, {})).toBe(t);
  });

  it('fills known facts, keeps optional parts only when known, shows the rest as <name>', () => {
    const t = 'aws iam get-role --role-name ⟨role_name⟩⟦ --profile ⟨profile⟩⟧';
    expect(fill(t, { role_name: 'Deploy', profile: 'dev' })).toBe(
      'aws iam get-role --role-name Deploy --profile dev',
    );
    expect(fill(t, {})).toBe('aws iam get-role --role-name <role-name>');
    expect(fillProse('The role ⟨role⟩ failed.', {})).toBe('The role the role failed.');
    // A paste another tool printed names that tool where the catalog says Terraform — not in a product's name.
    expect(fillProse('Terraform asks HCP Terraform for a token.', { app: 'atlantis' })).toBe(
      'atlantis asks HCP Terraform for a token.',
    );
  });

  it('quotes a value the shell would split, and never lets one end the quotes around it', () => {
    expect(fill('echo ⟨block⟩', { block: 'provider "aws"' })).toBe(`echo 'provider "aws"'`);
    expect(fill("grep '⟨profile⟩' x", { profile: "a'b" })).toBe(`grep 'a'\\''b' x`);
    expect(
      bashProblems([{ where: 'q', command: fill("grep '⟨profile⟩' x", { profile: "a'b" }) }]),
    ).toEqual([]);
  });

  it('knows every placeholder the catalog uses, and the sample facts cover them', () => {
    const known = Object.keys(templateVars(emptyFacts()));
    const used = new Set(allTemplates().flatMap(placeholders));
    expect([...used].filter((n) => !known.includes(n))).toEqual([]);
    expect([...used].filter((n) => !(n in SAMPLE_VARS))).toEqual([]);
    // No text is left in the old `{fact}` / `[ … {fact}]` syntax.
    expect(allTemplates().filter((t) => /(?<![%$])\{[a-z_]+\}/.test(t))).toEqual([]);
  });
});

describe('every catalog command', () => {
  it('covers every entry, source and mode', () => {
    const wheres = new Set(rendered.shown.map((s) => s.where.split('/').slice(0, 3).join('/')));
    for (const e of CATALOG)
      for (const s of PLATFORMS[e.platform].sources) {
        expect(wheres).toContain(`${e.id}/${s.id}/filled`);
        expect(wheres).toContain(`${e.id}/${s.id}/empty`);
      }
  });

  it('parses, and names AWS CLI commands and options that exist', async () => {
    const problems = await checkAll(rendered.shown, rendered.details);
    // One line per distinct problem (the same template fails under many sources).
    const distinct = [...new Set(problems.map((p) => `${p.checker}: ${p.command} — ${p.message}`))];
    expect(distinct).toEqual([]);
  });

  it('is one line: a command is copied and run as one (a `\\n` meant for printf stays escaped)', () => {
    const multiline = rendered.shown.filter((s) => /[\r\n]/.test(s.command)).map((s) => s.where);
    expect([...new Set(multiline)]).toEqual([]);
  });

  it('with every fact known, leaves no placeholder but values only the user has', () => {
    const left = rendered.shown
      .filter((s) => s.where.includes('/filled/'))
      .flatMap((s) => [...s.command.matchAll(PLACEHOLDER_SHOWN)].map((m) => m[1] as string))
      .filter((n) => !USER_SUPPLIED.has(n));
    expect([...new Set(left)]).toEqual([]);
    const raw = rendered.shown.filter((s) => /[⟨⟩⟦⟧]/.test(s.command));
    expect(raw).toEqual([]);
  });
});

describe('the checkers themselves', () => {
  const tree = loadAwsTree();
  const problems = (command: string) =>
    commandProblems({ where: 't', command }, tree).then((ps) => ps.map((p) => p.checker));

  it('reject what each parser rejects', async () => {
    expect(bashProblems([{ where: 't', command: 'echo "unclosed' }])).toHaveLength(1);
    const ps = (command: string) =>
      powershellProblems([{ where: 't', command, shell: 'powershell' }]);
    expect(await ps('$env:AWS_PROFILE = "unclosed')).toHaveLength(1);
    expect(await ps('$env:AWS_PROFILE = "dev"')).toEqual([]);
    expect(
      bashProblems([{ where: 't', command: 'aws iam get-role --role-name <role-name>' }]),
    ).toEqual([]);
    expect(await problems('aws iam list-access-keys --query "AccessKeyMetadata[.{a:b}"')).toEqual([
      'jmespath',
    ]);
    expect(await problems('jq -r ".a | (" file')).toEqual(['jq']);
    expect(await problems('aws sts get-caller-identity --role-name x')).toEqual(['aws']);
    expect(await problems('aws sts get-colour-identity')).toEqual(['aws']);
    expect(
      await problems('aws sts get-caller-identity --profile dev --query Arn --output text'),
    ).toEqual([]);
    expect(kubeJsonpathError('{.users0].user}')).toBeDefined();
    expect(kubeJsonpathError('{.users[0].user}')).toBeUndefined();
    expect(kubeJsonpathError('{range .items[*]}{.metadata.name}{"\\n"}{end}')).toBeUndefined();
    expect(await detailProblems('t', '`exec { a = 1, b = 2 }`')).toHaveLength(1);
    expect(await detailProblems('t', '```\nexec {\n  a = 1\n  b = [2]\n}\n```')).toEqual([]);
  });
});

describe('the AWS CLI fixture', () => {
  const tree = loadAwsTree();
  const keys = awsKeys(rendered.shown.map((s) => s.command));

  it('lists every AWS CLI command tfauth prints (else: add it to aws-cli-keys.txt and regenerate)', () => {
    const listed = readFileSync(
      join(__dirname, '..', 'fixtures', 'aws-cli-keys.txt'),
      'utf8',
    ).split('\n');
    expect(keys.filter((k) => !listed.includes(k))).toEqual([]);
    expect(keys.filter((k) => !tree.commands[k])).toEqual([]);
  });

  const aws = ['/usr/bin/aws', 'aws'].find(
    (bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0,
  );
  itIf(
    aws !== undefined,
    'the AWS CLI (aws) is not installed; install it to compare with its own help.',
  )(`agrees with the installed AWS CLI's own help (${aws ?? 'aws not installed'})`, () => {
    // The options tfauth uses, for a sample of commands, must be in `aws <svc> <op> help`.
    const used = new Map<string, Set<string>>();
    for (const s of rendered.shown)
      for (const sc of simpleCommands(asTyped(s.command))) {
        const inv = awsInvocation(argv(sc));
        if (inv) used.set(inv.key, new Set([...(used.get(inv.key) ?? []), ...inv.options]));
      }
    const sample = [
      'sts assume-role',
      'iam simulate-principal-policy',
      'iam get-role',
      's3api head-object',
    ];
    for (const key of sample) {
      const help = spawnSync(aws as string, [...key.split(' '), 'help'], {
        encoding: 'utf8',
        env: { ...process.env, AWS_PAGER: '', PAGER: 'cat', MANPAGER: 'cat' },
      }).stdout.replace(/.\x08/g, '');
      const options = [...(used.get(key) ?? [])].filter((o) => !tree.globals.includes(o));
      expect(options.length).toBeGreaterThan(0);
      for (const o of options) {
        expect(`${key} ${o}: ${help.includes(o) ? 'in help' : 'not in help'}`).toBe(
          `${key} ${o}: in help`,
        );
        expect(tree.commands[key]?.options).toContain(o);
      }
    }
  });

  it('records where it came from', () => {
    expect(tree.sources.length).toBeGreaterThan(0);
    expect(AWS_TREE_FILE).toMatch(/aws-cli-commands\.json$/);
  });
});
