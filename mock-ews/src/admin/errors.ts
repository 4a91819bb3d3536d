import type { z } from 'zod';
import { StoreError } from '../store/store';

/** An admin request that cannot be served; answered as JSON `{ error, field? }` with this status. */
export class AdminError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 415 | 503,
    message: string,
    /** The request field at fault, as a path such as `to[0]` or `scope.domains`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function notFound(what: string, field?: string): AdminError {
  return new AdminError(404, `no ${what}`, field);
}

/** Formats a zod path like the scenario loader does: `to[0].address`. */
export function fieldPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Parses a request body with a schema; the first problem becomes a 400 naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, prefix?: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const unknownKey = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.[0] : undefined;
  const path = [...(prefix ? [prefix] : []), ...issue.path, ...(unknownKey ? [unknownKey] : [])];
  const field = fieldPath(path) ?? 'body';
  throw new AdminError(400, `${field}: ${issue.message}`, field);
}

/** Maps a store rule violation to the admin API's status codes. */
export function fromStoreError(err: StoreError, field?: string): AdminError {
  const status = err.reason === 'not-found' ? 404 : err.reason === 'conflict' ? 409 : 400;
  return new AdminError(status, err.message, field);
}
