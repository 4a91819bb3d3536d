import { SchemaVersion, versionRank } from './versions';

/**
 * What makes one Exchange generation answer differently from another. Profiles are data: handlers
 * read these fields, they never branch on a profile's name.
 */
export interface Profile {
  name: ProfileName;
  /** ServerVersionInfo attributes. */
  serverVersion: { major: number; minor: number; majorBuild: number; minorBuild: number; version?: string };
  /** Newest RequestServerVersion this server understands. */
  newestSchema: SchemaVersion;
  /** Answer to an unknown or too new RequestServerVersion. */
  unknownVersionCode: 'ErrorInvalidServerVersion' | 'ErrorInvalidRequest';
  /** Sync results newest first (2010 SP2 and later). */
  syncNewestFirst: boolean;
  /** Authentication schemes offered in 401 answers. */
  authSchemes: readonly ('Basic' | 'NTLM' | 'Negotiate' | 'Bearer')[];
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

const onPrem = ['Basic', 'NTLM', 'Negotiate'] as const;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  Exchange2007: {
    name: 'Exchange2007',
    serverVersion: { major: 8, minor: 0, majorBuild: 685, minorBuild: 8 },
    newestSchema: 'Exchange2007',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: ['Basic', 'NTLM'],
  },
  Exchange2007_SP1: {
    name: 'Exchange2007_SP1',
    serverVersion: { major: 8, minor: 3, majorBuild: 83, minorBuild: 6 },
    newestSchema: 'Exchange2007_SP1',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: ['Basic', 'NTLM'],
  },
  Exchange2010: {
    name: 'Exchange2010',
    serverVersion: { major: 14, minor: 0, majorBuild: 536, minorBuild: 0, version: 'Exchange2010' },
    newestSchema: 'Exchange2010',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: onPrem,
  },
  Exchange2010_SP1: {
    name: 'Exchange2010_SP1',
    serverVersion: { major: 14, minor: 1, majorBuild: 164, minorBuild: 0, version: 'Exchange2010_SP1' },
    newestSchema: 'Exchange2010_SP1',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: false,
    authSchemes: onPrem,
  },
  Exchange2010_SP2: {
    name: 'Exchange2010_SP2',
    serverVersion: { major: 14, minor: 2, majorBuild: 390, minorBuild: 3, version: 'Exchange2010_SP2' },
    newestSchema: 'Exchange2010_SP2',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: onPrem,
  },
  Exchange2013: {
    name: 'Exchange2013',
    serverVersion: { major: 15, minor: 0, majorBuild: 516, minorBuild: 32, version: 'Exchange2013' },
    newestSchema: 'Exchange2013',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: onPrem,
  },
  Exchange2013_SP1: {
    name: 'Exchange2013_SP1',
    serverVersion: { major: 15, minor: 0, majorBuild: 847, minorBuild: 32, version: 'V2_6' },
    newestSchema: 'Exchange2013_SP1',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: onPrem,
  },
  Exchange2016: {
    name: 'Exchange2016',
    serverVersion: { major: 15, minor: 1, majorBuild: 2507, minorBuild: 6, version: 'V2_68' },
    newestSchema: 'V2016_10_10',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: [...onPrem, 'Bearer'],
  },
  Exchange2019: {
    name: 'Exchange2019',
    serverVersion: { major: 15, minor: 2, majorBuild: 1544, minorBuild: 4, version: 'V2017_07_11' },
    newestSchema: 'V2017_07_11',
    unknownVersionCode: 'ErrorInvalidRequest',
    syncNewestFirst: true,
    authSchemes: [...onPrem, 'Bearer'],
  },
  ExchangeOnline: {
    name: 'ExchangeOnline',
    serverVersion: { major: 15, minor: 20, majorBuild: 8769, minorBuild: 21, version: 'V2018_01_08' },
    newestSchema: 'V2018_01_08',
    unknownVersionCode: 'ErrorInvalidServerVersion',
    syncNewestFirst: true,
    authSchemes: ['Bearer'],
  },
};

export function isProfileName(v: string): v is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(v);
}

export function accepts(profile: Profile, requested: SchemaVersion): boolean {
  return versionRank(requested) <= versionRank(profile.newestSchema);
}
