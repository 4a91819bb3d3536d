import { ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { ownSubscription } from '../notifications/subscriptions';
import type { Operation } from './operation';

/**
 * Unsubscribe: ends a pull or streaming subscription; its id then names nothing
 * (ErrorSubscriptionNotFound). A push subscription is ended by its listener's answer, not by
 * Unsubscribe: ErrorInvalidSubscription, and it goes on ([MS-OXWSNTIF] 3.1.4.4).
 */
export const unsubscribe: Operation = {
  name: 'Unsubscribe',
  since: 'Exchange2007',
  async handle(ctx) {
    const idEl = ctx.request.m('SubscriptionId');
    if (!idEl) throw incompleteContent(ctx.request, 'SubscriptionId', NS.m);
    const out = new ResponseMessages(ctx.body, 'Unsubscribe');
    await out.add(() => {
      // An expired subscription can still be ended.
      const found = ctx.store.subscriptions.get(idEl.text.trim());
      const sub = found?.expired && found.owner === ctx.caller.smtp ? found : ownSubscription(ctx.store, idEl.text, ctx.caller.smtp);
      if (sub.kind === 'push') throw new ItemError('ErrorInvalidSubscription');
      ctx.store.subscriptions.delete(sub.id);
      // An open GetStreamingEvents answer reading it tells its client.
      ctx.store.announce();
    });
  },
};
