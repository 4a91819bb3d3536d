import { Router } from 'express';
import type { MockState } from '../../server/state';
import type { Store } from '../../store/store';
import type { Subscription } from '../../store/types';
import { AdminError } from '../errors';

/** A subscription as the admin API shows it: which mailbox and folders, for whom, and whether it lapsed. */
export function subscriptionView(store: Store, sub: Subscription) {
  const mailbox = store.mailboxes.get(sub.mailboxId);
  return {
    id: sub.id,
    kind: sub.kind,
    mailbox: mailbox?.smtp ?? null,
    owner: sub.owner,
    folders: sub.folderIds?.map((id) => mailbox?.folders.get(id)?.displayName ?? id) ?? null,
    eventTypes: sub.eventTypes,
    timeoutMinutes: sub.timeoutMinutes,
    lastUsed: new Date(sub.lastUsed).toISOString(),
    expired: sub.expired,
    /** GetStreamingEvents connections open now (always 0 for a pull subscription). */
    connections: sub.connections ?? 0,
  };
}

/**
 * Notification subscriptions clients made (Subscribe): listed, and expired on demand, so a test can
 * see how its code handles ErrorExpiredSubscription without waiting out the timeout.
 */
export function subscriptionRoutes(state: MockState): Router {
  const router = Router();
  router.get('/subscriptions', (_req, res) => {
    res.json([...state.store.subscriptions.values()].map((s) => subscriptionView(state.store, s)));
  });
  router.post('/subscriptions/:id/expire', (req, res) => {
    const sub = state.store.subscriptions.get(String(req.params.id));
    if (!sub) throw new AdminError(404, `id: no subscription ${req.params.id}`, 'id');
    sub.expired = true;
    // An open GetStreamingEvents answer tells its client at once.
    state.store.announce();
    res.json(subscriptionView(state.store, sub));
  });
  return router;
}
