// What to do when a secret was pasted: it has been seen, so it must be replaced.

import type { SecretKind } from './types';

export interface Rotation {
  label: string;
  how: string;
  commands: string[];
}

export const ROTATION: Record<SecretKind, Rotation> = {
  aws_secret_access_key: {
    label: 'AWS secret access key',
    how: 'Create a new key pair, switch to it, then deactivate and delete the leaked one.',
    commands: [
      'aws iam create-access-key --user-name <user>',
      'aws iam update-access-key --user-name <user> --access-key-id <leaked-key-id> --status Inactive',
      'aws iam delete-access-key --user-name <user> --access-key-id <leaked-key-id>',
    ],
  },
  aws_session_token: {
    label: 'AWS session token',
    how: "Temporary credentials stay valid until they expire: revoke the role's active sessions now.",
    commands: ['IAM console → Roles → <role> → Revoke active sessions'],
  },
  aws_access_key_id: {
    label: 'AWS access key id',
    how: 'An id alone cannot sign requests, but it names the key: if its secret was pasted too, rotate the key.',
    commands: ['aws iam list-access-keys --user-name <user>'],
  },
  azure_client_secret: {
    label: 'Azure client secret',
    how: 'Add a new secret to the app registration, update the pipeline, then delete the leaked one.',
    commands: [
      'az ad app credential reset --id <app-id> --append --display-name rotated',
      'az ad app credential delete --id <app-id> --key-id <leaked-key-id>',
    ],
  },
  gcp_private_key: {
    label: 'Google service-account private key',
    how: 'Delete the key; create a new one only if you cannot use workload identity instead.',
    commands: [
      'gcloud iam service-accounts keys delete <key-id> --iam-account <service-account-email>',
    ],
  },
  gcp_service_account_key: {
    label: 'Google service-account key id',
    how: 'The key file with this id was exposed: delete the key.',
    commands: [
      'gcloud iam service-accounts keys delete <key-id> --iam-account <service-account-email>',
    ],
  },
  github_token: {
    label: 'GitHub token',
    how: 'Revoke it in GitHub settings (Developer settings → Personal access tokens) and create a new one.',
    commands: ['https://github.com/settings/tokens'],
  },
  tfc_token: {
    label: 'HCP Terraform / Terraform Enterprise token',
    how: 'Delete the token (User or Organization settings → API tokens) and issue a new one.',
    commands: ['terraform login'],
  },
  slack_token: {
    label: 'Slack token',
    how: "Revoke it and reissue from the app's OAuth & Permissions page.",
    commands: ['https://api.slack.com/apps'],
  },
  password: {
    label: 'password or access key',
    how: 'Change it where it is defined (database, storage account, backend) and update whatever uses it.',
    commands: [],
  },
  private_key: {
    label: 'private key',
    how: 'Replace the key pair and remove the public key wherever it is trusted.',
    commands: [],
  },
  bearer_token: {
    label: 'bearer token (JWT)',
    how: 'Short-lived, but usable until it expires: revoke the session that issued it if you can.',
    commands: [],
  },
  vault_token: {
    label: 'Vault token',
    how: 'Revoke it and log in again.',
    commands: ['vault token revoke -self', 'vault login'],
  },
  gitlab_token: {
    label: 'GitLab token',
    how: 'Revoke it in GitLab (User settings → Access tokens) and create a new one.',
    commands: [],
  },
  google_oauth_token: {
    label: 'Google OAuth token',
    how: 'Revoke the grant and log in again; refresh tokens stay valid until revoked.',
    commands: ['gcloud auth application-default revoke', 'gcloud auth application-default login'],
  },
  kubernetes_credential: {
    label: 'Kubernetes credential (client key or token)',
    how: 'Rotate it: reissue the client certificate or delete the service-account token secret, and update kubeconfigs.',
    commands: ['kubectl -n <namespace> delete secret <token-secret>'],
  },
  azure_sas_token: {
    label: 'Azure SAS signature',
    how: 'Revoke it: rotate the storage account key that signed it (or the stored access policy).',
    commands: ['az storage account keys renew --account-name <account> --key key1'],
  },
  azure_storage_key: {
    label: 'Azure storage account key',
    how: 'Regenerate the key that leaked (use the other key meanwhile), then update what uses it; prefer Azure AD auth for the backend (use_azuread_auth).',
    commands: ['az storage account keys renew --account-name <account> --key key1'],
  },
  basic_auth: {
    label: 'HTTP basic auth credentials (user and password)',
    how: 'Change the password (or revoke the token used as one) for that user, then update whatever sends it.',
    commands: [],
  },
  consul_token: {
    label: 'Consul ACL token',
    how: 'Delete the token (its accessor id is in `consul acl token list`) and create a new one with the same policies.',
    commands: [
      'consul acl token list',
      'consul acl token delete -accessor-id <accessor-id>',
      'consul acl token create -policy-name <policy>',
    ],
  },
  datadog_key: {
    label: 'Datadog API or application key',
    how: 'Revoke the key in Datadog (Organization settings → API keys / Application keys) and create a new one.',
    commands: ['https://app.datadoghq.com/organization-settings/api-keys'],
  },
  digitalocean_token: {
    label: 'DigitalOcean token',
    how: 'Delete the token (API → Tokens) and generate a new one with only the scopes it needs.',
    commands: ['https://cloud.digitalocean.com/account/api/tokens'],
  },
  generic_secret: {
    label: 'secret or token',
    how: 'Treat it as leaked: revoke or change it where it was issued, then update whatever uses it.',
    commands: [],
  },
};
