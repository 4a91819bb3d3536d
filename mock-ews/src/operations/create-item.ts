import { composeAttachment } from './common/new-message';
import { el, ResponseMessages, idElement } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { Mailbox, MessageData } from '../store/types';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { ownerOf, requireMailbox, sendingIdentity } from './common/mailbox-access';
import { MessageInput, readMessage } from './common/message-fields';
import { definedOnly, newMessage } from './common/new-message';
import { attachmentElementName } from './common/attached-messages';
import { enumValue } from './common/schema-values';
import { asSentBy, bouncedOriginal, deliver, requireRecipients } from './common/deliver';
import { itemOfId } from './common/item-ids';
import { composeResponse, readResponseObject, RESPONSE_OBJECTS } from './common/response-objects';
import type { Operation } from './operation';

const DISPOSITIONS = ['SaveOnly', 'SendOnly', 'SendAndSaveCopy'] as const;
type Disposition = (typeof DISPOSITIONS)[number];

const MSGFLAG_READ = 0x1;
const MSGFLAG_UNSENT = 0x8;

/**
 * CreateItem for messages and for replies and forwards of a stored message (t:ReplyToItem,
 * t:ReplyAllToItem, t:ForwardItem; common/response-objects.ts): SaveOnly stores the message (Drafts
 * unless SavedItemFolderId says otherwise) and answers its new ItemId; SendOnly / SendAndSaveCopy
 * deliver it to recipients who have a mailbox here and, for SendAndSaveCopy, keep a copy in Sent
 * Items. Sends answer no ids.
 */
export const createItem: Operation = {
  name: 'CreateItem',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const rawDisposition = req.attr('MessageDisposition');
    const disposition = rawDisposition === undefined ? undefined : enumValue(rawDisposition, DISPOSITIONS, 'MessageDispositionType', { el: req, attribute: 'MessageDisposition' });
    const savedFolderEl = folderIdElements(req.m('SavedItemFolderId'))[0];
    const itemsEl = req.m('Items');
    if (!itemsEl) throw incompleteContent({ local: 'CreateItem', ns: NS.m, line: req.line }, 'Items', NS.m);
    // Parsed up front: a schema violation in any item fails the request before anything is stored.
    const inputs = itemsEl.children
      .filter((c) => c.ns === NS.t)
      .map((itemEl) => ({
        itemEl,
        input: itemEl.local === 'Message' ? readMessage(itemEl) : undefined,
        response: (RESPONSE_OBJECTS as readonly string[]).includes(itemEl.local) ? readResponseObject(itemEl) : undefined,
      }));
    const out = new ResponseMessages(ctx.body, 'CreateItem');
    for (const { itemEl, input, response } of inputs) {
      await out.add(async (message) => {
        // Only e-mail messages live in this store; calendar items, contacts and tasks are refused.
        if (!input && !response) throw new ItemError('ErrorInvalidRequest', `Items of type ${itemEl.local} are not supported by this server.`);
        if (!disposition) throw new ItemError('ErrorMessageDispositionRequired');
        // Saved into another mailbox's folder (delegate access), the message is that mailbox's.
        const saveFolder = disposition === 'SaveOnly' && savedFolderEl ? resolveFolderId(ctx, savedFolderEl) : undefined;
        const mailbox = saveFolder ? ownerOf(ctx, saveFolder) : requireMailbox(ctx);
        const now = new Date();
        // Attachments a response object adds (files, or messages composed into MIME) join the forwarded ones.
        const added = response ? await Promise.all((response.fields.attachments ?? []).map((a) => composeAttachment(mailbox, a, now))) : [];
        const data = response ? composeResponse(mailbox, itemOfId(ctx, response.referenceId), response, now, added) : await messageData(mailbox, input!, disposition);
        // A response object saved is a draft; sent, deliver() marks it sent.
        if (response) data.isDraft = disposition === 'SaveOnly';
        const items = el(message, 'm:Items');
        if (disposition === 'SaveOnly') {
          const folder = saveFolder ?? ctx.store.distinguishedFolder(mailbox, 'drafts');
          const item = ctx.store.addItem(mailbox, folder, data);
          const saved = el(items, 't:Message');
          idElement(saved, 't:ItemId', item);
          // The ids of attachments given inline, in request order: clients match them to their own
          // attachments by position, and would otherwise add them again with CreateAttachment.
          if (item.attachments.length > 0) {
            const list = el(saved, 't:Attachments');
            for (const a of item.attachments) el(el(list, attachmentElementName(a)), 't:AttachmentId', { Id: a.id });
          }
          return;
        }
        requireRecipients(data);
        const who = sendingIdentity(ctx, mailbox, data.from);
        const outgoing = asSentBy(data, who);
        // Before the folder is resolved: composing the report's attachment waits.
        const bounced = await bouncedOriginal(ctx.store, outgoing);
        const saveIn = disposition === 'SendAndSaveCopy' ? (savedFolderEl ? resolveFolderId(ctx, savedFolderEl) : ctx.store.distinguishedFolder(mailbox, 'sentitems')) : undefined;
        deliver(ctx.store, who.envelope, outgoing, saveIn, bounced);
      });
    }
  },
};

/** The stored form of a new message, with what its disposition and flags make of it. */
async function messageData(mailbox: Mailbox, input: MessageInput, disposition: Disposition): Promise<MessageData> {
  const f = input.fields;
  const data = await newMessage(mailbox, input, new Date());
  // A saved message is a draft unless the client clears "unsent" in PR_MESSAGE_FLAGS, as importers do.
  data.isDraft = disposition === 'SaveOnly' && (input.messageFlags === undefined || (input.messageFlags & MSGFLAG_UNSENT) !== 0);
  // Something the mailbox owner writes is read, unless the flags or IsRead say otherwise.
  if (f.isRead === undefined) data.isRead = input.messageFlags !== undefined ? (input.messageFlags & MSGFLAG_READ) !== 0 : true;
  // Fields written next to MimeContent change the stored message; its raw MIME no longer matches then.
  if (input.mime && Object.keys(definedOnly(f)).some((k) => k !== 'isRead')) data.rawMime = undefined;
  return data;
}
