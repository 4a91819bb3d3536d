import { isProfileName, PROFILES } from '../../mock-ews/src/profiles/profiles';
import { SchemaVersion, versionRank } from '../../mock-ews/src/profiles/versions';

/** What the harness asks for when a scenario names no version: everything the scenarios use exists in 2010 SP2. */
const HARNESS_VERSION: SchemaVersion = 'Exchange2010_SP2';

/**
 * The RequestServerVersion raw SOAP and client services send by default. Under the profile matrix
 * (MOCK_EWS_PROFILE) an older generation is asked for its own newest schema, so untagged scenarios
 * run there too instead of being refused as "too new"; newer generations keep the harness value.
 */
export function defaultRequestVersion(): SchemaVersion {
  const wanted = process.env.MOCK_EWS_PROFILE;
  if (!wanted || !isProfileName(wanted)) return HARNESS_VERSION;
  const newest = PROFILES[wanted].newestSchema;
  return versionRank(newest) < versionRank(HARNESS_VERSION) ? newest : HARNESS_VERSION;
}
