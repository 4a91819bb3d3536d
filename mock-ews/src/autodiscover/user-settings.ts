import { createHash } from 'node:crypto';
import type { Store } from '../store/store';
import type { Mailbox } from '../store/types';
import type { Profile } from '../profiles/profiles';

/**
 * The Autodiscover view of a mailbox: what POX and SOAP Autodiscover answer about it. URLs point
 * at the mock itself (the origin the client reached), so a client can follow them.
 */
export interface UserInfo {
  mailbox: Mailbox;
  displayName: string;
  deploymentId: string;
  ewsUrl: string;
  host: string;
}

export function userInfo(store: Store, smtp: string, origin: string): UserInfo | undefined {
  const mailbox = store.mailbox(smtp.trim());
  if (!mailbox) return undefined;
  const account = store.account(mailbox.smtp);
  return {
    mailbox,
    displayName: account?.displayName ?? mailbox.displayName,
    deploymentId: guidFrom(`deployment:${mailbox.smtp.toLowerCase()}`),
    ewsUrl: `${origin}/EWS/Exchange.asmx`,
    host: new URL(origin).host,
  };
}

/** A stable GUID derived from text (deployment ids must not change between requests). */
function guidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** "15.1.2507.6": the server build as Autodiscover's version settings write it. */
export function buildString(profile: Profile): string {
  const v = profile.serverVersion;
  return `${v.major}.${v.minor}.${v.majorBuild}.${v.minorBuild}`;
}

/**
 * POX ServerVersion: 32 bits in hex, as Outlook reads them: 4 bits 0111, 6 bits major, 6 bits
 * minor, 1 bit set, 15 bits major build.
 */
export function poxServerVersion(profile: Profile): string {
  const v = profile.serverVersion;
  const n = ((0b0111 << 28) | ((v.major & 0x3f) << 22) | ((v.minor & 0x3f) << 16) | (1 << 15) | (v.majorBuild & 0x7fff)) >>> 0;
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/** The SOAP GetUserSettings values the mock serves, by setting name. */
export function settingValues(info: UserInfo, profile: Profile): Record<string, string> {
  const domain = info.mailbox.smtp.split('@')[1];
  const server = `EXCH01.${domain}`;
  const values: Record<string, string> = {
    UserDisplayName: info.displayName,
    UserDN: info.mailbox.legacyDn,
    UserDeploymentId: info.deploymentId,
    AutoDiscoverSMTPAddress: info.mailbox.smtp,
    InternalEwsUrl: info.ewsUrl,
    ExternalEwsUrl: info.ewsUrl,
    EwsSupportedSchemas: profile.accepts.join(', '),
    CasVersion: buildString(profile),
    InternalMailboxServer: server,
    ExternalMailboxServer: server,
    InternalMailboxServerDN: `/o=MockEWS/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EXCH01`,
    MailboxDN: `${info.mailbox.legacyDn}/cn=Mailbox`,
    ActiveDirectoryServer: `dc01.${domain}`,
  };
  // The version of the EWS endpoint is reported from Exchange 2013 on.
  if (profile.serverVersion.major >= 15) values.ExternalEwsVersion = buildString(profile);
  return values;
}

/** Setting names real servers know but the mock does not serve (answered SettingIsNotAvailable). */
export const KNOWN_UNSERVED_SETTINGS = new Set([
  'InternalWebClientUrls',
  'ExternalWebClientUrls',
  'InternalRpcClientServer',
  'InternalEcpUrl',
  'ExternalEcpUrl',
  'InternalOABUrl',
  'ExternalOABUrl',
  'InternalUMUrl',
  'InternalEwsUrl2',
  'ExternalMailboxServerRequiresSSL',
  'ExternalMailboxServerAuthenticationMethods',
  'EcpVoicemailUrlFragment',
  'MobileMailboxPolicy',
  'AlternateMailboxes',
  'ExternalPop3Connections',
  'ExternalImap4Connections',
  'ExternalSmtpConnections',
  'GroupingInformation',
  'MapiHttpEnabled',
  'PublicFolderServer',
  'CrossOrganizationSharingEnabled',
  'ShowGalAsDefaultView',
]);
