import { EwsFault, schemaFault } from '../soap/error-catalogue';
import type { XmlElement } from '../soap/xml-element';
import type { Profile } from './profiles';
import { atLeast, SchemaVersion } from './versions';

/**
 * Request elements that exist only from a given schema version on, by local name. Exchange
 * validates a request against its own (newest) schema, then against the version the request
 * asked for: an element the server's schema lacks is a schema violation, an element the
 * *requested* version lacks is ErrorIncorrectSchemaVersion.
 */
export const ELEMENT_SINCE = {
  /** ConnectingSID/PrimarySmtpAddress. */
  PrimarySmtpAddress: 'Exchange2007_SP1',
  /** FindItem AQS search. */
  QueryString: 'Exchange2010',
  /** SyncFolderItems: NormalItems / NormalAndAssociatedItems. */
  SyncScope: 'Exchange2010',
  ConversationId: 'Exchange2010',
  /** ConnectingSID/SmtpAddress. */
  SmtpAddress: 'Exchange2010',
  FilterHtmlContent: 'Exchange2010',
  ConvertHtmlCodePageToUTF8: 'Exchange2010_SP1',
  /** SOAP header: Seconds or Milliseconds in xs:dateTime values. */
  DateTimePrecision: 'Exchange2010_SP2',
  /** SyncFolderItems: only changes of the last N days. */
  NumberOfDays: 'Exchange2013',
  /** GetItem ItemShape. */
  MaximumBodySize: 'Exchange2013',
  InlineImageUrlTemplate: 'Exchange2013',
  /** SOAP header. */
  ManagementRole: 'Exchange2013',
} as const satisfies Record<string, SchemaVersion>;

export type VersionedElement = keyof typeof ELEMENT_SINCE;

export function isVersionedElement(local: string): local is VersionedElement {
  return Object.prototype.hasOwnProperty.call(ELEMENT_SINCE, local);
}

/** What the check needs from an operation context (OperationContext satisfies it). */
export interface VersionContext {
  profile: Profile;
  version: SchemaVersion;
}

/**
 * Lets an operation use a version-dependent request element: returns it unchanged when the
 * requested schema version has it (and undefined for an absent element), throws the fault
 * Exchange sends otherwise. `sinceVersion` overrides ELEMENT_SINCE where an operation's element
 * arrived later than the same name elsewhere (FindConversation's QueryString: 2013). Usage: `const qs = requireElement(ctx, ctx.request.m('QueryString'));`
 */
export function requireElement<E extends XmlElement | undefined>(ctx: VersionContext, el: E, sinceVersion?: SchemaVersion): E {
  if (!el || (!sinceVersion && !isVersionedElement(el.local))) return el;
  const since = sinceVersion ?? ELEMENT_SINCE[el.local as VersionedElement];
  if (!atLeast(ctx.profile.newestSchema, since)) {
    const parent = el.parent;
    throw schemaFault(
      parent
        ? `The element '${parent.local}' in namespace '${parent.ns}' has invalid child element '${el.local}' in namespace '${el.ns}'.`
        : `The element '${el.local}' in namespace '${el.ns}' is not declared.`,
      el.line,
    );
  }
  if (!atLeast(ctx.version, since)) throw new EwsFault('ErrorIncorrectSchemaVersion');
  return el;
}

/** True when the requested version has the element (for optional behaviour, never for faults). */
export function versionHas(ctx: VersionContext, element: VersionedElement): boolean {
  return atLeast(ctx.version, ELEMENT_SINCE[element]);
}

const DATE_TIME_PRECISIONS = ['Seconds', 'Milliseconds'];

/**
 * Checks the version-dependent SOAP headers (DateTimePrecision, ManagementRole). TimeZoneContext
 * (2010) is not checked: clients such as ews-javascript-api send it at every requested version and
 * servers that know it accept it. A header the server's own schema lacks is ignored, as SOAP ignores headers it
 * does not know; one the requested version lacks is ErrorIncorrectSchemaVersion.
 */
export function checkHeaderElements(ctx: VersionContext, header: XmlElement | undefined): void {
  for (const el of header?.children ?? []) {
    if (!isVersionedElement(el.local) || !atLeast(ctx.profile.newestSchema, ELEMENT_SINCE[el.local])) continue;
    requireElement(ctx, el);
    if (el.local === 'DateTimePrecision' && !DATE_TIME_PRECISIONS.includes(el.text.trim())) {
      throw schemaFault(
        `The '${el.ns}:DateTimePrecision' element is invalid - The value '${el.text.trim()}' is invalid according to its datatype '${el.ns}:DateTimePrecisionType' - The Enumeration constraint failed.`,
        el.line,
      );
    }
  }
}
