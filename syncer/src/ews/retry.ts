import { classify, EwsFailure } from './errors';
import type { TransportTrace } from './client';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected so tests and the run deadline can shorten waits. */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (failure: EwsFailure, attempt: number, delayMs: number) => void;
  /** Absolute time after which no more waiting is allowed. */
  deadline?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Delay before retry `attempt` (1-based): the server's hint when given, else exponential with full jitter. */
export function retryDelay(failure: EwsFailure, attempt: number, policy: RetryPolicy, random = Math.random): number {
  if (failure.backOffMs !== undefined) return Math.min(failure.backOffMs, policy.maxDelayMs);
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** The policy with each retry logged as a warning naming `who`, what the server did and the wait. */
export function loggingRetries(policy: RetryPolicy, log: { warn(message: string): void }, who: string): RetryPolicy {
  return {
    ...policy,
    onRetry: (failure, attempt, delayMs) => {
      policy.onRetry?.(failure, attempt, delayMs);
      log.warn(`${who}: ${failure.message}; retrying in ${delayMs} ms (attempt ${attempt + 1} of ${policy.maxAttempts})`);
    },
  };
}

/** Runs an EWS call, retrying passing failures (throttling, time-outs, dropped connections, …) a bounded number of times; other failures surface at once. */
export async function withRetry<T>(call: () => Promise<T>, trace: () => TransportTrace, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const failure = classify(err, trace());
      if (!failure.retryable || attempt >= policy.maxAttempts) throw failure;
      const delay = retryDelay(failure, attempt, policy);
      if (policy.deadline !== undefined && Date.now() + delay > policy.deadline) throw failure;
      policy.onRetry?.(failure, attempt, delay);
      await sleep(delay);
    }
  }
}
