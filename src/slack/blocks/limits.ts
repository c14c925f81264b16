// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks) and helpers that cut
// content gracefully instead of letting Slack reject a message.

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  actionsElements: 25,
  /** Slack truncates `text` beyond 40k; notifications only need a line. */
  fallbackText: 3000,
  modalTitle: 24,
  privateMetadata: 3000,
  inputText: 3000,
} as const;

/** Cuts at a line or word boundary near `max`, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  let cut = text.lastIndexOf('\n', room);
  if (cut < room * 0.7) cut = text.lastIndexOf(' ', room);
  if (cut < room * 0.7) cut = room;
  // Never leave a code fence open.
  let out = text.slice(0, cut).trimEnd();
  if ((out.match(/```/g) ?? []).length % 2 === 1) {
    out = out.slice(0, Math.max(0, max - 5)).trimEnd();
    return `${out}\n\`\`\`…`.slice(0, max);
  }
  return `${out}…`;
}
