// Deterministic, realistic inputs for the engine bench (and for tests that want big inputs):
//
//   makePlanPaste(bytes)      an interactive `terraform apply`: a long plan of resources to be
//                             created, "yes", then the provider's credential check failing
//                             (the key was deactivated while the plan waited for approval).
//   makeDebugLog(bytes, seed) a TF_LOG=TRACE run of `terraform plan`: CLI start-up, S3 backend,
//                             provider plugins, graph building, refresh of hundreds of resources
//                             with the AWS SDK's HTTP request/response lines, benign warnings and
//                             retries, and at the end an aliased provider whose static access key
//                             AWS does not recognise: its failing STS call (403 + <ErrorResponse>)
//                             and the framed diagnostic Terraform prints last.
//
// Both end in the same error, whose expected class is exported. Same arguments, same text.

export const PLAN_PASTE_CLASS = 'aws.invalid_access_key';
export const DEBUG_LOG_CLASS = 'aws.invalid_access_key';

/** Request id of the failing STS call (the one in the corpus paste gh-unresolved-19985207723-1). */
export const STS_REQUEST_ID = 'f42d6dfd-ad70-4750-8764-5b359ee9c783';

/** The exact summary the AWS provider (v5, aws-sdk-go-v2) reports for an unknown access key. */
export const INVALID_KEY_SUMMARY =
  'Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: ' +
  `operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: ${STS_REQUEST_ID}, ` +
  'api error InvalidClientTokenId: The security token included in the request is invalid.';

/** Terraform's framed rendering of that error for a provider block. */
export function framedProviderError(address: string, file: string, line: number): string[] {
  return [
    '╷',
    `│ Error: ${INVALID_KEY_SUMMARY}`,
    '│ ',
    `│   with ${address},`,
    `│   on ${file} line ${line}, in provider "aws":`,
    `│   ${line}: provider "aws" {`,
    '│ ',
    '╵',
  ];
}

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, good enough for fixtures; same seed, same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

function int(rand: Rand, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function hex(rand: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
  return s;
}

function uuid(rand: Rand): string {
  return `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-${pick(rand, ['8', '9', 'a', 'b'])}${hex(rand, 3)}-${hex(rand, 12)}`;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ---------------------------------------------------------------------------------------
// The plan paste

type PlanValue = string | { map: Array<[string, string]> } | { list: string[] };
type Attrs = Record<string, PlanValue>;

const KNOWN = '(known after apply)';
const q = (s: string): string => JSON.stringify(s);

const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const MODULES = ['', 'module.network.', 'module.app.', 'module.data.', 'module.observability.'];
const NAMES = ['main', 'private', 'public', 'app', 'api', 'worker', 'ingest', 'reports', 'audit'];

interface PlanResource {
  type: string;
  name: string;
  attrs: Attrs;
}

function tags(name: string, env: string): { map: Array<[string, string]> } {
  return {
    map: [
      ['Environment', env],
      ['ManagedBy', 'terraform'],
      ['Name', name],
      ['Team', 'platform'],
    ],
  };
}

const PLAN_RESOURCES: Array<(rand: Rand, name: string, i: number) => PlanResource> = [
  (rand, name, i) => ({
    type: 'aws_subnet',
    name,
    attrs: {
      arn: KNOWN,
      assign_ipv6_address_on_creation: 'false',
      availability_zone: q(AZS[i % 3] as string),
      availability_zone_id: KNOWN,
      cidr_block: q(`10.${int(rand, 0, 31)}.${i}.0/24`),
      enable_dns64: 'false',
      enable_resource_name_dns_a_record_on_launch: 'false',
      enable_resource_name_dns_aaaa_record_on_launch: 'false',
      id: KNOWN,
      ipv6_cidr_block_association_id: KNOWN,
      ipv6_native: 'false',
      map_public_ip_on_launch: name === 'public' ? 'true' : 'false',
      owner_id: KNOWN,
      private_dns_hostname_type_on_launch: KNOWN,
      tags: tags(`${name}-${i}`, 'prod'),
      tags_all: tags(`${name}-${i}`, 'prod'),
      vpc_id: KNOWN,
    },
  }),
  (rand, name, _i, port = pick(rand, [443, 5432, 8080, 6379])) => ({
    type: 'aws_security_group_rule',
    name: `${name}_ingress`,
    attrs: {
      cidr_blocks: { list: [`10.${int(rand, 0, 31)}.0.0/16`] },
      from_port: String(port),
      id: KNOWN,
      protocol: q('tcp'),
      security_group_id: KNOWN,
      security_group_rule_id: KNOWN,
      self: 'false',
      source_security_group_id: KNOWN,
      to_port: String(port),
      type: q('ingress'),
    },
  }),
  (_rand, name) => ({
    type: 'aws_iam_role',
    name,
    attrs: {
      arn: KNOWN,
      assume_role_policy: KNOWN,
      create_date: KNOWN,
      force_detach_policies: 'false',
      id: KNOWN,
      managed_policy_arns: KNOWN,
      max_session_duration: '3600',
      name: q(`prod-${name}-role`),
      name_prefix: KNOWN,
      path: q('/'),
      tags_all: KNOWN,
      unique_id: KNOWN,
    },
  }),
  (rand, name, i) => ({
    type: 'aws_instance',
    name,
    attrs: {
      ami: q(`ami-0${hex(rand, 16)}`),
      arn: KNOWN,
      associate_public_ip_address: KNOWN,
      availability_zone: KNOWN,
      cpu_core_count: KNOWN,
      cpu_threads_per_core: KNOWN,
      disable_api_stop: KNOWN,
      disable_api_termination: KNOWN,
      ebs_optimized: KNOWN,
      get_password_data: 'false',
      host_id: KNOWN,
      iam_instance_profile: q(`prod-${name}-profile`),
      id: KNOWN,
      instance_initiated_shutdown_behavior: KNOWN,
      instance_state: KNOWN,
      instance_type: q(pick(rand, ['t3.medium', 'm6i.large', 'c6i.xlarge'])),
      ipv6_address_count: KNOWN,
      key_name: q('deploy'),
      monitoring: 'true',
      outpost_arn: KNOWN,
      password_data: KNOWN,
      placement_group: KNOWN,
      primary_network_interface_id: KNOWN,
      private_dns: KNOWN,
      private_ip: KNOWN,
      public_dns: KNOWN,
      public_ip: KNOWN,
      secondary_private_ips: KNOWN,
      security_groups: KNOWN,
      source_dest_check: 'true',
      subnet_id: KNOWN,
      tags: tags(`${name}-${i}`, 'prod'),
      tags_all: tags(`${name}-${i}`, 'prod'),
      tenancy: KNOWN,
      user_data_base64: KNOWN,
      vpc_security_group_ids: KNOWN,
    },
  }),
  (rand, name) => ({
    type: 'aws_s3_bucket',
    name,
    attrs: {
      acceleration_status: KNOWN,
      acl: KNOWN,
      arn: KNOWN,
      bucket: q(`acme-prod-${name}-${hex(rand, 6)}`),
      bucket_domain_name: KNOWN,
      bucket_prefix: KNOWN,
      bucket_regional_domain_name: KNOWN,
      force_destroy: 'false',
      hosted_zone_id: KNOWN,
      id: KNOWN,
      object_lock_enabled: KNOWN,
      policy: KNOWN,
      region: KNOWN,
      request_payer: KNOWN,
      tags: tags(name, 'prod'),
      tags_all: tags(name, 'prod'),
      website_domain: KNOWN,
      website_endpoint: KNOWN,
    },
  }),
  (rand, name) => ({
    type: 'aws_db_instance',
    name,
    attrs: {
      address: KNOWN,
      allocated_storage: String(pick(rand, [20, 50, 100])),
      apply_immediately: 'false',
      arn: KNOWN,
      auto_minor_version_upgrade: 'true',
      availability_zone: KNOWN,
      backup_retention_period: '7',
      db_name: q(name),
      endpoint: KNOWN,
      engine: q('postgres'),
      engine_version: q('16.2'),
      identifier: q(`prod-${name}-db`),
      instance_class: q('db.t3.medium'),
      kms_key_id: KNOWN,
      multi_az: 'true',
      password: '(sensitive value)',
      port: KNOWN,
      publicly_accessible: 'false',
      skip_final_snapshot: 'false',
      storage_encrypted: 'true',
      tags_all: KNOWN,
      username: q('app'),
      vpc_security_group_ids: KNOWN,
    },
  }),
  (rand, name) => ({
    type: 'aws_cloudwatch_log_group',
    name,
    attrs: {
      arn: KNOWN,
      id: KNOWN,
      log_group_class: KNOWN,
      name: q(`/aws/lambda/prod-${name}`),
      name_prefix: KNOWN,
      retention_in_days: String(pick(rand, [14, 30, 90])),
      skip_destroy: 'false',
      tags_all: KNOWN,
    },
  }),
  (rand, name) => ({
    type: 'aws_lambda_function',
    name,
    attrs: {
      architectures: { list: ['arm64'] },
      arn: KNOWN,
      code_sha256: KNOWN,
      filename: q(`build/${name}.zip`),
      function_name: q(`prod-${name}`),
      handler: q('index.handler'),
      id: KNOWN,
      invoke_arn: KNOWN,
      last_modified: KNOWN,
      memory_size: String(pick(rand, [128, 256, 512])),
      package_type: q('Zip'),
      publish: 'false',
      qualified_arn: KNOWN,
      role: KNOWN,
      runtime: q('nodejs20.x'),
      source_code_hash: KNOWN,
      timeout: '30',
      version: KNOWN,
    },
  }),
];

function renderPlanBlock(address: string, r: PlanResource): string {
  const keys = Object.keys(r.attrs).sort();
  const width = Math.max(...keys.map((k) => k.length));
  const out = [`  # ${address} will be created`, `  + resource ${q(r.type)} ${q(r.name)} {`];
  for (const key of keys) {
    const v = r.attrs[key] as PlanValue;
    const lhs = `      + ${key.padEnd(width)} =`;
    if (typeof v === 'string') out.push(`${lhs} ${v}`);
    else if ('map' in v) {
      const w = Math.max(...v.map.map(([k]) => q(k).length));
      out.push(`${lhs} {`);
      for (const [k, val] of v.map) out.push(`          + ${q(k).padEnd(w)} = ${q(val)}`);
      out.push('        }');
    } else {
      out.push(`${lhs} [`);
      for (const item of v.list) out.push(`          + ${q(item)},`);
      out.push('        ]');
    }
  }
  out.push('    }');
  return out.join('\n');
}

/**
 * An interactive `terraform apply` of about `targetBytes` UTF-8 bytes: data-source reads, the
 * plan (resource blocks "will be created"), approval, then the framed InvalidClientTokenId
 * error from the provider's credential check. Expected class: PLAN_PASTE_CLASS.
 */
export function makePlanPaste(targetBytes = 40 * 1024, seed = 7): string {
  const rand = prng(seed);
  const head = [
    '$ terraform apply',
    'data.aws_caller_identity.current: Reading...',
    'data.aws_availability_zones.available: Reading...',
    'data.aws_iam_policy_document.assume_lambda: Reading...',
    'data.aws_iam_policy_document.assume_lambda: Read complete after 0s [id=2690255455]',
    'data.aws_caller_identity.current: Read complete after 0s [id=111122223333]',
    'data.aws_availability_zones.available: Read complete after 1s [id=eu-west-1]',
    '',
    'Terraform used the selected providers to generate the following execution',
    'plan. Resource actions are indicated with the following symbols:',
    '  + create',
    '',
    'Terraform will perform the following actions:',
    '',
    '',
  ].join('\n');
  const tail = (count: number): string =>
    [
      '',
      `Plan: ${count} to add, 0 to change, 0 to destroy.`,
      '',
      'Changes to Outputs:',
      '  + api_url      = (known after apply)',
      '  + db_endpoint  = (known after apply)',
      '  + vpc_id       = (known after apply)',
      '',
      'Do you want to perform these actions?',
      '  Terraform will perform the actions described above.',
      "  Only 'yes' will be accepted to approve.",
      '',
      '  Enter a value: yes',
      '',
      ...framedProviderError('provider["registry.terraform.io/hashicorp/aws"]', 'providers.tf', 10),
    ].join('\n');

  const blocks: string[] = [];
  const counts = new Map<string, number>();
  let size = utf8Bytes(head) + utf8Bytes(tail(1000));
  for (;;) {
    const make = pick(rand, PLAN_RESOURCES);
    const mod = pick(rand, MODULES);
    const probe = make(rand, pick(rand, NAMES), 0);
    const base = `${mod}${probe.type}.${probe.name}`;
    const i = counts.get(base) ?? 0;
    const r = make(rand, probe.name.replace(/_ingress$/, ''), i);
    const block = renderPlanBlock(`${mod}${r.type}.${r.name}[${i}]`, r);
    const cost = utf8Bytes(block) + 2;
    if (size + cost > targetBytes && blocks.length > 0) break;
    counts.set(base, i + 1);
    blocks.push(block);
    size += cost;
  }
  return `${head}${blocks.join('\n\n')}\n${tail(blocks.length)}\n`;
}

// ---------------------------------------------------------------------------------------
// The debug log

const TF_VERSION = '1.8.2';
const PROVIDER = 'provider.terraform-provider-aws_v5.46.0_x5';
const PROVIDER_PATH =
  '.terraform/providers/registry.terraform.io/hashicorp/aws/5.46.0/linux_amd64/terraform-provider-aws_v5.46.0_x5';
const PROVIDER_ADDR = 'registry.terraform.io/hashicorp/aws';
const SDK_CALLER = 'github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.52/logging/tf_logger.go:45';
const PROTO_CALLER =
  'github.com/hashicorp/terraform-plugin-go@v0.22.2/tfprotov5/tf5server/server.go:';
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const USER_AGENT =
  `APN/1.0 HashiCorp/1.0 Terraform/${TF_VERSION} (+https://www.terraform.io) terraform-provider-aws/5.46.0 ` +
  '(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 ' +
  'md/GOOS#linux md/GOARCH#amd64';

type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
type Fields = Record<string, string | number>;

/** hclog's rendering of a value: bare when simple, Go-quoted otherwise. */
function logValue(v: string | number): string {
  const s = String(v);
  return s === '' || /[\s"=\\]/.test(s) ? JSON.stringify(s) : s;
}

interface ApiCall {
  service: string;
  operation: string;
  method: 'GET' | 'POST' | 'HEAD';
  url: string;
  requestBody?: string;
  status: number;
  /** XML bodies are logged on continuation lines, JSON bodies inline. */
  responseXml?: string[];
  responseJson?: string;
}

class LogWriter {
  readonly lines: string[] = [];
  bytes = 0;
  private clock = Date.UTC(2024, 4, 2, 10, 11, 12, 345);
  private pidCounter = 48213;
  /** Pid of the provider plugin currently running. */
  pid = 0;

  constructor(private readonly rand: Rand) {}

  /** Advances the clock by 0..`maxMs` and returns it as Terraform prints it. */
  tick(maxMs = 3): string {
    this.clock += Math.floor(this.rand() * (maxMs + 1));
    return new Date(this.clock).toISOString();
  }

  /** Advances the clock by exactly `ms`. */
  advance(ms: number): void {
    this.clock += ms;
  }

  now(): string {
    return new Date(this.clock).toISOString();
  }

  nextPid(): number {
    this.pidCounter += int(this.rand, 3, 40);
    return this.pidCounter;
  }

  push(line: string): void {
    this.lines.push(line);
    this.bytes += utf8Bytes(line) + 1;
  }

  /** A Terraform core line. */
  core(level: Level, message: string, maxMs = 2): void {
    const lvl = level === 'INFO' || level === 'WARN' ? `[${level}] ` : `[${level}]`;
    this.push(`${this.tick(maxMs)} ${lvl} ${message}`);
  }

  /** A provider/SDK line in terraform-plugin-log's format (fields sorted, multi-line values last). */
  plugin(
    level: Level,
    source: string,
    message: string,
    fields: Fields,
    multiline: Record<string, string[]> = {},
  ): void {
    const ts = this.tick(2);
    const all: Fields = { ...fields, timestamp: ts };
    const kv = Object.keys(all)
      .sort()
      .map((k) => `${k}=${logValue(all[k] as string | number)}`)
      .join(' ');
    const lvl = level === 'INFO' || level === 'WARN' ? `[${level}] ` : `[${level}]`;
    this.push(`${ts} ${lvl} ${source}: ${message}: ${kv}`);
    for (const [k, lines] of Object.entries(multiline)) {
      this.push(`  ${k}=`);
      for (const l of lines) this.push(`  | ${l}`);
    }
  }
}

interface Address {
  type: string;
  /** The resource's address in configuration (no instance key). */
  config: string;
  /** The instance address, e.g. `module.app.aws_subnet.private[3]`. */
  address: string;
}

function resourcePool(rand: Rand, n: number): Address[] {
  const types = [
    'aws_subnet',
    'aws_route_table_association',
    'aws_security_group',
    'aws_security_group_rule',
    'aws_iam_role',
    'aws_iam_role_policy_attachment',
    'aws_instance',
    'aws_s3_bucket',
    'aws_s3_bucket_policy',
    'aws_lambda_function',
    'aws_cloudwatch_log_group',
    'aws_db_instance',
    'aws_vpc',
    'aws_route_table',
  ];
  const counts = new Map<string, number>();
  const pool: Address[] = [];
  for (let i = 0; i < n; i++) {
    const config = `${pick(rand, MODULES)}${pick(rand, types)}.${pick(rand, NAMES)}`;
    const k = counts.get(config) ?? 0;
    counts.set(config, k + 1);
    pool.push({
      type: config.replace(/^(?:module\.\w+\.)?(\w+)\..*$/, '$1'),
      config,
      address: `${config}[${k}]`,
    });
  }
  return pool;
}

function amzDate(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** The API call a refresh of `type` makes (one of several, for variety). */
function apiCallFor(rand: Rand, type: string): ApiCall {
  const ec2 = (op: string, element: string, id: string): ApiCall => ({
    service: 'EC2',
    operation: op,
    method: 'POST',
    url: `https://ec2.${REGION}.amazonaws.com/`,
    requestBody: `Action=${op}&${element}Id.1=${id}&Version=2016-11-15`,
    status: 200,
    responseXml: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<${op}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">`,
      `    <requestId>${uuid(rand)}</requestId>`,
      `    <${element.charAt(0).toLowerCase()}${element.slice(1)}Set>`,
      '        <item>',
      `            <${element.charAt(0).toLowerCase()}${element.slice(1)}Id>${id}</${element.charAt(0).toLowerCase()}${element.slice(1)}Id>`,
      `            <ownerId>${ACCOUNT}</ownerId>`,
      `            <vpcId>vpc-0${hex(rand, 16)}</vpcId>`,
      `            <cidrBlock>10.${int(rand, 0, 31)}.${int(rand, 0, 255)}.0/24</cidrBlock>`,
      `            <availabilityZone>${pick(rand, AZS)}</availabilityZone>`,
      '            <tagSet>',
      '                <item>',
      '                    <key>ManagedBy</key>',
      '                    <value>terraform</value>',
      '                </item>',
      '            </tagSet>',
      '        </item>',
      `    </${element.charAt(0).toLowerCase()}${element.slice(1)}Set>`,
      `</${op}Response>`,
    ],
  });
  const iam = (op: string, name: string): ApiCall => ({
    service: 'IAM',
    operation: op,
    method: 'POST',
    url: 'https://iam.amazonaws.com/',
    requestBody: `Action=${op}&RoleName=${name}&Version=2010-05-08`,
    status: 200,
    responseXml: [
      `<${op}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">`,
      `  <${op}Result>`,
      op === 'GetRole'
        ? `    <Role><Path>/</Path><RoleName>${name}</RoleName><RoleId>AROA${hex(rand, 16).toUpperCase()}</RoleId><Arn>arn:aws:iam::${ACCOUNT}:role/${name}</Arn><MaxSessionDuration>3600</MaxSessionDuration></Role>`
        : `    <IsTruncated>false</IsTruncated><AttachedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedPolicies>`,
      `  </${op}Result>`,
      `  <ResponseMetadata><RequestId>${uuid(rand)}</RequestId></ResponseMetadata>`,
      `</${op}Response>`,
    ],
  });
  const bucket = `acme-prod-${pick(rand, NAMES)}-${hex(rand, 6)}`;
  switch (type) {
    case 'aws_subnet':
    case 'aws_route_table_association':
      return ec2('DescribeSubnets', 'Subnet', `subnet-0${hex(rand, 16)}`);
    case 'aws_vpc':
      return ec2('DescribeVpcs', 'Vpc', `vpc-0${hex(rand, 16)}`);
    case 'aws_route_table':
      return ec2('DescribeRouteTables', 'RouteTable', `rtb-0${hex(rand, 16)}`);
    case 'aws_security_group':
    case 'aws_security_group_rule':
      return ec2('DescribeSecurityGroups', 'Group', `sg-0${hex(rand, 16)}`);
    case 'aws_instance':
      return ec2('DescribeInstances', 'Instance', `i-0${hex(rand, 16)}`);
    case 'aws_iam_role':
      return iam('GetRole', `prod-${pick(rand, NAMES)}-role`);
    case 'aws_iam_role_policy_attachment':
      return iam('ListAttachedRolePolicies', `prod-${pick(rand, NAMES)}-role`);
    case 'aws_s3_bucket':
    case 'aws_s3_bucket_policy': {
      // A bucket without a policy answers 404 NoSuchBucketPolicy: routine, not a failure.
      if (rand() < 0.3)
        return {
          service: 'S3',
          operation: 'GetBucketPolicy',
          method: 'GET',
          url: `https://${bucket}.s3.${REGION}.amazonaws.com/?policy=`,
          status: 404,
          responseXml: [
            '<?xml version="1.0" encoding="UTF-8"?>',
            `<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><BucketName>${bucket}</BucketName><RequestId>${hex(rand, 16).toUpperCase()}</RequestId><HostId>${hex(rand, 40)}</HostId></Error>`,
          ],
        };
      return {
        service: 'S3',
        operation: pick(rand, ['HeadBucket', 'GetBucketVersioning', 'GetBucketAcl']),
        method: 'GET',
        url: `https://${bucket}.s3.${REGION}.amazonaws.com/?versioning=`,
        status: 200,
        responseXml: [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>',
        ],
      };
    }
    case 'aws_lambda_function': {
      const fn = `prod-${pick(rand, NAMES)}`;
      return {
        service: 'Lambda',
        operation: 'GetFunction',
        method: 'GET',
        url: `https://lambda.${REGION}.amazonaws.com/2015-03-31/functions/${fn}`,
        status: 200,
        responseJson: `{"Code":{"Location":"https://awslambda-${REGION}-tasks.s3.${REGION}.amazonaws.com/snapshots/${ACCOUNT}/${fn}-${uuid(rand)}","RepositoryType":"S3"},"Configuration":{"Architectures":["arm64"],"CodeSha256":"${hex(rand, 43)}=","CodeSize":${int(rand, 1000, 9000000)},"FunctionArn":"arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn}","FunctionName":"${fn}","Handler":"index.handler","LastUpdateStatus":"Successful","MemorySize":256,"PackageType":"Zip","Role":"arn:aws:iam::${ACCOUNT}:role/${fn}-role","Runtime":"nodejs20.x","State":"Active","Timeout":30,"Version":"$LATEST"},"Tags":{"ManagedBy":"terraform"}}`,
      };
    }
    case 'aws_cloudwatch_log_group':
      return {
        service: 'CloudWatch Logs',
        operation: 'DescribeLogGroups',
        method: 'POST',
        url: `https://logs.${REGION}.amazonaws.com/`,
        requestBody: `{"logGroupNamePrefix":"/aws/lambda/prod-${pick(rand, NAMES)}"}`,
        status: 200,
        responseJson: `{"logGroups":[{"arn":"arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/prod-api:*","creationTime":1714644672345,"logGroupClass":"STANDARD","logGroupName":"/aws/lambda/prod-api","metricFilterCount":0,"retentionInDays":30,"storedBytes":${int(rand, 0, 99999999)}}]}`,
      };
    default:
      return {
        service: 'RDS',
        operation: 'DescribeDBInstances',
        method: 'POST',
        url: `https://rds.${REGION}.amazonaws.com/`,
        requestBody:
          'Action=DescribeDBInstances&DBInstanceIdentifier=prod-app-db&Version=2014-10-31',
        status: 200,
        responseXml: [
          '<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">',
          '  <DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>prod-app-db</DBInstanceIdentifier><Engine>postgres</Engine><EngineVersion>16.2</EngineVersion><DBInstanceStatus>available</DBInstanceStatus><MultiAZ>true</MultiAZ></DBInstance></DBInstances></DescribeDBInstancesResult>',
          `  <ResponseMetadata><RequestId>${uuid(rand)}</RequestId></ResponseMetadata>`,
          '</DescribeDBInstancesResponse>',
        ],
      };
  }
}

// Key ids as aws-sdk-go-base masks them in logs: first and last four characters kept.
/** Temporary credentials from GitHub's OIDC token (backend and default provider). */
const CI_KEY = 'ASIA************7NQD';
/** The static key of the `aws.audit` provider, which AWS no longer recognises. */
const AUDIT_KEY = 'AKIA************3XQM';

interface CallContext {
  source: string;
  rpc: string;
  reqId: string;
  resourceType?: string;
  /** Masked access key id the request is signed with. */
  key: string;
}

function logApiCall(w: LogWriter, rand: Rand, call: ApiCall, ctx: CallContext): string {
  const requestId = uuid(rand);
  const signingService = call.service === 'CloudWatch Logs' ? 'logs' : call.service.toLowerCase();
  const signingRegion = call.service === 'IAM' ? 'us-east-1' : REGION;
  const host = new URL(call.url).host;
  const backend = ctx.source.startsWith('backend-');
  const common: Fields = {
    '@caller': SDK_CALLER,
    '@module': 'aws',
    'aws.region': REGION,
    'aws.sdk': 'aws-sdk-go-v2',
    'aws.service': call.service,
    'rpc.method': call.operation,
    'rpc.service': call.service,
    'rpc.system': 'aws-api',
    ...(backend
      ? {
          'aws.operation': call.operation,
          'tf_backend.operation': ctx.rpc,
          'tf_backend.req_id': ctx.reqId,
          'tf_backend.s3.bucket': 'acme-tfstate',
          'tf_backend.s3.path': 'prod/terraform.tfstate',
        }
      : {
          'tf_aws.sdk': 'aws-sdk-go-v2',
          tf_mux_provider: '*schema.GRPCProviderServer',
          tf_provider_addr: PROVIDER_ADDR,
          tf_req_id: ctx.reqId,
          tf_rpc: ctx.rpc,
        }),
  };
  if (ctx.resourceType) common.tf_resource_type = ctx.resourceType;
  const sent = w.now();
  const request: Fields = {
    ...common,
    'http.flavor': '1.1',
    'http.method': call.method,
    'http.request.header.amz_sdk_invocation_id': uuid(rand),
    'http.request.header.amz_sdk_request': 'attempt=1; max=25',
    'http.request.header.authorization': `AWS4-HMAC-SHA256 Credential=${ctx.key}/${amzDate(sent).slice(0, 8)}/${signingRegion}/${signingService}/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date, Signature=*****`,
    'http.request.header.x_amz_date': amzDate(sent),
    'http.request_content_length': call.requestBody ? call.requestBody.length : 0,
    'http.url': call.url,
    'http.user_agent': `${USER_AGENT} api/${signingService}#1.${int(rand, 20, 160)}.${int(rand, 0, 9)}`,
    'net.peer.name': host,
  };
  if (ctx.key.startsWith('ASIA')) request['http.request.header.x_amz_security_token'] = '*****';
  if (call.requestBody !== undefined) {
    request['http.request.body'] = call.requestBody;
    request['http.request.header.content_type'] = call.requestBody.startsWith('{')
      ? 'application/x-amz-json-1.1'
      : 'application/x-www-form-urlencoded';
  }
  w.plugin('DEBUG', ctx.source, 'HTTP Request Sent', request);
  const duration = int(rand, 20, 400);
  w.advance(duration);
  const response: Fields = {
    ...common,
    'http.duration': duration,
    'http.response.header.content_type': call.responseJson ? 'application/json' : 'text/xml',
    'http.response.header.date': httpDate(w.now()),
    'http.response.header.x_amzn_requestid': requestId,
    'http.response_content_length': call.responseJson?.length ?? int(rand, 200, 4000),
    'http.status_code': call.status,
  };
  if (call.responseJson !== undefined) response['http.response.body'] = call.responseJson;
  const multiline: Record<string, string[]> = call.responseXml
    ? { 'http.response.body': call.responseXml }
    : {};
  w.plugin('DEBUG', ctx.source, 'HTTP Response Received', response, multiline);
  return requestId;
}

/** One resource refresh during the plan walk, as TF_LOG=TRACE shows it. */
function logRefresh(w: LogWriter, rand: Rand, r: Address): void {
  const reqId = uuid(rand);
  w.core(
    'TRACE',
    `vertex "${r.address}": starting visit (*terraform.NodePlannableResourceInstance)`,
  );
  w.core('TRACE', `readResourceInstanceState: reading state for ${r.address}`);
  w.core(
    'TRACE',
    `upgradeResourceState: schema version of ${r.address} is still 0; calling provider "aws" for any other minor fixups`,
  );
  w.core('TRACE', 'GRPCProvider: UpgradeResourceState');
  w.core(
    'TRACE',
    `NodeAbstractResouceInstance.writeResourceInstanceState to prevRunState for ${r.address}`,
  );
  w.core(
    'TRACE',
    `NodeAbstractResouceInstance.writeResourceInstanceState to refreshState for ${r.address}`,
  );
  w.core('TRACE', `NodeAbstractResourceInstance.refresh for ${r.address}`);
  w.core('TRACE', 'GRPCProvider: ReadResource');
  const proto = (rpc: string, line: number, msg: string): void =>
    w.plugin('TRACE', PROVIDER, msg, {
      '@caller': `${PROTO_CALLER}${line}`,
      '@module': 'sdk.proto',
      tf_proto_version: '5.4',
      tf_provider_addr: PROVIDER_ADDR,
      tf_req_id: reqId,
      tf_resource_type: r.type,
      tf_rpc: rpc,
    });
  proto('ReadResource', 746, 'Received request');
  proto('ReadResource', 763, 'Sending request downstream');
  const calls = rand() < 0.35 ? 2 : 1;
  for (let i = 0; i < calls; i++) {
    const call = apiCallFor(rand, r.type);
    // Occasional throttling: the SDK retries and the refresh succeeds.
    if (rand() < 0.004) {
      w.plugin('DEBUG', PROVIDER, 'request failed with retryable error', {
        '@caller': SDK_CALLER,
        '@module': 'aws',
        'aws.region': REGION,
        'aws.service': call.service,
        error: `https response error StatusCode: 400, RequestID: ${uuid(rand)}, api error Throttling: Rate exceeded`,
        'rpc.method': call.operation,
        tf_req_id: reqId,
        tf_rpc: 'ReadResource',
      });
      w.tick(int(rand, 100, 900));
    }
    logApiCall(w, rand, call, {
      source: PROVIDER,
      rpc: 'ReadResource',
      reqId,
      resourceType: r.type,
      key: CI_KEY,
    });
  }
  proto('ReadResource', 773, 'Received downstream response');
  proto('ReadResource', 803, 'Served request');
  if (rand() < 0.03) {
    w.core(
      'WARN',
      `Provider "${PROVIDER_ADDR}" produced an unexpected new value for ${r.address} during refresh.\n` +
        '      - .tags_all: inconsistent values for sensitive attribute',
    );
  }
  if (rand() < 0.02) {
    w.core(
      'WARN',
      `Provider "${PROVIDER_ADDR}" produced an invalid plan for ${r.address}, but we are tolerating it because it is using the legacy plugin SDK.\n` +
        '    The following problems may be the cause of any confusing errors from downstream operations:\n' +
        '      - .tags: planned value cty.NullVal(cty.Map(cty.String)) for a non-computed attribute',
    );
  }
  if (rand() < 0.05)
    w.core('TRACE', `NodePlannableResourceInstance: refresh of ${r.address} finished: error=<nil>`);
  w.core('TRACE', `writeChange: recorded NoOp change for ${r.address}`);
  w.core('TRACE', `vertex "${r.address}": visit complete`);
  if (rand() < 0.3) {
    w.core(
      'TRACE',
      `dag/walk: vertex "provider[\\"${PROVIDER_ADDR}\\"] (close)" is waiting for "${r.address}"`,
    );
  }
}

function logPreamble(w: LogWriter, rand: Rand): void {
  const lines: Array<[Level, string]> = [
    ['INFO', `Terraform version: ${TF_VERSION}`],
    ['DEBUG', 'using github.com/hashicorp/go-tfe v1.51.0'],
    ['DEBUG', 'using github.com/hashicorp/hcl/v2 v2.20.0'],
    ['DEBUG', 'using github.com/hashicorp/terraform-svchost v0.1.1'],
    ['DEBUG', 'using github.com/zclconf/go-cty v1.14.4'],
    ['INFO', 'Go runtime version: go1.22.1'],
    ['INFO', 'CLI args: []string{"terraform", "plan", "-input=false", "-lock-timeout=5m"}'],
    ['TRACE', 'Stdout is not a terminal'],
    ['TRACE', 'Stderr is not a terminal'],
    ['TRACE', 'Stdin is not a terminal'],
    ['DEBUG', 'Attempting to open CLI config file: /home/runner/.terraformrc'],
    ['DEBUG', "File doesn't exist, but doesn't need to. Ignoring."],
    ['DEBUG', 'ignoring non-existing provider search directory terraform.d/plugins'],
    ['DEBUG', 'ignoring non-existing provider search directory /home/runner/.terraform.d/plugins'],
    ['DEBUG', 'ignoring non-existing provider search directory /usr/share/terraform/plugins'],
    ['INFO', 'CLI command args: []string{"plan", "-input=false", "-lock-timeout=5m"}'],
    ['TRACE', 'Meta.Backend: built configuration for "s3" backend with hash value 2143218862'],
    ['TRACE', 'Meta.Backend: working directory was previously initialized for "s3" backend'],
    ['TRACE', 'Meta.Backend: using already-initialized, unchanged "s3" backend configuration'],
    ['DEBUG', 'backend-s3: starting backend configuration'],
  ];
  for (const [level, msg] of lines) w.core(level, msg, 1);
  const backend = 'backend-s3.aws-base';
  const backendFields = (): CallContext => ({
    source: backend,
    rpc: 'Configure',
    reqId: uuid(rand),
    key: CI_KEY,
  });
  w.plugin('INFO', backend, 'Retrieved credentials', {
    '@caller': 'github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.52/credentials.go:141',
    '@module': 'aws',
    'tf_aws.credentials_source': 'WebIdentityCredentials',
    tf_backend: 's3',
  });
  logApiCall(
    w,
    rand,
    {
      service: 'STS',
      operation: 'GetCallerIdentity',
      method: 'POST',
      url: `https://sts.${REGION}.amazonaws.com/`,
      requestBody: 'Action=GetCallerIdentity&Version=2011-06-15',
      status: 200,
      responseXml: stsIdentityXml(rand),
    },
    backendFields(),
  );
  w.core('TRACE', 'Meta.Backend: instantiated backend of type *s3.Backend');
  w.core('TRACE', 'providercache.fillMetaCache: scanning directory .terraform/providers');
  w.core(
    'TRACE',
    `getproviders.SearchLocalDirectory: found ${PROVIDER_ADDR} v5.46.0 for linux_amd64 at .terraform/providers/${PROVIDER_ADDR}/5.46.0/linux_amd64`,
  );
  w.core(
    'TRACE',
    `providercache.fillMetaCache: including .terraform/providers/${PROVIDER_ADDR}/5.46.0/linux_amd64 as a candidate package for ${PROVIDER_ADDR} 5.46.0`,
  );
  w.core('DEBUG', `checking for provisioner in "."`);
  w.core('DEBUG', `checking for provisioner in "/usr/local/bin"`);
  w.core('TRACE', 'backend/local: requesting state manager for workspace "default"');
  w.core('TRACE', 'backend/local: requesting state lock for workspace "default"');
  logApiCall(
    w,
    rand,
    {
      service: 'DynamoDB',
      operation: 'PutItem',
      method: 'POST',
      url: `https://dynamodb.${REGION}.amazonaws.com/`,
      requestBody:
        '{"ConditionExpression":"attribute_not_exists(LockID)","Item":{"Info":{"S":"{\\"Operation\\":\\"OperationTypePlan\\"}"},"LockID":{"S":"acme-tfstate/prod/terraform.tfstate"}},"TableName":"terraform-locks"}',
      status: 200,
      responseJson: '{}',
    },
    backendFields(),
  );
  w.core('TRACE', 'backend/local: reading remote state for workspace "default"');
  logApiCall(
    w,
    rand,
    {
      service: 'S3',
      operation: 'GetObject',
      method: 'GET',
      url: 'https://acme-tfstate.s3.eu-west-1.amazonaws.com/prod/terraform.tfstate?x-id=GetObject',
      status: 200,
    },
    backendFields(),
  );
  w.core('TRACE', 'backend/local: retrieving local state snapshot for workspace "default"');
  w.core('TRACE', 'backend/local: building context for current working directory');
  w.core('TRACE', 'terraform.contextPlugins: Initializing provider "aws" to read its schema');
  startPlugin(w, rand);
  w.core('TRACE', 'GRPCProvider: GetProviderSchema');
  w.core('TRACE', 'GRPCProvider: Close');
  stopPlugin(w, rand);
}

function stsIdentityXml(rand: Rand): string[] {
  return [
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    '  <GetCallerIdentityResult>',
    `    <Arn>arn:aws:sts::${ACCOUNT}:assumed-role/github-actions-terraform/GitHubActions</Arn>`,
    `    <UserId>AROA${hex(rand, 17).toUpperCase()}:GitHubActions</UserId>`,
    `    <Account>${ACCOUNT}</Account>`,
    '  </GetCallerIdentityResult>',
    '  <ResponseMetadata>',
    `    <RequestId>${uuid(rand)}</RequestId>`,
    '  </ResponseMetadata>',
    '</GetCallerIdentityResponse>',
  ];
}

function startPlugin(w: LogWriter, rand: Rand): void {
  w.pid = w.nextPid();
  w.core('DEBUG', `provider: starting plugin: path=${PROVIDER_PATH} args=["${PROVIDER_PATH}"]`);
  w.core('DEBUG', `provider: plugin started: path=${PROVIDER_PATH} pid=${w.pid}`);
  w.core('DEBUG', `provider: waiting for RPC address: path=${PROVIDER_PATH}`);
  w.plugin('INFO', PROVIDER, 'configuring server automatic mTLS', {}, {});
  w.core('DEBUG', 'provider: using plugin: version=5');
  w.plugin('DEBUG', PROVIDER, 'plugin address', {
    address: `/tmp/plugin${int(rand, 100000000, 999999999)}`,
    network: 'unix',
  });
  w.core('TRACE', 'provider.stdio: waiting for stdio data');
}

function stopPlugin(w: LogWriter, rand: Rand): void {
  w.core(
    'DEBUG',
    'provider.stdio: received EOF, stopping recv loop: err="rpc error: code = Unavailable desc = error reading from server: EOF"',
    int(rand, 1, 30),
  );
  w.core('DEBUG', `provider: plugin process exited: path=${PROVIDER_PATH} pid=${w.pid}`);
  w.core('DEBUG', 'provider: plugin exited');
}

function logGraphBuild(w: LogWriter, pool: Address[]): void {
  const configs = [...new Map(pool.map((r) => [r.config, r])).values()];
  const transforms = [
    'ConfigTransformer',
    'RootVariableTransformer',
    'ModuleVariableTransformer',
    'LocalTransformer',
    'OutputTransformer',
    'OrphanResourceInstanceTransformer',
    'StateTransformer',
    'AttachStateTransformer',
    'OrphanOutputTransformer',
    'AttachResourceConfigTransformer',
    'graphTransformerMulti',
    'ProviderConfigTransformer',
    'MissingProviderTransformer',
    'ProviderTransformer',
    'PruneProviderTransformer',
    'RemovedModuleTransformer',
    'AttachSchemaTransformer',
    'ModuleExpansionTransformer',
    'ReferenceTransformer',
    'CloseProviderTransformer',
    'CloseRootModuleTransformer',
    'TransitiveReductionTransformer',
  ];
  w.core('DEBUG', 'Building and walking plan graph for NormalMode');
  for (const t of transforms) {
    w.core('TRACE', `Executing graph transform *terraform.${t}`);
    if (t === 'ProviderTransformer') {
      for (const r of configs)
        w.core(
          'DEBUG',
          `ProviderTransformer: "${r.config}" (*terraform.nodeExpandPlannableResource) needs provider["${PROVIDER_ADDR}"]`,
        );
    }
    if (t === 'ReferenceTransformer') {
      for (const r of configs) {
        const refs = r.type.includes('subnet')
          ? '[aws_vpc.main var.azs local.subnet_cidrs]'
          : r.type.includes('iam')
            ? '[data.aws_iam_policy_document.assume_lambda local.tags]'
            : '[local.tags var.environment]';
        w.core('DEBUG', `ReferenceTransformer: "${r.config}" references: ${refs}`);
      }
    }
    w.core('TRACE', `Completed graph transform *terraform.${t} (no changes)`);
  }
  w.core('DEBUG', 'Starting graph walk: walkPlan');
  w.core('TRACE', 'vertex "root": starting visit (*terraform.nodeCloseModule)');
}

function logConfigureProvider(w: LogWriter, rand: Rand, alias: string): void {
  const addr = alias
    ? `provider[\\"${PROVIDER_ADDR}\\"].${alias}`
    : `provider[\\"${PROVIDER_ADDR}\\"]`;
  w.core('TRACE', `vertex "${addr}": starting visit (*terraform.NodeApplyableProvider)`);
  w.core('TRACE', 'GRPCProvider: ConfigureProvider');
  const reqId = uuid(rand);
  w.plugin('INFO', PROVIDER, 'Retrieved credentials', {
    '@caller': 'github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.52/credentials.go:141',
    '@module': 'aws',
    'tf_aws.credentials_source': 'WebIdentityCredentials',
    tf_provider_addr: PROVIDER_ADDR,
    tf_req_id: reqId,
    tf_rpc: 'ConfigureProvider',
  });
  logApiCall(
    w,
    rand,
    {
      service: 'STS',
      operation: 'GetCallerIdentity',
      method: 'POST',
      url: `https://sts.${REGION}.amazonaws.com/`,
      requestBody: 'Action=GetCallerIdentity&Version=2011-06-15',
      status: 200,
      responseXml: stsIdentityXml(rand),
    },
    { source: PROVIDER, rpc: 'ConfigureProvider', reqId, key: CI_KEY },
  );
  w.core('TRACE', `vertex "${addr}": visit complete`);
}

/** The aliased provider whose static key AWS no longer knows: the failure of the run. */
function logFailingProvider(w: LogWriter, rand: Rand): void {
  const addr = `provider[\\"${PROVIDER_ADDR}\\"].audit`;
  const reqId = uuid(rand);
  w.core('TRACE', `vertex "${addr}": starting visit (*terraform.NodeApplyableProvider)`);
  w.core('TRACE', 'GRPCProvider: ConfigureProvider');
  w.plugin('INFO', PROVIDER, 'Retrieved credentials', {
    '@caller': 'github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.52/credentials.go:141',
    '@module': 'aws',
    'tf_aws.credentials_source': 'StaticCredentials',
    tf_provider_addr: PROVIDER_ADDR,
    tf_req_id: reqId,
    tf_rpc: 'ConfigureProvider',
  });
  const common: Fields = {
    '@caller': SDK_CALLER,
    '@module': 'aws',
    'aws.region': REGION,
    'aws.sdk': 'aws-sdk-go-v2',
    'aws.service': 'STS',
    'rpc.method': 'GetCallerIdentity',
    'rpc.service': 'STS',
    'rpc.system': 'aws-api',
    'tf_aws.sdk': 'aws-sdk-go-v2',
    tf_mux_provider: '*schema.GRPCProviderServer',
    tf_provider_addr: PROVIDER_ADDR,
    tf_req_id: reqId,
    tf_rpc: 'ConfigureProvider',
  };
  const sent = w.now();
  w.plugin('DEBUG', PROVIDER, 'HTTP Request Sent', {
    ...common,
    'http.flavor': '1.1',
    'http.method': 'POST',
    'http.request.body': 'Action=GetCallerIdentity&Version=2011-06-15',
    'http.request.header.amz_sdk_invocation_id': uuid(rand),
    'http.request.header.amz_sdk_request': 'attempt=1; max=25',
    'http.request.header.authorization': `AWS4-HMAC-SHA256 Credential=${AUDIT_KEY}/${amzDate(sent).slice(0, 8)}/${REGION}/sts/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date, Signature=*****`,
    'http.request.header.content_type': 'application/x-www-form-urlencoded',
    'http.request.header.x_amz_date': amzDate(sent),
    'http.request_content_length': 43,
    'http.url': `https://sts.${REGION}.amazonaws.com/`,
    'http.user_agent': `${USER_AGENT} api/sts#1.28.6`,
    'net.peer.name': `sts.${REGION}.amazonaws.com`,
  });
  w.advance(97);
  w.plugin(
    'DEBUG',
    PROVIDER,
    'HTTP Response Received',
    {
      ...common,
      'http.duration': 97,
      'http.response.header.content_type': 'text/xml',
      'http.response.header.date': httpDate(w.now()),
      'http.response.header.x_amzn_requestid': STS_REQUEST_ID,
      'http.response_content_length': 306,
      'http.status_code': 403,
    },
    {
      'http.response.body': [
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        '    <Code>InvalidClientTokenId</Code>',
        '    <Message>The security token included in the request is invalid.</Message>',
        '  </Error>',
        `  <RequestId>${STS_REQUEST_ID}</RequestId>`,
        '</ErrorResponse>',
      ],
    },
  );
  w.plugin(
    'DEBUG',
    PROVIDER,
    `request failed with unretryable error https response error StatusCode: 403, RequestID: ${STS_REQUEST_ID}, api error InvalidClientTokenId: The security token included in the request is invalid.`,
    { ...common },
  );
  w.plugin('ERROR', PROVIDER, 'Response contains error diagnostic', {
    '@caller':
      'github.com/hashicorp/terraform-plugin-go@v0.22.2/tfprotov5/internal/diag/diagnostics.go:58',
    '@module': 'sdk.proto',
    diagnostic_detail: '',
    diagnostic_severity: 'ERROR',
    diagnostic_summary: INVALID_KEY_SUMMARY,
    tf_proto_version: '5.4',
    tf_provider_addr: PROVIDER_ADDR,
    tf_req_id: reqId,
    tf_rpc: 'ConfigureProvider',
  });
  w.plugin('TRACE', PROVIDER, 'Served request', {
    '@caller': `${PROTO_CALLER}581`,
    '@module': 'sdk.proto',
    tf_proto_version: '5.4',
    tf_provider_addr: PROVIDER_ADDR,
    tf_req_id: reqId,
    tf_rpc: 'ConfigureProvider',
  });
  w.core('ERROR', `vertex "${addr}" error: ${INVALID_KEY_SUMMARY}`);
  w.core('TRACE', `vertex "${addr}": visit complete, with errors`);
  for (const dep of [
    'aws_cloudtrail.audit',
    'aws_s3_bucket.audit_logs',
    'aws_s3_bucket_policy.audit_logs',
    'aws_iam_role.audit_reader',
  ])
    w.core('TRACE', `dag/walk: upstream of "${dep}" errored, so skipping`);
  w.core('TRACE', `dag/walk: upstream of "${addr} (close)" errored, so skipping`);
}

function logShutdown(w: LogWriter, rand: Rand): void {
  w.core('TRACE', 'vertex "root": visit complete, with errors');
  w.core('TRACE', 'LocalState: releasing lock for workspace "default"');
  w.core('TRACE', 'backend/local: plan operation completed with errors');
  logApiCall(
    w,
    rand,
    {
      service: 'DynamoDB',
      operation: 'DeleteItem',
      method: 'POST',
      url: `https://dynamodb.${REGION}.amazonaws.com/`,
      requestBody:
        '{"Key":{"LockID":{"S":"acme-tfstate/prod/terraform.tfstate"}},"TableName":"terraform-locks"}',
      status: 200,
      responseJson: '{}',
    },
    { source: 'backend-s3.aws-base', rpc: 'Configure', reqId: uuid(rand), key: CI_KEY },
  );
  w.core('TRACE', 'GRPCProvider: Close');
  stopPlugin(w, rand);
  w.push('');
  w.push('Planning failed. Terraform encountered an error while generating this plan.');
  w.push('');
  for (const l of framedProviderError(`provider["${PROVIDER_ADDR}"].audit`, 'providers.tf', 14))
    w.push(l);
}

/** Writes the end of the run (failure, a few late refreshes, shutdown) into `w`. */
function logTail(w: LogWriter, rand: Rand, pool: Address[]): void {
  logFailingProvider(w, rand);
  // Branches that do not depend on the failed provider finish their refresh first.
  for (let i = 0; i < 3; i++) logRefresh(w, rand, pick(rand, pool));
  logShutdown(w, rand);
}

/**
 * A TF_LOG=TRACE `terraform plan` log of about `targetBytes` UTF-8 bytes (lines joined with
 * `\n`), deterministic for a given seed, ending in an InvalidClientTokenId failure of the
 * aliased provider `aws.audit`. Expected class: DEBUG_LOG_CLASS.
 */
export function makeDebugLog(targetBytes = 5 * 1024 * 1024, seed = 42): string {
  const rand = prng(seed);
  // Measure the tail once with a throwaway writer so the body can leave room for it.
  const probeRand = prng(seed ^ 0x5bd1e995);
  const probe = new LogWriter(probeRand);
  logTail(probe, probeRand, resourcePool(probeRand, 20));
  const tailBytes = probe.bytes;

  const w = new LogWriter(rand);
  // About one refresh per 3 KB of log; every resource instance is refreshed once.
  const pool = resourcePool(rand, Math.ceil(targetBytes / 3000) + 50);
  logPreamble(w, rand);
  logGraphBuild(w, pool);
  startPlugin(w, rand);
  logConfigureProvider(w, rand, '');
  let n = 0;
  while (w.bytes + tailBytes < targetBytes) {
    logRefresh(w, rand, pool[n % pool.length] as Address);
    n++;
    if (n % 40 === 0)
      w.core(
        'TRACE',
        `dag/walk: vertex "root" is waiting for "provider[\\"${PROVIDER_ADDR}\\"] (close)"`,
      );
  }
  logTail(w, rand, pool);
  return w.lines.join('\n') + '\n';
}
