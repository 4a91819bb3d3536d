import { leaf, ResponseMessages } from '../soap/response-writer';
import { EwsFault, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { EVENT_TYPES } from '../notifications/events';
import { subscribe as addSubscription, STREAMING_TIMEOUT_MINUTES } from '../notifications/subscriptions';
import { decodeWatermark, encodeWatermark } from '../notifications/watermark';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { requireMailbox } from './common/mailbox-access';
import { booleanAttribute, enumValue, intValue, requireSchemaFor } from './common/schema-values';
import { atLeast } from '../profiles/versions';
import type { Operation, OperationContext } from './operation';

const KINDS = ['PullSubscriptionRequest', 'PushSubscriptionRequest', 'StreamingSubscriptionRequest'];

/**
 * Subscribe: pull subscriptions (read with GetEvents, answered with a SubscriptionId and the
 * Watermark to read from; a Watermark in the request resumes from there) and, from Exchange 2010
 * SP1, streaming ones (read with GetStreamingEvents) to a mailbox's changes, in some folders or
 * (SubscribeToAllFolders, Exchange 2010 on) all of them. Push subscriptions are not served.
 */
export const subscribe: Operation = {
  name: 'Subscribe',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const request = req.children.find((c) => c.ns === NS.m && KINDS.includes(c.local));
    if (!request) {
      throw schemaFault(`The element 'Subscribe' in namespace '${NS.m}' has incomplete content. List of possible elements expected: '${KINDS.join(', ')}' in namespace '${NS.m}'.`, req.line);
    }
    // Streaming subscriptions arrived with Exchange 2010 SP1.
    if (request.local === 'StreamingSubscriptionRequest') requireSchemaFor(ctx, request, 'Exchange2010_SP1');
    const spec = request.local === 'PushSubscriptionRequest' ? undefined : readRequest(ctx, request, request.local === 'PullSubscriptionRequest');
    const out = new ResponseMessages(ctx.body, 'Subscribe');
    await out.add((message) => {
      if (!spec) throw new ItemError('ErrorInvalidRequest', 'Push subscriptions are not supported by this server.');
      const mailbox = requireMailbox(ctx);
      const folderIds = spec.folders?.map((f) => resolveFolderId(ctx, f).id);
      if (!spec.pull) {
        const sub = addSubscription(ctx.store, mailbox, ctx.caller.smtp, { kind: 'streaming', folderIds, eventTypes: spec.eventTypes, timeoutMinutes: STREAMING_TIMEOUT_MINUTES, position: ctx.store.position });
        leaf(message, 'm:SubscriptionId', sub.id);
        return;
      }
      let start = ctx.store.position;
      if (spec.watermark !== undefined) {
        const resumed = decodeWatermark(ctx.store, spec.watermark);
        if (resumed === undefined) throw new ItemError('ErrorInvalidWatermark');
        start = resumed;
      }
      const sub = addSubscription(ctx.store, mailbox, ctx.caller.smtp, { kind: 'pull', folderIds, eventTypes: spec.eventTypes, timeoutMinutes: spec.timeout });
      leaf(message, 'm:SubscriptionId', sub.id);
      leaf(message, 'm:Watermark', encodeWatermark(start));
    });
  },
};

/** Reads a Pull- or StreamingSubscriptionRequest (only a pull one has Timeout and Watermark); schema violations fail the request. */
function readRequest(ctx: OperationContext, el: XmlElement, pull: boolean) {
  const hasAllFolders = el.attr('SubscribeToAllFolders') !== undefined;
  // The attribute arrived with Exchange 2010: unknown to an older server's schema, refused under an older RequestServerVersion.
  if (hasAllFolders && !atLeast(ctx.profile.newestSchema, 'Exchange2010')) throw schemaFault("The 'SubscribeToAllFolders' attribute is not declared.", el.line);
  if (hasAllFolders && !atLeast(ctx.version, 'Exchange2010')) throw new EwsFault('ErrorIncorrectSchemaVersion');
  const allFolders = hasAllFolders && booleanAttribute(el, 'SubscribeToAllFolders');
  const foldersEl = el.t('FolderIds');
  const folders = folderIdElements(foldersEl);
  if (!allFolders && folders.length === 0) throw incomplete(el, foldersEl ? 'FolderId, DistinguishedFolderId' : 'FolderIds');
  const typesEl = el.t('EventTypes');
  const types = (typesEl?.children ?? []).filter((c) => c.ns === NS.t && c.local === 'EventType');
  if (types.length === 0) throw incomplete(typesEl ?? el, typesEl ? 'EventType' : 'EventTypes');
  const eventTypes = types.map((t) => enumValue(t.text.trim(), EVENT_TYPES, 'NotificationEventTypeType', { el: t }));
  const folderSpec = allFolders ? undefined : folders;
  if (!pull) return { pull, folders: folderSpec, eventTypes, timeout: STREAMING_TIMEOUT_MINUTES, watermark: undefined };
  const timeoutEl = el.t('Timeout');
  if (!timeoutEl) throw incomplete(el, 'Timeout');
  const timeout = intValue(timeoutEl, 1);
  if (timeout > 1440) {
    throw schemaFault(`The '${NS.t}:Timeout' element is invalid - The value '${timeoutEl.text.trim()}' is invalid according to its datatype '${NS.t}:SubscriptionTimeoutType' - The MaxInclusive constraint failed.`, timeoutEl.line);
  }
  return { pull, folders: folderSpec, eventTypes, timeout, watermark: el.t('Watermark')?.text };
}

function incomplete(el: XmlElement, expected: string) {
  return schemaFault(`The element '${el.local}' in namespace '${el.ns}' has incomplete content. List of possible elements expected: '${expected}' in namespace '${NS.t}'.`, el.line);
}
