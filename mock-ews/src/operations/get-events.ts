import { el, idElement, leaf, ResponseMessages, Xml } from '../soap/response-writer';
import { ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { Mailbox } from '../store/types';
import { ewsDate } from './common/write-item';
import { eventsAfter, MailboxEvent } from '../notifications/events';
import { ownSubscription } from '../notifications/subscriptions';
import { decodeWatermark, encodeWatermark } from '../notifications/watermark';
import type { Operation } from './operation';

/**
 * GetEvents: the changes a pull subscription has seen since the Watermark given, oldest first, each
 * with the Watermark to ask from next; a StatusEvent when there are none. MoreEvents says another
 * call will find more (notifications/events.ts).
 */
export const getEvents: Operation = {
  name: 'GetEvents',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const idEl = req.m('SubscriptionId');
    const watermarkEl = req.m('Watermark');
    if (!idEl || !watermarkEl) {
      throw schemaFault(`The element 'GetEvents' in namespace '${NS.m}' has incomplete content. List of possible elements expected: '${idEl ? 'Watermark' : 'SubscriptionId'}' in namespace '${NS.m}'.`, req.line);
    }
    const out = new ResponseMessages(ctx.body, 'GetEvents');
    await out.add((message) => {
      const sub = ownSubscription(ctx.store, idEl.text, ctx.caller.smtp);
      const after = decodeWatermark(ctx.store, watermarkEl.text);
      if (after === undefined) throw new ItemError('ErrorInvalidWatermark');
      sub.lastUsed = Date.now();
      const mailbox = ctx.store.mailboxes.get(sub.mailboxId)!;
      const { events, more } = eventsAfter(mailbox, sub, after);
      const note = el(message, 'm:Notification');
      leaf(note, 't:SubscriptionId', sub.id);
      leaf(note, 't:PreviousWatermark', watermarkEl.text.trim());
      leaf(note, 't:MoreEvents', more);
      if (events.length === 0) {
        leaf(el(note, 't:StatusEvent'), 't:Watermark', encodeWatermark(ctx.store.position));
        return;
      }
      for (const e of events) writeEvent(note, mailbox, e);
    });
  },
};

/** One event: Watermark, TimeStamp, the item or folder, its parent, and where it came from. */
function writeEvent(note: Xml, mailbox: Mailbox, e: MailboxEvent): void {
  const x = el(note, `t:${e.type}`);
  leaf(x, 't:Watermark', encodeWatermark(e.seq));
  leaf(x, 't:TimeStamp', ewsDate(new Date(e.at)));
  const idName = e.target === 'item' ? 't:ItemId' : 't:FolderId';
  writeId(x, idName, mailbox, e.target, e.id);
  writeId(x, 't:ParentFolderId', mailbox, 'folder', e.parentFolderId);
  if (e.oldId !== undefined) {
    writeId(x, e.target === 'item' ? 't:OldItemId' : 't:OldFolderId', mailbox, e.target, e.oldId);
    writeId(x, 't:OldParentFolderId', mailbox, 'folder', e.oldParentFolderId!);
  }
}

/** An id element with the ChangeKey of what it names, or the Id alone when that is gone. */
function writeId(parent: Xml, name: string, mailbox: Mailbox, kind: 'item' | 'folder', id: string): void {
  const found = kind === 'item' ? mailbox.items.get(id) : mailbox.folders.get(id);
  if (found) idElement(parent, name, found);
  else el(parent, name, { Id: id });
}
