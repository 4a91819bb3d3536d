import { EwsFault, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import { atLeast, SchemaVersion } from '../../profiles/versions';
import type { OperationContext } from '../operation';

/**
 * Checks a request element that newer schemas added. A server whose own schema lacks it fails
 * schema validation; a newer server answers ErrorIncorrectSchemaVersion when the request asked for
 * an older RequestServerVersion than the element needs.
 */
export function requireSchemaFor(ctx: OperationContext, el: XmlElement, since: SchemaVersion): void {
  if (!atLeast(ctx.profile.newestSchema, since)) {
    throw schemaFault(`The element '${el.parent?.local}' in namespace '${el.parent?.ns}' has invalid child element ${el.qname}.`, el.line);
  }
  if (!atLeast(ctx.version, since)) throw new EwsFault('ErrorIncorrectSchemaVersion');
}

/** Reads an xs:boolean element; anything else is a schema violation. */
export function booleanValue(el: XmlElement): boolean {
  const v = el.text.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw schemaFault(`The '${el.ns}:${el.local}' element is invalid - The value '${v}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:boolean' - The string '${v}' is not a valid Boolean value.`, el.line);
}

/**
 * Milliseconds of an xs:dateTime or xs:date as EWS reads one: a time without a zone is UTC, as
 * Exchange reads it, whatever zone this machine is in; a day that does not exist (February 30th) is
 * no date. Undefined for anything else.
 */
export function ewsTime(text: string): number | undefined {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(t);
  if (!m) return undefined;
  const ms = Date.parse(m[4] && !m[5] ? `${t}Z` : t);
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(ms) || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) return undefined;
  return ms;
}

/** Reads an xs:dateTime element (ewsTime); anything else is a schema violation. */
export function dateTimeValue(el: XmlElement): Date {
  const text = el.value ?? '';
  const t = /^\s*\d{4}-\d{2}-\d{2}T/.test(text) ? ewsTime(text) : undefined;
  if (t === undefined) {
    throw schemaFault(`The '${el.ns}:${el.local}' element is invalid - The value '${text}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:dateTime' - The string '${text}' is not a valid DateTime value.`, el.line);
  }
  return new Date(t);
}

/**
 * Reads an xs:base64Binary element (white space ignored); anything else is a schema violation.
 * `at` names the element the fault points at, when that is a parent (a FileAttachment's Content).
 */
export function base64Value(el: XmlElement, at: XmlElement = el): Buffer {
  const text = el.text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    // The value is not echoed: it may be megabytes of MIME.
    throw schemaFault(`The '${el.ns}:${el.local}' element is invalid - The value is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:base64Binary' - The string is not a valid Base64 value.`, at.line);
  }
  return Buffer.from(text, 'base64');
}

/** Reads a required xs:boolean attribute; a missing or other value is a schema violation. */
export function booleanAttribute(el: XmlElement, name: string): boolean {
  const raw = el.attr(name);
  if (raw === undefined) throw schemaFault(`The required attribute '${name}' is missing.`, el.line);
  const v = raw.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw schemaFault(`The '${name}' attribute is invalid - The value '${raw}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:boolean' - The string '${raw}' is not a valid Boolean value.`, el.line);
}

/** Reads an xs:int element of at least `min`; anything else is a schema violation. */
export function intValue(el: XmlElement, min: number): number {
  const raw = el.text.trim();
  const n = Number(raw);
  if (!/^[+-]?\d+$/.test(raw) || !Number.isSafeInteger(n) || Math.abs(n) > 2147483647) {
    throw schemaFault(`The '${el.ns}:${el.local}' element is invalid - The value '${raw}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:int' - The string '${raw}' is not a valid Int32 value.`, el.line);
  }
  if (n < min) {
    throw schemaFault(`The '${el.ns}:${el.local}' element is invalid - The value '${raw}' is invalid according to its datatype - The MinInclusive constraint failed.`, el.line);
  }
  return n;
}

/** Reads an enumeration value (element text or attribute); anything outside `allowed` is a schema violation. */
export function enumValue<T extends string>(value: string | undefined, allowed: readonly T[], type: string, where: { el: XmlElement; attribute?: string }): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  const { el, attribute } = where;
  if (attribute) {
    throw schemaFault(
      value === undefined
        ? `The required attribute '${attribute}' is missing.`
        : `The '${attribute}' attribute is invalid - The value '${value}' is invalid according to its datatype '${NS.t}:${type}' - The Enumeration constraint failed.`,
      el.line,
    );
  }
  throw schemaFault(`The '${el.ns}:${el.local}' element is invalid - The value '${value ?? ''}' is invalid according to its datatype '${NS.t}:${type}' - The Enumeration constraint failed.`, el.line);
}

/** How a delete disposes of what it deletes (DisposalType): DeleteItem, DeleteFolder, EmptyFolder. */
export const DISPOSAL_TYPES = ['HardDelete', 'SoftDelete', 'MoveToDeletedItems'] as const;

/** Reads the required DeleteType attribute of a delete request. */
export function deleteType(req: XmlElement): (typeof DISPOSAL_TYPES)[number] {
  return enumValue(req.attr('DeleteType'), DISPOSAL_TYPES, 'DisposalType', { el: req, attribute: 'DeleteType' });
}

/** xs:dateTime as Exchange writes it: UTC, whole seconds. */
export function ewsDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
