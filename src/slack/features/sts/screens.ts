// Pure Block Kit builders for the STS checks: the buttons, the "confirmed by STS" lines of a
// diagnosis reply, the private answers (key account, decoded message, whoami) and the
// failures — each saying exactly what went wrong and what to grant.

import type {
  CallerIdentity,
  DecodedAuthorization,
  DecodedStatement,
  StsFailure,
} from '../../../aws/sts-client';
import { ACTIONS } from '../../action-ids';
import type { PasteAccount } from './values';
import {
  button,
  context,
  fields as fieldsBlock,
  messageBlocks,
  section,
  type Button,
  type KnownBlock,
  type Reply,
} from '../../blocks/kit';
import { clip, LIMITS } from '../../blocks/limits';
import { code, codeBlock, escape } from '../../blocks/mrkdwn';

/** The statements the bot's own IAM identity needs (GetCallerIdentity needs none). */
export const GRANT = {
  decode: '{"Effect":"Allow","Action":"sts:DecodeAuthorizationMessage","Resource":"*"}',
  keyInfo: '{"Effect":"Allow","Action":"sts:GetAccessKeyInfo","Resource":"*"}',
} as const;

export const KEY_BUTTON_LABEL = 'Which account is this key from?';
export const DECODE_BUTTON_LABEL = 'Decode this message';

const PRIVATE_NOTE = 'Only you can see this.';
const MAX_CONDITIONS = 30;
const MAX_STATEMENTS = 5;

export function keyAccountButton(value: string): Button {
  return button(KEY_BUTTON_LABEL, ACTIONS.keyAccount, value);
}

export function decodeButton(value: string): Button {
  return button(DECODE_BUTTON_LABEL, ACTIONS.decode, value);
}

/** One key id and what STS (and the offline decoding) said about it. */
export interface KeyResult {
  masked: string;
  /** Account decoded offline from the id (a heuristic), when it decodes. */
  offline?: string;
  /** Account according to sts:GetAccessKeyInfo. */
  account?: string;
  failure?: StsFailure;
}

/** The first paste account that differs from `account`, phrased for a sentence. */
function mismatch(account: string, accounts: PasteAccount[]): PasteAccount | undefined {
  return accounts.find(([a]) => a !== account);
}

/** Lines under the facts of a diagnosis reply, for keys STS confirmed. */
export function confirmationLines(results: KeyResult[], accounts: PasteAccount[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.account) continue;
    const other = mismatch(r.account, accounts);
    let line = other
      ? `:warning: ${code(r.masked)} — confirmed by STS: your key belongs to ${r.account}, ${escape(other[1])} is in ${other[0]}.`
      : `:white_check_mark: ${code(r.masked)} — confirmed by STS: account ${r.account}.`;
    if (r.offline && r.offline !== r.account)
      line += ` (The offline decoding of the id said ${r.offline}; STS is authoritative.)`;
    lines.push(line);
  }
  return lines;
}

/** The private answer to "Which account is this key from?". */
export function keyAccountAnswer(results: KeyResult[], accounts: PasteAccount[]): Reply {
  const lines: string[] = [];
  const failures: StsFailure[] = [];
  for (const r of results) {
    if (r.account) {
      const other = mismatch(r.account, accounts);
      lines.push(
        `• ${code(r.masked)} belongs to AWS account *${r.account}* (sts:GetAccessKeyInfo).` +
          (other
            ? `\n   :warning: Your key belongs to ${r.account}, ${escape(other[1])} is in ${other[0]}: the credentials in use are not the ones for that account, or the target must trust account ${r.account}.`
            : '') +
          (r.offline && r.offline !== r.account
            ? `\n   The offline decoding of the id said ${r.offline}; STS is authoritative.`
            : ''),
      );
    } else if (r.failure) {
      failures.push(r.failure);
      lines.push(`• ${code(r.masked)}: ${failureLine(r.failure, 'GetAccessKeyInfo')}`);
    }
  }
  const blocks: KnownBlock[] = [
    section(`:key: *Which account is this key from?*\n${lines.join('\n')}`),
  ];
  if (failures.some((f) => f.kind === 'access-denied'))
    blocks.push(
      section(
        `The bot's AWS identity is not allowed to call sts:GetAccessKeyInfo. Grant it this statement:\n${codeBlock([GRANT.keyInfo])}`,
      ),
    );
  blocks.push(
    context([`Looked up with the key *id* only — an identifier, not a secret. ${PRIVATE_NOTE}`]),
  );
  return { text: 'Which account is this key from?', blocks };
}

/** The private, readable summary of a decoded authorization message. */
export function decodedSummary(d: DecodedAuthorization): Reply {
  const verdict = d.explicitDeny
    ? ':no_entry: *Explicit deny* — a policy statement denies this request. An Allow elsewhere cannot override it: change or scope the Deny (SCP, permission boundary, session or identity policy).'
    : d.allowed
      ? ':white_check_mark: *Allowed* — the policies evaluated here allow this request; the failure came from something else (another call, or a policy that changed since).'
      : ':x: *Not allowed (implicit deny)* — no policy statement allows this request: add an Allow for this action and resource.';
  const blocks: KnownBlock[] = [section(`:unlock: *Decoded authorization failure*\n${verdict}`)];
  const fields: string[] = [];
  if (d.action) fields.push(`*Action*\n${code(d.action)}`);
  if (d.resource) fields.push(`*Resource*\n${code(d.resource)}`);
  if (d.principalArn || d.principalId)
    fields.push(
      `*Principal*\n${[d.principalArn, d.principalId]
        .filter(Boolean)
        .map((p) => code(p as string))
        .join('\n')}`,
    );
  if (fields.length > 0) blocks.push(fieldsBlock(fields));
  if (d.matchedStatements.length > 0) {
    const shown = d.matchedStatements.slice(0, MAX_STATEMENTS).map(statementLine);
    const more = d.matchedStatements.length - shown.length;
    blocks.push(
      section(`*Matched statements*\n${shown.join('\n')}${more > 0 ? `\n…and ${more} more` : ''}`),
    );
  } else {
    blocks.push(section('*Matched statements*\nNone: no statement matched this request.'));
  }
  const conditions = Object.entries(d.conditions);
  if (conditions.length > 0) {
    const lines = conditions.slice(0, MAX_CONDITIONS).map(([k, v]) => `${k} = ${v.join(', ')}`);
    if (conditions.length > MAX_CONDITIONS)
      lines.push(`… ${conditions.length - MAX_CONDITIONS} more`);
    blocks.push(section(`*Conditions (request context)*\n${codeBlock(lines)}`));
  }
  if (d.failures.length > 0)
    blocks.push(
      section(
        `*Failures*\n${d.failures
          .slice(0, 5)
          .map((f) => `• ${escape(f)}`)
          .join('\n')}`,
      ),
    );
  blocks.push(
    context([
      `Decoded with sts:DecodeAuthorizationMessage using tfauth's own AWS credentials. ${PRIVATE_NOTE}`,
    ]),
  );
  const summary = d.explicitDeny ? 'explicit deny' : d.allowed ? 'allowed' : 'implicit deny';
  return {
    text: clip(
      `Decoded: ${summary}${d.action ? ` — ${d.action}` : ''}${d.resource ? ` on ${d.resource}` : ''}`,
      LIMITS.fallbackText,
    ),
    blocks: messageBlocks(blocks),
  };
}

function statementLine(s: DecodedStatement): string {
  const parts = [
    `• ${s.statementId ? code(s.statementId) : '_(no Sid)_'} *${escape(s.effect ?? '?')}*`,
  ];
  if (s.actions.length > 0) parts.push(`actions ${s.actions.slice(0, 5).map(code).join(', ')}`);
  if (s.resources.length > 0)
    parts.push(`resources ${s.resources.slice(0, 5).map(code).join(', ')}`);
  const conds = Object.entries(s.conditions);
  if (conds.length > 0)
    parts.push(
      `when ${conds
        .slice(0, 5)
        .map(([k, v]) => code(`${k} = ${v.join(', ')}`))
        .join(', ')}`,
    );
  if (s.principals.length > 0)
    parts.push(`principals ${s.principals.slice(0, 3).map(code).join(', ')}`);
  return parts.join(' · ');
}

/** Why a decode failed, and what to grant or where to decode instead. */
export function decodeFailure(failure: StsFailure, botAccount?: string): Reply {
  const account = botAccount ? ` (${botAccount})` : '';
  let text: string;
  if (failure.kind === 'access-denied')
    text =
      `:lock: *The bot may not decode messages:* its AWS identity${account} is not allowed to call sts:DecodeAuthorizationMessage (AccessDenied). Grant it this statement:\n${codeBlock([GRANT.decode])}\n` +
      'The decode only works with credentials of the account that produced the message.';
  else if (failure.kind === 'invalid-message')
    text =
      `:mag: *STS could not decode this message with the bot's credentials* (InvalidAuthorizationMessageException): it comes from another AWS account than the bot's${account}, or it was cut short when pasted. ` +
      `The decode only works with credentials of the account that produced the message. Decode it there, with credentials allowed this statement:\n${codeBlock([GRANT.decode])}\n` +
      codeBlock([
        'aws sts decode-authorization-message --encoded-message <message> --query DecodedMessage --output text',
      ]);
  else
    text = `:warning: *Could not decode the message:* ${failureLine(failure, 'DecodeAuthorizationMessage')}`;
  return {
    text: 'Could not decode the message',
    blocks: [section(text), context([PRIVATE_NOTE])],
  };
}

/** When the pasted message can no longer be read to find what a button needs. */
export function pasteGone(sought: 'encoded message' | 'access key ids'): Reply {
  const yourself =
    sought === 'encoded message'
      ? 'aws sts decode-authorization-message --encoded-message <message> --query DecodedMessage --output text'
      : 'aws sts get-access-key-info --access-key-id <key id> --query Account --output text';
  return {
    text: 'The original message is gone',
    blocks: [
      section(
        `:mag: I couldn't read the original message any more (deleted, edited, or out of my reach), so I can't find the ${sought}. Paste it again, or look it up yourself:\n` +
          codeBlock([yourself]),
      ),
      context([PRIVATE_NOTE]),
    ],
  };
}

export function stsOff(reason: string): Reply {
  return {
    text: `STS checks are off: ${reason}`,
    blocks: [section(`:zzz: *STS checks are off:* ${escape(reason)}`)],
  };
}

export function stsButtonExpired(): Reply {
  return {
    text: 'This button has expired',
    blocks: [
      section(
        ':hourglass: This button has expired or is not one of mine. Paste the error again for a fresh answer.',
      ),
    ],
  };
}

export function whoamiReply(identity: CallerIdentity): Reply {
  return {
    text: `tfauth calls AWS as ${identity.arn}`,
    blocks: [
      section(
        `:bust_in_silhouette: *tfauth's own AWS identity* (sts:GetCallerIdentity)\n` +
          `• ARN: ${code(identity.arn)}\n• Account: ${code(identity.account)}\n• User id: ${code(identity.userId)}`,
      ),
      section(
        `STS checks are on. They need ${code('sts:GetAccessKeyInfo')} (which account a pasted key id belongs to) and ${code('sts:DecodeAuthorizationMessage')} (decode buttons; only for messages from account ${identity.account}):\n` +
          codeBlock([`{"Version":"2012-10-17","Statement":[${GRANT.keyInfo},${GRANT.decode}]}`]),
      ),
      context([
        `GetCallerIdentity needs no permission. Pasted credentials are never used: only key ids and encoded messages go to STS. ${PRIVATE_NOTE}`,
      ]),
    ],
  };
}

export function whoamiFailed(failure: StsFailure): Reply {
  return {
    text: 'GetCallerIdentity failed',
    blocks: [
      section(
        `:warning: *STS checks are on, but GetCallerIdentity failed:* ${failureLine(failure, 'GetCallerIdentity')}`,
      ),
    ],
  };
}

function failureLine(f: StsFailure, call: string): string {
  const codeText = f.code ? ` (${escape(f.code)})` : '';
  switch (f.kind) {
    case 'access-denied':
      return `the bot is not allowed to call sts:${call}${codeText}.`;
    case 'throttled':
      return `STS is rate-limiting the bot${codeText}; try again in a minute.`;
    case 'unavailable':
      return `STS did not answer${codeText}; try again in a minute.`;
    case 'no-credentials':
      return 'the bot has no AWS credentials.';
    default:
      return `STS answered: ${escape(f.message)}${codeText}`;
  }
}
