import type { Store } from '../../store/store';
import type { Folder, Mailbox } from '../../store/types';

export type FolderChangeOut = { type: 'create' | 'update'; folder: Folder } | { type: 'delete'; folderId: string };

/**
 * Net hierarchy changes under a sync root since journal position `pos` (0 for an initial sync).
 * A folder is in scope when it is a descendant of the root; the root itself is never reported.
 * Scope before the window comes from replaying the journal up to `pos` (each entry records the
 * parent after the change), so folders moved in or out of the subtree show as Create or Delete.
 * Creates and updates come parents first, in tree order; deletes follow, in journal order.
 */
export function hierarchyChanges(store: Store, mailbox: Mailbox, root: Folder | null, pos: number): FolderChangeOut[] {
  const rootId = root?.id ?? store.distinguishedFolder(mailbox, 'root').id;
  const parentBefore = new Map<string, string | null>();
  const touched: string[] = [];
  const seen = new Set<string>();
  for (const c of mailbox.hierarchy) {
    if (c.seq <= pos) {
      if (c.type === 'delete') parentBefore.delete(c.folderId);
      else parentBefore.set(c.folderId, c.parentId);
    } else if (!seen.has(c.folderId)) {
      seen.add(c.folderId);
      touched.push(c.folderId);
    }
  }
  const inScopeBefore = (id: string) => under(id, rootId, (f) => parentBefore.get(f));
  const inScopeNow = (id: string) => under(id, rootId, (f) => mailbox.folders.get(f)?.parentId);

  const tree = new Map<string, number>();
  const rootFolder = mailbox.folders.get(rootId)!;
  store.descendants(mailbox, rootFolder).forEach((f, i) => tree.set(f.id, i));

  const upserts: { folder: Folder; type: 'create' | 'update' }[] = [];
  const deletes: FolderChangeOut[] = [];
  for (const id of touched) {
    const before = inScopeBefore(id);
    const now = inScopeNow(id);
    if (before && !now) deletes.push({ type: 'delete', folderId: id });
    else if (now) upserts.push({ folder: mailbox.folders.get(id)!, type: before ? 'update' : 'create' });
  }
  upserts.sort((a, b) => tree.get(a.folder.id)! - tree.get(b.folder.id)!);
  return [...upserts, ...deletes];
}

/** True when folder `id` lies strictly below `rootId` following `parentOf`. */
function under(id: string, rootId: string, parentOf: (id: string) => string | null | undefined): boolean {
  if (id === rootId) return false;
  for (let p = parentOf(id), guard = 0; p && guard < 10_000; p = parentOf(p), guard++) {
    if (p === rootId) return true;
  }
  return false;
}
