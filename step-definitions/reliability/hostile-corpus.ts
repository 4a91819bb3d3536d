/**
 * The hostile-input corpus (fixtures/hostile/index.yaml): reading it, building each request's bytes
 * and headers against a running mock (ids, change keys and sync states are read through its admin API),
 * and checking the answer against what the entry expects.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parse } from 'yaml';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { RunningMock } from '../../mock-ews/src/server/start';
import { EXCHANGE_APP_ID, issueToken } from '../../mock-ews/src/auth/tokens';
import type { AdminClient, ItemSummary } from '../../mock-ews/src/client/admin-client';
import { envelope, findAll, HttpReply, textOf } from '../support/soap';
import { DEFAULT_PASSWORD } from '../support/accounts';

export const CORPUS_DIR = path.resolve(__dirname, '../../fixtures/hostile');

const bearerSpec = z
  .object({
    account: z.string().optional(),
    lifetimeSeconds: z.number().optional(),
    secret: z.string().optional(),
    audience: z.string().optional(),
    tamper: z.enum(['upn-swap', 'alg-none']).optional(),
  })
  .strict();

const entrySchema = z
  .object({
    name: z.string().regex(/^[a-z0-9.-]+$/),
    profile: z.string().optional(),
    method: z.enum(['POST', 'GET', 'PUT', 'DELETE']).default('POST'),
    contentType: z.string().nullable().default('text/xml; charset=utf-8'),
    headers: z.record(z.string(), z.string()).default({}),
    auth: z
      .union([z.literal('alice'), z.literal('none'), z.object({ basic: z.tuple([z.string(), z.string()]) }).strict(), z.object({ header: z.string() }).strict(), z.object({ bearer: bearerSpec }).strict()])
      .default('alice'),
    file: z.string().optional(),
    soap: z.string().optional(),
    version: z.string().optional(),
    impersonate: z.string().optional(),
    header: z.string().optional(),
    generate: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('nesting'), depth: z.number().int().positive() }),
        z.object({ kind: z.literal('bad-utf8') }),
        z.object({ kind: z.literal('huge'), bytes: z.number().int().positive() }),
        z.object({ kind: z.literal('text'), text: z.string() }),
      ])
      .optional(),
    expect: z
      .object({
        status: z.number().int(),
        code: z.string().optional(),
        contains: z.string().optional(),
        wwwAuthenticate: z.array(z.string()).optional(),
        diagnostics: z.string().optional(),
      })
      .strict(),
  })
  .strict()
  .refine((e) => [e.file, e.soap, e.generate].filter((x) => x !== undefined).length <= 1, 'give at most one of file, soap, generate');

export type HostileEntry = z.infer<typeof entrySchema>;

let cached: HostileEntry[] | undefined;

export function loadCorpus(): HostileEntry[] {
  if (cached) return cached;
  const doc = parse(readFileSync(path.join(CORPUS_DIR, 'index.yaml'), 'utf8')) as { requests: unknown[] };
  const entries = z.array(entrySchema).parse(doc.requests);
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`hostile corpus: duplicate name ${e.name}`);
    names.add(e.name);
  }
  cached = entries;
  return entries;
}

export function corpusEntry(name: string): HostileEntry {
  const e = loadCorpus().find((x) => x.name === name);
  if (!e) throw new Error(`no request "${name}" in fixtures/hostile/index.yaml`);
  return e;
}

// ---- building requests ----

async function firstItem(admin: AdminClient, smtp: string, folder: string): Promise<ItemSummary> {
  const [item] = (await admin.items(smtp, { folder, limit: 1 })).items;
  if (!item) throw new Error(`hostile corpus: ${smtp} ${folder} is empty`);
  return item;
}

/** A state for the folder as the mock would issue it, with pos 0 and a signature nobody computed. */
async function forgedState(admin: AdminClient, smtp: string, folder: string): Promise<string> {
  const real = Buffer.from((await admin.syncState(smtp, folder)).syncState, 'base64');
  // A state is a format byte, a 16-byte signature and the JSON payload; keep what it names.
  const { mailbox, folder: folderId } = JSON.parse(real.subarray(17).toString('utf8')) as { mailbox: string; folder: string };
  const payload = Buffer.from(JSON.stringify({ kind: 'items', mailbox, folder: folderId, pos: 0 }), 'utf8');
  return Buffer.concat([Buffer.from([1]), Buffer.alloc(16, 0x41), payload]).toString('base64');
}

async function placeholder(admin: AdminClient, kind: string, smtp: string, folder: string | undefined): Promise<string> {
  switch (kind) {
    case 'item':
      return (await firstItem(admin, smtp, folder!)).id;
    case 'changekey':
      return (await firstItem(admin, smtp, folder!)).changeKey;
    case 'folder':
      return (await admin.folder(smtp, folder!, { limit: 0 })).id;
    case 'syncstate':
      return (await admin.syncState(smtp, folder!)).syncState;
    case 'hierarchystate':
      return (await admin.syncState(smtp)).syncState;
    case 'forgedstate':
      return forgedState(admin, smtp, folder!);
    default:
      throw new Error(`hostile corpus: unknown placeholder ${kind}`);
  }
}

/** Replaces {{kind:smtp:folder}} placeholders with values read through the mock's admin API. */
export async function fillPlaceholders(text: string, admin: AdminClient): Promise<string> {
  const pattern = /\{\{([a-z]+):([^:}]+)(?::([^}]+))?\}\}/g;
  const values = await Promise.all([...text.matchAll(pattern)].map((m) => placeholder(admin, m[1], m[2], m[3])));
  let i = 0;
  return text.replace(pattern, () => values[i++]);
}

function bearerToken(spec: z.infer<typeof bearerSpec>): string {
  const token = issueToken({ account: spec.account, lifetimeSeconds: spec.lifetimeSeconds, secret: spec.secret, audience: spec.audience ?? EXCHANGE_APP_ID });
  const [head, body, sig] = token.split('.');
  if (spec.tamper === 'upn-swap') {
    // Same signature, claims edited to name another user.
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims.upn = 'svc-ews@acme.test';
    return `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
  }
  if (spec.tamper === 'alg-none') {
    return `${Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'none' })).toString('base64url')}.${body}.`;
  }
  return token;
}

export interface BuiltRequest {
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function generated(g: NonNullable<HostileEntry['generate']>): Buffer {
  switch (g.kind) {
    case 'nesting':
      return Buffer.from(envelope(`<m:GetFolder>${'<t:Nest>'.repeat(g.depth)}${'</t:Nest>'.repeat(g.depth)}</m:GetFolder>`), 'utf8');
    case 'bad-utf8': {
      const [before, after] = envelope(
        '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>',
      ).split('Default');
      return Buffer.concat([Buffer.from(before + 'Def'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('ault' + after)]);
    }
    case 'huge': {
      // A well-formed envelope padded with whitespace: only its size is wrong.
      const xml = envelope('<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>');
      const at = xml.indexOf('<m:FolderIds>');
      const head = Buffer.from(xml.slice(0, at));
      const tail = Buffer.from(xml.slice(at));
      return Buffer.concat([head, Buffer.alloc(Math.max(0, g.bytes - head.length - tail.length), 0x20), tail]);
    }
    case 'text':
      return Buffer.from(g.text, 'utf8');
  }
}

export async function buildRequest(entry: HostileEntry, admin: AdminClient): Promise<BuiltRequest> {
  const headers: Record<string, string> = { ...entry.headers };
  if (entry.contentType !== null) headers['Content-Type'] = entry.contentType;
  const auth = entry.auth;
  if (auth === 'alice') headers.Authorization = 'Basic ' + Buffer.from(`alice@acme.test:${DEFAULT_PASSWORD}`).toString('base64');
  else if (auth === 'none') {
    /* no Authorization header */
  } else if ('basic' in auth) headers.Authorization = 'Basic ' + Buffer.from(`${auth.basic[0]}:${auth.basic[1]}`).toString('base64');
  else if ('header' in auth) headers.Authorization = auth.header;
  else headers.Authorization = `Bearer ${bearerToken(auth.bearer)}`;

  let body: Buffer | undefined;
  if (entry.file) body = readFileSync(path.join(CORPUS_DIR, 'raw', entry.file));
  else if (entry.soap !== undefined) {
    const version = entry.version;
    body = Buffer.from(envelope(await fillPlaceholders(entry.soap, admin), { version, impersonate: entry.impersonate, header: entry.header }), 'utf8');
  } else if (entry.generate) body = generated(entry.generate);
  else if (entry.method !== 'GET') body = Buffer.alloc(0);
  return { method: entry.method, headers, body };
}

/**
 * Sends a built request and parses the answer the way the other raw-SOAP steps do. Plain node:http
 * rather than fetch: a server may answer (413) and close before a huge body is fully written, and
 * the answer is what counts, not the failed upload.
 */
export function send(url: string, request: BuiltRequest, agent?: http.Agent): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body) headers['Content-Length'] = String(request.body.length);
    let answered = false;
    const req = http.request(url, { method: request.method, headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined) continue;
          for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
        }
        resolve({ status: res.statusCode ?? 0, headers: h, body: text, doc: parseXml(text) });
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    // Written in chunks, stopping once an answer arrives: a server refusing a huge body answers
    // early and closes, and writing on would only reset the connection under the answer.
    const body = request.body ?? Buffer.alloc(0);
    const CHUNK = 256 * 1024;
    let offset = 0;
    const pump = () => {
      while (!answered && offset < body.length) {
        const ok = req.write(body.subarray(offset, offset + CHUNK));
        offset += CHUNK;
        if (!ok) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (_n, _p, _l, isAttribute) => !isAttribute });
function parseXml(text: string): unknown {
  if (!text.trimStart().startsWith('<')) return undefined;
  try {
    return parser.parse(text);
  } catch {
    return undefined;
  }
}

// ---- checking answers ----

/** Every way the answer differs from the entry's expectation; empty when it matches. */
export function differences(entry: HostileEntry, reply: HttpReply): string[] {
  const problems: string[] = [];
  const x = entry.expect;
  if (reply.status !== x.status) problems.push(`HTTP status ${reply.status}, expected ${x.status}`);
  if (x.code) {
    const fault = findAll(reply.doc, 'Fault')[0];
    const code = textOf(findAll(fault ?? reply.doc, 'ResponseCode')[0]);
    if (code !== x.code) problems.push(`ResponseCode ${code ?? '(none)'}, expected ${x.code}`);
    if (fault) {
      const faultcode = textOf(findAll(fault, 'faultcode')[0]) ?? '';
      if (!faultcode.endsWith(`:${x.code}`)) problems.push(`faultcode ${faultcode}, expected *:${x.code}`);
      if (!/^text\/xml/.test(reply.headers.get('content-type') ?? '')) problems.push(`fault sent as ${reply.headers.get('content-type')}`);
    } else if (x.status >= 400) problems.push('no SOAP fault in the answer');
    if (x.contains) {
      const text = fault ? textOf(findAll(fault, 'faultstring')[0]) ?? '' : textOf(findAll(reply.doc, 'MessageText')[0]) ?? '';
      if (!text.includes(x.contains)) problems.push(`"${text}" does not contain "${x.contains}"`);
    }
  }
  if (x.wwwAuthenticate) {
    const given = splitChallenges(reply.headers.get('www-authenticate') ?? '');
    const wanted = x.wwwAuthenticate;
    const ok = given.length === wanted.length && wanted.every((w, i) => challengeMatches(w, given[i]));
    if (!ok) problems.push(`WWW-Authenticate ${JSON.stringify(given)}, expected ${JSON.stringify(wanted)}`);
  }
  if (x.diagnostics) {
    const d = reply.headers.get('x-ms-diagnostics') ?? '';
    if (!d.includes(x.diagnostics)) problems.push(`x-ms-diagnostics "${d}" does not contain "${x.diagnostics}"`);
  }
  return problems;
}

/** fetch joins repeated WWW-Authenticate headers with ", "; split them again at each scheme name. */
function splitChallenges(joined: string): string[] {
  if (!joined) return [];
  return joined.split(/,\s*(?=(?:Negotiate|NTLM|Basic|Bearer)\b)/).map((s) => s.trim());
}

function challengeMatches(wanted: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const bearer = /^\{\{bearer-challenge(?::(\w+))?\}\}$/.exec(wanted);
  if (!bearer) return wanted === given;
  if (!given.startsWith('Bearer client_id=')) return false;
  return bearer[1] ? given.includes(`error="${bearer[1]}"`) : !given.includes('error=');
}
