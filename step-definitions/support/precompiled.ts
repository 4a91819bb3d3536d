/**
 * The project's sources compiled once per process to plain JavaScript, file for file, for scenarios
 * that start a CLI as a child process again and again: `node <compiled cli.js>` loads in about
 * 0.6 s less than `bin/*.js` registering tsx, which resolves and transforms every module on each
 * start. Each module's `__dirname` is written in as its source folder, so files found relative to
 * the sources (fixtures, the default scenario) are found from the copy too. Inline source maps, one
 * per file as tsx makes them, let c8 count a child's coverage against the sources:
 * `scripts/test.sh` includes `.test-bundles/`.
 */
import { build, Plugin } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, '.test-bundles', String(process.pid));
const SOURCES = ['mock-ews/src', 'syncer/src'];

const ownDirname: Plugin = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))),
      loader: 'ts',
    }));
  },
};

let compiling: Promise<void> | undefined;

/** The compiled file of `entry` (a .ts path from the project root, under mock-ews/src or syncer/src). */
export async function precompiled(entry: string): Promise<string> {
  if (!SOURCES.some((dir) => entry.startsWith(`${dir}/`))) throw new Error(`${entry} is not under ${SOURCES.join(' or ')}`);
  compiling ??= build({
    entryPoints: SOURCES.map((dir) => `${ROOT}/${dir}/**/*.ts`),
    outbase: ROOT,
    outdir: OUT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    plugins: [ownDirname],
    logLevel: 'error',
  }).then(() => {
    process.once('exit', () => rmSync(OUT, { recursive: true, force: true }));
  });
  await compiling;
  return path.join(OUT, entry.replace(/\.ts$/, '.js'));
}
