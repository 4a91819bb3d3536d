import { EwsFault, ItemError, schemaFault } from '../../soap/error-catalogue';
import type { XmlElement } from '../../soap/xml-element';
import { atLeast } from '../../profiles/versions';
import type { OperationContext } from '../operation';
import { readShape, Shape } from './shapes';
import { isSchemaFieldUri, ITEM_SHAPES, ItemContext } from './item-properties';

/** Properties the 2007 schemas do not have; asking for them under an older version is refused. */
const SINCE_2010 = new Set(['item:ConversationId', 'item:UniqueBody']);

export interface CheckedShape {
  shape: Shape;
  /** A per-folder or per-item error to answer instead of results (the request itself is valid). */
  refusal?: ItemError;
}

/**
 * Reads m:ItemShape and checks it for an operation: a FieldURI outside the schema is a schema
 * fault; a 2010 property under an older RequestServerVersion is ErrorIncorrectSchemaVersion;
 * FindItem refuses MIME content, bodies, attachments and recipient lists
 * (ErrorInvalidPropertyForOperation) — those need GetItem.
 */
export function readItemShape(el: XmlElement | undefined, ctx: OperationContext, context: ItemContext): CheckedShape {
  const shape = readShape(el, 'ItemShape');
  for (const p of el?.t('AdditionalProperties')?.children ?? []) {
    const uri = p.attr('FieldURI');
    if ((p.local === 'FieldURI' || p.local === 'IndexedFieldURI') && uri !== undefined && !isSchemaFieldUri(uri)) {
      throw schemaFault(
        `The 'FieldURI' attribute is invalid - The value '${uri}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:UnindexedFieldURIType' - The Enumeration constraint failed.`,
        p.line,
      );
    }
  }
  for (const uri of shape.additional) {
    if (SINCE_2010.has(uri) && !atLeast(ctx.version, 'Exchange2010')) throw new EwsFault('ErrorIncorrectSchemaVersion');
  }
  if (context === 'find') {
    const refused = shape.includeMimeContent || [...shape.additional].some((uri) => ITEM_SHAPES[uri]?.notInFind);
    if (refused) return { shape, refusal: new ItemError('ErrorInvalidPropertyForOperation') };
  }
  return { shape };
}
