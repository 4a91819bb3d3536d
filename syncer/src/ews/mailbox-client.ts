import {
  Attachment,
  BasePropertySet,
  BodyType,
  ChangeType,
  DateTime,
  EmailMessage,
  EmailMessageSchema,
  FileAttachment,
  FindItemsResults,
  Item,
  Folder,
  FolderId,
  FolderSchema,
  FolderTraversal,
  FolderView,
  ItemId,
  ItemSchema,
  ItemView,
  OffsetBasePoint,
  PropertyDefinitionBase,
  PropertySet,
  SearchFilter,
  ServiceResult,
  ServiceError,
  SyncFolderItemsScope,
  WellKnownFolderName,
} from 'ews-javascript-api';
import type { FolderInput, FolderType } from '../db/storage';
import type { ExchangeGeneration } from '../settings/versions';
import { connect, ConnectionParams, EwsConnection } from './client';
import { EwsFailure, isTransientCode } from './errors';
import { mapMessage, RawMessage } from './mapping';
import { DEFAULT_RETRY, RetryPolicy, withRetry } from './retry';

export interface ItemSyncPage {
  /** Items created or changed (read flag included) since the state. */
  changed: string[];
  deleted: string[];
  syncState: string;
  more: boolean;
}

export interface FetchedItems {
  messages: RawMessage[];
  failed: { itemId: string; error: string }[];
}

/**
 * Per-item answers that are not about the item fail the whole call: "not now" (a store failing
 * over, throttling) so that it is retried, and access denied; if they persist the mailbox fails.
 * Skipping those items, as an item that is gone is skipped, would count the mailbox synced with
 * mail missing.
 */
function refuseMailboxWide<T extends { Responses: { Result: ServiceResult; ErrorCode: ServiceError; ErrorMessage?: string }[] }>(responses: T): T {
  const failed = responses.Responses.filter((r) => r.Result !== ServiceResult.Success);
  const passing = failed.filter((r) => isTransientCode(ServiceError[r.ErrorCode]));
  const denied = failed.filter((r) => r.ErrorCode === ServiceError.ErrorAccessDenied);
  const first = passing[0] ?? denied[0];
  if (!first) return responses;
  const code = ServiceError[first.ErrorCode];
  const n = passing.length > 0 ? passing.length : denied.length;
  throw new EwsFailure('ews', `${code}: ${first.ErrorMessage || 'no message'} (${n} of ${responses.Responses.length} items)`, code, 200, undefined, passing.length > 0);
}

/** Folder classes that hold mail; calendars or contacts filed under Inbox are not synced. */
const isMailFolder = (folderClass: string | undefined) => !folderClass || /^IPF\.Note(\.|$)/i.test(folderClass);

/** The EWS calls the syncer makes for one impersonated mailbox, each retried on throttling. */
export class MailboxClient {
  readonly connection: EwsConnection;

  constructor(
    readonly params: ConnectionParams,
    readonly mailbox: string,
    readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.connection = connect(params, mailbox);
  }

  private get generation(): ExchangeGeneration {
    return this.params.generation;
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    // A guard beyond the HTTP timeout: a client promise that never settles must not hold a mailbox forever.
    const limitMs = 2 * (this.params.timeoutMs ?? 60_000);
    const bounded = () => {
      let timer: NodeJS.Timeout | undefined;
      const expiry = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EwsFailure('timeout', `no answer within ${limitMs / 1000} s`)), limitMs);
      });
      return Promise.race([fn(), expiry]).finally(() => clearTimeout(timer));
    };
    return withRetry(bounded, this.connection.transport, this.retry);
  }

  /**
   * Inbox and Sent Items with all their subfolders, typed and with full names (Parent/Child): a
   * GetFolder for each of the two, then one Deep FindFolder of the whole tree, kept to their subtrees.
   */
  async folders(): Promise<FolderInput[]> {
    const props = new PropertySet(BasePropertySet.IdOnly, [FolderSchema.DisplayName, FolderSchema.ParentFolderId, FolderSchema.FolderClass]);
    const service = this.connection.service;
    const inbox = await this.call(() => Folder.Bind(service, WellKnownFolderName.Inbox, props));
    const sent = await this.call(() => Folder.Bind(service, WellKnownFolderName.SentItems, props));
    const found: { id: string; parent: string; name: string }[] = [];
    for (let offset = 0; ; ) {
      const view = new FolderView(1000, offset, OffsetBasePoint.Beginning);
      view.PropertySet = props;
      view.Traversal = FolderTraversal.Deep;
      const page = await this.call(() => service.FindFolders(WellKnownFolderName.MsgFolderRoot, view));
      for (const f of page.Folders) {
        if (isMailFolder(f.FolderClass)) found.push({ id: f.Id.UniqueId, parent: f.ParentFolderId.UniqueId, name: f.DisplayName });
      }
      if (!page.MoreAvailable || page.Folders.length === 0) break;
      offset = page.NextPageOffset ?? offset + page.Folders.length;
    }
    const tops = new Map<string, { name: string; type: FolderType; childType: FolderType }>([
      [inbox.Id.UniqueId, { name: inbox.DisplayName, type: 'inbox', childType: 'other' }],
      [sent.Id.UniqueId, { name: sent.DisplayName, type: 'sent', childType: 'sent' }],
    ]);
    const byId = new Map(found.map((f) => [f.id, f]));
    // Walks up to Inbox or Sent Items; undefined for folders elsewhere (Drafts, Deleted Items, …)
    // and for folders under a skipped non-mail folder.
    const place = (id: string, depth = 0): { path: string; type: FolderType } | undefined => {
      const top = tops.get(id);
      if (top) return { path: top.name, type: top.childType };
      const f = byId.get(id);
      if (!f || depth > 64) return undefined;
      const parent = place(f.parent, depth + 1);
      return parent && { path: `${parent.path}/${f.name}`, type: parent.type };
    };
    const out: FolderInput[] = [...tops].map(([ewsId, t]) => ({ ewsId, parentEwsId: null, displayName: t.name, fullName: t.name, type: t.type }));
    for (const f of found) {
      if (tops.has(f.id)) continue;
      const where = place(f.id);
      if (where) out.push({ ewsId: f.id, parentEwsId: f.parent, displayName: f.name, fullName: where.path, type: where.type });
    }
    return out;
  }

  /** One page of SyncFolderItems changes since `syncState` ('' for the first sync). */
  async syncItems(folderEwsId: string, syncState: string, maxChanges = 512): Promise<ItemSyncPage> {
    const changes = await this.call(() =>
      this.connection.service.SyncFolderItems(
        new FolderId(folderEwsId),
        new PropertySet(BasePropertySet.IdOnly),
        null as unknown as ItemId[],
        maxChanges,
        SyncFolderItemsScope.NormalItems,
        syncState || (null as unknown as string),
      ),
    );
    const page: ItemSyncPage = { changed: [], deleted: [], syncState: changes.SyncState, more: changes.MoreChangesAvailable };
    for (const c of changes.GetEnumerator()) {
      const id = c.ItemId?.UniqueId;
      if (!id) continue;
      if (c.ChangeType === ChangeType.Delete) page.deleted.push(id);
      else page.changed.push(id);
    }
    return page;
  }

  /**
   * One FindItem page (IdOnly, IndexedPageItemView of `pageSize` from `offset`), filtered to items
   * received (or sent) on or after `since`: a Restriction on 2007, an AQS query on newer versions.
   */
  async findItemIds(folderEwsId: string, since: Date | undefined, field: 'received' | 'sent', offset: number, pageSize = 100): Promise<{ ids: string[]; more: boolean }> {
    const view = new ItemView(pageSize, offset, OffsetBasePoint.Beginning);
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly);
    const folderId = new FolderId(folderEwsId);
    const service = this.connection.service;
    let call: () => Promise<FindItemsResults<Item>>;
    if (!since) call = () => service.FindItems(folderId, view);
    else if (this.generation.hasAqs) {
      // AQS dates have day granularity; already stored items are skipped before GetItem.
      const query = `${field}:>=${since.toISOString().slice(0, 10)}`;
      call = () => service.FindItems(folderId, query, view);
    } else {
      const prop = field === 'sent' ? ItemSchema.DateTimeSent : ItemSchema.DateTimeReceived;
      const filter = new SearchFilter.IsGreaterThanOrEqualTo(prop, new DateTime(since.getTime()));
      call = () => service.FindItems(folderId, filter, view);
    }
    const page = await this.call(call);
    return { ids: page.Items.map((i) => i.Id.UniqueId), more: page.MoreAvailable };
  }

  /** GetItem for up to 100 ids with the properties the syncer stores; per-item errors are reported, not thrown. */
  async getItems(ids: string[], withBody: boolean): Promise<FetchedItems> {
    const props: PropertyDefinitionBase[] = [
      EmailMessageSchema.From,
      EmailMessageSchema.ToRecipients,
      EmailMessageSchema.CcRecipients,
      EmailMessageSchema.BccRecipients,
      ItemSchema.Subject,
      ItemSchema.DateTimeSent,
      ItemSchema.DateTimeReceived,
      ItemSchema.DateTimeCreated,
      ItemSchema.Importance,
      EmailMessageSchema.InternetMessageId,
      EmailMessageSchema.IsRead,
      ItemSchema.HasAttachments,
    ];
    if (this.generation.hasConversationId) props.push(ItemSchema.ConversationId);
    if (withBody) props.push(ItemSchema.Body, ItemSchema.Attachments);
    const set = new PropertySet(BasePropertySet.IdOnly, props);
    const responses = await this.call(() => this.connection.service.BindToItems(ids.map((id) => new ItemId(id)), set).then(refuseMailboxWide));
    const out: FetchedItems = { messages: [], failed: [] };
    responses.Responses.forEach((r, i) => {
      if (r.Result !== ServiceResult.Success || !r.Item) {
        out.failed.push({ itemId: ids[i], error: `${ServiceError[r.ErrorCode] ?? r.ErrorCode}: ${r.ErrorMessage ?? ''}` });
        return;
      }
      try {
        out.messages.push(mapMessage(r.Item as EmailMessage, this.generation, withBody));
      } catch (err) {
        out.failed.push({ itemId: ids[i], error: (err instanceof Error ? err.message : String(err)).split('\n')[0] });
      }
    });
    return out;
  }

  /** Which of these ItemIds still exist; a moved item's old id no longer does. */
  async existingItemIds(ids: string[]): Promise<Set<string>> {
    const alive = new Set<string>();
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const responses = await this.call(() =>
        this.connection.service.BindToItems(chunk.map((id) => new ItemId(id)), new PropertySet(BasePropertySet.IdOnly)).then(refuseMailboxWide),
      );
      responses.Responses.forEach((r, j) => {
        if (r.Result === ServiceResult.Success) alive.add(chunk[j]);
        else if (r.ErrorCode !== ServiceError.ErrorItemNotFound && r.ErrorCode !== ServiceError.ErrorInvalidIdMalformed) {
          throw new EwsFailure('ews', `checking item ${chunk[j]}: ${ServiceError[r.ErrorCode]}`, ServiceError[r.ErrorCode]);
        }
      });
    }
    return alive;
  }

  /** GetAttachment for file attachments; returns base64 content by attachment id. */
  async attachmentContents(ids: string[]): Promise<AttachmentDownloads> {
    const out: AttachmentDownloads = { contents: new Map(), failures: new Map() };
    if (ids.length === 0) return out;
    const responses = await this.call(() => this.connection.service.GetAttachments(ids, null as unknown as BodyType, []).then(refuseMailboxWide));
    // Responses come in request order, one per id.
    responses.Responses.forEach((r, i) => {
      const a = r.Attachment as Attachment | undefined;
      if (r.Result === ServiceResult.Success && a instanceof FileAttachment && a.Base64Content) {
        out.contents.set(ids[i], Buffer.from(a.Base64Content, 'base64'));
      } else if (r.Result !== ServiceResult.Success) {
        // Transient and access errors failed the whole call above; what is left is about this attachment.
        out.failures.set(ids[i], `${ServiceError[r.ErrorCode]}: ${r.ErrorMessage || 'no message'}`);
      } else {
        out.failures.set(ids[i], 'the server sent no file content');
      }
    });
    return out;
  }
}

/** What GetAttachment gave for each requested id: the content, or why there is none. */
export interface AttachmentDownloads {
  contents: Map<string, Buffer>;
  failures: Map<string, string>;
}
