// One Bolt listener for every tfauth button. Bolt runs each registered listener's
// middleware for every incoming event; routing by action_id here keeps that cost to one
// chain whatever the number of buttons (see `npm run bench`, Slack section).

import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type ButtonHandler = (args: ButtonArgs) => Promise<void>;

export class ActionRouter {
  private readonly exact = new Map<string, ButtonHandler>();
  private readonly prefixes: Array<[string, ButtonHandler]> = [];

  /** `id` is an action_id, or a prefix ending in ':' for families such as `tfauth_source:env`. */
  on(id: string | RegExp, handler: ButtonHandler): void {
    if (typeof id === 'string') this.exact.set(id, handler);
    else this.prefixes.push([id.source.replace(/^\^/, ''), handler]);
  }

  register(app: App): void {
    app.action<BlockAction<ButtonAction>>(/^tfauth_/, async (args) => {
      const id = args.action.action_id;
      const handler = this.exact.get(id) ?? this.prefixes.find(([p]) => id.startsWith(p))?.[1];
      if (!handler) {
        await args.ack(); // an old button whose action no longer exists: nothing to do
        return;
      }
      await handler(args);
    });
  }
}
