// `tfauth feedback`: which rules people marked "Not an auth error", read from the embedded
// outcome store — the list to start from when fixing the catalog (nothing is silenced
// automatically). Works on a copy of a replica's TFAUTH_DATA_DIR too.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileOutcomeStore } from '../infra/outcomes-file';
import type { StatsReport } from '../infra/outcomes';
import type { Style } from './render';

export async function feedbackReport(dataDir: string, days: number): Promise<StatsReport> {
  if (!existsSync(join(dataDir, 'outcomes.jsonl')))
    throw new Error(`no outcomes in ${dataDir} (set --data-dir to the bot's TFAUTH_DATA_DIR)`);
  const store = await FileOutcomeStore.open(dataDir, Date.now(), Math.max(days, 1));
  try {
    return await store.stats(days, Date.now());
  } finally {
    await store.close();
  }
}

export function renderFeedback(report: StatsReport, s: Style): string {
  const out = [s.bold(`Rules marked "Not an auth error" (last ${report.days} days)`)];
  if (report.wrongSignatures.length === 0) out.push('  none');
  for (const r of report.wrongSignatures) {
    const rate = r.diagnosed > 0 ? ` of ${r.diagnosed} answered` : '';
    out.push(`  ${r.notAuth}×${rate}  ${r.signature}`);
  }
  return `${out.join('\n')}\n`;
}
