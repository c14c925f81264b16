// Every tfauth button, by action id → the feature that answers it. One Bolt listener routes
// them all (platform/action-router.ts); each handler gets a verified, signed value.

import type { App } from '@slack/bolt';
import { ACTIONS, SOURCE_ACTION } from '../action-ids';
import type { BotContext } from '../bot-context';
import { ActionRouter } from '../platform/action-router';
import * as walkthrough from '../features/walkthrough/buttons';
import * as sts from '../features/sts/buttons';

export function register(app: App, bot: BotContext): void {
  const router = new ActionRouter();
  const flow = (handler: Parameters<typeof walkthrough.flowButton>[1]) =>
    walkthrough.flowButton(bot, handler);
  // On the diagnosis reply (and the private answer's "Share in channel").
  router.on(ACTIONS.walk, flow(walkthrough.startWalk));
  router.on(ACTIONS.fixed, flow(walkthrough.fixed));
  router.on(ACTIONS.notAuth, flow(walkthrough.notAuth));
  router.on(ACTIONS.share, flow(walkthrough.share));
  // In the walk-through.
  router.on(SOURCE_ACTION, flow(walkthrough.chooseSource));
  router.on(ACTIONS.stepDone, flow(walkthrough.stepDone));
  router.on(ACTIONS.stepSkip, flow(walkthrough.skipStep));
  router.on(ACTIONS.stepFixed, flow(walkthrough.stepFixed));
  router.on(ACTIONS.restart, flow(walkthrough.restart));
  router.on(ACTIONS.escalate, flow(walkthrough.escalate));
  // The STS checks (only on replies whose paste qualifies, when they are on).
  router.on(ACTIONS.keyAccount, sts.stsButton(bot, sts.keyAccount));
  router.on(ACTIONS.decode, sts.stsButton(bot, sts.decodeMessage));
  router.register(app);
}
