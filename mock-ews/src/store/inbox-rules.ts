import { randomUUID } from 'node:crypto';
import type { Address, Importance, Item, Mailbox, MessageData } from './types';
import type { Store } from './store';
import { expandRecipients } from './distribution-lists';
import { systemMessage } from './system-message';

/** What a rule tests a message for (RulePredicatesType, the part the mock evaluates); all given must hold. */
export interface RulePredicates {
  categories?: string[];
  containsBodyStrings?: string[];
  containsHeaderStrings?: string[];
  containsRecipientStrings?: string[];
  containsSubjectStrings?: string[];
  containsSubjectOrBodyStrings?: string[];
  containsSenderStrings?: string[];
  fromAddresses?: string[];
  sentToAddresses?: string[];
  hasAttachments?: boolean;
  importance?: Importance;
  itemClasses?: string[];
  notSentToMe?: boolean;
  sentCcMe?: boolean;
  sentOnlyToMe?: boolean;
  sentToMe?: boolean;
  sentToOrCcMe?: boolean;
  /** Kinds of message, told by item class (and, for automatic replies and forwards, by header). */
  isApprovalRequest?: boolean;
  isAutomaticForward?: boolean;
  isAutomaticReply?: boolean;
  isEncrypted?: boolean;
  isMeetingRequest?: boolean;
  isMeetingResponse?: boolean;
  isNDR?: boolean;
  isPermissionControlled?: boolean;
  isReadReceipt?: boolean;
  isSigned?: boolean;
  isVoicemail?: boolean;
  /** Messages are all Normal here, so only Normal matches. */
  sensitivity?: 'Normal' | 'Personal' | 'Private' | 'Confidential';
  /** Received within [start, end]; either end open. */
  withinDateRange?: { start?: string; end?: string };
  /** Size within [minimum, maximum] kilobytes; either end open. */
  withinSizeRange?: { minimum?: number; maximum?: number };
}

/** What a rule does to a message it matches (RuleActionsType, the part the mock performs). */
export interface RuleActions {
  assignCategories?: string[];
  copyToFolder?: string;
  delete?: boolean;
  forwardToRecipients?: string[];
  markImportance?: Importance;
  markAsRead?: boolean;
  moveToFolder?: string;
  permanentDelete?: boolean;
  redirectToRecipients?: string[];
  /** The id of a message of the mailbox whose subject and body answer the sender. */
  serverReplyWithMessage?: string;
  stopProcessingRules?: boolean;
}

/** An Inbox rule of a mailbox (UpdateInboxRules, GetInboxRules); a mailbox keeps its rules in priority order. */
export interface InboxRule {
  id: string;
  displayName: string;
  /** 1 runs first; priorities are kept 1..n without gaps. */
  priority: number;
  enabled: boolean;
  conditions: RulePredicates;
  exceptions: RulePredicates;
  actions: RuleActions;
}

/** The header Exchange stamps on mail its rules forward, naming each mailbox that forwarded it. */
export const RULES_LOOP_HEADER = 'X-MS-Exchange-Inbox-Rules-Loop';

const lower = (s: string) => s.toLowerCase();
const containsAny = (text: string, needles: string[]) => needles.some((n) => lower(text).includes(lower(n)));
const addressIn = (list: Address[], addresses: string[]) => list.some((a) => addresses.map(lower).includes(lower(a.address)));

/** What a predicate reads of the message besides its fields. */
export interface MessageFacts {
  hasAttachments: boolean;
  /** Bytes. */
  size: number;
}

/** The header block as rules see it: the fields' own headers and the extra ones. */
function headerText(data: MessageData): string {
  const list = (a: Address[]) => a.map((x) => (x.name ? `${x.name} <${x.address}>` : x.address)).join(', ');
  const lines = [`Subject: ${data.subject}`, `From: ${data.from ? list([data.from]) : ''}`, `To: ${list(data.to)}`, `Cc: ${list(data.cc)}`, `Message-ID: ${data.internetMessageId}`];
  return [...lines, ...data.headers.map(([k, v]) => `${k}: ${v}`)].join('\n');
}

/** True when the message satisfies every predicate given (an empty set of predicates matches everything). */
export function matches(p: RulePredicates, data: MessageData, mailbox: Mailbox, facts: MessageFacts): boolean {
  return predicateChecks(p, data, mailbox, facts).every((check) => check());
}

/** True when the message satisfies any predicate given: exceptions are OR'ed (none given: false). */
export function matchesAny(p: RulePredicates, data: MessageData, mailbox: Mailbox, facts: MessageFacts): boolean {
  return predicateChecks(p, data, mailbox, facts).some((check) => check());
}

/** A check for each predicate given (a boolean one only when true: false asks for nothing). */
function predicateChecks(p: RulePredicates, data: MessageData, mailbox: Mailbox, facts: MessageFacts): (() => boolean)[] {
  const { hasAttachments } = facts;
  const body = data.body.text ?? data.body.html ?? '';
  const me = lower(mailbox.smtp);
  const toMe = data.to.some((a) => lower(a.address) === me);
  const ccMe = data.cc.some((a) => lower(a.address) === me);
  const from = data.from ? `${data.from.name ?? ''} ${data.from.address}` : '';
  const checks: [unknown, () => boolean][] = [
    [p.containsSubjectStrings, () => containsAny(data.subject, p.containsSubjectStrings!)],
    [p.containsBodyStrings, () => containsAny(body, p.containsBodyStrings!)],
    [p.containsSubjectOrBodyStrings, () => containsAny(data.subject, p.containsSubjectOrBodyStrings!) || containsAny(body, p.containsSubjectOrBodyStrings!)],
    [p.containsSenderStrings, () => containsAny(from, p.containsSenderStrings!)],
    [p.fromAddresses, () => (data.from ? addressIn([data.from], p.fromAddresses!) : false)],
    [p.sentToAddresses, () => addressIn([...data.to, ...data.cc, ...data.bcc], p.sentToAddresses!)],
    [p.hasAttachments, () => hasAttachments === p.hasAttachments],
    [p.importance, () => data.importance === p.importance],
    // "Not sent to me": the mailbox is not among the To recipients (on Cc it still counts).
    [p.notSentToMe, () => !toMe],
    [p.sentCcMe, () => ccMe],
    [p.sentOnlyToMe, () => toMe && data.to.length === 1 && data.cc.length === 0],
    [p.sentToMe, () => toMe],
    [p.sentToOrCcMe, () => toMe || ccMe],
    ...KINDS.map(([key]) => [p[key], () => isKind(data, key)] as [unknown, () => boolean]),
    [p.categories, () => data.categories.some((c) => p.categories!.map(lower).includes(lower(c)))],
    [p.containsHeaderStrings, () => containsAny(headerText(data), p.containsHeaderStrings!)],
    [p.containsRecipientStrings, () => [...data.to, ...data.cc].some((a) => containsAny(`${a.name ?? ''} ${a.address}`, p.containsRecipientStrings!))],
    [p.itemClasses, () => p.itemClasses!.map(lower).includes(lower(data.itemClass))],
    [p.sensitivity, () => p.sensitivity === 'Normal'],
    [p.withinDateRange, () => inRange(data.dateTimeReceived.getTime(), p.withinDateRange!.start && Date.parse(p.withinDateRange!.start), p.withinDateRange!.end && Date.parse(p.withinDateRange!.end))],
    [p.withinSizeRange, () => inRange(facts.size / 1024, p.withinSizeRange!.minimum, p.withinSizeRange!.maximum)],
  ];
  return checks.filter(([given]) => given !== undefined && given !== false).map(([, check]) => check);
}

/**
 * The message kinds a rule can test for, by Exchange's item classes: reports (REPORT.IPM.Note.NDR,
 * REPORT.IPM.Note.IPNRN), automatic replies (the out-of-office template class, or Auto-Submitted:
 * auto-replied), automatic forwards (Exchange's rules loop header, or Auto-Submitted:
 * auto-forwarded), meeting messages, S/MIME, voice mail, approval requests and IRM-protected mail.
 */
const KINDS: [keyof RulePredicates, (itemClass: string, header: (name: string) => string | undefined) => boolean][] = [
  ['isApprovalRequest', (c) => c.startsWith('ipm.note.microsoft.approval.request')],
  ['isAutomaticForward', (_c, h) => h(RULES_LOOP_HEADER) !== undefined || lower(h('Auto-Submitted') ?? '') === 'auto-forwarded'],
  ['isAutomaticReply', (c, h) => c.startsWith('ipm.note.rules.ooftemplate.') || c.startsWith('ipm.note.rules.replytemplate.') || lower(h('Auto-Submitted') ?? '') === 'auto-replied'],
  ['isEncrypted', (c) => c === 'ipm.note.smime'],
  ['isMeetingRequest', (c) => c === 'ipm.schedule.meeting.request'],
  ['isMeetingResponse', (c) => c.startsWith('ipm.schedule.meeting.resp.')],
  ['isNDR', (c) => c.startsWith('report.') && c.endsWith('.ndr')],
  ['isPermissionControlled', (c) => c.startsWith('ipm.note.rpmsg')],
  ['isReadReceipt', (c) => c.startsWith('report.') && c.endsWith('.ipnrn')],
  ['isSigned', (c) => c === 'ipm.note.smime.multipartsigned'],
  ['isVoicemail', (c) => c.startsWith('ipm.note.microsoft.voicemail')],
];

/** A header of the message by name (case-insensitive); undefined when it has none. */
function headerValue(data: MessageData, name: string): string | undefined {
  return data.headers.find(([k]) => lower(k) === lower(name))?.[1];
}

/** Whether the message is of one of the KINDS. */
function isKind(data: MessageData, key: keyof RulePredicates): boolean {
  const test = KINDS.find(([k]) => k === key)?.[1];
  return test !== undefined && test(lower(data.itemClass), (name) => headerValue(data, name));
}

function inRange(value: number, min: number | '' | undefined, max: number | '' | undefined): boolean {
  return (min === undefined || min === '' || value >= min) && (max === undefined || max === '' || value <= max);
}

/**
 * Runs a mailbox's enabled rules, in priority order, on a message just delivered to its Inbox, as
 * Exchange's transport does: flags and categories first, then copies and forwards, then where the
 * message ends (moved, deleted to Deleted Items, or deleted for good). Stops after a rule with
 * StopProcessingRules. Returns the message as it ends up, or undefined when it was deleted for good.
 */
export function applyInboxRules(store: Store, mailbox: Mailbox, delivered: Item, at: Date): Item | undefined {
  let item = delivered;
  const forwardedBy = (headerValue(item.data, RULES_LOOP_HEADER) ?? '').split(/\s*,\s*/).filter(Boolean).map(lower);
  const facts: MessageFacts = { hasAttachments: item.attachments.some((a) => !a.isInline), size: item.size };
  let destination: string | undefined;
  let disposal: 'delete' | 'permanent' | undefined;
  for (const rule of mailbox.rules ?? []) {
    if (!rule.enabled) continue;
    if (!matches(rule.conditions, item.data, mailbox, facts)) continue;
    if (matchesAny(rule.exceptions, item.data, mailbox, facts)) continue;
    const a = rule.actions;
    const patch: Partial<MessageData> = {};
    if (a.markAsRead) patch.isRead = true;
    if (a.markImportance) patch.importance = a.markImportance;
    if (a.assignCategories) patch.categories = [...new Set([...item.data.categories, ...a.assignCategories])];
    if (Object.keys(patch).length > 0) item = store.updateItem(mailbox, item, patch);
    const copyTo = a.copyToFolder && mailbox.folders.get(a.copyToFolder);
    if (copyTo) store.copyItem(mailbox, item, copyTo);
    // A message this mailbox forwarded before is not forwarded again: the loop header names it.
    if (!forwardedBy.includes(lower(mailbox.smtp))) {
      if (a.forwardToRecipients?.length) send(store, mailbox, forwarded(mailbox, item.data, a.forwardToRecipients, forwardedBy, at), at);
      if (a.redirectToRecipients?.length) send(store, mailbox, redirected(mailbox, item.data, a.redirectToRecipients, forwardedBy, at), at);
    }
    // An answer from a template: never to automatic mail (no reply loops), nor when the template is gone.
    const template = a.serverReplyWithMessage && mailbox.items.get(a.serverReplyWithMessage);
    const sender = item.data.replyTo[0]?.address ?? item.data.from?.address;
    const automatic = (['isAutomaticReply', 'isAutomaticForward', 'isNDR'] as const).some((kind) => isKind(item.data, kind));
    if (template && sender && !automatic && lower(sender) !== lower(mailbox.smtp)) send(store, mailbox, templateReply(mailbox, template.data, item.data, sender, at), at);
    if (a.moveToFolder && mailbox.folders.has(a.moveToFolder)) destination = a.moveToFolder;
    if (a.permanentDelete) disposal = 'permanent';
    else if (a.delete && disposal === undefined) disposal = 'delete';
    if (a.stopProcessingRules) break;
  }
  if (disposal === 'permanent') {
    store.deleteItem(mailbox, item);
    return undefined;
  }
  if (disposal === 'delete') destination = store.distinguishedFolder(mailbox, 'deleteditems').id;
  if (destination && destination !== item.folderId) item = store.moveItem(mailbox, item, mailbox.folders.get(destination)!);
  return item;
}

function loopHeader(mailbox: Mailbox, before: string[]): [string, string] {
  return [RULES_LOOP_HEADER, [...before, mailbox.smtp].join(', ')];
}

/** A forward: a new message from the mailbox, sent now, with "FW:" and the original's body and attachments. */
function forwarded(mailbox: Mailbox, data: MessageData, to: string[], before: string[], at: Date): MessageData {
  return {
    ...data,
    dateTimeSent: at,
    dateTimeReceived: at,
    subject: /^fw:/i.test(data.subject) ? data.subject : `FW: ${data.subject}`,
    // A forward is a new message of the forwarding mailbox's.
    internetMessageId: `<${randomUUID()}@${mailbox.smtp.split('@')[1] ?? 'localhost'}>`,
    inReplyTo: undefined,
    references: undefined,
    from: { name: mailbox.displayName, address: mailbox.smtp },
    sender: undefined,
    to: to.map((address) => ({ address })),
    cc: [],
    bcc: [],
    replyTo: [],
    isRead: false,
    isDraft: false,
    categories: [],
    headers: [loopHeader(mailbox, before)],
    rawMime: undefined,
  };
}

/** A redirect: the message as it came (From and its sending time unchanged), received anew by new recipients. */
function redirected(mailbox: Mailbox, data: MessageData, to: string[], before: string[], at: Date): MessageData {
  return { ...data, dateTimeReceived: at, to: to.map((address) => ({ address })), cc: [], bcc: [], isRead: false, categories: [], headers: [...data.headers, loopHeader(mailbox, before)], rawMime: undefined };
}

/**
 * The template's subject, body and attachments, from the mailbox to the sender, sent now: a message
 * the server writes (marked as an automatic reply, so nothing answers it in turn) of the template's class.
 */
function templateReply(mailbox: Mailbox, template: MessageData, original: MessageData, to: string, at: Date): MessageData {
  return systemMessage({
    from: { name: mailbox.displayName, address: mailbox.smtp },
    to: { address: to },
    subject: template.subject,
    body: template.body,
    original,
    headers: [],
    itemClass: template.itemClass,
    now: at,
    attachments: template.attachments,
  });
}

/**
 * Delivered to mailboxes of the store (distribution lists expanded), kept in the outbound log for
 * addresses outside the organisation; an address of the organisation that names nobody gets nothing.
 */
function send(store: Store, from: Mailbox, data: MessageData, at: Date): void {
  const { mailboxes, external } = expandRecipients(store, data.to.map((a) => a.address));
  for (const to of mailboxes) store.deliverItem(to, store.distinguishedFolder(to, 'inbox'), data, at);
  if (external.length > 0) store.outbound.add(from.smtp, external, data, 'rule', at);
}
