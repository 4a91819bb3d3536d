import type { MessageData } from './types';

/** Why a message left the organisation. */
export type OutboundReason = 'sent' | 'auto-reply' | 'rule';

/** The reason as people read it (the inspector). */
export const OUTBOUND_REASON_LABEL: Readonly<Record<OutboundReason, string>> = { sent: 'sent', 'auto-reply': 'automatic reply', rule: 'forwarded by an Inbox rule' };

export interface OutboundMessage {
  /** 1 for the first message that left this store, counting on across clears. */
  n: number;
  /** Bytes it holds (bodies, attachments, MIME): what the log's byte budget counts. */
  bytes: number;
  at: Date;
  /** The mailbox it left from. */
  from: string;
  /** The envelope recipients outside the organisation (Bcc ones included), as given. */
  recipients: string[];
  reason: OutboundReason;
  /** The message as it went out: without a Bcc list (the recipients say who got it). */
  data: MessageData;
}

/** How many messages, and how many bytes of them, the log keeps at most. */
export const OUTBOUND_KEEP = { messages: 1000, bytes: 64 * 1024 * 1024 };

/**
 * Mail the store could not deliver itself: messages to recipients with no mailbox here, which a
 * real server hands to a smart host. Kept so a test can see what its client sent out (replies to
 * customers, forwards, automatic replies): the newest ones, within OUTBOUND_KEEP; the newest one
 * always stays.
 */
export class OutboundLog {
  private readonly list: OutboundMessage[] = [];
  private last = 0;
  private held = 0;

  add(from: string, recipients: string[], data: MessageData, reason: OutboundReason, at: Date): OutboundMessage {
    const bytes = (data.body.text?.length ?? 0) + (data.body.html?.length ?? 0) + (data.rawMime?.length ?? 0) + data.attachments.reduce((n, a) => n + a.content.length, 0);
    const message = { n: ++this.last, bytes, at, from, recipients, reason, data };
    this.list.push(message);
    this.held += bytes;
    while (this.list.length > 1 && (this.list.length > OUTBOUND_KEEP.messages || this.held > OUTBOUND_KEEP.bytes)) this.held -= this.list.shift()!.bytes;
    return message;
  }

  /** Oldest first. */
  get messages(): readonly OutboundMessage[] {
    return this.list;
  }

  /** The message numbered `ref` (digits, as a URL gives it); undefined when there is none. */
  find(ref: string | number): OutboundMessage | undefined {
    const n = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : NaN;
    return this.list.find((m) => m.n === n);
  }

  /** Forgets every message; numbering goes on. Answers how many were forgotten. */
  clear(): number {
    this.held = 0;
    return this.list.splice(0).length;
  }

  /** The number of the newest message ever logged (0 when none). */
  get lastN(): number {
    return this.last;
  }
}
