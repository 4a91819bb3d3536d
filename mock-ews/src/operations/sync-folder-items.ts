import { atLeast } from '../profiles/versions';
import { el, leaf, ResponseMessages, idElement } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { incompleteContent, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { folderIdElements } from './common/folder-ids';
import { readShape } from './common/shapes';
import { itemWriter } from './common/write-item';
import { enumValue, intValue, requireSchemaFor } from './common/schema-values';
import { decodeItemSyncState, encodeSyncState } from './common/sync-state';
import { initialItemState, itemChangesPage } from './common/item-changes';
import { emptySyncAnswer, resolveSyncFolder } from './common/sync-folder';
import type { Operation } from './operation';

const MAX_CHANGES = 512;
const SCOPES = ['NormalItems', 'NormalAndAssociatedItems'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * SyncFolderItems: pages of Create/Update/Delete/ReadFlagChange for one folder since a sync state.
 * The folder and its state are checked per message (ErrorSyncFolderNotFound,
 * ErrorInvalidSyncStateData); malformed parameters fail schema validation for the whole request.
 */
export const syncFolderItems: Operation = {
  name: 'SyncFolderItems',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const shape = readShape(req.m('ItemShape'), 'ItemShape');
    const folderEl = folderIdElements(req.m('SyncFolderId'))[0];
    if (!folderEl) throw incompleteContent(req, 'SyncFolderId', NS.m);
    const max = readMaxChanges(req);
    const scope = req.m('SyncScope');
    if (scope) {
      requireSchemaFor(ctx, scope, 'Exchange2010');
      enumValue(scope.text.trim(), SCOPES, 'SyncFolderItemsScopeType', { el: scope });
    }
    const daysEl = req.m('NumberOfDays');
    let receivedSince: Date | undefined;
    if (daysEl) {
      requireSchemaFor(ctx, daysEl, 'Exchange2013');
      const days = intValue(daysEl, 0);
      if (days > 0) receivedSince = new Date(Date.now() - days * DAY_MS);
    }
    const ignore = new Set((req.m('Ignore')?.all('ItemId') ?? []).map((i) => i.attr('Id') ?? ''));
    const stateText = req.m('SyncState')?.value;

    const out = new ResponseMessages(ctx.body, 'SyncFolderItems');
    // ReadFlagChange arrived with Exchange 2007 SP1: an older request hears of a read flag as an Update.
    const readFlags = atLeast(ctx.version, 'Exchange2007_SP1');
    await out.add(async (message) => {
      const folder = resolveSyncFolder(ctx, folderEl);
      const mailbox = ownerOf(ctx, folder);
      const state = stateText
        ? decodeItemSyncState(ctx.store, stateText, mailbox.id, folder.id)
        : initialItemState(mailbox.id, folder.id, ctx.store.position);
      const page = itemChangesPage(folder, state, { max, newestFirst: ctx.profile.syncNewestFirst, ignore, receivedSince });
      leaf(message, 'm:SyncState', encodeSyncState(ctx.store, page.next));
      leaf(message, 'm:IncludesLastItemInRange', page.includesLast);
      const changes = el(message, 'm:Changes');
      const write = itemWriter(ctx, shape, 'find');
      for (const change of page.changes) {
        if (change.type === 'delete') {
          el(el(changes, 't:Delete'), 't:ItemId', { Id: change.itemId });
        } else if (change.type === 'readflag' && readFlags) {
          const rf = el(changes, 't:ReadFlagChange');
          idElement(rf, 't:ItemId', change.item);
          leaf(rf, 't:IsRead', change.item.data.isRead);
        } else {
          // Like FindItem, sync answers carry summary properties only (no body, no attachments).
          const pending = write(el(changes, change.type === 'create' ? 't:Create' : 't:Update'), change.item);
          if (pending) await pending;
        }
      }
    }, undefined, emptySyncAnswer('m:IncludesLastItemInRange'));
  },
};

/** MaxChangesReturned is required and typed 1..512 in Exchange's schema; violations fail validation. */
function readMaxChanges(req: XmlElement): number {
  const maxEl = req.m('MaxChangesReturned');
  if (!maxEl) throw incompleteContent(req, 'MaxChangesReturned', NS.m);
  const n = intValue(maxEl, 1);
  if (n > MAX_CHANGES) {
    throw schemaFault(`The '${NS.m}:MaxChangesReturned' element is invalid - The value '${n}' is invalid according to its datatype '${NS.t}:MaxSyncChangesReturnedType' - The MaxInclusive constraint failed.`, maxEl.line);
  }
  return n;
}
