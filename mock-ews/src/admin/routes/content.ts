import { Request, Router } from 'express';
import { z } from 'zod';
import type { MockState } from '../../server/state';
import { StoreError } from '../../store/store';
import type { Folder, Item, Mailbox } from '../../store/types';
import { messageMime } from '../../mime/compose';
import { AdminError, fromStoreError, parseBody } from '../errors';
import { messageFromFields, messageFromRaw, messageInputSchema } from '../message-input';
import { findFolder, findItem, findMailbox, folderView, intParam, itemDetail, itemSummary } from '../views';
import { jsonBody, jsonParser, rawParser } from './body';

/**
 * Folders and items, changed the way a person in Outlook would change them: new mail arrives,
 * messages are moved, flagged and deleted, folders are created, renamed, moved and deleted. Every
 * change goes through the store, so it is journalled and clients see it in their next sync.
 */

const deleteTypes = ['HardDelete', 'MoveToDeletedItems'] as const;
type DeleteType = (typeof deleteTypes)[number];

function deleteTypeOf(req: Request): DeleteType {
  const v = req.query.deleteType;
  if (v === undefined) return 'MoveToDeletedItems';
  if (typeof v === 'string' && (deleteTypes as readonly string[]).includes(v)) return v as DeleteType;
  throw new AdminError(400, `deleteType: must be one of ${deleteTypes.join(', ')}`, 'deleteType');
}

/** Runs a store change; a store rule violation becomes 400/404/409 naming the field. */
function change<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StoreError) throw fromStoreError(err, field);
    throw err;
  }
}

/** True when `folder` is Deleted Items or a folder under it. */
function underDeletedItems(state: MockState, mailbox: Mailbox, folder: Folder): boolean {
  const deleted = state.store.distinguishedFolder(mailbox, 'deleteditems');
  for (let f: Folder | undefined = folder; f; f = f.parentId ? mailbox.folders.get(f.parentId) : undefined) if (f === deleted) return true;
  return false;
}

const newFolderInput = z.object({ displayName: z.string().trim().min(1).refine((n) => !n.includes('/'), 'must not contain "/"'), parent: z.string().min(1).default('msgfolderroot') }).strict();
const folderPatch = z
  .object({ displayName: z.string().trim().min(1).refine((n) => !n.includes('/'), 'must not contain "/"').optional(), parent: z.string().min(1).optional() })
  .strict()
  .refine((p) => p.displayName !== undefined || p.parent !== undefined, 'give displayName, parent or both');
const itemPatch = z
  .object({ isRead: z.boolean().optional(), categories: z.array(z.string()).optional(), importance: z.enum(['Low', 'Normal', 'High']).optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one of isRead, categories, importance');
const moveInput = z.object({ folder: z.string().min(1) }).strict();

export function contentRoutes(state: MockState): Router {
  const router = Router();
  const box = (req: Request) => findMailbox(state.store, String(req.params.smtp));

  // ---- folders ----
  router.post('/mailboxes/:smtp/folders', jsonParser, (req, res) => {
    const mailbox = box(req);
    const input = parseBody(newFolderInput, jsonBody(req));
    const parent = findFolder(state.store, mailbox, input.parent, 'parent');
    const folder = change('displayName', () => state.store.createFolder(mailbox, parent.id, input.displayName));
    res.status(201).json(folderView(mailbox, folder));
  });

  router.get('/mailboxes/:smtp/folders/:folder', (req, res) => {
    const mailbox = box(req);
    const folder = findFolder(state.store, mailbox, String(req.params.folder));
    const offset = intParam(req.query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(req.query.limit, 'limit', 100, 1000);
    // Newest first, as a mail client lists them.
    const items = [...folder.items.values()].sort((a, b) => b.data.dateTimeReceived.getTime() - a.data.dateTimeReceived.getTime());
    res.json({ ...folderView(mailbox, folder), items: items.slice(offset, offset + limit).map((i) => itemSummary(mailbox, i)) });
  });

  router.patch('/mailboxes/:smtp/folders/:folder', jsonParser, (req, res) => {
    const mailbox = box(req);
    const folder = findFolder(state.store, mailbox, String(req.params.folder));
    const patch = parseBody(folderPatch, jsonBody(req));
    // Checked before anything changes, so a bad parent leaves the name alone too.
    const parent = patch.parent !== undefined ? findFolder(state.store, mailbox, patch.parent, 'parent') : undefined;
    if (folder.distinguished) throw new AdminError(400, `folder: the distinguished folder ${folder.distinguished} cannot be renamed or moved`, 'folder');
    const finalParent = parent ?? mailbox.folders.get(folder.parentId!)!;
    const finalName = patch.displayName ?? folder.displayName;
    const clash = state.store.childByName(mailbox, finalParent, finalName);
    if (clash && clash !== folder) {
      const field = patch.displayName !== undefined ? 'displayName' : 'parent';
      throw new AdminError(409, `${field}: a folder named "${finalName}" already exists under "${finalParent.displayName}"`, field);
    }
    if (parent && parent.id !== folder.parentId) change('parent', () => state.store.moveFolder(mailbox, folder, parent.id));
    if (finalName !== folder.displayName) change('displayName', () => state.store.renameFolder(mailbox, folder, finalName));
    res.json(folderView(mailbox, folder));
  });

  router.delete('/mailboxes/:smtp/folders/:folder', (req, res) => {
    const mailbox = box(req);
    const folder = findFolder(state.store, mailbox, String(req.params.folder));
    const type = deleteTypeOf(req);
    if (folder.distinguished) throw new AdminError(400, `folder: the distinguished folder ${folder.distinguished} cannot be deleted`, 'folder');
    if (type === 'HardDelete' || underDeletedItems(state, mailbox, folder)) {
      change('folder', () => state.store.deleteFolder(mailbox, folder));
      res.status(204).end();
      return;
    }
    change('folder', () => state.store.moveFolder(mailbox, folder, state.store.distinguishedFolder(mailbox, 'deleteditems').id));
    res.json(folderView(mailbox, folder));
  });

  // ---- delivery: new mail arrives ----
  router.post('/mailboxes/:smtp/folders/:folder/messages', jsonParser, rawParser(['message/rfc822']), async (req, res) => {
    const mailbox = box(req);
    const folder = findFolder(state.store, mailbox, String(req.params.folder));
    if (req.is('message/rfc822')) {
      const item = state.store.deliverItem(mailbox, folder, await messageFromRaw(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)));
      res.status(201).json(itemSummary(mailbox, item));
      return;
    }
    const body = jsonBody(req);
    if (Array.isArray(body)) {
      // A batch (a test filling a folder): every message is checked before any is delivered.
      parseBody(z.array(messageInputSchema).max(10_000), body);
      const batch = body.map((m) => messageFromFields(m, mailbox));
      res.status(201).json(batch.map((data) => itemSummary(mailbox, state.store.deliverItem(mailbox, folder, data))));
      return;
    }
    const item = state.store.deliverItem(mailbox, folder, messageFromFields(body, mailbox));
    res.status(201).json(itemSummary(mailbox, item));
  });

  // ---- items ----
  const item = (req: Request): { mailbox: Mailbox; item: Item } => {
    const mailbox = box(req);
    return { mailbox, item: findItem(state.store, mailbox, String(req.params.id)) };
  };

  router.get('/mailboxes/:smtp/items/:id', async (req, res) => {
    const { mailbox, item: it } = item(req);
    res.json(itemDetail(mailbox, it, await messageMime(it.data)));
  });

  router.get('/mailboxes/:smtp/items/:id/mime', async (req, res) => {
    const { item: it } = item(req);
    res.type('message/rfc822').send(await messageMime(it.data));
  });

  router.patch('/mailboxes/:smtp/items/:id', jsonParser, (req, res) => {
    const { mailbox, item: it } = item(req);
    const patch = parseBody(itemPatch, jsonBody(req));
    const updated = state.store.updateItem(mailbox, it, patch);
    res.json(itemSummary(mailbox, updated));
  });

  router.post('/mailboxes/:smtp/items/:id/move', jsonParser, (req, res) => {
    const { mailbox, item: it } = item(req);
    const { folder: ref } = parseBody(moveInput, jsonBody(req));
    const target = findFolder(state.store, mailbox, ref, 'folder');
    const moved = state.store.moveItem(mailbox, it, target);
    res.json(itemSummary(mailbox, moved));
  });

  router.post('/mailboxes/:smtp/items/:id/copy', jsonParser, (req, res) => {
    const { mailbox, item: it } = item(req);
    const { folder: ref } = parseBody(moveInput, jsonBody(req));
    const target = findFolder(state.store, mailbox, ref, 'folder');
    // The original stays; the copy is a new item with its own id, journalled as created.
    const copy = state.store.copyItem(mailbox, it, target);
    res.status(201).json(itemSummary(mailbox, copy));
  });

  router.delete('/mailboxes/:smtp/items/:id', (req, res) => {
    const { mailbox, item: it } = item(req);
    const type = deleteTypeOf(req);
    const folder = mailbox.folders.get(it.folderId)!;
    if (type === 'HardDelete' || underDeletedItems(state, mailbox, folder)) {
      state.store.deleteItem(mailbox, it);
      res.status(204).end();
      return;
    }
    const moved = state.store.moveItem(mailbox, it, state.store.distinguishedFolder(mailbox, 'deleteditems'));
    res.json(itemSummary(mailbox, moved));
  });
  return router;
}
