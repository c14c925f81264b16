// The walk-through's buttons (and the diagnosis reply's: walk, fixed, not auth, share).
// Each is acknowledged at once; the answer updates the clicked message in place
// (chat.update, or the response_url for private messages) — at most one new thread message
// per click. All state comes from the signed button value (state.ts); listeners/actions.ts
// routes each action id to its handler here.

import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { ButtonHandler } from '../../platform/action-router';
import { guideSteps, type Step } from '../../../diagnosis';
import { ACTIONS } from '../../action-ids';
import type { BotContext } from '../../bot-context';
import { context, messageBlocks, type KnownBlock, type Reply } from '../../blocks/kit';
import { diagnosisReply } from '../diagnose/reply';
import {
  caseSummary,
  escalatedScreen,
  expiredNotice,
  fixedScreen,
  sourceQuestion,
  stepScreen,
  stuckScreen,
} from './screens';
import { FlowCodec, type FlowState } from './state';
import { codeBlock } from '../../blocks/mrkdwn';
import { metadataOf, THREAD_PAGE } from '../../platform/gateway';
import { diagnosisFromState } from './rebuild';
import { mayAct, notYoursNote } from './permissions';
import type { OutcomeKind } from '../../../infra/outcomes';
import { doOnce } from '../../../infra/intake/context';

type Click = BlockAction<ButtonAction>;

export interface Clicked {
  body: Click;
  respond: RespondFn;
  state: FlowState;
}

/** Buttons anyone may click (the others: only the owner and the walker, see permissions.ts). */
const OPEN_TO_ALL = new Set<string>([ACTIONS.walk, ACTIONS.share]);

/** A button handler that gets the click's verified flow state; forged, expired or someone else's clicks stop here. */
export function flowButton(
  bot: BotContext,
  handler: (bot: BotContext, c: Clicked) => Promise<void>,
): ButtonHandler {
  return async ({ ack, body, respond, action }) => {
    await ack();
    await bot.inFlight.run(
      async () => {
        const decoded = bot.codec.decode(action.value);
        if (!decoded.ok) {
          bot.logger.info('rejected button value', {
            reason: decoded.reason,
            action: action.action_id,
            channel: body.channel?.id,
          });
          await expired(bot, body, respond);
          return;
        }
        const ephemeral = location(body).ephemeral;
        if (!OPEN_TO_ALL.has(action.action_id) && !mayAct(decoded.state, body.user.id, ephemeral)) {
          bot.logger.info('click by someone else refused', {
            action: action.action_id,
            channel: body.channel?.id,
            user: body.user.id,
          });
          await privateNote(respond, notYoursNote(decoded.state));
          return;
        }
        await handler(bot, { body, respond, state: decoded.state });
      },
      (err) =>
        bot.logger.error('button handling failed', {
          action: action.action_id,
          channel: body.channel?.id,
          error: err,
        }),
    );
  };
}

/** "Walk me through it": the source question, in the thread (once per reply) or privately. */
export async function startWalk(bot: BotContext, { body, respond, state }: Clicked) {
  const where = location(body);
  // Whoever starts the walk-through runs it; outcomes count once for the reply it came from.
  const started: FlowState = { ...state, w: body.user.id, ...(where.ts ? { r: where.ts } : {}) };
  const screen = sourceQuestion(started, bot.codec);
  if (!where.ephemeral && where.channel) {
    // One walk-through per reply in the thread, however many clicks (or people).
    const key = `walk:${where.channel}:${where.ts ?? state.t}`;
    if (!(await bot.dedupe.claim(key))) {
      await pointToWalkThrough(bot, where, respond);
      return;
    }
    try {
      // Keyed: a replayed click finds the walk-through it already posted instead of a second one.
      await bot.slack.postMessage(
        {
          channel: where.channel,
          thread_ts: where.threadTs ?? where.ts,
          ...screen,
          metadata: { event_type: WALK_EVENT, event_payload: { reply: where.ts ?? '' } },
        },
        { channel: where.channel, action: ACTIONS.walk },
        key,
      );
      return;
    } catch {
      // e.g. a shared answer in a channel the bot is not a member of: walk through it privately
      await bot.dedupe.release(key);
    }
  }
  await respond({
    response_type: 'ephemeral',
    replace_original: where.ephemeral,
    ...screen,
  });
}

/** A credential source was picked (and "Skip"): the step the button points to. */
export async function chooseSource(bot: BotContext, c: Clicked) {
  await showStep(bot, c, steps(c.state));
}

export const skipStep = chooseSource;

/** "Change source" / "Start over": the source question again. */
export async function restart(bot: BotContext, c: Clicked) {
  await update(bot, c, sourceQuestion(c.state, bot.codec));
}

/** "Done, still failing": the step before was tried; on to the next. */
export async function stepDone(bot: BotContext, c: Clicked) {
  const list = steps(c.state);
  // The button carries the next step's index: the one before it was tried and did not fix it.
  const tried = list[(c.state.i ?? 1) - 1];
  if (tried) await record(bot, 'step_failed', c.state, tried.id, c.body);
  await showStep(bot, c, list);
}

/** "That fixed it" inside the walk-through. */
export async function stepFixed(bot: BotContext, c: Clicked) {
  const list = steps(c.state);
  const step = list[c.state.i ?? 0];
  if (await firstOutcome(bot, c)) await record(bot, 'fixed', c.state, step?.id, c.body);
  await update(bot, c, fixedScreen(c.state, step, c.body.user.id));
}

/** "Ask for help": the case summary to TFAUTH_ESCALATION, once per walk-through. */
export async function escalate(bot: BotContext, c: Clicked) {
  const target = bot.config.escalation;
  if (!target) {
    await c.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Escalation is not configured any more (TFAUTH_ESCALATION): copy the summary above and ask in your team channel.',
    });
    return;
  }
  const where = location(c.body);
  // One request for help per walk-through, however many times (or people) click.
  if (!(await bot.dedupe.claim(`escalate:${replyKey(c)}`))) return;
  const threadTs = where.threadTs ?? where.ts;
  const permalink =
    !where.ephemeral && where.channel && threadTs
      ? await permalinkOf(bot, where.channel, threadTs)
      : undefined;
  const summary = codeBlock(caseSummary(c.state, steps(c.state), permalink).split('\n'));
  const text = `<@${c.body.user.id}> is stuck on a Terraform credentials failure and asks for help:\n${summary}`;
  if (target.kind === 'channel')
    await bot.slack.postMessage({ channel: target.id, text, unfurl_links: false });
  else if (where.ephemeral || !where.channel || !threadTs)
    // A private walk-through has no thread the bot can post in: ask in the channel it came from.
    await c.respond({
      response_type: 'in_channel',
      replace_original: false,
      text: `<!subteam^${target.id}> ${text}`,
    });
  else
    await bot.slack.postMessage(
      { channel: where.channel, thread_ts: threadTs, text: `<!subteam^${target.id}> ${text}` },
      { channel: where.channel, action: ACTIONS.escalate },
      `escalate:${replyKey(c)}`,
    );
  await record(bot, 'escalated', c.state, undefined, c.body);
  await update(bot, c, escalatedScreen(c.state, escalationMention(bot), c.body.user.id));
}

/** "It worked" on the diagnosis reply. */
export async function fixed(bot: BotContext, c: Clicked) {
  if (!(await firstOutcome(bot, c))) return alreadyRecorded(c);
  await record(bot, 'fixed', c.state, undefined, c.body);
  await closeReply(
    bot,
    c,
    `:white_check_mark: <@${c.body.user.id}> says this fixed it. Recorded — thanks for closing the loop!`,
  );
}

/** "Not an auth error" on the diagnosis reply. */
export async function notAuth(bot: BotContext, c: Clicked) {
  if (!(await firstOutcome(bot, c))) return alreadyRecorded(c);
  await record(bot, 'not_auth', c.state, undefined, c.body);
  await closeReply(
    bot,
    c,
    `:see_no_evil: <@${c.body.user.id}> marked this as not an auth error. Recorded, so the team can see where tfauth is wrong.`,
  );
}

/** "Share in channel" on a private answer: the diagnosis posted for everyone, the private copy gone. */
export async function share(bot: BotContext, { respond, state, body }: Clicked) {
  const reply = diagnosisReply(diagnosisFromState(state), bot.codec.withOwner(body.user.id));
  await respond({
    response_type: 'in_channel',
    replace_original: false,
    ...reply,
    text: `${reply.text} (shared by <@${body.user.id}>)`,
  });
  await respond({ delete_original: true });
  await record(bot, 'diagnosed', state, undefined, body);
}

/** Marks the walk-through message, so a later click on the reply can point to it. */
const WALK_EVENT = 'tfauth_walk';

/** The diagnosis reply a click belongs to (the walk-through carries it in `r`). */
function replyKey(c: Clicked): string {
  const where = location(c.body);
  return `${where.channel ?? ''}:${c.state.r ?? where.ts ?? c.state.t}`;
}

/** True for the first outcome (fixed / not an auth error) of a reply; every later click is a repeat. */
function firstOutcome(bot: BotContext, c: Clicked): Promise<boolean> {
  return bot.dedupe.claim(`outcome:${replyKey(c)}`);
}

async function alreadyRecorded(c: Clicked): Promise<void> {
  await privateNote(c.respond, 'Already recorded for this diagnosis — thanks!');
}

async function privateNote(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** A second "Walk me through it" on a reply: a private link to the walk-through already in the thread. */
async function pointToWalkThrough(
  bot: BotContext,
  where: Where,
  respond: RespondFn,
): Promise<void> {
  const channel = where.channel as string;
  let walkTs: string | undefined;
  try {
    const res = await bot.slack.conversationsReplies({
      channel,
      ts: (where.threadTs ?? where.ts) as string,
      include_all_metadata: true,
      limit: THREAD_PAGE,
    });
    walkTs = res.messages?.find((m) => {
      const meta = metadataOf(m);
      return meta.type === WALK_EVENT && meta.payload.reply === where.ts;
    })?.ts;
  } catch {
    // not found: the plain note below still says where to look
  }
  const link = walkTs ? await permalinkOf(bot, channel, walkTs) : undefined;
  await privateNote(
    respond,
    link
      ? `There is already a walk-through for this diagnosis: <${link}|open it in the thread>.`
      : 'There is already a walk-through for this diagnosis in this thread.',
  );
}

function steps(state: FlowState): Step[] {
  return guideSteps(state.c, state.s ?? 'unknown', FlowCodec.guide(state));
}

async function showStep(bot: BotContext, c: Clicked, list: Step[]): Promise<void> {
  const i = c.state.i ?? 0;
  if (i >= list.length) {
    await record(bot, 'stuck', c.state, undefined, c.body);
    const escalation = bot.config.escalation ? { mention: escalationMention(bot) } : undefined;
    await update(bot, c, stuckScreen(c.state, list, bot.codec, escalation));
    return;
  }
  await update(bot, c, stepScreen(c.state, list, bot.codec));
}

/** The escalation target as mrkdwn (renders as @group or #channel). */
function escalationMention(bot: BotContext): string {
  const t = bot.config.escalation;
  if (!t) return '';
  return t.kind === 'usergroup' ? `<!subteam^${t.id}>` : `<#${t.id}>`;
}

interface Where {
  channel?: string;
  ts?: string;
  threadTs?: string;
  ephemeral: boolean;
}

function location(body: Click): Where {
  const container = (body.container ?? {}) as {
    message_ts?: string;
    thread_ts?: string;
    is_ephemeral?: boolean;
    channel_id?: string;
  };
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const where: Where = { ephemeral: container.is_ephemeral === true };
  const channel = body.channel?.id ?? container.channel_id;
  const ts = message?.ts ?? container.message_ts;
  const threadTs = message?.thread_ts ?? container.thread_ts;
  if (channel) where.channel = channel;
  if (ts) where.ts = ts;
  if (threadTs) where.threadTs = threadTs;
  return where;
}

/** Replaces the clicked message: chat.update for normal messages, response_url for private ones. */
async function update(bot: BotContext, c: Clicked, reply: Reply): Promise<void> {
  const where = location(c.body);
  if (!where.ephemeral && where.channel && where.ts) {
    try {
      await bot.slack.update(
        { channel: where.channel, ts: where.ts, ...reply },
        { channel: where.channel, ts: where.ts },
      );
      return;
    } catch {
      // e.g. a message posted through a response_url in a channel the bot is not in.
    }
  }
  await c.respond({ replace_original: true, ...reply });
}

/** Replaces the buttons of the diagnosis reply with a line saying what happened. */
async function closeReply(bot: BotContext, c: Clicked, line: string): Promise<void> {
  const message = c.body.message;
  // The clicked message is our own reply, so its blocks are the ones we built.
  const posted = (Array.isArray(message?.blocks) ? message.blocks : []) as KnownBlock[];
  const blocks = posted.filter((b) => b.type !== 'actions');
  blocks.push(context([line]));
  await update(bot, c, { text: message?.text ?? 'tfauth', blocks });
}

async function record(
  bot: BotContext,
  kind: OutcomeKind,
  state: FlowState,
  step: string | undefined,
  body: Click,
): Promise<void> {
  const channel = location(body).channel;
  // A click replayed from the intake records its outcome once: keyed by the click itself.
  const click = `${body.actions[0]?.action_ts ?? ''}:${body.user.id}:${kind}`;
  try {
    await doOnce(`outcome:${click}`, () =>
      bot.outcomes.record({
        kind,
        classId: state.c,
        ...(state.s ? { source: state.s } : {}),
        ...(step ? { step } : {}),
        ...(state.sg ? { signature: state.sg } : {}),
        ...(channel ? { channel } : {}),
        at: bot.now(),
      }),
    );
  } catch (err) {
    bot.logger.warn('could not record outcome', { kind, classId: state.c, error: err });
  }
}

async function permalinkOf(
  bot: BotContext,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  try {
    return (await bot.slack.getPermalink({ channel, message_ts: ts })).permalink;
  } catch {
    return undefined;
  }
}

/** Forged, malformed or expired values: say so politely and show the diagnosis again. */
async function expired(bot: BotContext, body: Click, respond: RespondFn): Promise<void> {
  const notice = expiredNotice();
  const where = location(body);
  const root = where.threadTs ?? where.ts;
  // The paste is the thread's parent: read it again, files included, for a fresh diagnosis.
  const parent =
    where.channel && root
      ? await bot.paste.reread({ channel: where.channel, ts: root })
      : undefined;
  const d = parent === undefined ? undefined : (await bot.engine.diagnosePaste(parent)).diagnosis;
  const blocks = [...notice.blocks];
  if (d && d.classId !== 'none') blocks.push(...diagnosisReply(d, bot.codec).blocks);
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: notice.text,
    blocks: messageBlocks(blocks),
  });
}
