import { NS } from './namespaces';
import type { XmlElement } from './xml-element';
import { schemaFault } from './error-catalogue';

/**
 * The child elements each operation's request type declares in Exchange's messages.xsd (all in the
 * messages namespace). Exchange validates the whole request against its schema before running it,
 * so an element it does not declare fails the request with ErrorSchemaValidation and nothing runs;
 * without this check a handler would ignore the stranger and go ahead (a DeleteItem would delete).
 * Version-dependent children are still gated by profiles/elements.ts.
 */
export const REQUEST_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  GetFolder: ['FolderShape', 'FolderIds'],
  FindFolder: ['FolderShape', 'IndexedPageFolderView', 'FractionalPageFolderView', 'Restriction', 'ParentFolderIds'],
  CreateFolder: ['ParentFolderId', 'Folders'],
  UpdateFolder: ['FolderChanges'],
  MoveFolder: ['ToFolderId', 'FolderIds'],
  DeleteFolder: ['FolderIds'],
  EmptyFolder: ['FolderIds'],
  FindItem: [
    'ItemShape',
    'IndexedPageItemView',
    'FractionalPageItemView',
    'SeekToConditionPageItemView',
    'CalendarView',
    'ContactsView',
    'GroupBy',
    'DistinguishedGroupBy',
    'Restriction',
    'SortOrder',
    'ParentFolderIds',
    'QueryString',
  ],
  FindConversation: ['IndexedPageItemView', 'SeekToConditionPageItemView', 'SortOrder', 'ParentFolderId', 'MailboxScope', 'QueryString', 'ConversationShape'],
  ApplyConversationAction: ['ConversationActions'],
  GetConversationItems: ['ItemShape', 'FoldersToIgnore', 'MaxItemsToReturn', 'SortOrder', 'MailboxScope', 'Conversations'],
  CreateUserConfiguration: ['UserConfiguration'],
  GetUserConfiguration: ['UserConfigurationName', 'UserConfigurationProperties'],
  UpdateUserConfiguration: ['UserConfiguration'],
  DeleteUserConfiguration: ['UserConfigurationName'],
  GetInboxRules: ['MailboxSmtpAddress'],
  GetPasswordExpirationDate: ['MailboxSmtpAddress'],
  UpdateInboxRules: ['MailboxSmtpAddress', 'RemoveOutlookRuleBlob', 'Operations'],
  ExportItems: ['ItemIds'],
  UploadItems: ['Items'],
  GetItem: ['ItemShape', 'ItemIds'],
  GetAttachment: ['AttachmentShape', 'AttachmentIds'],
  CreateAttachment: ['ParentItemId', 'Attachments'],
  DeleteAttachment: ['AttachmentIds'],
  SyncFolderItems: ['ItemShape', 'SyncFolderId', 'SyncState', 'Ignore', 'MaxChangesReturned', 'SyncScope', 'NumberOfDays'],
  SyncFolderHierarchy: ['FolderShape', 'SyncFolderId', 'SyncState'],
  CreateItem: ['SavedItemFolderId', 'Items'],
  SendItem: ['ItemIds', 'SavedItemFolderId'],
  MarkAllItemsAsRead: ['ReadFlag', 'SuppressReadReceipts', 'FolderIds'],
  MarkAsJunk: ['ItemIds'],
  UpdateItem: ['SavedItemFolderId', 'ItemChanges'],
  DeleteItem: ['ItemIds'],
  MoveItem: ['ToFolderId', 'ItemIds', 'ReturnNewItemIds'],
  CopyItem: ['ToFolderId', 'ItemIds', 'ReturnNewItemIds'],
  ResolveNames: ['ParentFolderIds', 'UnresolvedEntry'],
  ConvertId: ['SourceIds'],
  GetMailTips: ['SendingAs', 'Recipients', 'MailTipsRequested'],
  ExpandDL: ['Mailbox'],
  Subscribe: ['PullSubscriptionRequest', 'PushSubscriptionRequest', 'StreamingSubscriptionRequest'],
  GetEvents: ['SubscriptionId', 'Watermark'],
  GetStreamingEvents: ['SubscriptionIds', 'ConnectionTimeout'],
  Unsubscribe: ['SubscriptionId'],
};

/** Refuses an operation element with a child its request type does not declare. */
export function checkRequestChildren(operation: XmlElement): void {
  const allowed = REQUEST_CHILDREN[operation.local];
  if (!allowed) return;
  for (const child of operation.children) {
    if (child.ns === NS.m && allowed.includes(child.local)) continue;
    throw schemaFault(
      `The element '${operation.local}' in namespace '${operation.ns}' has invalid child element '${child.local}' in namespace '${child.ns}'. ` +
        `List of possible elements expected: '${allowed.join(', ')}' in namespace '${NS.m}'.`,
      child.line,
      2,
    );
  }
}

/**
 * Checks the children of a schema type that is a sequence (`order`: its elements, all in `ns`):
 * each child must be one of them and come after the ones before it, as .NET's validation requires.
 * Checked before anything runs, so a misspelt or misplaced element never leaves half a request done.
 */
export function checkSequence(el: XmlElement, order: readonly string[], ns: string = NS.t): void {
  let at = 0;
  for (const child of el.children) {
    const index = child.ns === ns ? order.indexOf(child.local, at) : -1;
    if (index >= 0) {
      at = index + 1;
      continue;
    }
    const expected = order.slice(at);
    throw schemaFault(
      `The element '${el.local}' in namespace '${el.ns}' has invalid child element '${child.local}' in namespace '${child.ns}'.` +
        (expected.length > 0 ? ` List of possible elements expected: '${expected.join(', ')}' in namespace '${ns}'.` : ''),
      child.line,
    );
  }
}
