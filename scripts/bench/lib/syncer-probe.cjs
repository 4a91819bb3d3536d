'use strict';
/**
 * Preloaded (`node --require`) into `bin/ews-sync.js` by run-syncer.ts, so the benchmark runs the
 * syncer exactly as a user does and only watches it: at exit it writes to $BENCH_SYNCER_RESULT the
 * process's CPU time and peak RSS, its wall time, and how much of that was start-up (node, tsx and
 * loading the CLI's modules: everything before the event loop's first turn, by which time the bin
 * has called main()).
 *
 * BENCH_MEMORY_TRACE=1 prints the process's memory once a second to stderr, each line starting with
 * "mem " (RSS, V8 heap used and committed, new / old / code / large-object space, external, array
 * buffers), to see what a peak RSS is made of.
 */
const { writeFileSync } = require('node:fs');
const { getHeapSpaceStatistics } = require('node:v8');

const t0 = performance.now();
const MB = 2 ** 20;
let startupMs;
setImmediate(() => {
  startupMs = performance.now() - t0;
});

function memoryLine(note) {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
  const mb = (n) => String(Math.round((n ?? 0) / MB)).padStart(4);
  const t = String(Math.round((performance.now() - t0) / 1000)).padStart(4);
  return (
    `mem t=${t}s rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} new ${mb(spaces.new_space)} old ${mb(spaces.old_space)}` +
    ` code ${mb(spaces.code_space)} large ${mb(spaces.large_object_space)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}` +
    ` maxRss ${mb(process.resourceUsage().maxRSS * 1024)}${note ? ` (${note})` : ''}\n`
  );
}

if (process.env.BENCH_MEMORY_TRACE === '1') {
  setInterval(() => process.stderr.write(memoryLine()), 1000).unref();
}

process.on('exit', (code) => {
  if (process.env.BENCH_MEMORY_TRACE === '1') process.stderr.write(memoryLine('exit'));
  const cpu = process.cpuUsage();
  const processMs = performance.now() - t0;
  const result = { code, processMs, startupMs: startupMs ?? processMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  if (process.env.BENCH_SYNCER_RESULT) writeFileSync(process.env.BENCH_SYNCER_RESULT, JSON.stringify(result));
});
