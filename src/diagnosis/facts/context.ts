// Facts that fill the commands of one class: the S3 object a backend read failed on, the
// Entra federated-credential and scope details, the Google service account, the Terraform
// host that refused a token, the Kubernetes API server and its kind, what a newer
// AccessDenied message says about the policy, and the shell the paste came from.
// Every value is bounded by its own quotes or a character class, so the next line's first
// word or a trailing backtick or full stop never becomes part of it.

import { escapeRegExp, firstMatch, matches, search } from '../text-util';
import { SA_DOMAIN } from './identity';
import type { ClusterKind, DenialFacts, Facts, KubeRefusal } from '../types';

const GUID = '[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}';
const BUCKET = '[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]';
const HOST = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?){1,6}';

export function s3Object(flat: string): Facts['s3'] {
  const bucket = firstMatch(
    [
      new RegExp(`S3 bucket "(${BUCKET})"`),
      new RegExp(`\\bs3://(${BUCKET})(?:/|\\b)`),
      new RegExp(`\\bbucket ?[=:] ?"(${BUCKET})"`),
      new RegExp(`\\bBucket: ?"(${BUCKET})"`),
      new RegExp(`\\bbucket '(${BUCKET})'`),
      new RegExp(`\\bhttps://(${BUCKET})\\.s3[.-](?:[a-z0-9-]+\\.)?amazonaws\\.com`),
      // Lambda fetching a function's code package with the caller's credentials.
      new RegExp(`permission to GetObject for (${BUCKET})/`),
    ],
    flat,
  );
  const key = firstMatch(
    [
      /Unable to access object "([^"\s]{1,1024})" in S3 bucket/,
      new RegExp(`permission to GetObject for ${BUCKET}/([\\w./=-]{1,1024}?)\\.? S3 Error`),
      new RegExp(`\\bs3://${BUCKET}/([\\w./=-]{1,1024}\\.tfstate)\\b`),
      /\bkey ?[=:] ?"([\w./=-]{1,1024})"/,
      /\bKey: ?"?([\w./=-]{1,1024}\.tfstate)\b/,
    ],
    flat,
  );
  return bucket || key ? { ...(bucket ? { bucket } : {}), ...(key ? { key } : {}) } : undefined;
}

/** The Key Vault a data-plane error names, and the kind of object its refused action was on. */
export function keyVault(flat: string): Facts['keyVault'] {
  const name = firstMatch(
    [/https:\/\/([A-Za-z0-9-]{3,24})\.vault\.azure\.net/, /\bVault: ([A-Za-z0-9-]{3,24});/],
    flat,
  );
  if (!name) return undefined;
  // Resource paths may be lower-cased (`microsoft.keyvault/vaults/…`).
  const kind = /Microsoft\.KeyVault\/vaults\/(secrets|keys|certificates)\//i
    .exec(flat)?.[1]
    ?.toLowerCase();
  const objects =
    kind === 'secrets' || kind === 'keys' || kind === 'certificates' ? kind : undefined;
  return objects ? { name, objects } : { name };
}

/** The Azure storage account a blob or backend error names (`<name>.blob.core.windows.net`, the azurerm backend). */
export function storageAccount(flat: string): string | undefined {
  return firstMatch(
    [
      /\bhttps:\/\/([a-z0-9]{3,24})\.(?:blob|dfs|queue|table|file)\.core\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)\b/,
      /\bstorage_account_name\s*=\s*"([a-z0-9]{3,24})"/,
      /\b[Ss]torage [Aa]ccount "([a-z0-9]{3,24})"/,
      /\baccount(?:Name)? "?([a-z0-9]{3,24})"? \(Resource Group/,
      // go-azure-sdk's resource ids as azurerm prints them: `Storage Account Name: "name"`.
      /\bStorage Account Name: "([a-z0-9]{3,24})"/,
    ],
    flat,
  );
}

/** Entra: the subject/issuer/audience of a rejected assertion, the scope and object id of a denial. */
export function azureDetails(flat: string): Facts['azure'] {
  const subject = firstMatch(
    // …or azure/login's `Federated token details: issuer - … subject claim - …` before the error.
    [
      /assertion subject '([^'\s]{3,400})'/,
      /\bsubject '([^'\s]{3,400})'/,
      /\bsubject claim - ([^\s']{3,400})/,
    ],
    flat,
  );
  const issuer = firstMatch(
    [
      /assertion issuer '(https:\/\/[^'\s]{3,400})'/,
      /\bissuer '(https:\/\/[^'\s]{3,400})'/,
      /\bissuer - (https:\/\/[^\s']{3,400})/,
    ],
    flat,
  );
  const audience = firstMatch(
    [/assertion audience '([^'\s]{3,400})'/, /\baudience '([^'\s]{3,400})'/],
    flat,
  );
  // A scope may be hard-wrapped mid-word (`/subscrip tions/…`): scopes contain no spaces.
  const scope = firstMatch([/\bscope '(\/[^']{3,600})'/], flat)?.replace(/\s+/g, '');
  const objectId = firstMatch([new RegExp(`object id '(${GUID})'`)], flat);
  const out = {
    ...(subject ? { subject } : {}),
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
    // A scope a CI log masked (`/subscriptions/***`, corpus holdout13/h13-multi-whatif-authz-1)
    // is no scope to grant at: the command keeps its placeholder.
    ...(scope && /^\/subscriptions\/|^\/providers\//.test(scope) && !scope.includes('*')
      ? { scope }
      : {}),
    ...(objectId ? { objectId } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The Cloud Storage bucket a denial or a gcs backend names (`<project>-tfstate` redactions kept). */
export function gcsBucket(flat: string): string | undefined {
  return firstMatch(
    [
      /does not have storage\.[a-z]{1,20}\.[a-zA-Z]{1,30} access to (?:the Google Cloud Storage (?:bucket|object) )?(?!the Google )([a-z0-9<][\w.<>-]{1,220}[\w>])(?=\.?,? |\.?,?$|\/)/,
      // The JSON API's bucket URL (`storage.googleapis.com/storage/v1/b/<bucket>`).
      /\bstorage\.googleapis\.com\/storage\/v1\/b\/([a-z0-9][\w.-]{1,220}[a-z0-9])(?=[/?]|\s|$)/,
      /\bgs:\/\/([a-z0-9][\w.-]{1,220}[a-z0-9])\b/,
    ],
    flat,
  );
}

/** A workload identity pool and provider named in the paste (`projects/N/locations/global/workloadIdentityPools/P/providers/Q`). */
export function wifProvider(
  flat: string,
): { projectNumber?: string; pool: string; provider?: string } | undefined {
  const m = search(
    /(?:projects\/(\d{6,20})\/locations\/global\/)?workloadIdentityPools\/([a-z0-9][a-z0-9-]{2,62})(?:\/providers\/([a-z0-9][a-z0-9-]{2,62}))?/,
    flat,
  );
  if (!m?.[2]) return undefined;
  return {
    pool: m[2],
    ...(m[1] ? { projectNumber: m[1] } : {}),
    ...(m[3] ? { provider: m[3] } : {}),
  };
}

export function gcpServiceAccount(flat: string): string | undefined {
  // Tried at every word start, so slow where it cannot match: only when the domain occurs.
  if (!flat.includes(SA_DOMAIN)) return undefined;
  return firstMatch(
    [/\b([a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com)\b/],
    flat,
  );
}

/**
 * The service account a Google denial was about: the caller may not act as it (iam.serviceAccounts.actAs,
 * to run a function or service as it) or a service agent may not mint its tokens.
 */
export function gcpTargetServiceAccount(flat: string): string | undefined {
  if (!flat.includes('gserviceaccount.com')) return undefined;
  return firstMatch(
    [
      /\bdenied on service account ([a-z0-9][\w.-]{0,62}@[a-z0-9][\w.-]{0,200}\.gserviceaccount\.com)\b/,
      /\bget access tokens for the service account ([a-z0-9][\w.-]{0,62}@[a-z0-9][\w.-]{0,200}\.gserviceaccount\.com)\b/,
    ],
    flat,
  );
}

/** A GitHub Enterprise Server's REST API (`https://HOST/api/v3`), and github.com's. */
const GHES_API = new RegExp(`\\bhttps://(${HOST})/api/v3(?:/|\\b)`);
const GITHUB_COM_API = /\bhttps:\/\/api\.github\.com\b/;

/**
 * The GitHub REST API the refused call went to: GitHub Enterprise Server's `https://HOST/api/v3`,
 * or github.com's. Tokens are per host: one for the other is simply unknown there.
 */
export function githubApi(flat: string): string | undefined {
  const ghes = search(GHES_API, flat)?.[1];
  if (ghes) return `https://${ghes}/api/v3`;
  return matches(GITHUB_COM_API, flat) ? 'https://api.github.com' : undefined;
}

/**
 * The Azure Storage service a data-plane refusal came from, as the built-in role that grants it
 * (each service has its own: a blob role does not read queues).
 */
const STORAGE_DATA_ROLES: Array<[string, RegExp]> = [
  [
    'Storage Queue Data Contributor',
    /\.queue\.core\.windows\.net|\bqueue properties|\bQueuesClient\b|\bqueues\.Client\b/,
  ],
  [
    'Storage Table Data Contributor',
    /\.table\.core\.windows\.net|\btable properties|\bTablesClient\b|\btables\.Client\b/,
  ],
  [
    'Storage File Data Privileged Contributor',
    /\.file\.core\.windows\.net|\bshare properties|\bSharesClient\b|\bshares\.Client\b/,
  ],
];

export function storageDataRole(flat: string): string | undefined {
  return STORAGE_DATA_ROLES.find(([, re]) => matches(re, flat))?.[0];
}

/** The Terraform host a token is missing for or was refused by. */
export function tfcHost(flat: string): string | undefined {
  return firstMatch(
    [
      new RegExp(`generate a token for (${HOST}):`),
      new RegExp(`\\bterraform login (${HOST})\\b`),
      new RegExp(`credentials block for (${HOST}) in your CLI Config`),
      new RegExp(`your API token for (${HOST}) is valid`),
      new RegExp(`\\bat host (${HOST})\\b`),
      // A private module registry that refused the token.
      new RegExp(
        `available versions for (?:module|provider) "[^"]{1,200}"(?: \\([^)]{0,200}\\))? from (${HOST}):`,
      ),
      new RegExp(`Could not download module "[^"]{1,200}" from https://(${HOST})/`),
      new RegExp(
        `Failed to (?:request discovery document|retrieve available versions)[^:]{0,200}?: .{0,80}?https://(${HOST})/`,
      ),
      new RegExp(`\\bhttps://(${HOST})/(?:api/v2|api/registry|v1/modules)`),
      /(?<![\w.-])(app\.terraform\.io)\b/,
    ],
    flat,
  );
}

/** The Kubernetes API server host and whose cluster it is. */
export function cluster(flat: string): Facts['cluster'] {
  const host = firstMatch(
    [
      /https:\/\/([a-z0-9.-]{1,200}\.(?:eks\.amazonaws\.com|azmk8s\.io|gke\.goog))\b/,
      new RegExp(
        `https://(${HOST})(?::(?:443|6443))?/(?:api/v1|apis/[a-z0-9.-]{1,100}/v1|version)\\b`,
      ),
    ],
    flat,
  );
  const eksName = firstMatch(
    [
      /arn:aws[\w-]*:eks:[a-z0-9-]+:\d{12}:cluster\/([\w-]{1,100})\b/,
      /--cluster-name[ =]"?([\w-]{1,100})\b/,
      /\bcluster[_-]name ?[=:] ?"([\w-]{1,100})"/,
    ],
    flat,
  );
  const aksName = firstMatch([/managedClusters\/([\w-]{1,63})\b/], flat);
  const gkeName = firstMatch([/\/clusters\/([a-z][a-z0-9-]{0,39})\b/], flat);
  const kind = clusterKind(flat) ?? (host ? 'other' : undefined);
  const name =
    kind === 'eks' ? eksName : kind === 'aks' ? aksName : kind === 'gke' ? gkeName : undefined;
  const location =
    kind === 'gke'
      ? firstMatch([/\/locations\/([a-z]{2,12}-[a-z]{2,12}\d(?:-[a-z])?)\/clusters\//], flat)
      : undefined;
  if (!host && !kind) return undefined;
  return {
    ...(host ? { host } : {}),
    ...(kind ? { kind } : {}),
    ...(name ? { name } : {}),
    ...(location ? { location } : {}),
  };
}

/**
 * Whose cluster a paste shows, from its API server host, its credential plugin, the kubeconfig's
 * context names (`gke_<project>_<location>_<name>`, `arn:aws:eks:…`, AKS's `clusterUser_<rg>_<name>`)
 * or the resources around it (EKS's `aws-auth` config map, `azurerm_kubernetes_cluster`, …).
 */
const CLUSTER_KINDS: Array<[ClusterKind, RegExp]> = [
  [
    'eks',
    /\.eks\.amazonaws\.com|aws eks get-token|aws_eks_cluster|\bEKS\b|aws-iam-authenticator|arn:aws[\w-]*:eks:|configmaps? "?aws-auth\b|\baws[-_]auth\b|config_map_aws_auth|terraform-aws-modules\/eks|eks\.amazonaws\.com\/role-arn/,
  ],
  [
    'aks',
    /\.azmk8s\.io|kubelogin|\bAKS\b|managedClusters|azurerm_kubernetes_cluster|azure auth plugin|tenantID cannot be empty|Auth Provider found for name "azure"|\bclusterUser_[\w.-]{1,90}_[\w-]{1,63}\b/,
  ],
  [
    'gke',
    /gke-gcloud-auth-plugin|\bGKE\b|container\.googleapis\.com|google_container_cluster|\.gke\.goog|gcp auth plugin|Auth Provider found for name "gcp"|\bgke_[a-z][a-z0-9-]{4,29}_[a-z0-9-]{2,30}_[a-z][a-z0-9-]{0,39}\b/,
  ],
  // Weaker hints, read only when nothing above matched: the cloud's own Terraform resources
  // or hosts around the Kubernetes error.
  ['eks', /\baws_[a-z][a-z_]{2,}|\bamazonaws\.com\b|\barn:aws[\w-]*:|\b[Ee][Kk][Ss]\b/],
  ['aks', /\bazurerm_[a-z][a-z_]{2,}|\bazure[_-][a-z]|\bmanagement\.azure\.com\b|\b[Aa][Kk][Ss]\b/],
  ['gke', /\bgoogle_[a-z][a-z_]{2,}|\bgoogleapis\.com\b|\bgcloud\b|\b[Gg][Kk][Ee]\b/],
];

function clusterKind(flat: string): ClusterKind | undefined {
  return CLUSTER_KINDS.find(([, re]) => matches(re, flat))?.[0];
}

/** What a Kubernetes refusal names (client-go, the API server's RBAC authorizer, kube-rs). */
/**
 * client-go's SPDY upgrade (exec, attach, port-forward) relays the kubelet's refusal of the API
 * server (apimachinery httpstream/spdy: `unable to upgrade connection: %v`); a streaming log
 * read says the same as `( pods/log …)` after the credentials message.
 */
const KUBELET_REFUSED =
  /unable to upgrade connection: Unauthorized|provide credentials \( pods\/log [\w.-]{1,253}\)/;
/** An HTML page asking for a sign-in where the API server's JSON was expected. */
const HTML_ANSWER = /(?:cluster unreachable|server|Unauthorized)[^<]{0,80}<html/i;
const SIGN_IN_ASKED = /\/login\b|Authentication required|Sign in/i;

export function kubeRefusal(flat: string): KubeRefusal | undefined {
  const user = firstMatch([/forbidden: User "([^"]{1,200})"/], flat);
  // apiserver responsewriters.forbiddenMessage: `User %q cannot %s resource %q in API group %q
  // in the namespace %q` (or `at the cluster scope`); the resource may be `resource/subresource`.
  const rbac = search(
    /User "[^"]{1,200}" cannot ([a-z]{2,20}) resource "([\w.-]{1,100})(?:\/([\w-]{1,60}))?"(?: in API group "([\w.-]{0,100})")?(?: in the namespace "([a-z0-9-]{1,63})")?/,
    flat,
  );
  const object = search(
    /\b([a-z][\w-]{1,60}(?:\.[\w-]{1,60}){0,6}) "[^"]{1,253}" is forbidden: User "/,
    flat,
  );
  const resource = rbac ? (rbac[4] ? `${rbac[2]}.${rbac[4]}` : rbac[2]) : object?.[1];
  const subresource = rbac?.[3];
  const namespace = rbac?.[5];
  const plugin = firstMatch(
    [
      /exec: executable ([^\s"]{1,200}?) (?:not found|was not found)/,
      // …its quotes escaped inside a JSON or logfmt message (`exec: \\"gke-gcloud-auth-plugin\\": …`).
      /"([^\s"\\]{1,200})\\?": executable file not found in [$%]PATH/,
      /\b(gke-gcloud-auth-plugin), which is needed for continued use of kubectl, was not found/,
      // Go's os/exec for an absolute path that is not there (an auth-provider's `cmd-path`).
      /\bexec: "([^\s"]{1,200})": file does not exist/,
      // A shell's 127 (command not found) for the program a plugin runs (gke-gcloud-auth-plugin → gcloud).
      /failure while executing ([\w.-]{1,60}), with args \[[^\]]{0,200}\]: exit status 127/,
    ],
    flat,
  );
  const authProvider = firstMatch(
    [
      /The ([a-z]{2,20}) auth plugin (?:has been removed|is not supported)/,
      /no Auth Provider found for name "([\w-]{1,40})"/,
    ],
    flat,
  );
  const execRejected =
    firstMatch(
      [
        // Any version the client refuses (a paste cut short may end inside it: `…/v1a`), its
        // quotes escaped where a logfmt or JSON log holds the error (k9s, ksonnet: `\"`).
        /exec plugin: invalid apiVersion \\{0,3}"(client\.authentication\.k8s\.io\/v1\w{0,10})/,
        /plugin returned version (client\.authentication\.k8s\.io\/v1\w{0,10})/,
        /no kind "ExecCredential" is registered for version "(client\.authentication\.k8s\.io\/v1alpha1)"/,
      ],
      flat,
    ) ?? (matches(/interactiveMode must be specified/, flat) ? 'interactiveMode' : undefined);
  const refusedBy = matches(KUBELET_REFUSED, flat)
    ? 'kubelet'
    : matches(HTML_ANSWER, flat) && matches(SIGN_IN_ASKED, flat)
      ? 'login-page'
      : undefined;
  const out: KubeRefusal = {
    ...(user ? { user } : {}),
    ...(rbac?.[1] ? { verb: rbac[1] } : {}),
    ...(resource ? { resource } : {}),
    ...(subresource ? { subresource } : {}),
    ...(namespace ? { namespace } : {}),
    // The plugin by its name: `/usr/local/bin/aws-iam-authenticator` and `kubelogin.exe` alike.
    ...(plugin ? { missingPlugin: plugin.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '') } : {}),
    ...(authProvider ? { authProvider } : {}),
    ...(execRejected ? { execRejected } : {}),
    ...(refusedBy ? { refusedBy } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Newer AccessDenied messages: `… with an explicit deny in a service control policy:
 * arn:aws:organizations::…` (the policy ARN since the change in the AWS Security Blog post
 * "Enhanced access denied error messages with policy ARNs") or `… because no identity-based
 * policy allows the … action` (IAM User Guide, troubleshoot_access-denied).
 */
export function denial(flat: string): DenialFacts | undefined {
  const explicit = search(
    /with an explicit deny in an? ([a-z][\w -]{2,40}?policy)(?:: (arn:aws[\w-]*:[a-z0-9-]+:[^\s,]*:\d{12}?:[\w+=,.@/:-]{1,512}?))?(?=[\s,.;)]|$)/,
    flat,
  );
  const implicit = search(/because no ([a-z][\w -]{2,40}?policy) allows/, flat);
  const policyArn = explicit?.[2]?.replace(/[.,;:]+$/, '');
  const out: DenialFacts = {
    ...(explicit ? { policyType: explicit[1], reason: 'explicit-deny' as const } : {}),
    ...(!explicit && implicit ? { policyType: implicit[1], reason: 'implicit-deny' as const } : {}),
    ...(policyArn ? { policyArn } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The container credentials endpoint a paste shows. SDKs older than EKS Pod Identity
 * (aws-sdk-go < v1.47.11, aws-sdk-go-v2 config before release-2023-11-14, older botocore)
 * accept only loopback hosts and ECS's 169.254.170.2, and say so: `invalid endpoint host,
 * "169.254.170.23", only loopback hosts are allowed` (aws-sdk-go(-v2) resolve_credentials),
 * `Unsupported host '169.254.170.23'` (botocore).
 */
export function containerCredentials(flat: string): Facts['containerCredentials'] {
  const podIdentity = matches(
    /169\.254\.170\.23\b|fd00:ec2::23\b|eks-pod-identity-token|pods\.eks\.amazonaws\.com\/serviceaccount/,
    flat,
  );
  const ecs = matches(/169\.254\.170\.2\b|AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/, flat);
  if (!podIdentity && !ecs) return undefined;
  const rejected = matches(
    /only loopback hosts are allowed|Unsupported host '169\.254\.170\.23'|Can only retrieve metadata from these hosts/,
    flat,
  );
  return { endpoint: podIdentity ? 'eks-pod-identity' : 'ecs', rejected };
}

/**
 * A role named without a readable ARN: `role_name = "Deploy"`, aws-sdk-go-base's `The role
 * "Deploy" cannot be assumed` / `IAM Role (Deploy) cannot be assumed` with a bare name.
 */
export function roleName(flat: string): string | undefined {
  return firstMatch(
    [
      /\b[Rr]ole "([\w+=,.@-]{1,64})" cannot be assumed/,
      /\bIAM Role \(([\w+=,.@-]{1,64})\) cannot be assumed/,
      /\brole[ _]name[ =:]+"?([\w+=,.@-]{1,64})\b/i,
    ],
    flat,
  );
}

/** A Windows prompt or path: PowerShell (`PS C:\…>`, or paths alone), cmd (`C:\…>` alone). */
export function shellOf(text: string): Facts['shell'] {
  if (!text.includes('\\') && !text.includes('$env:')) return undefined; // no path, no variable
  if (matches(/^PS [A-Z]:\\[^\n>]{0,300}>/m, text) || matches(/\$env:[A-Z_]{2,}/, text))
    return 'powershell';
  if (matches(/^[A-Z]:\\[^\n>]{0,300}>/m, text)) return 'cmd';
  // No prompt, but Windows paths (a drive, or Terraform's module cache with backslashes): the
  // shell there is PowerShell unless a cmd prompt shows.
  if (matches(/(?:^|[\s"'(=])[A-Z]:\\[\w .-]{1,64}\\|\.terraform\\(?:modules|providers)\\/m, text))
    return 'powershell';
  return undefined;
}

/** S3-compatible services that answer with S3's error codes but are not AWS. */
const S3_COMPATIBLE: Array<[string, RegExp]> = [
  ['MinIO', /\bminio\b|\bminio_[a-z_]{3,}|aminueza\/minio/i],
  ['Cloudflare R2', /\br2\.cloudflarestorage\.com\b/],
  ['DigitalOcean Spaces', /\bdigitaloceanspaces\.com\b/],
  ['Wasabi', /\bwasabisys\.com\b/],
  ['Backblaze B2', /\bbackblazeb2\.com\b/],
  ['Ceph (RADOS Gateway)', /\bradosgw\b|\bceph\b/i],
  ['Linode Object Storage', /\blinodeobjects\.com\b/],
  ['Scaleway Object Storage', /\bs3\.[a-z-]{2,10}\.scw\.cloud\b/],
];

/**
 * An S3 endpoint the configuration or the CLI names that is not AWS's (`endpoint = "http://…"`,
 * `endpoints { s3 = … }`, `--endpoint-url`, AWS_ENDPOINT_URL_S3, restic's `s3:http://host/bucket`
 * repository): whatever answers there, IAM and STS in AWS know nothing of its keys.
 */
const S3_ENDPOINT =
  /(?:(?<![\w.-])s3:(?=https?:\/\/)|\bendpoints\s{0,4}=?\s{0,4}\{\s{0,20}s3\s{0,4}=\s{0,4}|\bendpoint\s{0,4}=\s{0,4}|\bs3_endpoint\s{0,4}=\s{0,4}|--endpoint-url[ =]|\bAWS_(?:ENDPOINT_URL_S3|ENDPOINT_URL|S3_ENDPOINT)=|\bendpoint_url\s{0,4}[=:]\s{0,4})["']?https?:\/\/([a-z0-9][a-z0-9.-]{0,200}[a-z0-9](?::\d{1,5})?)/i;

/**
 * AWS's own S3 answered: its `Server: AmazonS3` header, or an amazonaws.com bucket host. MinIO's
 * client libraries (minio-go, the `minio` Python package) talk to AWS S3 too (corpus
 * holdout13/h13-aws-thanos-1: Thanos's minio-go against a real bucket).
 */
const AWS_S3_ANSWERED = /Server: AmazonS3|Host: [\w.-]{1,200}\.s3[\w.-]{0,40}\.amazonaws\.com/;

/**
 * A traced HTTP request to an AWS host that carries no signature at all (no Authorization header,
 * no presigned X-Amz-Credential, no session token): the client called anonymously, having found no
 * credentials (corpus holdout13/h13-aws-thanos-1: minio-go's trace, then S3's 403).
 */
export function unsignedAwsRequest(flat: string): boolean {
  return (
    matches(/\b(?:GET|PUT|POST|HEAD|DELETE) \/\S{0,2000} HTTP\/1\.1/, flat) &&
    matches(/Host: [\w.-]{1,200}\.amazonaws\.com(?:\.cn)?\b/, flat) &&
    !matches(/Authorization:|X-Amz-Credential|AWS4-HMAC-SHA256|X-Amz-Security-Token/i, flat)
  );
}

/**
 * A Kubernetes distribution's bundled kubectl the paste runs (corpus holdout13/h13-multi-microk8s-k8s-1:
 * `sudo microk8s kubectl exec …`): the commands tfauth prints run through the same one.
 */
export function kubectlCommand(flat: string): string | undefined {
  const m = search(/\b(microk8s|k3s|k0s)[ .]kubectl\b/, flat);
  return m ? `${m[1] as string} kubectl` : undefined;
}

export function s3Compatible(flat: string): string | undefined {
  const named = S3_COMPATIBLE.find(([, re]) => matches(re, flat))?.[0];
  if (named === 'MinIO' && matches(AWS_S3_ANSWERED, flat)) return undefined;
  if (named) return named;
  const host = search(S3_ENDPOINT, flat)?.[1];
  if (
    host === undefined ||
    /(?:^|\.)amazonaws\.com(?:\.cn)?(?::\d+)?$|(?:^|\.)api\.aws(?::\d+)?$/i.test(host)
  )
    return undefined;
  return `the S3 endpoint ${host}`;
}

/**
 * The failing resource manages the EKS `aws-auth` ConfigMap (the EKS module's aws-auth
 * sub-module since v20, or a kubernetes_config_map… "aws_auth"): the identity that was refused
 * is most often mapped in neither aws-auth nor an access entry.
 */
export function eksAwsAuth(flat: string): boolean {
  return matches(
    /ConfigMap "aws-auth"|\bmodules[\\/]aws-auth\b|\bkubernetes_config_map(?:_v1)?(?:_data)?\.aws_auth\b|resource "kubernetes_config_map(?:_v1)?(?:_data)?" "aws_auth"/,
    flat,
  );
}

/** The CI system whose log this is, by markers only it prints (undefined: none shows). */
export function ciSystem(text: string): Facts['ciSystem'] {
  // Azure DevOps logging commands and tasks; the GitHub Actions runner (forked from the Azure
  // Pipelines agent) prints `##[error]` too, so its own markers are read first.
  if (
    matches(
      /actions\/runs\/\d|^::(?:error|warning|group)::|^Run [\w-]{1,64}\/[\w-]{1,64}@|^##\[(?:end)?group\]Run |\/home\/runner\/work\/|\bGITHUB_ACTIONS=|ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|token\.actions\.githubusercontent\.com|\bsecrets\.GITHUB_TOKEN\b/m,
      text,
    )
  )
    return 'github-actions';
  // The runner prints `##[error]` too; a GitHub App token refused by GitHub's own API there is the
  // job's GITHUB_TOKEN (corpus holdout17/h17-multi-labeler-1: actions/labeler on a fork's PR).
  if (matches(/^##\[error\][^\n]{0,200}Resource not accessible by integration/m, text))
    return 'github-actions';
  if (
    matches(
      /##vso\[|##\[(?:error|section|warning|command)\]|\b(?:AzureCLI|TerraformTaskV\d|TerraformCLI|AzurePowerShell|AzureResourceManagerTemplateDeployment)@\d|\$\(System\.(?:AccessToken|OidcRequestUri)\)|\bSYSTEM_(?:OIDCREQUESTURI|ACCESSTOKEN|TEAMFOUNDATIONCOLLECTIONURI)\b|vstoken\.dev\.azure\.com|\bsc:\/\/[\w.-]{1,100}\/[\w .-]{1,100}\/|\/home\/vsts\/work\/|[A-Z]:\\agent\\_work\\|\/agent\/_work\//m,
      text,
    )
  )
    return 'azure-devops';
  if (
    matches(
      /Running with gitlab-runner|\bCI_JOB_(?:JWT(?:_V2)?|TOKEN|ID)\b|\bGITLAB_CI\b|\.gitlab-ci\.yml|^section_(?:start|end):\d{6,}:|ERROR: Job failed: |\/builds\/[\w.-]{1,100}\/[\w.-]{1,100}\.tmp\//m,
      text,
    )
  )
    return 'gitlab';
  if (
    matches(
      /^\[Pipeline\] |^Started by (?:user|timer|an SCM change|upstream project)|^Finished: (?:FAILURE|SUCCESS|UNSTABLE|ABORTED)$|\/var\/lib\/jenkins\/|\bJENKINS_(?:HOME|URL)\b|\/jenkins\/workspace\//m,
      text,
    )
  )
    return 'jenkins';
  return undefined;
}

/** The paste names Google (a googleapis host, gcloud, a service account, GOOGLE_* settings). */
export function googleNamed(flat: string): boolean {
  // invalid_rapt ("reauth related error") is Google's own code: it names Google as well, and so
  // does Signet, Google's OAuth client for Ruby (googleapis/signet).
  return matches(
    /google|gcloud|googleapis|gserviceaccount|\bgcp\b|\bGCP\b|\bGCE\b|\bGKE\b|invalid_rapt|\bSignet::/i,
    flat,
  );
}

/** The paste shows the OAuth request was a refresh-token grant (a client logging its request). */
export function refreshTokenGrant(flat: string): boolean {
  return matches(/grant_type=refresh_token|"grant_type": ?"refresh_token"/, flat);
}

/**
 * The kind of GitHub token the paste shows: by its prefix (`ghp_` classic PAT, `github_pat_`
 * fine-grained, `ghs_` installation, `gho_` OAuth app, `ghu_` App user token) or by GitHub's own
 * wording (`Resource not accessible by integration` is an installation token: a GitHub App's or
 * the Actions GITHUB_TOKEN, which is the GitHub Actions app's; `… by personal access token` a
 * fine-grained PAT), or the provider's `app_auth`.
 */
export function githubToken(flat: string): Facts['githubToken'] {
  if (matches(/\bgithub_pat_|Resource not accessible by personal access token/, flat))
    return 'fine_grained_pat';
  if (matches(/\bghp_/, flat)) return 'classic_pat';
  if (matches(/\bgho_/, flat)) return 'oauth_app';
  if (matches(/\bghu_/, flat)) return 'app_user';
  if (
    matches(
      /\bghs_|Resource not accessible by integration|\bapp_auth\b|\/app\/installations\/|installation id \d/,
      flat,
    )
  )
    return 'installation';
  return undefined;
}

/** `owner/repo` of a GitHub REST call in the paste (`api.github.com/repos/<owner>/<repo>/…`). */
export function githubRepo(flat: string): { owner: string; repo?: string } | undefined {
  const m = search(
    /\bapi\.github\.com\/(?:repos|orgs)\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?:\/([\w.-]{1,100}))?/,
    flat,
  );
  if (!m?.[1]) return undefined;
  const repo = /\/repos\//.test(m[0]) ? m[2] : undefined;
  return { owner: m[1], ...(repo ? { repo } : {}) };
}

/**
 * The run executed on HCP Terraform / Terraform Enterprise workers (the remote backend or the
 * `cloud` block streams their output): credentials on the laptop do not reach it.
 */
export function remoteRun(flat: string): boolean {
  return matches(
    /Preparing the remote (?:plan|apply)|Running (?:plan|apply) in (?:HCP Terraform|Terraform Cloud|Terraform Enterprise|the remote backend)|To view this run in a browser, visit:|\/app\/[\w-]{1,90}\/(?:workspaces\/)?[\w-]{1,90}\/runs\/run-[A-Za-z0-9]{6,}/,
    flat,
  );
}

/** Words only these controllers print: plain searches (a pattern tried at every word cost 170 µs a paste). */
const TF_CONTROLLER_WORDS = [
  'infra.contrib.fluxcd.io',
  'tf-runner',
  'tf-controller',
  'tofu-controller',
];
const CROSSPLANE_WORDS = [
  'upbound.io/',
  'crossplane.io/',
  'rossplane',
  'CannotConnectToProvider',
  'ProviderConfig',
  'no-fork AWS client',
  'no-fork client',
  'async external client',
  // provider-kubernetes and provider-helm (crossplane-contrib), and crossplane-runtime's reason.
  'cannot create new Kubernetes client',
  'ReconcileError',
];

/**
 * Velero's server (pkg/controller's backup storage location and backup-sync controllers, its
 * backup and snapshot errors; velero-io/velero logs them with logrus, `logSource="pkg/…"`).
 * Examples: corpus holdout16/h16-aws-velero-bsl-403-1, holdout7/h7-velero-3135-1,
 * holdout16/h16-multi-velero-snapshot-invalidsub-33.
 */
export const VELERO =
  /\bvelero\b|[Bb]ackup ?[Ss]torage ?[Ll]ocations?\b|\bbackupstoragelocation\b|\bbackup-storage-location\b|\bVolumeSnapshotLocation\b|\bcontroller=backup-sync\b|[Ee]rror getting backup store\b|\bbackup stores? for location\b/;
/**
 * Argo CD's application controller comparing or loading live state (argo-cd's
 * controller/state.go `ComparisonError`, `Failed to load live state`). Not `argocd cluster
 * add`, which the engineer runs with their own kubeconfig.
 * Examples: corpus holdout16/h16-multi-argocd-comparison-creds-17, holdout7/h7-argocd-24876-1.
 */
export const ARGOCD_CONTROLLER =
  /\bComparisonError\b|Failed to load live state\b|\bargocd-application-controller\b/;
const ARGOCD_CLI = /\bargocd (?:cluster|login|app|proj|repo|account)\b/;
/**
 * cert-manager's controller (klog lines `cert-manager/controller/…`, `logger="cert-manager…"`) and
 * its DNS01 solvers' own errors (pkg/issuer/acme/dns: route53.go, azuredns.go). Not its
 * admission webhook refusing an Issuer, which the engineer's apply got back.
 * Examples: corpus holdout17/h17-aws-certmgr-r53-invalidtoken-1, holdout15/h15-multi-certmgr-txtwrite-1.
 */
export const CERT_MANAGER =
  /\bcert-manager\/controller\b|logger="cert-manager\b|Presenting DNS01 challenge\b|error presenting acme authorization\b|Failed to (?:determine Route 53 hosted zone ID|change Route 53 record set)\b|\bazuredns\.go:\d/;

/**
 * A Kubernetes controller made the call: Crossplane (its managed resources' events and
 * conditions, `*.upbound.io` / `*.crossplane.io` kinds) or Flux's Terraform controller
 * (`infra.contrib.fluxcd.io`, its tf-runner pods) running the provider; Velero's server; Argo
 * CD's application controller; cert-manager. Its credentials come from the cluster, not a shell.
 */
export function controller(text: string): Facts['controller'] {
  if (matches(TF_CONTROLLER, text)) return 'tf-controller';
  if (matches(CROSSPLANE, text)) return 'crossplane';
  if (matches(VELERO, text)) return 'velero';
  if (matches(ARGOCD_CONTROLLER, text) && !matches(ARGOCD_CLI, text)) return 'argocd';
  if (matches(CERT_MANAGER, text)) return 'cert-manager';
  return undefined;
}

/**
 * A process other than the engineer's shell made the failing call, with credentials of its own:
 * an AWS Lambda function (its code under /var/task, its runtime under /var/runtime) or the Docker
 * daemon (dockerd's journal lines, its logging driver starting a container).
 */
const LAMBDA_RUNTIME = /(?:^|[\s(])\/var\/(?:task|runtime)\/|\bAWS_LAMBDA_FUNCTION_NAME\b/;
const DOCKER_DAEMON = /\bdockerd\[\d{1,8}\]|failed to initialize logging driver\b/;

export function runsIn(text: string): Facts['runsIn'] {
  if (matches(LAMBDA_RUNTIME, text)) return 'lambda';
  if (matches(DOCKER_DAEMON, text)) return 'dockerd';
  return undefined;
}

/** One pattern per word list, so the gate answers for the whole list from its one pass. */
function anyWord(words: readonly string[]): RegExp {
  return new RegExp(words.map(escapeRegExp).join('|'));
}
const TF_CONTROLLER = anyWord(TF_CONTROLLER_WORDS);
const CROSSPLANE = anyWord(CROSSPLANE_WORDS);

/**
 * A value the request carried was a placeholder nobody filled: Go's text/template renders a
 * missing key as `<no value>` (Crossplane's composition functions, Helm); braces left around a
 * value in a .env or config file reach a URL encoded as `%7B…%7D`.
 * Examples: corpus holdout17/h17-multi-crossplane-upjet-rbac-1, holdout17/h17-multi-bookstack-azuread-1.
 */
const UNFILLED = [/(<no value>)/, /https?:\/\/[^\s"'`]{0,200}?(%7[Bb][^\s"'`/]{0,80}%7[Dd])/];

export function unfilledValue(flat: string): string | undefined {
  return firstMatch(UNFILLED, flat);
}

/**
 * Docker's registry client (docker/distribution registry/client/errors.go,
 * UnexpectedHTTPResponseError) given S3's XML error by the storage behind a registry.
 * Example: corpus holdout17/h17-aws-tutum-invalidkey-1.
 */
export function registryStorageRefused(flat: string): boolean {
  return matches(
    /error parsing HTTP 40\d response body: invalid character '<' looking for beginning of value/,
    flat,
  );
}

export function stateNotPersisted(flat: string): boolean {
  return matches(/errored\.tfstate|Failed to (?:persist|save) state|Error saving state/, flat);
}
