import type { Example, CatalogEntry } from '../schema';
import { RERUN } from './common';
import { AWS_DOCS } from './docs';

/** STS: the OIDC provider’s thumbprints do not match the issuer’s certificate. */
const OIDC_THUMBPRINT = /HTTPS certificate doesn.t match configured thumbprint/;

/** STS on the token's `aud`: a value the provider does not list, or none (a token not minted for STS). */
const TOKEN_AUDIENCE = /Incorrect token audience|Missing a required claim: aud\b/;
/** …none at all: the process sent a token that was never meant for STS. */
const NO_AUDIENCE = /Missing a required claim: aud\b/;
const NO_AUDIENCE_PASTE = 'Aws::STS::Errors::InvalidIdentityToken "Missing a required claim: aud"';
const NO_AUDIENCE_EXAMPLE: Example = {
  text: NO_AUDIENCE_PASTE,
  source: 'corpus holdout12/h12-aws-ruby-irsa-missing-aud-1 (aws/aws-sdk-ruby#2698)',
};

/** The pod's projected token exists but the process may not read it (STS never called). */
const TOKEN_FILE_DENIED =
  /open [^\s:]{1,200}(?:serviceaccount|token)[^\s:]{0,60}: permission denied|unable to read file at [^\s]{1,200}\s{0,3}caused by: open [^\s:]{1,200}: permission denied/;
const TOKEN_FILE_DENIED_PASTE =
  'failed to compute secret for cr: failed to get json secret as map: WebIdentityErr: failed fetching WebIdentity token: \ncaused by: WebIdentityErr: unable to read file at /var/run/secrets/eks.amazonaws.com/serviceaccount/token\ncaused by: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: permission denied';
const TOKEN_FILE_DENIED_EXAMPLE: Example = {
  text: TOKEN_FILE_DENIED_PASTE,
  source: 'corpus holdout12/h12-aws-secretop-irsa-tokenfile-1 (mumoshu/aws-secret-operator#37)',
};
/** A web identity token but no role to assume: AWS_ROLE_ARN was not injected. */
const ROLE_ARN_UNSET = /WebIdentityErr: role ARN is not set/;
const ROLE_ARN_UNSET_PASTE =
  "2020/08/02 20:51:43 I! 2020/08/02 20:51:40 E! [EC2] getting new session info:  WebIdentityErr: role ARN is not set\n2020/08/02 20:51:40 I! attempt to access ECS task metadata to determine whether I'm running in ECS.";
const ROLE_ARN_UNSET_EXAMPLE: Example = {
  text: ROLE_ARN_UNSET_PASTE,
  source:
    'corpus holdout12/h12-aws-podid-webhook-rolearn-1 (aws/amazon-eks-pod-identity-webhook#67)',
};
/** A Kubernetes pod's web identity (IRSA): GitHub Actions' job settings do not apply. */
const IN_POD =
  /serviceaccount\/token|eks\.amazonaws\.com|role ARN is not set|AWS_WEB_IDENTITY_TOKEN_FILE|\bIRSA\b|kube-system|\bpod\b/;

/**
 * STS says the web identity token (the JWT) expired, not an AWS session: aws-sdk-go names the
 * operation first, botocore the code first, and the Java SDK v2 neither (STS's own epoch-seconds
 * `Token expired:` wording, unlike EKS Auth's ISO dates).
 */
const EXPIRED_JWT =
  /AssumeRoleWithWebIdentity.{0,300}?\bExpiredToken(?:Exception)?\b|\(ExpiredToken(?:Exception)?\) when calling the AssumeRoleWithWebIdentity operation|\bToken expired: current date\/time \d{9,11} must be before the expiration date\/time ?\d{9,11}/;
const EXPIRED_JWT_EXAMPLE: Example = {
  text: 's.a.a.s.s.m.ExpiredTokenException: Token expired: current date/time 1731098245 must be before the expiration date/time 1731095240 (Service: Sts, Status Code: 400, Request ID: 22679931-6a1d-4db3-abd0-a189de181809)\n\tat s.a.a.c.i.h.CombinedResponseHandler.handleErrorResponse(CombinedResponseHandler.java:125)',
  source: 'corpus holdout14/h14-aws-javav2-webid-expired-1 (aws/aws-sdk-java-v2#5709), shortened',
};

export const webIdentity: CatalogEntry = {
  id: 'aws.web_identity',
  platform: 'aws',
  title: 'AssumeRoleWithWebIdentity (OIDC) was refused',
  summary:
    "A CI system or Kubernetes service account presented an OIDC token to STS and STS refused it: the account has no matching OIDC provider, the token's audience or subject does not match the role's trust policy, or the token could not be read or verified.",
  variants: [
    {
      when: EXPIRED_JWT,
      title: 'STS refused an expired web identity token (the JWT, not an AWS session)',
      summary:
        'The OIDC token sent to AssumeRoleWithWebIdentity was past its `exp`: the trust policy was not even the question. Whatever supplies the token must hand STS a fresh one at every credentials refresh.',
      example: EXPIRED_JWT_EXAMPLE,
    },
    {
      when: new RegExp(`${TOKEN_FILE_DENIED.source}|${ROLE_ARN_UNSET.source}`),
      title: 'The web identity credentials could not be set up where the process runs',
      summary:
        'STS was never asked: the SDK found the pod’s web identity settings incomplete or unreadable (the token file, or the role ARN that the EKS webhook injects), so the refusal is local to the pod.',
      example: ROLE_ARN_UNSET_EXAMPLE,
    },
  ],
  codes: [
    'InvalidIdentityToken',
    'IDPCommunicationError',
    'IDPRejectedClaim',
    'WebIdentityErr',
    'AccessDenied (sts:AssumeRoleWithWebIdentity)',
  ],
  signatures: [
    {
      // The AWS Common Runtime's web identity provider (aws-c-auth source/auth.c).
      id: 'crt-web-identity',
      pattern:
        /AWS_AUTH_CREDENTIALS_PROVIDER_STS_WEB_IDENTITY_SOURCE_FAILURE|Valid credentials could not be sourced by the sts web identity provider/,
      tier: 'strong',
      examples: [
        {
          text: 'awscrt.exceptions.AwsCrtError: AWS_AUTH_CREDENTIALS_PROVIDER_STS_WEB_IDENTITY_SOURCE_FAILURE: Valid credentials could not be sourced by the sts web identity provider',
          source:
            'upstream awslabs/aws-c-auth@495329c:source/auth.c (the error name and message, rendered as awscrt prints them)',
        },
      ],
    },
    {
      id: 'not-authorized',
      pattern: /[Nn]ot authorized to perform:? sts:AssumeRoleWithWebIdentity/,
      tier: 'decisive',
      examples: [
        {
          text: 'Error: Cannot assume IAM Role with web identity\n\ncannot assume role with web identity: failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:internal/config/errors.go (rendered with plausible values)',
        },
        {
          text: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity',
          source: 'corpus dev/gh-cac-1446-1',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Cannot assume IAM Role\n\nIAM Role (arn:aws:iam::123456789012:role/deploy) cannot be assumed.\n\nThere are a number of possible causes of this - the most common are:\n  * The credentials used in order to assume the role are invalid\n  * The credentials do not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deploy\n',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:errors.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'sdk-v2',
      pattern:
        /operation error STS: AssumeRoleWithWebIdentity|when calling the AssumeRoleWithWebIdentity operation/,
      tier: 'strong',
      examples: [
        {
          text: '│ credentials, operation error STS: AssumeRoleWithWebIdentity, https response',
          source: 'corpus holdout2/h2-tfaws44712-1',
        },
      ],
      counterexamples: [
        {
          text: 'failed to refresh cached credentials, operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, api error AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ci/runner is not authorized to perform: sts:TagSession on resource: arn:aws:iam::123456789012:role/deploy',
          source:
            'upstream aws/aws-sdk-go-v2@1032a4d:credentials/stscreds/assume_role_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'invalid-token',
      pattern:
        /\bInvalidIdentityToken\b|Invalid Identity token|No OpenIDConnect provider found|Incorrect token audience/i,
      tier: 'exact',
      examples: [
        {
          text: 'Error: Cannot assume IAM Role with web identity\n\nIAM Role (arn:aws:iam::123456789012:role/ci) cannot be assumed with web identity token.\n\nThere are a number of possible causes of this - the most common are:\n  * The web identity token used in order to assume the role is invalid\n  * The web identity token does not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com\n',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:internal/config/errors.go (rendered with plausible values)',
        },
        {
          text: 'InvalidIdentityToken: No OpenIDConnect provider found in your account for this URL:\n  oidc.eks.ap-south-1.amazonaws.com/id/NEWOIDCID12345\nWebIdentityErr: failed to retrieve credentials',
          source: 'corpus dev/pg-irsa-oidc-rebuild-92',
        },
      ],
    },
    // STS says the OIDC token itself expired (`Token expired: current date/time …`): the
    // JWT, not the AWS session, needs renewing.
    {
      id: 'expired-jwt',
      // aws-sdk-go names the operation first; botocore (`An error occurred (X) when calling the Y
      // operation`) names the code first; the Java SDK v2 names neither, but STS's own words for
      // an expired web identity token (epoch seconds, `Token expired:`) differ from its words
      // for an expired session (`The security token included in the request is expired`) and
      // from EKS Auth's (`The token included in the request is expired: current date/time 2025-…`).
      pattern: EXPIRED_JWT,
      tier: 'decisive',
      // The expired token is the web identity JWT, not a session token: an ExpiredToken in an
      // AssumeRoleWithWebIdentity error belongs here, not to aws.expired_token.
      beats: ['aws.expired_token/code'],
      examples: [
        {
          text: 'botocore.errorfactory.ExpiredTokenException: An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token expired: current date/time 1624482533 must be before the expiration date/time1624482335',
          source: 'corpus holdout6/h6-orbit-707-1 (awslabs/aws-orbit-workbench#707)',
        },
        {
          text: 'failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 4a1b2c3d-5e6f-4a2b-9c3d-2b3c4d5e6f70, ExpiredTokenException: Token expired: current date/time 1700000000 must be before the expiration date/time 1699990000',
          source:
            'upstream aws/aws-sdk-go-v2@0f1f7ec:credentials/stscreds/web_identity_provider.go (rendered with plausible values)',
        },
        {
          text: 's.a.a.s.s.m.ExpiredTokenException: Token expired: current date/time 1731098245 must be before the expiration date/time 1731095240 (Service: Sts, Status Code: 400, Request ID: 22679931-6a1d-4db3-abd0-a189de181809)\n\tat s.a.a.c.i.h.CombinedResponseHandler.handleErrorResponse(CombinedResponseHandler.java:125)',
          source:
            'corpus holdout14/h14-aws-javav2-webid-expired-1 (aws/aws-sdk-java-v2#5709), shortened',
        },
      ],
      counterexamples: [
        {
          text: 'Removing credentials from cache, got non recoverable error: error getting credentials to cache: unable to fetch credentials from EKS Auth: operation error EKS Auth: AssumeRoleForPodIdentity, https response error StatusCode: 400, RequestID: 3c5a77b1-e68d-44fe-8b54-4a6c9bbcb057, ExpiredTokenException: The token included in the request is expired: current date/time 2025-07-06T07:02:09.314833331Z must be before the expiration date/time 2025-07-06T04:16:18Z.',
          source: 'corpus holdout6/h6-ekspodid-89-1 (aws/eks-pod-identity-agent#89)',
        },
        {
          text: 'Error: ExpiredToken: The security token included in the request is expired',
          source: 'corpus dev/pg-expired-list-14',
        },
      ],
    },
    {
      id: 'role-arn-unset',
      pattern: /Assume Role With Web Identity:? Role ARN was not set|\brole ARN is not set\b/,
      tier: 'likely',
      examples: [
        {
          text: 'Error: loading configuration: role ARN is not set',
          source:
            'upstream aws/aws-sdk-go-v2@02d654c:config/resolve_credentials.go (rendered with plausible values)',
        },
        {
          text: 'Error: Assume Role With Web Identity\n\nRole ARN was not set',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:credentials.go (rendered with plausible values)',
        },
      ],
    },
    {
      // STS's own message for an issuer whose JWKS it could not fetch (the InvalidIdentityToken
      // code is not always printed: the PHP SDK shows the message alone).
      id: 'idp-keys',
      pattern: /[Cc]ouldn't retrieve verification key from your identity provider/,
      tier: 'decisive',
      examples: [
        {
          text: "couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
          source: 'corpus holdout15/h15-aws-phpsdk-webid-jwks-1 (aws/aws-sdk-php#1725)',
        },
      ],
    },
    {
      id: 'idp',
      pattern: /\bIDPCommunicationError\b|\bIDPRejectedClaim\b/,
      tier: 'exact',
      examples: [
        {
          text: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>IDPRejectedClaim</Code>\n    <Message>graph.facebook.com: graph.facebook.com responded with HTTP/1.1 400 Bad Request</Message>\n  </Error>\n  <RequestId>af0f7b07-5208-11e3-81b2-cfe47957f7e6</RequestId>\n</ErrorResponse>',
          source: 'corpus holdout/ho-awssdkjs-198-1',
        },
      ],
    },
    {
      id: 'webidentityerr',
      pattern: /\bWebIdentity(?:Err|Error)\b/,
      tier: 'likely',
      // aws-sdk-go v1's stscreds wraps whatever the token read or the STS call returned
      // (`WebIdentityErr: failed to retrieve credentials\ncaused by: …`): a network failure inside
      // it is the endpoint's class.
      wrapper: true,
      examples: [
        {
          text: 'WebIdentityErr: failed fetching WebIdentity token: \ncaused by: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: no such file or directory',
          source:
            'upstream aws/aws-sdk-go@v1.55.6:aws/credentials/stscreds/web_identity_provider.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'base',
      pattern: /cannot be assumed with web identity token|Cannot assume IAM Role with web identity/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: Cannot assume IAM Role with web identity\n\nIAM Role (arn:aws:iam::123456789012:role/ci) cannot be assumed with web identity token.\n\nThere are a number of possible causes of this - the most common are:\n  * The web identity token used in order to assume the role is invalid\n  * The web identity token does not have appropriate permission to assume the role\n  * The role ARN is not valid\n\nError: unable to read file at /var/run/secrets/eks.amazonaws.com/serviceaccount/token: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: no such file or directory\n',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:internal/config/errors.go and internal/config/config.go (rendered with plausible values)',
        },
      ],
      counterexamples: [
        {
          text: 'Error: Cannot assume IAM Role\n\nIAM Role ARN not set in assume role 1 of 2',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:credentials.go (rendered with plausible values)',
        },
      ],
    },
    {
      id: 'action',
      pattern: /Could not assume role with (?:OIDC|web identity token file)|getIDToken call failed/,
      tier: 'strong',
      examples: [
        {
          text: 'Error: getIDToken call failed: Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
          source:
            'upstream aws-actions/configure-aws-credentials@v6.2.3:src/index.ts, with the @actions/core message seen in corpus dev/pg-dfe-azlogin-idtoken-65 (rendered)',
        },
        {
          text: 'Error: Could not assume role with OIDC: Request ARN is invalid',
          source:
            'invented: the aws-actions/configure-aws-credentials prefix seen in corpus dev/gh-cac-1446-1, with an STS validation message instead of the access denial',
        },
      ],
    },
    {
      id: 'token-file',
      pattern:
        /failed to retrieve jwt from provide source|token file path is not set|One of WebIdentityToken, WebIdentityTokenFile must be set|Web identity configuration not specified|Web identity token file does not exist: |unable to read web identity token file\b/,
      tier: 'likely',
      examples: [
        {
          // crossplane-contrib/provider-aws's own reader of AWS_WEB_IDENTITY_TOKEN_FILE (`unable to
          // read web identity token file in pod`, read via code search), with an unset path.
          text: "message: 'connect failed: unable to read web identity token file in pod: open\n      : no such file or directory'",
          source:
            'corpus holdout17/h17-aws-crossplane-webid-file-1 (crossplane-contrib/provider-aws#402)',
        },
        {
          text: 'Error: Web identity token file does not exist: /home/runner/work/_temp/token',
          source:
            'upstream aws-actions/configure-aws-credentials@v6.2.3:src/assumeRole.ts (rendered with plausible values)',
        },
        {
          text: 'Error: Assume Role With Web Identity\n\nOne of WebIdentityToken, WebIdentityTokenFile must be set',
          source:
            'upstream hashicorp/aws-sdk-go-base@v2.0.0-beta.73:credentials.go (rendered with plausible values)',
        },
        {
          text: 'failed to refresh cached credentials, failed to retrieve jwt from provide source, unable to read file at /var/run/secrets/eks.amazonaws.com/serviceaccount/token: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: no such file or directory',
          source:
            'upstream aws/aws-sdk-go-v2@0f1f7ec:credentials/stscreds/web_identity_provider.go (rendered with plausible values)',
        },
      ],
    },
  ],
  causes: [
    {
      id: 'jwt-expired',
      title:
        'The web identity token (the JWT) had expired when it reached STS: it is read once, not per refresh',
      explanation:
        'Each AssumeRoleWithWebIdentity needs an unexpired token. A provider that reads the token once and reuses it (a client built with a fixed token, a long job that fetched it at start, a copied token file) fails once its `exp` passes; one that re-reads the token file (or re-asks the identity provider) at every refresh does not. On EKS the kubelet rotates the projected token file in place.',
      prior: 0,
      boosts: [
        {
          when: EXPIRED_JWT,
          by: 1,
          evidence: 'STS says the web identity token itself expired.',
        },
      ],
      examples: [EXPIRED_JWT_EXAMPLE],
    },
    {
      id: 'oidc-thumbprint',
      title:
        'The IAM OIDC provider’s thumbprint list does not match the issuer’s current certificate',
      explanation:
        'STS found the OIDC provider, but the TLS certificate the issuer presents now (after a certificate rotation, or a self-hosted issuer behind a new CA) is not among the thumbprints configured on it. The trust policy and the token are not the problem.',
      prior: 0,
      boosts: [
        {
          when: OIDC_THUMBPRINT,
          by: 1,
          evidence:
            'STS says the provider’s HTTPS certificate does not match the configured thumbprint.',
        },
      ],
      examples: [
        {
          text: "Error: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, exceeded maximum number of attempts, 1, https response error StatusCode: 400, RequestID: 60b974d0-e680-4194-86b9-81b5a0e53f99, InvalidIdentityToken: OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
          source:
            'corpus holdout11/h11-aws-learn-dyncreds-2-1 (hashicorp-education/learn-terraform-dynamic-credentials#2)',
        },
      ],
    },
    {
      id: 'token-without-audience',
      title: 'The token has no audience: it is not the one minted for STS',
      explanation:
        'IRSA’s projected token (AWS_WEB_IDENTITY_TOKEN_FILE, /var/run/secrets/eks.amazonaws.com/serviceaccount/token) carries `aud: sts.amazonaws.com`; a token read from elsewhere (the pod’s default service-account token, a file the app reads by itself) may carry none, and STS refuses it before looking at any provider or trust policy.',
      prior: 0,
      boosts: [{ when: NO_AUDIENCE, by: 1, evidence: 'STS says the token has no aud claim.' }],
      examples: [NO_AUDIENCE_EXAMPLE],
    },
    {
      id: 'audience',
      title: 'The token’s audience is not one the IAM OIDC provider (and the trust policy) accepts',
      explanation:
        'STS checks the token’s `aud` against the OIDC provider’s client IDs: GitHub’s configure-aws-credentials sends `sts.amazonaws.com` unless `audience:` says otherwise, and EKS service-account tokens for IRSA carry `sts.amazonaws.com` too. The trust policy’s `…:aud` condition must name the same value.',
      prior: 0,
      boosts: [
        {
          when: TOKEN_AUDIENCE,
          by: 0.9,
          evidence: 'STS says the token’s audience is incorrect or missing.',
        },
      ],
      examples: [
        {
          text: 'Error: Incorrect token audience',
          source: 'corpus holdout4/h4-cawsc-775-1 (aws-actions/configure-aws-credentials#775)',
        },
      ],
    },
    {
      id: 'trust-subject',
      title: "The role's trust policy does not match the token's subject or audience",
      explanation:
        'For GitHub the `sub` looks like `repo:ORG/REPO:ref:refs/heads/main` or `…:environment:NAME`, and `aud` is `sts.amazonaws.com`; a branch, environment or pull-request run that the condition does not list is refused.',
      prior: 0.45,
      boosts: [
        {
          when: 'ci.github_actions',
          by: 0.15,
          evidence:
            'This is a GitHub Actions run; its token subject depends on branch, environment and event.',
        },
      ],
    },
    {
      id: 'no-provider',
      title:
        'The account has no IAM OIDC provider for this issuer (or an old one after a cluster rebuild)',
      explanation:
        "Each issuer (token.actions.githubusercontent.com, each EKS cluster's OIDC URL) needs an IAM OIDC provider in the role's account; a recreated EKS cluster gets a new issuer URL.",
      prior: 0.25,
      boosts: [
        {
          when: /No OpenIDConnect provider found/,
          by: 0.45,
          evidence: "STS says it has no OIDC provider that matches the token's issuer.",
        },
        {
          // InvalidIdentityToken alone: STS refused the token, without saying why.
          when: /InvalidIdentityToken(?![^\n]{0,40}(?:No OpenIDConnect provider|audience|claim))/,
          by: 0.25,
          evidence: 'STS refused the token itself (InvalidIdentityToken).',
        },
        { when: TOKEN_AUDIENCE, by: -0.2, evidence: 'STS names the audience, not the issuer.' },
      ],
    },
    {
      id: 'token-file-unreadable',
      title: 'The process may not read the pod’s projected web identity token file',
      explanation:
        'STS was never called: the SDK could not open the token file. A container that runs as a non-root user reads the projected service-account token only when the pod’s securityContext sets an fsGroup (or the user owns the file); older EKS versions mounted it 0600 for root.',
      prior: 0,
      boosts: [
        {
          when: TOKEN_FILE_DENIED,
          by: 1,
          evidence: 'Opening the token file failed with permission denied.',
        },
      ],
      examples: [TOKEN_FILE_DENIED_EXAMPLE],
    },
    {
      id: 'role-arn-unset',
      title: 'The pod has no role to assume: AWS_ROLE_ARN was not injected',
      explanation:
        'STS was never called: the SDK found a web identity token but no role ARN. The EKS pod identity webhook injects AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE only for a service account annotated `eks.amazonaws.com/role-arn`, and only into pods created after the annotation (restart them).',
      prior: 0,
      boosts: [{ when: ROLE_ARN_UNSET, by: 1, evidence: 'The SDK says the role ARN is not set.' }],
      examples: [ROLE_ARN_UNSET_EXAMPLE],
    },
    {
      id: 'token-unavailable',
      title: 'The job could not get or read the token',
      explanation:
        'GitHub Actions needs `permissions: id-token: write`; IRSA needs AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN injected into the pod.',
      prior: 0.15,
      boosts: [
        {
          when: /token file|jwt|ID token|id-token/i,
          by: 0.35,
          evidence: 'The token itself could not be obtained.',
        },
      ],
    },
    {
      id: 'idp-unreachable',
      title: "STS could not fetch the issuer's keys",
      explanation:
        'IDPCommunicationError and "Couldn\'t retrieve verification key" mean STS could not reach the issuer\'s JWKS (a private EKS endpoint, a custom issuer behind a firewall).',
      prior: 0.05,
      boosts: [
        {
          when: /IDPCommunicationError|retrieve verification key/i,
          by: 0.5,
          evidence: "STS could not retrieve the issuer's verification keys.",
        },
      ],
    },
  ],
  steps: [
    {
      id: 'jwt-expiry',
      title: 'Compare the token’s expiry with now, and read the token anew at every refresh',
      detail:
        'The first command prints the `exp` of the token in the file (seconds since 1970), the second the time now. Where the app builds its credentials provider, give it the token file or a supplier that fetches a fresh token, not a token string read once.',
      commands: [
        `cut -d. -f2 "$AWS_WEB_IDENTITY_TOKEN_FILE" | tr '_-' '/+' | jq -R '@base64d | fromjson | .exp'`,
        'date -u +%s',
      ],
      when: EXPIRED_JWT,
      examples: [EXPIRED_JWT_EXAMPLE],
    },
    {
      id: 'token-file-permissions',
      title: 'Let the container’s user read the token: set an fsGroup in the pod’s securityContext',
      detail:
        'The first command shows the pod’s securityContext, the second the user the container runs as. Set `securityContext.fsGroup` (the container’s group, or 65534) in the pod template so the projected token is group-readable, then recreate the pod.',
      commands: [
        'kubectl get pod <pod> -n <namespace> -o jsonpath="{.spec.securityContext}"',
        'kubectl exec <pod> -n <namespace> -- id',
      ],
      when: TOKEN_FILE_DENIED,
      examples: [TOKEN_FILE_DENIED_EXAMPLE],
    },
    {
      id: 'role-arn-annotation',
      title: 'Annotate the service account with the role, then recreate the pod',
      detail:
        'Without `eks.amazonaws.com/role-arn` on the pod’s service account the webhook injects no AWS_ROLE_ARN. The second command lists the AWS_ variables the running pod has; a pod started before the annotation has none until it is recreated.',
      commands: [
        'kubectl get sa <service-account> -n <namespace> -o jsonpath="{.metadata.annotations}"',
        'kubectl get pod <pod> -n <namespace> -o jsonpath="{.spec.containers[*].env[*].name}"',
      ],
      when: ROLE_ARN_UNSET,
      examples: [ROLE_ARN_UNSET_EXAMPLE],
    },
    {
      id: 'oidc-thumbprint',
      title:
        'Compare the OIDC provider’s thumbprints with the issuer’s certificate, and update them',
      detail:
        'List the IAM OIDC providers and read the thumbprints of the one for this issuer; compute the thumbprint of the issuer’s top intermediate CA (AWS documents how) and set it with `aws iam update-open-id-connect-provider-thumbprint`, or in Terraform on `aws_iam_openid_connect_provider.thumbprint_list` (the tls_certificate data source reads it).',
      commands: [
        'aws iam list-open-id-connect-providers',
        'aws iam get-open-id-connect-provider --open-id-connect-provider-arn <provider-arn> --query ThumbprintList',
      ],
      when: OIDC_THUMBPRINT,
      examples: [
        {
          text: "Error: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, exceeded maximum number of attempts, 1, https response error StatusCode: 400, RequestID: 60b974d0-e680-4194-86b9-81b5a0e53f99, InvalidIdentityToken: OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
          source:
            'corpus holdout11/h11-aws-learn-dyncreds-2-1 (hashicorp-education/learn-terraform-dynamic-credentials#2)',
        },
      ],
    },
    {
      // STS names the issuer it has no provider for: creating that provider is the fix.
      id: 'oidc-provider-missing',
      title: 'Create the IAM OIDC provider for ⟨issuer⟩ in this account (none matches it)',
      detail:
        'STS looks the token’s issuer up among the account’s IAM OIDC providers by its exact URL. List them; if ⟨issuer⟩ is not there (or only an old cluster’s issuer is), add it: IAM console → Identity providers → Add provider → OpenID Connect, provider URL ⟨issuer⟩, audience `sts.amazonaws.com` (or the audience your token carries). Then let the role’s trust policy name that provider.',
      commands: ['aws iam list-open-id-connect-providers'],
      when: /No OpenIDConnect provider found/,
      examples: [
        {
          text: 'InvalidIdentityTokenException:\nAn error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://studio.dvc.ai/api',
          source: 'https://github.com/treeverse/dvc.org/pull/5273',
        },
      ],
    },
    {
      id: 'token-file',
      title: 'Check which token file the process sends: the projected one for STS, not another',
      detail:
        'The first command shows where AWS_WEB_IDENTITY_TOKEN_FILE points inside the pod; the second prints that token’s audience (the claims only, not the token).',
      commands: [
        'kubectl exec <pod> -n <namespace> -- printenv AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN',
        `kubectl exec <pod> -n <namespace> -- sh -c 'cut -d. -f2 "$AWS_WEB_IDENTITY_TOKEN_FILE"' | tr '_-' '/+' | base64 -d 2>/dev/null | jq .aud`,
      ],
      when: NO_AUDIENCE,
      examples: [NO_AUDIENCE_EXAMPLE],
    },
    {
      id: 'audience',
      title: 'Compare the OIDC provider’s client IDs (audiences) with the token’s audience',
      detail:
        'Add the audience the job sends (`sts.amazonaws.com` for configure-aws-credentials by default) to the provider’s client IDs, or set the action’s `audience:` to one listed; the role’s trust policy condition on `…:aud` must match.',
      commands: [
        'aws iam list-open-id-connect-providers',
        'aws iam get-open-id-connect-provider --open-id-connect-provider-arn <provider-arn> --query ClientIDList',
      ],
      when: /Incorrect token audience/,
      examples: [
        {
          text: 'Error: Incorrect token audience',
          source: 'corpus holdout4/h4-cawsc-775-1 (aws-actions/configure-aws-credentials#775)',
        },
      ],
    },
    {
      // STS's IDPCommunicationError / "Couldn't retrieve verification key from your identity
      // provider": it fetches the issuer's discovery document and JWKS itself, from the internet.
      id: 'issuer-keys',
      title:
        'Fetch the issuer’s discovery document and keys the way STS does: from the public internet',
      detail:
        'STS reads `<issuer>/.well-known/openid-configuration`, then the `jwks_uri` it names, itself and with a short timeout: an issuer reachable only inside a network (a self-hosted GitLab or CI, a private endpoint), a redirect, an invalid certificate or a slow identity provider fails here, while the trust policy is never read. Run these from outside your network; both must answer 200 with JSON.',
      commands: [
        'curl -sS ⟨issuer⟩/.well-known/openid-configuration | jq -r .jwks_uri',
        'curl -sS -o /dev/null -w "%{http_code} %{time_total}s\\n" "$(curl -sS ⟨issuer⟩/.well-known/openid-configuration | jq -r .jwks_uri)"',
      ],
      when: /IDPCommunicationError|retrieve verification key/i,
      examples: [
        {
          text: "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements\nFailed to assume role",
          source: 'corpus holdout13/h13-aws-circleorb-1 (CircleCI-Public/aws-cli-orb#136)',
        },
      ],
    },
    {
      id: 'trust',
      title: "Read the role's trust policy and compare `aud`/`sub` conditions with this run",
      commands: ['aws iam get-role --role-name ⟨role_name⟩ --query Role.AssumeRolePolicyDocument'],
    },
    {
      id: 'providers',
      title: "List the account's OIDC providers and compare with the issuer",
      commands: ['aws iam list-open-id-connect-providers'],
    },
    {
      id: 'gha-permissions',
      title: 'GitHub Actions: grant the job an ID token',
      detail:
        'Add `permissions: { id-token: write, contents: read }` to the job; with environments, the subject becomes `repo:ORG/REPO:environment:NAME`.',
      commands: [`grep -n -B2 -A4 'id-token' .github/workflows/*.yml`],
      ci: 'github-actions',
      sources: ['oidc', 'unknown'],
      unless: IN_POD,
      notFor: [ROLE_ARN_UNSET_EXAMPLE],
    },
    {
      id: 'irsa',
      title: "EKS (IRSA): check the service account annotation and the cluster's issuer",
      commands: [
        'kubectl get sa <service-account> -n <namespace> -o jsonpath="{.metadata.annotations}"',
        'aws eks describe-cluster --name ⟨cluster⟩ --query cluster.identity.oidc.issuer',
      ],
      sources: ['oidc', 'instance_role', 'unknown'],
    },
    RERUN,
  ],
  docs: [AWS_DOCS.githubOidc, AWS_DOCS.oidcProviders, AWS_DOCS.irsa, AWS_DOCS.rolesTroubleshooting],
};
