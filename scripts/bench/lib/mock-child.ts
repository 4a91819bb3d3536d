/**
 * A mock-ews process for the benchmarks (forked by spawn-mock.ts): starts the mock on a scenario,
 * then answers IPC questions about itself: requests served, bytes on the wire, CPU time, memory.
 * Run under `node --import tsx`; the parent may add --cpu-prof.
 */
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { startMock } from '../../../mock-ews/src/server/start';

type Request = { id: number; type: 'stats' | 'reset' | 'exit' };

async function main(): Promise<void> {
  const scenario = process.argv[2];
  const t0 = performance.now();
  const mock = await startMock({ scenario, port: 0 });
  const loadMs = performance.now() - t0;
  global.gc?.();

  // The mock is the only server in this process: count every server-side request and socket.
  let requests = 0;
  let closedIn = 0;
  let closedOut = 0;
  const live = new Set<Socket>();
  diagnostics.subscribe('http.server.request.start', () => requests++);
  diagnostics.subscribe('net.server.socket', (message) => {
    const s = (message as { socket: Socket }).socket;
    live.add(s);
    s.on('close', () => {
      closedIn += s.bytesRead;
      closedOut += s.bytesWritten;
      live.delete(s);
    });
  });
  let cpuBase = process.cpuUsage();
  const stats = () => {
    let bytesIn = closedIn;
    let bytesOut = closedOut;
    for (const s of live) {
      bytesIn += s.bytesRead;
      bytesOut += s.bytesWritten;
    }
    const cpu = process.cpuUsage(cpuBase);
    return { requests, bytesIn, bytesOut, cpuMs: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss, peakRss: peakRss() };
  };
  process.send!({ type: 'ready', url: mock.url, adminUrl: mock.adminUrl, loadMs, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
  process.on('message', (msg: Request) => {
    if (msg.type === 'stats') process.send!({ id: msg.id, ...stats() });
    else if (msg.type === 'reset') {
      requests = 0;
      closedIn = closedOut = 0;
      for (const s of live) {
        closedIn -= s.bytesRead;
        closedOut -= s.bytesWritten;
      }
      cpuBase = process.cpuUsage();
      process.send!({ id: msg.id });
    } else if (msg.type === 'exit') {
      void mock.close().then(() => {
        process.send!({ id: msg.id });
        process.exit(0);
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** VmHWM: the most memory this process has held (Linux). */
function peakRss(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
