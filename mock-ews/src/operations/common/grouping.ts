import { incompleteContent, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Item, Mailbox } from '../../store/types';
import { compareValues, Value } from './compare';
import { isPathElement, resolvePath } from './field-path';
import type { FieldAccessor } from './item-properties';
import { FIELD_ACCESSORS } from './item-properties';
import { enumValue } from './schema-values';

/** One group of a grouped FindItem view: its items in the view's order (SortOrder, or newest first). */
export interface ItemGroup {
  /** The group's position among all the view's groups (t:GroupIndex). */
  index: number;
  items: Item[];
}

/** Puts a view's items, already in view order, into groups in group order. */
export type GroupItems = (items: Item[]) => ItemGroup[];

interface GroupSpec {
  groupOn: FieldAccessor;
  aggregateOn: FieldAccessor;
  aggregate: 'Minimum' | 'Maximum';
  order: 'Ascending' | 'Descending';
}

/**
 * DistinguishedGroupBy's one standard grouping, ConversationTopic, read as a conversation view:
 * one group per topic, the conversation with the newest message first.
 */
const STANDARD_GROUPINGS: Record<string, Omit<GroupSpec, 'groupOn' | 'aggregateOn'> & { groupOn: string; aggregateOn: string }> = {
  ConversationTopic: { groupOn: 'message:ConversationTopic', aggregateOn: 'item:DateTimeReceived', aggregate: 'Maximum', order: 'Descending' },
};

/**
 * Reads m:GroupBy (Order; the property to group on; AggregateOn with Aggregate Minimum or Maximum
 * and the property whose smallest or largest value in each group orders the groups) or
 * m:DistinguishedGroupBy. Items with equal values of the grouping property (strings without regard
 * to case, as sorting compares them) form a group; a property that cannot be sorted cannot group
 * either (ErrorUnsupportedPathForSortGroup). Undefined when the request is not grouped.
 */
export function readGrouping(groupBy: XmlElement | undefined, distinguished: XmlElement | undefined, mailbox: Mailbox): GroupItems | undefined {
  if (groupBy && distinguished) {
    throw schemaFault(`The element 'FindItem' in namespace '${NS.m}' has invalid child element 'DistinguishedGroupBy' in namespace '${NS.m}'.`, distinguished.line);
  }
  const spec = groupBy ? readGroupBy(groupBy) : distinguished ? readDistinguished(distinguished) : undefined;
  return spec && ((items) => group(spec, items, mailbox));
}

function readGroupBy(el: XmlElement): GroupSpec {
  const order = enumValue(el.attr('Order'), ['Ascending', 'Descending'] as const, 'SortDirectionType', { el, attribute: 'Order' });
  const [path, aggregateOn, extra] = el.children;
  if (!path || !isPathElement(path)) throw incompleteContent(el, 'Path', NS.t);
  if (!aggregateOn) throw incompleteContent(el, 'AggregateOn', NS.t);
  if (aggregateOn.ns !== NS.t || aggregateOn.local !== 'AggregateOn') throw invalidChild(el, aggregateOn, 'AggregateOn');
  if (extra) throw invalidChild(el, extra);
  const aggregate = enumValue(aggregateOn.attr('Aggregate'), ['Minimum', 'Maximum'] as const, 'AggregateType', { el: aggregateOn, attribute: 'Aggregate' });
  const aggregatePath = aggregateOn.children[0];
  if (!aggregatePath || !isPathElement(aggregatePath)) throw incompleteContent(aggregateOn, 'Path', NS.t);
  if (aggregateOn.children.length > 1) throw invalidChild(aggregateOn, aggregateOn.children[1]);
  return {
    order,
    groupOn: resolvePath(path, 'ErrorUnsupportedPathForSortGroup').accessor,
    aggregate,
    aggregateOn: resolvePath(aggregatePath, 'ErrorUnsupportedPathForSortGroup').accessor,
  };
}

function readDistinguished(el: XmlElement): GroupSpec {
  const standard = el.children[0];
  if (!standard || standard.ns !== NS.t || standard.local !== 'StandardGroupBy') throw incompleteContent(el, 'StandardGroupBy', NS.t);
  if (el.children.length > 1) throw invalidChild(el, el.children[1]);
  const name = enumValue(standard.text.trim(), Object.keys(STANDARD_GROUPINGS), 'StandardGroupByType', { el: standard });
  const { groupOn, aggregateOn, ...rest } = STANDARD_GROUPINGS[name];
  return { ...rest, groupOn: FIELD_ACCESSORS[groupOn], aggregateOn: FIELD_ACCESSORS[aggregateOn] };
}

function invalidChild(el: XmlElement, child: XmlElement, expected?: string) {
  const list = expected ? ` List of possible elements expected: '${expected}' in namespace '${NS.t}'.` : '';
  return schemaFault(`The element '${el.local}' in namespace '${el.ns}' has invalid child element '${child.local}' in namespace '${child.ns}'.${list}`, child.line);
}

/** Orders two values of a property; a missing value is the lowest, as in sorting. */
function compareOptional(accessor: FieldAccessor, x: Value | undefined, y: Value | undefined): number {
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
  return compareValues(accessor.kind, x, y);
}

function group(spec: GroupSpec, items: Item[], mailbox: Mailbox): ItemGroup[] {
  const { groupOn, aggregateOn } = spec;
  const keyed = items.map((item) => ({ item, key: groupOn.get(item, mailbox) as Value | undefined }));
  // A stable sort on the grouping value alone: equal values end up side by side, in view order.
  keyed.sort((a, b) => compareOptional(groupOn, a.key, b.key));
  const runs: { items: Item[]; aggregate: Value | undefined }[] = [];
  const wantsLarger = spec.aggregate === 'Maximum' ? 1 : -1;
  for (let i = 0; i < keyed.length; ) {
    const run: Item[] = [];
    let aggregate: Value | undefined;
    let j = i;
    for (; j < keyed.length && compareOptional(groupOn, keyed[i].key, keyed[j].key) === 0; j++) {
      const item = keyed[j].item;
      run.push(item);
      const value = aggregateOn.get(item, mailbox) as Value | undefined;
      if (value !== undefined && (aggregate === undefined || wantsLarger * compareValues(aggregateOn.kind, value, aggregate) > 0)) aggregate = value;
    }
    runs.push({ items: run, aggregate });
    i = j;
  }
  const sign = spec.order === 'Ascending' ? 1 : -1;
  runs.sort((a, b) => sign * compareOptional(aggregateOn, a.aggregate, b.aggregate));
  return runs.map((run, index) => ({ index, items: run.items }));
}

/**
 * A page of a grouped view. Exchange pages a grouped view as rows, one heading each group and one
 * per item, so IndexedPagingOffset moves past the group headings too (eight items in two groups
 * answer IndexedPagingOffset 10); TotalItemsInView still counts items. A group appears in the page
 * when at least one of its items does.
 */
export function groupedRows(groups: ItemGroup[]): { rows: number; page(start: number, end: number): ItemGroup[] } {
  const rows = groups.reduce((n, g) => n + 1 + g.items.length, 0);
  return {
    rows,
    page(start, end) {
      const out: ItemGroup[] = [];
      let row = 0;
      for (const g of groups) {
        // Row `row` is the group's heading; its items follow.
        const first = Math.max(start, row + 1) - (row + 1);
        const last = Math.min(end, row + 1 + g.items.length) - (row + 1);
        if (last > first) out.push({ index: g.index, items: g.items.slice(first, last) });
        row += 1 + g.items.length;
        if (row >= end) break;
      }
      return out;
    },
  };
}
