import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where benchmark scratch files and results go: tmp/bench (git-ignored), or $BENCH_DIR. */
export const BENCH_DIR = process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : path.resolve(__dirname, '..', '..', '..', 'tmp', 'bench');

export function benchDir(...parts: string[]): string {
  const dir = path.join(BENCH_DIR, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: above ~0.5 the machine was shared. */
  loadAverage: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** One row of a figure's table. `ratio` is measured/baseline; `pass` compares it (or the value) with the target. */
export interface Row {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  result: 'pass' | 'MISSING' | 'info';
}

export function verdict(ok: boolean | undefined): Row['result'] {
  return ok === undefined ? 'info' : ok ? 'pass' : 'MISSING';
}

export function table(rows: Row[]): string {
  const head: Row = { figure: 'figure', measured: 'measured', baseline: 'baseline', ratio: 'ratio', target: 'target', result: 'pass' };
  const cols = ['figure', 'measured', 'baseline', 'ratio', 'target', 'result'] as const;
  const all = [{ ...head, result: 'result' as never }, ...rows];
  const width = cols.map((c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r: Row) => cols.map((c, i) => String(r[c]).padEnd(width[i])).join(' | ');
  return [line(all[0]), width.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const cols = ['figure', 'measured', 'baseline', 'ratio', 'target', 'result'] as const;
  return [`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cols.map((c) => String(r[c]).replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
}

/** Prints the table, the absolute numbers and the machine, and keeps them as JSON in tmp/bench/results. */
export function publish(name: string, command: string, rows: Row[], details: Record<string, unknown>, m: Machine = machine()): void {
  const out = { name, command, machine: m, finishedAt: new Date().toISOString(), rows, details };
  const file = path.join(benchDir('results'), `${name}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`\n== ${name} (${command}) ==`);
  console.log(`date ${m.date}; ${m.cores} × ${m.cpu}; ${m.memoryGb} GB; node ${m.node}; ${m.platform}; load average at start ${m.loadAverage.join(' ')}`);
  console.log(table(rows));
  console.log('absolute numbers:');
  console.log(JSON.stringify(details, null, 2));
  console.log(`(results kept in ${path.relative(process.cwd(), file)})`);
}

export const fmt = {
  ms: (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ms`,
  s: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
  mb: (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`,
  bytes: (n: number) => (n >= 10 * 2 ** 20 ? `${Math.round(n / 2 ** 20)} MB` : n >= 10 * 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`),
  rps: (n: number) => `${Math.round(n)} req/s`,
  x: (n: number) => `${n.toFixed(2)}×`,
  pct: (n: number) => `${Math.round(n * 100)} %`,
};

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Seconds as an environment override, so a quick run and a careful run use the same script. */
export function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  return v === undefined || v === '' || Number.isNaN(Number(v)) ? fallback : Number(v);
}
