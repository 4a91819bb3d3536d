import { XmlDocument } from '../soap/xml-writer';
import { el, leaf } from '../soap/response-writer';
import { NS } from '../soap/namespaces';
import type { Profile } from '../profiles/profiles';
import type { Store } from '../store/store';
import type { Mailbox, Subscription } from '../store/types';
import { eventsAfter, MailboxEvent } from './events';
import { encodeWatermark } from './watermark';
import { writeEvent } from './write-event';

/** How long the mock waits for a listener to answer a notification. */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Push notifications: the mock posts SendNotification requests to the subscription's URL — the
 * events since the last one it delivered, as changes happen, and a StatusEvent every StatusFrequency
 * when nothing happened. The listener answers SendNotificationResult with SubscriptionStatus OK or
 * Unsubscribe (which ends the subscription). A post the listener does not answer is retried as
 * Exchange documents (StatusFrequency): 30 seconds after the failure, then after 60, 120, 240…
 * seconds counted from it, each retry carrying every event not yet acknowledged; a retry that would
 * fall later than StatusFrequency after the failure is not sent, and the subscription ends.
 * `minuteMs` is how long a minute lasts (shortened in tests). Returns a function that stops it;
 * `onStopped` hears when it stops, however that came about.
 */
export function startPush(store: Store, profile: Profile, sub: Subscription, statusFrequency: number, minuteMs: number, onStopped?: () => void): () => void {
  const url = sub.url;
  if (!url) throw new Error('a push subscription needs a URL');
  const retryFirstMs = minuteMs / 2;
  const giveUpMs = statusFrequency * minuteMs;
  let stopped = false;
  let sending = false;
  let again = false;
  /** Retries so far since the first failed post, and when that was; none while posts succeed. */
  let retries = 0;
  let failedAt = 0;
  let retry: NodeJS.Timeout | undefined;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(status);
    clearTimeout(retry);
    store.changeListeners.delete(onChange);
    onStopped?.();
  };
  const end = () => {
    store.subscriptions.delete(sub.id);
    stop();
  };
  /** After a failed post: the next retry on the doubling schedule, or the end when it would be too late. */
  const scheduleRetry = () => {
    if (retries === 0) failedAt = Date.now();
    const at = failedAt + retryFirstMs * 2 ** retries;
    if (at - failedAt > giveUpMs) return end();
    retries++;
    retry = setTimeout(() => {
      retry = undefined;
      void flush(true);
    }, Math.max(0, at - Date.now()));
    retry.unref();
  };
  const flush = async (statusDue: boolean) => {
    if (stopped) return;
    // Ended (Unsubscribe) or expired through the admin API: no more posts.
    if (!store.subscriptions.has(sub.id) || sub.expired) return stop();
    // Waiting to retry: the retry carries whatever happened meanwhile.
    if (retry) return;
    if (sending) {
      again = true;
      return;
    }
    const mailbox = store.mailboxes.get(sub.mailboxId);
    if (!mailbox) return stop();
    const previous = sub.position ?? 0;
    const { events, more } = eventsAfter(mailbox, sub, previous);
    if (events.length === 0 && !statusDue) return;
    const next = events.length > 0 ? events[events.length - 1].seq : store.position;
    sending = true;
    let failed = false;
    try {
      const answer = await post(url, notification(profile, mailbox, sub, previous, events, more, store.position));
      retries = 0;
      sub.position = next;
      sub.lastUsed = Date.now();
      if (answer === 'Unsubscribe') end();
    } catch {
      failed = true;
    } finally {
      sending = false;
    }
    if (stopped) return;
    if (failed) return scheduleRetry();
    if (again || more) {
      again = false;
      setImmediate(() => void flush(false));
    }
  };
  const onChange = () => setImmediate(() => void flush(false));
  store.changeListeners.add(onChange);
  const status = setInterval(() => void flush(true), giveUpMs);
  status.unref();
  // The first post goes out at once (retry 0, "initial sync"): a listener that is not up hears of it now,
  // not a StatusFrequency later.
  setImmediate(() => void flush(true));
  return stop;
}

/** The SendNotification request: one Notification with the events, or a StatusEvent. */
function notification(profile: Profile, mailbox: Mailbox, sub: Subscription, previous: number, events: MailboxEvent[], more: boolean, position: number): string {
  const doc = new XmlDocument('soap:Envelope');
  doc.root.att('xmlns:soap', NS.soap);
  doc.root.ele('soap:Header').ele('t:RequestServerVersion').att('xmlns:t', NS.t).att('Version', profile.newestSchema);
  const send = doc.root.ele('soap:Body').ele('m:SendNotification').att('xmlns:m', NS.m).att('xmlns:t', NS.t);
  const message = send.ele('m:ResponseMessages').ele('m:SendNotificationResponseMessage').att('ResponseClass', 'Success');
  leaf(message, 'm:ResponseCode', 'NoError');
  const note = el(message, 'm:Notification');
  leaf(note, 't:SubscriptionId', sub.id);
  leaf(note, 't:PreviousWatermark', encodeWatermark(previous));
  leaf(note, 't:MoreEvents', more);
  if (events.length === 0) leaf(el(note, 't:StatusEvent'), 't:Watermark', encodeWatermark(position));
  for (const event of events) writeEvent(note, mailbox, event);
  return doc.end();
}

/** Posts a notification; the listener's SubscriptionStatus, or a throw when it did not answer one. */
async function post(url: string, body: string): Promise<'OK' | 'Unsubscribe'> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  const text = await res.text();
  const status = /<(?:[\w.-]+:)?SubscriptionStatus>\s*(OK|Unsubscribe)\s*</.exec(text)?.[1];
  if (!res.ok || !status) throw new Error(`the listener answered HTTP ${res.status} without a SubscriptionStatus`);
  return status as 'OK' | 'Unsubscribe';
}
