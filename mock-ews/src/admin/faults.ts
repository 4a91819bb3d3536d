import { z } from 'zod';
import { ERROR_CATALOGUE, isResponseCode, ResponseCode } from '../soap/error-catalogue';
import { prng } from '../scenario/generate';

/**
 * Injected faults: a closed set of ways the server misbehaves, each scoped by operation, mailbox
 * and account and limited by a count or a seeded probability. Faults are data; the EWS endpoint
 * asks the engine at two points of a request (see `stageOf`), and a request takes at most one fault.
 */

const scopeFields = {
  /** EWS operation (local name of the body element), e.g. "FindItem"; any when omitted. */
  operation: z.string().trim().min(1).optional(),
  /** The mailbox the request acts on (impersonated, or the caller's own). */
  mailbox: z.string().trim().min(1).optional(),
  /** The authenticated account. */
  account: z.string().trim().min(1).optional(),
  /** Fire for this many matching requests, then expire. */
  count: z.number().int().positive().optional(),
  /** Fire for this share of matching requests (0 < p ≤ 1), drawn from a PRNG seeded with `seed`. */
  probability: z.number().gt(0).max(1).optional(),
  seed: z.number().int().optional(),
};

const responseCode = z.string().refine(isResponseCode, 'must be a ResponseCode from the error catalogue');

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http-status'), status: z.union([z.literal(401), z.literal(403), z.literal(500), z.literal(503)]), ...scopeFields }).strict(),
  z
    .object({
      kind: z.literal('server-busy'),
      /** null sends ErrorServerBusy without a BackOffMilliseconds value, as some servers do. */
      backOffMilliseconds: z.number().int().nonnegative().nullable().default(5000),
      ...scopeFields,
    })
    .strict(),
  z
    .object({
      kind: z.literal('response-code'),
      code: responseCode,
      /** Answer shape; the code's first catalogue shape when omitted. */
      shape: z.enum(['fault', 'item']).optional(),
      message: z.string().optional(),
      ...scopeFields,
    })
    .strict()
    .refine((f) => !f.shape || ERROR_CATALOGUE[f.code as ResponseCode].shapes.includes(f.shape), { message: 'the catalogue has no such shape for this code', path: ['shape'] }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().nonnegative().max(120_000), ...scopeFields }).strict(),
  z.object({ kind: z.literal('connection-reset'), ...scopeFields }).strict(),
  z.object({ kind: z.literal('empty-reply'), ...scopeFields }).strict(),
  z.object({ kind: z.literal('malformed-xml'), ...scopeFields }).strict(),
  z
    .object({
      kind: z.literal('slow-drip'),
      chunkBytes: z.number().int().positive().default(64),
      intervalMs: z.number().int().nonnegative().max(10_000).default(50),
      ...scopeFields,
    })
    .strict(),
]);

export type FaultSpec = z.infer<typeof faultSchema>;
export type FaultKind = FaultSpec['kind'];
export const FAULT_KINDS: readonly FaultKind[] = ['http-status', 'server-busy', 'response-code', 'delay', 'connection-reset', 'empty-reply', 'malformed-xml', 'slow-drip'];

/** An active fault as the admin API lists it. */
export type Fault = FaultSpec & {
  id: string;
  /** How many requests it has answered so far. */
  hits: number;
  /** Requests left before it expires; absent when it has no count. */
  remaining?: number;
  createdAt: string;
};

/** What a request is, for matching faults against it. */
export interface RequestFacts {
  operation?: string;
  mailbox?: string;
  account?: string;
}

/**
 * When a fault is decided. `arrival`: before authentication, as a web server, a load balancer or
 * the network fails a request before any EWS code runs. `request`: once the envelope is parsed,
 * before the version gate and impersonation are checked, as EWS itself answers.
 */
export type FaultStage = 'arrival' | 'request';

/**
 * Kinds that happen below EWS (IIS, HTTP.sys, the network), so they can hit a request on arrival.
 * A delay is a slow answer, not a failure: it is decided with the EWS kinds and holds the request's
 * throttling budget while it waits, as a slow server does.
 */
const ARRIVAL_KINDS: ReadonlySet<FaultKind> = new Set(['http-status', 'connection-reset', 'empty-reply']);

/**
 * The stage at which a fault is decided: on arrival for the web-server and network kinds, unless
 * the fault is scoped by mailbox (known only from the envelope) or by an account the request does
 * not name before authentication (NTLM, OAuth tokens); every other fault when the request is parsed.
 */
export function stageOf(fault: Pick<FaultSpec, 'kind' | 'mailbox' | 'account'>, accountKnownOnArrival: boolean): FaultStage {
  if (!ARRIVAL_KINDS.has(fault.kind) || fault.mailbox) return 'request';
  return fault.account && !accountKnownOnArrival ? 'request' : 'arrival';
}

const eq = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

export class FaultEngine {
  private faults: { fault: Fault; random?: () => number }[] = [];
  private nextId = 0;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `f${++this.nextId}`, hits: 0, createdAt: new Date().toISOString() };
    if (spec.count !== undefined) fault.remaining = spec.count;
    this.faults.push({ fault, random: spec.probability !== undefined ? prng(spec.seed ?? 1) : undefined });
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f.fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.fault.id !== id);
    return this.faults.length < before;
  }

  get size(): number {
    return this.faults.length;
  }

  clear(): number {
    const n = this.faults.length;
    this.faults = [];
    return n;
  }

  /**
   * The fault that answers this request, if any: the first active one that is `eligible` (at this
   * stage), whose scope matches and whose probability draw succeeds. A fault with a count expires after its last hit.
   */
  take(facts: RequestFacts, eligible: (f: Fault) => boolean = () => true): Fault | undefined {
    for (const entry of this.faults) {
      const f = entry.fault;
      if (!eligible(f)) continue;
      if (f.operation && !eq(f.operation, facts.operation)) continue;
      if (f.mailbox && !eq(f.mailbox, facts.mailbox)) continue;
      if (f.account && !eq(f.account, facts.account)) continue;
      if (entry.random && entry.random() >= f.probability!) continue;
      f.hits++;
      if (f.remaining !== undefined && --f.remaining <= 0) this.faults = this.faults.filter((x) => x !== entry);
      return { ...f };
    }
    return undefined;
  }
}
