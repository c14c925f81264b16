// A diagnosis rebuilt from flow state alone (for "Share in channel" and restarts): the
// catalog entry, causes and checklist re-ranked with the facts the state carries.

import { catalogEntry, describeClass, guideCauses, guideSteps, type Diagnosis } from '../diagnosis';
import { FlowCodec, type FlowState } from './flow-state';

export function diagnosisFromState(state: FlowState): Diagnosis {
  const base = describeClass(state.c);
  const guide = FlowCodec.guide(state);
  const entry = catalogEntry(state.c);
  return {
    ...base,
    confidence: 1,
    causes: guideCauses(state.c, guide),
    steps: guideSteps(state.c, state.s ?? 'unknown', guide).filter((s) =>
      entry.steps.some((e) => e.id === s.id),
    ),
    notes: [],
    guide,
    facts: { ...base.facts, ...(state.s ? { credentialSource: state.s } : {}) },
  };
}
