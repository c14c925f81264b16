// A diagnosis rebuilt from flow state alone (for "Share in channel" and restarts): the
// catalog entry, causes and checklist re-ranked with the facts the state carries.

import {
  catalogEntry,
  describeClass,
  guideCauses,
  guideHeadline,
  guideSteps,
  type Diagnosis,
} from '../../../diagnosis';
import { FlowCodec, type FlowState } from './state';

export function diagnosisFromState(state: FlowState): Diagnosis {
  const base = describeClass(state.c);
  const guide = FlowCodec.guide(state);
  const entry = catalogEntry(state.c);
  return {
    ...base,
    ...guideHeadline(state.c, guide),
    confidence: state.q ?? base.confidence,
    causes: guideCauses(state.c, guide),
    steps: guideSteps(state.c, state.s ?? 'unknown', guide).filter((s) =>
      entry.steps.some((e) => e.id === s.id),
    ),
    notes: [],
    guide,
    facts: {
      ...factsFromVars(base.facts, state.x ?? {}),
      ...(state.s ? { credentialSource: state.s } : {}),
    },
  };
}

/** The masked facts a state carries, back in the shape the reply shows. */
function factsFromVars(empty: Diagnosis['facts'], x: Record<string, string>): Diagnosis['facts'] {
  const list = (v: string | undefined) => (v ? [v] : []);
  const key = x.key;
  return {
    ...empty,
    errorCodes: list(x.code),
    operations: list(x.operation),
    ...(x.status && /^\d+$/.test(x.status) ? { httpStatus: Number(x.status) } : {}),
    ...(x.region ? { region: x.region } : {}),
    ...(x.partition ? { partition: x.partition } : {}),
    ...(x.endpoint ? { endpoint: x.endpoint } : {}),
    ...(x.principal ? { principal: x.principal } : {}),
    ...(x.action ? { deniedAction: x.action } : {}),
    roleArns: list(x.role),
    profiles: list(x.profile),
    hosts: list(x.host),
    subscriptionIds: list(x.subscription),
    tenantIds: list(x.tenant),
    clientIds: list(x.client),
    gcpProjects: list(x.project),
    accessKeys: key
      ? [
          {
            masked: key,
            prefix: key.slice(0, 4),
            kind: key.startsWith('ASIA') ? 'temporary' : 'long-term',
            description: x.key_kind ?? 'access key',
            ...(x.key_account ? { accountId: x.key_account } : {}),
          },
        ]
      : [],
  };
}
