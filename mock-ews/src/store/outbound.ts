import type { MessageData } from './types';

/** Why a message left the organisation. */
export type OutboundReason = 'sent' | 'auto-reply';

export interface OutboundMessage {
  /** 1 for the first message that left this store, counting on across clears. */
  n: number;
  at: Date;
  /** The mailbox it left from. */
  from: string;
  /** The envelope recipients outside the organisation (Bcc ones included), as given. */
  recipients: string[];
  reason: OutboundReason;
  /** The message as it went out: without a Bcc list (the recipients say who got it). */
  data: MessageData;
}

/**
 * Mail the store could not deliver itself: messages to recipients with no mailbox here, which a
 * real server hands to a smart host. Kept so a test can see what its client sent out (replies to
 * customers, forwards, automatic replies), the newest `capacity` of them.
 */
export class OutboundLog {
  private readonly list: OutboundMessage[] = [];
  private last = 0;

  constructor(private readonly capacity = 1000) {}

  add(from: string, recipients: string[], data: MessageData, reason: OutboundReason, at: Date): OutboundMessage {
    const message = { n: ++this.last, at, from, recipients, reason, data };
    this.list.push(message);
    if (this.list.length > this.capacity) this.list.shift();
    return message;
  }

  /** Oldest first. */
  get messages(): readonly OutboundMessage[] {
    return this.list;
  }

  find(n: number): OutboundMessage | undefined {
    return this.list.find((m) => m.n === n);
  }

  /** Forgets every message; numbering goes on. Answers how many were forgotten. */
  clear(): number {
    return this.list.splice(0).length;
  }

  /** The number of the newest message ever logged (0 when none). */
  get lastN(): number {
    return this.last;
  }
}
