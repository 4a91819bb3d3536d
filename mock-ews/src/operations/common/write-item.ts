import { el, leaf, Xml } from '../../soap/response-writer';
import type { Item } from '../../store/types';
import type { OperationContext } from '../operation';
import { Shape, wants } from './shapes';

/**
 * Writes a t:Message with the properties the shape asks for, in schema order.
 * Shared by FindItem, GetItem and SyncFolderItems.
 */
export async function writeItem(parent: Xml, ctx: OperationContext, item: Item, shape: Shape): Promise<void> {
  const m = el(parent, 't:Message');
  el(m, 't:ItemId', { Id: item.id, ChangeKey: item.changeKey });
  if (wants(shape, 'item:Subject', true)) leaf(m, 't:Subject', item.data.subject);
  if (wants(shape, 'item:DateTimeReceived', true)) leaf(m, 't:DateTimeReceived', item.data.dateTimeReceived.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  void ctx;
}
