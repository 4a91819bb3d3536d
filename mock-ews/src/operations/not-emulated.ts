import type { SchemaVersion } from '../profiles/versions';

/**
 * EWS operations Exchange has that the mock does not serve, by request element and the schema
 * version that introduced each. A request for one within the server's schema is valid XML a real
 * Exchange would answer; refusing it as a schema violation would send a user looking for a fault in
 * their request, so it gets its own fault naming the operation (ews-endpoint.ts). One newer than
 * the server's schema stays the schema fault a real server of that generation sends.
 */
export const NOT_EMULATED: ReadonlyMap<string, SchemaVersion> = new Map<string, SchemaVersion>([
  ...(['GetUserAvailabilityRequest', 'CreateManagedFolder'] as const).map((op) => [op, 'Exchange2007'] as const),
  ...(['AddDelegate', 'GetDelegate', 'RemoveDelegate', 'UpdateDelegate'] as const).map((op) => [op, 'Exchange2007_SP1'] as const),
  ...([
    'GetServerTimeZones', 'GetRoomLists', 'GetRooms', 'GetServiceConfiguration', 'GetSharingMetadata', 'GetSharingFolder',
    'RefreshSharingFolder', 'FindMessageTrackingReport', 'GetMessageTrackingReport', 'PlayOnPhone', 'GetPhoneCallInformation',
    'DisconnectPhoneCall',
  ] as const).map((op) => [op, 'Exchange2010'] as const),
  ...([
    'ArchiveItem', 'FindPeople', 'GetPersona', 'GetUserPhoto', 'GetSearchableMailboxes', 'SearchMailboxes',
    'GetDiscoverySearchConfiguration', 'GetHoldOnMailboxes', 'SetHoldOnMailboxes', 'GetNonIndexableItemDetails',
    'GetNonIndexableItemStatistics', 'GetUserRetentionPolicyTags', 'GetAppManifests', 'GetAppMarketplaceUrl', 'InstallApp',
    'UninstallApp', 'DisableApp', 'GetClientAccessToken', 'SetTeamMailbox', 'UnpinTeamMailbox',
  ] as const).map((op) => [op, 'Exchange2013'] as const),
]);
