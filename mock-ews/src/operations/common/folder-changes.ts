import type { Store } from '../../store/store';
import type { Folder, Mailbox } from '../../store/types';

export type FolderChangeOut = { type: 'create' | 'update'; folder: Folder } | { type: 'delete'; folderId: string };

/**
 * Net hierarchy changes under a sync root since journal position `pos` (0 for an initial sync).
 * A folder is in scope when it is a descendant of the root; the root itself is never reported.
 * Scope before the window comes from replaying the journal up to `pos` (each entry records the
 * parent after the change), so folders moved in or out of the subtree show as Create or Delete.
 * Creates and updates come parents first, in tree order; deletes follow. A sync of the whole
 * mailbox (no root) leaves out Recoverable Items: a folder client would otherwise take soft-deleted
 * mail for a folder of mail to show; so does any sync on a generation without that tree
 * (`showRecoverable` false: recoverable-items.ts).
 */
export function hierarchyChanges(store: Store, mailbox: Mailbox, root: Folder | null, pos: number, showRecoverable = true): FolderChangeOut[] {
  const rootId = root?.id ?? store.distinguishedFolder(mailbox, 'root').id;
  const parentBefore = new Map<string, string | null>();
  const changed = new Set<string>();
  for (const c of mailbox.hierarchy) {
    if (c.seq > pos) changed.add(c.folderId);
    else if (c.type === 'delete') parentBefore.delete(c.folderId);
    else parentBefore.set(c.folderId, c.parentId);
  }
  // Scope is decided for every folder, not only changed ones: moving a folder moves its subtree too.
  const hidden = root && showRecoverable ? undefined : store.distinguishedFolder(mailbox, 'recoverableitemsroot').id;
  const inScope = (id: string, parentOf: (id: string) => string | null | undefined) =>
    under(id, rootId, parentOf) && (!hidden || (id !== hidden && !under(id, hidden, parentOf)));
  const before = new Set([...parentBefore.keys()].filter((id) => inScope(id, (f) => parentBefore.get(f))));
  const now = store.descendants(mailbox, mailbox.folders.get(rootId)!).filter((f) => inScope(f.id, (id) => mailbox.folders.get(id)?.parentId));

  const out: FolderChangeOut[] = [];
  for (const folder of now) {
    if (!before.has(folder.id)) out.push({ type: 'create', folder });
    else if (changed.has(folder.id)) out.push({ type: 'update', folder });
  }
  const nowIds = new Set(now.map((f) => f.id));
  for (const id of before) if (!nowIds.has(id)) out.push({ type: 'delete', folderId: id });
  return out;
}

/** True when folder `id` lies strictly below `rootId` following `parentOf`. */
function under(id: string, rootId: string, parentOf: (id: string) => string | null | undefined): boolean {
  if (id === rootId) return false;
  for (let p = parentOf(id), guard = 0; p && guard < 10_000; p = parentOf(p), guard++) {
    if (p === rootId) return true;
  }
  return false;
}
