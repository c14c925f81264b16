// Assembles the Facts of a paste from the focused, normalized text. Every extractor is a
// bounded regex pass, so this stays linear in the (already capped) focused text.

import type { Facts } from '../types';
import { clockFacts } from './clock';
import {
  azureDetails,
  ciSystem,
  cluster,
  containerCredentials,
  controller,
  runsIn,
  denial,
  eksAwsAuth,
  gcpServiceAccount,
  gcsBucket,
  gcpTargetServiceAccount,
  githubRepo,
  githubToken,
  googleNamed,
  keyVault,
  kubectlCommand,
  kubeRefusal,
  refreshTokenGrant,
  remoteRun,
  roleName,
  s3Compatible,
  s3Object,
  shellOf,
  stateNotPersisted,
  unfilledValue,
  registryStorageRefused,
  storageAccount,
  tfcHost,
  githubApi,
  storageDataRole,
  unsignedAwsRequest,
  wifProvider,
} from './context';
import {
  deniedAction,
  deniedKmsKey,
  duplicatedHeaders,
  encodedAuthorizationMessage,
  errorCodes,
  httpStatus,
  operations,
  requestIds,
} from './errors';
import {
  accessKeys,
  arns,
  clientIds,
  gcpProjects,
  googleApiScope,
  principal,
  profiles,
  redactedRole,
  roleArns,
  sourceProfile,
  ssoSession,
  subscriptionIds,
  tenantIds,
} from './identity';
import { hosts, regionFacts } from './location';
import { appTool, failedBlock, formatEra, tools, versions } from './terraform';
import { gate } from '../pattern-gate';
import { unique } from '../text-util';

export interface FactSources {
  /** Normalized lines of the focused text. */
  text: string;
  /** The same text flattened onto one line. */
  flat: string;
  /** Raw head and tail of a large input: versions and tools are printed at the start. */
  context: string;
  /**
   * The paste as pasted (redacted), or its head and tail when large: CI log prefixes and
   * logging commands (`##[error]`, `##vso[`) that normalizing strips tell the CI system.
   */
  raw?: string;
  /** The raw paste shows Terraform's diagnostic frame (`╷ │ ╵`), which normalizing removes. */
  framed?: boolean;
}

export function extractFacts(sources: FactSources): Facts {
  return gate.during(() => extract(sources));
}

function extract({ text, flat, context, raw, framed }: FactSources): Facts {
  const allArns = arns(flat);
  const keys = accessKeys(`${flat}\n${context}`);
  const target = gcpTargetServiceAccount(flat);
  // The service account a denial is about is not who was refused (`actAs denied on X`).
  const caller = principal(flat);
  const who = caller !== undefined && caller === target ? undefined : caller;
  const redacted = redactedRole(flat);
  const block = failedBlock(text, flat);
  const clock = clockFacts(flat);
  const status = httpStatus(flat);
  const denied = deniedAction(flat);
  const kmsKey = deniedKmsKey(flat);
  const encoded = encodedAuthorizationMessage(flat);
  const doubled = duplicatedHeaders(flat);
  // One string for the three readers of the head, tail and focused text (each copy of a
  // joined string is flattened again by the first pattern that reads it).
  const whole = `${context}\n${text}`;
  const { terraformVersion, providerVersions } = versions(whole);
  const toolList = tools(whole, framed);
  const era = formatEra(flat, appTool(toolList) !== undefined);
  const accountIds = unique([
    ...allArns.map((a) => a.accountId).filter((a): a is string => a !== undefined),
    ...keys.map((k) => k.accountId).filter((a): a is string => a !== undefined),
  ]);
  return {
    errorCodes: errorCodes(flat),
    operations: operations(flat),
    ...(status !== undefined ? { httpStatus: status } : {}),
    requestIds: requestIds(flat),
    ...regionFacts(flat, allArns, text),
    accessKeys: keys,
    arns: allArns,
    ...(who ? { principal: who } : {}),
    roleArns: roleArns(allArns),
    accountIds,
    profiles: profiles(flat),
    ...(block ? { failedBlock: block } : {}),
    ...(clock ? { clock } : {}),
    ...(terraformVersion ? { terraformVersion } : {}),
    providerVersions,
    ...(era ? { formatEra: era } : {}),
    tools: toolList,
    ...oidcIssuerFact(flat),
    ...(denied ? { deniedAction: denied } : {}),
    ...(kmsKey ? { kmsKey } : {}),
    ...(encoded ? { encodedAuthorizationMessage: encoded } : {}),
    ...(doubled.length > 0 ? { duplicatedHeaders: doubled } : {}),
    subscriptionIds: subscriptionIds(flat),
    tenantIds: tenantIds(flat),
    clientIds: clientIds(flat),
    gcpProjects: gcpProjects(flat),
    hosts: hosts(flat),
    ...defined({
      roleName: roleName(flat) ?? redacted?.name,
      redactedRoleArn: redacted?.arn,
      tfcHost: tfcHost(flat),
      githubApi: githubApi(flat),
      storageDataRole: storageDataRole(flat),
      gcpServiceAccount: gcpServiceAccount(flat),
      gcpTargetServiceAccount: target,
      googleApiScope: googleApiScope(flat),
      sourceProfile: sourceProfile(flat),
      ssoSession: ssoSession(flat),
      gcsBucket: gcsBucket(flat),
      wif: wifProvider(flat),
      s3: s3Object(flat),
      azure: azureDetails(flat),
      storageAccount: storageAccount(flat),
      keyVault: keyVault(flat),
      cluster: cluster(flat),
      kube: kubeRefusal(flat),
      containerCredentials: containerCredentials(flat),
      denial: denial(flat),
      shell: shellOf(whole),
      stateNotPersisted: stateNotPersisted(flat) || undefined,
      unfilledValue: unfilledValue(flat),
      registryStorageRefused: registryStorageRefused(flat) || undefined,
      remoteRun: remoteRun(flat) || undefined,
      controller: controller(whole),
      runsIn: runsIn(whole),
      s3Compatible: s3Compatible(flat),
      unsignedRequest: unsignedAwsRequest(flat) || undefined,
      kubectlCommand: kubectlCommand(flat),
      ciSystem: ciSystem(raw ?? whole),
      eksAwsAuth: eksAwsAuth(flat) || undefined,
      googleNamed: googleNamed(flat) || undefined,
      refreshTokenGrant: refreshTokenGrant(flat) || undefined,
      githubToken: githubToken(flat),
      githubRepo: githubRepo(flat),
    }),
  };
}

/** The entries whose value is known (Facts keeps absent optional facts absent). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The facts of a text that has none (same shape as extractFacts, without the work). */
export function emptyFacts(): Facts {
  return {
    errorCodes: [],
    operations: [],
    requestIds: [],
    accessKeys: [],
    arns: [],
    roleArns: [],
    accountIds: [],
    profiles: [],
    providerVersions: {},
    tools: [],
    subscriptionIds: [],
    tenantIds: [],
    clientIds: [],
    gcpProjects: [],
    hosts: [],
  };
}

/** STS names the issuer it has no IAM OIDC provider for (with or without its scheme). */
const NO_OIDC_PROVIDER =
  /No OpenIDConnect provider found in your account for (?:this URL:\s{0,8})?(?:https:\/\/)?([\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?::\d{1,5})?(?:\/[\w.~%-]{1,200}){0,8})/;

function oidcIssuerFact(flat: string): { oidcIssuer?: string } {
  const m = NO_OIDC_PROVIDER.exec(flat);
  const issuer = m?.[1]?.replace(/\.$/, '');
  // An EKS issuer whose id the reporter masked (`…/id/<ID>`) stops at `/id`: no issuer to name.
  if (!issuer || /\.eks\.[\w.-]{1,40}\/id$/.test(issuer)) return {};
  return { oidcIssuer: `https://${issuer}` };
}
