#!/usr/bin/env -S node --max-semi-space-size=32
'use strict';
// The shebang's --max-semi-space-size (V8 reads it only at start-up, so it cannot be set below like
// the heap growth): each GetItem answer becomes an XML tree of 10-20 MB that lives for one batch.
// With V8's default 16 MB semi-spaces much of it survived two scavenges and was copied into the old
// generation; with 32 MB it dies young. A 100 x 1,000 sync took ~19 % less CPU for ~40 MB more peak
// RSS (docs/BENCHMARKS.md, figure 3). `node bin/ews-sync.js` runs without it, only slower.
//
// The syncer keeps little alive (~35 MB of heap, most of it loaded modules) but turns over hundreds
// of MB of short-lived XML parse trees, many of which live long enough to reach V8's old generation.
// With plenty of RAM V8 lets the old generation grow to 3-4x what survived the last full GC
// before collecting it again, so a sync peaked near 300 MB of RSS, a third of it garbage waiting for
// that GC. Collecting once the old generation has doubled cuts the peak to ~220 MB, for more but
// short full GCs (+0.25 s of GC pauses per 30,000 messages, ~1 % of the sync's CPU time; figure 3
// of docs/BENCHMARKS.md). It sets no heap limit, so large attachments still fit. A
// --heap-growing-percent given to node on the command line wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) {
  require('node:v8').setFlagsFromString('--heap-growing-percent=100');
}
// Runs the TypeScript CLI directly; tsx compiles it on the fly.
require('tsx/cjs/api').register();
require('../syncer/src/cli.ts')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
