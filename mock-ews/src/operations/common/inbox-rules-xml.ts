import { el, idElement, leaf, Xml } from '../../soap/response-writer';
import { incompleteContent, ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Importance, Item, Mailbox } from '../../store/types';
import type { InboxRule, RuleActions, RulePredicates } from '../../store/inbox-rules';
import type { OperationContext } from '../operation';
import { folderIdElements, resolveFolderId } from './folder-ids';
import { resolveItemId } from './item-ids';
import { booleanValue, dateTimeValue, enumValue, ewsDate, intValue } from './schema-values';

/** One entry of a RuleOperationError's ValidationErrors. */
export interface RuleValidationError {
  fieldUri: string;
  code: string;
  message: string;
  value?: string;
}

const IMPORTANCES = ['Low', 'Normal', 'High'] as const;
/** Exchange's limits on a rule's name and its string values (longer is StringValueTooBig). */
const MAX_NAME = 256;
const MAX_STRING = 255;
const MAX_ITEM_CLASS = 128;
/** The class of the messages a ServerReplyWithMessage action answers with. */
export const REPLY_TEMPLATE_CLASS = 'IPM.Note.Rules.ReplyTemplate.Microsoft';
const isReplyTemplate = (item: Item) => item.data.itemClass.toLowerCase() === REPLY_TEMPLATE_CLASS.toLowerCase();

type ValueKind = 'strings' | 'addresses' | 'boolean' | 'importance' | 'sensitivity' | 'dateRange' | 'sizeRange';

/** Predicates the mock evaluates, by element in schema order, with how each is read. */
const PREDICATES: Record<string, { key: keyof RulePredicates; kind: ValueKind }> = {
  Categories: { key: 'categories', kind: 'strings' },
  ContainsBodyStrings: { key: 'containsBodyStrings', kind: 'strings' },
  ContainsHeaderStrings: { key: 'containsHeaderStrings', kind: 'strings' },
  ContainsRecipientStrings: { key: 'containsRecipientStrings', kind: 'strings' },
  ContainsSenderStrings: { key: 'containsSenderStrings', kind: 'strings' },
  ContainsSubjectOrBodyStrings: { key: 'containsSubjectOrBodyStrings', kind: 'strings' },
  ContainsSubjectStrings: { key: 'containsSubjectStrings', kind: 'strings' },
  FromAddresses: { key: 'fromAddresses', kind: 'addresses' },
  HasAttachments: { key: 'hasAttachments', kind: 'boolean' },
  Importance: { key: 'importance', kind: 'importance' },
  IsApprovalRequest: { key: 'isApprovalRequest', kind: 'boolean' },
  IsAutomaticForward: { key: 'isAutomaticForward', kind: 'boolean' },
  IsAutomaticReply: { key: 'isAutomaticReply', kind: 'boolean' },
  IsEncrypted: { key: 'isEncrypted', kind: 'boolean' },
  IsMeetingRequest: { key: 'isMeetingRequest', kind: 'boolean' },
  IsMeetingResponse: { key: 'isMeetingResponse', kind: 'boolean' },
  IsNDR: { key: 'isNDR', kind: 'boolean' },
  IsPermissionControlled: { key: 'isPermissionControlled', kind: 'boolean' },
  IsReadReceipt: { key: 'isReadReceipt', kind: 'boolean' },
  IsSigned: { key: 'isSigned', kind: 'boolean' },
  IsVoicemail: { key: 'isVoicemail', kind: 'boolean' },
  ItemClasses: { key: 'itemClasses', kind: 'strings' },
  NotSentToMe: { key: 'notSentToMe', kind: 'boolean' },
  SentCcMe: { key: 'sentCcMe', kind: 'boolean' },
  SentOnlyToMe: { key: 'sentOnlyToMe', kind: 'boolean' },
  SentToAddresses: { key: 'sentToAddresses', kind: 'addresses' },
  SentToMe: { key: 'sentToMe', kind: 'boolean' },
  SentToOrCcMe: { key: 'sentToOrCcMe', kind: 'boolean' },
  Sensitivity: { key: 'sensitivity', kind: 'sensitivity' },
  WithinDateRange: { key: 'withinDateRange', kind: 'dateRange' },
  WithinSizeRange: { key: 'withinSizeRange', kind: 'sizeRange' },
};
/** RulePredicatesType's other elements: valid, but not something the mock evaluates. */
const UNSUPPORTED_PREDICATES = new Set(['FlaggedForAction', 'FromConnectedAccounts', 'MessageClassifications']);
const SENSITIVITIES = ['Normal', 'Personal', 'Private', 'Confidential'] as const;

const ACTIONS: Record<string, { key: keyof RuleActions; kind: ValueKind | 'folder' | 'item' }> = {
  AssignCategories: { key: 'assignCategories', kind: 'strings' },
  CopyToFolder: { key: 'copyToFolder', kind: 'folder' },
  Delete: { key: 'delete', kind: 'boolean' },
  ForwardToRecipients: { key: 'forwardToRecipients', kind: 'addresses' },
  MarkImportance: { key: 'markImportance', kind: 'importance' },
  MarkAsRead: { key: 'markAsRead', kind: 'boolean' },
  MoveToFolder: { key: 'moveToFolder', kind: 'folder' },
  PermanentDelete: { key: 'permanentDelete', kind: 'boolean' },
  RedirectToRecipients: { key: 'redirectToRecipients', kind: 'addresses' },
  ServerReplyWithMessage: { key: 'serverReplyWithMessage', kind: 'item' },
  StopProcessingRules: { key: 'stopProcessingRules', kind: 'boolean' },
};
const UNSUPPORTED_ACTIONS = new Set(['ForwardAsAttachmentToRecipients', 'SendSMSAlertToRecipients']);

/** A t:Rule of a request: the rule, or what is wrong with it. Schema violations are faults thrown at once. */
export function readRule(ctx: OperationContext, mailbox: Mailbox, r: XmlElement): { rule: Omit<InboxRule, 'id'> & { id?: string }; errors: RuleValidationError[] } {
  const errors: RuleValidationError[] = [];
  const name = r.t('DisplayName');
  if (!name) throw incompleteContent(r, 'DisplayName', NS.t);
  const priorityEl = r.t('Priority');
  if (!priorityEl) throw incompleteContent(r, 'Priority', NS.t);
  const enabledEl = r.t('IsEnabled');
  if (!enabledEl) throw incompleteContent(r, 'IsEnabled', NS.t);
  // Priority is an xs:int in the schema: one below 1 is Exchange's validation error, not a schema fault.
  const priority = intValue(priorityEl, Number.MIN_SAFE_INTEGER);
  if (priority < 1) errors.push({ fieldUri: 'Priority', code: 'InvalidValue', message: 'The priority must be 1 or more.', value: String(priority) });
  if (name.text.trim() === '') errors.push({ fieldUri: 'DisplayName', code: 'EmptyValueFound', message: 'The rule needs a name.' });
  else if (name.text.length > MAX_NAME) errors.push({ fieldUri: 'DisplayName', code: 'StringValueTooBig', message: `A rule's name holds at most ${MAX_NAME} characters.` });
  const conditions = readPredicates(r.t('Conditions'), 'Condition', errors);
  const exceptions = readPredicates(r.t('Exceptions'), 'Exception', errors);
  const actions: RuleActions = {};
  for (const c of r.t('Actions')?.children.filter((x) => x.ns === NS.t) ?? []) {
    const spec = ACTIONS[c.local];
    const field = `Action:${c.local}`;
    if (!spec) {
      if (!UNSUPPORTED_ACTIONS.has(c.local)) throw invalidChild('Actions', c);
      errors.push({ fieldUri: field, code: 'UnsupportedRule', message: `mock-ews does not emulate the rule action ${c.local}.` });
      continue;
    }
    if (spec.kind === 'folder' || spec.kind === 'item') {
      // A folder or message of this mailbox, named by id; one that is not there is a validation error.
      const folder = spec.kind === 'folder';
      const idEl = folder ? folderIdElements(c)[0] : c.t('ItemId');
      if (!idEl) throw incompleteContent(c, folder ? 'FolderId' : 'ItemId', NS.t);
      try {
        const target = folder ? resolveFolderId(ctx, idEl) : resolveItemId(ctx, idEl);
        if (target.mailboxId !== mailbox.id) throw new ItemError('ErrorItemNotFound');
        // Exchange answers with a reply template (a message of the template class), not any message.
        if (!folder && !isReplyTemplate(target as Item)) {
          errors.push({ fieldUri: field, code: 'InvalidValue', message: `The message is not a reply template (item class ${REPLY_TEMPLATE_CLASS}).`, value: idEl.attr('Id') });
          continue;
        }
        Object.assign(actions, { [spec.key]: target.id });
      } catch (err) {
        if (!(err instanceof ItemError)) throw err;
        errors.push(
          folder
            ? { fieldUri: field, code: 'FolderDoesNotExist', message: 'The folder does not exist in the mailbox.', value: idEl.attr('Id') }
            : { fieldUri: field, code: 'InvalidValue', message: 'The reply template is not a message of the mailbox.', value: idEl.attr('Id') },
        );
      }
      continue;
    }
    const value = readValue(c, spec.kind, field, errors);
    if (value !== undefined) Object.assign(actions, { [spec.key]: value });
  }
  if (Object.values(actions).every((v) => v === undefined || v === false) && !errors.some((e) => e.fieldUri.startsWith('Action:'))) {
    errors.push({ fieldUri: 'Actions', code: 'MissingAction', message: 'A rule needs at least one action.' });
  }
  const id = r.t('RuleId')?.text.trim();
  return { rule: { id, displayName: name.text, priority, enabled: booleanValue(enabledEl), conditions, exceptions, actions }, errors };
}

function readPredicates(container: XmlElement | undefined, prefix: 'Condition' | 'Exception', errors: RuleValidationError[]): RulePredicates {
  const out: RulePredicates = {};
  for (const c of container?.children.filter((x) => x.ns === NS.t) ?? []) {
    const spec = PREDICATES[c.local];
    const field = `${prefix}:${c.local}`;
    if (!spec) {
      if (!UNSUPPORTED_PREDICATES.has(c.local)) throw invalidChild(prefix === 'Condition' ? 'Conditions' : 'Exceptions', c);
      errors.push({ fieldUri: field, code: 'UnsupportedRule', message: `mock-ews does not emulate the rule ${prefix.toLowerCase()} ${c.local}.` });
      continue;
    }
    const value = readValue(c, spec.kind, field, errors);
    // A flag set to false asks for nothing, as Exchange reads it: the rule does not test it, nor answers it.
    if (value !== undefined && value !== false) Object.assign(out, { [spec.key]: value });
  }
  return out;
}

type RuleValue = string[] | boolean | string | RulePredicates['withinDateRange'] | RulePredicates['withinSizeRange'];

function readValue(c: XmlElement, kind: ValueKind, field: string, errors: RuleValidationError[]): RuleValue | undefined {
  const fail = (code: string, message: string, value?: string) => {
    errors.push({ fieldUri: field, code, message, value });
    return undefined;
  };
  switch (kind) {
    case 'boolean':
      return booleanValue(c);
    case 'importance':
      return enumValue(c.text.trim(), IMPORTANCES, 'ImportanceChoicesType', { el: c });
    case 'sensitivity':
      return enumValue(c.text.trim(), SENSITIVITIES, 'SensitivityChoicesType', { el: c });
    case 'dateRange': {
      const start = c.t('StartDateTime');
      const end = c.t('EndDateTime');
      if (!start && !end) return fail('MissingRangeValue', 'A date range needs a start or an end.');
      const range = { start: start && ewsDate(dateTimeValue(start)), end: end && ewsDate(dateTimeValue(end)) };
      if (range.start && range.end && range.start > range.end) return fail('InvalidDateRange', 'The range ends before it starts.', `${range.start} – ${range.end}`);
      return { ...(range.start ? { start: range.start } : {}), ...(range.end ? { end: range.end } : {}) };
    }
    case 'sizeRange': {
      const minEl = c.t('MinimumSize');
      const maxEl = c.t('MaximumSize');
      if (!minEl && !maxEl) return fail('MissingRangeValue', 'A size range needs a minimum or a maximum.');
      const read = (e: XmlElement | undefined) => (e ? intValue(e, Number.MIN_SAFE_INTEGER) : undefined);
      const [minimum, maximum] = [read(minEl), read(maxEl)];
      if ((minimum ?? 0) < 0 || (maximum ?? 0) < 0) return fail('SizeLessThanZero', 'A size cannot be less than zero.');
      if (minimum !== undefined && maximum !== undefined && minimum > maximum) return fail('InvalidSizeRange', 'The minimum size is larger than the maximum.', `${minimum} – ${maximum}`);
      return { ...(minimum !== undefined ? { minimum } : {}), ...(maximum !== undefined ? { maximum } : {}) };
    }
    case 'strings': {
      const values = c.children.filter((x) => x.ns === NS.t && x.local === 'String').map((x) => x.text);
      if (values.length === 0 || values.some((v) => v.trim() === '')) return fail('EmptyValueFound', 'An empty value was found.');
      const max = field.endsWith(':ItemClasses') ? MAX_ITEM_CLASS : MAX_STRING;
      const long = values.find((v) => v.length > max);
      if (long !== undefined) return fail('StringValueTooBig', `A value holds at most ${max} characters.`, long.slice(0, 40) + '…');
      return values;
    }
    case 'addresses': {
      const values = c.children.filter((x) => x.ns === NS.t && x.local === 'Address').map((x) => x.t('EmailAddress')?.text.trim() ?? '');
      if (values.length === 0) return fail('EmptyValueFound', 'An empty value was found.');
      const bad = values.find((v) => !/^[^@\s]+@[^@\s]+$/.test(v));
      if (bad !== undefined) return fail('InvalidAddress', 'The address is not valid.', bad);
      return values;
    }
  }
}

function invalidChild(parent: string, c: XmlElement) {
  return schemaFault(`The element '${parent}' in namespace '${NS.t}' has invalid child element '${c.local}' in namespace '${c.ns}'.`, c.line);
}

/** A t:Rule as GetInboxRules answers it, elements in schema order; empty condition sets left out. */
export function writeRule(parent: Xml, ctx: OperationContext, mailbox: Mailbox, rule: InboxRule): void {
  const r = el(parent, 't:Rule');
  leaf(r, 't:RuleId', rule.id);
  leaf(r, 't:DisplayName', rule.displayName);
  leaf(r, 't:Priority', rule.priority);
  leaf(r, 't:IsEnabled', rule.enabled);
  // A rule whose folder or reply template is gone cannot do all it says: Exchange marks it in error.
  const a = rule.actions;
  const broken = [a.moveToFolder, a.copyToFolder].some((id) => id !== undefined && !mailbox.folders.has(id)) || (a.serverReplyWithMessage !== undefined && !mailbox.items.has(a.serverReplyWithMessage));
  if (broken) leaf(r, 't:IsInError', true);
  writePredicates(r, 't:Conditions', rule.conditions, ctx);
  writePredicates(r, 't:Exceptions', rule.exceptions, ctx);
  const actions = el(r, 't:Actions');
  for (const [element, spec] of Object.entries(ACTIONS)) {
    const value = rule.actions[spec.key];
    if (value === undefined || value === false) continue;
    if (spec.kind === 'folder') {
      const folder = mailbox.folders.get(value as string);
      if (folder) idElement(el(actions, `t:${element}`), 't:FolderId', folder);
    } else if (spec.kind === 'item') {
      const item = mailbox.items.get(value as string);
      if (item) idElement(el(actions, `t:${element}`), 't:ItemId', item);
    } else writeValue(actions, element, spec.kind, value as RuleValue, ctx);
  }
}

function writePredicates(parent: Xml, name: string, p: RulePredicates, ctx: OperationContext): void {
  const entries = Object.entries(PREDICATES).filter(([, spec]) => p[spec.key] !== undefined);
  if (entries.length === 0) return;
  const container = el(parent, name);
  for (const [element, spec] of entries) writeValue(container, element, spec.kind, p[spec.key] as RuleValue, ctx);
}

function writeValue(parent: Xml, element: string, kind: string, value: RuleValue, ctx: OperationContext): void {
  if (kind === 'boolean' || kind === 'importance' || kind === 'sensitivity') {
    leaf(parent, `t:${element}`, value as boolean | string);
    return;
  }
  if (kind === 'dateRange' || kind === 'sizeRange') {
    const range = el(parent, `t:${element}`);
    const r = value as { start?: string; end?: string; minimum?: number; maximum?: number };
    if (kind === 'dateRange') {
      leaf(range, 't:StartDateTime', r.start);
      leaf(range, 't:EndDateTime', r.end);
    } else {
      leaf(range, 't:MinimumSize', r.minimum);
      leaf(range, 't:MaximumSize', r.maximum);
    }
    return;
  }
  const list = el(parent, `t:${element}`);
  for (const v of value as string[]) {
    if (kind === 'strings') {
      leaf(list, 't:String', v);
      continue;
    }
    const a = el(list, 't:Address');
    const known = ctx.store.mailbox(v);
    leaf(a, 't:Name', known?.displayName ?? v);
    leaf(a, 't:EmailAddress', v);
    leaf(a, 't:RoutingType', 'SMTP');
    leaf(a, 't:MailboxType', known ? 'Mailbox' : 'OneOff');
  }
}
