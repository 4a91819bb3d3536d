import { booleanValue, intValue } from './schema-values';
import { incompleteContent, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { checkExtendedFieldUri } from './extended-properties';

export type BaseShape = 'IdOnly' | 'Default' | 'AllProperties';

export interface Shape {
  base: BaseShape;
  /** FieldURI values from AdditionalProperties, e.g. "item:Subject". */
  additional: Set<string>;
  /** ExtendedFieldURI elements from AdditionalProperties, kept for operations that answer them. */
  extended: XmlElement[];
  bodyType: 'Best' | 'HTML' | 'Text';
  includeMimeContent: boolean;
  /** FilterHtmlContent (Exchange 2010 on): HTML bodies come without scripts and active content. */
  filterHtml?: boolean;
  /** MaximumBodySize (Exchange 2013 on): bodies cut to this many kilobytes, marked IsTruncated. */
  maxBodyKb?: number;
}

const BASES: readonly BaseShape[] = ['IdOnly', 'Default', 'AllProperties'];

/** Reads an ItemShape / FolderShape element; a missing or bad BaseShape is a schema violation. */
export function readShape(el: XmlElement | undefined, name: string): Shape {
  if (!el) throw schemaFault(`The element has incomplete content. List of possible elements expected: '${name}' in namespace '${NS.m}'.`);
  const baseEl = el.t('BaseShape');
  const base = baseEl?.value;
  if (!base) throw incompleteContent({ local: name, ns: NS.m, line: el.line }, 'BaseShape', NS.t);
  if (!(BASES as readonly string[]).includes(base)) {
    throw schemaFault(`The 'http://schemas.microsoft.com/exchange/services/2006/types:BaseShape' element is invalid - The value '${base}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DefaultShapeNamesType' - The Enumeration constraint failed.`, baseEl!.line);
  }
  return { base, ...shapeOptions(el) } as Shape;
}

/**
 * Reads m:AttachmentShape (GetAttachment), which has no BaseShape: an attached item is written with
 * all its properties, MIME content, body type and additional properties as the shape asks.
 */
export function readAttachmentShape(el: XmlElement | undefined): Shape {
  return { base: 'AllProperties', ...(el ? shapeOptions(el) : { additional: new Set<string>(), extended: [], bodyType: 'Best', includeMimeContent: false }) };
}

/** What every shape element may say besides its BaseShape. */
function shapeOptions(el: XmlElement): Omit<Shape, 'base'> {
  const additional = new Set<string>();
  const extended: XmlElement[] = [];
  for (const p of el.t('AdditionalProperties')?.children ?? []) {
    if (p.local === 'FieldURI' && p.attr('FieldURI')) additional.add(p.attr('FieldURI')!);
    else if (p.local === 'IndexedFieldURI' && p.attr('FieldURI')) additional.add(p.attr('FieldURI')!);
    else if (p.local === 'ExtendedFieldURI') {
      checkExtendedFieldUri(p);
      extended.push(p);
    }
  }
  const bodyType = el.t('BodyType')?.value ?? 'Best';
  if (bodyType !== 'Best' && bodyType !== 'HTML' && bodyType !== 'Text') {
    throw schemaFault(`The 'http://schemas.microsoft.com/exchange/services/2006/types:BodyType' element is invalid - The value '${bodyType}' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:BodyTypeResponseType' - The Enumeration constraint failed.`, el.t('BodyType')!.line);
  }
  const mime = el.t('IncludeMimeContent');
  const filter = el.t('FilterHtmlContent');
  const max = el.t('MaximumBodySize');
  // An xs:boolean: "1" is true as "true" is, and anything else is a schema fault.
  return {
    additional,
    extended,
    bodyType,
    includeMimeContent: mime ? booleanValue(mime) : false,
    filterHtml: filter ? booleanValue(filter) : false,
    maxBodyKb: max ? intValue(max, 0) : undefined,
  };
}

/** True when the shape asks for a property: by base shape membership or by AdditionalProperties. */
export function wants(shape: Shape, uri: string, inDefault: boolean): boolean {
  if (shape.additional.has(uri)) return true;
  if (shape.base === 'AllProperties') return true;
  return shape.base === 'Default' && inDefault;
}
