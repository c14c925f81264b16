// The AWS regions the SDKs know, per partition, from botocore's endpoint data
// (upstream boto/botocore@c870f2c199fe36e2bed3afa8f8b5282a739cb711:botocore/data/partitions.json,
// the `regions` of every partition; the `*-global` pseudo-regions left out). A region of the
// right shape that is not here is most likely a typo (`eu-central-12`); a region launched
// after that file is the other possibility, which is why answers say "not in the SDK's list".

export const KNOWN_REGIONS_SOURCE =
  'upstream boto/botocore@c870f2c199fe36e2bed3afa8f8b5282a739cb711:botocore/data/partitions.json';

export const KNOWN_REGIONS: ReadonlySet<string> = new Set([
  // aws
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  // aws-cn
  'cn-north-1',
  'cn-northwest-1',
  // aws-eusc
  'eusc-de-east-1',
  // aws-iso, aws-iso-b, aws-iso-e, aws-iso-f
  'us-iso-east-1',
  'us-iso-west-1',
  'us-isob-east-1',
  'eu-isoe-west-1',
  'us-isof-east-1',
  'us-isof-south-1',
  // aws-us-gov
  'us-gov-east-1',
  'us-gov-west-1',
]);
