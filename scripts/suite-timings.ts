/**
 * Where the Cucumber suite spends its wall time, from a run's report:
 *
 *   npx tsx scripts/suite-timings.ts [reports/cucumber.ndjson | reports/cucumber.json] [--top N]
 *
 * The message report (NDJSON, written by `npm test`) is preferred: it has the start and end time of
 * every scenario and the worker that ran it, so it shows wall time, how busy each worker was and how
 * long the run waited for its last scenario. The JSON report only has step durations, so with it the
 * figures are summed step times.
 *
 * Prints the run summary (scenarios per second), time per feature directory and per feature file,
 * the N slowest scenarios (30 by default) with their slowest step, and the step definitions and
 * hooks that cost the most in total. On a shared machine compare shares, not absolute numbers.
 */
import { readFileSync } from 'node:fs';

interface Scenario {
  uri: string;
  line: number;
  name: string;
  status: string;
  worker: string;
  start: number;
  end: number;
  ms: number;
  /** Time per step or hook of this scenario, by its label. */
  steps: { label: string; ms: number }[];
}

interface Run {
  source: 'messages' | 'json';
  wallMs?: number;
  scenarios: Scenario[];
}

type Timestamp = { seconds: number; nanos: number };
type Duration = { seconds: number; nanos: number };
const tsMs = (t: Timestamp) => t.seconds * 1000 + t.nanos / 1e6;
const durMs = (d: Duration) => d.seconds * 1000 + d.nanos / 1e6;

/* eslint-disable @typescript-eslint/no-explicit-any -- the report formats are read loosely */
function fromMessages(text: string): Run {
  const pickles = new Map<string, any>();
  const testCases = new Map<string, any>();
  const stepDefs = new Map<string, string>();
  const hooks = new Map<string, string>();
  const started = new Map<string, { testCaseId: string; worker: string; start: number; steps: Map<string, number>; status: string }>();
  const scenarios: Scenario[] = [];
  let runStart: number | undefined;
  let runEnd: number | undefined;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line) as Record<string, any>;
    if (m.pickle) pickles.set(m.pickle.id, m.pickle);
    else if (m.testCase) testCases.set(m.testCase.id, m.testCase);
    else if (m.stepDefinition) stepDefs.set(m.stepDefinition.id, m.stepDefinition.pattern.source);
    else if (m.hook) hooks.set(m.hook.id, `hook ${m.hook.name ? `"${m.hook.name}" ` : ''}${m.hook.sourceReference.uri}:${m.hook.sourceReference.location?.line ?? '?'}`);
    else if (m.testRunStarted) runStart = tsMs(m.testRunStarted.timestamp);
    else if (m.testRunFinished) runEnd = tsMs(m.testRunFinished.timestamp);
    else if (m.testCaseStarted) {
      const s = m.testCaseStarted;
      started.set(s.id, { testCaseId: s.testCaseId, worker: s.workerId ?? '0', start: tsMs(s.timestamp), steps: new Map(), status: 'PASSED' });
    } else if (m.testStepFinished) {
      const f = m.testStepFinished;
      const s = started.get(f.testCaseStartedId);
      if (!s) continue;
      s.steps.set(f.testStepId, durMs(f.testStepResult.duration));
      if (f.testStepResult.status !== 'PASSED' && s.status === 'PASSED') s.status = f.testStepResult.status;
    } else if (m.testCaseFinished) {
      const f = m.testCaseFinished;
      const s = started.get(f.testCaseStartedId);
      if (!s || f.willBeRetried) continue;
      const tc = testCases.get(s.testCaseId);
      const pickle = pickles.get(tc.pickleId);
      const pickleSteps = new Map<string, string>((pickle.steps as any[]).map((p) => [p.id, p.text]));
      const end = tsMs(f.timestamp);
      const steps = (tc.testSteps as any[]).map((ts) => {
        const label = ts.hookId
          ? (hooks.get(ts.hookId) ?? 'hook')
          : `step /${ts.stepDefinitionIds?.length ? stepDefs.get(ts.stepDefinitionIds[0]) : pickleSteps.get(ts.pickleStepId)}/`;
        return { label, ms: s.steps.get(ts.id) ?? 0, text: ts.pickleStepId ? pickleSteps.get(ts.pickleStepId) : undefined };
      });
      scenarios.push({ uri: pickle.uri, line: pickle.location?.line ?? 0, name: pickle.name, status: s.status, worker: s.worker, start: s.start, end, ms: end - s.start, steps });
    }
  }
  return { source: 'messages', wallMs: runStart !== undefined && runEnd !== undefined ? runEnd - runStart : undefined, scenarios };
}

function fromJson(text: string): Run {
  const scenarios: Scenario[] = [];
  for (const f of JSON.parse(text) as any[]) {
    for (const e of f.elements ?? []) {
      if (e.type !== 'scenario') continue;
      const all = [...(e.before ?? []), ...e.steps, ...(e.after ?? [])] as any[];
      const steps = all.map((s) => ({ label: s.hidden ? `hook ${s.keyword}` : `${s.keyword.trim()} ${s.name}`, ms: (s.result?.duration ?? 0) / 1e6 }));
      const ms = steps.reduce((a, s) => a + s.ms, 0);
      const status = all.find((s) => s.result?.status !== 'passed')?.result?.status?.toUpperCase() ?? 'PASSED';
      scenarios.push({ uri: f.uri, line: e.line, name: e.name, status, worker: '?', start: 0, end: ms, ms, steps });
    }
  }
  return { source: 'json', scenarios };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

function groupBy(scenarios: Scenario[], key: (s: Scenario) => string): [string, { n: number; ms: number; max: number }][] {
  const m = new Map<string, { n: number; ms: number; max: number }>();
  for (const s of scenarios) {
    const g = m.get(key(s)) ?? { n: 0, ms: 0, max: 0 };
    g.n++;
    g.ms += s.ms;
    g.max = Math.max(g.max, s.ms);
    m.set(key(s), g);
  }
  return [...m].sort((a, b) => b[1].ms - a[1].ms);
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 30;
  const file = args[0] ?? 'reports/cucumber.ndjson';
  const text = readFileSync(file, 'utf8');
  const run = text.trimStart().startsWith('[') ? fromJson(text) : fromMessages(text);
  const all = run.scenarios;
  if (all.length === 0) throw new Error(`${file} holds no finished scenario`);
  const total = all.reduce((a, s) => a + s.ms, 0);

  console.log(`${file}: ${all.length} scenarios (${all.filter((s) => s.status !== 'PASSED').length} not passed), summed scenario time ${s1(total)}`);
  if (run.source === 'messages') {
    const first = Math.min(...all.map((s) => s.start));
    const last = Math.max(...all.map((s) => s.end));
    const wall = run.wallMs ?? last - first;
    console.log(`Cucumber run: ${s1(wall)} wall (first scenario started ${s1(first - (last - wall))} in), ${(all.length / (wall / 1000)).toFixed(2)} scenarios/s`);
    const workers = groupBy(all, (s) => s.worker).sort((a, b) => a[0].localeCompare(b[0]));
    console.log(`\nWorkers (busy = summed scenario time; idle at end = how long before the last scenario ended this worker ran out of work)`);
    console.log(table([['worker', 'scenarios', 'busy', 'idle at end'], ...workers.map(([w, g]) => [w, String(g.n), s1(g.ms), s1(last - Math.max(...all.filter((s) => s.worker === w).map((s) => s.end)))])]));
  } else {
    console.log('(JSON report: step durations only, no wall clock or workers)');
  }

  const dirs = groupBy(all, (s) => s.uri.split('/').slice(0, -1).join('/'));
  console.log('\nTime per feature directory');
  console.log(table([['directory', 'scenarios', 'time', 'share', 'per scenario'], ...dirs.map(([d, g]) => [d, String(g.n), s1(g.ms), pct(g.ms, total), `${(g.ms / g.n).toFixed(0)} ms`])]));

  const files = groupBy(all, (s) => s.uri).slice(0, 20);
  console.log('\nTime per feature file (20 costliest)');
  console.log(table([['feature', 'scenarios', 'time', 'share', 'slowest'], ...files.map(([f, g]) => [f, String(g.n), s1(g.ms), pct(g.ms, total), s1(g.max)])]));

  console.log(`\n${top} slowest scenarios`);
  const slow = [...all].sort((a, b) => b.ms - a.ms).slice(0, top);
  console.log(
    table([
      ['time', 'scenario', 'slowest step'],
      ...slow.map((s) => {
        const worst = [...s.steps].sort((a, b) => b.ms - a.ms)[0];
        return [s1(s.ms), `${s.uri}:${s.line} ${s.name.slice(0, 60)}`, worst ? `${s1(worst.ms)} ${worst.label.slice(0, 70)}` : ''];
      }),
    ]),
  );

  const byStep = new Map<string, { n: number; ms: number }>();
  for (const s of all) {
    for (const st of s.steps) {
      const g = byStep.get(st.label) ?? { n: 0, ms: 0 };
      g.n++;
      g.ms += st.ms;
      byStep.set(st.label, g);
    }
  }
  console.log('\nStep definitions and hooks by total time (25 costliest)');
  const steps = [...byStep].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
  console.log(table([['total', 'share', 'runs', 'mean', 'step or hook'], ...steps.map(([l, g]) => [s1(g.ms), pct(g.ms, total), String(g.n), `${(g.ms / g.n).toFixed(0)} ms`, l.slice(0, 110)])]));
}

main();
