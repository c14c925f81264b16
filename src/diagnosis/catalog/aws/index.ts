import type { CatalogEntry } from '../schema';
import { assumeRoleDenied } from './assume-role-denied';
import { clockSkew } from './clock-skew';
import { credentialProcess } from './credential-process';
import { endpointUnreachable } from './endpoint-unreachable';
import { expiredToken } from './expired-token';
import { invalidAccessKey } from './invalid-access-key';
import { mfaRequired } from './mfa-required';
import { noCredentials } from './no-credentials';
import { permissionDenied } from './permission-denied';
import { profileNotFound } from './profile-not-found';
import { regionConfig } from './region-config';
import { signatureMismatch } from './signature-mismatch';
import { ssoToken } from './sso-token';
import { webIdentity } from './web-identity';

export const AWS_ENTRIES: CatalogEntry[] = [
  invalidAccessKey,
  signatureMismatch,
  expiredToken,
  clockSkew,
  noCredentials,
  profileNotFound,
  ssoToken,
  assumeRoleDenied,
  webIdentity,
  mfaRequired,
  permissionDenied,
  credentialProcess,
  regionConfig,
  endpointUnreachable,
];
