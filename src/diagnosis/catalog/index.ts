// The catalog: every class tfauth knows, as data.

import type { AuthClassId } from '../types';
import { AWS_ENTRIES } from './aws';
import { AZURE_ENTRIES } from './azure';
import { GCP_ENTRIES } from './gcp';
import { githubBadCredentials } from './other/github-bad-credentials';
import { k8sUnauthorized } from './other/k8s-unauthorized';
import { tfcToken } from './other/tfc-token';
import type { CatalogEntry } from './schema';

export const CATALOG: CatalogEntry[] = [
  ...AWS_ENTRIES,
  ...AZURE_ENTRIES,
  ...GCP_ENTRIES,
  tfcToken,
  k8sUnauthorized,
  githubBadCredentials,
];

const BY_ID = new Map<string, CatalogEntry>(CATALOG.map((e) => [e.id, e]));

export function catalogEntry(id: AuthClassId): CatalogEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`no catalog entry for ${id}`);
  return entry;
}

export { NOT_AUTH } from './not-auth';
export { PLATFORMS } from './platforms';
export { SITUATIONS, situationsFor, type Situation } from './situations';
export { TIER, weightOf } from './schema';
export type {
  CatalogEntry,
  CauseSpec,
  Example,
  KeywordPattern,
  NotAuthEntry,
  Signature,
  StepSpec,
  Tier,
} from './schema';
