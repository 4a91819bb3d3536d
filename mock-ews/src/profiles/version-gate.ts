import { EwsFault } from '../soap/error-catalogue';
import type { ParsedEnvelope } from '../soap/envelope';
import { accepts, Profile } from './profiles';
import { isSchemaVersion, SchemaVersion } from './versions';

/**
 * Decides which schema version a request is served at. No RequestServerVersion header means
 * Exchange 2007 RTM (the header appeared in 2007 SP1); an unknown name or a schema newer than the
 * server gets the answer the profile's generation gives for each.
 */
export function requestedVersion(profile: Profile, env: ParsedEnvelope): SchemaVersion {
  if (!env.hasVersionHeader) return 'Exchange2007';
  const v = env.requestedVersion;
  if (v === undefined || v === '') {
    throw new EwsFault('ErrorSchemaValidation', undefined, {
      messageXml: { violation: "The required attribute 'Version' is missing." },
    }, "The request failed schema validation: The required attribute 'Version' is missing.");
  }
  if (!isSchemaVersion(v)) throw new EwsFault(profile.unknownVersionCode);
  if (!accepts(profile, v)) throw new EwsFault(profile.tooNewVersionCode);
  return v;
}
