// App Home: what tfauth does, how to use it, and the team's numbers.

import type { StatsReport } from '../../../infra/outcomes';
import { context, divider, header, section, type HomeView } from '../../blocks/kit';
import { LIMITS } from '../../blocks/limits';
import { USAGE } from '../help/screens';
import { statsBlocks, storedNote } from './screens';

export function homeView(
  week: StatsReport,
  month: StatsReport,
  settings: string[],
  retentionDays: number,
): HomeView {
  return {
    type: 'home',
    blocks: [
      header('tfauth — Terraform credentials, explained'),
      section(USAGE),
      divider(),
      header('Your team'),
      ...statsBlocks(week),
      ...statsBlocks(month),
      storedNote(retentionDays),
      divider(),
      context(settings),
    ].slice(0, LIMITS.viewBlocks),
  };
}
