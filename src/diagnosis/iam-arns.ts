// The forms of an IAM identity that commands accept, derived from the ARNs a paste shows.

/** `arn:aws:iam::1:role/path/Name` → `Name`; an assumed-role session → its role's name. */
export function roleNameOf(arn: string): string | undefined {
  const role = /:role\/(?:[\w+=,.@-]{1,64}\/)*([\w+=,.@-]{1,64})$/.exec(arn);
  if (role) return role[1];
  // A session ARN with the session name cut off (masked pastes) still names its role.
  return /:assumed-role\/([\w+=,.@-]{1,64})(?:\/|$)/.exec(arn)?.[1];
}

/** `arn:aws:iam::1:user/path/Name` → `Name` (an account id redacted or cut short is fine). */
export function userNameOf(arn: string): string | undefined {
  return /:user\/(?:[\w+=,.@-]{1,64}\/)*([\w+=,.@-]{1,64})$/.exec(arn)?.[1];
}

/**
 * The IAM ARN that `iam simulate-principal-policy` accepts for a caller: an assumed-role
 * session `arn:aws:sts::1:assumed-role/R/s` becomes the role `arn:aws:iam::1:role/R` (the
 * role's path is not in the session ARN; roles with a path need it added by hand).
 * Users, roles and groups pass; anything else (root, federated users) has no answer.
 */
export function iamArnOf(arn: string): string | undefined {
  const session = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/[^\s]+$/.exec(arn);
  if (session) return `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
  if (/^arn:[\w-]+:iam::\d{12}:(?:user|role|group)\/[\w+=,.@/-]{1,512}$/.test(arn)) return arn;
  return undefined;
}
