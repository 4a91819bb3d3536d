import { create } from 'xmlbuilder2';
import type { Store } from '../store/store';
import type { Profile } from '../profiles/profiles';
import type { XmlElement } from '../soap/xml-element';
import { parseXml, XmlSyntaxError } from '../soap/parse-xml';
import { poxServerVersion, userInfo } from './user-settings';

/** POX (plain old XML) Autodiscover, the protocol of Exchange 2007 that every later server still serves. */
export const POX_NS = {
  request: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006',
  response: 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006',
  outlook: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a',
} as const;

/** Answers an autodiscover.xml request body; always HTTP 200 with XML, errors inside it as Exchange does. */
export function poxAnswer(store: Store, profile: Profile, body: string, origin: string, now = new Date()): string {
  let request: XmlElement;
  try {
    request = parseXml(body);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return poxError(600, 'Invalid Request', now);
    throw err;
  }
  const r = request.is(POX_NS.request, 'Autodiscover') ? request.child('Request', POX_NS.request) : undefined;
  const email = r?.child('EMailAddress', POX_NS.request)?.value;
  const schema = r?.child('AcceptableResponseSchema', POX_NS.request)?.value;
  // Only the Outlook provider is served: a mobilesync or unknown schema is an invalid request.
  if (!r || !email || schema !== POX_NS.outlook) return poxError(600, 'Invalid Request', now);
  const info = userInfo(store, email, origin);
  if (!info) return poxError(500, "The email address can't be found.", now);

  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele(POX_NS.response, 'Autodiscover');
  const resp = doc.ele(POX_NS.outlook, 'Response');
  const user = resp.ele(POX_NS.outlook, 'User');
  user.ele(POX_NS.outlook, 'DisplayName').txt(info.displayName);
  user.ele(POX_NS.outlook, 'LegacyDN').txt(info.mailbox.legacyDn);
  user.ele(POX_NS.outlook, 'AutoDiscoverSMTPAddress').txt(info.mailbox.smtp);
  user.ele(POX_NS.outlook, 'DeploymentId').txt(info.deploymentId);
  const account = resp.ele(POX_NS.outlook, 'Account');
  account.ele(POX_NS.outlook, 'AccountType').txt('email');
  account.ele(POX_NS.outlook, 'Action').txt('settings');
  account.ele(POX_NS.outlook, 'MicrosoftOnline').txt(profile.online ? 'True' : 'False');
  // EXCH: inside the organisation; EXPR: Outlook Anywhere from outside. Both name the EWS URL.
  for (const type of ['EXCH', 'EXPR'] as const) {
    const p = account.ele(POX_NS.outlook, 'Protocol');
    p.ele(POX_NS.outlook, 'Type').txt(type);
    p.ele(POX_NS.outlook, 'Server').txt(info.host.split(':')[0]);
    if (type === 'EXCH') {
      p.ele(POX_NS.outlook, 'ServerDN').txt('/o=MockEWS/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EXCH01');
      p.ele(POX_NS.outlook, 'ServerVersion').txt(poxServerVersion(profile));
      p.ele(POX_NS.outlook, 'MdbDN').txt('/o=MockEWS/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EXCH01/cn=Microsoft Private MDB');
    }
    p.ele(POX_NS.outlook, 'AuthPackage').txt(profile.online ? 'Anonymous' : 'Ntlm');
    p.ele(POX_NS.outlook, 'ASUrl').txt(info.ewsUrl);
    p.ele(POX_NS.outlook, 'EwsUrl').txt(info.ewsUrl);
    p.ele(POX_NS.outlook, 'EmwsUrl').txt(info.ewsUrl);
  }
  return doc.end({ prettyPrint: false });
}

/** The POX error shape: Response/Error with a numeric code (500 unknown address, 600 invalid request). */
export function poxError(code: 500 | 600, message: string, now = new Date()): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele(POX_NS.response, 'Autodiscover');
  const err = doc.ele(POX_NS.response, 'Response').ele(POX_NS.response, 'Error', {
    Time: now.toISOString().slice(11, 23),
    Id: String(Math.abs(hash(message)) % 4_294_967_295),
  });
  err.ele(POX_NS.response, 'ErrorCode').txt(String(code));
  err.ele(POX_NS.response, 'Message').txt(message);
  err.ele(POX_NS.response, 'DebugData');
  return doc.end({ prettyPrint: false });
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}
