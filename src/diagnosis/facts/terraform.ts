// Terraform-side context: which block failed, the versions shown, which tool printed the
// output, and what the message format says about the provider/SDK generation.

import { gate } from '../pattern-gate';
import { ARGOCD_CONTROLLER, CERT_MANAGER, VELERO } from './context';
import { PatternSet } from '../pattern-set';
import { firstMatch, matches, search } from '../text-util';
import type { FailedBlock, Tool } from '../types';

/**
 * The lines of Error diagnostics: a Warning's lines (up to the next Error) are left out, so
 * its `on FILE line N` and `in provider "…"` are never taken for where the run failed
 * (corpus holdout10/h10-cisapacker-10-1, cisagov/windows-server-packer#10).
 */
export function errorLines(text: string): string {
  let warning = false;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const head = /^[\s│╷╵|>*-]{0,8}(Warning|Error):/.exec(line)?.[1];
    if (head) warning = head === 'Warning';
    if (!warning) kept.push(line);
  }
  return kept.join('\n');
}

export function failedBlock(text: string, flat: string): FailedBlock | undefined {
  const errors = errorLines(text);
  const location = firstMatch(
    [/\bon ([^\s,]{1,200}\.tf(?:\.json)?) line (\d{1,6})/],
    errors,
    0,
  )?.replace(/^on /, '');
  const at = location ? { location } : {};
  if (
    matches(
      /error configuring S3 Backend|Error configuring the backend "s3"|S3 Backend found|backend-s3|Terraform S3 Backend|"s3" backend/i,
      flat,
    )
  )
    return { kind: 's3_backend', name: 's3', ...at };
  const backend = firstMatch(
    [
      /Error configuring the backend "([\w-]{1,40})"/i,
      /error configuring ([A-Za-z]{2,20}) Backend/,
    ],
    flat,
  );
  if (backend) return { kind: 'backend', name: backend.toLowerCase(), ...at };
  const remoteState = firstMatch([/\bdata\.terraform_remote_state\.([\w-]{1,100})/], flat);
  if (remoteState) return { kind: 'remote_state', name: remoteState, ...at };
  if (
    matches(
      /getting credentials: exec:|exec plugin|executable [\w./-]{1,100} failed|:stderr="|could not get token: /,
      flat,
    )
  ) {
    const plugin = firstMatch(
      [
        /executable ([\w./-]{1,100}) failed/,
        /exec: "?([\w./-]{1,100})"?: executable file not found/,
      ],
      flat,
    );
    return { kind: 'exec_plugin', ...(plugin ? { name: plugin } : {}), ...at };
  }
  const provider = search(/with provider\["([^"\]]{1,200})"\](?:\.([\w-]{1,64}))?/, flat);
  if (provider) {
    const name = (provider[1] ?? '').split('/').pop() ?? '';
    return { kind: 'provider', name, ...(provider[2] ? { alias: provider[2] } : {}), ...at };
  }
  const providerLine = firstMatch(
    [/in provider "([\w-]{1,64})"/, /\bprovider\.([a-z][\w-]{1,40}):/],
    errors,
  );
  if (providerLine) return { kind: 'provider', name: providerLine, ...at };
  if (matches(/Initializing the backend/, flat) && !matches(/Initializing provider plugins/, flat))
    return { kind: 'backend', ...at };
  const resource = firstMatch(
    [
      /\bwith ((?:module\.[\w-]{1,100}(?:\[[^\]]{1,100}\])?\.){0,5}(?:data\.)?[a-z][a-z0-9]{0,30}_[\w]{1,100}\.[\w-]{1,100}(?:\[[^\]]{1,100}\])?)/,
      /^\* ((?:data\.)?[a-z][a-z0-9]{0,30}_[\w]{1,100}\.[\w-]{1,100}):/m,
    ],
    text,
  );
  // `on main.tf line 6, in resource "aws_iam_role" "irsa":` names the resource too.
  const inResource = search(/, in (resource|data) "([a-z][\w]{1,100})" "([\w-]{1,100})":/, errors);
  if (!resource && inResource)
    return {
      kind: inResource[1] === 'data' ? 'data_source' : 'resource',
      name: `${inResource[1] === 'data' ? 'data.' : ''}${inResource[2]}.${inResource[3]}`,
      ...at,
    };
  if (resource)
    return {
      kind: /(?:^|\.)data\./.test(resource) ? 'data_source' : 'resource',
      name: resource,
      ...at,
    };
  return location ? { kind: 'resource', ...at } : undefined;
}

export interface Versions {
  terraformVersion?: string;
  providerVersions: Record<string, string>;
}

export function versions(text: string): Versions {
  const terraformVersion = firstMatch(
    [
      /\b(?:Terraform|OpenTofu) v(\d{1,2}\.\d{1,3}\.\d{1,3}(?:-[\w.]{1,20})?)/,
      // TF_LOG's `Terraform version: 1.5.7`, crash.log's `Terraform Version: 0.12.0` (a bare
      // `Version: 1.30.3` is any program's, the Power Platform CLI's in corpus holdout13/h13-multi-pac-700082-1).
      /Terraform [Vv]ersion: (\d{1,2}\.\d{1,3}\.\d{1,3})\b/,
      // A state lock's Lock Info names the version of the Terraform that holds it.
      /Lock Info:[\s\S]{0,600}?\bVersion: (\d{1,2}\.\d{1,3}\.\d{1,3})\b/,
    ],
    text,
  );
  const providerVersions: Record<string, string> = {};
  const patterns = [
    /provider registry\.(?:terraform|opentofu)\.io\/[\w-]{1,64}\/([\w-]{1,64}) v(\d{1,3}\.\d{1,3}\.\d{1,3})/g,
    /(?:Installed|Installing|Using previously-installed) [\w-]{1,64}\/([\w-]{1,64}) v(\d{1,3}\.\d{1,3}\.\d{1,3})/g,
    /terraform-provider-([a-z][\w-]{1,40}?)_v(\d{1,3}\.\d{1,3}\.\d{1,3})/g,
  ];
  for (const re of patterns) {
    if (!gate.mayMatch(re, text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[1] && m[2] && !(m[1] in providerVersions)) providerVersions[m[1]] = m[2];
      if (Object.keys(providerVersions).length >= 8) break;
    }
    re.lastIndex = 0;
  }
  return { ...(terraformVersion ? { terraformVersion } : {}), providerVersions };
}

export const TOOL_PATTERNS: ReadonlyArray<[Tool, RegExp]> = [
  ['opentofu', /OpenTofu|\btofu (?:init|plan|apply|destroy)\b/],
  ['terragrunt', /terragrunt|\bERRO\[\d{4}\]/i],
  ['atlantis', /atlantis/i],
  ['pulumi', /\bpulumi\b|^Diagnostics:$/im],
  ['crossplane', /crossplane|upbound\.io|upjet/i],
  // Bots that look up module and provider versions themselves, with their own credentials.
  [
    'renovate',
    /\brenovate\b|\(repository=[\w./-]{1,200}\)|Datasource unauthorized|"datasource": ?"terraform-(?:module|provider)"|\bhostRules\b/i,
  ],
  ['dependabot', /\bdependabot\b|^ {0,4}(?:updater|proxy) \| /im],
  [
    'configure-aws-credentials',
    /configure-aws-credentials|Could not assume role with OIDC|please check your action inputs/,
  ],
  ['azure-login', /azure\/login|Login failed with Error|Attempting Azure CLI login/],
  ['aws-vault', /aws-vault/],
  // The ECS CLI keeps its own profiles (~/.ecs/credentials).
  [
    'ecs-cli',
    /\becs-cli (?:ps|up|compose|configure|push|pull|down|scale|logs|check-attributes|local|registry-creds)\b/,
  ],
  // Programs named by their prompt or command line, or by their own log format.
  ['webiny', /\bwebiny (?:deploy|build|watch|run|destroy)\b/],
  ['serverless', /\b(?:serverless|sls) (?:deploy|invoke|package|remove)\b|Serverless Error -/],
  ['pachyderm', /\bpachctl\b|\bpachd\b/],
  // Vagrant's own lines (`Bringing machine 'app1' up with 'virtualbox' provider...`); its `==> app1:`
  // lines look like Packer's (corpus holdout12/h12-aws-vagrant-s3auth-mfa-1).
  [
    'vagrant',
    /^Bringing machine '[^'\n]{1,80}' up with '|\bvagrant (?:up|provision|reload|box add)\b/m,
  ],
  // Packer's UI: `==> builder: …` lines and `Build 'name' errored after …` (corpus holdout11/h11-aws-packer-amazon-177-1).
  [
    'packer',
    /^==> [\w.-]{1,80}: |^Build '[^'\n]{1,80}' errored\b|\bpacker (?:build|init|validate)\b/m,
  ],
  // …or by its progress line (`Scanned resources (518)`, corpus holdout11/h11-aws-driftctl-665-1).
  ['driftctl', /\bdriftctl\b|^Scanned resources \(\d{1,7}\)/m],
  // boto3 inside a Lambda function: the runtime's `[ERROR] ClientError: An error occurred (…)`,
  // its START/END/REPORT RequestId lines, or botocore's exception module.
  [
    'boto3',
    /^\[ERROR\]\s{1,8}\w{1,80}: An error occurred \(|^(?:START|END|REPORT) RequestId: |botocore\.exceptions\.|\bboto3\b/m,
  ],
  // Apps that call a cloud through an SDK, told by their stack frames (not Terraform's output).
  ['ruby-app', /Aws::Errors::|\bgems\/aws-sdk-|\.rb:\d{1,6}(?::in `| - )/],
  // The Power Platform CLI's banner or its command line (corpus holdout13/h13-multi-pac-700082-1).
  [
    'pac-cli',
    /\bMicrosoft PowerPlatform CLI\b|^[^\n]{0,80}> ?pac (?:auth|env|solution|org|admin)\b/m,
  ],
  // Kubernetes controllers with credentials of their own (facts/context.ts controller()).
  ['velero', VELERO],
  ['argocd', ARGOCD_CONTROLLER],
  ['cert-manager', CERT_MANAGER],
  // go-kit's logfmt lines name the Go source that logged (`caller=compactor.go:83`): Loki, Thanos,
  // Prometheus, Cortex (corpus holdout13/h13-aws-loki-1, h13-aws-thanos-1); Terraform logs otherwise.
  ['go-app', /\bcaller=[\w./-]{1,100}\.go:\d{1,6}\b/],
  // …and octokit's: its modules in a stack, @octokit/graphql's GraphqlResponseError message
  // (corpus holdout13/h13-multi-sticky-rnai-1, a GitHub Action's PR comment).
  [
    'node-app',
    /\(node:internal\/|node_modules\/@(?:aws-sdk|azure|octokit)\/|CredentialsProviderError|^Error: Request failed due to following response errors:|\bCredentialsError\]?: Missing credentials in config/m,
  ],
  // ExAws's error tuples and modules (corpus holdout17/h17-aws-exaws-invalidsig-1), amazonka's
  // modules at a GHCi prompt (corpus holdout17/h17-aws-amazonka-r53-sig-1).
  ['elixir-app', /\bExAws\b|\{:error,\s{0,8}\{:http_error, \d{3}\b/],
  ['haskell-app', /\bNetwork\.AWS\.[A-Z]\w{1,40}\b|\bamazonka\b/],
  ['python-app', /Traceback \(most recent call last\)|^ {0,4}File "[^"\n]{1,300}\.py", line \d/m],
  // Spark and Hadoop's S3A filesystem (before the bare Java app: the job is the more specific
  // name, and its credentials are S3A's settings, corpus holdout13/h13-aws-spark*-1).
  [
    'spark-s3a',
    /\bs3a:\/\/|\borg\.apache\.hadoop\.fs\.s3a\.|\bS3AFileSystem\b|\bPy4JJavaError\b|\borg\.apache\.spark\./,
  ],
  [
    'java-app',
    // …or the AWS SDK for Java's own exception classes (v1 `com.amazonaws.…`, v2
    // `software.amazon.awssdk.…`), printed without a stack (corpus holdout13/h13-aws-rundeck-1).
    /^\s{0,8}at (?:com|org|software|io|java)\.[\w$.]{1,200}\([\w$]{1,80}\.java:\d{1,6}\)|\bcom\.amazonaws\.(?:[\w]{1,40}\.){0,6}\w{1,80}(?:Exception|Error)\b|\bsoftware\.amazon\.awssdk\.(?:[\w]{1,40}\.){0,6}\w{1,80}Exception\b/m,
  ],
  [
    'dotnet-app',
    /\.cs:line \d|\bAzure\.Identity\.|\bSystem\.\w{1,40}Exception\b|\bAmazon\.Runtime\.\w{1,80}Exception\b/,
  ],
  [
    'gh-cli',
    // A prompt (`$`, `>`, zsh themes' `➤`) before a gh command, gh's own failure marks, its version line.
    /^[^\n]{0,80}[$>➤] ?gh (?:pr|repo|auth|api|issue|run|release|workflow|gist|secret|extension|ext|search|codespace|label|project|browse)\b|^X Failed upgrading extension |^gh version \d/m,
  ],
  [
    'aws-cdk',
    /\bcdk-[a-z0-9]{9}-(?:lookup|deploy|file-publishing|image-publishing|cfn-exec)-role\b|\bcdk (?:deploy|bootstrap|synth|diff)\b|CDKToolkit/,
  ],
  // botocore's own modules or user agent, not a session named `botocore-session-…`.
  ['botocore', /\bbotocore[./]/],
  [
    'aws-cli',
    /An error occurred \(\w{1,64}\) when calling the \w{1,64} operation|^\$? ?aws (?:s3|sts|sso|configure|iam|ec2)\b/m,
  ],
  // …and its crash banner (`The command failed with an unexpected error. Here is the traceback:`).
  [
    'azure-cli',
    /\baz (?:login|account|role|ad|group)\b|^ERROR: \(\w{1,64}\)|The command failed with an unexpected error\. Here is the traceback:/m,
  ],
  ['gcloud', /\bgcloud\b/],
  ['kubectl', /\bkubectl\b|kubelogin/],
  // A kubectl or az command line (a prompt, or a script's `cmd: 'az …'`): that program ran.
  [
    'kubectl-run',
    /^[^\n]{0,80}\$ ?kubectl [a-z]|^\+{1,3} kubectl [a-z]|^kubectl [a-z][\w-]{1,30} /m,
  ],
  // helm at a prompt (or a script's `+ helm …`) with no Terraform: helm's own client, not the helm provider.
  [
    'helm-run',
    /^[^\n]{0,120}(?:[$>⨯❯%#] |^\+{1,3} |^)helm (?:install|upgrade|list|ls|status|template|uninstall|delete|rollback|init|repo|dependency|get|history|test)\b/m,
  ],
  // A role and MFA wrapper around the AWS SDK (mmmorris1975/aws-runas: `aws-runas <profile>`).
  ['aws-runas', /\baws-runas\b/],
  // newrelic-lambda-cli's failure line (its README's troubleshooting: `Function: None, Region: None, Error: Failed to set up lambda integration: …`).
  [
    'newrelic-lambda-cli',
    /\bnewrelic-lambda\b|Function: [^\n,]{1,200}, Region: [^\n,]{1,40}, Error: Failed to set up lambda integration/,
  ],
  // The Azure Developer CLI at a prompt: it signs in with its own `azd auth login`.
  [
    'azd-run',
    /^[^\n]{0,120}[$>] ?azd (?:up|provision|deploy|env|auth|init|down|package|restore)\b/m,
  ],
  // …or by its own Python frames: knack is the Azure CLI's command framework.
  [
    'azure-cli-run',
    /^[^\n]{0,80}[$>] ?az [a-z]|\bcmd: ['"]az [a-z]|^az [a-z][\w-]{1,30} |\bknack[\\/]cli\.py|\bazure[\\/]cli[\\/]core[\\/]/m,
  ],
  [
    'github-actions',
    // The runner's own line when a step's script fails (actions/runner ScriptHandler.cs).
    /actions\/runs\/\d|::error::|^Run [\w-]{1,64}\/[\w-]{1,64}@|^Error: Process completed with exit code \d{1,3}\.$/m,
  ],
  ['azure-pipelines', /##\[(?:error|section)\]|AzureCLI@|TerraformTaskV\d/],
  [
    'terraform',
    /[╷│╵]|\bterraform (?:init|plan|apply|destroy|refresh|import|workspace|output)\b|Terraform v\d|Planning failed|Initializing the backend|with provider\["registry\.terraform\.io|Error refreshing state|Error applying plan/m,
  ],
  // Terraform's own words without its frame: its name, its provider and backend messages, state.
  [
    'terraform',
    // …and its graph walk's log line (`[ERROR] vertex "aws_s3_bucket.b (expand)" error:`).
    /\b[Tt]erraform\b|\bAWS Provider\b|\bS3 Backend\b|Error (?:loading|acquiring) (?:the )?state|\.tf line \d|\.tfstate\b|\[ERROR\] vertex "[\w.[\]"-]{1,200}(?: \(expand\))?" error:/,
  ],
];

// A bare `Error: ` line names no tool: Terraform, driftctl, azure/login, gh and SDKs all print it
// (corpus holdout10/h10-driftctl-1374-1, driftctl printing `Error: NoCredentialProviders: …`).

/** Kubernetes controllers that call clouds with credentials of their own (facts/context.ts). */
const CONTROLLER_TOOLS: Tool[] = ['velero', 'argocd', 'cert-manager'];
const TERRAFORM_WORDS = /\b(?:[Tt]erraform|tofu|terragrunt)\b|\.tf\b|\.tfstate\b/;

const AWS_CLI_COMMAND = /^[^\n]{0,80}\$ ?aws [a-z]|^aws [a-z][\w-]{1,30} /m;

const TOOLS = new PatternSet(TOOL_PATTERNS.map(([, re]) => re));

/** Terraform ≥ 0.15 frames each diagnostic: `╷`, `│ Error: …`, `╵`. */
export const TERRAFORM_FRAME = /^[ \t]{0,8}[╷│╵]/m;

const FRAME_CHARS = ['╷', '│', '╵'];

/**
 * `TERRAFORM_FRAME.test(text)`, from the frame characters: each occurrence is looked at (back
 * over at most 8 blanks to a line start), instead of trying the pattern at every line start.
 * On a multi-megabyte log with no frame that is a few native searches, not a regex pass.
 */
export function hasTerraformFrame(text: string): boolean {
  for (const ch of FRAME_CHARS)
    for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) {
      let k = i;
      while (k > 0 && i - k < 8 && isBlank(text.charCodeAt(k - 1))) k--;
      if (k === 0 || isLineTerminator(text.charCodeAt(k - 1))) return true;
    }
  return false;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;
/** What `^` in a multiline pattern starts after. */
const isLineTerminator = (c: number): boolean =>
  c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

export function tools(text: string, framed = false): Tool[] {
  const may = TOOLS.candidates(text);
  const found = [
    ...new Set(
      TOOL_PATTERNS.filter(([, re], i) => may[i] === true && re.test(text)).map(([tool]) => tool),
    ),
  ];
  if (framed && !found.includes('terraform')) found.push('terraform');
  return settleTools(found, text);
}

/**
 * Where two tools' patterns both match but only one printed the paste, the other is dropped.
 * Applied to every tool the patterns find (exported for the PatternSet test).
 */
export function settleTools(found: Tool[], text: string): Tool[] {
  // logrus's `ERRO[0027]` is terragrunt's only when no other program shows (driftctl logs so too),
  // and a Python traceback is the Azure CLI's own when its frames are.
  const dropped = new Set<Tool>();
  // A logrus line alone with no Terraform is some Go program's (corpus holdout13/h13-aws-unifi-1).
  if (
    found.includes('terragrunt') &&
    !/terragrunt/i.test(text) &&
    (found.some((t) => t !== 'terragrunt' && APP_TOOLS[t] !== undefined) ||
      !found.some((t) => t === 'terraform' || t === 'opentofu'))
  )
    dropped.add('terragrunt');
  if (found.includes('python-app') && found.includes('azure-cli-run')) dropped.add('python-app');
  if (found.includes('packer') && found.includes('vagrant')) dropped.add('packer');
  if (found.includes('spark-s3a')) dropped.add('java-app');
  // A controller's log seen through a box-drawing viewer (k9s, a framed UI) has `│` bars but no
  // Terraform (corpus holdout17/h17-aws-certmgr-irsa-region-1).
  if (found.some((t) => CONTROLLER_TOOLS.includes(t)) && !TERRAFORM_WORDS.test(text))
    dropped.add('terraform');
  // botocore words its errors the same in boto3 and the AWS CLI: Python code (a traceback, a
  // Lambda log) printed them unless an `aws …` command line shows the CLI ran.
  if (
    found.includes('aws-cli') &&
    (found.includes('boto3') ||
      found.includes('python-app') ||
      found.includes('newrelic-lambda-cli')) &&
    !AWS_CLI_COMMAND.test(text)
  )
    dropped.add('aws-cli');
  // …and with neither, the wording alone names botocore, not which program used it (corpus
  // holdout13: a Lambda's boto3 and an EMR job's script, read as the AWS CLI).
  if (found.includes('aws-cli') && !dropped.has('aws-cli') && !AWS_CLI_COMMAND.test(text))
    return found
      .map((t) => (t === 'aws-cli' ? 'aws-cli-or-boto3' : t))
      .filter((t) => !dropped.has(t));
  return dropped.size > 0 ? found.filter((t) => !dropped.has(t)) : found;
}

/** Tools whose output is not Terraform's: an answer names them, not Terraform. */
export const APP_TOOLS: Partial<Record<Tool, string>> = {
  'ruby-app': 'the Ruby app',
  'node-app': 'the Node.js app',
  'python-app': 'the Python app',
  'elixir-app': 'the Elixir app',
  'haskell-app': 'the Haskell program',
  'spark-s3a': 'the Spark / Hadoop job',
  'go-app': 'the Go program',
  'pac-cli': 'the Power Platform CLI',
  'java-app': 'the Java app',
  'dotnet-app': 'the .NET app',
  'gh-cli': 'the gh CLI',
  'aws-cdk': 'the AWS CDK',
  'azure-login': 'the azure/login action',
  boto3: 'the boto3 code',
  webiny: 'Webiny',
  serverless: 'the Serverless Framework',
  pachyderm: 'Pachyderm',
  driftctl: 'driftctl',
  packer: 'Packer',
  vagrant: 'Vagrant',
  'aws-vault': 'aws-vault',
  'ecs-cli': 'the ECS CLI',
  'kubectl-run': 'kubectl',
  'azure-cli-run': 'the Azure CLI',
  'helm-run': 'helm',
  'aws-runas': 'aws-runas',
  'newrelic-lambda-cli': 'newrelic-lambda-cli',
  'azd-run': 'azd',
  velero: 'Velero',
  argocd: 'Argo CD',
  'cert-manager': 'cert-manager',
};

/** Tools whose output shows Terraform (or a wrapper of it) ran. */
const TERRAFORM_TOOLS: Tool[] = ['terraform', 'opentofu', 'terragrunt', 'atlantis'];

/** The paste shows Terraform, OpenTofu or a wrapper of it ran. */
export function terraformShown(found: readonly Tool[]): boolean {
  return found.some((t) => TERRAFORM_TOOLS.includes(t));
}

/** The name of the non-Terraform tool that printed the paste, if it shows one and no Terraform. */
export function appTool(found: readonly Tool[]): string | undefined {
  if (found.some((t) => TERRAFORM_TOOLS.includes(t))) return undefined;
  for (const t of found) {
    const name = APP_TOOLS[t];
    if (name) return name;
  }
  return undefined;
}

/**
 * What the wording reveals about the generation of the AWS provider/SDK (error-formats.md §9).
 * Printed by another program than Terraform (`app`), only the SDK's generation is its to tell:
 * aws-sdk-go v1's own chain error is any Go program's (corpus holdout13/h13-aws-droneecs-1, a
 * Drone plugin), not aws-sdk-go-base's.
 */
export function formatEra(flat: string, app = false): string | undefined {
  const parts: string[] = [];
  if (matches(/operation error [\w ]{2,40}: \w{2,64}, https? response error/, flat))
    parts.push('AWS SDK for Go v2');
  else if (
    matches(/status code: \d{3}, request id:/, flat) ||
    matches(/caused by: /, flat) ||
    // ssocreds.ErrCodeSSOProviderInvalidToken exists only in aws-sdk-go v1.
    matches(/\bSSOProviderInvalidToken\b/, flat)
  )
    parts.push('AWS SDK for Go v1');
  const goV1Chain = matches(/CredentialsChainVerboseErrors/, flat);
  if (app) {
    if (parts.length === 0 && goV1Chain) parts.push('AWS SDK for Go v1');
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (goV1Chain)
    parts.push(
      'aws-sdk-go v1’s credential chain (in Terraform: aws-sdk-go-base < v1.0, provider ≤ 3.x, S3 backend ≤ 1.5)',
    );
  else if (matches(/error calling sts:GetCallerIdentity/, flat))
    parts.push('aws-sdk-go-base ≤ v2 beta.21 (provider ≤ 4.x, S3 backend ≤ 1.5)');
  else if (matches(/AWS Error: /, flat))
    parts.push('aws-sdk-go-base v2 beta.25–32 (provider ≈ 4.6x–early 5.x)');
  else if (
    matches(
      /No valid credential sources found(?! for)|Cannot assume IAM Role|Retrieving AWS account details/,
      flat,
    )
  )
    parts.push('diagnostics format (provider ≥ 5.1x, S3 backend ≥ 1.6)');
  else if (matches(/retrieving caller identity from STS/, flat))
    parts.push('aws-sdk-go-base v2 ≥ beta.22 (provider ≥ 4.5x)');
  else if (matches(/No valid credential sources found for AWS Provider/, flat))
    parts.push('provider ≤ 2.x / Terraform ≤ 0.12');
  return parts.length > 0 ? parts.join('; ') : undefined;
}
