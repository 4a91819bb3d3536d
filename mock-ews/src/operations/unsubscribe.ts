import { ResponseMessages } from '../soap/response-writer';
import { incompleteContent } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { ownSubscription } from '../notifications/subscriptions';
import type { Operation } from './operation';

/** Unsubscribe: ends a subscription; its id then names nothing (ErrorSubscriptionNotFound). */
export const unsubscribe: Operation = {
  name: 'Unsubscribe',
  since: 'Exchange2007',
  async handle(ctx) {
    const idEl = ctx.request.m('SubscriptionId');
    if (!idEl) throw incompleteContent(ctx.request, 'SubscriptionId', NS.m);
    const out = new ResponseMessages(ctx.body, 'Unsubscribe');
    await out.add(() => {
      // An expired subscription can still be ended.
      const sub = ctx.store.subscriptions.get(idEl.text.trim());
      if (sub?.expired && sub.owner === ctx.caller.smtp) ctx.store.subscriptions.delete(sub.id);
      else ctx.store.subscriptions.delete(ownSubscription(ctx.store, idEl.text, ctx.caller.smtp).id);
      // An open GetStreamingEvents answer reading it tells its client.
      ctx.store.announce();
    });
  },
};
