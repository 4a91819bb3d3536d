import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';

/** Raw HTTP to the admin API, for scenarios that pin status codes and JSON shapes route by route. */

export interface AdminReply {
  status: number;
  headers: Headers;
  text: string;
  json?: unknown;
}

const REPLY = 'admin:reply';
const VAR = 'admin:var:';

export function remember(world: EwsWorld, name: string, value: unknown): void {
  world.results.set(VAR + name, value);
}

export function recalled(world: EwsWorld, name: string): unknown {
  assert.ok(world.results.has(VAR + name), `nothing remembered as "${name}"`);
  return world.results.get(VAR + name);
}

/** Replaces <name> with a remembered value: URL-encoded in paths, as is in bodies. */
export function substitute(world: EwsWorld, text: string, encode: boolean): string {
  return text.replace(/<([A-Za-z][\w-]*)>/g, (_m, name: string) => {
    const v = String(recalled(world, name));
    return encode ? encodeURIComponent(v) : v;
  });
}

export async function adminRequest(world: EwsWorld, method: string, path: string, body?: string | Buffer, contentType?: string, headers: Record<string, string> = {}): Promise<AdminReply> {
  const mock = await world.ensureMock();
  const base = mock.adminUrl ?? `${mock.baseUrl}/__admin`;
  const h: Record<string, string> = { ...headers };
  if (body !== undefined && contentType) h['Content-Type'] = contentType;
  const url = base + substitute(world, path, true);
  const res = await fetch(url, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? substitute(world, body, false) : new Uint8Array(body) }).catch((err: Error) => {
    throw new Error(`${method} ${url} failed: ${String((err.cause as Error | undefined)?.message ?? err.message)}`);
  });
  const text = await res.text();
  let json: unknown;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
  const reply = { status: res.status, headers: res.headers, text, json };
  world.results.set(REPLY, reply);
  return reply;
}

export function lastAdminReply(world: EwsWorld): AdminReply {
  const r = world.results.get(REPLY) as AdminReply | undefined;
  assert.ok(r, 'no admin request was sent');
  return r;
}

/** Reads a value by a path such as `folders[1].totalCount`, `items.length` or `[0].smtp`. */
export function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (v === undefined || v === null) return undefined;
    if (part === 'length' && Array.isArray(v)) v = v.length;
    else v = (v as Record<string, unknown>)[/^\d+$/.test(part) && Array.isArray(v) ? Number(part) : part];
  }
  return v;
}
