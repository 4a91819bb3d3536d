import { el, leaf, ResponseMessages, Xml } from '../soap/response-writer';
import { ownerOf } from './common/mailbox-access';
import { ItemError, schemaFault } from '../soap/error-catalogue';
import type { XmlElement } from '../soap/xml-element';
import type { Item } from '../store/types';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { readIndexedPage } from './common/paging';
import { readFractionalPage } from './common/fractional-page';
import { readItemShape } from './common/item-shape';
import { compileRestriction, Predicate } from './common/restriction';
import { compileAqs } from './common/aqs';
import { defaultOrder, ItemList, readSortOrder, sortedFolder } from './common/sort';
import { groupedRows, ItemGroup, readGrouping } from './common/grouping';
import { itemWriter } from './common/write-item';
import type { Operation, OperationContext } from './operation';
import { requireElement } from '../profiles/elements';
import { enforceFindCountLimit } from '../throttling/budget';

const TRAVERSALS = ['Shallow', 'SoftDeleted', 'Associated'];

/**
 * FindItem: the items of each parent folder (one ResponseMessage per folder, in request order),
 * filtered by a Restriction or an AQS QueryString, sorted by SortOrder (newest received first
 * without one), grouped by GroupBy or DistinguishedGroupBy, and cut by IndexedPageItemView or
 * FractionalPageItemView.
 */
export const findItem: Operation = {
  name: 'FindItem',
  since: 'Exchange2007',
  async handle(ctx) {
    const request = ctx.request;
    const traversal = request.attr('Traversal');
    if (traversal === undefined || !TRAVERSALS.includes(traversal)) {
      throw schemaFault(
        traversal === undefined
          ? "The required attribute 'Traversal' is missing."
          : `The 'Traversal' attribute is invalid - The value '${traversal}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:ItemQueryTraversalType' - The Enumeration constraint failed.`,
        request.line,
      );
    }
    const { shape, refusal } = readItemShape(request.m('ItemShape'), ctx, 'find');
    const parents = folderIdElements(request.m('ParentFolderIds'));
    if (parents.length === 0) {
      throw schemaFault("The element 'FindItem' has incomplete content. List of possible elements expected: 'ParentFolderIds'.", request.line);
    }
    const indexed = request.m('IndexedPageItemView');
    const fractional = request.m('FractionalPageItemView');
    const indexedPage = readIndexedPage(indexed);
    const fractionalPage = fractional ? readFractionalPage(fractional) : undefined;
    const filter = readFilter(ctx, request);

    const out = new ResponseMessages(ctx.body, 'FindItem');
    for (const idEl of parents) {
      await out.add(async (message) => {
        const folder = resolveFolderId(ctx, idEl);
        const mailbox = ownerOf(ctx, folder);
        if (refusal) throw refusal;
        const matches = filter();
        // The store keeps neither a dumpster nor folder-associated items: those views are empty.
        let items: ItemList = traversal === 'Shallow' ? defaultOrder(folder) : [];
        const order = readSortOrder(request.m('SortOrder'), mailbox);
        // Only a filter needs the whole folder as an array; a sorted unfiltered folder is kept sorted.
        if (matches) {
          items = items.slice(0, items.length).filter((i) => matches(i, mailbox));
          if (order) items = order.sort(items.slice(0, items.length));
        } else if (order && traversal === 'Shallow') items = sortedFolder(folder, order);
        const grouping = readGrouping(request.m('GroupBy'), request.m('DistinguishedGroupBy'), mailbox);
        const grouped = grouping && groupedRows(grouping(items.slice(0, items.length)));
        // A grouped view pages rows: group headings and items (grouping.ts).
        const rows = grouped ? grouped.rows : items.length;
        const pageOf = (start: number, end: number) => (grouped ? grouped.page(start, end) : items.slice(start, end));

        let page: Item[] | ItemGroup[];
        let root: Xml;
        if (fractionalPage) {
          const slice = fractionalPage(rows);
          root = el(message, 'm:RootFolder', {
            NumeratorOffset: slice.numeratorOffset,
            AbsoluteDenominator: slice.absoluteDenominator,
            IncludesLastItemInRange: slice.includesLast,
            TotalItemsInView: items.length,
          });
          page = pageOf(slice.start, slice.end);
        } else {
          const slice = indexedPage.apply(rows);
          // EWSFindCountLimit: a fault on ≤2010 RTM, a page cut short (and marked so) from 2010 SP1 on.
          const cap = enforceFindCountLimit(ctx, slice.end - slice.start);
          let { start, end, nextOffset, includesLast } = slice;
          if (cap.truncated) {
            includesLast = false;
            if (request.m('IndexedPageItemView')?.attr('BasePoint') === 'End') {
              start = end - cap.count;
              nextOffset = rows - start;
            } else {
              end = start + cap.count;
              nextOffset = end;
            }
          }
          root = el(message, 'm:RootFolder', {
            IndexedPagingOffset: indexed ? nextOffset : undefined,
            TotalItemsInView: items.length,
            IncludesLastItemInRange: includesLast,
          });
          page = pageOf(start, end);
        }
        const write = itemWriter(ctx, shape, 'find');
        const writeList = async (parent: Xml, list: Item[]) => {
          const items = el(parent, 't:Items');
          for (const item of list) {
            const pending = write(items, item);
            if (pending) await pending;
          }
        };
        if (!grouped) return writeList(root, page as Item[]);
        const groups = el(root, 't:Groups');
        for (const g of page as ItemGroup[]) {
          const entry = el(groups, 't:GroupedItems');
          leaf(entry, 't:GroupIndex', g.index);
          await writeList(entry, g.items);
        }
      });
    }
  },
};

/**
 * The item filter of the request, compiled once. Schema faults and version faults surface now;
 * an error about the restriction's content is answered in each folder's message instead.
 */
function readFilter(ctx: OperationContext, request: XmlElement): () => Predicate | undefined {
  const restriction = request.m('Restriction');
  const query = request.m('QueryString');
  // A 2007 server's schema has no QueryString (schema violation); newer ones need Exchange2010 requested.
  requireElement(ctx, query);
  try {
    if (restriction && query) throw new ItemError('ErrorInvalidRestriction', 'A restriction and a query string cannot be used together.');
    const predicate = restriction ? compileRestriction(restriction) : query ? compileAqs(query.text) : undefined;
    return () => predicate;
  } catch (err) {
    if (!(err instanceof ItemError)) throw err;
    return () => {
      throw err;
    };
  }
}
