import { textToHtmlFragment } from './common/body-text';
import { el, leaf, ResponseMessages, idElement } from '../soap/response-writer';
import { ownerOf, sendingIdentity } from './common/mailbox-access';
import { EwsFault, incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { atLeast } from '../profiles/versions';
import type { MessageData } from '../store/types';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { resolveItemId, versionOfChangeKey } from './common/item-ids';
import { readProperty, WritableFields } from './common/message-fields';
import { enumValue } from './common/schema-values';
import { asSentBy, bouncedStoredOriginal, requireRecipients, sendStored } from './common/deliver';
import { checkExtendedFieldUri, extendedKey, extendedUpdate, readExtendedProperty } from './common/extended-properties';
import type { Operation } from './operation';

const RESOLUTIONS = ['NeverOverwrite', 'AutoResolve', 'AlwaysOverwrite'] as const;
const DISPOSITIONS = ['SaveOnly', 'SendOnly', 'SendAndSaveCopy'] as const;

type Patch = Partial<Pick<MessageData, 'isRead' | 'categories' | 'subject' | 'importance' | 'body' | 'to' | 'cc' | 'bcc' | 'extended' | 'itemClass' | 'replyTo' | 'from' | 'inReplyTo' | 'references'>>;
type PatchKey = keyof Patch;

/** FieldURIs UpdateItem can change, the element that carries each, and what a delete leaves. */
const WRITABLE: Record<string, { element: string; key: PatchKey; appendable: boolean; cleared?: Patch }> = {
  'message:IsRead': { element: 'IsRead', key: 'isRead', appendable: false },
  'item:ItemClass': { element: 'ItemClass', key: 'itemClass', appendable: false },
  'item:Subject': { element: 'Subject', key: 'subject', appendable: false, cleared: { subject: '' } },
  'item:Importance': { element: 'Importance', key: 'importance', appendable: false, cleared: { importance: 'Normal' } },
  'item:Categories': { element: 'Categories', key: 'categories', appendable: false, cleared: { categories: [] } },
  'item:Body': { element: 'Body', key: 'body', appendable: true, cleared: { body: {} } },
  'message:ToRecipients': { element: 'ToRecipients', key: 'to', appendable: true, cleared: { to: [] } },
  'message:CcRecipients': { element: 'CcRecipients', key: 'cc', appendable: true, cleared: { cc: [] } },
  'message:BccRecipients': { element: 'BccRecipients', key: 'bcc', appendable: true, cleared: { bcc: [] } },
  'message:ReplyTo': { element: 'ReplyTo', key: 'replyTo', appendable: true, cleared: { replyTo: [] } },
  'message:From': { element: 'From', key: 'from', appendable: false, cleared: { from: undefined } },
  'item:InReplyTo': { element: 'InReplyTo', key: 'inReplyTo', appendable: false, cleared: { inReplyTo: undefined } },
  'message:References': { element: 'References', key: 'references', appendable: false, cleared: { references: undefined } },
};

/**
 * Properties of a message a client may set or delete that the store does not keep (flags,
 * reminders, receipt requests): accepted, as Exchange accepts them, and not stored — exchangelib's
 * save() of a draft sets several of them whatever changed. Reading them back gives their defaults.
 */
const ACCEPTED_NOT_KEPT = new Set([
  'item:Sensitivity', 'item:ReminderIsSet', 'item:ReminderMinutesBeforeStart', 'item:ReminderDueBy', 'item:Culture',
  'message:IsResponseRequested', 'message:IsReadReceiptRequested', 'message:IsDeliveryReceiptRequested',
]);

/**
 * UpdateItem: SetItemField / AppendToItemField / DeleteItemField on a message's read flag,
 * subject, importance, categories, body and recipients. A ChangeKey older than the item's is a
 * conflict: NeverOverwrite refuses it (ErrorIrresolvableConflict); AutoResolve and AlwaysOverwrite
 * apply the update and count the properties someone else changed since (ConflictResults).
 */
export const updateItem: Operation = {
  name: 'UpdateItem',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const resolution = enumValue(req.attr('ConflictResolution'), RESOLUTIONS, 'ConflictResolutionType', { el: req, attribute: 'ConflictResolution' });
    const rawDisposition = req.attr('MessageDisposition');
    const disposition = rawDisposition === undefined ? undefined : enumValue(rawDisposition, DISPOSITIONS, 'MessageDispositionType', { el: req, attribute: 'MessageDisposition' });
    const savedFolderEl = folderIdElements(req.m('SavedItemFolderId'))[0];
    const changes = req.m('ItemChanges')?.all('ItemChange') ?? [];
    if (changes.length === 0) throw incompleteContent(req, 'ItemChanges', NS.m);
    // Schema checks first, for every change: a malformed request changes nothing.
    const parsed = changes.map((change) => {
      const idEl = change.children.find((c) => c.ns === NS.t && /ItemId$/.test(c.local));
      if (!idEl) throw incompleteContent(change, 'ItemId', NS.t);
      try {
        readUpdates(change.t('Updates'), EMPTY);
      } catch (err) {
        if (!(err instanceof ItemError)) throw err;
      }
      return { idEl, updates: change.t('Updates') };
    });
    const out = new ResponseMessages(ctx.body, 'UpdateItem');
    for (const { idEl, updates } of parsed) {
      await out.add(async (message) => {
        const item = resolveItemId(ctx, idEl);
        if (!disposition) throw new ItemError('ErrorMessageDispositionRequired');
        const mailbox = ownerOf(ctx, item);
        const patch = readUpdates(updates, item.data);
        // Checked before anything changes: a refused send leaves the draft as it was.
        const who = disposition === 'SaveOnly' ? undefined : sendingIdentity(ctx, mailbox, item.data.from);
        const clientVersion = versionOfChangeKey(item, idEl.attr('ChangeKey'));
        const stale = clientVersion < item.version;
        if (stale && resolution === 'NeverOverwrite') throw new ItemError('ErrorIrresolvableConflict');
        const conflicts = stale ? (Object.keys(patch) as PatchKey[]).filter((k) => (item.fieldVersions?.[k] ?? 0) > clientVersion).length : 0;
        const outgoing = who && asSentBy({ ...item.data, ...patch }, who);
        // Refused before anything changes: an update that leaves nobody to send to saves nothing either.
        if (outgoing) requireRecipients(outgoing);
        // A non-delivery report attaches the message as updated; composing it waits, so before anything changes.
        const bounced = outgoing ? await bouncedStoredOriginal(ctx.store, mailbox, item, outgoing) : undefined;
        // Where a sent copy goes is resolved first too: a folder that is not there saves nothing.
        const saveIn = who && disposition === 'SendAndSaveCopy' ? (savedFolderEl ? resolveFolderId(ctx, savedFolderEl) : ctx.store.distinguishedFolder(mailbox, 'sentitems')) : undefined;
        if (Object.keys(patch).length > 0) ctx.store.updateItem(mailbox, item, patch);
        const items = el(message, 'm:Items');
        if (who) {
          // Sending an updated draft: deliver it, keep a copy if asked, and remove the draft.
          sendStored(ctx.store, mailbox, item, who, saveIn, bounced);
        } else {
          idElement(el(items, 't:Message'), 't:ItemId', item);
        }
        // ConflictResults appeared in Exchange 2007 SP1.
        if (atLeast(ctx.version, 'Exchange2007_SP1')) leaf(el(message, 'm:ConflictResults'), 't:Count', conflicts);
      });
    }
  },
};

type Appendable = Pick<MessageData, 'body' | 'to' | 'cc' | 'bcc' | 'extended'>;
const EMPTY: Appendable = { body: {}, to: [], cc: [], bcc: [] };

/**
 * Reads t:Updates into one patch, so that all of an ItemChange applies together or not at all.
 * Appends extend `current`, the item's present values.
 */
function readUpdates(updates: XmlElement | undefined, current: Appendable): Patch {
  const patch: Patch = {};
  for (const u of updates?.children ?? []) {
    if (u.ns !== NS.t) continue;
    const path = u.children.find((c) => c.ns === NS.t && /FieldURI$/.test(c.local));
    if (!path) throw incompleteContent(u, 'Path', NS.t);
    if (path.local === 'ExtendedFieldURI') {
      Object.assign(patch, updateExtended(u, path, patch.extended ?? current.extended));
      continue;
    }
    const uri = path.local === 'FieldURI' ? path.attr('FieldURI') ?? '' : '';
    if (ACCEPTED_NOT_KEPT.has(uri) && u.local !== 'AppendToItemField') continue;
    const field = WRITABLE[uri];
    if (u.local === 'DeleteItemField') {
      if (!field?.cleared) throw new ItemError('ErrorInvalidPropertyDelete');
      Object.assign(patch, field.cleared);
      continue;
    }
    if (u.local !== 'SetItemField' && u.local !== 'AppendToItemField') throw invalidUpdate(u);
    const append = u.local === 'AppendToItemField';
    if (!field) throw new ItemError(append ? 'ErrorInvalidPropertyAppend' : 'ErrorInvalidPropertySet');
    if (append && !field.appendable) throw new ItemError('ErrorInvalidPropertyAppend');
    const prop = updatedProperty(u, path);
    if (prop.local !== field.element) throw new ItemError('ErrorUpdatePropertyMismatch');
    const value: WritableFields = {};
    readProperty(prop, value);
    const next = value[field.key as keyof WritableFields];
    if (!append) {
      Object.assign(patch, { [field.key]: next });
    } else if (field.key === 'body') {
      patch.body = appendBody(patch.body ?? current.body, next as MessageData['body']);
    } else {
      const key = field.key as 'to' | 'cc' | 'bcc';
      patch[key] = [...(patch[key] ?? current[key]), ...(next as MessageData['to'])];
    }
  }
  return patch;
}

/**
 * A SetItemField or DeleteItemField on a property named by ExtendedFieldURI: what it changes, the
 * message field a derived property stands for (Keywords: the categories) or the item's own extended
 * properties. Other derived properties (message flags, size…) cannot be set this way.
 */
function updateExtended(u: XmlElement, path: XmlElement, current: MessageData['extended']): Patch {
  checkExtendedFieldUri(path);
  if (u.local === 'AppendToItemField') throw new ItemError('ErrorInvalidPropertyAppend');
  if (u.local !== 'SetItemField' && u.local !== 'DeleteItemField') throw invalidUpdate(u);
  let value: string | readonly string[] | undefined;
  if (u.local === 'SetItemField') {
    const prop = updatedProperty(u, path);
    const read = prop.local === 'ExtendedProperty' ? readExtendedProperty(prop) : undefined;
    if (!read || read.key !== extendedKey(path)) throw new ItemError('ErrorUpdatePropertyMismatch');
    value = read.value;
  }
  const change = extendedUpdate(path, value, current);
  if (!change) throw new ItemError(u.local === 'DeleteItemField' ? 'ErrorInvalidPropertyDelete' : 'ErrorInvalidPropertySet');
  return change as Patch;
}

/** The one property element a SetItemField or AppendToItemField carries in its item. */
function updatedProperty(u: XmlElement, path: XmlElement): XmlElement {
  const holder = u.children.find((c) => c.ns === NS.t && c !== path);
  const props = (holder?.children ?? []).filter((c) => c.ns === NS.t);
  if (props.length !== 1) throw new ItemError('ErrorIncorrectUpdatePropertyCount');
  return props[0];
}

/** An element in t:Updates that is none of SetItemField, AppendToItemField, DeleteItemField. */
function invalidUpdate(u: XmlElement): EwsFault {
  return schemaFault(`The element 'Updates' in namespace '${NS.t}' has invalid child element ${u.qname}.`, u.line);
}

/**
 * AppendToItemField of the body: the addition joins the body in the body's own type — text added
 * to an HTML body is escaped into it, HTML added to a text body turns the text into HTML first —
 * so neither the old body nor the new part is lost or read as the wrong type.
 */
function appendBody(body: MessageData['body'], add: MessageData['body']): MessageData['body'] {
  if (body.html !== undefined) return { html: body.html + (add.html ?? textToHtmlFragment(add.text ?? '')) };
  if (add.html !== undefined) return { html: (body.text ? textToHtmlFragment(body.text) : '') + add.html };
  return { text: (body.text ?? '') + (add.text ?? '') };
}
