// Real pastes several Slack suites send (from the dev corpus, ids beside them): one home, so the
// suites test the same text.

export const SSO = `╷
│ Error: configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.
│
│ Please see https://registry.terraform.io/providers/hashicorp/aws
│ for more information about providing credentials.
│
│ AWS Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:
│
│   with provider["registry.terraform.io/hashicorp/aws"].us_east_1,
│   on providers.tf line 3, in provider "aws":
│    3: provider "aws" {
╵`; // corpus pg-readme-sso-invalidgrant-114

export const INVALID_KEY =
  'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: f42d6dfd-ad70-4750-8764-5b359ee9c783, api error InvalidClientTokenId: The security token included in the request is invalid.'; // corpus gh-unresolved-19985207723-1
