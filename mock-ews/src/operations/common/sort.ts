import { incompleteContent, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Folder, Item, Mailbox } from '../../store/types';
import { folderIndex } from '../../store/folder-index';
import { compareValues, Value } from './compare';
import { isPathElement, resolvePath } from './field-path';

/** A SortOrder read from a request: how to order items, and a text naming it (a cache key). */
export interface SortOrder {
  readonly spec: string;
  /** A sorted copy; items with equal keys keep their order (Array.prototype.sort is stable). */
  sort(items: readonly Item[]): Item[];
}

/**
 * Reads m:SortOrder: t:FieldOrder elements applied in request order. Properties without a value
 * sort lowest, as the store's null values do. Undefined when the request has no SortOrder.
 */
export function readSortOrder(el: XmlElement | undefined, mailbox: Mailbox): SortOrder | undefined {
  if (!el) return undefined;
  const specs: string[] = [];
  const keys = readFieldOrders(el).map(({ path, order, sign }) => {
    const { accessor } = resolvePath(path, 'ErrorUnsupportedPathForSortGroup');
    specs.push(JSON.stringify([order, path.local, [...path.attrs].sort()]));
    return { accessor, sign };
  });
  const compare = (a: Item, b: Item) => {
    for (const { accessor, sign } of keys) {
      const x = accessor.get(a, mailbox) as Value | undefined;
      const y = accessor.get(b, mailbox) as Value | undefined;
      let c: number;
      if (x === undefined || y === undefined) c = x === y ? 0 : x === undefined ? -1 : 1;
      else c = compareValues(accessor.kind, x, y);
      if (c !== 0) return sign * c;
    }
    return 0;
  };
  // Keys are read per comparison: reading each item's keys once first measured slower (the
  // allocation outweighs the accessors; the collator's string comparison is the real cost).
  return { spec: specs.join(), sort: (items) => items.slice().sort(compare) };
}

/** One t:FieldOrder of a SortOrder: its property path and direction. */
export interface FieldOrder {
  path: XmlElement;
  order: 'Ascending' | 'Descending';
  sign: 1 | -1;
}

/** The t:FieldOrder elements of an m:SortOrder, checked as the schema checks them. */
export function readFieldOrders(el: XmlElement): FieldOrder[] {
  if (el.children.length === 0) {
    throw incompleteContent({ local: 'SortOrder', ns: NS.m, line: el.line }, 'FieldOrder', NS.t);
  }
  return el.children.map((fo) => {
    if (fo.ns !== NS.t || fo.local !== 'FieldOrder') throw schemaFault(`The element 'SortOrder' in namespace '${NS.m}' has invalid child element ${fo.qname}.`, fo.line);
    const order = fo.attr('Order');
    if (order !== 'Ascending' && order !== 'Descending') {
      throw schemaFault(
        order === undefined
          ? "The required attribute 'Order' is missing."
          : `The 'Order' attribute is invalid - The value '${order}' is invalid according to its datatype '${NS.t}:SortDirectionType' - The Enumeration constraint failed.`,
        fo.line,
      );
    }
    const path = fo.children[0];
    if (!path || !isPathElement(path)) throw incompleteContent({ local: 'FieldOrder', ns: NS.t, line: fo.line }, 'Path', NS.t);
    return { path, order, sign: order === 'Ascending' ? 1 : -1 };
  });
}

interface SortedView {
  /** The folder journal's length when sorted: any change to an item of the folder appends to it. */
  journalLength: number;
  items: Item[];
}

/** A few sort orders per folder, so the pages after the first do not sort the folder again. */
const sortedViews = new WeakMap<Folder, Map<string, SortedView>>();
const VIEWS_PER_FOLDER = 4;

/** The folder in `order`, ties in the default order; kept until the folder changes. */
export function sortedFolder(folder: Folder, order: SortOrder): ItemList {
  let views = sortedViews.get(folder);
  if (!views) sortedViews.set(folder, (views = new Map()));
  let view = views.get(order.spec);
  if (!view || view.journalLength !== folder.journal.length) {
    const all = defaultOrder(folder);
    view = { journalLength: folder.journal.length, items: order.sort(all.slice(0, all.length)) };
  }
  // Least recently used out: a Map iterates in insertion order, and a view used is inserted anew.
  views.delete(order.spec);
  views.set(order.spec, view);
  if (views.size > VIEWS_PER_FOLDER) views.delete(views.keys().next().value!);
  return view.items;
}

/** What FindItem pages: an array, or a view that cuts pages without copying the folder. */
export interface ItemList {
  readonly length: number;
  slice(start: number, end: number): Item[];
}

/**
 * A folder's items in the order FindItem lists them without a SortOrder: newest received first,
 * later arrivals first among equal times. Read off the folder's index (store/folder-index.ts), so
 * a page costs the same in a folder of a thousand items as in one of a million.
 */
export function defaultOrder(folder: Folder): ItemList {
  const items = folderIndex(folder).items;
  const n = items.length;
  return {
    length: n,
    slice(start, end) {
      const out: Item[] = [];
      for (let p = Math.max(0, start); p < Math.min(end, n); p++) out.push(items[n - 1 - p]);
      return out;
    },
  };
}
