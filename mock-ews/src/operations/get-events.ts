import { el, leaf, ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { eventsAfter } from '../notifications/events';
import { writeEvent } from '../notifications/write-event';
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
      throw incompleteContent(req, idEl ? 'Watermark' : 'SubscriptionId', NS.m);
    }
    const out = new ResponseMessages(ctx.body, 'GetEvents');
    await out.add((message) => {
      const sub = ownSubscription(ctx.store, idEl.text, ctx.caller.smtp, 'pull');
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
