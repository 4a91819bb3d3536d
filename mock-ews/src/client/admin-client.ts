import type { z } from 'zod';
import type { faultSchema, Fault } from '../admin/faults';
import type { messageInputSchema } from '../admin/message-input';
import type { RecordView } from '../admin/journal';
import type { folderView, itemDetail, itemSummary, mailboxView } from '../admin/views';
import type { Profile } from '../profiles/profiles';
import type { outboundView } from '../admin/routes/outbound';
import type { subscriptionView } from '../admin/routes/subscriptions';

/**
 * A typed client for the mock's admin API (/__admin), built on fetch. Other projects use it to set
 * up each test's world, break the server on purpose and read what their code sent; see
 * docs/ADMIN.md. Every method throws AdminApiError when the API answers with an error.
 */

export type FaultInput = z.input<typeof faultSchema>;
export type { Fault };
export type MessageInput = z.input<typeof messageInputSchema>;
export type MailboxInfo = ReturnType<typeof mailboxView>;
export type FolderInfo = ReturnType<typeof folderView>;
export type SubscriptionInfo = ReturnType<typeof subscriptionView>;
export type OutboundInfo = ReturnType<typeof outboundView>;
export type DistributionListInfo = { smtp: string; displayName: string; members: string[] };
export type ItemSummary = ReturnType<typeof itemSummary>;
export type ItemInfo = ReturnType<typeof itemDetail>;
export type JournalEntry = RecordView;
export type GrantScope = 'all' | { domains: string[] } | { mailboxes: string[] };
/** An Inbox rule as GET /mailboxes/{smtp}/rules answers it (docs/SCENARIOS.md, "Inbox rules"). */
export interface InboxRuleInfo {
  id: string;
  name: string;
  priority: number;
  enabled: boolean;
  conditions: Record<string, unknown>;
  exceptions: Record<string, unknown>;
  actions: Record<string, unknown>;
}

/**
 * One right of the account `user` on `mailbox`: FullAccess (the default) opens it as a delegate,
 * without impersonation; SendAs and SendOnBehalf send from its address.
 */
export interface MailboxPermission {
  mailbox: string;
  user: string;
  accessRights?: 'FullAccess' | 'SendAs' | 'SendOnBehalf';
}
export interface Grant {
  /** The account that may impersonate; app grants name the `app` instead. */
  account?: string;
  app?: string;
  scope: GrantScope;
  right?: 'ApplicationImpersonation' | 'ms-Exch-EPI-Impersonation' | 'ms-Exch-EPI-May-Impersonate';
  recipientFilter?: string;
}
export interface AccountInput {
  smtp: string;
  password: string;
  displayName?: string;
  upn?: string;
  logonName?: string;
  sid?: string;
  department?: string;
  /** Give the account a mailbox; default true. */
  mailbox?: boolean;
}
export interface AccountInfo {
  smtp: string;
  displayName: string;
  upn: string;
  logonName: string;
  sid: string;
  department: string | null;
  mailbox: string | null;
}
export interface JournalQuery {
  /** Only requests numbered above this one. */
  after?: number;
  operation?: string;
  mailbox?: string;
  account?: string;
  failed?: boolean;
  limit?: number;
}
export type DeleteType = 'HardDelete' | 'MoveToDeletedItems';
export interface ItemQuery {
  /** Only this folder: id, distinguished name or path such as "Inbox/Projects". */
  folder?: string;
  subject?: string;
  messageId?: string;
  offset?: number;
  limit?: number;
}
export interface SyncStateInfo {
  kind: 'items' | 'hierarchy';
  folderId: string | null;
  syncState: string;
}
export interface StoreDigest {
  /** SHA-256 of the whole store. */
  digest: string;
  /** SHA-256 of each mailbox, by SMTP address. */
  mailboxes: Record<string, string>;
}
export interface ServerErrorInfo {
  at: string;
  requestId: number | null;
  operation: string | null;
  account: string | null;
  mailbox: string | null;
  message: string;
  stack: string | null;
}

export interface AppInfo {
  clientId: string;
  displayName: string | null;
  /** Application permissions, e.g. full_access_as_app. */
  roles: string[];
  tokenLifetimeSeconds: number;
}
/** One token the mock's token endpoint issued: never the token itself. */
export interface IssuedTokenInfo {
  /** 1 for the first token this mock issued. */
  n: number;
  clientId: string;
  audience: string;
  issuedAt: string;
  expiresAt: string;
  lifetimeSeconds: number;
}

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request field the server named as wrong, if any. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export interface AdminClientOptions {
  /** The server's base URL (`http://host:port`) or the admin API's (`…/__admin`). */
  baseUrl: string;
  /** The admin token, when the mock was started with one. */
  token?: string;
  /** A fetch to use instead of the global one (e.g. one that trusts a self-signed certificate). */
  fetch?: typeof fetch;
  /** Set when the mock runs without its admin API: every call then fails with this reason. */
  disabled?: string;
}

const enc = encodeURIComponent;

export class AdminClient {
  readonly url: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: AdminClientOptions) {
    const base = options.baseUrl.replace(/\/+$/, '');
    this.url = base.endsWith('/__admin') ? base : `${base}/__admin`;
    this.fetchFn = options.fetch ?? fetch;
  }

  /** Sends one request; JSON in and out unless a raw body is given. */
  async call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    if (this.options.disabled) throw new AdminApiError(0, this.options.disabled);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    let payload: string | Uint8Array | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
      payload = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    }
    const res = await this.fetchFn(this.url + path, { method, headers, body: payload as RequestInit["body"] });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const data: unknown = type.includes('json') && text ? JSON.parse(text) : text;
    if (!res.ok) {
      const e = (typeof data === 'object' && data ? data : {}) as { error?: string; field?: string };
      throw new AdminApiError(res.status, e.error ?? `${method} ${path}: HTTP ${res.status}`, e.field);
    }
    return data as T;
  }

  // ---- server ----
  health() {
    return this.call<{ status: string; uptimeMs: number; profile: string; mailboxes: number; accounts: number; faults: number; requests: number }>('GET', '/health');
  }
  ready() {
    return this.call<{ ready: boolean }>('GET', '/ready');
  }
  /** Back to the loaded scenario: fresh store, no faults, empty journal. */
  reset() {
    return this.call<{ reset: true; profile: string }>('POST', '/reset');
  }
  /** Loads a scenario (YAML text, or an object sent as JSON) and makes it the one reset returns to. */
  loadScenario(scenario: string | object) {
    return typeof scenario === 'string'
      ? this.call<{ loaded: true; profile: string; mailboxes: string[] }>('PUT', '/scenario', scenario, 'application/yaml')
      : this.call<{ loaded: true; profile: string; mailboxes: string[] }>('PUT', '/scenario', scenario);
  }
  scenario() {
    return this.call<{ label: string | null; text: string | null }>('GET', '/scenario');
  }
  profile() {
    return this.call<Profile>('GET', '/profile');
  }
  openApi() {
    return this.call<Record<string, unknown>>('GET', '/openapi.json');
  }

  // ---- directory ----
  accounts() {
    return this.call<AccountInfo[]>('GET', '/accounts');
  }
  /** The directory's distribution lists, members one level deep. */
  distributionLists() {
    return this.call<DistributionListInfo[]>('GET', '/distribution-lists');
  }
  /** Creates or replaces a list. */
  putDistributionList(smtp: string, list: { displayName?: string; members: string[] }) {
    return this.call<DistributionListInfo>('PUT', `/distribution-lists/${enc(smtp)}`, list);
  }
  deleteDistributionList(smtp: string) {
    return this.call<void>('DELETE', `/distribution-lists/${enc(smtp)}`);
  }
  createAccount(account: AccountInput) {
    return this.call<AccountInfo>('POST', '/accounts', account);
  }
  deleteAccount(smtp: string) {
    return this.call<string>('DELETE', `/accounts/${enc(smtp)}`);
  }
  mailboxes() {
    return this.call<MailboxInfo[]>('GET', '/mailboxes');
  }
  mailbox(smtp: string) {
    return this.call<MailboxInfo>('GET', `/mailboxes/${enc(smtp)}`);
  }
  createMailbox(smtp: string, displayName?: string) {
    return this.call<MailboxInfo>('POST', '/mailboxes', displayName === undefined ? { smtp } : { smtp, displayName });
  }
  deleteMailbox(smtp: string) {
    return this.call<string>('DELETE', `/mailboxes/${enc(smtp)}`);
  }
  /** A mailbox's Inbox rules in priority order, folders as paths (GET /mailboxes/{smtp}/rules). */
  inboxRules(smtp: string) {
    return this.call<InboxRuleInfo[]>('GET', `/mailboxes/${enc(smtp)}/rules`);
  }
  mailboxPermissions() {
    return this.call<MailboxPermission[]>('GET', '/mailbox-permissions');
  }
  setMailboxPermissions(permissions: MailboxPermission[]) {
    return this.call<MailboxPermission[]>('PUT', '/mailbox-permissions', permissions);
  }
  grants() {
    return this.call<Grant[]>('GET', '/grants');
  }
  setGrants(grants: Grant[]) {
    return this.call<Grant[]>('PUT', '/grants', grants);
  }
  setGrant(account: string, scope: GrantScope) {
    return this.call<Grant>('PUT', `/grants/${enc(account)}`, { scope });
  }
  deleteGrant(account: string) {
    return this.call<string>('DELETE', `/grants/${enc(account)}`);
  }

  // ---- identity: app registrations, issued tokens, credentials ----
  /** The scenario's app registrations (never their secrets). */
  apps() {
    return this.call<AppInfo[]>('GET', '/apps');
  }
  app(clientId: string) {
    return this.call<AppInfo>('GET', `/apps/${enc(clientId)}`);
  }
  /** Changes an app registration; a new token lifetime applies to tokens issued from then on. */
  updateApp(clientId: string, patch: { displayName?: string; roles?: string[]; tokenLifetimeSeconds?: number }) {
    return this.call<AppInfo>('PATCH', `/apps/${enc(clientId)}`, patch);
  }
  /** What the token endpoint issued, oldest first, optionally to one app only. */
  issuedTokens(clientId?: string) {
    return this.call<{ total: number; tokens: IssuedTokenInfo[] }>('GET', `/tokens/issued${AdminClient.query({ clientId })}`);
  }
  /** Whether a login (SMTP, UPN or DOMAIN\\user) and password would sign in, and as which account. */
  checkCredentials(login: string, password: string) {
    return this.call<{ account: string; valid: boolean }>('POST', '/credentials/check', { login, password });
  }
  /** Issues a signed test OAuth token this mock accepts (app-only unless an account is given). */
  issueToken(input: { account?: string; app?: string; roles?: string[]; scopes?: string[]; audience?: string; lifetimeSeconds?: number }) {
    return this.call<{ token_type: 'Bearer'; access_token: string; expires_on: number; claims: Record<string, unknown> }>('POST', '/tokens', input);
  }

  // ---- content ----
  /** A folder (id, distinguished name or path such as "Inbox/Projects") with its items, newest first. */
  folder(smtp: string, folder: string, page: { offset?: number; limit?: number } = {}) {
    const q = new URLSearchParams();
    if (page.offset !== undefined) q.set('offset', String(page.offset));
    if (page.limit !== undefined) q.set('limit', String(page.limit));
    return this.call<FolderInfo & { items: ItemSummary[] }>('GET', `/mailboxes/${enc(smtp)}/folders/${enc(folder)}${q.size ? `?${q}` : ''}`);
  }
  createFolder(smtp: string, displayName: string, parent?: string) {
    return this.call<FolderInfo>('POST', `/mailboxes/${enc(smtp)}/folders`, parent === undefined ? { displayName } : { displayName, parent });
  }
  updateFolder(smtp: string, folder: string, patch: { displayName?: string; parent?: string }) {
    return this.call<FolderInfo>('PATCH', `/mailboxes/${enc(smtp)}/folders/${enc(folder)}`, patch);
  }
  /** Deletes a folder as Outlook does (to Deleted Items), or for good with HardDelete. */
  deleteFolder(smtp: string, folder: string, deleteType?: DeleteType) {
    return this.call<FolderInfo | string>('DELETE', `/mailboxes/${enc(smtp)}/folders/${enc(folder)}${deleteType ? `?deleteType=${deleteType}` : ''}`);
  }
  /** Delivers a message given as fields, as new mail arrives. */
  deliver(smtp: string, folder: string, message: MessageInput) {
    return this.call<ItemSummary>('POST', `/mailboxes/${enc(smtp)}/folders/${enc(folder)}/messages`, message);
  }
  /** Delivers several messages in one call; none is delivered when one is invalid. */
  deliverBatch(smtp: string, folder: string, messages: MessageInput[]) {
    return this.call<ItemSummary[]>('POST', `/mailboxes/${enc(smtp)}/folders/${enc(folder)}/messages`, messages);
  }
  /** Delivers a raw RFC 822 message. */
  deliverMime(smtp: string, folder: string, mime: string | Uint8Array) {
    return this.call<ItemSummary>('POST', `/mailboxes/${enc(smtp)}/folders/${enc(folder)}/messages`, mime, 'message/rfc822');
  }
  item(smtp: string, id: string) {
    return this.call<ItemInfo>('GET', `/mailboxes/${enc(smtp)}/items/${enc(id)}`);
  }
  itemMime(smtp: string, id: string) {
    return this.call<string>('GET', `/mailboxes/${enc(smtp)}/items/${enc(id)}/mime`);
  }
  updateItem(smtp: string, id: string, patch: { isRead?: boolean; categories?: string[]; importance?: 'Low' | 'Normal' | 'High' }) {
    return this.call<ItemSummary>('PATCH', `/mailboxes/${enc(smtp)}/items/${enc(id)}`, patch);
  }
  /** Moves an item; it gets a new id, as in Exchange. */
  moveItem(smtp: string, id: string, folder: string) {
    return this.call<ItemSummary>('POST', `/mailboxes/${enc(smtp)}/items/${enc(id)}/move`, { folder });
  }
  /** Copies an item into a folder; the copy is a new item with its own id. */
  copyItem(smtp: string, id: string, folder: string) {
    return this.call<ItemSummary>('POST', `/mailboxes/${enc(smtp)}/items/${enc(id)}/copy`, { folder });
  }
  /** One page of a mailbox's (or a folder's) items in store order, oldest stored first. */
  items(smtp: string, q: ItemQuery = {}) {
    return this.call<{ total: number; items: ItemSummary[] }>('GET', `/mailboxes/${enc(smtp)}/items${AdminClient.query(q)}`);
  }
  /** Every matching item, page after page. */
  async allItems(smtp: string, q: Omit<ItemQuery, 'offset' | 'limit'> = {}): Promise<ItemSummary[]> {
    const out: ItemSummary[] = [];
    for (;;) {
      const page = await this.items(smtp, { ...q, offset: out.length, limit: 10_000 });
      out.push(...page.items);
      if (page.items.length === 0 || out.length >= page.total) return out;
    }
  }
  /** An item by its id alone, with the mailbox holding it. */
  findItem(id: string) {
    return this.call<ItemSummary & { mailbox: string }>('GET', `/items/${enc(id)}`);
  }
  /** A sync state as of now: for a folder's items, or (no folder) for the mailbox's folder hierarchy. */
  syncState(smtp: string, folder?: string) {
    return this.call<SyncStateInfo>('GET', `/mailboxes/${enc(smtp)}/sync-state${folder === undefined ? '' : `?folder=${enc(folder)}`}`);
  }
  deleteItem(smtp: string, id: string, deleteType?: DeleteType) {
    return this.call<ItemSummary | string>('DELETE', `/mailboxes/${enc(smtp)}/items/${enc(id)}${deleteType ? `?deleteType=${deleteType}` : ''}`);
  }

  // ---- faults ----
  faults() {
    return this.call<Fault[]>('GET', '/faults');
  }
  addFault(fault: FaultInput) {
    return this.call<Fault>('POST', '/faults', fault);
  }
  clearFaults() {
    return this.call<{ cleared: number }>('DELETE', '/faults');
  }
  removeFault(id: string) {
    return this.call<string>('DELETE', `/faults/${enc(id)}`);
  }

  // ---- diagnostics ----
  /** Digests of the store and of each mailbox: equal digests mean nothing changed. */
  storeDigest() {
    return this.call<StoreDigest>('GET', '/store/digest');
  }
  /** Unexpected server errors: bugs in the mock, not client mistakes or injected faults. */
  serverErrors() {
    return this.call<{ count: number; errors: ServerErrorInfo[] }>('GET', '/errors');
  }

  // ---- mail that left the organisation ----
  /** Messages sent to recipients without a mailbox here, and automatic replies to outside senders, oldest first. */
  outbound(q: { after?: number; limit?: number } = {}) {
    return this.call<{ total: number; lastN: number; messages: OutboundInfo[] }>('GET', `/outbound${AdminClient.query(q)}`);
  }
  outboundMime(n: number) {
    return this.call<string>('GET', `/outbound/${n}/mime`);
  }
  clearOutbound() {
    return this.call<{ cleared: number }>('DELETE', '/outbound');
  }

  // ---- notification subscriptions ----
  subscriptions() {
    return this.call<SubscriptionInfo[]>('GET', '/subscriptions');
  }
  /** Expires a subscription now: its next GetEvents answers ErrorExpiredSubscription. */
  expireSubscription(id: string) {
    return this.call<SubscriptionInfo>('POST', `/subscriptions/${enc(id)}/expire`);
  }

  // ---- journal ----
  private static query(q: object): string {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
    return p.size ? `?${p}` : '';
  }
  /** Journal entries, newest first. */
  requests(q: JournalQuery = {}) {
    return this.call<JournalEntry[]>('GET', `/requests${AdminClient.query(q)}`);
  }
  requestCount(q: Omit<JournalQuery, 'limit'> = {}) {
    return this.call<{ total: number; unmatched: number; failed: number; lastId: number }>('GET', `/requests/count${AdminClient.query(q)}`);
  }
  request(id: number) {
    return this.call<JournalEntry>('GET', `/requests/${id}`);
  }
  /** Every matching journal entry, oldest first (the journal keeps the newest 10,000). */
  async journal(q: Omit<JournalQuery, 'limit'> = {}): Promise<JournalEntry[]> {
    return (await this.requests({ ...q, limit: 10_000 })).reverse();
  }
  clearRequests() {
    return this.call<{ cleared: number }>('DELETE', '/requests');
  }
}
