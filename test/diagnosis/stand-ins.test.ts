// A name the reporter masked is not a value: commands show the placeholder instead of
// `--name redacted`, while tfauth's own slots (`<role-arn>` in a policy to copy) stay.

import { diagnose } from '../../src/diagnosis';

const commands = (text: string): string[] => diagnose(text).steps.flatMap((s) => s.commands);

it('does not fill a masked storage account or role name into commands', () => {
  // corpus holdout10/h10-azd-2790-1 (Azure/azure-dev#2790)
  const azd =
    'PS D:\\Sandbox\\EmptyProj> azd env list\n\nERROR: listing environments: retrieving remote environments, listing blobs: failed to get next page of blobs, GET https://redacted.blob.core.windows.net/todo-csharp-cosmos-sql\n--------------------------------------------------------------------------------\nRESPONSE 403: 403 This request is not authorized to perform this operation using this permission.\nERROR CODE: AuthorizationPermissionMismatch\n--------------------------------------------------------------------------------';
  const shown = commands(azd).join('\n');
  expect(shown).toContain('--name <storage-account>');
  expect(shown).not.toMatch(/\bredacted\b/);
  // corpus holdout/ho-awscicd-4-1: the profile was masked as xxxx
  const profile = commands(
    'Error: error configuring Terraform AWS Provider: failed to get shared config profile, xxxx',
  ).join('\n');
  expect(profile).not.toMatch(/\bxxxx\b/);
});

it('keeps its own placeholders in a policy to copy', () => {
  // invented: a PassRole denial without the role's ARN
  const d = diagnose(
    'Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:PassRole',
  );
  const prose = d.steps.map((s) => s.detail ?? '').join('\n');
  expect(prose).toContain('"Resource": "<role-arn>"');
});
