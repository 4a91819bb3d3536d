/**
 * The RequestServerVersion values EWS schemas define, oldest first. A request may ask for any value
 * up to the server's own; the order is what "newer than the server" means.
 */
export const SCHEMA_VERSIONS = [
  'Exchange2007',
  'Exchange2007_SP1',
  'Exchange2010',
  'Exchange2010_SP1',
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2015',
  'Exchange2016',
  'V2015_10_05',
  'V2016_01_06',
  'V2016_04_13',
  'V2016_07_13',
  'V2016_10_10',
  'V2017_01_07',
  'V2017_04_14',
  'V2017_07_11',
  'V2017_10_09',
  'V2018_01_08',
] as const;

export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

export function isSchemaVersion(v: string): v is SchemaVersion {
  return (SCHEMA_VERSIONS as readonly string[]).includes(v);
}

export function versionRank(v: SchemaVersion): number {
  return SCHEMA_VERSIONS.indexOf(v);
}

/** True when `v` is `min` or newer. */
export function atLeast(v: SchemaVersion, min: SchemaVersion): boolean {
  return versionRank(v) >= versionRank(min);
}
