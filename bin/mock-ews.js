#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI directly; tsx compiles it on the fly.
require('tsx/cjs/api').register();
require('../mock-ews/src/cli.ts');
