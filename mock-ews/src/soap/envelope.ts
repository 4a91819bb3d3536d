import { NS } from './namespaces';
import { XmlElement } from './xml-element';
import { parseXml, XmlSyntaxError } from './parse-xml';
import { EwsFault, schemaFault } from './error-catalogue';

/** What the mock needs from a request envelope, read once. */
export interface ParsedEnvelope {
  envelope: XmlElement;
  header?: XmlElement;
  /** The operation element: the only element child of soap:Body. */
  operation: XmlElement;
  /** RequestServerVersion/@Version, or undefined when the header is absent. */
  requestedVersion?: string;
  /** True when a RequestServerVersion element is present (even without a Version attribute). */
  hasVersionHeader: boolean;
  impersonation?: XmlElement;
}

/** Parses and checks the SOAP envelope; every problem becomes the fault Exchange would send. */
export function parseEnvelope(text: string): ParsedEnvelope {
  let envelope: XmlElement;
  try {
    envelope = parseXml(text);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw schemaFault(err.message, err.line, err.column);
    throw err;
  }
  if (envelope.is(NS.soap12, 'Envelope')) {
    throw schemaFault(`The element ${envelope.qname} is not supported: this endpoint accepts SOAP 1.1 envelopes only.`, envelope.line, 2);
  }
  if (!envelope.is(NS.soap, 'Envelope')) {
    throw schemaFault(`The root element ${envelope.qname} is not a SOAP 1.1 Envelope.`, envelope.line, 2);
  }
  const headers = envelope.all('Header', NS.soap);
  const bodies = envelope.all('Body', NS.soap);
  if (bodies.length !== 1) {
    throw schemaFault(
      bodies.length === 0 ? "The element 'Envelope' is missing its required child element 'Body'." : "The element 'Envelope' has more than one 'Body' element.",
      envelope.line,
      2,
    );
  }
  const body = bodies[0];
  if (body.children.length !== 1) {
    throw schemaFault(
      body.children.length === 0
        ? "The element 'Body' in namespace 'http://schemas.xmlsoap.org/soap/envelope/' has incomplete content. An operation element was expected."
        : `The element 'Body' in namespace 'http://schemas.xmlsoap.org/soap/envelope/' has invalid child element ${body.children[1].qname}: only one operation may be sent per request.`,
      (body.children[1] ?? body).line,
      2,
    );
  }
  const header = headers[0];
  const versionEl = header?.t('RequestServerVersion');
  return {
    envelope,
    header,
    operation: body.children[0],
    requestedVersion: versionEl?.attr('Version'),
    hasVersionHeader: versionEl !== undefined,
    impersonation: header?.t('ExchangeImpersonation'),
  };
}

export { EwsFault };
