import { el, leaf, ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError, ResponseCode, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { Subscription } from '../store/types';
import { eventsAfter } from '../notifications/events';
import { streamingEnvelope } from '../notifications/streaming-envelope';
import { ownSubscription } from '../notifications/subscriptions';
import { writeEvent } from '../notifications/write-event';
import { intValue } from './common/schema-values';
import { DEFAULT_STREAMING, HangingAnswer, Operation, OperationContext } from './operation';

/**
 * GetStreamingEvents (Exchange 2010 SP1 on): keeps the HTTP response open for ConnectionTimeout
 * minutes (1–30) and writes an envelope whenever a change reaches the streaming subscriptions it
 * reads — `m:Notifications`, one `m:Notification` per subscription — plus ConnectionStatus OK at the
 * start and as a heartbeat, and ConnectionStatus Closed at the end. A subscription it cannot read
 * answers at once, without streaming.
 */
export const getStreamingEvents: Operation = {
  name: 'GetStreamingEvents',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const req = ctx.request;
    const ids = (req.m('SubscriptionIds')?.children ?? []).filter((c) => c.ns === NS.t && c.local === 'SubscriptionId');
    const timeoutEl = req.m('ConnectionTimeout');
    if (ids.length === 0 || !timeoutEl) {
      throw incompleteContent(req, ids.length === 0 ? 'SubscriptionIds' : 'ConnectionTimeout', NS.m);
    }
    const minutes = intValue(timeoutEl, 1);
    if (minutes > 30) {
      throw schemaFault(`The '${NS.m}:ConnectionTimeout' element is invalid - The value '${timeoutEl.text.trim()}' is invalid according to its datatype - The MaxInclusive constraint failed.`, timeoutEl.line);
    }
    // Each id checked once: the subscription it names, or why it cannot be streamed here.
    const checked = ids.map((id) => ({ id: id.text.trim(), sub: streamable(ctx, id.text) }));
    const refused = checked.map((c) => c.sub).find((s): s is ItemError => s instanceof ItemError);
    if (refused) {
      const failing = checked.filter((c) => c.sub instanceof ItemError && c.sub.code === refused.code).map((c) => c.id);
      // Answered at once, before any streaming: one envelope in the streaming form (so a client reading
      // the stream hears the error for its subscription), naming the subscriptions, then Closed.
      if (ctx.hang) {
        ctx.hang((answer) => {
          answer.write(
            streamingEnvelope(ctx.profile, (m) => {
              const list = el(m, 'm:ErrorSubscriptionIds');
              for (const id of failing) leaf(list, 'm:SubscriptionId', id);
              leaf(m, 'm:ConnectionStatus', 'Closed');
            }, refused.code),
          );
          answer.end();
        });
        return;
      }
      const out = new ResponseMessages(ctx.body, 'GetStreamingEvents');
      await out.add(() => {
        throw refused;
      });
      return;
    }
    const subs = checked.map((c) => c.sub as Subscription);
    const hang = ctx.hang;
    if (!hang) throw new ItemError('ErrorInvalidRequest', 'This connection cannot stream.');
    hang((answer) => stream(ctx, subs, minutes, answer));
  },
};

/** The streaming subscription an id names for the caller, or the error saying why it cannot be streamed. */
function streamable(ctx: OperationContext, id: string): Subscription | ItemError {
  try {
    return ownSubscription(ctx.store, id, ctx.caller.smtp, 'streaming');
  } catch (err) {
    if (err instanceof ItemError) return err;
    throw err;
  }
}

/**
 * The connection streaming each subscription now, as a way to take the subscription from it: a new
 * connection for a subscription takes it over, and the old one hears ErrorNewEventStreamConnectionOpened.
 */
const streamedBy = new WeakMap<Subscription, (sub: Subscription) => void>();

function stream(ctx: OperationContext, subscriptions: Subscription[], minutes: number, answer: HangingAnswer): void {
  const status = (value: 'OK' | 'Closed') => streamingEnvelope(ctx.profile, (m) => leaf(m, 'm:ConnectionStatus', value));
  let subs = [...subscriptions];
  for (const sub of subs) sub.connections = (sub.connections ?? 0) + 1;
  answer.write(status('OK'));
  let ended = false;
  const end = () => {
    ended = true;
    answer.write(status('Closed'));
    answer.end();
  };
  /** Another connection took `sub`: say so here and stop streaming it; with none left, close. */
  const giveUp = (sub: Subscription) => {
    if (ended || !subs.includes(sub)) return;
    answer.write(streamingEnvelope(ctx.profile, (m) => leaf(el(m, 'm:ErrorSubscriptionIds'), 'm:SubscriptionId', sub.id), 'ErrorNewEventStreamConnectionOpened'));
    subs = subs.filter((s) => s !== sub);
    if (subs.length === 0) end();
  };
  for (const sub of subs) {
    streamedBy.get(sub)?.(sub);
    streamedBy.set(sub, giveUp);
  }

  /**
   * Subscriptions ended since (Unsubscribe, expired through the admin API) are reported as an error
   * message naming them in ErrorSubscriptionIds and dropped; with none left the answer closes.
   */
  const dropLapsed = (): boolean => {
    const lapsed = new Map<ResponseCode, Subscription[]>();
    for (const sub of subs) {
      const code: ResponseCode | undefined = !ctx.store.subscriptions.has(sub.id) ? 'ErrorSubscriptionNotFound' : sub.expired ? 'ErrorExpiredSubscription' : undefined;
      if (code) lapsed.set(code, [...(lapsed.get(code) ?? []), sub]);
    }
    for (const [code, gone] of lapsed) {
      answer.write(streamingEnvelope(ctx.profile, (m) => {
        const ids = el(m, 'm:ErrorSubscriptionIds');
        for (const sub of gone) leaf(ids, 'm:SubscriptionId', sub.id);
      }, code));
      subs = subs.filter((s) => !gone.includes(s));
    }
    if (subs.length > 0) return false;
    end();
    return true;
  };

  let pending = false;
  /** Writes what happened since the last write: changes within one request go out together. */
  const flush = () => {
    pending = false;
    if (ended || dropLapsed()) return;
    const notes: { sub: Subscription; events: ReturnType<typeof eventsAfter>['events'] }[] = [];
    for (const sub of subs) {
      const mailbox = ctx.store.mailboxes.get(sub.mailboxId);
      if (!mailbox || sub.expired || !ctx.store.subscriptions.has(sub.id)) continue;
      // All of them: eventsAfter answers at most EVENTS_PER_CALL at a time.
      const events = [];
      for (let page = eventsAfter(mailbox, sub, sub.position ?? 0); ; page = eventsAfter(mailbox, sub, sub.position ?? 0)) {
        events.push(...page.events);
        if (!page.more) break;
        sub.position = page.events[page.events.length - 1].seq;
      }
      sub.position = ctx.store.position;
      if (events.length > 0) notes.push({ sub, events });
    }
    if (notes.length === 0) return;
    answer.write(
      streamingEnvelope(ctx.profile, (m) => {
        const list = el(m, 'm:Notifications');
        for (const { sub, events } of notes) {
          const note = el(list, 'm:Notification');
          leaf(note, 't:SubscriptionId', sub.id);
          const mailbox = ctx.store.mailboxes.get(sub.mailboxId)!;
          for (const e of events) writeEvent(note, mailbox, e);
        }
      }),
    );
  };
  const onChange = () => {
    if (pending) return;
    pending = true;
    setImmediate(flush);
  };
  ctx.store.changeListeners.add(onChange);
  // What happened while no connection was open goes out now, not with the next change.
  onChange();
  const timing = ctx.streaming ?? DEFAULT_STREAMING;
  const heartbeat = setInterval(() => {
    if (!ended && !dropLapsed()) answer.write(status('OK'));
  }, timing.heartbeatMs);
  const lifetime = setTimeout(() => {
    if (!ended) end();
  }, minutes * timing.minuteMs);
  answer.onClose(() => {
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    ctx.store.changeListeners.delete(onChange);
    const now = Date.now();
    for (const sub of subscriptions) {
      sub.connections = Math.max(0, (sub.connections ?? 1) - 1);
      sub.lastUsed = now;
      if (streamedBy.get(sub) === giveUp) streamedBy.delete(sub);
    }
  });
}
