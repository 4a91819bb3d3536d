import { ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { FIELD_ACCESSORS, FieldAccessor, isSchemaFieldUri } from './item-properties';
import { checkExtendedFieldUri, extendedAccessor } from './extended-properties';

const PATH_ELEMENTS = new Set(['FieldURI', 'IndexedFieldURI', 'ExtendedFieldURI']);

export function isPathElement(el: XmlElement): boolean {
  return el.ns === NS.t && PATH_ELEMENTS.has(el.local);
}

/** t:IndexedFieldURI's FieldURI values (DictionaryURIType): one member of a dictionary property each. */
const DICTIONARY_URIS = new Set([
  'item:InternetMessageHeader', 'contacts:ImAddress', 'contacts:PhysicalAddress:Street', 'contacts:PhysicalAddress:City',
  'contacts:PhysicalAddress:State', 'contacts:PhysicalAddress:CountryOrRegion', 'contacts:PhysicalAddress:PostalCode',
  'contacts:PhoneNumber', 'contacts:EmailAddress', 'distributionlist:Members:Member',
]);

const enumerationFault = (uri: string, type: string, line: number | undefined) =>
  schemaFault(`The 'FieldURI' attribute is invalid - The value '${uri}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:${type}' - The Enumeration constraint failed.`, line);

/**
 * Checks a t:FieldURI or t:IndexedFieldURI as the schema does: its required attributes, and its
 * FieldURI against the enumeration of its kind (UnindexedFieldURIType or DictionaryURIType).
 */
export function checkFieldUri(el: XmlElement): string {
  const uri = el.attr('FieldURI');
  if (uri === undefined) throw schemaFault("The required attribute 'FieldURI' is missing.", el.line);
  if (el.local === 'IndexedFieldURI') {
    if (!DICTIONARY_URIS.has(uri)) throw enumerationFault(uri, 'DictionaryURIType', el.line);
    if (el.attr('FieldIndex') === undefined) throw schemaFault("The required attribute 'FieldIndex' is missing.", el.line);
  } else if (!isSchemaFieldUri(uri)) {
    throw enumerationFault(uri, 'UnindexedFieldURIType', el.line);
  }
  return uri;
}

/**
 * Resolves a property path (t:FieldURI, t:IndexedFieldURI, t:ExtendedFieldURI) used in a
 * restriction or sort order. A URI outside the schema's enumeration is a schema violation; a
 * schema URI the store cannot query answers `unsupported` (ErrorUnsupportedPathForQuery or
 * ErrorUnsupportedPathForSortGroup, depending on the caller). An extended property is always a
 * path: one the store does not have is missing on every item.
 */
export function resolvePath(el: XmlElement, unsupported: 'ErrorUnsupportedPathForQuery' | 'ErrorUnsupportedPathForSortGroup'): { uri: string; accessor: FieldAccessor } {
  const uri = el.local === 'FieldURI' || el.local === 'IndexedFieldURI' ? checkFieldUri(el) : el.attr('FieldURI');
  // MAPI properties the store can answer (extended-properties.ts); indexed ones it does not keep.
  if (el.local === 'ExtendedFieldURI') {
    checkExtendedFieldUri(el);
    return { uri: `extended:${[...el.attrs].map(([k, v]) => `${k}=${v}`).join(';')}`, accessor: extendedAccessor(el) };
  }
  const accessor = el.local === 'FieldURI' && uri ? FIELD_ACCESSORS[uri] : undefined;
  if (!accessor) throw new ItemError(unsupported);
  if (unsupported === 'ErrorUnsupportedPathForSortGroup' && !accessor.sortable) throw new ItemError(unsupported);
  return { uri: uri!, accessor };
}
