import { XmlDocument, XmlNode } from './xml-writer';
import { NS } from './namespaces';
import { ERROR_CATALOGUE, EwsFault, ItemError, ResponseCode } from './error-catalogue';
import type { Profile } from '../profiles/profiles';

/** An element of a response under construction (see xml-writer.ts). */
export type Xml = XmlNode;

/** Adds `<t:name>text</t:name>` (or m:) when the value is defined; returns the parent for chaining. */
export function leaf(parent: Xml, qname: string, value: string | number | boolean | undefined | null): Xml {
  if (value === undefined || value === null) return parent;
  parent.ele(qname).txt(String(value));
  return parent;
}

/**
 * Adds an element. Its prefix must be declared above it: `m:` and `t:` are, on every
 * m:<Op>Response; undefined attribute values are left out.
 */
export function el(parent: Xml, qname: string, attrs?: Record<string, string | number | boolean | undefined>): Xml {
  const node = parent.ele(qname);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v !== undefined) node.att(k, String(v));
    }
  }
  return node;
}

/**
 * Adds an id element (t:ItemId, t:FolderId, t:ParentFolderId…) for something the store holds: its
 * Id and ChangeKey are base64 (store/ids.ts), written without an escaping scan.
 */
export function idElement(parent: Xml, qname: string, ref: { id: string; changeKey: string }): void {
  parent.emptyVerbatim(qname, 'Id', ref.id, 'ChangeKey', ref.changeKey);
}

/** Starts a response envelope with ServerVersionInfo in the header, as Exchange writes it. */
export function startEnvelope(profile: Profile): { doc: XmlDocument; body: Xml } {
  // Exchange 2007 writes soap:/t:, later generations s:/h: (profile.wire).
  const { envelopePrefix: s, headerPrefix: h } = profile.wire;
  const doc = new XmlDocument(`${s}:Envelope`);
  doc.root.att(`xmlns:${s}`, NS.soap);
  const sv = profile.serverVersion;
  const info = doc.root.ele(`${s}:Header`).ele(`${h}:ServerVersionInfo`);
  info
    .att(`xmlns:${h}`, NS.t)
    .att('MajorVersion', String(sv.major))
    .att('MinorVersion', String(sv.minor))
    .att('MajorBuildNumber', String(sv.majorBuild))
    .att('MinorBuildNumber', String(sv.minorBuild));
  if (sv.version) info.att('Version', sv.version);
  info.att('xmlns:xsd', NS.xsd).att('xmlns:xsi', NS.xsi);
  const body = doc.root.ele(`${s}:Body`).att('xmlns:xsi', NS.xsi).att('xmlns:xsd', NS.xsd);
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
    const response = body.ele(`m:${operation}Response`).att('xmlns:m', NS.m).att('xmlns:t', NS.t);
    this.messages = response.ele('m:ResponseMessages');
  }

  /**
   * Writes one message; `write` fills it after ResponseCode. Item errors become error messages, to
   * which `afterError` adds what the operation's error answers still carry (SyncFolderItems' empty
   * SyncState, say).
   */
  async add(write: (message: Xml) => void | Promise<void>, messageName = `m:${this.operation}ResponseMessage`, afterError?: (message: Xml) => void): Promise<void> {
    await writeResponseMessage(this.messages.ele(messageName), write, afterError);
  }

  error(code: ResponseCode, text?: string, messageName = `m:${this.operation}ResponseMessage`): void {
    writeItemError(this.messages.ele(messageName), code, text ?? ERROR_CATALOGUE[code].message);
  }
}

/**
 * Fills a response message (ResponseMessageType): Success and NoError, then what `write` adds; an
 * ItemError thrown meanwhile makes it an error message instead. Also for the operations whose
 * response element is itself the one message (FindConversation).
 */
export async function writeResponseMessage(message: Xml, write: (message: Xml) => void | Promise<void>, afterError?: (message: Xml) => void): Promise<void> {
  message.att('ResponseClass', 'Success');
  leaf(message, 'm:ResponseCode', 'NoError');
  try {
    await write(message);
  } catch (err) {
    if (!(err instanceof ItemError)) throw err;
    // A failure halfway must leave no partial content behind.
    writeItemError(message.clear(), err.code, err.message);
    afterError?.(message);
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
  const doc = new XmlDocument('s:Envelope');
  doc.root.att('xmlns:s', NS.soap);
  const f = doc.root.ele('s:Body').ele('s:Fault');
  f.ele('faultcode').att('xmlns:a', NS.t).txt(`a:${fault.code}`);
  f.ele('faultstring').att('xml:lang', 'en-US').txt(fault.faultString ?? fault.message);
  const detail = f.ele('detail');
  detail.ele('e:ResponseCode').att('xmlns:e', NS.e).txt(fault.code);
  detail.ele('e:Message').att('xmlns:e', NS.e).txt(fault.message);
  const { messageXml, values } = fault.detail;
  if (messageXml || values) {
    const mx = detail.ele('t:MessageXml').att('xmlns:t', NS.t);
    if (messageXml?.lineNumber !== undefined) mx.ele('t:LineNumber').txt(String(messageXml.lineNumber));
    if (messageXml?.linePosition !== undefined) mx.ele('t:LinePosition').txt(String(messageXml.linePosition));
    if (messageXml?.violation !== undefined) mx.ele('t:Violation').txt(messageXml.violation);
    for (const [name, value] of Object.entries(values ?? {})) mx.ele('t:Value').att('Name', name).txt(value);
  }
  return doc.end();
}
