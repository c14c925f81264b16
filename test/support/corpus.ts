// Loads labelled corpora: the shared dev corpus and the project's own fixtures.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFile } from './shared';

export interface CorpusCase {
  id: string;
  label: string;
  text: string;
  source?: string;
  notes?: string;
  tier?: string;
}

export const DEV_CORPUS = dataFile('corpus', 'dev.jsonl');
export const FIXTURES = join(__dirname, '..', 'fixtures');

export function loadJsonl(file: string): CorpusCase[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusCase);
}
