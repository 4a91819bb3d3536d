import { XmlDocument, XmlNode } from '../soap/xml-writer';
import type { Store } from '../store/store';
import type { Profile } from '../profiles/profiles';
import type { XmlElement } from '../soap/xml-element';
import { NS } from '../soap/namespaces';
import { parseXml, XmlSyntaxError } from '../soap/parse-xml';
import { KNOWN_UNSERVED_SETTINGS, settingValues, userInfo } from './user-settings';

/** SOAP Autodiscover (autodiscover.svc, Exchange 2010 and later): GetUserSettings. */
export const AD_NS = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
const WSA = 'http://www.w3.org/2005/08/addressing';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ACTION = 'http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/';

export interface SoapAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Answers a POST to autodiscover.svc in the SOAP version it came in. */
export function soapAnswer(store: Store, profile: Profile, text: string, origin: string): SoapAnswer {
  let envelope: XmlElement;
  try {
    envelope = parseXml(text);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return fault(NS.soap, 'Client', `The request is not well-formed XML: ${err.message}`);
    throw err;
  }
  const soapNs = envelope.is(NS.soap12, 'Envelope') ? NS.soap12 : NS.soap;
  const body = envelope.child('Body', soapNs);
  if (!envelope.is(soapNs, 'Envelope') || !body || body.children.length !== 1) return fault(NS.soap, 'Client', 'The request is not a SOAP envelope with one operation.');
  const op = body.children[0];
  if (!op.is(AD_NS, 'GetUserSettingsRequestMessage')) {
    return fault(soapNs, 'Client', `The operation ${op.local} in namespace ${op.ns} is not supported by this Autodiscover service.`);
  }
  const request = op.child('Request', AD_NS);
  const smtps = (request?.child('Users', AD_NS)?.all('User', AD_NS) ?? []).map((u) => u.child('Mailbox', AD_NS)?.value ?? '');
  const names = (request?.child('RequestedSettings', AD_NS)?.all('Setting', AD_NS) ?? []).map((s) => s.value ?? '');

  const { doc, bodyEl } = envelopeFor(soapNs, profile, 'GetUserSettingsResponse');
  const resp = bodyEl.ele('GetUserSettingsResponseMessage', { xmlns: AD_NS }).ele('Response', { 'xmlns:i': XSI });
  if (smtps.length === 0 || names.length === 0) {
    resp.ele('ErrorCode').txt('InvalidRequest');
    resp.ele('ErrorMessage').txt(smtps.length === 0 ? 'The request must name at least one user.' : 'The request must name at least one setting.');
    resp.ele('UserResponses');
    return ok(soapNs, doc);
  }
  resp.ele('ErrorCode').txt('NoError');
  resp.ele('ErrorMessage');
  const users = resp.ele('UserResponses');
  for (const smtp of smtps) {
    const ur = users.ele('UserResponse');
    const info = smtp ? userInfo(store, smtp, origin) : undefined;
    if (!info) {
      ur.ele('ErrorCode').txt('InvalidUser');
      ur.ele('ErrorMessage').txt(`Invalid user: '${smtp}'`);
      ur.ele('RedirectTarget', { 'i:nil': 'true' });
      ur.ele('UserSettingErrors');
      ur.ele('UserSettings');
      continue;
    }
    const values = settingValues(info, profile);
    ur.ele('ErrorCode').txt('NoError');
    ur.ele('ErrorMessage').txt('No error.');
    ur.ele('RedirectTarget', { 'i:nil': 'true' });
    const errors = ur.ele('UserSettingErrors');
    const settings = ur.ele('UserSettings');
    for (const name of names) {
      if (Object.prototype.hasOwnProperty.call(values, name)) {
        const s = settings.ele('UserSetting', { 'i:type': 'StringSetting' });
        s.ele('Name').txt(name);
        s.ele('Value').txt(values[name]);
        continue;
      }
      const e = errors.ele('UserSettingError');
      const known = KNOWN_UNSERVED_SETTINGS.has(name);
      e.ele('ErrorCode').txt(known ? 'SettingIsNotAvailable' : 'InvalidSetting');
      e.ele('ErrorMessage').txt(known ? 'The setting is not available.' : 'The requested setting is invalid.');
      e.ele('SettingName').txt(name);
    }
  }
  return ok(soapNs, doc);
}

function envelopeFor(soapNs: string, profile: Profile, action: string): { doc: XmlDocument; bodyEl: XmlNode } {
  const doc = new XmlDocument('s:Envelope');
  doc.root.att('xmlns:s', soapNs).att('xmlns:a', WSA);
  const header = doc.root.ele('s:Header');
  header.ele('a:Action', { 's:mustUnderstand': '1' }).txt(ACTION + action);
  const sv = profile.serverVersion;
  const info = header.ele('h:ServerVersionInfo', { 'xmlns:h': AD_NS, 'xmlns:i': XSI });
  info.ele('h:MajorVersion').txt(String(sv.major));
  info.ele('h:MinorVersion').txt(String(sv.minor));
  info.ele('h:MajorBuildNumber').txt(String(sv.majorBuild));
  info.ele('h:MinorBuildNumber').txt(String(sv.minorBuild));
  info.ele('h:Version').txt(sv.version ?? profile.newestSchema);
  return { doc, bodyEl: doc.root.ele('s:Body') };
}

function contentType(soapNs: string): string {
  return soapNs === NS.soap12 ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
}

function ok(soapNs: string, doc: XmlDocument): SoapAnswer {
  return { status: 200, contentType: contentType(soapNs), body: doc.end() };
}

function fault(soapNs: string, code: 'Client', message: string): SoapAnswer {
  const doc = new XmlDocument('s:Envelope');
  doc.root.att('xmlns:s', soapNs);
  const f = doc.root.ele('s:Body').ele('s:Fault');
  if (soapNs === NS.soap12) {
    f.ele('s:Code').ele('s:Value').txt('s:Sender');
    f.ele('s:Reason').ele('s:Text', { 'xml:lang': 'en-US' }).txt(message);
  } else {
    f.ele('faultcode').txt(`s:${code}`);
    f.ele('faultstring', { 'xml:lang': 'en-US' }).txt(message);
  }
  return { status: 500, contentType: contentType(soapNs), body: doc.end() };
}
