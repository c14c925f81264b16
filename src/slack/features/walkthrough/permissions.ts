// Who may act on a diagnosis: the person who pasted the error (the owner, `o` in the signed
// flow state) and whoever started its walk-through (`w`). Anyone else in the channel can see
// the buttons — Slack has no per-user buttons on a shared message — so each click is checked
// here, and others get a private note instead of changing someone else's case.

import type { FlowState } from './state';

/** Whether `user` may click outcome and walk-through buttons of this state. */
export function mayAct(state: FlowState, user: string, ephemeral: boolean): boolean {
  // A private message has one reader, who is the one clicking.
  if (ephemeral) return true;
  // Buttons made before owners were recorded carry neither: nobody to protect.
  if (state.o === undefined && state.w === undefined) return true;
  return user === state.o || user === state.w;
}

/** The polite private note for everyone else. */
export function notYoursNote(state: FlowState): string {
  const people = [...new Set([state.o, state.w].filter((u): u is string => !!u))];
  const who = people.map((u) => `<@${u}>`).join(' or ');
  return (
    `Only ${who} can use these buttons: this is their case. ` +
    'If you hit the same error, paste yours in the channel, or use ⋯ → *Diagnose with tfauth* on a message to get your own private walk-through.'
  );
}
