import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { NS } from './namespaces';
import { ERROR_CATALOGUE, EwsFault, ItemError, ResponseCode } from './error-catalogue';
import type { Profile } from '../profiles/profiles';

export type Xml = XMLBuilder;

/** Adds `<t:name>text</t:name>` (or m:) when the value is defined; returns the parent for chaining. */
export function leaf(parent: Xml, qname: string, value: string | number | boolean | undefined | null): Xml {
  if (value === undefined || value === null) return parent;
  parent.ele(nsOf(qname), qname).txt(String(value));
  return parent;
}

/** Adds an element in the namespace its prefix names (`t:` types, `m:` messages). */
export function el(parent: Xml, qname: string, attrs?: Record<string, string | number | boolean | undefined>): Xml {
  const node = parent.ele(nsOf(qname), qname);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.att(k, String(v));
  return node;
}

function nsOf(qname: string): string {
  return qname.startsWith('m:') ? NS.m : qname.startsWith('t:') ? NS.t : NS.soap;
}

/** Starts a response envelope with ServerVersionInfo in the header, as Exchange writes it. */
export function startEnvelope(profile: Profile): { doc: Xml; body: Xml } {
  // Exchange 2007 writes soap:/t:, later generations s:/h: (profile.wire).
  const { envelopePrefix: s, headerPrefix: h } = profile.wire;
  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele(NS.soap, `${s}:Envelope`, {
    [`xmlns:${s}`]: NS.soap,
  });
  const header = doc.ele(NS.soap, `${s}:Header`);
  const sv = profile.serverVersion;
  const info = header.ele(NS.t, `${h}:ServerVersionInfo`, {
    [`xmlns:${h}`]: NS.t,
    MajorVersion: String(sv.major),
    MinorVersion: String(sv.minor),
    MajorBuildNumber: String(sv.majorBuild),
    MinorBuildNumber: String(sv.minorBuild),
  });
  if (sv.version) info.att('Version', sv.version);
  info.att('xmlns:xsd', NS.xsd).att('xmlns:xsi', NS.xsi);
  const body = doc.ele(NS.soap, `${s}:Body`, { 'xmlns:xsi': NS.xsi, 'xmlns:xsd': NS.xsd });
  return { doc, body };
}

/**
 * Builds `m:<Op>Response/m:ResponseMessages` and one ResponseMessage per requested thing, in
 * request order. A message whose writer throws ItemError becomes ResponseClass="Error".
 */
export class ResponseMessages {
  readonly messages: Xml;

  constructor(
    body: Xml,
    private readonly operation: string,
  ) {
    const response = body.ele(NS.m, `m:${operation}Response`, { 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    this.messages = response.ele(NS.m, 'm:ResponseMessages');
  }

  /** Writes one message; `write` fills it after ResponseCode. Item errors become error messages. */
  async add(write: (message: Xml) => void | Promise<void>, messageName = `m:${this.operation}ResponseMessage`): Promise<void> {
    const message = this.messages.ele(NS.m, messageName);
    message.att('ResponseClass', 'Success');
    leaf(message, 'm:ResponseCode', 'NoError');
    try {
      await write(message);
    } catch (err) {
      if (!(err instanceof ItemError)) throw err;
      // A failure halfway must leave no partial content behind.
      while (message.node.firstChild) message.node.removeChild(message.node.firstChild);
      writeItemError(message, err.code, err.message);
    }
  }

  error(code: ResponseCode, text?: string, messageName = `m:${this.operation}ResponseMessage`): void {
    writeItemError(this.messages.ele(NS.m, messageName), code, text ?? ERROR_CATALOGUE[code].message);
  }
}

function writeItemError(message: Xml, code: ResponseCode, text: string): void {
  message.att('ResponseClass', 'Error');
  leaf(message, 'm:MessageText', text);
  leaf(message, 'm:ResponseCode', code);
  leaf(message, 'm:DescriptiveLinkKey', 0);
}

/** The HTTP 500 SOAP fault Exchange sends for request-level failures (no soap:Header). */
export function faultEnvelope(fault: EwsFault): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele(NS.soap, 's:Envelope', { 'xmlns:s': NS.soap });
  const f = doc.ele(NS.soap, 's:Body').ele(NS.soap, 's:Fault');
  f.ele('faultcode').att('xmlns:a', NS.t).txt(`a:${fault.code}`);
  f.ele('faultstring').att('xml:lang', 'en-US').txt(fault.faultString ?? fault.message);
  const detail = f.ele('detail');
  detail.ele(NS.e, 'e:ResponseCode', { 'xmlns:e': NS.e }).txt(fault.code);
  detail.ele(NS.e, 'e:Message', { 'xmlns:e': NS.e }).txt(fault.message);
  const { messageXml, values } = fault.detail;
  if (messageXml || values) {
    const mx = detail.ele(NS.t, 't:MessageXml', { 'xmlns:t': NS.t });
    if (messageXml?.lineNumber !== undefined) mx.ele(NS.t, 't:LineNumber').txt(String(messageXml.lineNumber));
    if (messageXml?.linePosition !== undefined) mx.ele(NS.t, 't:LinePosition').txt(String(messageXml.linePosition));
    if (messageXml?.violation !== undefined) mx.ele(NS.t, 't:Violation').txt(messageXml.violation);
    for (const [name, value] of Object.entries(values ?? {})) mx.ele(NS.t, 't:Value', { Name: name }).txt(value);
  }
  return doc.end({ prettyPrint: false });
}
