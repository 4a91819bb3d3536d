import { incompleteContent, ItemError } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { changeKey } from '../../store/ids';
import type { Item } from '../../store/types';
import type { OperationContext } from '../operation';
import { checkId } from './mailbox-access';

const ID_ELEMENTS = ['ItemId', 'OccurrenceItemId', 'RecurringMasterItemId'];

/**
 * The item id elements of a container such as m:ItemIds, in request order. A container with none
 * is a schema violation, as in Exchange's schema (minOccurs 1).
 */
export function itemIdElements(container: XmlElement | undefined, op: string, name: string): XmlElement[] {
  if (!container) throw incompleteContent({ local: op, ns: NS.m }, name, NS.m);
  const ids = container.children.filter((c) => c.ns === NS.t && ID_ELEMENTS.includes(c.local));
  if (ids.length === 0) {
    throw incompleteContent({ local: name, ns: NS.m, line: container.line }, 'ItemId, OccurrenceItemId, RecurringMasterItemId', NS.t);
  }
  return ids;
}

/**
 * Resolves a t:ItemId to an item of the request's mailbox: malformed → ErrorInvalidIdMalformed,
 * another mailbox's → ErrorAccessDenied, gone → ErrorItemNotFound. Occurrence ids name calendar
 * items, which this store does not hold.
 */
export function resolveItemId(ctx: OperationContext, el: XmlElement): Item {
  if (el.local !== 'ItemId') throw new ItemError('ErrorItemNotFound');
  return itemOfId(ctx, el.attr('Id'));
}

/** The item an Id attribute names (t:ItemId, m:ParentItemId), with resolveItemId's errors. */
export function itemOfId(ctx: OperationContext, id: string | undefined): Item {
  const mailbox = checkId(ctx, id, 'item');
  const item = ctx.store.item(mailbox, id!);
  if (!item) throw new ItemError('ErrorItemNotFound');
  return item;
}

/**
 * The item version a ChangeKey names: none given → current (no conflict check, last writer wins);
 * an earlier key of this item → that version; anything else → ErrorInvalidChangeKey.
 */
export function versionOfChangeKey(item: Item, key: string | undefined): number {
  if (key === undefined || key === item.changeKey) return item.version;
  for (let v = item.version - 1; v >= 1; v--) if (changeKey(item.id, v) === key) return v;
  throw new ItemError('ErrorInvalidChangeKey');
}
