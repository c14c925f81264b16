// Which installation this process serves. A valid signature proves a request came from
// Slack for this app's signing secret, not that it is for our workspace: an app installed
// in several workspaces (or a second app sharing a secret by mistake) gets signed requests
// for all of them. The ids come from auth.test at start (team, enterprise) and, for the
// app id, from auth.test's `app_id` when Slack returns it, else SLACK_APP_ID.

import { isObject } from './payload-shape';

export interface Installation {
  teamId?: string;
  enterpriseId?: string;
  appId?: string;
  /** TFAUTH_MULTI_WORKSPACE=1: any workspace or enterprise of this app is served. */
  multiWorkspace: boolean;
}

export interface AuthTestResult {
  team_id?: string;
  enterprise_id?: string;
  app_id?: string;
}

export function installationFrom(
  auth: AuthTestResult,
  config: { appId?: string; multiWorkspace: boolean },
): Installation {
  const appId = auth.app_id ?? config.appId;
  return {
    ...(auth.team_id ? { teamId: auth.team_id } : {}),
    ...(auth.enterprise_id ? { enterpriseId: auth.enterprise_id } : {}),
    ...(appId ? { appId } : {}),
    multiWorkspace: config.multiWorkspace,
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function idOf(v: unknown): string | undefined {
  return isObject(v) ? str(v.id) : undefined;
}

/** The ids a payload claims: events, slash commands and interactivity each put them elsewhere. */
export function claimedIds(body: Record<string, unknown>): {
  teams: string[];
  enterprises: string[];
  app?: string;
} {
  const teams = [str(body.team_id), idOf(body.team)].filter((x): x is string => !!x);
  const enterprises = [
    str(body.enterprise_id),
    str(body.context_enterprise_id),
    idOf(body.enterprise),
  ].filter((x): x is string => !!x);
  const app = str(body.api_app_id);
  return { teams, enterprises, ...(app ? { app } : {}) };
}

/** Why this payload is not for this installation, or undefined when it is (or cannot say). */
export function foreignReason(
  body: Record<string, unknown>,
  inst: Installation | undefined,
): string | undefined {
  if (!inst) return undefined;
  const { teams, enterprises, app } = claimedIds(body);
  if (inst.appId && app && app !== inst.appId) return 'another app';
  if (inst.multiWorkspace) return undefined;
  if (inst.teamId && teams.some((t) => t !== inst.teamId)) return 'another workspace';
  if (enterprises.some((e) => e !== inst.enterpriseId)) return 'another enterprise';
  return undefined;
}
