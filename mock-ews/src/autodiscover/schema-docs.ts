import { Router } from 'express';
import { XmlDocument, XmlNode } from '../soap/xml-writer';
import type { MockState } from '../server/state';
import type { Profile } from '../profiles/profiles';
import { atLeast } from '../profiles/versions';
import { OPERATIONS } from '../operations/registry';
import { NS } from '../soap/namespaces';
import { authenticate, sendUnauthorized } from '../auth/authenticate';

/**
 * The schema documents some clients download before their first call: the project's own minimal
 * description of what this mock serves (operations of the profile, request headers, version
 * values). Operation bodies are described loosely (any content in the EWS namespaces): the
 * endpoint's own checks are what answer schema violations.
 */

const XS = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const WSOAP = 'http://schemas.xmlsoap.org/wsdl/soap/';

function operationsOf(profile: Profile): string[] {
  return [...OPERATIONS.values()].filter((op) => atLeast(profile.newestSchema, op.since)).map((op) => op.name).sort();
}

function schemaRoot(targetNamespace: string, prefixes: Record<string, string>): XmlDocument {
  const doc = new XmlDocument('xs:schema');
  doc.root.att('xmlns:xs', XS).att('targetNamespace', targetNamespace).att('elementFormDefault', 'qualified').att('version', 'mock-ews');
  for (const [p, ns] of Object.entries(prefixes)) doc.root.att(`xmlns:${p}`, ns);
  return doc;
}

/** An open content model: any elements of the EWS namespaces, any attributes. */
function openType(parent: XmlNode, name: string): void {
  const ct = parent.ele('xs:complexType', { name });
  ct.ele('xs:sequence').ele('xs:any', { namespace: '##targetNamespace http://schemas.microsoft.com/exchange/services/2006/types', processContents: 'lax', minOccurs: '0', maxOccurs: 'unbounded' });
  ct.ele('xs:anyAttribute', { processContents: 'lax' });
}

export function typesXsd(profile: Profile): string {
  const doc = schemaRoot(NS.t, { t: NS.t });
  const s = doc.root;
  const versions = s.ele('xs:simpleType', { name: 'ExchangeVersionType' }).ele('xs:restriction', { base: 'xs:string' });
  for (const v of profile.accepts) versions.ele('xs:enumeration', { value: v });
  const rsv = s.ele('xs:element', { name: 'RequestServerVersion' }).ele('xs:complexType');
  rsv.ele('xs:attribute', { name: 'Version', type: 't:ExchangeVersionType', use: 'required' });
  const svi = s.ele('xs:element', { name: 'ServerVersionInfo' }).ele('xs:complexType');
  for (const a of ['MajorVersion', 'MinorVersion', 'MajorBuildNumber', 'MinorBuildNumber']) svi.ele('xs:attribute', { name: a, type: 'xs:int', use: 'optional' });
  svi.ele('xs:attribute', { name: 'Version', type: 'xs:string', use: 'optional' });
  const sid = s.ele('xs:complexType', { name: 'ConnectingSIDType' }).ele('xs:choice');
  const forms = ['PrincipalName', 'SID', 'PrimarySmtpAddress'];
  if (atLeast(profile.newestSchema, 'Exchange2010')) forms.push('SmtpAddress');
  for (const f of forms) sid.ele('xs:element', { name: f, type: 'xs:string' });
  s.ele('xs:element', { name: 'ExchangeImpersonation' }).ele('xs:complexType').ele('xs:sequence').ele('xs:element', { name: 'ConnectingSID', type: 't:ConnectingSIDType' });
  if (atLeast(profile.newestSchema, 'Exchange2010_SP2')) {
    const p = s.ele('xs:simpleType', { name: 'DateTimePrecisionType' }).ele('xs:restriction', { base: 'xs:string' });
    p.ele('xs:enumeration', { value: 'Seconds' });
    p.ele('xs:enumeration', { value: 'Milliseconds' });
    s.ele('xs:element', { name: 'DateTimePrecision', type: 't:DateTimePrecisionType' });
  }
  return doc.end(true);
}

export function messagesXsd(profile: Profile): string {
  const doc = schemaRoot(NS.m, { m: NS.m, t: NS.t });
  const s = doc.root;
  s.ele('xs:import', { namespace: NS.t, schemaLocation: 'types.xsd' });
  for (const op of operationsOf(profile)) {
    openType(s, `${op}Type`);
    openType(s, `${op}ResponseType`);
    s.ele('xs:element', { name: op, type: `m:${op}Type` });
    s.ele('xs:element', { name: `${op}Response`, type: `m:${op}ResponseType` });
  }
  return doc.end(true);
}

export function servicesWsdl(profile: Profile, endpoint: string): string {
  const doc = new XmlDocument('wsdl:definitions');
  const d = doc.root;
  d.att('xmlns:wsdl', WSDL).att('xmlns:soap', WSOAP).att('xmlns:tns', NS.m).att('xmlns:t', NS.t).att('xmlns:xs', XS).att('targetNamespace', NS.m);
  const schema = d.ele('wsdl:types').ele('xs:schema', { targetNamespace: `${NS.m}/wsdl` });
  schema.ele('xs:import', { namespace: NS.m, schemaLocation: 'messages.xsd' });
  const ops = operationsOf(profile);
  for (const op of ops) {
    const inMsg = d.ele('wsdl:message', { name: `${op}SoapIn` });
    inMsg.ele('wsdl:part', { name: 'request', element: `tns:${op}` });
    inMsg.ele('wsdl:part', { name: 'Impersonation', element: 't:ExchangeImpersonation' });
    inMsg.ele('wsdl:part', { name: 'RequestVersion', element: 't:RequestServerVersion' });
    const outMsg = d.ele('wsdl:message', { name: `${op}SoapOut` });
    outMsg.ele('wsdl:part', { name: `${op}Result`, element: `tns:${op}Response` });
    outMsg.ele('wsdl:part', { name: 'ServerVersion', element: 't:ServerVersionInfo' });
  }
  const portType = d.ele('wsdl:portType', { name: 'ExchangeServicePortType' });
  for (const op of ops) {
    const o = portType.ele('wsdl:operation', { name: op });
    o.ele('wsdl:input', { message: `tns:${op}SoapIn` });
    o.ele('wsdl:output', { message: `tns:${op}SoapOut` });
  }
  const binding = d.ele('wsdl:binding', { name: 'ExchangeServiceBinding', type: 'tns:ExchangeServicePortType' });
  binding.ele('soap:binding', { style: 'document', transport: 'http://schemas.xmlsoap.org/soap/http' });
  for (const op of ops) {
    const o = binding.ele('wsdl:operation', { name: op });
    o.ele('soap:operation', { soapAction: `${NS.m}/${op}` });
    const input = o.ele('wsdl:input');
    input.ele('soap:header', { message: `tns:${op}SoapIn`, part: 'Impersonation', use: 'literal' });
    input.ele('soap:header', { message: `tns:${op}SoapIn`, part: 'RequestVersion', use: 'literal' });
    input.ele('soap:body', { parts: 'request', use: 'literal' });
    const output = o.ele('wsdl:output');
    output.ele('soap:body', { parts: `${op}Result`, use: 'literal' });
    output.ele('soap:header', { message: `tns:${op}SoapOut`, part: 'ServerVersion', use: 'literal' });
  }
  d.ele('wsdl:service', { name: 'ExchangeServices' })
    .ele('wsdl:port', { name: 'ExchangeServicePort', binding: 'tns:ExchangeServiceBinding' })
    .ele('soap:address', { location: endpoint });
  return doc.end(true);
}

/** GET /EWS/Services.wsdl, /EWS/messages.xsd, /EWS/types.xsd (authenticated, as IIS serves them). */
export function schemaDocRoutes(state: MockState): Router {
  const router = Router({ caseSensitive: false });
  const docs: [RegExp, (req: import('express').Request) => string][] = [
    [/^\/ews\/services\.wsdl$/i, (req) => servicesWsdl(state.profile, `${req.protocol}://${req.get('host') ?? 'localhost'}/EWS/Exchange.asmx`)],
    [/^\/ews\/messages\.xsd$/i, () => messagesXsd(state.profile)],
    [/^\/ews\/types\.xsd$/i, () => typesXsd(state.profile)],
  ];
  for (const [path, render] of docs) {
    router.get(path, (req, res) => {
      const auth = authenticate(state, req);
      if (!auth.ok) return sendUnauthorized(res, auth);
      res.status(200).set('Content-Type', 'text/xml; charset=utf-8').send(render(req));
    });
  }
  return router;
}
