import { Router } from 'express';
import { messageMime } from '../../mime/compose';
import type { MockState } from '../../server/state';
import type { OutboundMessage } from '../../store/outbound';
import { notFound } from '../errors';
import { addr, intParam } from '../views';

/** An outbound message as the admin API shows it: where it went, why, and what it said. */
export function outboundView(m: OutboundMessage) {
  const d = m.data;
  return {
    n: m.n,
    at: m.at.toISOString(),
    from: m.from,
    recipients: m.recipients,
    reason: m.reason,
    subject: d.subject,
    to: d.to.map(addr),
    cc: d.cc.map(addr),
    internetMessageId: d.internetMessageId,
    inReplyTo: d.inReplyTo ?? null,
    text: d.body.text ?? null,
    html: d.body.html ?? null,
    attachments: d.attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: a.content.length })),
  };
}

/**
 * Mail that left the organisation (store/outbound.ts): what a client sent to recipients without a
 * mailbox here, and the automatic replies sent to outside senders.
 */
export function outboundRoutes(state: MockState): Router {
  const router = Router();
  const find = (n: string) => {
    const found = state.store.outbound.find(n);
    if (!found) throw notFound(`outbound message ${n}`, 'n');
    return found;
  };
  router.get('/outbound', (req, res) => {
    const after = intParam(req.query.after, 'after', 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(req.query.limit, 'limit', 100, 1000);
    const newer = state.store.outbound.messages.filter((m) => m.n > after);
    res.json({ total: newer.length, lastN: state.store.outbound.lastN, messages: newer.slice(0, limit).map(outboundView) });
  });
  router.get('/outbound/:n', (req, res) => {
    res.json(outboundView(find(req.params.n)));
  });
  router.get('/outbound/:n/mime', async (req, res) => {
    res.type('message/rfc822').send(await messageMime(find(req.params.n).data));
  });
  router.delete('/outbound', (_req, res) => {
    res.json({ cleared: state.store.outbound.clear() });
  });
  return router;
}
