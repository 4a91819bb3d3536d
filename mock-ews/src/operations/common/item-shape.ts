import { requireElement } from '../../profiles/elements';
import { EwsFault, ItemError } from '../../soap/error-catalogue';
import type { XmlElement } from '../../soap/xml-element';
import { atLeast } from '../../profiles/versions';
import type { OperationContext } from '../operation';
import { readShape, Shape } from './shapes';
import { checkFieldUri } from './field-path';
import { ITEM_SHAPES, ItemContext } from './item-properties';

/** Properties the 2007 schemas do not have; asking for them under an older version is refused. */
const SINCE_2010 = new Set(['item:ConversationId', 'item:UniqueBody', 'distributionlist:Members:Member']);

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
  // Newer than some schemas: a server of an older generation does not know them.
  requireElement(ctx, el?.t('FilterHtmlContent'));
  requireElement(ctx, el?.t('MaximumBodySize'));
  for (const p of el?.t('AdditionalProperties')?.children ?? []) {
    if (p.local === 'FieldURI' || p.local === 'IndexedFieldURI') checkFieldUri(p);
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
