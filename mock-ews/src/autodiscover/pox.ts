import { XmlDocument } from '../soap/xml-writer';
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

  // Default namespaces, as Exchange writes them: the response schema, then the Outlook one.
  const doc = new XmlDocument('Autodiscover');
  doc.root.att('xmlns', POX_NS.response);
  const resp = doc.root.ele('Response', { xmlns: POX_NS.outlook });
  const user = resp.ele('User');
  user.ele('DisplayName').txt(info.displayName);
  user.ele('LegacyDN').txt(info.mailbox.legacyDn);
  user.ele('AutoDiscoverSMTPAddress').txt(info.mailbox.smtp);
  user.ele('DeploymentId').txt(info.deploymentId);
  const account = resp.ele('Account');
  account.ele('AccountType').txt('email');
  account.ele('Action').txt('settings');
  account.ele('MicrosoftOnline').txt(profile.online ? 'True' : 'False');
  // EXCH: inside the organisation; EXPR: Outlook Anywhere from outside. Both name the EWS URL.
  for (const type of ['EXCH', 'EXPR'] as const) {
    const p = account.ele('Protocol');
    p.ele('Type').txt(type);
    p.ele('Server').txt(info.host.split(':')[0]);
    if (type === 'EXCH') {
      p.ele('ServerDN').txt('/o=MockEWS/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EXCH01');
      p.ele('ServerVersion').txt(poxServerVersion(profile));
      p.ele('MdbDN').txt('/o=MockEWS/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EXCH01/cn=Microsoft Private MDB');
    }
    p.ele('AuthPackage').txt(profile.online ? 'Anonymous' : 'Ntlm');
    p.ele('ASUrl').txt(info.ewsUrl);
    p.ele('EwsUrl').txt(info.ewsUrl);
    p.ele('EmwsUrl').txt(info.ewsUrl);
  }
  return doc.end();
}

/** The POX error shape: Response/Error with a numeric code (500 unknown address, 600 invalid request). */
export function poxError(code: 500 | 600, message: string, now = new Date()): string {
  const doc = new XmlDocument('Autodiscover');
  doc.root.att('xmlns', POX_NS.response);
  const err = doc.root.ele('Response').ele('Error', {
    Time: now.toISOString().slice(11, 23),
    Id: String(Math.abs(hash(message)) % 4_294_967_295),
  });
  err.ele('ErrorCode').txt(String(code));
  err.ele('Message').txt(message);
  err.ele('DebugData');
  return doc.end();
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}
