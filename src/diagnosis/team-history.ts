// Team memory: the checklist puts first what fixed this class here before. The catalog's
// order is the prior (knowledge); the team's outcomes are evidence. Each step's chance of
// being the fix is a Beta posterior whose prior mean falls with the step's catalog position,
// worth PRIOR_STRENGTH outcomes — so one or two lucky fixes cannot reorder the catalog, and
// a step that kept fixing it moves up. No history: the catalog order, unchanged.

import type { Step } from './types';

export interface StepOutcomes {
  step: string;
  fixed: number;
  /** Tried in the walk-through ("Done, still failing") without fixing it. */
  failed: number;
  /** Day (YYYY-MM-DD) it last fixed it. */
  lastFixed?: string;
}

export interface TeamHistory {
  /** Times this class ended fixed or stuck here (the "of N" in the headline). */
  resolved: number;
  steps: StepOutcomes[];
}

export interface TeamHeadline {
  step: Step;
  fixed: number;
  resolved: number;
  lastFixed?: string;
}

/** How many outcomes the catalog's order is worth. */
export const PRIOR_STRENGTH = 4;
/** Prior mean of the first step; later steps fall linearly toward FIRST_STEP_PRIOR / n. */
export const FIRST_STEP_PRIOR = 0.6;
/** Fixes a step needs before the headline names it. */
export const HEADLINE_MIN_FIXES = 2;

export function priorMean(index: number, count: number): number {
  return (FIRST_STEP_PRIOR * (count - index)) / count;
}

/** Posterior mean of "this step is the fix" after the team's outcomes. */
export function posterior(index: number, count: number, o?: StepOutcomes): number {
  const alpha = PRIOR_STRENGTH * priorMean(index, count);
  const beta = PRIOR_STRENGTH - alpha;
  return (alpha + (o?.fixed ?? 0)) / (alpha + beta + (o?.fixed ?? 0) + (o?.failed ?? 0));
}

export function rerankSteps(
  steps: Step[],
  history: TeamHistory | undefined,
): { steps: Step[]; headline?: TeamHeadline } {
  if (!history || history.steps.length === 0) return { steps };
  const byId = new Map(history.steps.map((s) => [s.step, s]));
  const scored = steps.map((step, i) => ({
    step,
    i,
    p: posterior(i, steps.length, byId.get(step.id)),
  }));
  // Stable: equal scores keep the catalog's order.
  // On equal odds the step this team has seen fix it goes first: observed fixes over an untried prior.
  const fixes = (s: { step: Step }): number => byId.get(s.step.id)?.fixed ?? 0;
  scored.sort((a, b) => b.p - a.p || fixes(b) - fixes(a) || a.i - b.i);
  const best = steps
    .map((step) => ({ step, o: byId.get(step.id) }))
    .filter((x) => (x.o?.fixed ?? 0) >= HEADLINE_MIN_FIXES)
    .sort((a, b) => (b.o?.fixed ?? 0) - (a.o?.fixed ?? 0))[0];
  return {
    steps: scored.map((s) => s.step),
    ...(best?.o
      ? {
          headline: {
            step: best.step,
            fixed: best.o.fixed,
            resolved: Math.max(history.resolved, best.o.fixed),
            ...(best.o.lastFixed ? { lastFixed: best.o.lastFixed } : {}),
          },
        }
      : {}),
  };
}
