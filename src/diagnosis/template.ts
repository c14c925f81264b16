// Fills catalog text with facts from the paste.
//   `{profile}`                → the value, or `<profile>` when the paste did not show one
//   `[ --profile {profile}]`   → the bracketed part only when every placeholder in it is known
// Values are facts (never secrets): masked key ids, names, ARNs, regions.

import { keyAccountMismatch } from './signals';
import type { Facts } from './types';

export type TemplateVars = Partial<Record<string, string>>;

export function templateVars(f: Facts): TemplateVars {
  const key = f.accessKeys.find((k) => k.kind === 'long-term' || k.kind === 'temporary');
  const role = f.roleArns.find((r) => r.includes(':role/')) ?? f.roleArns[0];
  const mismatch = keyAccountMismatch(f);
  const skew = f.clock?.skewSeconds;
  return {
    key: key?.masked,
    key_kind: key?.description,
    key_account: key?.accountId ?? mismatch?.keyAccount,
    other_account: mismatch?.otherAccount,
    region: f.region,
    partition: f.partition,
    profile: f.profiles[0],
    role,
    principal: f.principal,
    account: f.accountIds[0],
    role_account: role ? /^arn:[^:]+:[^:]+::(\d{12}):/.exec(role)?.[1] : undefined,
    block: f.failedBlock ? describeBlock(f) : undefined,
    alias: f.failedBlock?.alias,
    skew:
      skew === undefined
        ? undefined
        : `${formatDuration(Math.abs(skew)).slice(1)} ${skew < 0 ? 'behind' : 'ahead of'}`,
    action: f.deniedAction,
    operation: f.operations[0],
    code: f.errorCodes[0],
    status: f.httpStatus === undefined ? undefined : String(f.httpStatus),
    host: f.hosts[0],
    endpoint: f.endpoint,
    subscription: f.subscriptionIds[0],
    tenant: f.tenantIds[0],
    client: f.clientIds[0],
    project: f.gcpProjects[0],
  };
}

export function fill(template: string, vars: TemplateVars): string {
  const optional = template.replace(/\[([^[\]]*)\]/g, (_m, inner: string) => {
    const names = [...inner.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    return names.every((n) => vars[n] !== undefined) ? inner : '';
  });
  return optional.replace(
    /\{(\w+)\}/g,
    (_m, name: string) => vars[name] ?? `<${name.replace(/_/g, '-')}>`,
  );
}

export function describeBlock(f: Facts): string {
  const b = f.failedBlock;
  if (!b) return '';
  switch (b.kind) {
    case 's3_backend':
      return 'the S3 backend';
    case 'backend':
      return b.name ? `the ${b.name} backend` : 'the backend';
    case 'provider':
      return `provider "${b.name ?? '?'}"${b.alias ? ` (alias ${b.alias})` : ''}`;
    case 'remote_state':
      return `data.terraform_remote_state.${b.name ?? '?'}`;
    case 'exec_plugin':
      return b.name ? `the exec credential plugin ${b.name}` : 'an exec credential plugin';
    default:
      return b.name ?? b.location ?? b.kind;
  }
}

export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '+';
  let s = Math.abs(totalSeconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].filter(
    Boolean,
  );
  return `${sign}${parts.join(' ')}`;
}
