import { Router } from 'express';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
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

function schemaRoot(targetNamespace: string, prefixes: Record<string, string>): XMLBuilder {
  const attrs: Record<string, string> = { 'xmlns:xs': XS, targetNamespace, elementFormDefault: 'qualified', version: 'mock-ews' };
  for (const [p, ns] of Object.entries(prefixes)) attrs[`xmlns:${p}`] = ns;
  return create({ version: '1.0', encoding: 'utf-8' }).ele(XS, 'xs:schema', attrs);
}

/** An open content model: any elements of the EWS namespaces, any attributes. */
function openType(parent: XMLBuilder, name: string): void {
  const ct = parent.ele(XS, 'xs:complexType', { name });
  ct.ele(XS, 'xs:sequence').ele(XS, 'xs:any', { namespace: '##targetNamespace http://schemas.microsoft.com/exchange/services/2006/types', processContents: 'lax', minOccurs: '0', maxOccurs: 'unbounded' });
  ct.ele(XS, 'xs:anyAttribute', { processContents: 'lax' });
}

export function typesXsd(profile: Profile): string {
  const s = schemaRoot(NS.t, { t: NS.t });
  const versions = s.ele(XS, 'xs:simpleType', { name: 'ExchangeVersionType' }).ele(XS, 'xs:restriction', { base: 'xs:string' });
  for (const v of profile.accepts) versions.ele(XS, 'xs:enumeration', { value: v });
  const rsv = s.ele(XS, 'xs:element', { name: 'RequestServerVersion' }).ele(XS, 'xs:complexType');
  rsv.ele(XS, 'xs:attribute', { name: 'Version', type: 't:ExchangeVersionType', use: 'required' });
  const svi = s.ele(XS, 'xs:element', { name: 'ServerVersionInfo' }).ele(XS, 'xs:complexType');
  for (const a of ['MajorVersion', 'MinorVersion', 'MajorBuildNumber', 'MinorBuildNumber']) svi.ele(XS, 'xs:attribute', { name: a, type: 'xs:int', use: 'optional' });
  svi.ele(XS, 'xs:attribute', { name: 'Version', type: 'xs:string', use: 'optional' });
  const sid = s.ele(XS, 'xs:complexType', { name: 'ConnectingSIDType' }).ele(XS, 'xs:choice');
  const forms = ['PrincipalName', 'SID', 'PrimarySmtpAddress'];
  if (atLeast(profile.newestSchema, 'Exchange2010')) forms.push('SmtpAddress');
  for (const f of forms) sid.ele(XS, 'xs:element', { name: f, type: 'xs:string' });
  s.ele(XS, 'xs:element', { name: 'ExchangeImpersonation' }).ele(XS, 'xs:complexType').ele(XS, 'xs:sequence').ele(XS, 'xs:element', { name: 'ConnectingSID', type: 't:ConnectingSIDType' });
  if (atLeast(profile.newestSchema, 'Exchange2010_SP2')) {
    const p = s.ele(XS, 'xs:simpleType', { name: 'DateTimePrecisionType' }).ele(XS, 'xs:restriction', { base: 'xs:string' });
    p.ele(XS, 'xs:enumeration', { value: 'Seconds' });
    p.ele(XS, 'xs:enumeration', { value: 'Milliseconds' });
    s.ele(XS, 'xs:element', { name: 'DateTimePrecision', type: 't:DateTimePrecisionType' });
  }
  return s.end({ prettyPrint: true });
}

export function messagesXsd(profile: Profile): string {
  const s = schemaRoot(NS.m, { m: NS.m, t: NS.t });
  s.ele(XS, 'xs:import', { namespace: NS.t, schemaLocation: 'types.xsd' });
  for (const op of operationsOf(profile)) {
    openType(s, `${op}Type`);
    openType(s, `${op}ResponseType`);
    s.ele(XS, 'xs:element', { name: op, type: `m:${op}Type` });
    s.ele(XS, 'xs:element', { name: `${op}Response`, type: `m:${op}ResponseType` });
  }
  return s.end({ prettyPrint: true });
}

export function servicesWsdl(profile: Profile, endpoint: string): string {
  const d = create({ version: '1.0', encoding: 'utf-8' }).ele(WSDL, 'wsdl:definitions', {
    'xmlns:wsdl': WSDL,
    'xmlns:soap': WSOAP,
    'xmlns:tns': NS.m,
    'xmlns:t': NS.t,
    'xmlns:xs': XS,
    targetNamespace: NS.m,
  });
  const schema = d.ele(WSDL, 'wsdl:types').ele(XS, 'xs:schema', { targetNamespace: `${NS.m}/wsdl` });
  schema.ele(XS, 'xs:import', { namespace: NS.m, schemaLocation: 'messages.xsd' });
  const ops = operationsOf(profile);
  for (const op of ops) {
    const inMsg = d.ele(WSDL, 'wsdl:message', { name: `${op}SoapIn` });
    inMsg.ele(WSDL, 'wsdl:part', { name: 'request', element: `tns:${op}` });
    inMsg.ele(WSDL, 'wsdl:part', { name: 'Impersonation', element: 't:ExchangeImpersonation' });
    inMsg.ele(WSDL, 'wsdl:part', { name: 'RequestVersion', element: 't:RequestServerVersion' });
    const outMsg = d.ele(WSDL, 'wsdl:message', { name: `${op}SoapOut` });
    outMsg.ele(WSDL, 'wsdl:part', { name: `${op}Result`, element: `tns:${op}Response` });
    outMsg.ele(WSDL, 'wsdl:part', { name: 'ServerVersion', element: 't:ServerVersionInfo' });
  }
  const portType = d.ele(WSDL, 'wsdl:portType', { name: 'ExchangeServicePortType' });
  for (const op of ops) {
    const o = portType.ele(WSDL, 'wsdl:operation', { name: op });
    o.ele(WSDL, 'wsdl:input', { message: `tns:${op}SoapIn` });
    o.ele(WSDL, 'wsdl:output', { message: `tns:${op}SoapOut` });
  }
  const binding = d.ele(WSDL, 'wsdl:binding', { name: 'ExchangeServiceBinding', type: 'tns:ExchangeServicePortType' });
  binding.ele(WSOAP, 'soap:binding', { style: 'document', transport: 'http://schemas.xmlsoap.org/soap/http' });
  for (const op of ops) {
    const o = binding.ele(WSDL, 'wsdl:operation', { name: op });
    o.ele(WSOAP, 'soap:operation', { soapAction: `${NS.m}/${op}` });
    const input = o.ele(WSDL, 'wsdl:input');
    input.ele(WSOAP, 'soap:header', { message: `tns:${op}SoapIn`, part: 'Impersonation', use: 'literal' });
    input.ele(WSOAP, 'soap:header', { message: `tns:${op}SoapIn`, part: 'RequestVersion', use: 'literal' });
    input.ele(WSOAP, 'soap:body', { parts: 'request', use: 'literal' });
    const output = o.ele(WSDL, 'wsdl:output');
    output.ele(WSOAP, 'soap:body', { parts: `${op}Result`, use: 'literal' });
    output.ele(WSOAP, 'soap:header', { message: `tns:${op}SoapOut`, part: 'ServerVersion', use: 'literal' });
  }
  d.ele(WSDL, 'wsdl:service', { name: 'ExchangeServices' })
    .ele(WSDL, 'wsdl:port', { name: 'ExchangeServicePort', binding: 'tns:ExchangeServiceBinding' })
    .ele(WSOAP, 'soap:address', { location: endpoint });
  return d.end({ prettyPrint: true });
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
