import { randomBytes } from 'node:crypto';
import { ItemError } from '../soap/error-catalogue';
import type { Store } from '../store/store';
import type { Mailbox, Subscription } from '../store/types';

/** A new subscription of `owner` to changes of `mailbox`. */
export function subscribe(store: Store, mailbox: Mailbox, owner: string, spec: Pick<Subscription, 'kind' | 'folderIds' | 'eventTypes' | 'timeoutMinutes' | 'position' | 'url'>): Subscription {
  const sub: Subscription = { id: randomBytes(24).toString('base64'), mailboxId: mailbox.id, owner, ...spec, lastUsed: Date.now(), expired: false };
  store.subscriptions.set(sub.id, sub);
  return sub;
}

/** Minutes a streaming subscription outlives its last connection. */
export const STREAMING_TIMEOUT_MINUTES = 30;

/**
 * The subscription a request names, for its owner only: unknown or unsubscribed →
 * ErrorSubscriptionNotFound; another account's → ErrorSubscriptionAccessDenied; not read within
 * its timeout (or expired through the admin API) → ErrorExpiredSubscription; a pull subscription
 * given to GetStreamingEvents, or the reverse (`kind`) → ErrorInvalidSubscription.
 */
export function ownSubscription(store: Store, id: string, caller: string, kind?: Subscription['kind'], now = Date.now()): Subscription {
  const sub = store.subscriptions.get(id.trim());
  if (!sub) throw new ItemError('ErrorSubscriptionNotFound');
  if (sub.owner !== caller) throw new ItemError('ErrorSubscriptionAccessDenied');
  if (!sub.expired && !sub.connections && now - sub.lastUsed > sub.timeoutMinutes * 60_000) sub.expired = true;
  if (sub.expired) throw new ItemError('ErrorExpiredSubscription');
  if (kind && sub.kind !== kind) throw new ItemError('ErrorInvalidSubscription');
  return sub;
}
