/**
 * The two baselines of figure 1, each in its own process like the mock:
 *  A  a bare node:http server answering every request with the same precomputed bytes;
 *  B  an Express route answering the same canned body (what a hand-written static stub would be).
 * A reads the request body to its end before answering; B, like a typical stub, never looks at it
 * (Node discards it) and keeps Express's defaults (ETag, Content-Type handling).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

const [kind, bodyFile] = process.argv.slice(2);

async function main(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const body = readFileSync(bodyFile);
  let server: http.Server;
  if (kind === 'node') {
    const head = { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(body.length) };
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, head);
        res.end(body);
      });
    });
  } else {
    const app = express();
    app.post('/EWS/Exchange.asmx', (_req, res) => {
      res.type('text/xml; charset=utf-8').send(body);
    });
    server = http.createServer(app);
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.send!({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/EWS/Exchange.asmx` });
  // CPU time (user + system) so far, in ms, for CPU-per-request figures.
  process.on('message', (msg: { type: string; id: number }) => {
    if (msg.type !== 'cpu') return;
    const u = process.cpuUsage();
    process.send!({ id: msg.id, cpuMs: (u.user + u.system) / 1000 });
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
