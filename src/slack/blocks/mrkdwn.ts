// Text from pastes is user-controlled: escape it so it cannot become a mention, a
// channel-wide ping (`<!channel>`) or a link when shown in mrkdwn.

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code: backticks inside would end the span, so they are replaced. */
export function code(text: string): string {
  return `\`${escape(text).replace(/`/g, 'ʼ')}\``;
}

/** A code block for commands; triple backticks inside are broken up. */
export function codeBlock(lines: string[]): string {
  return `\`\`\`${lines.map((l) => escape(l).replace(/```/g, '`‵`')).join('\n')}\`\`\``;
}

export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escape(label).replace(/\|/g, '¦')}>`;
}
