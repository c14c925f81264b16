// The body of a diagnosis worker thread: the pure engine, one paste per task.

import { diagnose } from '../diagnosis';
import type { Diagnosis } from '../diagnosis';

export { diagnosePaste } from './shared-paste';

export default function diagnoseInWorker(text: string): Diagnosis {
  return diagnose(text);
}
