import type { CatalogEntry, Example } from '../schema';
import { BACKEND_CAUSE, BACKEND_CREDENTIALS, CONFIGURE_LIST, RERUN, WHOAMI } from './common';
import { AWS_DOCS } from './docs';

/**
 * The refused call uploads to S3: a wrong secret fails every call alike, but an upload also
 * signs its headers and user metadata, which an SDK, an app or a proxy can get wrong.
 */
const S3_WRITE =
  /when calling the (?:PutObject|UploadPart|CopyObject|CreateMultipartUpload|CompleteMultipartUpload) operation|operation="?(?:PutObject|UploadPart)\b|operation error S3: (?:PutObject|UploadPart|CopyObject)\b|Failed to copy: s3 upload: /;
const S3_WRITE_BOTO: Example = {
  text: 'boto3.exceptions.S3UploadFailedError: Failed to upload test.pdf to **redacted**/test.pdf: An error occurred (SignatureDoesNotMatch) when calling the PutObject operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  source:
    'corpus holdout14/h14-aws-botocore-dblspace-sig-1 (boto/botocore#1169: metadata with two spaces in a row)',
};
const S3_WRITE_PASTES: Example[] = [
  S3_WRITE_BOTO,
  {
    // rclone's upload; in the thread only objects with non-ASCII names failed (a gateway that
    // encoded the path differently when it checked the signature).
    text: '2021/09/05 10:08:41 ERROR : snap_201202221221077860_蒙AH7593_蓝_20120222122120_1.jpg: Failed to copy: s3 upload: 403 Forbidden: <?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><Resource></Resource><Region>us-west-1</Region><RequestId>c2b078ad-232b-4a54-891d-a8bf1a104bef</RequestId><HostId>C6FB104A53846DDD</HostId></Error>',
    source: 'corpus holdout15/h15-aws-lakefs-rclone-sig-1 (treeverse/lakeFS#2445)',
  },
  {
    text: '[2021-10-10T13:19:18Z INFO smithy_http_tower::parse_response] send_operation; operation="PutObject"\n[2021-10-10T13:19:18Z INFO aws_config::meta::credentials::chain] loaded credentials provider=Environment\n[2021-10-10T13:19:18Z INFO smithy_http_tower::parse_response] send_operation; message=Error { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided. Check your key and signing method.", request_id: "FDMZ3T5JHGXBGVF3" }',
    source:
      'corpus holdout14/h14-aws-rust-sig-meta-1 (awslabs/aws-sdk-rust#248: whitespace in x-amz-meta-title), shortened',
  },
];
/** aws-iam-authenticator could not check an EKS token: the presigned GetCallerIdentity it carries. */
const EKS_TOKEN_VERIFY = /could not verify token: sts getCallerIdentity failed/;
const EKS_TOKEN_VERIFY_EXAMPLE: Example = {
  text: 'could not verify token: sts getCallerIdentity failed: error from AWS (expected 200, got 403). Body: {"Error":{"Code":"SignatureDoesNotMatch","Message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.","Type":"Sender"},"RequestId":"1e370b71-d40f-4ac4-9c08-7e6a304ddd12"}',
  source: 'corpus holdout14/h14-aws-iamauth-verify-1 (kubernetes-sigs/aws-iam-authenticator)',
};

/** ex_aws over hackney sending Host and Content-Type twice (corpus holdout17). */
const DUPLICATE_HEADERS_EXAMPLE = {
  text: '{:error,\n {:http_error, 403,\n  %{body: "<InvalidSignatureException>\\n  <Message>The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\\n\\nThe Canonical String for this request should have been\\n\'POST\\n/\\n\\ncontent-type:application/x-www-form-urlencoded, application/x-www-form-urlencoded\\nhost:sqs.eu-west-1.amazonaws.com, sqs.eu-west-1.amazonaws.com\\nx-amz-date:20170226T175448Z\\n\\ncontent-type;host;x-amz-date\\nd2a8923425e57ac809140923e28f7a1ffcc6b14c7dcc4219e6a09e53614a65d9\'\\n\\nThe String-to-Sign should have been\\n\'AWS4-HMAC-SHA256\\n20170226T175448Z\\n20170226/eu-west-1/sqs/aws4_request\\n7386dd439f26f20ce952c119ca699a81a3e5e7f3ca0b331cd2d40f5c21732dbe\'\\n</Message>\\n</InvalidSignatureException>\\n",\n    headers: [{"Server", "Server"}, {"Date", "Sun, 26 Feb 2017 17:54:48 GMT"},\n     {"Content-Type", "null"},',
  source: 'corpus holdout17/h17-aws-exaws-invalidsig-1 (ex-aws/ex_aws#366)',
};

export const signatureMismatch: CatalogEntry = {
  id: 'aws.signature_mismatch',
  platform: 'aws',
  title: 'The secret key does not match the access key',
  summary:
    'AWS knows the access key id, but the request was signed with a different secret: a wrong, truncated or padded secret, or a key id and secret from two different key pairs.',
  variants: [
    {
      // Not AWS: its keys, its region and its signing settings are the server's own.
      when: 's3.compatible',
      title:
        'An S3-compatible server, not AWS, refused the signature: its key, region or signing settings differ',
      summary:
        'The server is S3-compatible, not AWS: the secret must be the one that server issued for this key, and the client must sign as it expects — the region the server is configured with (often us-east-1), its signature version, path-style addressing. AWS IAM knows nothing of these keys.',
      example: {
        text: '~ $ restic -r s3:http://192.168.1.193:9000/testnew init\nFatal: create repository at s3:http://192.168.1.193:9000/testnew failed: client.BucketExists: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        source: 'corpus holdout16/h16-aws-restic-minio-sig-1 (restic/restic#2734)',
      },
    },
    {
      when: EKS_TOKEN_VERIFY,
      title:
        'The cluster could not verify the EKS token: its presigned STS call has a bad signature',
      summary:
        'aws-iam-authenticator checks an EKS token by making the sts:GetCallerIdentity call presigned inside it, and STS refused that signature: the token was signed with a wrong secret, or built differently than `aws eks get-token` builds it.',
      example: EKS_TOKEN_VERIFY_EXAMPLE,
    },
    {
      when: S3_WRITE,
      title:
        'S3 refused the upload’s signature: a wrong secret, or headers signed differently than sent',
      summary:
        'S3 computed another signature for this upload than the client sent. A wrong or padded secret does that to every call; an upload can also fail alone, when its headers or user metadata were signed differently than they were sent.',
      example: S3_WRITE_BOTO,
    },
  ],
  codes: ['SignatureDoesNotMatch', 'InvalidSignatureException'],
  signatures: [
    {
      id: 'code',
      pattern: /\bSignatureDoesNotMatch\b/,
      tier: 'strong',
      examples: [
        {
          text: 'An error occurred (SignatureDoesNotMatch) when calling the ListBuckets operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          source: 'corpus dev/pg-cli-sigmismatch-s3-80',
        },
      ],
      counterexamples: [
        {
          text: '* aws_cloudformation_stack.waf_security_automations: SignatureDoesNotMatch: Signature expired: 20161024T215820Z is now earlier than 20161024T215917Z (20161024T220417Z - 5 min.)\n    status code: 403, request id: cec1f295-9a35-11e6-80c5-cf6fcfc9763b',
          source: 'corpus dev/gh-terraform-9571-1',
        },
        {
          text: 'api error InvalidClientTokenId: The security token included in the request is invalid.',
          source: 'corpus dev/gh-azpipetf-453-1',
        },
      ],
    },
    {
      id: 'message',
      pattern: /request signature we calculated does not match the signature you provided/,
      tier: 'strong',
      examples: [
        {
          text: 'ServerlessError: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
          source: 'corpus holdout2/h2-chromeless39-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'wrong-secret',
      title: 'The secret access key is wrong or belongs to another key pair',
      explanation:
        'The key id and secret must come from the same key pair. After a rotation it is easy to update one and not the other.',
      prior: 0.5,
    },
    {
      id: 'whitespace',
      title:
        'The secret has a stray character: a space, newline, quote or a `\\r` from a Windows file',
      explanation:
        'Secrets copied from a console, a CSV or a CI variable often pick up trailing whitespace or quotes that become part of the signature.',
      prior: 0.3,
      boosts: [
        {
          when: 'ci',
          by: 0.1,
          evidence: 'This ran in CI, where secrets are pasted into variable settings.',
        },
      ],
    },
    {
      id: 'mixed-sources',
      title: 'Key id and secret come from two different sources (environment vs profile)',
      explanation:
        'AWS_ACCESS_KEY_ID set in the environment with AWS_SECRET_ACCESS_KEY coming from elsewhere (or the other way round) mixes two key pairs.',
      prior: 0.15,
    },
    {
      id: 'upload-headers',
      title:
        'The upload’s own headers were signed differently than sent: user metadata with repeated, leading or trailing spaces or non-ASCII, a header added after signing, a proxy',
      explanation:
        'An upload signs its headers too. S3 trims and collapses the spaces of a header value before it checks the signature, and some SDK releases signed the raw value (botocore#1169, aws-sdk-rust#248); a Content-MD5 or Content-Type set after the SDK signed, or a proxy that rewrites headers, breaks it the same way. The key is fine when other calls with it work.',
      prior: 0.02,
      boosts: [
        {
          when: S3_WRITE,
          by: 0.6,
          evidence: 'The refused call is an S3 upload, which signs its headers and metadata too.',
        },
      ],
      examples: S3_WRITE_PASTES,
    },
    {
      id: 'eks-token-presign',
      title:
        'The EKS token was not presigned the way the cluster checks it (a hand-built token: its x-k8s-aws-id header, STS host or region)',
      explanation:
        'aws-iam-authenticator verifies a token by calling the presigned sts:GetCallerIdentity URL inside it. A token built by your own code must presign that call with the `x-k8s-aws-id: <cluster name>` header for the STS endpoint and region the authenticator accepts; `aws eks get-token` builds one correctly from the same credentials.',
      prior: 0,
      boosts: [
        {
          when: EKS_TOKEN_VERIFY,
          by: 0.7,
          evidence:
            'aws-iam-authenticator could not verify the token’s presigned GetCallerIdentity.',
        },
      ],
      examples: [EKS_TOKEN_VERIFY_EXAMPLE],
    },
    {
      id: 'duplicate-headers',
      title:
        'The client sent some headers twice (the canonical request AWS shows repeats their values): a library or HTTP client bug, not the key',
      explanation:
        'AWS joins repeated headers with commas before it checks the signature, so `host:x, x` in the canonical string it printed means the request carried Host twice while the client signed it once. The usual source is an HTTP client option or library version that adds its own copy of Host or Content-Type; upgrade the library or drop the duplicate from its configuration.',
      prior: 0,
      boosts: [
        {
          when: 'signature.duplicate_headers',
          by: 1,
          evidence: 'AWS’s canonical request holds ⟨duplicated_headers⟩ twice.',
        },
      ],
      examples: [DUPLICATE_HEADERS_EXAMPLE],
    },
    {
      id: 'library-signing',
      title:
        'The client library signs this request wrongly (a bug, or a path or query it encodes differently from AWS): the same keys may work with the AWS CLI',
      explanation:
        'Third-party SDKs and older library releases each implement Signature Version 4 themselves; a bug in canonicalising the path, query or headers fails every request of one kind while the keys are fine. Run the same call with the AWS CLI and the same keys: if it works, upgrade or report the library.',
      prior: 0.02,
      boosts: [
        {
          when: 'tool.app',
          by: 0.2,
          evidence: 'An application’s own AWS library made the call, not the AWS CLI.',
        },
      ],
    },
    {
      id: 'clock-or-proxy',
      title: 'Less often: a proxy that rewrites requests, or a badly skewed clock',
      explanation:
        'Anything that changes the signed request in transit, or a clock far off, also breaks the signature.',
      prior: 0.05,
    },
    BACKEND_CAUSE,
  ],
  steps: [
    {
      id: 'duplicate-headers',
      title:
        'AWS received ⟨duplicated_headers⟩ twice: find what adds the second copy, not a new key',
      detail:
        'The canonical request in the error is what AWS computed from the request it received; the same header twice, comma-joined, is what the client sent. Turn on the library’s request logging to see both copies, then upgrade the library or remove the extra header from the HTTP client’s options (ex_aws with hackney, a proxy or middleware that sets Host).',
      commands: [],
      when: 'signature.duplicate_headers',
      examples: [DUPLICATE_HEADERS_EXAMPLE],
    },
    {
      id: 'signed-read',
      title:
        'Try a signed read of the same bucket with the same credentials: if it works, the key is fine and the upload’s headers are what differ',
      detail:
        'Then look at what the upload sends beside the body: user metadata (x-amz-meta-*) with repeated, leading or trailing spaces or non-ASCII characters, a Content-MD5 or Content-Type set after signing, and the SDK version (upgrade it). A debug log of the client shows the canonical request it signed.',
      commands: ['aws s3 ls s3://⟨bucket⟩⟦ --profile ⟨profile⟩⟧'],
      when: S3_WRITE,
      examples: S3_WRITE_PASTES,
    },
    {
      id: 'eks-token-compare',
      title:
        'Compare with a token the AWS CLI makes from the same credentials: if kubectl accepts that one, the hand-built token is at fault',
      commands: ['aws eks get-token --cluster-name ⟨cluster⟩⟦ --profile ⟨profile⟩⟧'],
      when: EKS_TOKEN_VERIFY,
      examples: [EKS_TOKEN_VERIFY_EXAMPLE],
    },
    CONFIGURE_LIST,
    {
      id: 'check-secret-shape',
      title:
        'Check the secret has exactly 40 characters, with no spaces or quotes (prints only the length)',
      commands: [
        'printf %s "$AWS_SECRET_ACCESS_KEY" | wc -c',
        'aws configure get aws_secret_access_key⟦ --profile ⟨profile⟩⟧ | tr -d "\\n" | wc -c',
      ],
    },
    WHOAMI,
    {
      id: 'new-key',
      title: 'If in doubt, create a new key pair and store both halves together',
      commands: ['aws configure⟦ --profile ⟨profile⟩⟧'],
      sources: ['env', 'profile', 'unknown'],
    },
    BACKEND_CREDENTIALS,
    RERUN,
  ],
  docs: [AWS_DOCS.sigv4Troubleshooting, AWS_DOCS.accessKeys, AWS_DOCS.providerAuth],
};
