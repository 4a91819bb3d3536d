import { existsSync, readFileSync } from 'node:fs';
import { defaultOofSettings } from '../store/out-of-office';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { Store } from '../store/store';
import { hashId } from '../store/ids';
import type { Account, Address, DistinguishedFolderName, Folder, GrantScope, ImpersonationGrant, Mailbox, MessageData } from '../store/types';
import type { ProfileName } from '../profiles/profiles';
import { messageFromMime } from '../mime/derive';
import { generateMessages, syntheticBytes } from './generate';
import { FolderSpec, MessageSpec, scenarioSchema, ScenarioSpec } from './schema';
import { brokenListRule, type ListDirectory } from '../store/distribution-lists';
import { brokenPermissionRule } from '../store/mailbox-rights';
import type { InboxRule } from '../store/inbox-rules';

/** The project root, where fixtures/ lives. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEFAULT_SCENARIO = path.join(PROJECT_ROOT, 'fixtures', 'scenarios', 'default.yaml');
const MAIL_DIR = path.join(PROJECT_ROOT, 'fixtures', 'mail');

/** A scenario that cannot be loaded; the message names the file, the path in it and the rule. */
export class ScenarioError extends Error {}

export interface LoadedScenario {
  profile?: ProfileName;
  store: Store;
  spec: ScenarioSpec;
}

const DISTINGUISHED_BY_NAME: Record<string, DistinguishedFolderName> = {
  inbox: 'inbox',
  sentitems: 'sentitems',
  'sent items': 'sentitems',
  drafts: 'drafts',
  deleteditems: 'deleteditems',
  'deleted items': 'deleteditems',
  junkemail: 'junkemail',
  'junk email': 'junkemail',
  outbox: 'outbox',
  calendar: 'calendar',
  contacts: 'contacts',
  tasks: 'tasks',
  notes: 'notes',
  journal: 'journal',
};

export async function loadScenarioFile(file: string): Promise<LoadedScenario> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(`scenario ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return loadScenarioText(text, file, path.dirname(path.resolve(file)));
}

/**
 * Parsed YAML by text: test suites start a mock on the same scenario hundreds of times per process,
 * and parsing is half the cost of a start. Entries are plain data, copied out for each load.
 */
const parsedTexts = new Map<string, unknown>();
const PARSED_TEXTS_KEPT = 16;

function parseScenarioYaml(text: string, label: string): unknown {
  if (parsedTexts.has(text)) return structuredClone(parsedTexts.get(text));
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ScenarioError(`${label}: not valid YAML at line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const value: unknown = doc.toJS();
  if (parsedTexts.size >= PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value as string);
  parsedTexts.set(text, structuredClone(value));
  return value;
}

/** Loads a scenario from YAML (or JSON, which is YAML) text. */
export async function loadScenarioText(text: string, label = 'scenario', baseDir = process.cwd()): Promise<LoadedScenario> {
  return loadScenarioObject(parseScenarioYaml(text, label), label, baseDir);
}

export async function loadScenarioObject(input: unknown, label = 'scenario', baseDir = process.cwd()): Promise<LoadedScenario> {
  const parsed = scenarioSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ScenarioError(`${label}: ${formatIssues(parsed.error)}`);
  const spec = parsed.data;
  checkReferences(spec, label);
  const store = new Store();
  store.domains = spec.domains.map((d) => d.toLowerCase());
  for (const [i, a] of spec.accounts.entries()) store.addAccount(toAccount(a, i));
  store.grants = spec.grants.map(toGrant);
  store.apps = spec.apps.map((a) => ({ ...a, roles: [...a.roles] }));
  store.throttling = spec.throttling.map((p) => ({ ...p }));
  for (const l of spec.distributionLists) {
    store.distributionLists.set(l.smtp.toLowerCase(), { smtp: l.smtp, displayName: l.displayName ?? l.smtp.split('@')[0], members: [...l.members] });
  }
  // Every account with a mailbox gets one, even when the scenario lists no folders for it.
  const mailboxSpecs = new Map(spec.mailboxes.map((m) => [m.smtp.toLowerCase(), m]));
  for (const a of spec.accounts) {
    if (a.mailbox && !mailboxSpecs.has(a.smtp.toLowerCase())) mailboxSpecs.set(a.smtp.toLowerCase(), { smtp: a.smtp, folders: [] });
  }
  for (const m of mailboxSpecs.values()) {
    const account = store.account(m.smtp);
    const mailbox = store.addMailbox(m.smtp, m.displayName ?? account?.displayName ?? m.smtp.split('@')[0]);
    if (account) account.mailboxId = mailbox.id;
    if ('outOfOffice' in m && m.outOfOffice) {
      // A window left out is the default one, as for a mailbox nobody configured.
      const { start, end, ...rest } = m.outOfOffice;
      const defaults = defaultOofSettings();
      mailbox.oof = { ...defaults, ...rest, start: start !== undefined ? new Date(start) : defaults.start, end: end !== undefined ? new Date(end) : defaults.end };
    }
    const owner: Address = { name: mailbox.displayName, address: mailbox.smtp };
    const where = `mailboxes[${spec.mailboxes.findIndex((x) => x === m)}]`;
    for (const [i, f] of m.folders.entries()) {
      await seedFolder(store, mailbox, null, f, owner, `${label}: ${where}.folders[${i}]`, baseDir);
    }
    if ('rules' in m && m.rules) store.setInboxRules(mailbox, m.rules.map((r, i) => toInboxRule(store, mailbox, r, i, `${label}: ${where}.rules[${i}]`)));
  }
  for (const p of spec.mailboxPermissions) store.grantMailboxRight(store.mailbox(p.mailbox)!, p.user, p.accessRights);
  return { profile: spec.profile, store, spec };
}

/** A grant as the scenario file (and the admin API) write it, in the store's form. */
export function toGrant(g: ScenarioSpec['grants'][number]): ImpersonationGrant {
  const s = g.scope ?? 'all';
  const scope: GrantScope = s === 'all' ? { kind: 'all' } : 'domains' in s ? { kind: 'domains', domains: s.domains } : { kind: 'mailboxes', mailboxes: s.mailboxes };
  const grant: ImpersonationGrant = { account: g.account ?? g.app ?? '', scope };
  if (g.app) grant.right = 'Application EWS.AccessAsApp';
  else if (g.right) grant.right = g.right;
  if (g.recipientFilter !== undefined) grant.recipientFilter = g.recipientFilter;
  return grant;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)'}: ${i.message}`)
    .join('; ');
}

function checkReferences(spec: ScenarioSpec, label: string): void {
  const seen = new Set<string>();
  spec.accounts.forEach((a, i) => {
    const key = a.smtp.toLowerCase();
    if (seen.has(key)) throw new ScenarioError(`${label}: accounts[${i}].smtp: ${a.smtp} is listed twice`);
    seen.add(key);
  });
  const domains = new Set(spec.domains.map((d) => d.toLowerCase()));
  const inDomains = (smtp: string) => domains.size === 0 || domains.has(smtp.split('@')[1].toLowerCase());
  spec.accounts.forEach((a, i) => {
    if (!inDomains(a.smtp)) throw new ScenarioError(`${label}: accounts[${i}].smtp: ${a.smtp} is not in one of the scenario's domains`);
  });
  spec.throttling.forEach((p, i) => {
    if (p.account && !seen.has(p.account.toLowerCase())) throw new ScenarioError(`${label}: throttling[${i}].account: no account ${p.account}`);
  });
  spec.grants.forEach((g, i) => {
    if (g.account && !seen.has(g.account.toLowerCase())) throw new ScenarioError(`${label}: grants[${i}].account: no account ${g.account}`);
  });
  const apps = new Set<string>();
  spec.apps.forEach((a, i) => {
    if (apps.has(a.clientId.toLowerCase())) throw new ScenarioError(`${label}: apps[${i}].clientId: ${a.clientId} is listed twice`);
    apps.add(a.clientId.toLowerCase());
  });
  const boxes = new Set<string>();
  spec.mailboxes.forEach((m, i) => {
    const key = m.smtp.toLowerCase();
    if (boxes.has(key)) throw new ScenarioError(`${label}: mailboxes[${i}].smtp: ${m.smtp} is listed twice`);
    boxes.add(key);
    if (!inDomains(m.smtp)) throw new ScenarioError(`${label}: mailboxes[${i}].smtp: ${m.smtp} is not in one of the scenario's domains`);
    const account = spec.accounts.find((a) => a.smtp.toLowerCase() === key);
    if (account && !account.mailbox) throw new ScenarioError(`${label}: mailboxes[${i}].smtp: account ${m.smtp} is declared without a mailbox`);
  });
  const hasMailbox = (smtp: string) => boxes.has(smtp) || spec.accounts.some((a) => a.mailbox && a.smtp.toLowerCase() === smtp);
  checkDistributionLists(spec, label, inDomains, hasMailbox);
  const broken = brokenPermissionRule(spec.mailboxPermissions, { hasMailbox: (smtp) => hasMailbox(smtp.toLowerCase()), hasAccount: (smtp) => seen.has(smtp.toLowerCase()) });
  if (broken) throw new ScenarioError(`${label}: mailboxPermissions${broken.field}: ${broken.message}`);
}

/** The scenario's lists under the rules the admin API applies too (store/distribution-lists.ts). */
function checkDistributionLists(spec: ScenarioSpec, label: string, inDomains: (smtp: string) => boolean, hasMailbox: (smtp: string) => boolean): void {
  const lists = new Set<string>();
  spec.distributionLists.forEach((l, i) => {
    if (lists.has(l.smtp.toLowerCase())) throw new ScenarioError(`${label}: distributionLists[${i}].smtp: ${l.smtp} is listed twice`);
    lists.add(l.smtp.toLowerCase());
  });
  const domains = new Set(spec.domains.map((d) => d.toLowerCase()));
  const dir: ListDirectory = {
    inDomains,
    isInternal: (smtp) => domains.has(smtp.split('@')[1].toLowerCase()),
    isTaken: (smtp) => hasMailbox(smtp.toLowerCase()) || spec.accounts.some((a) => a.smtp.toLowerCase() === smtp.toLowerCase()),
    hasMailbox: (smtp) => hasMailbox(smtp.toLowerCase()),
    isList: (smtp) => lists.has(smtp.toLowerCase()),
  };
  spec.distributionLists.forEach((l, i) => {
    const broken = brokenListRule(l, dir);
    if (broken) throw new ScenarioError(`${label}: distributionLists[${i}].${broken.field}: ${broken.message}`);
  });
}

function toAccount(a: ScenarioSpec['accounts'][number], index: number): Account {
  const [local, domain] = a.smtp.split('@');
  const netbios = domain.split('.')[0].toUpperCase().slice(0, 15);
  // Relative ids follow the account order, so no two accounts share a SID.
  const rid = 1100 + index;
  return {
    smtp: a.smtp,
    password: a.password,
    displayName: a.displayName ?? local,
    sid: a.sid ?? `S-1-5-21-${domainNumber(domain)}-${rid}`,
    upn: a.upn ?? a.smtp,
    logonName: a.logonName ?? `${netbios}\\${local}`,
    department: a.department,
    ...(a.passwordExpires !== undefined ? { passwordExpires: new Date(a.passwordExpires) } : {}),
  };
}

/** Three stable sub-authorities per domain, so every account of a domain shares its SID prefix. */
function domainNumber(domain: string): string {
  const h = Buffer.from(hashId(domain, 12), 'base64');
  return [h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8)].map((n) => n % 2_000_000_000).join('-');
}

async function seedFolder(store: Store, mailbox: Mailbox, parent: Folder | null, spec: FolderSpec, owner: Address, where: string, baseDir: string): Promise<void> {
  let folder: Folder;
  const distinguished = parent ? undefined : DISTINGUISHED_BY_NAME[spec.name.toLowerCase()];
  if (distinguished) folder = store.distinguishedFolder(mailbox, distinguished);
  else {
    const under = parent ?? store.distinguishedFolder(mailbox, 'msgfolderroot');
    if (store.childByName(mailbox, under, spec.name)) throw new ScenarioError(`${where}.name: a folder "${spec.name}" is listed twice`);
    folder = store.createFolder(mailbox, under.id, spec.name);
  }
  const outgoing = isOutgoing(store, mailbox, folder);
  const messages: MessageData[] = [];
  for (const [i, m] of (spec.messages ?? []).entries()) {
    messages.push(await toMessage(m, owner, outgoing, `${where}.messages[${i}]`, baseDir, `${mailbox.smtp}-${folder.id}-${i}`));
  }
  if (spec.generate) {
    const key = `${mailbox.smtp.split('@')[0]}-${spec.name.replace(/\W+/g, '')}`;
    for (const m of generateMessages(spec.generate, owner, key, outgoing)) messages.push(m);
  }
  // Seeded mail arrives in time order, so the journal reads like real delivery.
  messages.sort((a, b) => a.dateTimeReceived.getTime() - b.dateTimeReceived.getTime());
  for (const m of messages) store.addItem(mailbox, folder, m, m.dateTimeReceived);
  for (const [i, sub] of (spec.folders ?? []).entries()) {
    await seedFolder(store, mailbox, folder, sub, owner, `${where}.folders[${i}]`, baseDir);
  }
}

function isOutgoing(store: Store, mailbox: Mailbox, folder: Folder): boolean {
  const sent = store.distinguishedFolder(mailbox, 'sentitems');
  const drafts = store.distinguishedFolder(mailbox, 'drafts');
  for (let f: Folder | undefined = folder; f; f = f.parentId ? mailbox.folders.get(f.parentId) : undefined) {
    if (f === sent || f === drafts) return true;
  }
  return false;
}

function toAddress(a: string | { name?: string; address: string }): Address {
  return typeof a === 'string' ? { address: a } : a;
}

async function toMessage(m: MessageSpec, owner: Address, outgoing: boolean, where: string, baseDir: string, key: string): Promise<MessageData> {
  const received = m.received ? new Date(m.received) : m.sent ? new Date(m.sent) : new Date('2026-11-01T09:00:00Z');
  const overrides: Partial<MessageData> = {};
  if (m.subject !== undefined) overrides.subject = m.subject;
  if (m.from) overrides.from = toAddress(m.from);
  if (m.to) overrides.to = m.to.map(toAddress);
  if (m.cc) overrides.cc = m.cc.map(toAddress);
  if (m.bcc) overrides.bcc = m.bcc.map(toAddress);
  if (m.received) overrides.dateTimeReceived = received;
  if (m.sent) overrides.dateTimeSent = new Date(m.sent);
  if (m.messageId) overrides.internetMessageId = m.messageId;
  if (m.importance) overrides.importance = m.importance;
  if (m.isRead !== undefined) overrides.isRead = m.isRead;
  if (m.categories) overrides.categories = m.categories;
  if (m.eml) {
    const file = [path.resolve(baseDir, m.eml), path.resolve(MAIL_DIR, m.eml)].find((f) => existsSync(f));
    if (!file) throw new ScenarioError(`${where}.eml: file ${m.eml} not found (looked beside the scenario and in fixtures/mail/)`);
    const data = await messageFromMime(readFileSync(file), overrides);
    if (!m.received && !m.sent) data.dateTimeReceived = data.dateTimeSent;
    return data;
  }
  return {
    subject: m.subject ?? '',
    from: m.from ? toAddress(m.from) : outgoing ? owner : undefined,
    // Received mail is addressed to the owner unless the message names its recipients otherwise
    // (a Bcc-only message has no To).
    to: m.to ? m.to.map(toAddress) : outgoing || m.cc || m.bcc ? [] : [owner],
    cc: m.cc?.map(toAddress) ?? [],
    bcc: m.bcc?.map(toAddress) ?? [],
    replyTo: [],
    dateTimeSent: m.sent ? new Date(m.sent) : new Date(received.getTime() - 60_000),
    dateTimeReceived: received,
    internetMessageId: m.messageId ?? `<${hashId(key, 9).replace(/[+/=]/g, 'x')}@mock-ews.test>`,
    importance: m.importance ?? 'Normal',
    isRead: m.isRead ?? false,
    isDraft: false,
    categories: m.categories ?? [],
    body: { text: m.text ?? (m.html ? undefined : ''), html: m.html },
    attachments: (m.attachments ?? []).map((a, i) => ({
      name: a.name,
      contentType: a.contentType,
      content: a.content !== undefined ? Buffer.from(a.content, 'utf8') : a.base64 !== undefined ? Buffer.from(a.base64, 'base64') : syntheticBytes(a.size!, i + 1),
      isInline: a.inline,
      contentId: a.contentId,
    })),
    headers: Object.entries(m.headers ?? {}),
    itemClass: 'IPM.Note',
  };
}

/** A scenario file's rule in the store's form: priority by its place in the list, folder paths resolved. */
function toInboxRule(store: Store, mailbox: Mailbox, r: NonNullable<ScenarioSpec['mailboxes'][number]['rules']>[number], index: number, where: string): InboxRule {
  const folder = (path: string | undefined, key: string) => {
    if (path === undefined) return undefined;
    const found = store.folderByPath(mailbox, path);
    if (!found) throw new ScenarioError(`${where}.actions.${key}: no folder "${path}" in ${mailbox.smtp} (a path of folder names from the top, such as "Inbox/Projects")`);
    return found.id;
  };
  const actions = { ...r.actions, moveToFolder: folder(r.actions.moveToFolder, 'moveToFolder'), copyToFolder: folder(r.actions.copyToFolder, 'copyToFolder') };
  return { id: store.newRuleId(mailbox), displayName: r.name, priority: index + 1, enabled: r.enabled, conditions: r.conditions, exceptions: r.exceptions, actions };
}
