// App Home: what tfauth does, how to use it, and the team's numbers.

import type { StatsReport } from '../../../infra/outcomes';
import { context, header, section } from '../../blocks/kit';
import { USAGE } from '../help/screens';
import { statsBlocks, storedNote } from './screens';

export function homeView(
  week: StatsReport,
  month: StatsReport,
  settings: string[],
  retentionDays: number,
): Record<string, unknown> {
  return {
    type: 'home',
    blocks: [
      header('tfauth — Terraform credentials, explained'),
      section(USAGE),
      { type: 'divider' },
      header('Your team'),
      ...statsBlocks(week),
      ...statsBlocks(month),
      storedNote(retentionDays),
      { type: 'divider' },
      context(settings),
    ].slice(0, 100),
  };
}
