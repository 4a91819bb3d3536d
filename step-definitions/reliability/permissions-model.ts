/**
 * The permission-boundary property: random scenarios (accounts in several domains, impersonation
 * grants of every scope, with and without recipient filters and Exchange 2007 rights, profiles of
 * both impersonation models, mailbox permissions: FullAccess for delegate access, SendAs and
 * SendOnBehalf for sending) and random requests (every operation, every ConnectingSID form, ids
 * of other mailboxes, moves and copies across mailboxes, ConvertId, ResolveNames, sending with
 * another mailbox's address as From). For each
 * request an independent model of the rules says which mailbox it acts on and whether it may; the
 * mock must agree, leave every mailbox it may not touch byte-for-byte unchanged, and answer nothing
 * (id, subject, address) of a mailbox outside the caller's reach.
 */
import fc from 'fast-check';
import http from 'node:http';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningMock } from '../../mock-ews/src/server/start';
import type { AccountInfo, AdminClient, ItemSummary, MailboxInfo } from '../../mock-ews/src/client/admin-client';
import { envelope, findAll, HttpReply, textOf } from '../support/soap';
import { send } from './hostile-corpus';

export const REGRESSION_DIR = path.resolve(__dirname, '../../fixtures/regressions');
const PASSWORD = 'Passw0rd!';
const DOMAINS = ['alpha.test', 'beta.test', 'gamma.test'];
const DEPARTMENTS = ['Sales', 'Engineering'];
const FILTERS = ["Department -eq 'Sales'", "Department -ne 'Sales'", "PrimarySmtpAddress -like '*@alpha.test'"];
const PROFILES = ['Exchange2007_SP1', 'Exchange2010_SP2', 'Exchange2016'] as const;
const OPS = ['GetFolder', 'FindFolder', 'FindItem', 'FindConversation', 'GetItem', 'SyncFolderItems', 'SyncFolderHierarchy', 'CreateItem', 'UpdateItem', 'DeleteItem', 'MoveItem', 'CopyItem', 'ConvertId', 'ResolveNames', 'SendFrom', 'GetInboxRules', 'UpdateInboxRules'] as const;
const RIGHTS = ['FullAccess', 'SendAs', 'SendOnBehalf'] as const;
const FORMS = ['PrincipalName', 'SID', 'PrimarySmtpAddress', 'SmtpAddress'] as const;
type Right = 'ApplicationImpersonation' | 'ms-Exch-EPI-Impersonation' | 'ms-Exch-EPI-May-Impersonate';

// ---- generated data ----

export interface UserSpec {
  domain: number;
  dept: number;
  mailbox: boolean;
}
export interface GrantSpec {
  account: number;
  scope: { kind: 'all' } | { kind: 'domains'; domains: number[] } | { kind: 'mailboxes'; users: number[] };
  filter: number | null;
  right: Right | null;
}
/** A right of user `user` on the mailbox of the `mailbox`-th user that has one. */
export interface PermissionSpec {
  mailbox: number;
  user: number;
  /** Absent in regressions saved before the sending rights existed: FullAccess. */
  right?: (typeof RIGHTS)[number];
}
export interface ScenarioCase {
  profile: (typeof PROFILES)[number];
  users: UserSpec[];
  grants: GrantSpec[];
  /** Absent in regressions saved before delegate access existed. */
  permissions?: PermissionSpec[];
}
export interface RequestCase {
  caller: number;
  impersonate: { form: (typeof FORMS)[number]; target: number; empty: boolean } | null;
  op: (typeof OPS)[number];
  /** Mailbox (user index) whose id the request names, and the second one for moves and copies. */
  x: number;
  y: number;
  /** How a folder is named: own distinguished id, a FolderId, or a DistinguishedFolderId with a Mailbox. */
  folderForm: 'own' | 'id' | 'mailbox';
  /** False: x and y are the mailbox the request acts on (its own data); true: whatever x and y name. */
  foreign: boolean;
  pick: number;
}

export const scenarioArb: fc.Arbitrary<ScenarioCase> = fc
  .record({
    profile: fc.constantFrom(...PROFILES),
    users: fc.array(fc.record({ domain: fc.nat({ max: 2 }), dept: fc.nat({ max: 1 }), mailbox: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }), {
      minLength: 2,
      maxLength: 5,
    }),
    grants: fc.array(
      fc.record({
        // Callers 0 and 1 come more often (requestArb): grants to them are grants that get used.
        account: fc.oneof({ weight: 1, arbitrary: fc.nat({ max: 1 }) }, { weight: 1, arbitrary: fc.nat({ max: 4 }) }),
        scope: fc.oneof(
          fc.constant({ kind: 'all' as const }),
          fc.record({ kind: fc.constant('domains' as const), domains: fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 1, maxLength: 2 }) }),
          fc.record({ kind: fc.constant('mailboxes' as const), users: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: 1, maxLength: 3 }) }),
        ),
        filter: fc.option(fc.nat({ max: FILTERS.length - 1 }), { nil: null }),
        right: fc.option(fc.constantFrom<Right>('ApplicationImpersonation', 'ms-Exch-EPI-Impersonation', 'ms-Exch-EPI-May-Impersonate'), { nil: null }),
      }),
      { maxLength: 4 },
    ),
    // Users 0 and 1 hold most permissions, and requests come from them more often (see requestArb), so
    // delegated requests, impersonated ones among them, are not a rarity among the generated cases.
    permissions: fc.array(
      fc.record({
        mailbox: fc.nat({ max: 4 }),
        user: fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 1 }) }, { weight: 1, arbitrary: fc.nat({ max: 4 }) }),
        right: fc.oneof({ weight: 2, arbitrary: fc.constant('FullAccess' as const) }, { weight: 1, arbitrary: fc.constantFrom('SendAs' as const, 'SendOnBehalf' as const) }),
      }),
      { maxLength: 5 },
    ),
  })
  .map((s) => ({ ...s, users: s.users.map((u, i) => (i === 0 ? { ...u, mailbox: true } : u)) }));

export const requestArb: fc.Arbitrary<RequestCase> = fc.record({
  caller: fc.oneof({ weight: 1, arbitrary: fc.nat({ max: 1 }) }, { weight: 2, arbitrary: fc.nat({ max: 4 }) }),
  impersonate: fc.option(
    fc.record({
      form: fc.constantFrom(...FORMS),
      // 5 names nobody (at most five users).
      target: fc.oneof({ weight: 9, arbitrary: fc.nat({ max: 4 }) }, { weight: 1, arbitrary: fc.constant(5) }),
      empty: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
    { nil: null, freq: 2 },
  ),
  op: fc.constantFrom(...OPS),
  x: fc.nat({ max: 4 }),
  y: fc.nat({ max: 4 }),
  folderForm: fc.constantFrom('own' as const, 'id' as const, 'mailbox' as const),
  foreign: fc.boolean(),
  pick: fc.nat({ max: 20 }),
});

// ---- the scenario file ----

const smtpOf = (s: ScenarioCase, i: number) => `u${i}@${DOMAINS[s.users[i].domain]}`;

export function scenarioFile(s: ScenarioCase): object {
  const users = s.users;
  const grants = s.grants
    .filter((g) => g.account < users.length)
    .map((g) => {
      const scope =
        g.scope.kind === 'all'
          ? 'all'
          : g.scope.kind === 'domains'
            ? { domains: g.scope.domains.map((d) => DOMAINS[d]) }
            : { mailboxes: g.scope.users.filter((u) => u < users.length).map((u) => smtpOf(s, u)) };
      const out: Record<string, unknown> = { account: smtpOf(s, g.account), scope };
      if (typeof scope === 'object' && 'mailboxes' in scope && (scope.mailboxes ?? []).length === 0) out.scope = 'all';
      if (g.filter !== null) out.recipientFilter = FILTERS[g.filter];
      if (g.right) out.right = g.right;
      return out;
    });
  return {
    name: 'permissions',
    profile: s.profile,
    domains: DOMAINS,
    accounts: users.map((u, i) => ({ smtp: smtpOf(s, i), password: PASSWORD, displayName: `User ${i}`, department: DEPARTMENTS[u.dept], mailbox: u.mailbox })),
    grants,
    mailboxPermissions: permissionsOf(s).map(([mailbox, user, accessRights]) => ({ mailbox: smtpOf(s, mailbox), user: smtpOf(s, user), accessRights })),
    mailboxes: users
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => u.mailbox)
      .map(({ i }) => ({
        smtp: smtpOf(s, i),
        folders: [
          {
            name: 'inbox',
            messages: [1, 2, 3].map((n) => ({ subject: `subj-u${i}-in${n}`, from: 'sender@outside.test', to: ['someone@outside.test'], text: `body-u${i}-${n}` })),
            folders: [{ name: 'Projects', messages: [{ subject: `subj-u${i}-pr1`, from: 'sender@outside.test', to: ['someone@outside.test'], text: 'p' }] }],
          },
          { name: 'sentitems', messages: [{ subject: `subj-u${i}-se1`, from: 'sender@outside.test', to: ['someone@outside.test'], text: 's' }] },
        ],
      })),
  };
}

type Permission = [mailbox: number, user: number, right: (typeof RIGHTS)[number]];

/** The scenario's mailbox permissions as [mailbox owner, user, right], each once. */
function permissionsOf(s: ScenarioCase): Permission[] {
  const all = (s.permissions ?? []).filter((p) => p.user < s.users.length).map((p): Permission => [withMailbox(s, p.mailbox), p.user, p.right ?? 'FullAccess']);
  return all.filter(([m, u, r], i) => all.findIndex(([m2, u2, r2]) => m2 === m && u2 === u && r2 === r) === i);
}

/** Whether user `user` holds `right` on the mailbox of user `box`. */
function holds(s: ScenarioCase, box: number, user: number, right: Permission[2]): boolean {
  return permissionsOf(s).some(([m, u, r]) => m === box && u === user && r === right);
}

// ---- the model of the rules ----

interface Model {
  s: ScenarioCase;
  smtp(i: number): string;
  domain(i: number): string;
  dept(i: number): string;
}

function model(s: ScenarioCase): Model {
  return { s, smtp: (i) => smtpOf(s, i), domain: (i) => DOMAINS[s.users[i].domain], dept: (i) => DEPARTMENTS[s.users[i].dept] };
}

function filterMatches(m: Model, filter: number | null, target: number): boolean {
  if (filter === null) return true;
  switch (FILTERS[filter]) {
    case "Department -eq 'Sales'":
      return m.dept(target) === 'Sales';
    case "Department -ne 'Sales'":
      return m.dept(target) !== 'Sales';
    default:
      return m.domain(target) === 'alpha.test';
  }
}

function grantCovers(m: Model, g: GrantSpec, target: number): boolean {
  const inScope =
    g.scope.kind === 'all' ||
    (g.scope.kind === 'domains' && g.scope.domains.some((d) => DOMAINS[d] === m.domain(target))) ||
    (g.scope.kind === 'mailboxes' && (g.scope.users.filter((u) => u < m.s.users.length).length === 0 || g.scope.users.some((u) => u < m.s.users.length && m.smtp(u) === m.smtp(target))));
  return inScope && filterMatches(m, g.filter, target);
}

function grantsOf(m: Model, caller: number, rights: (Right | null)[]): GrantSpec[] {
  return m.s.grants.filter((g) => g.account < m.s.users.length && m.smtp(g.account) === m.smtp(caller) && rights.includes(g.right === 'ApplicationImpersonation' ? null : g.right));
}

/** Whom the caller may impersonate, under the profile's model. */
function mayImpersonate(m: Model, caller: number, target: number): boolean {
  const rights: (Right | null)[] = m.s.profile === 'Exchange2007_SP1' ? [null, 'ms-Exch-EPI-May-Impersonate'] : [null];
  return grantsOf(m, caller, rights).some((g) => grantCovers(m, g, target));
}

/** The directory rule: own entry, own domain, and whatever the actor's grants cover (either impersonation right). */
function visible(m: Model, actor: number, target: number): boolean {
  return actor === target || m.domain(actor) === m.domain(target) || grantsOf(m, actor, [null, 'ms-Exch-EPI-May-Impersonate']).some((g) => grantCovers(m, g, target));
}

export interface Expectation {
  /** 'ok', or the ResponseCode the request must fail with. */
  outcome: string;
  /** The user index whose mailbox the request acts on, if it gets that far. */
  actingOn: number | undefined;
  /** The user the request acts as (for the directory rule and its mailbox permissions). */
  actor: number;
  /** The mailboxes (user indexes) the request may change and show: its own, and those it opens as a delegate. */
  reach: number[];
}

function formAllowed(profile: ScenarioCase['profile'], form: (typeof FORMS)[number]): boolean {
  return !(profile === 'Exchange2007_SP1' && form === 'SmtpAddress');
}

export function expectation(s: ScenarioCase, r: RequestCase): Expectation {
  const m = model(s);
  const n = s.users.length;
  const caller = r.caller % n;
  let actingOn: number | undefined = s.users[caller].mailbox ? caller : undefined;
  let actor = caller;
  const refused = (outcome: string): Expectation => ({ outcome, actingOn: undefined, actor, reach: [] });
  if (r.impersonate) {
    if (r.impersonate.empty) return refused('ErrorInvalidExchangeImpersonationHeaderData');
    if (s.profile === 'Exchange2007_SP1' && grantsOf(m, caller, [null, 'ms-Exch-EPI-Impersonation']).length === 0) {
      return refused('ErrorImpersonationDenied');
    }
    const target = r.impersonate.target;
    if (target >= n || !s.users[target].mailbox) return refused('ErrorNonExistentMailbox');
    if (!mayImpersonate(m, caller, target)) return refused('ErrorImpersonateUserDenied');
    actingOn = target;
    actor = target;
  }
  if (r.op === 'ResolveNames') {
    const target = r.x % n;
    return { outcome: s.users[target].mailbox && visible(m, actor, target) ? 'ok' : 'ErrorNameResolutionNoResults', actingOn, actor, reach: actingOn === undefined ? [] : [actingOn] };
  }
  if (r.op === 'SendFrom') {
    // A new message with x's address as From, to someone outside: only the sent copy, in the
    // acting mailbox's own Sent Items, is stored. Sending as another mailbox takes SendAs or
    // SendOnBehalf on it; FullAccess is not enough.
    if (actingOn === undefined) return refused('ErrorNonExistentMailbox');
    const { x } = named(s, r, actingOn);
    const may = x === actingOn || holds(s, x, actor, 'SendAs') || holds(s, x, actor, 'SendOnBehalf');
    return may ? { outcome: 'ok', actingOn, actor, reach: [actingOn] } : { outcome: 'ErrorSendAsDenied', actingOn, actor, reach: [] };
  }
  // A reference is undefined where the request names the acting mailbox's own distinguished folder.
  const refs = referenced(s, r, actingOn);
  const delegated = (x: number) => holds(s, x, actor, 'FullAccess');
  const opens = (x: number | undefined) => x !== undefined && (x === actingOn || delegated(x));
  if (refs.every(opens)) return { outcome: 'ok', actingOn, actor, reach: [...new Set([...(actingOn === undefined ? [] : [actingOn]), ...(refs as number[])])] };
  return { outcome: actingOn === undefined ? 'ErrorNonExistentMailbox' : 'ErrorAccessDenied', actingOn, actor, reach: [] };
}

/** The mailboxes (user indexes) whose ids or addresses the request names; undefined for the acting mailbox's own distinguished folder. */
function referenced(s: ScenarioCase, r: RequestCase, acting: number | undefined): (number | undefined)[] {
  const { x, y } = named(s, r, acting);
  const folder = r.folderForm === 'own' ? acting : x;
  switch (r.op) {
    case 'GetFolder':
    case 'FindFolder':
    case 'FindItem':
    case 'FindConversation':
    case 'CreateItem':
    // The rules of the acting mailbox, or of the one MailboxSmtpAddress names.
    case 'GetInboxRules':
    case 'UpdateInboxRules':
      return [folder];
    case 'SyncFolderItems':
    case 'SyncFolderHierarchy':
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'ConvertId':
      return [x];
    case 'MoveItem':
    case 'CopyItem':
      return [x, r.folderForm === 'own' ? acting : y];
    case 'ResolveNames':
    case 'SendFrom':
      return [];
  }
}

/** The mailboxes whose ids the request names. */
function named(s: ScenarioCase, r: RequestCase, acting: number | undefined): { x: number; y: number } {
  if (!r.foreign && acting !== undefined) return { x: acting, y: acting };
  return { x: withMailbox(s, r.x), y: withMailbox(s, r.y) };
}

/** The user index `i` points at among users with a mailbox. */
function withMailbox(s: ScenarioCase, i: number): number {
  const boxes = s.users.map((u, k) => (u.mailbox ? k : -1)).filter((k) => k >= 0);
  return boxes[i % boxes.length];
}

// ---- building the SOAP request ----

/** What a request may name and an answer must not reveal, read through the admin API before the request. */
interface MailboxState {
  smtp: string;
  /** Folders from the top of the mailbox down, depth-first. */
  folderIds: string[];
  /** Every folder id, the root's included. */
  allFolderIds: string[];
  items: ItemSummary[];
}
type MailboxStates = Map<string, MailboxState>;

function mailboxState(box: MailboxInfo, items: ItemSummary[]): MailboxState {
  const folderIds = box.folders.map((f) => f.id);
  const root = box.folders[0]?.parentId;
  return { smtp: box.smtp, folderIds, allFolderIds: root ? [root, ...folderIds] : folderIds, items };
}

async function readMailbox(admin: AdminClient, smtp: string): Promise<MailboxState> {
  const [box, items] = await Promise.all([admin.mailbox(smtp), admin.allItems(smtp)]);
  return mailboxState(box, items);
}

/**
 * What the checks know of the mock between requests: accounts, every mailbox's folders and items,
 * and the per-mailbox digests they were read at. After a request only the mailboxes whose digest
 * moved are read again, so each request costs one digest call, not a full read.
 */
export interface CaseContext {
  accounts: AccountInfo[];
  boxes: MailboxStates;
  hashes: Record<string, string>;
}

export async function caseContext(admin: AdminClient): Promise<CaseContext> {
  const [accounts, list, digest] = await Promise.all([admin.accounts(), admin.mailboxes(), admin.storeDigest()]);
  const items = await Promise.all(list.map((b) => admin.allItems(b.smtp)));
  const boxes: MailboxStates = new Map();
  list.forEach((b, i) => boxes.set(b.smtp, mailboxState(b, items[i])));
  return { accounts, boxes, hashes: digest.mailboxes };
}

function mailboxOf(boxes: MailboxStates, s: ScenarioCase, i: number): MailboxState {
  const mb = boxes.get(smtpOf(s, i));
  if (!mb) throw new Error(`no mailbox for user ${i}`);
  return mb;
}

function folderIdOf(boxes: MailboxStates, s: ScenarioCase, i: number, pick: number): string {
  const folders = mailboxOf(boxes, s, i).folderIds;
  return folders[pick % folders.length];
}

function itemOf(boxes: MailboxStates, s: ScenarioCase, i: number, pick: number): { id: string; changeKey: string } | undefined {
  const items = mailboxOf(boxes, s, i).items;
  return items.length ? items[pick % items.length] : undefined;
}

let planted = 0;
/** One keep-alive connection pool for every case: thousands of requests need no new connections. */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function buildSoap(boxes: MailboxStates, accounts: AccountInfo[], s: ScenarioCase, r: RequestCase): { xml: string; caller: string } | undefined {
  const n = s.users.length;
  const caller = r.caller % n;
  const acting = expectation(s, r).actingOn;
  const { x, y } = named(s, r, acting);
  const folderRef = (owner: number | undefined) => {
    if (r.folderForm === 'own' || owner === undefined) return '<t:DistinguishedFolderId Id="inbox"/>';
    if (r.folderForm === 'mailbox') return `<t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>${smtpOf(s, owner)}</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>`;
    return `<t:FolderId Id="${folderIdOf(boxes, s, owner, r.pick)}"/>`;
  };
  const item = itemOf(boxes, s, x, r.pick);
  const needsItem = ['GetItem', 'UpdateItem', 'DeleteItem', 'MoveItem', 'CopyItem', 'ConvertId'].includes(r.op);
  if (needsItem && !item) return undefined;
  let body: string;
  switch (r.op) {
    case 'GetFolder':
      body = `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>${folderRef(x)}</m:FolderIds></m:GetFolder>`;
      break;
    case 'FindFolder':
      body = `<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds>${folderRef(x)}</m:ParentFolderIds></m:FindFolder>`;
      break;
    case 'FindConversation':
      if (s.profile === 'Exchange2007_SP1') return undefined;
      body = `<m:FindConversation><m:ParentFolderId>${folderRef(x)}</m:ParentFolderId></m:FindConversation>`;
      break;
    case 'GetInboxRules':
    case 'UpdateInboxRules': {
      if (s.profile === 'Exchange2007_SP1') return undefined;
      const address = r.folderForm === 'own' ? '' : `<m:MailboxSmtpAddress>${smtpOf(s, x)}</m:MailboxSmtpAddress>`;
      const create = `<t:CreateRuleOperation><t:Rule><t:DisplayName>planted-${++planted}-x</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:MarkAsRead>true</t:MarkAsRead></t:Actions></t:Rule></t:CreateRuleOperation>`;
      body = r.op === 'GetInboxRules' ? `<m:GetInboxRules>${address}</m:GetInboxRules>` : `<m:UpdateInboxRules>${address}<m:Operations>${create}</m:Operations></m:UpdateInboxRules>`;
      break;
    }
    case 'FindItem':
      body = `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ParentFolderIds>${folderRef(x)}</m:ParentFolderIds></m:FindItem>`;
      break;
    case 'CreateItem':
      body = `<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId>${folderRef(x)}</m:SavedItemFolderId><m:Items><t:Message><t:Subject>planted-${++planted}-x</t:Subject></t:Message></m:Items></m:CreateItem>`;
      break;
    case 'SyncFolderItems':
      body = `<m:SyncFolderItems><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:SyncFolderId><t:FolderId Id="${folderIdOf(boxes, s, x, r.pick)}"/></m:SyncFolderId><m:MaxChangesReturned>100</m:MaxChangesReturned></m:SyncFolderItems>`;
      break;
    case 'SyncFolderHierarchy':
      body = `<m:SyncFolderHierarchy><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:SyncFolderId><t:FolderId Id="${folderIdOf(boxes, s, x, r.pick)}"/></m:SyncFolderId></m:SyncFolderHierarchy>`;
      break;
    case 'GetItem':
      body = `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${item!.id}"/></m:ItemIds></m:GetItem>`;
      break;
    case 'UpdateItem':
      body =
        `<m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly"><m:ItemChanges><t:ItemChange><t:ItemId Id="${item!.id}"/><t:Updates>` +
        `<t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>edited-${++planted}-x</t:Subject></t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`;
      break;
    case 'DeleteItem':
      body = `<m:DeleteItem DeleteType="HardDelete"><m:ItemIds><t:ItemId Id="${item!.id}"/></m:ItemIds></m:DeleteItem>`;
      break;
    case 'MoveItem':
    case 'CopyItem': {
      const to = r.folderForm === 'own' ? '<t:DistinguishedFolderId Id="drafts"/>' : `<t:FolderId Id="${folderIdOf(boxes, s, y, r.pick + 1)}"/>`;
      body = `<m:${r.op}><m:ToFolderId>${to}</m:ToFolderId><m:ItemIds><t:ItemId Id="${item!.id}"/></m:ItemIds></m:${r.op}>`;
      break;
    }
    case 'ConvertId':
      body = `<m:ConvertId DestinationFormat="HexEntryId"><m:SourceIds><t:AlternateId Format="EwsId" Id="${item!.id}" Mailbox="${smtpOf(s, x)}"/></m:SourceIds></m:ConvertId>`;
      break;
    case 'ResolveNames':
      body = `<m:ResolveNames ReturnFullContactData="true"><m:UnresolvedEntry>SMTP:${smtpOf(s, r.x % n)}</m:UnresolvedEntry></m:ResolveNames>`;
      break;
    case 'SendFrom':
      body =
        `<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:Items><t:Message><t:Subject>sent-${++planted}-x</t:Subject>` +
        `<t:ToRecipients><t:Mailbox><t:EmailAddress>someone@outside.test</t:EmailAddress></t:Mailbox></t:ToRecipients>` +
        `<t:From><t:Mailbox><t:EmailAddress>${smtpOf(s, x)}</t:EmailAddress></t:Mailbox></t:From></t:Message></m:Items></m:CreateItem>`;
      break;
  }
  let header = '';
  const version = s.profile === 'Exchange2007_SP1' ? 'Exchange2007_SP1' : 'Exchange2010_SP2';
  if (r.impersonate) {
    const form = formAllowed(s.profile, r.impersonate.form) ? r.impersonate.form : 'PrimarySmtpAddress';
    const t = r.impersonate.target;
    let value = '';
    if (!r.impersonate.empty) {
      if (t >= n) value = form === 'SID' ? 'S-1-5-21-9-9-9-9999' : `nobody@${DOMAINS[0]}`;
      else {
        const account = accounts.find((a) => a.smtp.toLowerCase() === smtpOf(s, t).toLowerCase())!;
        value = form === 'SID' ? account.sid : form === 'PrincipalName' ? account.upn : account.smtp;
      }
    }
    header = `<t:ExchangeImpersonation><t:ConnectingSID><t:${form}>${value}</t:${form}></t:ConnectingSID></t:ExchangeImpersonation>`;
  }
  return { xml: envelope(body, { version, header }), caller: smtpOf(s, caller) };
}

// ---- checking one request ----

/** The outcome the mock gave: 'ok' when every response message succeeded (or warned), else the first error code. */
export function outcomeOf(reply: HttpReply): string {
  const fault = findAll(reply.doc, 'Fault')[0];
  if (reply.status !== 200 || fault) return textOf(findAll(fault ?? reply.doc, 'ResponseCode')[0]) ?? `HTTP ${reply.status}`;
  let messages = findAll(reply.doc, 'ResponseMessages').flatMap((rm) => Object.values(rm).flat() as Record<string, unknown>[]);
  // FindConversation, GetInboxRules, UpdateInboxRules: the response element is itself the one message.
  if (messages.length === 0) messages = ['FindConversationResponse', 'GetInboxRulesResponse', 'UpdateInboxRulesResponse'].flatMap((name) => findAll(reply.doc, name));
  if (messages.length === 0) return 'no response messages';
  const bad = messages.find((m) => m['@ResponseClass'] === 'Error');
  return bad ? textOf(findAll(bad, 'ResponseCode')[0]) ?? 'Error' : 'ok';
}

export interface CaseResult {
  problems: string[];
}

/**
 * Runs one request against a mock loaded with the scenario; every broken rule is a problem. The
 * mailboxes are read and compared through the admin API (per-mailbox digests), never the store;
 * `ctx` carries what is known from the previous request and is brought up to date.
 */
export async function runCase(mock: RunningMock, s: ScenarioCase, r: RequestCase, ctx?: CaseContext): Promise<CaseResult> {
  const admin = mock.admin;
  const c = ctx ?? (await caseContext(admin));
  const { boxes: before, hashes } = c;
  const built = buildSoap(before, c.accounts, s, r);
  if (!built) return { problems: [] };
  const expected = expectation(s, r);
  const reply = await send(mock.url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', Authorization: 'Basic ' + Buffer.from(`${built.caller}:${PASSWORD}`).toString('base64') },
    body: Buffer.from(built.xml),
  }, keepAlive);
  const problems: string[] = [];
  const got = outcomeOf(reply);
  if (got !== expected.outcome) problems.push(`${r.op}: expected ${expected.outcome}, got ${got}`);
  // Mailboxes the request may change and show: its own and those it opens as a delegate; none when refused.
  const reach = new Set(expected.reach.map((i) => smtpOf(s, i)));
  const hashesAfter = (await admin.storeDigest()).mailboxes;
  const moved = [...before.keys()].filter((smtp) => hashesAfter[smtp] !== hashes[smtp]);
  for (const smtp of moved) if (!reach.has(smtp)) problems.push(`${r.op}: changed ${smtp}`);
  // A mailbox whose digest is unchanged holds what it held before; one that changed is read again.
  const after = new Map(before);
  for (const smtp of moved) after.set(smtp, await readMailbox(admin, smtp));
  c.boxes = after;
  c.hashes = hashesAfter;
  // Nothing of another mailbox in the answer, unless the request itself carried it. The acting
  // mailbox may show even when a request is refused (its own folder ids in a partial answer).
  const actingSmtp = expected.actingOn !== undefined ? smtpOf(s, expected.actingOn) : undefined;
  const shown = (smtp: string) => smtp === actingSmtp || reach.has(smtp);
  // A subject copied from a mailbox the request may show into one it may not is still its own to show.
  const own = new Set([...after.values()].filter((mb) => shown(mb.smtp)).flatMap((mb) => mb.items.map((i) => i.subject)));
  // Likewise an address a message of such a mailbox carries (From of a message sent as another mailbox).
  const ownAddresses = new Set([...after.values()].filter((mb) => shown(mb.smtp)).flatMap((mb) => mb.items.flatMap((i) => [i.from?.address, ...i.to.map((t) => t?.address)])).map((a) => a?.toLowerCase()));
  for (const mb of after.values()) {
    if (shown(mb.smtp)) continue;
    const tokens = [...mb.items.flatMap((i) => [i.id, own.has(i.subject) ? '' : i.subject]), ...mb.allFolderIds];
    const idx = s.users.findIndex((_u, i) => smtpOf(s, i) === mb.smtp);
    if (!visible(model(s), expected.actor, idx) && !ownAddresses.has(mb.smtp.toLowerCase())) tokens.push(mb.smtp);
    for (const t of tokens) {
      if (t && reply.body.includes(t) && !built.xml.includes(t)) problems.push(`${r.op}: the answer reveals "${t}" of ${mb.smtp}`);
    }
  }
  return { problems };
}

// ---- regressions ----

export interface Regression {
  found: string;
  seed: number;
  scenario: ScenarioCase;
  requests: RequestCase[];
  problems: string[];
}

export function saveRegression(reg: Regression): string {
  mkdirSync(REGRESSION_DIR, { recursive: true });
  const file = path.join(REGRESSION_DIR, `permissions-${reg.seed}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(reg, null, 2) + '\n');
  return file;
}

export function savedRegressions(): { file: string; reg: Regression }[] {
  let files: string[] = [];
  try {
    files = readdirSync(REGRESSION_DIR).filter((f) => /^permissions-.*\.json$/.test(f));
  } catch {
    return [];
  }
  return files.map((f) => ({ file: f, reg: JSON.parse(readFileSync(path.join(REGRESSION_DIR, f), 'utf8')) as Regression }));
}

/** Loads the scenario into the mock through its admin API and runs the requests in order; stops at the first broken rule. */
export async function runSequence(mock: RunningMock, s: ScenarioCase, requests: RequestCase[], counter?: { cases: number }): Promise<string[]> {
  await mock.admin.loadScenario(scenarioFile(s));
  const ctx = await caseContext(mock.admin);
  for (const r of requests) {
    if (counter) counter.cases++;
    const { problems } = await runCase(mock, s, r, ctx);
    if (problems.length) return problems;
  }
  return [];
}

export interface PropertyRun {
  seed: number;
  runs: number;
  cases: number;
  ms: number;
  /** The shrunk counterexample, saved under fixtures/regressions/, when a rule broke. */
  failure?: { file: string; problems: string[] };
}

/**
 * Runs the property: `runs` random scenarios with `requestsPerRun` random requests each, on one mock
 * that reloads each scenario through the admin API. A failing sequence is shrunk by fast-check and
 * saved as a regression.
 */
export async function checkPermissions(mock: RunningMock, o: { seed: number; runs: number; requestsPerRun: number }): Promise<PropertyRun> {
  const started = Date.now();
  const counter = { cases: 0 };
  let lastProblems: string[] = [];
  const property = fc.asyncProperty(scenarioArb, fc.array(requestArb, { minLength: o.requestsPerRun, maxLength: o.requestsPerRun }), async (s, requests) => {
    const problems = await runSequence(mock, s, requests, counter);
    if (problems.length) lastProblems = problems;
    return problems.length === 0;
  });
  // The limit stays under the Cucumber step's 300 s: a busy machine still finishes 2,000 requests
  // (about 80 s alone, 120 s and more beside a whole suite), where 120 s cut runs short.
  const details = await fc.check(property, { seed: o.seed, numRuns: o.runs, endOnFailure: false, interruptAfterTimeLimit: 270_000 });
  const result: PropertyRun = { seed: o.seed, runs: details.numRuns, cases: counter.cases, ms: Date.now() - started };
  if (details.failed && details.counterexample) {
    const [scenario, requests] = details.counterexample;
    // Re-run the shrunk case so the saved problems are its own, and keep only the requests up to the failing one.
    const problems = await runSequence(mock, scenario, requests);
    const file = saveRegression({ found: new Date().toISOString(), seed: o.seed, scenario, requests, problems: problems.length ? problems : lastProblems });
    result.failure = { file, problems: problems.length ? problems : lastProblems };
  }
  return result;
}
