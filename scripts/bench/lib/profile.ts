import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Reads V8 .cpuprofile files (node --cpu-prof) and says where the time went. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Hotspot {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

/**
 * The newest main-thread .cpuprofile in a directory. Names are CPU.<date>.<time>.<pid>.<thread>.<n>;
 * under tsx the module loader runs on thread 1, which is not what is measured.
 */
export function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  files.sort((a, b) => statSync(path.join(dir, b)).mtimeMs - statSync(path.join(dir, a)).mtimeMs);
  return files[0] ? path.join(dir, files[0]) : undefined;
}

/** An empty directory for the profiles of one run. */
export function freshProfileDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function load(file: string) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const totalUs = p.endTime - p.startTime;
  return { byId, parent, selfUs, totalUs };
}

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules\/|mock-ews\/|syncer\/|scripts\/)/, '$1');

/** Functions by self time, busiest first (idle time excluded from the shares). */
export function hotspots(file: string, top = 15): { busyMs: number; totalMs: number; top: Hotspot[] } {
  const { byId, selfUs, totalUs } = load(file);
  const agg = new Map<string, { name: string; where: string; us: number }>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    busy += us;
    const where = f.url ? `${short(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName}@${where}`;
    const a = agg.get(key) ?? { name: f.functionName || '(anonymous)', where, us: 0 };
    a.us += us;
    agg.set(key, a);
  }
  const list = [...agg.values()].sort((a, b) => b.us - a.us).slice(0, top);
  return { busyMs: busy / 1000, totalMs: totalUs / 1000, top: list.map((a) => ({ name: a.name, where: a.where, selfMs: a.us / 1000, share: a.us / busy })) };
}

/**
 * Splits sampled time into categories: each sample goes to the innermost frame on its stack whose
 * script matches a category (so time in a native binding counts for the library that called it).
 */
export function categorise(file: string, categories: [string, RegExp][]): { totalMs: number; ms: Record<string, number> } {
  const { byId, parent, selfUs, totalUs } = load(file);
  const out: Record<string, number> = {};
  for (const [id, us] of selfUs) {
    let cat = 'other';
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(idle)') cat = 'idle';
    else if (leaf === '(garbage collector)') cat = 'garbage collection';
    else {
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const url = byId.get(n)!.callFrame.url;
        const hit = url && categories.find(([, re]) => re.test(url));
        if (hit) {
          cat = hit[0];
          break;
        }
      }
    }
    out[cat] = (out[cat] ?? 0) + us / 1000;
  }
  return { totalMs: totalUs / 1000, ms: out };
}

export function formatHotspots(h: ReturnType<typeof hotspots>): string {
  return h.top.map((t) => `${(t.share * 100).toFixed(1).padStart(5)} %  ${t.selfMs.toFixed(0).padStart(6)} ms  ${t.name}  ${t.where}`).join('\n');
}
