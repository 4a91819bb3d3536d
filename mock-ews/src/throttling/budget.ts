import { EwsFault } from '../soap/error-catalogue';
import type { Store } from '../store/store';
import type { Account, Mailbox, ThrottlingPolicy } from '../store/types';
import type { Profile } from '../profiles/profiles';

/**
 * EWS throttling budgets. Limits come from the scenario's policies (an account's own policy, else
 * the default policy) and, where a policy says nothing, from what the generation always enforces
 * (ConcurrentSyncCalls 5 on 2016, 2019 and Online; EWSFindCountLimit 1000 from 2010 SP1 on).
 * The budget owner is the impersonated mailbox when a request impersonates, else the caller.
 */

const SYNC_OPERATIONS = new Set(['SyncFolderItems', 'SyncFolderHierarchy']);
/** Exchange's default EWSFindCountLimit. */
export const DEFAULT_FIND_COUNT_LIMIT = 1000;
/** Back-off suggested for concurrency budgets, as Exchange Online suggests it. */
const CONCURRENCY_BACKOFF_MS = 5000;

interface Bucket {
  tokens: number;
  updated: number;
}

interface Counters {
  inFlight: Map<string, number>;
  syncInFlight: Map<string, number>;
  buckets: Map<string, Bucket>;
}

/** Counters per store: a scenario reset (new store) starts every budget afresh. */
const counters = new WeakMap<Store, Counters>();

function countersOf(store: Store): Counters {
  let c = counters.get(store);
  if (!c) {
    c = { inFlight: new Map(), syncInFlight: new Map(), buckets: new Map() };
    counters.set(store, c);
  }
  return c;
}

export interface BudgetContext {
  store: Store;
  profile: Profile;
  caller: Account;
  mailbox: Mailbox | undefined;
  impersonating: boolean;
}

function ownerOf(ctx: BudgetContext): string {
  return (ctx.impersonating && ctx.mailbox ? ctx.mailbox.smtp : ctx.caller.smtp).toLowerCase();
}

/** The policy in force for a budget owner: its own merged over the default one. */
export function policyFor(store: Store, owner: string): ThrottlingPolicy {
  const general = store.throttling.find((p) => p.account === undefined) ?? {};
  const own = store.throttling.find((p) => p.account?.toLowerCase() === owner.toLowerCase()) ?? {};
  return { ...general, ...own };
}

/** The ErrorServerBusy fault, in Exchange Online's wording when the profile is Online. */
function serverBusy(profile: Profile, part: string, value: number, backOffMs: number): EwsFault {
  const base = 'The server cannot service this request right now. Try again later.';
  const message = profile.online ? `${base} This request exceeds the throttling budget for policy part '${part}', policy value '${value}', Budget type: 'Ews'. Suggested backoff time ${backOffMs} ms.` : base;
  return new EwsFault('ErrorServerBusy', message, { values: { BackOffMilliseconds: String(backOffMs) } });
}

/**
 * Charges one request to its owner's budgets before the operation runs. Throws the fault Exchange
 * answers with when a budget is exhausted; otherwise returns the function that gives the
 * concurrency back (call it once, when the response is done).
 */
export function admit(ctx: BudgetContext, operation: string, now = Date.now()): () => void {
  const owner = ownerOf(ctx);
  const policy = policyFor(ctx.store, owner);
  const c = countersOf(ctx.store);

  if (policy.rate) {
    const { requests, perSeconds } = policy.rate;
    const perMs = requests / (perSeconds * 1000);
    const b = c.buckets.get(owner) ?? { tokens: requests, updated: now };
    b.tokens = Math.min(requests, b.tokens + (now - b.updated) * perMs);
    b.updated = now;
    c.buckets.set(owner, b);
    if (b.tokens < 1) throw serverBusy(ctx.profile, 'EwsMaxBurst', requests, Math.ceil((1 - b.tokens) / perMs));
    b.tokens -= 1;
  }

  const connections = policy.concurrentConnections ?? 0;
  const running = c.inFlight.get(owner) ?? 0;
  if (connections > 0 && running >= connections) {
    if (ctx.profile.online) throw serverBusy(ctx.profile, 'Concurrency', connections, CONCURRENCY_BACKOFF_MS);
    throw new EwsFault('ErrorExceededConnectionCount');
  }
  const sync = SYNC_OPERATIONS.has(operation);
  const syncLimit = policy.concurrentSyncCalls ?? ctx.profile.throttling.concurrentSyncCalls ?? 0;
  const syncRunning = c.syncInFlight.get(owner) ?? 0;
  if (sync && syncLimit > 0 && syncRunning >= syncLimit) throw serverBusy(ctx.profile, 'ConcurrentSyncCalls', syncLimit, CONCURRENCY_BACKOFF_MS);

  c.inFlight.set(owner, running + 1);
  if (sync) c.syncInFlight.set(owner, syncRunning + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    c.inFlight.set(owner, Math.max(0, (c.inFlight.get(owner) ?? 1) - 1));
    if (sync) c.syncInFlight.set(owner, Math.max(0, (c.syncInFlight.get(owner) ?? 1) - 1));
  };
}

export interface FindCountLimit {
  limit: number;
  /** ≤ Exchange 2010 RTM: the request fails; from 2010 SP1: a partial page. */
  onExceed: 'server-busy' | 'partial-page';
}

/** EWSFindCountLimit for this request, or undefined when no limit applies. */
export function findCountLimit(ctx: BudgetContext): FindCountLimit | undefined {
  const configured = policyFor(ctx.store, ownerOf(ctx)).findCountLimit;
  const onExceed = ctx.profile.throttling.findCountLimit;
  // From 2010 SP1 on the default policy always carries EWSFindCountLimit 1000; earlier servers only when configured.
  const limit = configured ?? (onExceed === 'partial-page' ? DEFAULT_FIND_COUNT_LIMIT : 0);
  return limit > 0 ? { limit, onExceed } : undefined;
}

/**
 * Applies EWSFindCountLimit to a FindItem/FindFolder page that would hold `pageSize` entries:
 * returns how many to return and whether the page was cut (then IncludesLastItemInRange must be
 * false). On ≤2010 RTM a page over the limit throws ErrorServerBusy instead.
 */
export function enforceFindCountLimit(ctx: BudgetContext, pageSize: number): { count: number; truncated: boolean } {
  const cap = findCountLimit(ctx);
  if (!cap || pageSize <= cap.limit) return { count: pageSize, truncated: false };
  if (cap.onExceed === 'server-busy') throw new EwsFault('ErrorServerBusy');
  return { count: cap.limit, truncated: true };
}
