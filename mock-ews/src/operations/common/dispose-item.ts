import type { Store } from '../../store/store';
import type { Item, Mailbox } from '../../store/types';
import type { DISPOSAL_TYPES } from './schema-values';

/**
 * What DeleteItem and EmptyFolder do with one item, by DeleteType: MoveToDeletedItems moves it into
 * Deleted Items (deletes it when it is there already, as Outlook and OWA do); SoftDelete keeps it in
 * Recoverable Items\Deletions, where EWS can still find it and move it back; HardDelete removes it.
 */
export function disposeItem(store: Store, mailbox: Mailbox, item: Item, type: (typeof DISPOSAL_TYPES)[number]): void {
  const deletedItems = store.distinguishedFolder(mailbox, 'deleteditems');
  if (type === 'MoveToDeletedItems' && item.folderId !== deletedItems.id) store.moveItem(mailbox, item, deletedItems);
  else if (type === 'SoftDelete') store.softDeleteItem(mailbox, item);
  else store.deleteItem(mailbox, item);
}
