import { el, idElement, leaf, Xml } from '../../soap/response-writer';
import { incompleteContent, ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Importance, Mailbox } from '../../store/types';
import type { InboxRule, RuleActions, RulePredicates } from '../../store/inbox-rules';
import type { OperationContext } from '../operation';
import { folderIdElements, resolveFolderId } from './folder-ids';
import { booleanValue, enumValue, intValue } from './schema-values';

/** One entry of a RuleOperationError's ValidationErrors. */
export interface RuleValidationError {
  fieldUri: string;
  code: string;
  message: string;
  value?: string;
}

const IMPORTANCES = ['Low', 'Normal', 'High'] as const;

/** Predicates the mock evaluates, by element, with how each is read. */
const PREDICATES: Record<string, { key: keyof RulePredicates; kind: 'strings' | 'addresses' | 'boolean' | 'importance' }> = {
  ContainsBodyStrings: { key: 'containsBodyStrings', kind: 'strings' },
  ContainsSenderStrings: { key: 'containsSenderStrings', kind: 'strings' },
  ContainsSubjectOrBodyStrings: { key: 'containsSubjectOrBodyStrings', kind: 'strings' },
  ContainsSubjectStrings: { key: 'containsSubjectStrings', kind: 'strings' },
  FromAddresses: { key: 'fromAddresses', kind: 'addresses' },
  HasAttachments: { key: 'hasAttachments', kind: 'boolean' },
  Importance: { key: 'importance', kind: 'importance' },
  NotSentToMe: { key: 'notSentToMe', kind: 'boolean' },
  SentCcMe: { key: 'sentCcMe', kind: 'boolean' },
  SentOnlyToMe: { key: 'sentOnlyToMe', kind: 'boolean' },
  SentToAddresses: { key: 'sentToAddresses', kind: 'addresses' },
  SentToMe: { key: 'sentToMe', kind: 'boolean' },
};
/** RulePredicatesType's other elements: valid, but not something the mock evaluates. */
const UNSUPPORTED_PREDICATES = new Set([
  'Categories', 'ContainsHeaderStrings', 'ContainsRecipientStrings', 'FlaggedForAction', 'FromConnectedAccounts', 'IsApprovalRequest',
  'IsAutomaticForward', 'IsAutomaticReply', 'IsEncrypted', 'IsMeetingRequest', 'IsMeetingResponse', 'IsNDR', 'IsPermissionControlled',
  'IsReadReceipt', 'IsSigned', 'IsVoicemail', 'ItemClasses', 'MessageClassifications', 'SentToOrCcMe', 'Sensitivity', 'WithinDateRange', 'WithinSizeRange',
]);

const ACTIONS: Record<string, { key: keyof RuleActions; kind: 'strings' | 'addresses' | 'boolean' | 'importance' | 'folder' }> = {
  AssignCategories: { key: 'assignCategories', kind: 'strings' },
  CopyToFolder: { key: 'copyToFolder', kind: 'folder' },
  Delete: { key: 'delete', kind: 'boolean' },
  ForwardToRecipients: { key: 'forwardToRecipients', kind: 'addresses' },
  MarkImportance: { key: 'markImportance', kind: 'importance' },
  MarkAsRead: { key: 'markAsRead', kind: 'boolean' },
  MoveToFolder: { key: 'moveToFolder', kind: 'folder' },
  PermanentDelete: { key: 'permanentDelete', kind: 'boolean' },
  RedirectToRecipients: { key: 'redirectToRecipients', kind: 'addresses' },
  StopProcessingRules: { key: 'stopProcessingRules', kind: 'boolean' },
};
const UNSUPPORTED_ACTIONS = new Set(['ForwardAsAttachmentToRecipients', 'SendSMSAlertToRecipients', 'ServerReplyWithMessage']);

/** A t:Rule of a request: the rule, or what is wrong with it. Schema violations are faults thrown at once. */
export function readRule(ctx: OperationContext, mailbox: Mailbox, r: XmlElement): { rule: Omit<InboxRule, 'id'> & { id?: string }; errors: RuleValidationError[] } {
  const errors: RuleValidationError[] = [];
  const name = r.t('DisplayName');
  if (!name) throw incompleteContent(r, 'DisplayName', NS.t);
  const priorityEl = r.t('Priority');
  if (!priorityEl) throw incompleteContent(r, 'Priority', NS.t);
  const enabledEl = r.t('IsEnabled');
  if (!enabledEl) throw incompleteContent(r, 'IsEnabled', NS.t);
  const priority = intValue(priorityEl, 1);
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
    if (spec.kind === 'folder') {
      const folderEl = folderIdElements(c)[0];
      if (!folderEl) throw incompleteContent(c, 'FolderId', NS.t);
      try {
        const folder = resolveFolderId(ctx, folderEl);
        if (folder.mailboxId !== mailbox.id) throw new ItemError('ErrorFolderNotFound');
        Object.assign(actions, { [spec.key]: folder.id });
      } catch (err) {
        if (!(err instanceof ItemError)) throw err;
        errors.push({ fieldUri: field, code: 'FolderDoesNotExist', message: 'The folder does not exist in the mailbox.', value: folderEl.attr('Id') });
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
    const value = readValue(c, spec.kind as 'strings' | 'addresses' | 'boolean' | 'importance', field, errors);
    if (value !== undefined) Object.assign(out, { [spec.key]: value });
  }
  return out;
}

function readValue(c: XmlElement, kind: 'strings' | 'addresses' | 'boolean' | 'importance', field: string, errors: RuleValidationError[]): string[] | boolean | Importance | undefined {
  switch (kind) {
    case 'boolean':
      return booleanValue(c);
    case 'importance':
      return enumValue(c.text.trim(), IMPORTANCES, 'ImportanceChoicesType', { el: c });
    case 'strings': {
      const values = c.children.filter((x) => x.ns === NS.t && x.local === 'String').map((x) => x.text);
      if (values.length === 0 || values.some((v) => v.trim() === '')) {
        errors.push({ fieldUri: field, code: 'EmptyValueFound', message: 'An empty value was found.' });
        return undefined;
      }
      return values;
    }
    case 'addresses': {
      const values = c.children.filter((x) => x.ns === NS.t && x.local === 'Address').map((x) => x.t('EmailAddress')?.text.trim() ?? '');
      if (values.length === 0) {
        errors.push({ fieldUri: field, code: 'EmptyValueFound', message: 'An empty value was found.' });
        return undefined;
      }
      const bad = values.find((v) => !/^[^@\s]+@[^@\s]+$/.test(v));
      if (bad !== undefined) {
        errors.push({ fieldUri: field, code: 'InvalidAddress', message: 'The address is not valid.', value: bad });
        return undefined;
      }
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
  writePredicates(r, 't:Conditions', rule.conditions, ctx);
  writePredicates(r, 't:Exceptions', rule.exceptions, ctx);
  const actions = el(r, 't:Actions');
  for (const [element, spec] of Object.entries(ACTIONS)) {
    const value = rule.actions[spec.key];
    if (value === undefined || value === false) continue;
    if (spec.kind === 'folder') {
      const folder = mailbox.folders.get(value as string);
      if (folder) idElement(el(actions, `t:${element}`), 't:FolderId', folder);
    } else writeValue(actions, element, spec.kind, value as string[] | boolean | string, ctx);
  }
}

function writePredicates(parent: Xml, name: string, p: RulePredicates, ctx: OperationContext): void {
  const entries = Object.entries(PREDICATES).filter(([, spec]) => p[spec.key] !== undefined);
  if (entries.length === 0) return;
  const container = el(parent, name);
  for (const [element, spec] of entries) writeValue(container, element, spec.kind, p[spec.key] as string[] | boolean | string, ctx);
}

function writeValue(parent: Xml, element: string, kind: string, value: string[] | boolean | string, ctx: OperationContext): void {
  if (kind === 'boolean' || kind === 'importance') {
    leaf(parent, `t:${element}`, value as boolean | string);
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
