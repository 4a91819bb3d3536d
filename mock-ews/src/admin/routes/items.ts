import { Router } from 'express';
import type { MockState } from '../../server/state';
import type { Item } from '../../store/types';
import { encodeSyncState } from '../../operations/common/sync-state';
import { notFound } from '../errors';
import { findFolder, findMailbox, intParam, itemSummary, queryText } from '../views';

/**
 * Finding items the way a test names them (by subject, Message-ID or folder, or by an id a client
 * sent without saying whose it is) and a sync state as of now, so a client under test can start
 * its sync at the current position and see only the changes the test makes next.
 */

export function itemRoutes(state: MockState): Router {
  const router = Router();

  // In the order the store holds them (oldest stored first), unlike the folder view's newest first,
  // so "the first message of a folder" stays the same between calls.
  router.get('/mailboxes/:smtp/items', (req, res) => {
    const mailbox = findMailbox(state.store, req.params.smtp);
    const folderRef = queryText(req.query, 'folder');
    const subject = queryText(req.query, 'subject');
    const messageId = queryText(req.query, 'messageId');
    const offset = intParam(req.query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(req.query.limit, 'limit', 100, 10_000);
    const source = folderRef ? findFolder(state.store, mailbox, folderRef).items : mailbox.items;
    const matching: Item[] = [];
    for (const item of source.values()) {
      if (subject !== undefined && item.data.subject !== subject) continue;
      if (messageId !== undefined && item.data.internetMessageId !== messageId) continue;
      matching.push(item);
    }
    res.json({ total: matching.length, items: matching.slice(offset, offset + limit).map((i) => itemSummary(mailbox, i)) });
  });

  // Item ids embed their mailbox, as Exchange's do, so an id alone finds its item.
  router.get('/items/:id', (req, res) => {
    const id = String(req.params.id);
    const mailbox = state.store.mailboxOfId(id);
    const item = mailbox ? state.store.item(mailbox, id) : undefined;
    if (!mailbox || !item) throw notFound(`item ${id}`, 'id');
    res.json({ mailbox: mailbox.smtp, ...itemSummary(mailbox, item) });
  });

  router.get('/mailboxes/:smtp/sync-state', (req, res) => {
    const mailbox = findMailbox(state.store, req.params.smtp);
    const folderRef = queryText(req.query, 'folder');
    const pos = state.store.position;
    if (folderRef) {
      const folder = findFolder(state.store, mailbox, folderRef);
      res.json({ kind: 'items', folderId: folder.id, syncState: encodeSyncState(state.store, { kind: 'items', mailbox: mailbox.id, folder: folder.id, pos }) });
      return;
    }
    res.json({ kind: 'hierarchy', folderId: null, syncState: encodeSyncState(state.store, { kind: 'hierarchy', mailbox: mailbox.id, root: null, pos }) });
  });
  return router;
}
