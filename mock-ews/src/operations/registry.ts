import type { Operation } from './operation';
import { createItem } from './create-item';
import { updateItem } from './update-item';
import { deleteItem } from './delete-item';
import { moveItem } from './move-item';
import { copyItem } from './copy-item';
import { syncFolderItems } from './sync-folder-items';
import { syncFolderHierarchy } from './sync-folder-hierarchy';
import { findFolder } from './find-folder';
import { createFolder } from './create-folder';
import { updateFolder } from './update-folder';
import { moveFolder } from './move-folder';
import { copyFolder } from './copy-folder';
import { deleteFolder } from './delete-folder';
import { emptyFolder } from './empty-folder';
import { getFolder } from './get-folder';
import { findItem } from './find-item';
import { findConversation } from './find-conversation';
import { applyConversationAction } from './apply-conversation-action';
import { getConversationItems } from './get-conversation-items';
import { exportItems } from './export-items';
import { uploadItems } from './upload-items';
import { createUserConfiguration } from './create-user-configuration';
import { getUserConfiguration } from './get-user-configuration';
import { updateUserConfiguration } from './update-user-configuration';
import { deleteUserConfiguration } from './delete-user-configuration';
import { getInboxRules } from './get-inbox-rules';
import { updateInboxRules } from './update-inbox-rules';
import { getPasswordExpirationDate } from './get-password-expiration-date';
import { getItem } from './get-item';
import { getAttachment } from './get-attachment';
import { createAttachment } from './create-attachment';
import { deleteAttachment } from './delete-attachment';
import { sendItem } from './send-item';
import { markAllItemsAsRead } from './mark-all-items-as-read';
import { markAsJunk } from './mark-as-junk';
import { resolveNames } from './resolve-names';
import { convertId } from './convert-id';
import { subscribe } from './subscribe';
import { getEvents } from './get-events';
import { getStreamingEvents } from './get-streaming-events';
import { unsubscribe } from './unsubscribe';
import { expandDl } from './expand-dl';
import { getMailTips } from './get-mail-tips';
import { getUserOofSettings } from './get-user-oof-settings';
import { setUserOofSettings } from './set-user-oof-settings';

/**
 * Every EWS operation the mock serves, keyed by the local name of its request element. Adding an
 * operation means adding one module and one line here.
 */
const operations: Operation[] = [
  getFolder,
  findFolder,
  createFolder,
  updateFolder,
  moveFolder,
  copyFolder,
  deleteFolder,
  emptyFolder,
  resolveNames,
  getUserOofSettings,
  getMailTips,
  expandDl,
  setUserOofSettings,
  convertId,
  subscribe,
  getEvents,
  getStreamingEvents,
  unsubscribe,
  findItem,
  findConversation,
  applyConversationAction,
  getConversationItems,
  exportItems,
  uploadItems,
  createUserConfiguration,
  getUserConfiguration,
  updateUserConfiguration,
  deleteUserConfiguration,
  getInboxRules,
  updateInboxRules,
  getPasswordExpirationDate,
  getItem,
  getAttachment,
  createAttachment,
  deleteAttachment,
  syncFolderItems,
  syncFolderHierarchy,
  createItem,
  sendItem,
  markAllItemsAsRead,
  markAsJunk,
  updateItem,
  deleteItem,
  moveItem,
  copyItem,
];

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(operations.map((op) => [op.name, op]));
