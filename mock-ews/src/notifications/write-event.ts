import { el, idElement, leaf, Xml } from '../soap/response-writer';
import type { Mailbox } from '../store/types';
import { ewsDate } from '../operations/common/schema-values';
import type { MailboxEvent } from './events';
import { encodeWatermark } from './watermark';

/** One event: Watermark, TimeStamp, the item or folder, its parent, and where it came from. */
export function writeEvent(note: Xml, mailbox: Mailbox, e: MailboxEvent): void {
  const x = el(note, `t:${e.type}`);
  leaf(x, 't:Watermark', encodeWatermark(e.seq));
  leaf(x, 't:TimeStamp', ewsDate(new Date(e.at)));
  const idName = e.target === 'item' ? 't:ItemId' : 't:FolderId';
  writeId(x, idName, mailbox, e.target, e.id);
  writeId(x, 't:ParentFolderId', mailbox, 'folder', e.parentFolderId);
  if (e.oldId !== undefined) {
    writeId(x, e.target === 'item' ? 't:OldItemId' : 't:OldFolderId', mailbox, e.target, e.oldId);
    writeId(x, 't:OldParentFolderId', mailbox, 'folder', e.oldParentFolderId!);
  }
}

/** An id element with the ChangeKey of what it names, or the Id alone when that is gone. */
function writeId(parent: Xml, name: string, mailbox: Mailbox, kind: 'item' | 'folder', id: string): void {
  const found = kind === 'item' ? mailbox.items.get(id) : mailbox.folders.get(id);
  if (found) idElement(parent, name, found);
  else el(parent, name, { Id: id });
}
