// The flow state a diagnosis starts with: its class, the facts that fill commands, and
// the signals that held. Only non-secret, already-masked values go into buttons.

import type { Diagnosis } from '../diagnosis';
import { computeSignals } from '../diagnosis/signals';
import { templateVars } from '../diagnosis/template';
import type { FlowState } from './flow-state';

const MAX_VAR_LENGTH = 200;

export function flowStart(d: Diagnosis): Omit<FlowState, 't'> {
  if (d.classId === 'none') throw new Error('no flow for a none diagnosis');
  const x: Record<string, string> = {};
  for (const [k, v] of Object.entries(templateVars(d.facts)))
    if (v !== undefined && v.length <= MAX_VAR_LENGTH) x[k] = v;
  return {
    c: d.classId,
    ...(d.facts.credentialSource ? { s: d.facts.credentialSource } : {}),
    x,
    g: [...computeSignals(d.facts)],
  };
}
