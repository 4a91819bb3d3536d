import { ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { checkSequence } from '../soap/request-children';
import type { Folder, Mailbox } from '../store/types';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { ownerOf, requireMailbox } from './common/mailbox-access';
import { conversationItems } from './common/conversations';
import { disposeItem } from './common/dispose-item';
import { booleanValue, dateTimeValue, DISPOSAL_TYPES, enumValue } from './common/schema-values';
import type { Operation, OperationContext } from './operation';

/** ConversationActionTypeType. */
const ACTIONS = ['AlwaysCategorize', 'AlwaysDelete', 'AlwaysMove', 'Delete', 'Move', 'Copy', 'SetReadState', 'SetRetentionPolicy', 'Flag'] as const;
type Action = (typeof ACTIONS)[number];
/** ConversationActionType's elements, in its sequence's order. */
const ACTION_ELEMENTS = [
  'Action', 'ConversationId', 'ContextFolderId', 'ConversationLastSyncTime', 'ProcessRightAway', 'DestinationFolderId', 'Categories',
  'EnableAlwaysDelete', 'IsRead', 'DeleteType', 'RetentionPolicyType', 'RetentionPolicyTagId', 'Flag', 'SuppressReadReceipts',
] as const;
/** What the mock does; the standing "always" rules, retention policies and flags it does not keep. */
const EMULATED: ReadonlySet<Action> = new Set(['Delete', 'Move', 'Copy', 'SetReadState']);

/**
 * ApplyConversationAction (Exchange 2010 SP1 on): each t:ConversationAction moves, copies, deletes
 * or marks read or unread the messages of one conversation — those in ContextFolderId, or without
 * one those in every message folder of the mailbox — received no later than ConversationLastSyncTime
 * when given (so a message the client has not yet seen is left alone). One response message per
 * action, in request order; a malformed action fails the whole request before any runs.
 */
export const applyConversationAction: Operation = {
  name: 'ApplyConversationAction',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const req = ctx.request;
    const list = req.m('ConversationActions');
    if (!list) throw incompleteContent(req, 'ConversationActions', NS.m);
    const actions = list.children.filter((c) => c.ns === NS.t && c.local === 'ConversationAction');
    if (actions.length === 0) throw incompleteContent(list, 'ConversationAction', NS.t);
    const parsed = actions.map(readAction);
    const out = new ResponseMessages(ctx.body, 'ApplyConversationAction');
    for (const action of parsed) await out.add(() => apply(ctx, action));
  },
};

interface ConversationAction {
  action: Action;
  conversationId: string;
  context?: XmlElement;
  destination?: XmlElement;
  lastSync?: Date;
  deleteType?: (typeof DISPOSAL_TYPES)[number];
  isRead?: boolean;
}

/** Schema checks of one action: known elements in order, the required ones, and the values of those given. */
function readAction(a: XmlElement): ConversationAction {
  checkSequence(a, ACTION_ELEMENTS);
  const actionEl = a.t('Action');
  if (!actionEl) throw incompleteContent(a, 'Action', NS.t);
  const action = enumValue(actionEl.text.trim(), ACTIONS, 'ConversationActionTypeType', { el: actionEl });
  const idEl = a.t('ConversationId');
  if (!idEl) throw incompleteContent(a, 'ConversationId', NS.t);
  const conversationId = idEl.attr('Id');
  if (conversationId === undefined) throw incompleteContent(idEl, 'Id', NS.t);
  const deleteEl = a.t('DeleteType');
  const readEl = a.t('IsRead');
  const syncEl = a.t('ConversationLastSyncTime');
  return {
    action,
    conversationId,
    context: folderIdElements(a.t('ContextFolderId'))[0],
    destination: folderIdElements(a.t('DestinationFolderId'))[0],
    lastSync: syncEl ? dateTimeValue(syncEl) : undefined,
    deleteType: deleteEl ? enumValue(deleteEl.text.trim(), DISPOSAL_TYPES, 'DisposalType', { el: deleteEl }) : undefined,
    isRead: readEl ? booleanValue(readEl) : undefined,
  };
}

function apply(ctx: OperationContext, a: ConversationAction): void {
  if (!EMULATED.has(a.action)) throw new ItemError('ErrorInvalidRequest', `mock-ews does not emulate the conversation action ${a.action}; it moves, copies, deletes and marks read.`);
  const context = a.context ? resolveFolderId(ctx, a.context) : undefined;
  const mailbox = context ? ownerOf(ctx, context) : requireMailbox(ctx);
  const target = destinationOf(ctx, a, mailbox);
  // ConversationLastSyncTime is written in whole seconds: a message of that second counts as seen.
  const seen = (received: Date) => !a.lastSync || Math.floor(received.getTime() / 1000) * 1000 <= a.lastSync.getTime();
  const items = conversationItems(ctx.store, mailbox, a.conversationId, context).filter((i) => seen(i.data.dateTimeReceived));
  for (const item of items) {
    switch (a.action) {
      case 'Move':
        if (item.folderId !== target!.id) ctx.store.moveItem(mailbox, item, target!);
        break;
      case 'Copy':
        ctx.store.copyItem(mailbox, item, target!);
        break;
      case 'Delete':
        disposeItem(ctx.store, mailbox, item, a.deleteType!);
        break;
      case 'SetReadState':
        if (item.data.isRead !== a.isRead) ctx.store.updateItem(mailbox, item, { isRead: a.isRead! });
        break;
    }
  }
}

/** The folder a move or copy goes to (in the same mailbox); what each action needs, or ErrorInvalidRequest. */
function destinationOf(ctx: OperationContext, a: ConversationAction, mailbox: Mailbox): Folder | undefined {
  if (a.action === 'Delete' && !a.deleteType) throw new ItemError('ErrorInvalidRequest', 'A Delete conversation action needs a DeleteType.');
  if (a.action === 'SetReadState' && a.isRead === undefined) throw new ItemError('ErrorInvalidRequest', 'A SetReadState conversation action needs IsRead.');
  if (a.action !== 'Move' && a.action !== 'Copy') return undefined;
  if (!a.destination) throw new ItemError('ErrorInvalidRequest', `A ${a.action} conversation action needs a DestinationFolderId.`);
  const target = resolveFolderId(ctx, a.destination);
  if (ownerOf(ctx, target) !== mailbox) throw new ItemError('ErrorInvalidRequest', 'A conversation moves and copies within its own mailbox.');
  return target;
}
