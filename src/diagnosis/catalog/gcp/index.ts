import type { CatalogEntry } from '../schema';
import { gcpInvalidGrant } from './invalid-grant';
import { gcpNoCredentials } from './no-credentials';
import { gcpPermissionDenied } from './permission-denied';

export const GCP_ENTRIES: CatalogEntry[] = [gcpNoCredentials, gcpInvalidGrant, gcpPermissionDenied];
