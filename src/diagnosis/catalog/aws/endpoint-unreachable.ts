import type { Example, CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

/** The TLS handshake with the endpoint failed on its certificate. */
const TLS_REFUSED =
  /x509: certificate|tls: failed to verify certificate|SSL validation failed|CERTIFICATE_VERIFY_FAILED/;

/**
 * A connection to an IP address: the endpoint's name already resolved, so DNS is not what failed
 * (`dial tcp 52.46.134.192:443`, `read tcp 10.0.0.5:48714->67.220.245.46:80`; a reporter may mask
 * the octets as `x`).
 */
// …or the Java SDK's `Connect to <host>:443 [<host>/<ip>] failed` (Apache HttpClient).
const RESOLVED =
  /(?:dial|read|write) tcp (?:[\d.]{7,15}:\d{1,5}->)?(?:\d{1,3}|x{1,3})(?:\.(?:\d{1,3}|x{1,3})){3,4}:\d{1,5}|\[[a-z0-9.-]{1,200}\/\d{1,3}(?:\.\d{1,3}){3}\] failed/;
/** The AWS SDK for Java (v1 `com.amazonaws`, v2 `software.amazon.awssdk`) could not make the request. */
const JAVA_SDK_REQUEST =
  /com\.amazonaws\.(?:SdkClientException|AmazonClientException): Unable to execute HTTP request|software\.amazon\.awssdk\.core\.exception\.SdkClientException: Unable to execute HTTP request/;
/** The SDK spoke plain HTTP to AWS (DisableSSL, an `http://` endpoint). */
const PLAIN_HTTP = /(?:Post|Get|Put) "?http:\/\/[\w.-]{1,100}\.amazonaws\.com/;
/** Windows could not open a local socket for the connection. */
const LOCAL_BIND = /tcp [^\s:]{1,60}:\d{1,5}: bind: /;
const S3PROXY_HTTP_RESET =
  'WebIdentityErr: failed to retrieve credentials caused by: RequestError: send request failed caused by: Post "http://sts.us-east-1.amazonaws.com/": read tcp 100.64.15.129:48714->67.220.245.46:80: read: connection reset by peer';
const S3PROXY_HTTP_RESET_EXAMPLE: Example = {
  text: S3PROXY_HTTP_RESET,
  source: 'corpus holdout12/h12-aws-s3proxy-sts-http-reset-1 (oxyno-zeta/s3-proxy#390), shortened',
};

// A network failure only belongs here when it happened while fetching or checking
// credentials; elsewhere it is not tfauth's business.
// What says the failing call was the credential check, or the provider's own start-up calls
// (provider v2's configure calls ec2:DescribeAccountAttributes for its EC2 platforms, and fails
// there when AWS is unreachable and credential validation is skipped).
const CREDENTIAL_CONTEXT =
  /sts|STS|credential|[Aa]ssume|SSO|sso|caller identity|account details|oidc|ec2\/DescribeAccountAttributes/;

/** A Windows socket that could not be bound on the way to STS (corpus holdout12/h12-aws-sts-bind-socket-1). */
const BIND_FAILED_PASTE =
  'Post https://sts.amazonaws.com/: dial tcp x.x.x.x.129:443: bind: An operation on a socket could not be performed';
const BIND_FAILED_EXAMPLE: Example = {
  text: BIND_FAILED_PASTE,
  source: 'corpus holdout12/h12-aws-sts-bind-socket-1 (hashicorp/terraform-provider-aws#15676)',
};
/** CPython's resolver errors (socket.gaierror), as botocore and requests print them. */
const PYTHON_RESOLVER =
  /gaierror\(-[235], '(?:Name or service not known|Temporary failure in name resolution|No address associated with hostname)'\)|\[Errno (?:-[235]|8|11001)\] (?:Name or service not known|Temporary failure in name resolution|nodename nor servname provided, or not known|getaddrinfo failed)/;
const PYTHON_RESOLVER_EXAMPLE: Example = {
  text: "aws ec2 describe-regions\n('Connection aborted.', gaierror(-2, 'Name or service not known'))",
  source: 'corpus holdout16/h16-aws-awscli-badregion-dns-1 (aws/aws-cli#1194)',
};

export const endpointUnreachable: CatalogEntry = {
  id: 'aws.endpoint_unreachable',
  platform: 'aws',
  title: 'Terraform could not reach AWS to check the credentials',
  summary:
    'This is a network problem, not a credentials one: the call to STS (or SSO) never got an answer because of DNS, a proxy, TLS interception, a firewall or a wrong custom endpoint.',
  codes: ['RequestError', 'StatusCode: 0'],
  signatures: [
    {
      // A tool's own report that its call to AWS timed out (Adobe aio-tvm: `aws call timed out
      // after 20000, are credentials set?`): the call never got an answer.
      id: 'aws-call-timeout',
      pattern: /\b(?:aws|AWS|STS|sts) (?:API )?(?:call|request) timed out after \d{1,7}\b/,
      requires: CREDENTIAL_CONTEXT,
      tier: 'likely',
      examples: [
        {
          text: '2021-06-07T10:25:43.454Z [@adobe/aio-tvm] error: aws call timed out after 20000, are credentials set?',
          source: 'corpus holdout16/h16-aws-aio-tvm-timeout-1 (adobe/aio-tvm#43)',
        },
      ],
      counterexamples: [
        {
          text: 'warning: aws call timed out after 3000 (retrying)',
          source: 'invented: a timeout with nothing about credentials (not tfauth’s business)',
        },
      ],
    },
    {
      // The AWS Common Runtime's socket, DNS and TLS errors (aws-c-io source/io.c), while a
      // credential provider or STS was being reached.
      id: 'crt-network',
      pattern:
        /AWS_IO_(?:TLS_NEGOTIATION_TIMEOUT|SOCKET_TIMEOUT|SOCKET_CONNECTION_REFUSED|SOCKET_NO_ROUTE_TO_HOST|DNS_QUERY_FAILED|DNS_INVALID_NAME|DNS_NO_ADDRESS_FOR_HOST|DNS_QUERY_AGAIN)\b/,
      requires: CREDENTIAL_CONTEXT,
      tier: 'likely',
      examples: [
        {
          text: '[ERROR] 2022-03-11 13:34:11.117 AuthCredentialsProvider [140518474917760] static: Profile credentials parser could not load or parse a credentials or config file.\n[ERROR] 2022-03-11 13:34:21.164 http-connection [140518184900352] static: Client connection failed with error 1067 (AWS_IO_TLS_NEGOTIATION_TIMEOUT).',
          source: 'corpus holdout16/h16-aws-aws-c-auth-tls-1 (awslabs/aws-c-auth#169), shortened',
        },
        {
          text: '[ERROR] AuthCredentialsProvider: STS web identity provider failed: AWS_IO_DNS_INVALID_NAME: Host name was invalid for dns resolution.',
          source:
            'upstream awslabs/aws-c-io@78ad967:source/io.c (the error’s name and message; the log line around it is invented)',
        },
      ],
      counterexamples: [
        {
          text: '[ERROR] http-connection: Client connection failed with error 1048 (AWS_IO_SOCKET_TIMEOUT) uploading part 12 to my-bucket',
          source: 'invented: a data transfer that timed out, nothing about credentials',
        },
      ],
    },
    {
      // Python's resolver words (socket.gaierror, as botocore's vendored requests printed them in
      // the CLI v1: `('Connection aborted.', gaierror(-2, 'Name or service not known'))`) under an
      // `aws` CLI command: the CLI's first call never reached AWS.
      id: 'python-resolver',
      pattern: PYTHON_RESOLVER,
      requires: /(?:^|\$ |> )aws [a-z0-9-]{2,40} [a-z0-9-]{2,60}\b|amazonaws\.com|botocore|boto3/m,
      tier: 'likely',
      examples: [
        PYTHON_RESOLVER_EXAMPLE,
        {
          text: 'botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://sts.eu-west-1.amazonaws.com/"\nsocket.gaierror: [Errno -3] Temporary failure in name resolution',
          source:
            'invented: botocore’s EndpointConnectionError (boto/botocore botocore/exceptions.py) over CPython’s resolver error',
        },
      ],
      counterexamples: [
        {
          text: "requests.exceptions.ConnectionError: ('Connection aborted.', gaierror(-2, 'Name or service not known'))",
          source:
            'invented: the same resolver error from an unrelated Python client, no AWS in sight',
        },
      ],
    },
    {
      // The other SDKs' words for a credential call that never reached AWS: JS v2 `UnknownEndpoint:
      // Inaccessible host`, Ruby `unable to connect to <host>`, C++ `Unable to connect to endpoint`.
      id: 'other-sdks',
      pattern:
        /UnknownEndpoint: Inaccessible host|unable to connect to [a-z0-9.-]{1,200}\.amazonaws\.com|Unable to connect to endpoint/,
      requires: CREDENTIAL_CONTEXT,
      tier: 'likely',
      examples: [
        {
          text: "`2022-06-09 14:45:42 [ERROR]: Error getting AccountId: [UnknownEndpoint: Inaccessible host: `sts.eu-west-1.amazonaws.com' at port `undefined'. This service may not be available in the `eu-west-1' region.`",
          source: 'corpus holdout8/h8-awstoolkitvsc-2689-1 (aws/aws-toolkit-vscode#2689)',
        },
        {
          text: 'Seahorse::Client::Http::Error: unable to connect to sts.us-gov.amazonaws.com; SocketError: getaddrinfo: nodename nor servname provided, or not known',
          source: 'corpus holdout8/h8-awssdkcoreruby-167-1 (amazon-archives/aws-sdk-core-ruby#167)',
        },
        {
          text: './debug-rp6bbc-20191016021500.log:[error 19/10/16 03:04:30.732243 ads_aws::Ads_AWS_Common::assume_role ] sts_client.AssumeRole Failed. STS Error Type: [99], Message: [\nUnable to connect to endpoint with address : 54.239.16.72], Role Arn: [arn:aws:iam::849725503339:role/role-dev-ui-dynamodb], Session: [AR_Session_1754429737], External\n: [AR_External_2079540298]',
          source: 'corpus holdout8/h8-awssdkcpp-1256-1 (aws/aws-sdk-cpp#1256)',
        },
      ],
    },
    {
      // The Java SDK v1 wraps the HTTP client's failure as `Unable to execute HTTP request: <its
      // message>` (Apache HttpClient: `Connect to <host>:<port> [<host>/<ip>] failed: connect timed
      // out`; a failed lookup: the bare host name), and .NET's HttpClient ends its socket error
      // with the endpoint in brackets (`Connection timed out (sts.us-east-1.amazonaws.com:443)`).
      id: 'java-dotnet-connect',
      pattern:
        /Unable to execute HTTP request: (?:Connect to )?[a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?\b|(?:Connection timed out|Connection refused|No such host is known|Name or service not known|nodename nor servname provided, or not known|Unknown Host|Temporary failure in name resolution|No route to host)\.? \([a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?:\d{1,5}\)/,
      requires: CREDENTIAL_CONTEXT,
      tier: 'likely',
      examples: [
        {
          text: 'com.amazonaws.SdkClientException: Unable to execute HTTP request: Connect to sts.amazonaws.com:443 [sts.amazonaws.com/54.239.29.25] failed: connect timed out\n        at com.amazonaws.http.AmazonHttpClient$RequestExecutor.handleRetryableException(AmazonHttpClient.java:1163)',
          source: 'corpus holdout13/h13-aws-bastillion-1 (bastillion-io/Bastillion-EC2#71)',
        },
        {
          text: '2018-01-08 20:23:05,420 [NodeService-SourceLoader67] ERROR com.dtolabs.rundeck.core.common.ProjectNodeSupport - Failed loading resource model source #1 in project bmo-platform-test1, skipping: com.amazonaws.SdkClientException: Unable to execute HTTP request: Connect to sts.amazonaws.com:443 [sts.amazonaws.com/54.239.29.25] failed: connect timed out',
          source:
            'corpus holdout13/h13-aws-rundeck-1 (rundeck-plugins/rundeck-ec2-nodes-plugin#56)',
        },
        {
          text: 'Connection timed out (sts.us-east-1.amazonaws.com:443)',
          source: 'corpus holdout13/h13-aws-netsts-1 (aws/aws-sdk-net#3992)',
        },
        {
          text: 'System.Net.Http.HttpRequestException: nodename nor servname provided, or not known (sts.us-east-1.amazonaws.com:443)',
          source:
            'invented: the macOS resolver wording of corpus holdout14/h14-aws-spapi-csharp-dns-1 for a real region’s STS host',
        },
      ],
      counterexamples: [
        {
          text: 'com.amazonaws.SdkClientException: Unable to execute HTTP request: Connect to s3.eu-west-1.amazonaws.com:443 [s3.eu-west-1.amazonaws.com/52.218.1.1] failed: connect timed out',
          source:
            'invented: the same Java SDK wording for an S3 call, with nothing about credentials (a network failure that is not tfauth’s business)',
        },
      ],
    },
    {
      // Node's resolver error (`getaddrinfo ENOTFOUND <host>`: lib/internal/errors.js formats
      // `${syscall} ${code} ${hostname}`; EAI_AGAIN when the DNS server did not answer) and
      // Java's UnknownHostException, for a credential endpoint whose name is a real one.
      id: 'node-java-dns',
      pattern:
        /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) [a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?\b|UnknownHostException: [a-z0-9.-]{1,200}\.amazonaws\.com(?:\.cn)?\b/,
      requires: CREDENTIAL_CONTEXT,
      tier: 'likely',
      examples: [
        {
          text: 'Error: getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)',
          source:
            'invented: Node’s resolver error (nodejs/node lib/internal/errors.js, DNSException) with the trace frame of corpus holdout14/h14-aws-azurelogin-badregion-1, for a real region',
        },
      ],
      counterexamples: [
        {
          text: 'Error: getaddrinfo ENOTFOUND my-bucket.s3.eu-west-1.amazonaws.com',
          source: 'invented: a data call, not a credential one (not tfauth’s business)',
        },
      ],
    },
    {
      id: 'status-0',
      pattern: /StatusCode: 0, RequestID: ,? ?request send failed/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post "https://oidc.us-east-1.amazonaws.com/token": dial tcp: lookup oidc.us-east-1.amazonaws.com: no such host',
          source:
            'upstream aws/aws-sdk-go-v2@c213f66:credentials/ssocreds/sso_token_provider.go with aws/smithy-go@c589db5:transport/http/client.go (rendered with plausible values)',
        },
        {
          text: 'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.us-east-1.amazonaws.com/": dial tcp: lookup sts.us-east-1.amazonaws.com: no such host',
          source:
            'upstream hashicorp/terraform@v1.15.9:internal/backend/remote-state/s3/backend.go with aws/smithy-go@c589db5:errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.us-east-1.amazonaws.com/": dial tcp: lookup sts.us-east-1.amazonaws.com on [2405:da40:4309:dc00::1]:53: no such host',
          source: 'corpus dev/gh-tfaws-30959-1',
        },
      ],
      counterexamples: [
        {
          text: 'failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, failed to get API token, operation error ec2imds: getToken, http response error StatusCode: 400, request to EC2 IMDS failed',
          source:
            'upstream aws/aws-sdk-go-v2@05d6a8e:feature/ec2/imds/token_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'retries-exhausted',
      pattern:
        /operation error (?:STS|SSO|SSO OIDC): \w{2,64}, exceeded maximum number of attempts(?:, \d{1,3})?$/,
      tier: 'generic',
      examples: [
        {
          text: 'error configuring Terraform AWS Provider: error validating provider credentials: error calling sts:GetCallerIdentity: operation error STS: GetCallerIdentity, exceeded maximum number of attempts',
          source: 'corpus holdout/ho-tfaws-29297-1',
        },
      ],
    },
    {
      id: 'send-failed',
      pattern: /request send failed|send request failed|RequestError: send request failed/,
      tier: 'generic',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: '"error": "fetching instance types using ec2.DescribeInstanceTypes, WebIdentityErr: failed to retrieve credentials\ncaused by: RequestError: send request failed\ncaused by: Post \\"https://sts.eu-west-1.amazonaws.com/\\": dial tcp: i/o timeout"',
          source: 'corpus holdout7/h7-karpenter-1313-1 (aws/karpenter-provider-aws#1313)',
        },
        {
          text: 'Error: RequestError: send request failed caused by: Post "https://sts.amazonaws.com/": net/http: TLS handshake timeout',
          source: 'corpus holdout3/h3-tf28714-1',
        },
      ],
    },
    {
      id: 'dns',
      pattern:
        /dial tcp: lookup [^\s:]{1,200}(?: on [^\s]{1,80})?: (?:no such host|i\/o timeout|server misbehaving|read udp)/,
      tier: 'likely',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: 'Refreshing Terraform state in-memory prior to plan...\nThe refreshed state will be used to calculate this plan, but\nwill not be persisted to local or remote state storage.\n\nError refreshing state: 1 error(s) occurred:\n\n* RequestError: send request failed\ncaused by: Post https://sts.amazonaws.com/: dial tcp: lookup sts.amazonaws.com on 192.168.1.1:53: read udp 192.168.1.140:49703->192.168.1.1:53: i/o timeout',
          source: 'corpus dev/gh-terraform-10354-1',
        },
      ],
    },
    {
      id: 'connect',
      pattern:
        // Windows words it `connectex: …` (Winsock's message after Go's `dial tcp`), and a local
        // socket that cannot be bound (no free port, a filter driver) `bind: …`; a reporter may
        // mask the address's octets as `x`.
        /dial tcp [\dx.:[\]a-f]{3,60}: (?:i\/o timeout|connect: connection refused|connect: network is unreachable|connectex: |bind: )/,
      tier: 'likely',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: '2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: 2019/12/09 17:58:25 [DEBUG] [aws-sdk-go] DEBUG: Send Request ec2/DescribeAccountAttributes failed, attempt 10/25, error RequestError: send request failed\n\n2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: caused by: Post https://ec2.us-east-1.amazonaws.com/: dial tcp 54.239.29.8:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
          source: 'corpus holdout10/h10-tfaws-11212-1 (hashicorp/terraform-provider-aws#11212)',
        },
        BIND_FAILED_EXAMPLE,
        {
          text: '{"generation.metadata":0,"level":"error","msg":"error warming credentials: RequestError: send request failed\\ncaused by: Post https://sts.amazonaws.com/: dial tcp 52.46.134.192:443: i/o timeout","pod.iam.role":"arn:aws:iam::accountid:role/someiamrole","pod.name":"test-container-ccb484f6c-t82zz","pod.namespace":"kube-system","pod.status.ip":"","pod.status.phase":"Pending","resource.version":"5952","time":"2018-10-23T18:47:00Z"}',
          source: 'corpus holdout2/h2-kiam165-1',
        },
      ],
    },
    {
      id: 'tls',
      pattern:
        /x509: certificate signed by unknown authority|tls: failed to verify certificate|certificate is not valid for|SSL validation failed for https?:\/\//,
      tier: 'likely',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: 'SSL validation failed for https://sts.us-east-1.amazonaws.com/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1006)',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (SSLError) (rendered with plausible values)',
        },
        {
          text: 'C:\\Users\\Me>aws-vault exec myprofile -- aws iam list-users --debug\nEnter token for arn:aws:iam::xxxxxxxxxxxx:mfa/my-user: 275837\naws-vault: error: exec: Failed to get credentials for myprofile : RequestError: send request failed\ncaused by: Post "https://sts.amazonaws.com/": x509: certificate signed by unknown authority',
          source: 'corpus holdout2/h2-awsvault696-1',
        },
      ],
    },
    // aws-sdk-go v1's RequestError ("send request failed", corehandlers) around a TLS failure
    // on an AWS endpoint: the same interception (a corporate proxy, a missing CA bundle)
    // that stops the credential check, met on the first call that reached it.
    {
      id: 'tls-aws-endpoint',
      pattern:
        /send request failed caused by: (?:Post|Get) "?https:\/\/[\w.-]{1,100}\.amazonaws\.com(?:\.cn)?\/?"?: x509: certificate/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: Error reading IAM policy arn:aws:iam::xxxxxxxxxx:policy/eprouestError: send request failed\ncaused by: Post "https://iam.amazonaws.com/": x509: certificate signed',
          source: 'corpus holdout11/h11-aws-tf-27278-1 (hashicorp/terraform#27278)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Failed to query available provider packages: could not connect to registry.terraform.io: Failed to request discovery document: Get "https://registry.terraform.io/.well-known/terraform.json": x509: certificate signed by unknown authority',
          source:
            'invented: the same TLS failure against the Terraform registry, not AWS (a download problem, not credentials)',
        },
      ],
    },
    // smithy-go CanceledError / aws retry QuotaExceededError: the call timed out or the
    // retry budget ran out on failing sends.
    {
      id: 'deadline',
      pattern:
        /operation error (?:STS|SSO|SSO OIDC): \w{2,64}, (?:https response error StatusCode: 0, RequestID: , )?(?:request )?canceled, context deadline exceeded|RequestCanceled: request context canceled/,
      tier: 'generic',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: 'Error: error configuring S3 Backend: error validating provider credentials: error calling sts:GetCallerIdentity: RequestCanceled: request context canceled\ncaused by: context deadline exceeded',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/corehandlers/handlers.go (request context canceled) inside hashicorp/aws-sdk-go-base@v1.1.0:awsauth.go (rendered with plausible values)',
        },
        {
          text: 'Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded',
          source: 'upstream aws/smithy-go@c589db5:errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'retry-quota',
      pattern: /failed to get rate limit token, retry quota exceeded/,
      tier: 'generic',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: 'Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, failed to get rate limit token, retry quota exceeded, 0 available, 5 requested',
          source:
            'upstream aws/aws-sdk-go-v2@562420442:aws/retry/retry_quota.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'proxy',
      pattern: /proxyconnect tcp/,
      // Like its siblings: a proxy failure is ours only when the block is about AWS credentials
      // (registry.terraform.io behind the same proxy fails the same way).
      requires: CREDENTIAL_CONTEXT,
      tier: 'likely',
      // The refused connection is the proxy's (its examples print both): the proxy is what to fix.
      beats: ['aws.endpoint_unreachable/connect'],
      examples: [
        {
          text: 'Error: error configuring S3 Backend: error validating provider credentials: error calling sts:GetCallerIdentity: RequestError: send request failed\ncaused by: Post "https://sts.amazonaws.com/": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/corehandlers/handlers.go ("send request failed") with the Go net/http proxy dial error (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'cli',
      pattern:
        /Could not connect to the endpoint URL|EndpointConnectionError|ConnectTimeoutError|(?:Connect|Read) timeout on endpoint URL/,
      tier: 'likely',
      requires: CREDENTIAL_CONTEXT,
      examples: [
        {
          text: 'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "https://sts.amazonaws.com/"',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (ConnectTimeoutError) (rendered with plausible values)',
        },
        {
          text: 'aws sts get-caller-identity\n\nCould not connect to the endpoint URL: "https://sts.eu-central-1.amazonaws.com/"',
          source:
            'upstream boto/botocore@1.43.67:botocore/exceptions.py (EndpointConnectionError) (rendered with plausible values)',
        },
      ],
      counterexamples: [
        {
          text: 'Unable to locate credentials. You can configure credentials by running "aws configure".',
          source: 'corpus holdout/ho-awscli-4684-1',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'tls-interception',
      title:
        'TLS to AWS failed: a proxy or security tool re-signs the connection with a CA the client does not trust',
      explanation:
        'DNS and the connection worked: the certificate presented was not one the client trusts (or was cut short). Corporate proxies and endpoint security re-sign HTTPS with their own CA; give the SDK that CA (AWS_CA_BUNDLE, or `ca_bundle` in the profile) or exempt AWS endpoints from interception.',
      prior: 0,
      boosts: [
        {
          when: TLS_REFUSED,
          by: 1,
          evidence: 'The TLS handshake with the AWS endpoint failed on its certificate.',
        },
      ],
      examples: [
        {
          text: 'Error: Error reading IAM policy arn:aws:iam::xxxxxxxxxx:policy/eprouestError: send request failed\ncaused by: Post "https://iam.amazonaws.com/": x509: certificate signed',
          source: 'corpus holdout11/h11-aws-tf-27278-1 (hashicorp/terraform#27278)',
        },
      ],
    },
    {
      id: 'unknown-region',
      title: 'The region ⟨region⟩ is not an AWS region, so its endpoint does not exist',
      explanation:
        'A typo in a variable, tfvars file, AWS_REGION or the profile (`eu-central-12` for `eu-central-1`) makes the SDK build a host name nobody serves: DNS cannot resolve it and nothing is wrong with the network.',
      prior: 0,
      boosts: [
        {
          when: 'region.unknown',
          by: 0.9,
          evidence: '⟨region⟩ is not in the AWS SDK’s list of regions.',
        },
      ],
      examples: [
        {
          text: '│ Error: configuring Terraform AWS Provider: error validating provider credentials: error calling sts:GetCallerIdentity: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 9, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.eu-central-12.amazonaws.com/": dial tcp: lookup sts.eu-central-12.amazonaws.com: no such host',
          source: 'corpus holdout4/h4-tfaws-28889-1 (hashicorp/terraform-provider-aws#28889)',
        },
      ],
    },
    {
      id: 'plain-http',
      title: 'The SDK talks plain HTTP to AWS, and the network drops or resets it',
      explanation:
        'The request went to `http://…` on port 80: the client was set to skip TLS (DisableSSL, `disable_ssl`, an `http://` endpoint in its settings). Proxies and firewalls commonly reset or block plain-HTTP traffic to AWS; use HTTPS.',
      prior: 0,
      boosts: [
        { when: PLAIN_HTTP, by: 0.7, evidence: 'The request went to an http:// AWS endpoint.' },
      ],
      examples: [S3PROXY_HTTP_RESET_EXAMPLE],
    },
    {
      id: 'local-sockets',
      title: 'This machine could not open a local socket for the connection',
      explanation:
        'The connection failed before leaving the machine (`bind:` on Windows): its ephemeral ports or socket buffers were used up — many parallel connections (Terraform’s -parallelism, other programs), or a security product’s network filter. Closing programs or a restart frees them; a lower -parallelism uses fewer.',
      prior: 0,
      boosts: [{ when: LOCAL_BIND, by: 0.8, evidence: 'The local socket could not be bound.' }],
      examples: [BIND_FAILED_EXAMPLE],
    },
    {
      id: 'dns',
      title: 'DNS cannot resolve the AWS endpoint',
      explanation:
        'A broken resolver, a VPN split-DNS setup, or an IPv6-only resolver that returns nothing for the STS name.',
      prior: 0.35,
      boosts: [
        {
          when: /lookup .{1,200}(?:no such host|read udp|server misbehaving)|AWS_IO_DNS_(?:QUERY_FAILED|INVALID_NAME|NO_ADDRESS_FOR_HOST|QUERY_AGAIN)|gaierror\(|Name or service not known|Temporary failure in name resolution/,
          by: 0.35,
          evidence: 'The DNS lookup of ⟨endpoint⟩ failed.',
        },
        {
          when: 'region.unknown',
          by: -0.5,
          evidence: 'The host is made of a region that is not one.',
        },
        {
          // `dial tcp <IP>:443` means the name already resolved: DNS is not what failed.
          when: RESOLVED,
          by: -0.3,
          evidence: 'The endpoint name already resolved to an IP address.',
        },
        {
          // A TLS handshake that timed out, or a socket refused, had an address to connect to.
          when: /TLS handshake timeout|AWS_IO_TLS_NEGOTIATION_TIMEOUT|AWS_IO_SOCKET_(?:TIMEOUT|CONNECTION_REFUSED|NO_ROUTE_TO_HOST)/,
          by: -0.3,
          evidence: 'A connection was attempted, so the name had resolved.',
        },
      ],
    },
    {
      id: 'proxy-firewall',
      title: 'A proxy or firewall blocks or intercepts the connection',
      explanation:
        'Corporate networks require HTTPS_PROXY (and NO_PROXY for the metadata address); TLS-inspecting proxies need their CA in AWS_CA_BUNDLE.',
      prior: 0.3,
      boosts: [
        {
          when: /proxyconnect|x509|certificate|i\/o timeout|connection refused|connectex|failed to respond|[Cc]onnect(?:ion)? timed out|(?:call|request) timed out after|TLS handshake timeout|AWS_IO_TLS_NEGOTIATION_TIMEOUT|AWS_IO_SOCKET_(?:TIMEOUT|CONNECTION_REFUSED|NO_ROUTE_TO_HOST)/,
          by: 0.3,
          evidence: 'The connection itself timed out, was refused or failed TLS checks.',
        },
        {
          when: RESOLVED,
          by: 0.1,
          evidence: 'The name resolved to an IP address, but the connection to it failed.',
        },
        {
          when: 'region.unknown',
          by: -0.2,
          evidence: 'The host is made of a region that is not one.',
        },
      ],
      examples: [
        {
          text: '2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: 2019/12/09 17:58:25 [DEBUG] [aws-sdk-go] DEBUG: Send Request ec2/DescribeAccountAttributes failed, attempt 10/25, error RequestError: send request failed\n\n2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: caused by: Post https://ec2.us-east-1.amazonaws.com/: dial tcp 54.239.29.8:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
          source: 'corpus holdout10/h10-tfaws-11212-1 (hashicorp/terraform-provider-aws#11212)',
        },
      ],
    },
    {
      id: 'custom-endpoint',
      title: 'A custom endpoint points to the wrong place',
      explanation:
        'An `endpoints { sts = … }` block, AWS_ENDPOINT_URL(_STS) or a LocalStack setting left over sends the call somewhere that does not answer.',
      prior: 0.15,
      boosts: [
        {
          when: /localhost|127\.0\.0\.1|localstack|:4566/,
          by: 0.4,
          evidence: 'The call went to a local endpoint.',
        },
      ],
    },
    {
      id: 'regional-sts',
      title:
        'The regional STS endpoint is unreachable from this network (VPC endpoints, private DNS)',
      explanation:
        'In a VPC without internet access STS needs an interface endpoint with private DNS enabled. Newer SDK releases call the regional STS endpoint by default instead of the global sts.amazonaws.com: a firewall or proxy that allows only the global name blocks them while the same machine still reaches sts.amazonaws.com.',
      prior: 0.1,
      boosts: [
        {
          // corpus holdout13/h13-aws-netsts-1: the .NET SDK timing out on sts.us-east-1 only.
          when: /\bsts\.[a-z]{2}(?:-gov)?-[a-z]{4,9}-\d\.amazonaws\.com/,
          by: 0.2,
          evidence: 'The call went to a regional STS endpoint (⟨endpoint⟩).',
        },
      ],
    },
  ],
  steps: [
    {
      // The host is not in the paste: the CLI builds it from the service and the region, and a
      // mistyped region (an availability zone, `us-west-2a`) makes one no resolver knows.
      id: 'cli-endpoint-region',
      title:
        'See which region the CLI builds its endpoint from: a mistyped one (an availability zone such as us-west-2a) makes a host that does not exist',
      detail:
        'The host is the service and the region (`ec2.<region>.amazonaws.com`). The commands print the region the CLI reads from the profile and the environment; `--debug` shows the URL it tries.',
      commands: [
        'aws configure get region⟦ --profile ⟨profile⟩⟧',
        'printenv AWS_REGION AWS_DEFAULT_REGION',
      ],
      when: PYTHON_RESOLVER,
      examples: [PYTHON_RESOLVER_EXAMPLE],
    },
    {
      id: 'plain-http',
      title: 'Find the setting that makes the client use http:// and turn TLS back on',
      detail:
        'Look for DisableSSL / `disable_ssl` / `disableSSL`, or an `http://` endpoint (AWS_ENDPOINT_URL*, an `endpoints` block, the tool’s own config) in what starts the client. AWS endpoints answer HTTPS; a network that resets plain HTTP to them is doing its job.',
      commands: [
        'env | grep -E "^AWS_ENDPOINT_URL" | cut -d= -f1',
        'grep -rnIiE "disable_?ssl|http://[a-z0-9.-]*amazonaws\\.com" --exclude-dir=.git .',
      ],
      when: PLAIN_HTTP,
      examples: [S3PROXY_HTTP_RESET_EXAMPLE],
    },
    {
      id: 'local-sockets',
      title: 'In PowerShell: see how many connections hold local ports, by state',
      detail:
        'Thousands in TIME_WAIT or ESTABLISHED mean the ephemeral ports are used up: close what holds them (or restart), and run Terraform with a lower `-parallelism`.',
      commands: ['Get-NetTCPConnection | Group-Object -Property State -NoElement'],
      when: LOCAL_BIND,
      shell: 'powershell',
      examples: [BIND_FAILED_EXAMPLE],
    },
    {
      id: 'ca-bundle',
      title:
        'Give the SDK the CA that signs the intercepted connection (AWS_CA_BUNDLE), or exempt AWS from the proxy',
      detail:
        'The first command shows the certificate chain the machine actually receives for the endpoint (an issuer of your proxy or security product, not Amazon, confirms interception); export that CA as PEM and point AWS_CA_BUNDLE (or `ca_bundle` in the profile) at it.',
      commands: [
        'openssl s_client -connect ⟨endpoint⟩:443 -servername ⟨endpoint⟩ -showcerts </dev/null | grep -E "^ *(s|i):"',
        'env | grep -E "^(AWS_CA_BUNDLE|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy)=" | cut -d= -f1',
      ],
      when: TLS_REFUSED,
      examples: [
        {
          text: 'Error: Error reading IAM policy arn:aws:iam::xxxxxxxxxx:policy/eprouestError: send request failed\ncaused by: Post "https://iam.amazonaws.com/": x509: certificate signed',
          source: 'corpus holdout11/h11-aws-tf-27278-1 (hashicorp/terraform#27278)',
        },
      ],
    },
    {
      // aws/aws-sdk-java#524 and #596 (2016: v1 reads the JVM's https.proxyHost/Port when the
      // app's ClientConfiguration sets none), #1959/#1967 (2019: and then HTTPS_PROXY).
      id: 'java-proxy',
      title:
        'A JVM takes its proxy from its own settings: check -Dhttps.proxyHost / -Dhttps.proxyPort',
      detail:
        'The AWS SDK for Java uses the proxy of the client’s own configuration, else the JVM’s `https.proxyHost`/`https.proxyPort` system properties; older v1 releases (before 2019) ignore HTTPS_PROXY altogether, and a plugin that builds its own STS client (to assume a role) may not pass the proxy on. The first command lists the proxy properties the running JVMs were started with, the second the proxy variables of this shell (names only).',
      commands: [
        'ps -o args= -C java | tr " " "\\n" | grep -E "^-Dhttps?\\.(proxyHost|proxyPort|nonProxyHosts)="',
        'env | grep -iE "^(https?|no)_proxy=" | cut -d= -f1',
      ],
      when: JAVA_SDK_REQUEST,
      examples: [
        {
          text: 'com.amazonaws.SdkClientException: Unable to execute HTTP request: Connect to sts.amazonaws.com:443 [sts.amazonaws.com/54.239.29.25] failed: connect timed out',
          source: 'corpus holdout13/h13-aws-bastillion-1 (bastillion-io/Bastillion-EC2#71)',
        },
      ],
    },
    {
      id: 'connect-powershell',
      title: 'In PowerShell: the name resolved, so test the TCP connection and the proxy settings',
      detail:
        'The paste shows `dial tcp <IP>:443`: DNS worked and the connection to that address failed. A corporate network usually needs HTTPS_PROXY (Terraform does not read the WinHTTP/IE proxy).',
      commands: [
        'Test-NetConnection ⟨endpoint⟩ -Port 443',
        "Get-ChildItem Env: | Where-Object Name -Match '^(HTTPS?_PROXY|NO_PROXY|AWS_CA_BUNDLE|AWS_ENDPOINT_URL)' | Select-Object Name",
        'netsh winhttp show proxy',
      ],
      when: /dial tcp \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d{1,5}: connectex/,
      shell: 'powershell',
      examples: [
        {
          text: '2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: 2019/12/09 17:58:25 [DEBUG] [aws-sdk-go] DEBUG: Send Request ec2/DescribeAccountAttributes failed, attempt 10/25, error RequestError: send request failed\n\n2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: caused by: Post https://ec2.us-east-1.amazonaws.com/: dial tcp 54.239.29.8:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
          source: 'corpus holdout10/h10-tfaws-11212-1 (hashicorp/terraform-provider-aws#11212)',
        },
      ],
    },
    {
      id: 'connect',
      title: 'The name resolved: test the TCP connection and the proxy settings (names only)',
      detail:
        'The paste shows a connection to an IP address: DNS worked and the connection to that address failed, so look at firewalls, proxies and routes rather than DNS.',
      commands: [
        'curl -sS -o /dev/null -w "%{http_code}\\n" https://⟨endpoint⟩',
        'env | grep -iE "^(https?_proxy|no_proxy|AWS_CA_BUNDLE|AWS_ENDPOINT_URL)" | cut -d= -f1',
      ],
      when: RESOLVED,
      unless: /connectex/,
      notFor: [
        {
          text: '2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: 2019/12/09 17:58:25 [DEBUG] [aws-sdk-go] DEBUG: Send Request ec2/DescribeAccountAttributes failed, attempt 10/25, error RequestError: send request failed\n\n2019-12-09T17:58:25.738-0500 [DEBUG] plugin.terraform-provider-aws_v2.41.0_x4.exe: caused by: Post https://ec2.us-east-1.amazonaws.com/: dial tcp 54.239.29.8:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
          source: 'corpus holdout10/h10-tfaws-11212-1 (hashicorp/terraform-provider-aws#11212)',
        },
      ],
      examples: [
        {
          text: '{"generation.metadata":0,"level":"error","msg":"error warming credentials: RequestError: send request failed\\ncaused by: Post https://sts.amazonaws.com/: dial tcp 52.46.134.192:443: i/o timeout","pod.iam.role":"arn:aws:iam::accountid:role/someiamrole","pod.name":"test-container-ccb484f6c-t82zz","pod.namespace":"kube-system","pod.status.ip":"","pod.status.phase":"Pending","resource.version":"5952","time":"2018-10-23T18:47:00Z"}',
          source: 'corpus holdout2/h2-kiam165-1',
        },
      ],
    },
    {
      id: 'resolve',
      title: 'Resolve and reach the endpoint from where Terraform runs',
      commands: [
        'nslookup ⟨endpoint⟩',
        'curl -sS -o /dev/null -w "%{http_code}\\n" https://⟨endpoint⟩',
      ],
    },
    {
      id: 'proxy-env',
      title: 'Check proxy and endpoint settings (names and hosts only)',
      commands: ['env | grep -iE "^(https?_proxy|no_proxy|AWS_CA_BUNDLE|AWS_ENDPOINT_URL)"'],
    },
    {
      id: 'custom-endpoints',
      title: 'Look for custom endpoints in the configuration',
      commands: [`grep -rnE 'endpoints|sts_region|endpoint' --include='*.tf' .`],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.cliProxy, AWS_DOCS.customEndpoints, AWS_DOCS.stsRegions],
};
