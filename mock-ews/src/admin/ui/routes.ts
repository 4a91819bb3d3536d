import express, { NextFunction, Request, Response, Router } from 'express';
import type { MockState } from '../../server/state';
import { messageMime } from '../../mime/compose';
import { AdminError } from '../errors';
import { queryJournal, recordView } from '../journal';
import { messageFromFields } from '../message-input';
import { journalFilter } from '../routes/requests';
import { findFolder, findItem, findMailbox } from '../views';
import { errorPage, folderPage, homePage, itemPage, mailboxPage, outboundMessagePage, outboundPage, requestPage, requestsPage } from './pages';

/** No scripts, no external anything; message HTML is further confined to a sandboxed iframe. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

export function inspectorRoutes(state: MockState): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set({ 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' });
    next();
  });
  const send = (res: Response, body: string) => res.type('html').send(body);

  router.get('/', (_req, res) => send(res, homePage(state)));

  router.get('/mailboxes/:smtp', (req, res) => send(res, mailboxPage(state, findMailbox(state.store, req.params.smtp))));

  router.get('/mailboxes/:smtp/folders/:folder', (req, res) => {
    const mailbox = findMailbox(state.store, req.params.smtp);
    send(res, folderPage(state, mailbox, findFolder(state.store, mailbox, req.params.folder)));
  });

  router.get('/mailboxes/:smtp/items/:id', async (req, res) => {
    const mailbox = findMailbox(state.store, req.params.smtp);
    const item = findItem(state.store, mailbox, req.params.id);
    send(res, itemPage(mailbox, item, await messageMime(item.data)));
  });

  router.get('/outbound', (_req, res) => send(res, outboundPage(state)));

  router.get('/outbound/:n', async (req, res) => {
    const message = state.store.outbound.find(req.params.n);
    if (!message) throw new AdminError(404, `no outbound message ${req.params.n}`, 'n');
    send(res, outboundMessagePage(message, await messageMime(message.data)));
  });

  router.get('/requests', (req, res) => {
    const filter = journalFilter(req);
    send(res, requestsPage(queryJournal(state.records, filter).map(recordView), req.query.live === '1'));
  });

  router.get('/requests/:id', (req, res) => {
    const record = state.records.find((r) => r.id === Number(req.params.id));
    if (!record) throw new AdminError(404, `no request ${req.params.id} in the journal`, 'id');
    send(res, requestPage(recordView(record)));
  });

  const form = express.urlencoded({ extended: false, limit: '1mb' });

  router.post('/deliver', form, (req, res) => {
    const f = (req.body ?? {}) as Record<string, string | undefined>;
    if (!f.mailbox) throw new AdminError(400, 'mailbox: choose a mailbox', 'mailbox');
    const mailbox = findMailbox(state.store, f.mailbox);
    const folder = findFolder(state.store, mailbox, f.folder?.trim() || 'inbox');
    const fields: Record<string, unknown> = { subject: f.subject ?? '', text: f.text ?? '' };
    if (f.from?.trim()) fields.from = f.from.trim();
    const item = state.store.deliverItem(mailbox, folder, messageFromFields(fields, mailbox));
    res.redirect(303, `/__admin/ui/mailboxes/${encodeURIComponent(mailbox.smtp)}/items/${encodeURIComponent(item.id)}`);
  });

  router.post('/faults/clear', (_req, res) => {
    state.faults.clear();
    res.redirect(303, '/__admin/ui#faults');
  });

  // Errors here are pages, not JSON.
  router.use((err: Error, _req: Request, res: Response, next: NextFunction) => {
    if (!(err instanceof AdminError) || res.headersSent) return next(err);
    res.status(err.status).type('html').send(errorPage(err.status, err.message));
  });
  return router;
}
