import { ItemError } from '../../soap/error-catalogue';
import { expandRecipients } from '../../store/distribution-lists';
import { nonDeliveryReport } from '../../store/non-delivery';
import type { Store } from '../../store/store';
import type { AttachmentData, Folder, Item, Mailbox, MessageData } from '../../store/types';
import { messageMime } from '../../mime/compose';
import { ATTACHED_MESSAGE_TYPE } from './attached-messages';
import type { SendingIdentity } from './mailbox-access';

export interface Delivery {
  /** The sender's saved copy, when one was asked for. */
  sentCopy?: Item;
  /** The copies placed in recipients' Inboxes, one per mailbox of the store. */
  delivered: Item[];
}

/**
 * Sends a message from `sender` (the mailbox it leaves from: its own From unless the message sets
 * one): the sender's copy goes to `saveIn` (Sent Items for SendAndSaveCopy), and every
 * To/Cc/Bcc recipient that has a mailbox in this store — a distribution list's members included,
 * nested lists expanded — gets one copy in their Inbox, unread, without the Bcc list. Recipients
 * outside the organisation are accepted as a smart host would take them: the message goes to the
 * store's outbound log once, for all of them. Addresses of the organisation that name nobody come
 * back to the sender as one non-delivery report.
 */
export function deliver(store: Store, sender: Mailbox, data: MessageData, saveIn?: Folder, bounced?: AttachmentData): Delivery {
  const now = new Date();
  const sent: MessageData = {
    ...data,
    from: data.from ?? { name: sender.displayName, address: sender.smtp },
    dateTimeSent: now,
    dateTimeReceived: now,
    isDraft: false,
    isRead: true,
  };
  // The copy goes to the mailbox holding `saveIn`: the sender's, or one it opened as a delegate.
  const sentCopy = saveIn ? store.addItem(store.mailboxes.get(saveIn.mailboxId) ?? sender, saveIn, sent, now) : undefined;
  const delivered: Item[] = [];
  const { mailboxes, external: elsewhere, unknown } = expandRecipients(store, [...data.to, ...data.cc, ...data.bcc].map((r) => r.address));
  for (const mailbox of mailboxes) {
    const copy: MessageData = {
      ...sent,
      bcc: [],
      isRead: false,
      categories: [],
      rawMime: sent.rawMime ? withoutBcc(sent.rawMime) : undefined,
    };
    delivered.push(store.deliverItem(mailbox, store.distinguishedFolder(mailbox, 'inbox'), copy, now));
  }
  if (unknown.length > 0) store.deliverItem(sender, store.distinguishedFolder(sender, 'inbox'), nonDeliveryReport(sender, sent, unknown, now, bounced), now);
  if (elsewhere.length > 0) store.outbound.add(sender.smtp, elsewhere, { ...sent, bcc: [], rawMime: sent.rawMime ? withoutBcc(sent.rawMime) : undefined }, 'sent', now);
  return { sentCopy, delivered };
}

/**
 * The message as it goes out under `who` (mailbox-access.ts sendingIdentity): its From and Sender
 * are the server's, not whatever the client wrote. Sent on behalf of another mailbox, raw MIME
 * would not say so; the message is composed from its fields instead.
 */
export function asSentBy(data: MessageData, who: SendingIdentity): MessageData {
  return { ...data, from: who.from, sender: who.sender, rawMime: who.sender ? undefined : data.rawMime };
}

/**
 * Sends a stored message of `mailbox` (UpdateItem with a send disposition, SendItem) under `who`:
 * it needs a recipient (ErrorInvalidRecipients), is delivered, copied to `saveIn` if given, and
 * leaves its folder.
 */
export function sendStored(store: Store, mailbox: Mailbox, item: Item, who: SendingIdentity, saveIn?: Folder, bounced?: AttachmentData): Delivery {
  requireRecipients(item.data);
  const delivery = deliver(store, who.envelope, asSentBy(item.data, who), saveIn, bounced);
  store.deleteItem(mailbox, item);
  return delivery;
}

/** A message to be sent needs at least one recipient (ErrorInvalidRecipients). */
export function requireRecipients(data: Pick<MessageData, 'to' | 'cc' | 'bcc'>): void {
  if (data.to.length + data.cc.length + data.bcc.length === 0) throw new ItemError('ErrorInvalidRecipients');
}

/**
 * What the non-delivery report for sending `data` attaches: the message itself, without its Bcc
 * list, when an address of the organisation names nobody; undefined when every address reaches
 * someone or leaves the organisation. Composing MIME waits, so a caller takes this before it changes
 * anything (for a stored message, bouncedStoredOriginal).
 */
export async function bouncedOriginal(store: Store, data: MessageData): Promise<AttachmentData | undefined> {
  if (expandRecipients(store, [...data.to, ...data.cc, ...data.bcc].map((r) => r.address)).unknown.length === 0) return undefined;
  return { name: data.subject, contentType: ATTACHED_MESSAGE_TYPE, content: withoutBcc(await messageMime(data)), isInline: false };
}

/**
 * bouncedOriginal for sending the stored `item` as `outgoing`, failing the send when another request
 * removed the item (ErrorItemNotFound) or changed it (ErrorIrresolvableConflict) meanwhile.
 */
export async function bouncedStoredOriginal(store: Store, mailbox: Mailbox, item: Item, outgoing: MessageData): Promise<AttachmentData | undefined> {
  const version = item.version;
  const bounced = await bouncedOriginal(store, outgoing);
  if (mailbox.items.get(item.id) !== item) throw new ItemError('ErrorItemNotFound');
  if (item.version !== version) throw new ItemError('ErrorIrresolvableConflict');
  return bounced;
}

/** The message with its Bcc header removed: recipients never see the Bcc list. */
function withoutBcc(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return raw;
  const header = text.slice(0, end).replace(/^bcc:.*(?:\r?\n[ \t].*)*(?:\r?\n|$)/gim, '');
  return Buffer.from(header + text.slice(end), 'latin1');
}
