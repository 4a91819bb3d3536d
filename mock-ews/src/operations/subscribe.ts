import { leaf, ResponseMessages } from '../soap/response-writer';
import { EwsFault, incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { EVENT_TYPES, EventType } from '../notifications/events';
import { subscribe as addSubscription, STREAMING_TIMEOUT_MINUTES } from '../notifications/subscriptions';
import { decodeWatermark, encodeWatermark } from '../notifications/watermark';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { ownerOf, requireMailbox } from './common/mailbox-access';
import { booleanAttribute, enumValue, intValue, requireSchemaFor } from './common/schema-values';
import { startPush } from '../notifications/push';
import type { Subscription } from '../store/types';
import { atLeast } from '../profiles/versions';
import { DEFAULT_STREAMING, Operation, OperationContext } from './operation';

const KINDS = ['PullSubscriptionRequest', 'PushSubscriptionRequest', 'StreamingSubscriptionRequest'];

/**
 * Subscribe: pull subscriptions (read with GetEvents, answered with a SubscriptionId and the
 * Watermark to read from; a Watermark in the request resumes from there) and, from Exchange 2010
 * SP1, streaming ones (read with GetStreamingEvents) to a mailbox's changes, in some folders or
 * (SubscribeToAllFolders, Exchange 2010 on) all of them, and push ones (the mock posts
 * SendNotification requests to the subscriber's URL; notifications/push.ts).
 */
export const subscribe: Operation = {
  name: 'Subscribe',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const request = req.children.find((c) => c.ns === NS.m && KINDS.includes(c.local));
    if (!request) {
      throw incompleteContent(req, KINDS.join(', '), NS.m);
    }
    // Streaming subscriptions arrived with Exchange 2010 SP1.
    if (request.local === 'StreamingSubscriptionRequest') requireSchemaFor(ctx, request, 'Exchange2010_SP1');
    const kind = request.local === 'PullSubscriptionRequest' ? 'pull' : request.local === 'PushSubscriptionRequest' ? 'push' : 'streaming';
    const spec = readRequest(ctx, request, kind);
    const out = new ResponseMessages(ctx.body, 'Subscribe');
    await out.add((message) => {
      const folders = spec.folders?.map((f) => resolveFolderId(ctx, f));
      // Folders of another mailbox (delegate access) subscribe to that mailbox's events.
      const owners = new Set(folders?.map((f) => f.mailboxId));
      // One subscription watches one mailbox (handling notification-related errors, Microsoft's EWS docs).
      if (owners.size > 1) throw new ItemError('ErrorInvalidSubscriptionRequest', 'A subscription watches the folders of one mailbox; these belong to more than one.');
      const mailbox = folders && folders.length > 0 ? ownerOf(ctx, folders[0]) : requireMailbox(ctx);
      const folderIds = folders?.map((f) => f.id);
      let start = ctx.store.position;
      if (spec.watermark !== undefined) {
        const resumed = decodeWatermark(ctx.store, spec.watermark);
        if (resumed === undefined) throw new ItemError('ErrorInvalidWatermark');
        start = resumed;
      }
      const sub = addSubscription(ctx.store, mailbox, ctx.caller.smtp, { kind, folderIds, eventTypes: spec.eventTypes, timeoutMinutes: spec.timeout, position: start, url: spec.url });
      leaf(message, 'm:SubscriptionId', sub.id);
      // A streaming subscription has no watermark: its connection reports from now on.
      if (kind !== 'streaming') leaf(message, 'm:Watermark', encodeWatermark(start));
      if (kind === 'push') {
        const timing = ctx.streaming ?? DEFAULT_STREAMING;
        let unbind: (() => void) | undefined;
        const stop = startPush(ctx.store, ctx.profile, sub, spec.statusFrequency!, timing.minuteMs, () => unbind?.());
        unbind = ctx.bindToStore?.(stop);
      }
    });
  },
};

interface RequestSpec {
  /** Undefined for every folder (SubscribeToAllFolders). */
  folders?: XmlElement[];
  eventTypes: EventType[];
  watermark?: string;
  timeout: number;
  /** Push: minutes between status notifications, and where to post them. */
  statusFrequency?: number;
  url?: string;
}

/**
 * Reads a subscription request: folders (or SubscribeToAllFolders), EventTypes, and what its kind
 * adds — a pull one Timeout and Watermark, a push one StatusFrequency, URL and Watermark; schema
 * violations fail the request.
 */
function readRequest(ctx: OperationContext, el: XmlElement, kind: Subscription['kind']): RequestSpec {
  const hasAllFolders = el.attr('SubscribeToAllFolders') !== undefined;
  // The attribute arrived with Exchange 2010: unknown to an older server's schema, refused under an older RequestServerVersion.
  if (hasAllFolders && !atLeast(ctx.profile.newestSchema, 'Exchange2010')) throw schemaFault("The 'SubscribeToAllFolders' attribute is not declared.", el.line);
  if (hasAllFolders && !atLeast(ctx.version, 'Exchange2010')) throw new EwsFault('ErrorIncorrectSchemaVersion');
  const allFolders = hasAllFolders && booleanAttribute(el, 'SubscribeToAllFolders');
  const foldersEl = el.t('FolderIds');
  const folders = folderIdElements(foldersEl);
  if (!allFolders && folders.length === 0) throw incompleteContent(el, foldersEl ? 'FolderId, DistinguishedFolderId' : 'FolderIds', NS.t);
  const typesEl = el.t('EventTypes');
  const types = (typesEl?.children ?? []).filter((c) => c.ns === NS.t && c.local === 'EventType');
  if (types.length === 0) throw incompleteContent(typesEl ?? el, typesEl ? 'EventType' : 'EventTypes', NS.t);
  const eventTypes = types.map((t) => enumValue(t.text.trim(), EVENT_TYPES, 'NotificationEventTypeType', { el: t }));
  const base = { folders: allFolders ? undefined : folders, eventTypes, watermark: el.t('Watermark')?.text };
  if (kind === 'streaming') return { ...base, watermark: undefined, timeout: STREAMING_TIMEOUT_MINUTES };
  if (kind === 'push') {
    const frequencyEl = el.t('StatusFrequency');
    if (!frequencyEl) throw incompleteContent(el, 'StatusFrequency', NS.t);
    const statusFrequency = minutes(frequencyEl, 'SubscriptionStatusFrequencyType');
    const url = el.t('URL')?.text.trim();
    if (!url) throw incompleteContent(el, 'URL', NS.t);
    if (!/^https?:\/\/\S+$/i.test(url)) throw schemaFault(`The '${NS.t}:URL' element is invalid - The value '${url}' is not an http or https address.`, el.t('URL')!.line);
    // A push subscription lives as long as its listener answers (notifications/push.ts), each answer
    // renewing it: a StatusFrequency without one is as long as it can go unused.
    return { ...base, timeout: statusFrequency, statusFrequency, url };
  }
  const timeoutEl = el.t('Timeout');
  if (!timeoutEl) throw incompleteContent(el, 'Timeout', NS.t);
  return { ...base, timeout: minutes(timeoutEl, 'SubscriptionTimeoutType') };
}

/** A number of minutes from 1 to 1440 (a day), as SubscriptionTimeoutType and SubscriptionStatusFrequencyType allow. */
function minutes(el: XmlElement, type: string): number {
  const value = intValue(el, 1);
  if (value > 1440) {
    throw schemaFault(`The '${NS.t}:${el.local}' element is invalid - The value '${el.text.trim()}' is invalid according to its datatype '${NS.t}:${type}' - The MaxInclusive constraint failed.`, el.line);
  }
  return value;
}
