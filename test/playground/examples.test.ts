// The picker's examples come from the repository's labelled sets, cover every class, and each
// shows the answer its label promises; the page never shows a pasted secret.

import { CLASS_IDS, diagnose } from '../../src/diagnosis';
import { masked } from '../../playground/channel';
import { CHAT_EXAMPLE, EXAMPLE_KEYS, loadExamples } from '../../playground/examples';
import { repoRoot } from '../../playground/playground';

const examples = loadExamples(repoRoot());

it('has at least one example for every class, taken from the labelled sets', () => {
  const labels = new Set(examples.filter((e) => e.set !== 'playground').map((e) => e.label));
  for (const id of [...CLASS_IDS, 'none']) expect(labels).toContain(id);
  for (const e of examples.filter((x) => x.set !== 'playground'))
    expect(e.set).toMatch(/^(data\/corpus\/dev|test\/fixtures\/holdout\d?)\.jsonl$/);
});

it('picks only pastes tfauth puts in their labelled class', () => {
  for (const e of examples) expect([e.id, diagnose(e.text).classId]).toEqual([e.id, e.label]);
});

it('starts with the two demonstrations: chat (no reply) and a paste with a secret', () => {
  expect(examples[0]).toBe(CHAT_EXAMPLE);
  expect(examples[1]?.text).toContain(EXAMPLE_KEYS);
  expect(diagnose(examples[1]?.text ?? '').secrets.some((s) => s.mustRotate)).toBe(true);
});

it('masks secrets and key ids in what the page shows of your message', () => {
  const shown = masked(`error\n${EXAMPLE_KEYS}`);
  expect(shown).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  expect(shown).not.toContain('AKIAIOSFODNN7EXAMPLE');
  expect(shown).toMatch(/^error\nmy env: AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\[/);
});
