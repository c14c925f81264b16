// The team-memory ranking: the catalog order is the prior; outcomes move a step only when
// there are enough of them.

import { posterior, rerankSteps, type TeamHistory } from '../../src/diagnosis/team-history';
import type { Step } from '../../src/diagnosis';

const steps: Step[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: `Step ${id}`, commands: [] }));
const ids = (s: Step[]) => s.map((x) => x.id).join('');
const history = (fixes: number, failed = 0): TeamHistory => ({
  resolved: fixes + failed,
  steps: [
    { step: 'c', fixed: fixes, failed: 0, lastFixed: '2026-11-28' },
    { step: 'a', fixed: 0, failed },
  ],
});

it('keeps the catalog order without history', () => {
  expect(ids(rerankSteps(steps, undefined).steps)).toBe('abcd');
  expect(ids(rerankSteps(steps, { resolved: 0, steps: [] }).steps)).toBe('abcd');
  expect(rerankSteps(steps, undefined).headline).toBeUndefined();
});

it('one lucky fix does not override the catalog; repeated fixes do', () => {
  expect(ids(rerankSteps(steps, history(1)).steps)).toBe('abcd');
  expect(ids(rerankSteps(steps, history(3, 3)).steps)).toBe('cbad');
});

it('names the step in the headline once it fixed it at least twice', () => {
  expect(rerankSteps(steps, history(1)).headline).toBeUndefined();
  expect(rerankSteps(steps, history(3, 1)).headline).toMatchObject({
    step: { id: 'c' },
    fixed: 3,
    resolved: 4,
    lastFixed: '2026-11-28',
  });
});

it('the posterior falls with catalog position and rises with fixes', () => {
  expect(posterior(0, 4)).toBeGreaterThan(posterior(1, 4));
  expect(posterior(3, 4, { step: 'd', fixed: 2, failed: 0 })).toBeGreaterThan(posterior(3, 4));
});

it('on equal odds, a step the team saw fix it three times goes before an untried first step', () => {
  // Four steps: the third's posterior after 3 fixes (1.2 + 3) / 7 equals the first's untried prior 0.6.
  expect(posterior(2, 4, { step: 'c', fixed: 3, failed: 0 })).toBeCloseTo(posterior(0, 4));
  expect(ids(rerankSteps(steps, history(3)).steps)).toBe('cabd');
});
