import { ItemError, schemaFault } from '../../soap/error-catalogue';
import type { XmlElement } from '../../soap/xml-element';

export interface FractionalSlice {
  start: number;
  end: number;
  /** NumeratorOffset to report: where the next page starts, as an absolute position. */
  numeratorOffset: number;
  /** AbsoluteDenominator to report: the size of the view. */
  absoluteDenominator: number;
  includesLast: boolean;
}

/**
 * Reads FractionalPageItemView: the page starts at Numerator/Denominator of the view and holds
 * at most MaxEntriesReturned entries. A fraction above 1 or a zero denominator is refused.
 */
export function readFractionalPage(view: XmlElement): (total: number) => FractionalSlice {
  const numerator = int(view, 'Numerator');
  const denominator = int(view, 'Denominator');
  const maxRaw = view.attr('MaxEntriesReturned');
  const max = maxRaw === undefined ? undefined : int(view, 'MaxEntriesReturned');
  return (total) => {
    if (denominator === 0 || numerator > denominator || numerator < 0 || (max !== undefined && max < 1)) {
      throw new ItemError('ErrorInvalidFractionalPagingParameters');
    }
    const start = Math.floor((total * numerator) / denominator);
    const end = max === undefined ? total : Math.min(total, start + max);
    return { start, end, numeratorOffset: end, absoluteDenominator: total, includesLast: end >= total };
  };
}

function int(el: XmlElement, name: string): number {
  const raw = el.attr(name);
  if (raw === undefined) throw schemaFault(`The required attribute '${name}' is missing.`, el.line);
  if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 2147483647) {
    throw schemaFault(`The '${name}' attribute is invalid - The value '${raw}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:int' - The string '${raw}' is not a valid Int32 value.`, el.line);
  }
  return Number(raw);
}
