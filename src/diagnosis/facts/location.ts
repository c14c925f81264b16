// Where the call went: AWS region and partition, the endpoint, and other hosts
// (Terraform Cloud, GitHub, a Kubernetes API server) named in the paste.

import { allMatches, firstMatch, unique } from '../text-util';
import type { ArnFact } from '../types';

export const REGION_SHAPE =
  '(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso|-isob|-isof|-isoe)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d{1,2}';
export const VALID_REGION = new RegExp(`^${REGION_SHAPE}$`);

/** Regions that must be enabled per account; global-endpoint STS tokens are rejected there. */
export const OPT_IN_REGIONS = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

const SIGNING_SCOPE_REGION = new RegExp(`/\\d{8}/(${REGION_SHAPE})/[a-z0-9-]+/aws4_request`);
// Not inside a name: a role `User-eu-west-2` or a bucket `logs-us-east-1-x` names no region
// (corpus holdout10/h10-youngeks-156-1, Young-ook/terraform-aws-eks#156).
const BARE_REGION = new RegExp(`(?<![\\w-])(${REGION_SHAPE})(?![\\w-])`);

export interface RegionFacts {
  region?: string;
  partition?: string;
  optInRegion?: boolean;
  endpoint?: string;
}

export function regionFacts(text: string, arns: ArnFact[], lines = text): RegionFacts {
  // Tried at every word start, so slow where they cannot match: only when the domain occurs.
  const aws = text.includes('amazonaws.com');
  const endpoint = firstMatch(
    [
      ...(aws ? [/\b((?:[a-z0-9-]{1,63}\.){1,3}amazonaws\.com(?:\.cn)?)\b/] : []),
      // A region typed in capitals still names the endpoint that failed (`sts.PAR.amazonaws.com`).
      ...(aws ? [/\b((?:[A-Za-z0-9-]{1,63}\.){1,3}amazonaws\.com(?:\.cn)?)\b/] : []),
      // A custom endpoint (`endpoints { sts = … }`, LocalStack) that the request could not reach.
      /\b(?:Post|Get|POST|GET) "?https?:\/\/([a-z0-9.-]{1,253}(?::\d{2,5})?)\/?[^\s"]{0,200}"?: (?:dial tcp|net\/http|context deadline|read tcp|EOF|x509|tls:)/,
      /https?:\/\/((?:[a-z0-9-]{1,63}\.){1,4}(?:c2s\.ic\.gov|sc2s\.sgov\.gov))\b/,
    ],
    text,
  );
  // What the configuration said, even when invalid (`Invalid AWS Region: snow`): read on its
  // own line, so an empty value never takes the next line's first word, nor the brackets of
  // the list an empty one is printed in (`invalid AWS Region:   []}]`).
  const configured = firstMatch(
    [/[Ii]nvalid AWS Region:[ \t]*(\$\{[^\s}]{1,60}\}|\w[^\s"',[\]{}]{0,63}?)\.?[ \t]*$/m],
    lines,
  );
  const region =
    configured ??
    firstMatch(
      [
        /aws\.region=([a-z0-9-]{1,32})/,
        /\bregion[=:] ?"?([a-z]{2}(?:-[a-z]{2,10}){1,2}-\d{1,2})\b/,
        SIGNING_SCOPE_REGION,
        /\b(?:sts|sso|oidc\.eks|oidc|portal\.sso|ec2|iam)\.([a-z0-9.-]{2,40}?)\.amazonaws\.com/,
        /\bs3[.-]([a-z]{2}(?:-[a-z]{2,10}){1,2}-\d{1,2})\.amazonaws\.com/,
        BARE_REGION,
      ],
      text,
    ) ??
    undefined;
  const partition = partitionOf(region, endpoint, arns);
  return {
    ...(region ? { region } : {}),
    ...(partition ? { partition } : {}),
    ...(region && OPT_IN_REGIONS.has(region) ? { optInRegion: true } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

function partitionOf(
  region: string | undefined,
  endpoint: string | undefined,
  arns: ArnFact[],
): string | undefined {
  if (region && VALID_REGION.test(region)) {
    if (region.startsWith('cn-')) return 'aws-cn';
    if (region.startsWith('us-gov-')) return 'aws-us-gov';
    if (region.startsWith('us-isob-')) return 'aws-iso-b';
    if (region.startsWith('us-iso')) return 'aws-iso';
    return 'aws';
  }
  if (endpoint?.endsWith('.cn')) return 'aws-cn';
  return arns[0]?.partition;
}

/** Non-AWS hosts worth naming: where a token was refused or a cluster could not be reached. */
export function hosts(text: string): string[] {
  return unique([
    ...allMatches(/generate a token for ([a-z0-9.-]{3,253}):/g, text),
    ...allMatches(/\bat host ([a-z0-9.-]{3,253})\b/g, text),
    ...allMatches(/\bfrom ([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}):(?: |$)/g, text),
    ...allMatches(
      /https:\/\/(api\.github\.com|app\.terraform\.io|[a-z0-9.-]{1,200}\.azmk8s\.io|[a-z0-9.-]{1,200}\.eks\.amazonaws\.com|[a-z0-9.-]{1,200}\.gke\.goog)\b/g,
      text,
    ),
    ...allMatches(/(?:Get|Post|GET|POST) "?https:\/\/([a-z0-9.-]{3,253}):(?:443|6443)\b/g, text),
  ]).slice(0, 5);
}
