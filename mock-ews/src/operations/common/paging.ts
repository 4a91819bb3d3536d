import { schemaFault } from '../../soap/error-catalogue';
import type { XmlElement } from '../../soap/xml-element';

export interface PageSlice {
  start: number;
  end: number;
  /** IndexedPagingOffset to report: where the next page starts, counted from the view's BasePoint. */
  nextOffset: number;
  includesLast: boolean;
}

export interface IndexedPage {
  /** Cuts a view of `total` entries (in view order) the way the request asks. */
  apply(total: number): PageSlice;
}

/**
 * Reads IndexedPageItemView / IndexedPageFolderView: MaxEntriesReturned, Offset, BasePoint
 * (Beginning | End). Without a view, everything is returned in one page.
 */
export function readIndexedPage(view: XmlElement | undefined): IndexedPage {
  if (!view) return { apply: (total) => ({ start: 0, end: total, nextOffset: total, includesLast: true }) };
  const max = intAttr(view, 'MaxEntriesReturned', undefined, 1);
  const offset = intAttr(view, 'Offset', 0, 0) ?? 0;
  const basePoint = view.attr('BasePoint');
  if (basePoint !== 'Beginning' && basePoint !== 'End') {
    throw schemaFault(
      basePoint === undefined
        ? "The required attribute 'BasePoint' is missing."
        : `The 'BasePoint' attribute is invalid - The value '${basePoint}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:IndexBasePointType' - The Enumeration constraint failed.`,
      view.line,
    );
  }
  return {
    apply(total) {
      if (basePoint === 'Beginning') {
        const start = Math.min(offset, total);
        const end = max === undefined ? total : Math.min(total, start + max);
        return { start, end, nextOffset: end, includesLast: end >= total };
      }
      // From the end: Offset counts back from the last entry; the page still reads forwards.
      const end = Math.max(0, total - offset);
      const start = max === undefined ? 0 : Math.max(0, end - max);
      return { start, end, nextOffset: total - start, includesLast: start <= 0 };
    },
  };
}

function intAttr(el: XmlElement, name: string, fallback: number | undefined, min: number): number | undefined {
  const raw = el.attr(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n > 2147483647) {
    throw schemaFault(`The '${name}' attribute is invalid - The value '${raw}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:int' - The string '${raw}' is not a valid Int32 value.`, el.line);
  }
  if (n < min) {
    throw schemaFault(`The '${name}' attribute is invalid - The value '${raw}' is invalid according to its datatype - The MinInclusive constraint failed.`, el.line);
  }
  return n;
}
