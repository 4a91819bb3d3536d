/**
 * Load on the mock: autocannon holds 200 keep-alive connections (loopback only) for 60 s with a mix
 * of FindItem, GetItem and SyncFolderItems, all impersonating mailboxes of the default scenario.
 * The mock runs in a child process so its memory is measured alone. Prints requests, errors
 * (any error, timeout or non-2xx answer counts and fails the run), p50/p99 latency and the mock's
 * RSS before and after.
 *
 *   npm run load -- [--connections 200] [--duration 60]
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { envelope } from '../step-definitions/support/soap';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

type FromChild = { url: string; items: Record<string, string[]>; inboxes: Record<string, string> } | { rss: number; heapUsed: number } | { peek: number };

/** The child: a mock on 127.0.0.1 that answers "rss?" with its resident set size. */
async function child(): Promise<void> {
  const { startMock } = await import('../mock-ews/src/server/start');
  const { createLogger } = await import('../mock-ews/src/server/logger');
  const logger = createLogger();
  logger.level = 'silent';
  const mock = await startMock({ port: 0, host: '127.0.0.1', logger });
  // The journal keeps 10,000 requests; the load run must not grow memory through it.
  const items: Record<string, string[]> = {};
  const inboxes: Record<string, string> = {};
  for (const smtp of MAILBOXES) {
    inboxes[smtp] = (await mock.admin.folder(smtp, 'inbox', { limit: 0 })).id;
    items[smtp] = (await mock.admin.items(smtp, { folder: 'inbox', limit: 10 })).items.map((i) => i.id);
  }
  process.on('message', (m) => {
    if (m === 'rss?') {
      global.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send!({ rss, heapUsed } satisfies FromChild);
    }
    // During the run: RSS as it is, without forcing a collection, to show whether it levels off.
    if (m === 'peek?') process.send!({ peek: process.memoryUsage().rss } satisfies FromChild);
  });
  process.send!({ url: mock.url, items, inboxes } satisfies FromChild);
}

const MAILBOXES = ['alice@acme.test', 'bob@acme.test', 'carol@globex.test'];

function workload(items: Record<string, string[]>): { method: string; body: string }[] {
  const out: { method: string; body: string }[] = [];
  for (const smtp of MAILBOXES) {
    out.push({
      method: 'POST',
      body: envelope(
        '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="50" Offset="0" BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>',
        { impersonate: smtp },
      ),
    });
    out.push({
      method: 'POST',
      body: envelope(
        `<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ItemIds>${items[smtp].map((id) => `<t:ItemId Id="${id}"/>`).join('')}</m:ItemIds></m:GetItem>`,
        { impersonate: smtp },
      ),
    });
    out.push({
      method: 'POST',
      body: envelope(
        '<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId><m:MaxChangesReturned>100</m:MaxChangesReturned></m:SyncFolderItems>',
        { impersonate: smtp },
      ),
    });
  }
  return out;
}

async function main(): Promise<number> {
  const connections = arg('connections', 200);
  const duration = arg('duration', 60);
  const mock = fork(__filename, ['--child'], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: ((m: FromChild) => void)[] = [];
  const during: number[] = [];
  mock.on('message', (m: FromChild) => {
    if ('peek' in m) during.push(m.peek / 1024 / 1024);
    else waiting.shift()?.(m);
  });
  const next = () => new Promise<FromChild>((resolve) => waiting.push(resolve));
  try {
    const ready = (await next()) as Extract<FromChild, { url: string }>;
    const url = new URL(ready.url);
    if (url.hostname !== '127.0.0.1') throw new Error('the load run talks to loopback only');
    const memory = async () => {
      mock.send('rss?');
      const m = (await next()) as { rss: number; heapUsed: number };
      return { rss: m.rss / 1024 / 1024, heap: m.heapUsed / 1024 / 1024 };
    };
    const before = await memory();
    const headers = { 'Content-Type': 'text/xml; charset=utf-8', Authorization: 'Basic ' + Buffer.from('svc-ews@acme.test:Passw0rd!').toString('base64') };
    console.log(`${connections} connections for ${duration} s against ${ready.url} (FindItem, GetItem, SyncFolderItems impersonating ${MAILBOXES.join(', ')})`);
    const options = { url: ready.url, method: 'POST', headers, connections, pipelining: 1, duration, timeout: 30, requests: workload(ready.items) };
    const sampler = setInterval(() => mock.send('peek?'), 10_000);
    const r = await autocannon(options as Parameters<typeof autocannon>[0]);
    clearInterval(sampler);
    const after = await memory();
    const errors = r.errors + r.timeouts + r.non2xx;
    console.log(`date: ${new Date().toISOString()}; machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`);
    console.log(`requests: ${r.requests.total} (${r.requests.average.toFixed(0)}/s), errors: ${errors} (${r.errors} connection errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx)`);
    console.log(`latency: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`);
    console.log(`mock RSS: ${before.rss.toFixed(0)} MB before, every 10 s during the run ${during.map((v) => v.toFixed(0)).join(', ')} MB, ${after.rss.toFixed(0)} MB after (full GC)`);
    // Heap in use after a full GC is what the mock holds on to; RSS also counts heap V8 keeps for reuse.
    console.log(`mock heap used after a full GC: ${before.heap.toFixed(0)} MB before, ${after.heap.toFixed(0)} MB after`);
    return errors === 0 ? 0 : 1;
  } finally {
    mock.kill();
  }
}

if (process.argv.includes('--child')) void child();
else
  void main().then((code) => {
    process.exitCode = code;
  });
