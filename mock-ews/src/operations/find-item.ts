import { el, ResponseMessages, Xml } from '../soap/response-writer';
import { ItemError, schemaFault } from '../soap/error-catalogue';
import type { XmlElement } from '../soap/xml-element';
import type { Item } from '../store/types';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { readIndexedPage } from './common/paging';
import { readFractionalPage } from './common/fractional-page';
import { readItemShape } from './common/item-shape';
import { compileRestriction, Predicate } from './common/restriction';
import { compileAqs } from './common/aqs';
import { defaultOrder, ItemList, readSortOrder } from './common/sort';
import { itemWriter } from './common/write-item';
import type { Operation, OperationContext } from './operation';
import { requireElement } from '../profiles/elements';
import { enforceFindCountLimit } from '../throttling/budget';

const TRAVERSALS = ['Shallow', 'SoftDeleted', 'Associated'];

/**
 * FindItem: the items of each parent folder (one ResponseMessage per folder, in request order),
 * filtered by a Restriction or an AQS QueryString, sorted by SortOrder (newest received first
 * without one) and cut by IndexedPageItemView or FractionalPageItemView.
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
    // The mock has no grouped views (docs/ITEMS.md): it refuses them per folder, because answering
    // them ungrouped would mislead a client that reads m:Groups.
    const grouped = request.m('GroupBy') ?? request.m('DistinguishedGroupBy');

    const out = new ResponseMessages(ctx.body, 'FindItem');
    for (const idEl of parents) {
      await out.add(async (message) => {
        const folder = resolveFolderId(ctx, idEl);
        const mailbox = ctx.mailbox!;
        if (refusal) throw refusal;
        if (grouped) throw new ItemError('ErrorInvalidOperation', 'Grouped FindItem views are not supported by this server.');
        const matches = filter();
        // The store keeps neither a dumpster nor folder-associated items: those views are empty.
        let items: ItemList = traversal === 'Shallow' ? defaultOrder(folder) : [];
        // Only a filter or a sort order needs the whole folder as an array.
        if (matches) items = items.slice(0, items.length).filter((i) => matches(i, mailbox));
        const compare = readSortOrder(request.m('SortOrder'), mailbox);
        if (compare) items = items.slice(0, items.length).sort(compare);

        let page: Item[];
        let root: Xml;
        if (fractionalPage) {
          const slice = fractionalPage(items.length);
          root = el(message, 'm:RootFolder', {
            NumeratorOffset: slice.numeratorOffset,
            AbsoluteDenominator: slice.absoluteDenominator,
            IncludesLastItemInRange: slice.includesLast,
            TotalItemsInView: items.length,
          });
          page = items.slice(slice.start, slice.end);
        } else {
          const slice = indexedPage.apply(items.length);
          // EWSFindCountLimit: a fault on ≤2010 RTM, a page cut short (and marked so) from 2010 SP1 on.
          const cap = enforceFindCountLimit(ctx, slice.end - slice.start);
          let { start, end, nextOffset, includesLast } = slice;
          if (cap.truncated) {
            includesLast = false;
            if (request.m('IndexedPageItemView')?.attr('BasePoint') === 'End') {
              start = end - cap.count;
              nextOffset = items.length - start;
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
          page = items.slice(start, end);
        }
        const list = el(root, 't:Items');
        const write = itemWriter(ctx, shape, 'find');
        for (const item of page) {
          const pending = write(list, item);
          if (pending) await pending;
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
