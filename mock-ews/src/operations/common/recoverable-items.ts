import { atLeast } from '../../profiles/versions';
import type { Profile } from '../../profiles/profiles';
import type { Store } from '../../store/store';
import type { Folder, Mailbox } from '../../store/types';

/**
 * Recoverable Items (the folder tree soft-deleted mail is kept in) arrived with Exchange 2010;
 * Exchange 2007 kept deleted mail in a dumpster no folder listing shows. The store has the tree
 * under every profile, so an older generation hides it from its folder listings.
 */
export function showsRecoverableItems(profile: Profile): boolean {
  return atLeast(profile.newestSchema, 'Exchange2010');
}

/** `folders` without the Recoverable Items tree, when the profile predates it. */
export function listedFolders(profile: Profile, store: Store, mailbox: Mailbox, folders: Folder[]): Folder[] {
  if (showsRecoverableItems(profile)) return folders;
  const top = store.distinguishedFolder(mailbox, 'recoverableitemsroot');
  const hidden = new Set([top.id, ...store.descendants(mailbox, top).map((f) => f.id)]);
  return folders.filter((f) => !hidden.has(f.id));
}
