// Team statistics: what failed, and what fixed it.

import { stepTitle, type AuthClassId, CLASS_IDS } from '../../../diagnosis';
import { STORED_FIELDS, type StatsReport } from '../../../infra/outcomes';
import { context, section, type ContextBlock, type SectionBlock } from '../../blocks/kit';
import { escape } from '../../blocks/mrkdwn';

const isAuthClass = (id: string): id is AuthClassId =>
  (CLASS_IDS as readonly string[]).includes(id);

export function statsBlocks(report: StatsReport): SectionBlock[] {
  const title = `*Last ${report.days} days*`;
  if (report.perClass.length === 0) return [section(`${title}\nNothing recorded yet.`)];
  const rows = report.perClass.slice(0, 12).map((c) => {
    const parts = [`${c.diagnosed} diagnosed`];
    if (c.fixed) parts.push(`${c.fixed} fixed`);
    if (c.notAuth) parts.push(`${c.notAuth} not auth`);
    if (c.stuck) parts.push(`${c.stuck} stuck`);
    if (c.escalated) parts.push(`${c.escalated} escalated`);
    return `• \`${escape(c.classId)}\` — ${parts.join(' · ')}`;
  });
  const blocks: SectionBlock[] = [section(`${title}\n${rows.join('\n')}`)];
  if (report.fixes.length > 0) {
    const fixes = report.fixes.slice(0, 5).map((f) => {
      const step = f.step && isAuthClass(f.classId) ? stepTitle(f.classId, f.step) : undefined;
      return `• \`${escape(f.classId)}\`${f.source ? ` (${escape(f.source)})` : ''}: ${step ? `“${escape(step)}”` : 'fixed'} ×${f.count}`;
    });
    blocks.push(section(`*What fixed it*\n${fixes.join('\n')}`));
  }
  const wrong = wrongSignaturesText(report);
  if (wrong) blocks.push(section(wrong));
  return blocks;
}

/**
 * The rules people marked "Not an auth error" most often: where the catalog needs fixing.
 * Shown, never acted on — a class is not silenced automatically.
 */
export function wrongSignaturesText(report: StatsReport, max = 5): string | undefined {
  if (report.wrongSignatures.length === 0) return undefined;
  const rows = report.wrongSignatures.slice(0, max).map((s) => {
    const of = s.diagnosed > 0 ? ` of ${s.diagnosed} answered` : '';
    return `• \`${escape(s.signature)}\` — marked wrong ${s.notAuth}×${of}`;
  });
  return `*Rules marked "Not an auth error"*\n${rows.join('\n')}`;
}

/** Said wherever the numbers are shown: what the store holds, and for how long. */
export function storedNote(days: number): ContextBlock {
  return context([`Stored for ${days} days: ${STORED_FIELDS}.`]);
}
