// Team memory for replies: what fixed this class in this workspace before, read from the
// outcome store (derived records only) and handed to the reply builder, which puts that step
// first (src/diagnosis/team-history.ts decides the order). Failing to read history never
// delays or blocks a reply: it is answered in the catalog's order instead.

import type { Diagnosis, TeamHistory } from '../../../diagnosis';
import type { StatsReport } from '../../../infra/outcomes';
import type { BotContext } from '../../bot-context';
import type { TeamMemory } from './team-line';

export function historyFor(report: StatsReport, classId: string): TeamHistory | undefined {
  const steps = report.steps.filter((s) => s.classId === classId);
  if (steps.length === 0) return undefined;
  const c = report.perClass.find((p) => p.classId === classId);
  return {
    resolved: (c?.fixed ?? 0) + (c?.stuck ?? 0),
    steps: steps.map((s) => ({
      step: s.step,
      fixed: s.fixed,
      failed: s.failed,
      ...(s.lastFixed ? { lastFixed: s.lastFixed } : {}),
    })),
  };
}

export async function teamMemory(bot: BotContext, d: Diagnosis): Promise<TeamMemory | undefined> {
  if (d.classId === 'none') return undefined;
  try {
    const now = bot.now();
    const history = historyFor(await bot.outcomes.stats(bot.config.outcomeDays, now), d.classId);
    return history ? { history, today: new Date(now).toISOString().slice(0, 10) } : undefined;
  } catch (err) {
    bot.logger.warn('could not read team history; answering in catalog order', { error: err });
    return undefined;
  }
}
