import { XmlDocument } from '../soap/xml-writer';
import { leaf, Xml } from '../soap/response-writer';
import { NS } from '../soap/namespaces';
import type { Profile } from '../profiles/profiles';
import { ERROR_CATALOGUE, ResponseCode } from '../soap/error-catalogue';

/**
 * One envelope of a GetStreamingEvents answer, in the form Exchange streams them: an unprefixed
 * `<Envelope xmlns="…soap…">` with `soap11:` Header and Body. Clients cut the stream into messages
 * by looking for `<Envelope` and `</Envelope>` (ews-javascript-api does), so the prefix matters.
 * `fill` writes what follows ResponseCode in the response message; with `failure` the message is an
 * error (ResponseClass Error, MessageText, ResponseCode, DescriptiveLinkKey).
 */
export function streamingEnvelope(profile: Profile, fill: (message: Xml) => void, failure?: ResponseCode): string {
  const doc = new XmlDocument('Envelope');
  doc.root.att('xmlns', NS.soap);
  const sv = profile.serverVersion;
  const info = doc.root.ele('soap11:Header').att('xmlns:soap11', NS.soap).ele('ServerVersionInfo');
  info
    .att('xmlns', NS.t)
    .att('MajorVersion', String(sv.major))
    .att('MinorVersion', String(sv.minor))
    .att('MajorBuildNumber', String(sv.majorBuild))
    .att('MinorBuildNumber', String(sv.minorBuild));
  if (sv.version) info.att('Version', sv.version);
  const response = doc.root.ele('soap11:Body').att('xmlns:soap11', NS.soap).ele('m:GetStreamingEventsResponse').att('xmlns:m', NS.m).att('xmlns:t', NS.t);
  const message = response.ele('m:ResponseMessages').ele('m:GetStreamingEventsResponseMessage').att('ResponseClass', failure ? 'Error' : 'Success');
  if (failure) {
    leaf(message, 'm:MessageText', ERROR_CATALOGUE[failure].message);
    leaf(message, 'm:ResponseCode', failure);
    leaf(message, 'm:DescriptiveLinkKey', 0);
  } else {
    leaf(message, 'm:ResponseCode', 'NoError');
  }
  fill(message);
  return doc.end();
}
