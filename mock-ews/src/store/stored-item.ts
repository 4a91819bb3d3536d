import { changeKey, hashId } from './ids';
import type { Attachment, Item, MessageData } from './types';

/** Subject without reply/forward prefixes: the conversation topic. */
export function normaliseTopic(subject: string): string {
  return subject.replace(/^((re|fw|fwd|aw|wg|sv|vs)\s*:\s*)+/i, '').trim().toLowerCase();
}

/**
 * The conversation id of a message with this subject: a digest of the topic, as Exchange derives it
 * for mail without a ConversationIndex (MS-OXOMSG), so one thread has one id in every mailbox.
 */
export function conversationIdOf(subject: string): string {
  return hashId(`conv:${normaliseTopic(subject)}`);
}

/** Items without attachments share one empty list; nothing changes an item's list in place. */
const NO_ATTACHMENTS = Object.freeze([]) as unknown as Attachment[];

/**
 * An item as the store holds it. Its ChangeKey and conversation id are digests (SHA-1, SHA-256)
 * computed when first read, not at creation: a generated scenario of a million items reads few of
 * them, and hashing every one made most of its load time and two strings per item. The values are
 * the ones eager computation gave; the fields they derive from (id and version; mailbox and the
 * subject at creation) stay visible to store snapshots. The caches are private fields, which
 * snapshots do not see, so reading an item never changes a snapshot.
 */
export class StoredItem implements Item {
  id: string;
  version = 1;
  mailboxId: string;
  folderId: string;
  dateTimeCreated: Date;
  lastModified: Date;
  data: MessageData;
  attachments: Attachment[] = NO_ATTACHMENTS;
  size = 0;
  fieldVersions?: Partial<Record<keyof MessageData, number>>;
  /** The subject the item was created with: its conversation topic (later subject edits keep it). */
  conversationSubject: string;
  /** A conversation id set explicitly (an item moved keeps its conversation); absent otherwise. */
  conversationOverride?: string;
  #changeKey?: string;
  #changeKeyVersion = 0;
  #conversationId?: string;

  constructor(id: string, mailboxId: string, folderId: string, data: MessageData, created: Date) {
    this.id = id;
    this.mailboxId = mailboxId;
    this.folderId = folderId;
    this.dateTimeCreated = created;
    this.lastModified = created;
    this.data = data;
    this.conversationSubject = data.subject;
  }

  get changeKey(): string {
    if (this.#changeKey === undefined || this.#changeKeyVersion !== this.version) {
      this.#changeKey = changeKey(this.id, this.version);
      this.#changeKeyVersion = this.version;
    }
    return this.#changeKey;
  }

  /** Only the store sets it, to the value the getter derives; kept so `Item` stays writable. */
  set changeKey(value: string) {
    this.#changeKey = value;
    this.#changeKeyVersion = this.version;
  }

  get conversationId(): string {
    return this.conversationOverride ?? (this.#conversationId ??= conversationIdOf(this.conversationSubject));
  }

  set conversationId(value: string) {
    this.conversationOverride = value;
  }
}
