import { el, leaf, ResponseMessages, Xml } from '../soap/response-writer';
import { ERROR_CATALOGUE, EwsFault, ItemError, schemaFault } from '../soap/error-catalogue';
import { atLeast, SchemaVersion } from '../profiles/versions';
import { NS } from '../soap/namespaces';
import { folderIdElements, resolveFolderId } from './common/folder-ids';
import { actingAccount, DirectoryEntry, visibleDirectory, visibleLists } from './common/directory';
import type { DistributionList } from '../store/types';
import { booleanAttribute } from './common/schema-values';
import type { Operation, OperationContext } from './operation';

const SCOPES = ['ActiveDirectory', 'ActiveDirectoryContacts', 'Contacts', 'ContactsActiveDirectory'] as const;
const SHAPES = ['IdOnly', 'Default', 'AllProperties'];
const CONTACT_DATA_SHAPE_SINCE: SchemaVersion = 'Exchange2010_SP2';
/** Exchange returns at most this many candidates. */
const MAX_RESOLUTIONS = 100;

/**
 * ResolveNames: ambiguous name resolution against the directory the acting user may see (see
 * common/directory.ts): mailboxes, and distribution lists (MailboxType PublicDL). One match →
 * Success; several → Warning ErrorNameResolutionMultipleResults with every candidate; none → Error
 * ErrorNameResolutionNoResults. The store keeps no contact items, so contact folders add no candidates.
 */
export const resolveNames: Operation = {
  name: 'ResolveNames',
  since: 'Exchange2007',
  async handle(ctx) {
    const req = ctx.request;
    const full = booleanAttribute(req, 'ReturnFullContactData');
    const scope = req.attr('SearchScope') ?? 'ActiveDirectoryContacts';
    if (!(SCOPES as readonly string[]).includes(scope)) throw enumFault('SearchScope', scope, 'ResolveNameSearchLocationType', req.line);
    const shape = req.attr('ContactDataShape');
    if (shape !== undefined) {
      // The attribute arrived with Exchange 2010 SP2: older servers don't know it, newer ones refuse it to older requests.
      if (!atLeast(ctx.profile.newestSchema, CONTACT_DATA_SHAPE_SINCE)) throw schemaFault("The 'ContactDataShape' attribute is not declared.", req.line);
      if (!atLeast(ctx.version, CONTACT_DATA_SHAPE_SINCE)) throw new EwsFault('ErrorIncorrectSchemaVersion');
      if (!SHAPES.includes(shape)) throw enumFault('ContactDataShape', shape, 'DefaultShapeNamesType', req.line);
    }
    const entryEl = req.m('UnresolvedEntry');
    const entry = entryEl?.value;
    if (!entryEl || entry === undefined) {
      throw schemaFault(
        entryEl
          ? `The '${NS.m}:UnresolvedEntry' element is invalid - The value '' is invalid according to its datatype '${NS.t}:NonEmptyStringType' - The actual length is less than the MinLength value.`
          : `The element 'ResolveNames' in namespace '${NS.m}' has incomplete content. List of possible elements expected: 'UnresolvedEntry' in namespace '${NS.m}'.`,
        (entryEl ?? req).line,
      );
    }

    const out = new ResponseMessages(ctx.body, 'ResolveNames');
    await out.add((message) => {
      // Contact folders are still checked, so a bad ParentFolderIds id gets its own error.
      if (scope !== 'ActiveDirectory') for (const id of folderIdElements(req.m('ParentFolderIds'))) resolveFolderId(ctx, id);
      const found = scope === 'Contacts' ? [] : search(ctx, entry);
      if (found.length === 0) throw new ItemError('ErrorNameResolutionNoResults');
      if (found.length > 1) markWarning(message, 'ErrorNameResolutionMultipleResults');
      const shown = found.slice(0, MAX_RESOLUTIONS);
      const set = el(message, 'm:ResolutionSet', { TotalItemsInView: shown.length, IncludesLastItemInRange: shown.length === found.length });
      for (const e of shown) writeResolution(el(set, 't:Resolution'), e, full);
    });
  },
};

/** A candidate: a mailbox (with its owner) or a distribution list. */
type Candidate = { entry: DirectoryEntry; list?: undefined } | { list: DistributionList; entry?: undefined };

const nameOf = (c: Candidate) => (c.list ? c.list.displayName : c.entry.mailbox.displayName);
const smtpOf = (c: Candidate) => (c.list ? c.list.smtp : c.entry.mailbox.smtp);

/** Candidates for `entry`, sorted by display name. "SMTP:" matches the start of addresses only. */
function search(ctx: OperationContext, entry: string): Candidate[] {
  const actor = actingAccount(ctx.store, ctx.caller, ctx.mailbox, ctx.impersonating);
  const prefixed = /^smtp:/i.exec(entry);
  const q = (prefixed ? entry.slice(prefixed[0].length) : entry).trim().toLowerCase();
  if (q === '') return [];
  const candidates: Candidate[] = [
    ...visibleDirectory(ctx.store, actor).map((e) => ({ entry: e })),
    ...visibleLists(ctx.store, actor).map((list) => ({ list })),
  ];
  const matches = candidates.filter((c) => {
    const smtp = smtpOf(c).toLowerCase();
    if (prefixed) return smtp.startsWith(q);
    const name = nameOf(c).toLowerCase();
    const account = c.entry?.account;
    return (
      smtp === q ||
      smtp.split('@')[0].startsWith(q) ||
      name.startsWith(q) ||
      name.split(/\s+/).some((w) => w.startsWith(q)) ||
      account?.upn.toLowerCase() === q ||
      account?.logonName.toLowerCase() === q
    );
  });
  return matches.sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || smtpOf(a).localeCompare(smtpOf(b)));
}

/**
 * A mailbox resolves with its owner's name split into given name and surname and the department; a
 * public distribution list (MailboxType PublicDL) as a directory contact of name and address only.
 */
function writeResolution(resolution: Xml, candidate: Candidate, full: boolean): void {
  const name = nameOf(candidate);
  const smtp = smtpOf(candidate);
  const box = el(resolution, 't:Mailbox');
  leaf(box, 't:Name', name);
  leaf(box, 't:EmailAddress', smtp);
  leaf(box, 't:RoutingType', 'SMTP');
  leaf(box, 't:MailboxType', candidate.list ? 'PublicDL' : 'Mailbox');
  if (!full) return;
  // Elements in ContactItemType schema order.
  const contact = el(resolution, 't:Contact');
  const words = candidate.list ? [] : name.trim().split(/\s+/);
  leaf(contact, 't:DisplayName', name);
  if (words.length > 1) leaf(contact, 't:GivenName', words[0]);
  el(el(contact, 't:EmailAddresses'), 't:Entry', { Key: 'EmailAddress1' }).txt(`SMTP:${smtp}`);
  leaf(contact, 't:ContactSource', 'ActiveDirectory');
  leaf(contact, 't:Department', candidate.entry?.account?.department);
  if (words.length > 1) leaf(contact, 't:Surname', words.slice(1).join(' '));
}

/** Turns the Success message `out.add` started into a Warning carrying `code`. */
function markWarning(message: Xml, code: 'ErrorNameResolutionMultipleResults'): void {
  message.clear().att('ResponseClass', 'Warning');
  leaf(message, 'm:MessageText', ERROR_CATALOGUE[code].message);
  leaf(message, 'm:ResponseCode', code);
  leaf(message, 'm:DescriptiveLinkKey', 0);
}

function enumFault(attribute: string, value: string, type: string, line: number) {
  return schemaFault(`The '${attribute}' attribute is invalid - The value '${value}' is invalid according to its datatype '${NS.t}:${type}' - The Enumeration constraint failed.`, line);
}
