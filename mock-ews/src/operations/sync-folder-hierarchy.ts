import { el, leaf, ResponseMessages } from '../soap/response-writer';
import { folderIdElements } from './common/folder-ids';
import { readShape } from './common/shapes';
import { writeFolder } from './common/write-folder';
import { decodeHierarchySyncState, encodeSyncState } from './common/sync-state';
import { hierarchyChanges } from './common/folder-changes';
import { emptySyncAnswer, resolveSyncFolder } from './common/sync-folder';
import { ownerOf, requireMailbox } from './common/mailbox-access';
import type { Operation } from './operation';
import { showsRecoverableItems } from './common/recoverable-items';

/**
 * SyncFolderHierarchy: the folders under SyncFolderId (the whole mailbox when absent) created,
 * changed or deleted since a sync state. Exchange returns the hierarchy in one page, so
 * IncludesLastFolderInRange is always true. The state is bound to the root as given: a state from
 * a sync without SyncFolderId is not valid for one with it, even for the same folder.
 */
export const syncFolderHierarchy: Operation = {
  name: 'SyncFolderHierarchy',
  since: 'Exchange2007',
  async handle(ctx) {
    const shape = readShape(ctx.request.m('FolderShape'), 'FolderShape');
    const rootEl = folderIdElements(ctx.request.m('SyncFolderId'))[0];
    const stateText = ctx.request.m('SyncState')?.value;
    const out = new ResponseMessages(ctx.body, 'SyncFolderHierarchy');
    await out.add((message) => {
      const root = rootEl ? resolveSyncFolder(ctx, rootEl) : null;
      // A SyncFolderId of another mailbox (delegate access) syncs that mailbox's hierarchy.
      const mailbox = root ? ownerOf(ctx, root) : requireMailbox(ctx);
      const rootKey = rootEl ? root!.id : null;
      const pos = stateText ? decodeHierarchySyncState(ctx.store, stateText, mailbox.id, rootKey).pos : 0;
      const changes = hierarchyChanges(ctx.store, mailbox, root, pos, showsRecoverableItems(ctx.profile));
      leaf(message, 'm:SyncState', encodeSyncState(ctx.store, { kind: 'hierarchy', mailbox: mailbox.id, root: rootKey, pos: ctx.store.position }));
      leaf(message, 'm:IncludesLastFolderInRange', true);
      const list = el(message, 'm:Changes');
      for (const change of changes) {
        if (change.type === 'delete') el(el(list, 't:Delete'), 't:FolderId', { Id: change.folderId });
        else writeFolder(el(list, change.type === 'create' ? 't:Create' : 't:Update'), mailbox, change.folder, shape, ctx.profile);
      }
    }, undefined, emptySyncAnswer('m:IncludesLastFolderInRange'));
  },
};
