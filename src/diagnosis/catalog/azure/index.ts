import type { CatalogEntry } from '../schema';
import { authorizationFailed } from './authorization-failed';
import { cliLogin } from './cli-login';
import { clientSecret } from './client-secret';
import { oidc } from './oidc';
import { subscription } from './subscription';

export const AZURE_ENTRIES: CatalogEntry[] = [
  clientSecret,
  cliLogin,
  oidc,
  subscription,
  authorizationFailed,
];
