import { SCHEMA_VERSIONS, SchemaVersion, versionRank } from './versions';

export type AuthScheme = 'Basic' | 'NTLM' | 'Negotiate' | 'Bearer';

/** How a generation decides who may impersonate whom. */
export type ImpersonationModel =
  /** Exchange 2007: ms-Exch-EPI-Impersonation on the server + ms-Exch-EPI-May-Impersonate on the mailbox. */
  | 'exchange2007-rights'
  /** Exchange 2010–2019: the ApplicationImpersonation RBAC role, narrowed by management scopes. */
  | 'rbac'
  /** Exchange Online today: app-only OAuth tokens with full_access_as_app (RBAC for Applications). */
  | 'app-permissions';

/**
 * What makes one Exchange generation answer differently from another. Profiles are data: handlers
 * read these fields, they never branch on a profile's name.
 */
export interface Profile {
  name: ProfileName;
  /** Hosted by Microsoft (Exchange Online) rather than on the customer's premises. */
  online: boolean;
  /** ServerVersionInfo attributes; `version` is absent on Exchange 2007 servers. */
  serverVersion: { major: number; minor: number; majorBuild: number; minorBuild: number; version?: string };
  /**
   * Prefixes of the response envelope: Exchange 2007 writes `soap:Envelope` and `t:ServerVersionInfo`,
   * later servers (WCF) `s:Envelope` and `h:ServerVersionInfo`.
   */
  wire: { envelopePrefix: 'soap' | 's'; headerPrefix: 't' | 'h' };
  /** Every RequestServerVersion value this server accepts. */
  accepts: readonly SchemaVersion[];
  /** Newest RequestServerVersion this server understands (the last of `accepts`). */
  newestSchema: SchemaVersion;
  /** Answer to a RequestServerVersion name this server has never heard of. */
  unknownVersionCode: 'ErrorInvalidServerVersion' | 'ErrorInvalidRequest';
  /** Answer to a known schema name newer than this server. */
  tooNewVersionCode: 'ErrorInvalidServerVersion';
  /** Sync results newest first (2010 SP2 and later). */
  syncNewestFirst: boolean;
  /** Authentication schemes offered in 401 answers, in the order IIS lists them. */
  authSchemes: readonly AuthScheme[];
  impersonationModel: ImpersonationModel;
  /**
   * X-AnchorMailbox: 'routing' = used for routing only (on-premises); 'must-match' = an impersonated
   * request whose anchor names another mailbox is refused (Exchange Online).
   */
  anchorMailbox: 'routing' | 'must-match';
  /** SOAP Autodiscover (autodiscover.svc) exists from Exchange 2010; POX everywhere. */
  soapAutodiscover: boolean;
  /** Throttling the generation always enforces; scenarios may add more. */
  throttling: {
    /** What a FindItem over EWSFindCountLimit gets: a fault (≤2010 RTM) or a partial page (≥2010 SP1). */
    findCountLimit: 'server-busy' | 'partial-page';
    /** ConcurrentSyncCalls enforced without configuration (2016, 2019, Online), or undefined. */
    concurrentSyncCalls?: number;
  };
}

export const PROFILE_NAMES = [
  'Exchange2007',
  'Exchange2007_SP1',
  'Exchange2010',
  'Exchange2010_SP1',
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2016',
  'Exchange2019',
  'ExchangeOnline',
] as const;

export type ProfileName = (typeof PROFILE_NAMES)[number];

export const DEFAULT_PROFILE: ProfileName = 'Exchange2010_SP2';

/** Schema values up to and including `newest`. */
function upTo(newest: SchemaVersion): SchemaVersion[] {
  return SCHEMA_VERSIONS.slice(0, versionRank(newest) + 1);
}

// IIS on an Exchange server lists Windows authentication (Negotiate, then NTLM) and Basic.
const onPremAuth: readonly AuthScheme[] = ['Negotiate', 'NTLM', 'Basic'];
// 2016 and 2019 also take OAuth tokens once hybrid modern authentication is configured.
const hybridAuth: readonly AuthScheme[] = ['Negotiate', 'NTLM', 'Basic', 'Bearer'];

type ProfileData = Omit<Profile, 'name' | 'accepts' | 'newestSchema' | 'tooNewVersionCode' | 'wire'> & { newestSchema: SchemaVersion };

const modernWire = { envelopePrefix: 's', headerPrefix: 'h' } as const;

function profile(name: ProfileName, data: ProfileData): Profile {
  return {
    name,
    ...data,
    wire: data.serverVersion.major < 14 ? { envelopePrefix: 'soap', headerPrefix: 't' } : modernWire,
    accepts: upTo(data.newestSchema),
    tooNewVersionCode: 'ErrorInvalidServerVersion',
  };
}

const before2010SP1 = { findCountLimit: 'server-busy' } as const;
const since2010SP1 = { findCountLimit: 'partial-page' } as const;
const syncBudget = { findCountLimit: 'partial-page', concurrentSyncCalls: 5 } as const;

/**
 * Build numbers and Version attributes as real servers of each generation write them (see
 * docs/PROFILES.md for the sources). 2013 cumulative updates and early 2016 builds answer V2_…
 * (clients must not parse it), 2019 V2017_07_11, Online V2018_01_08.
 */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  Exchange2007: profile('Exchange2007', {
    online: false,
    serverVersion: { major: 8, minor: 0, majorBuild: 685, minorBuild: 8 },
    newestSchema: 'Exchange2007',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: onPremAuth,
    impersonationModel: 'exchange2007-rights',
    anchorMailbox: 'routing',
    soapAutodiscover: false,
    throttling: before2010SP1,
  }),
  Exchange2007_SP1: profile('Exchange2007_SP1', {
    online: false,
    // SP3, the service pack 2007 customers still run; it answers the Exchange2007_SP1 schema.
    serverVersion: { major: 8, minor: 3, majorBuild: 83, minorBuild: 6 },
    newestSchema: 'Exchange2007_SP1',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: onPremAuth,
    impersonationModel: 'exchange2007-rights',
    anchorMailbox: 'routing',
    soapAutodiscover: false,
    throttling: before2010SP1,
  }),
  Exchange2010: profile('Exchange2010', {
    online: false,
    serverVersion: { major: 14, minor: 0, majorBuild: 639, minorBuild: 21, version: 'Exchange2010' },
    newestSchema: 'Exchange2010',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: onPremAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: before2010SP1,
  }),
  Exchange2010_SP1: profile('Exchange2010_SP1', {
    online: false,
    serverVersion: { major: 14, minor: 1, majorBuild: 164, minorBuild: 0, version: 'Exchange2010_SP1' },
    newestSchema: 'Exchange2010_SP1',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: onPremAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: since2010SP1,
  }),
  Exchange2010_SP2: profile('Exchange2010_SP2', {
    online: false,
    serverVersion: { major: 14, minor: 2, majorBuild: 390, minorBuild: 3, version: 'Exchange2010_SP2' },
    newestSchema: 'Exchange2010_SP2',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: onPremAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: since2010SP1,
  }),
  Exchange2013: profile('Exchange2013', {
    online: false,
    serverVersion: { major: 15, minor: 0, majorBuild: 516, minorBuild: 32, version: 'Exchange2013' },
    newestSchema: 'Exchange2013',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: onPremAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: since2010SP1,
  }),
  Exchange2013_SP1: profile('Exchange2013_SP1', {
    online: false,
    serverVersion: { major: 15, minor: 0, majorBuild: 847, minorBuild: 32, version: 'V2_6' },
    newestSchema: 'Exchange2013_SP1',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: onPremAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: since2010SP1,
  }),
  Exchange2016: profile('Exchange2016', {
    online: false,
    // The 2016 build of Microsoft's EWS reference samples (15.1.302.0, "V2_68", autumn 2015): it
    // knows the schemas named up to then, the last being V2015_10_05.
    serverVersion: { major: 15, minor: 1, majorBuild: 302, minorBuild: 0, version: 'V2_68' },
    newestSchema: 'V2015_10_05',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: hybridAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: syncBudget,
  }),
  Exchange2019: profile('Exchange2019', {
    online: false,
    serverVersion: { major: 15, minor: 2, majorBuild: 1544, minorBuild: 4, version: 'V2017_07_11' },
    newestSchema: 'V2017_07_11',
    // Observed: an unknown name such as "Exchange2019" gets ErrorInvalidRequest from 2019 servers.
    unknownVersionCode: 'ErrorInvalidRequest',
    syncNewestFirst: true,
    authSchemes: hybridAuth,
    impersonationModel: 'rbac',
    anchorMailbox: 'routing',
    soapAutodiscover: true,
    throttling: syncBudget,
  }),
  ExchangeOnline: profile('ExchangeOnline', {
    online: true,
    serverVersion: { major: 15, minor: 20, majorBuild: 8769, minorBuild: 21, version: 'V2018_01_08' },
    newestSchema: 'V2018_01_08',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: ['Bearer'],
    impersonationModel: 'app-permissions',
    anchorMailbox: 'must-match',
    soapAutodiscover: true,
    throttling: syncBudget,
  }),
};

export function isProfileName(v: string): v is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(v);
}

export function accepts(profile: Profile, requested: SchemaVersion): boolean {
  return profile.accepts.includes(requested);
}
