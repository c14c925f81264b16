// Example pastes for the picker, from the repository's own labelled sets: for each class the
// shortest pastes tfauth puts in that class, so a newcomer sees each kind of answer.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../src/diagnosis';

export interface Example {
  id: string;
  label: string;
  text: string;
  /** Where the paste comes from (an issue, a doc), as recorded in the set. */
  source: string;
  /** The set file it was taken from, relative to the repository. */
  set: string;
}

export const EXAMPLE_SETS = [
  'data/corpus/dev.jsonl',
  'test/fixtures/holdout.jsonl',
  'test/fixtures/holdout2.jsonl',
  'test/fixtures/holdout3.jsonl',
  'test/fixtures/holdout4.jsonl',
];

/** Slack's own message limit is 40 000; a picker entry should fit the composer comfortably. */
const MAX_TEXT = 2500;

/** Ordinary chat, which no labelled set holds: tfauth must stay quiet on it. */
export const CHAT_EXAMPLE: Example = {
  id: 'playground-chat',
  label: 'none',
  text: 'Is anyone else seeing slow plans in the staging workspace this morning?',
  source: 'invented: ordinary chat, to show that tfauth stays quiet',
  set: 'playground',
};

/** AWS's documentation example key pair (never valid anywhere), as people paste their env. */
export const EXAMPLE_KEYS =
  'my env: AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A real paste with the example keys added under it: shows the private secret warning. */
export function secretExample(base: Example): Example {
  return {
    id: 'playground-secret',
    label: base.label,
    text: `${base.text}\n\n${EXAMPLE_KEYS}`,
    source: `invented: ${base.id} (${base.source}) with AWS's documentation example keys pasted under it`,
    set: 'playground',
  };
}

interface Row {
  id?: unknown;
  label?: unknown;
  text?: unknown;
  source?: unknown;
}

function readSet(root: string, set: string): Example[] {
  const file = join(root, set);
  if (!existsSync(file)) return [];
  const out: Example[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Row;
    if (typeof row.label !== 'string' || typeof row.text !== 'string') continue;
    out.push({
      id: typeof row.id === 'string' ? row.id : `${set}:${out.length}`,
      label: row.label,
      text: row.text,
      source: typeof row.source === 'string' ? row.source : set,
      set,
    });
  }
  return out;
}

/**
 * Up to `perClass` pastes per label, shortest first, keeping only those tfauth itself puts in
 * that label (a picker entry must show the answer its label promises). The chat and secret
 * demonstrations come first.
 */
export function loadExamples(root: string, perClass = 2): Example[] {
  const byLabel = new Map<string, Example[]>();
  for (const set of EXAMPLE_SETS)
    for (const e of readSet(root, set)) {
      if (e.text.length > MAX_TEXT) continue;
      const list = byLabel.get(e.label) ?? [];
      list.push(e);
      byLabel.set(e.label, list);
    }
  const picked: Example[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const candidates = (byLabel.get(label) ?? []).sort((a, b) => a.text.length - b.text.length);
    let taken = 0;
    for (const e of candidates) {
      if (taken >= perClass) break;
      if (diagnose(e.text).classId !== label) continue;
      picked.push(e);
      taken += 1;
    }
  }
  const base = picked.find((e) => e.label === 'aws.invalid_access_key') ?? picked[0];
  return [CHAT_EXAMPLE, ...(base ? [secretExample(base)] : []), ...picked];
}
