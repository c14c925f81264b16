// The checklist in PowerShell for pastes from Windows: bash idioms the catalog uses turned into
// what a PowerShell user types, every word re-quoted so PowerShell reads it literally, and
// anything it cannot say safely refused (the step then stays bash and says so).

import { diagnose } from '../../src/diagnosis';
import { toPowerShell } from '../../src/diagnosis/powershell';
import { powershellProblems } from '../support/commands/check';

const TURNED: Array<[string, string]> = [
  [
    'env | grep ^AWS_ | cut -d= -f1',
    "Get-ChildItem Env: | Where-Object Name -CMatch '^AWS_' | Select-Object -ExpandProperty Name",
  ],
  [
    'env | grep -iE "^(https?_proxy|no_proxy)" | cut -d= -f1',
    "Get-ChildItem Env: | Where-Object Name -Match '^(https?_proxy|no_proxy)' | Select-Object -ExpandProperty Name",
  ],
  // grep reads NAME=value lines: a pattern ending in = ends the name.
  [
    'env | grep -c ^AWS_SESSION_TOKEN=',
    "(Get-ChildItem Env: | Where-Object Name -CMatch '^AWS_SESSION_TOKEN$').Count",
  ],
  [
    'grep -n -A12 \'backend "s3"\' *.tf',
    // Quoted or not, a cmdlet's -Path expands the wildcard itself.
    "Select-String -Path '*.tf' -Pattern 'backend \"s3\"' -CaseSensitive -Context 0,12",
  ],
  [
    "grep -rn 'permissions_boundary' --include='*.tf' .",
    "Get-ChildItem -Recurse -File -Include '*.tf' | Select-String -Pattern permissions_boundary -CaseSensitive",
  ],
  ['export AWS_PROFILE=platform-dev', "$env:AWS_PROFILE = 'platform-dev'"],
  [
    'unset AWS_ACCESS_KEY_ID AWS_SESSION_TOKEN',
    "Remove-Item 'Env:AWS_ACCESS_KEY_ID', 'Env:AWS_SESSION_TOKEN' -ErrorAction SilentlyContinue",
  ],
  [
    'rm -f ~/.aws/sso/cache/*.json ~/.aws/cli/cache/*.json',
    "Remove-Item -Force -ErrorAction SilentlyContinue '~/.aws/sso/cache/*.json', '~/.aws/cli/cache/*.json'",
  ],
  ['date -u', '(Get-Date).ToUniversalTime()'],
  // A comma would make an array of two arguments: quoted.
  [
    'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=CreateRole --max-results 5',
    "aws cloudtrail lookup-events --lookup-attributes 'AttributeKey=EventName,AttributeValue=CreateRole' --max-results 5",
  ],
  // Braces would be a script block; a backtick (JMESPath literal) an escape in double quotes.
  [
    'aws iam list-access-keys --query "AccessKeyMetadata[].{Key:AccessKeyId,Status:Status}"',
    "aws iam list-access-keys --query 'AccessKeyMetadata[].{Key:AccessKeyId,Status:Status}'",
  ],
  [
    'az login --service-principal -p "$ARM_CLIENT_SECRET"',
    'az login --service-principal -p $env:ARM_CLIENT_SECRET',
  ],
  // A command substitution reads the same in PowerShell's double quotes.
  [
    'aws iam simulate-principal-policy --policy-source-arn "$(aws iam get-role --role-name X --query Role.Arn --output text)"',
    'aws iam simulate-principal-policy --policy-source-arn "$(aws iam get-role --role-name X --query Role.Arn --output text)"',
  ],
  [
    'az role assignment list --assignee <object-id> --all -o table',
    'az role assignment list --assignee <object-id> --all -o table',
  ],
  [
    'kubectl get cm -n kube-system aws-auth -o yaml > /dev/null',
    'kubectl get cm -n kube-system aws-auth -o yaml > $null',
  ],
];

const REFUSED = [
  // Unix tools PowerShell does not have (or aliases to something else).
  'kubectl config view --minify -o jsonpath="{.users[0].user}" | cut -c1-300',
  'curl -sI https://sts.amazonaws.com | grep -i "^date:"',
  'printf %s "$AWS_SECRET_ACCESS_KEY" | wc -c',
  // bash-only syntax
  'echo "${GOOGLE_APPLICATION_CREDENTIALS:-application default credentials}"',
  'gcloud auth application-default print-access-token > /dev/null && echo ADC works',
  'terraform init; terraform plan',
  // Windows PowerShell 5.1 strips double quotes inside arguments to native programs.
  `aws sts assume-role --policy '{"Version":"2012-10-17"}'`,
  // grep with an option the translation does not know
  "grep -c 'profile' *.tf",
];

describe('toPowerShell', () => {
  it.each(TURNED)('turns %s', (bash, ps) => {
    expect(toPowerShell(bash)).toBe(ps);
  });

  it.each(REFUSED)('refuses %s', (bash) => {
    expect(toPowerShell(bash)).toBeUndefined();
  });

  it('writes only what PowerShell parses', async () => {
    const shown = TURNED.map(([, ps], i) => ({
      where: `#${i}`,
      command: ps,
      shell: 'powershell' as const,
    }));
    expect(await powershellProblems(shown)).toEqual([]);
  });
});

describe('a paste from PowerShell', () => {
  // corpus holdout10/h10-youngeks-156-1 (youngeks issue 156): a PS prompt, an explicit deny on iam:CreateRole
  const PASTE =
    'PS C:\\Users\\dev\\infra> terraform apply\n' +
    '│ Error: creating IAM Role (eks-cluster): operation error IAM: CreateRole, https response error StatusCode: 403, RequestID: 1, api error AccessDenied: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/eks-cluster with an explicit deny in an identity-based policy';

  it('gets the checklist in PowerShell, and any step that stays bash says so', () => {
    const d = diagnose(PASTE);
    expect(d.facts.shell).toBe('powershell');
    const shown = d.steps.flatMap((s) => s.commands.map((c) => ({ shell: s.shell, c })));
    const bashOnly = /^(grep|env|export|unset|rm|cut|date)\b|\| *(grep|cut|wc)\b/;
    expect(shown.filter((x) => x.shell !== 'bash' && bashOnly.test(x.c))).toEqual([]);
    expect(d.steps.some((s) => s.shell === 'powershell')).toBe(true);
  });

  it('the same paste from bash keeps bash', () => {
    const d = diagnose(PASTE.replace('PS C:\\Users\\dev\\infra> ', '$ '));
    expect(d.steps.every((s) => s.shell === undefined)).toBe(true);
  });
});
