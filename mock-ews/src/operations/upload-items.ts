import { idElement, ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import type { Folder } from '../store/types';
import { resolveFolderId } from './common/folder-ids';
import { resolveItemId } from './common/item-ids';
import { ownerOf } from './common/mailbox-access';
import { booleanAttribute, enumValue } from './common/schema-values';
import { importData } from '../mime/export-data';
import type { Operation, OperationContext } from './operation';

const CREATE_ACTIONS = ['CreateNew', 'Update', 'UpdateOrCreate'] as const;
type CreateAction = (typeof CREATE_ACTIONS)[number];

interface Upload {
  action: CreateAction;
  associated: boolean;
  folder: XmlElement;
  itemId?: XmlElement;
  data: string;
}

/**
 * UploadItems (Exchange 2010 SP1 on): each t:Item's Data (from ExportItems) stored in its
 * ParentFolderId as a new item (CreateNew, which takes no ItemId), or written over the item its
 * ItemId names in that folder (Update: same id, a new ChangeKey; UpdateOrCreate creates when the
 * item is not in that folder). Data the mock did not
 * export, or changed on the way, is ErrorCorruptData for that item alone; a malformed request fails
 * whole before anything is stored.
 */
export const uploadItems: Operation = {
  name: 'UploadItems',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const req = ctx.request;
    const list = req.m('Items');
    if (!list) throw incompleteContent(req, 'Items', NS.m);
    const uploads = list.children.filter((c) => c.ns === NS.t && c.local === 'Item').map(readUpload);
    if (uploads.length === 0) throw incompleteContent(list, 'Item', NS.t);
    const out = new ResponseMessages(ctx.body, 'UploadItems');
    for (const u of uploads) await out.add(async (message) => idElement(message, 'm:ItemId', await upload(ctx, u)));
  },
};

function readUpload(item: XmlElement): Upload {
  const action = enumValue(item.attr('CreateAction'), CREATE_ACTIONS, 'CreateActionType', { el: item, attribute: 'CreateAction' });
  const associated = item.attr('IsAssociated') === undefined ? false : booleanAttribute(item, 'IsAssociated');
  // t:ParentFolderId is a FolderIdType here: the id is its own attribute, as exchangelib writes it.
  const folder = item.t('ParentFolderId');
  if (!folder) throw incompleteContent(item, 'ParentFolderId', NS.t);
  if (folder.attr('Id') === undefined) throw schemaFault("The required attribute 'Id' is missing.", folder.line);
  const data = item.t('Data');
  if (!data) throw incompleteContent(item, 'Data', NS.t);
  return { action, associated, folder, itemId: item.t('ItemId'), data: data.text };
}

async function upload(ctx: OperationContext, u: Upload) {
  // The store keeps no folder-associated items (FindItem's Associated traversal is empty too).
  if (u.associated) throw new ItemError('ErrorInvalidRequest', 'mock-ews does not emulate folder-associated items; upload with IsAssociated false.');
  if (u.action === 'Update' && !u.itemId) throw new ItemError('ErrorInvalidRequest', 'An upload with the CreateAction Update needs the ItemId of the item to overwrite.');
  if (u.action === 'CreateNew' && u.itemId) throw new ItemError('ErrorInvalidRequest', 'An upload with the CreateAction CreateNew cannot name an ItemId: the server assigns the new item its id.');
  const folder = resolveFolderId(ctx, u.folder);
  const mailbox = ownerOf(ctx, folder);
  const data = await importData(u.data);
  const existing = u.itemId ? findItem(ctx, u.itemId, u.action, folder) : undefined;
  if (existing) return ctx.store.replaceItem(ownerOf(ctx, existing), existing, data);
  return ctx.store.addItem(mailbox, folder, data);
}

/**
 * The item an Update overwrites: it must be in the upload's ParentFolderId (one elsewhere or gone
 * is ErrorItemNotFound). For UpdateOrCreate, not there means create.
 */
function findItem(ctx: OperationContext, idEl: XmlElement, action: CreateAction, folder: Folder) {
  try {
    const item = resolveItemId(ctx, idEl);
    if (item.folderId !== folder.id) throw new ItemError('ErrorItemNotFound');
    return item;
  } catch (err) {
    if (action === 'UpdateOrCreate' && err instanceof ItemError && err.code === 'ErrorItemNotFound') return undefined;
    throw err;
  }
}
