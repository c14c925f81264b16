// Where CloudTrail has the denied call: its event name when the paste shows the operation, else
// the service's event source (from the failing resource's type), and the region its events are
// logged in — global services (Route 53, IAM, CloudFront, Organizations) log in us-east-1.

import type { Facts } from './types';

/** Terraform AWS resource-type prefixes → the service's CloudTrail event source. */
const SOURCE_BY_RESOURCE: ReadonlyArray<[RegExp, string]> = [
  [/^aws_route53_(?!resolver)/, 'route53.amazonaws.com'],
  [/^aws_(?:launch_configuration|autoscaling_)/, 'autoscaling.amazonaws.com'],
  [
    /^aws_(?:instance|launch_template|ec2_|vpc|subnet|security_group|eip|ebs_)/,
    'ec2.amazonaws.com',
  ],
  [/^aws_iam_/, 'iam.amazonaws.com'],
  [/^aws_cloudfront_/, 'cloudfront.amazonaws.com'],
  [/^aws_acm_/, 'acm.amazonaws.com'],
  [/^aws_organizations_/, 'organizations.amazonaws.com'],
  [/^aws_s3_/, 's3.amazonaws.com'],
  [/^aws_lambda_/, 'lambda.amazonaws.com'],
  [/^aws_eks_/, 'eks.amazonaws.com'],
];

/** Services whose CloudTrail events are logged in us-east-1 whatever region the call named. */
const GLOBAL_SOURCES = new Set([
  'route53.amazonaws.com',
  'iam.amazonaws.com',
  'cloudfront.amazonaws.com',
  'organizations.amazonaws.com',
]);

/** How an answer names the service of a global event source. */
export const GLOBAL_SERVICE_NAMES: Record<string, string> = {
  'route53.amazonaws.com': 'Route 53',
  'iam.amazonaws.com': 'IAM',
  'cloudfront.amazonaws.com': 'CloudFront',
  'organizations.amazonaws.com': 'Organizations',
};

/** The resource type of the failing block (`module.acm.aws_route53_record.validation[5]` → aws_route53_record). */
function resourceType(f: Facts): string | undefined {
  const name = f.failedBlock?.name;
  if (!name) return undefined;
  return /(?:^|\.)(?:data\.)?(aws_[a-z0-9_]{2,80})\.[\w-]{1,100}(?:\[[^\]]{1,100}\])?$/.exec(
    name,
  )?.[1];
}

/** `STS: AssumeRole`, `sts:AssumeRole` or `AssumeRole` → the CloudTrail event name. */
export function eventNameOf(operation: string): string | undefined {
  return /^(?:[A-Za-z0-9 ]{2,40}: |[a-z0-9-]{2,30}:)?([A-Z][A-Za-z0-9]{1,63})$/.exec(
    operation,
  )?.[1];
}

/**
 * Calls CloudTrail logs as data events, which its Event history (`lookup-events`) never has:
 * S3 object-level calls, DynamoDB item calls (a state lock's), Lambda's Invoke, SNS's Publish
 * (docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html;
 * ListObjects among S3's, as GuardDuty's S3 protection lists them).
 */
const DATA_EVENTS = new Set([
  ...['GetObject', 'PutObject', 'HeadObject', 'DeleteObject', 'DeleteObjects', 'CopyObject'],
  ...['ListObjects', 'ListObjectsV2', 'ListObjectVersions', 'GetObjectAttributes'],
  ...['GetObjectAcl', 'PutObjectAcl', 'GetObjectTagging', 'PutObjectTagging', 'RestoreObject'],
  ...['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload'],
  ...['AbortMultipartUpload', 'ListParts', 'SelectObjectContent'],
  ...['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem'],
  ...['BatchWriteItem', 'TransactGetItems', 'TransactWriteItems'],
  ...['Invoke', 'Publish', 'PublishBatch'],
]);

/** The refused call is a data event (by its operation, or the action AWS says was denied). */
export function dataEventCall(f: Facts): boolean {
  const names = [...f.operations, ...(f.deniedAction ? [f.deniedAction] : [])].map(eventNameOf);
  return names.some((n) => n !== undefined && DATA_EVENTS.has(n));
}

/**
 * How CloudTrail's Event history can find the refused call: not at all (a data event), by its
 * event name, by its service's event source, or only among all recent failures.
 */
export function cloudTrailLookup(f: Facts): 'data_event' | 'by_name' | 'by_source' | 'unknown' {
  if (dataEventCall(f)) return 'data_event';
  if (cloudTrailEventName(f) !== undefined) return 'by_name';
  return cloudTrailEventSource(f) !== undefined ? 'by_source' : 'unknown';
}

export function cloudTrailEventName(f: Facts): string | undefined {
  return f.operations.map(eventNameOf).find((e) => e !== undefined);
}

/** The event source of the failing resource's service, when the paste names no operation. */
export function cloudTrailEventSource(f: Facts): string | undefined {
  const type = resourceType(f);
  // Not the denied action's service: iam:PassRole is denied inside another service's call.
  if (type) for (const [re, source] of SOURCE_BY_RESOURCE) if (re.test(type)) return source;
  return undefined;
}

/** The global service the failing call belongs to (its events are in us-east-1), if any. */
export function globalService(f: Facts): string | undefined {
  const source = cloudTrailEventSource(f);
  return source && GLOBAL_SOURCES.has(source) ? source : undefined;
}

/** The region to look the event up in: us-east-1 for global services, else the paste's region. */
export function cloudTrailRegion(f: Facts): string | undefined {
  return globalService(f) ? 'us-east-1' : f.region;
}
