// The one line on top of a reply when the team has history for this class.

import type { TeamHeadline, TeamHistory } from '../../../diagnosis';
import { escape } from '../../blocks/mrkdwn';

export interface TeamMemory {
  history: TeamHistory;
  /** Today (YYYY-MM-DD, UTC), for "last: 3 days ago". */
  today: string;
}

/** "today", "yesterday", "3 days ago". */
export function daysAgo(day: string, today: string): string {
  const n = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
  );
  return n <= 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`;
}

/** "Here, this was fixed 7 of 9 times by *Refresh the SSO session* (last: 3 days ago)." */
export function headlineText(h: TeamHeadline, today: string): string {
  const last = h.lastFixed ? ` (last: ${daysAgo(h.lastFixed, today)})` : '';
  return `:brain: Here, this was fixed ${h.fixed} of ${h.resolved} times by *${escape(h.step.title)}*${last}.`;
}
