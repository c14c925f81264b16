// Reading a paste: a message's text and the bytes of its shared text files. The one way
// every paste is read — when it arrives, and again when a click, a mention or an expired
// button needs it (from conversations.replies, with the same files resolved the same way).
// The files stay bytes: the diagnosis worker decodes and scans them (infra/shared-paste,
// `bot.engine.diagnosePaste`), never the event loop that acknowledges Slack.

import type { SharedPaste } from '../../infra/shared-paste';
import { messageParts, type Gathered, type SlackFileRef } from './files';
import type { SlackGateway } from './gateway';

/** The parts of a Slack message a paste is read from. */
export interface PastedMessage {
  ts?: string;
  text?: string;
  files?: SlackFileRef[];
}

/** Where a paste is: its channel, its ts, and the thread root (itself when not in a thread). */
export interface PasteWhere {
  channel: string;
  ts: string;
  root?: string;
}

export class PasteReader {
  constructor(
    private readonly slack: SlackGateway,
    private readonly options: { botToken: string; maxBytes: number },
  ) {}

  /** The text and text files (bytes) of a message; files too big to read are listed, not read. */
  read(
    message: PastedMessage,
    onFailure?: (name: string, reason: string) => void,
  ): Promise<Gathered> {
    return messageParts(message.text ?? '', message.files ?? [], {
      ...this.options,
      filesInfo: (id) => this.fileInfo(id),
      ...(onFailure ? { onFailure } : {}),
    });
  }

  /** The message at `where` as Slack has it now; undefined when it is gone or out of reach. */
  async fetch(where: PasteWhere): Promise<PastedMessage | undefined> {
    const root = where.root ?? where.ts;
    try {
      const res = await this.slack.conversationsReplies(
        { channel: where.channel, ts: root, oldest: where.ts, inclusive: true, limit: 2 },
        { channel: where.channel, ts: where.ts },
      );
      return res.messages?.find((m) => m.ts === where.ts);
    } catch {
      return undefined;
    }
  }

  /** The paste at `where` read again (text and files); undefined when it cannot be. */
  async reread(where: PasteWhere): Promise<SharedPaste | undefined> {
    const message = await this.fetch(where);
    if (!message) return undefined;
    const { text, files } = await this.read(message);
    return { text, files };
  }

  /** Files Slack sends without a download URL (`file_access: check_file_info`). */
  private async fileInfo(id: string): Promise<SlackFileRef | undefined> {
    try {
      return (await this.slack.filesInfo({ file: id })).file;
    } catch {
      return undefined;
    }
  }
}
