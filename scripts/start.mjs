// npm start: builds what clasp pushes, compiles the preview server (TypeScript, with the Sheets
// emulator) with esbuild, and runs it. Arguments after `--` go to the preview (see preview/cli.ts).
// Each step is skipped when its output is newer than everything it is made from: build/ (from
// src/, scripts/, appsscript.json, package.json), the compiled preview, and the sample workbook,
// kept as a snapshot in node_modules/.cache/preview/ (rebuilt each day and after any change).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(root, 'node_modules/.cache/preview');

/** What build/ is made from. */
export const BUILD_SOURCES = ['src', 'scripts', 'appsscript.json', 'package.json'];
export const BUILD_OUTPUTS = ['build/Code.js', 'build/sidebar.html', 'build/appsscript.json'];
/** What the compiled preview and the sample workbook are made from, besides build/. */
const PREVIEW_SOURCES = [...BUILD_SOURCES, 'preview', 'emulator', 'package-lock.json'];

/** The newest modification time among files (folders are walked), in ms; 0 when none exist. */
export function newestChange(paths, base = root) {
  let newest = 0;
  const visit = (file) => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const file of paths) visit(path.resolve(base, file));
  return newest;
}

/** True when every output exists and is newer than every source. */
export function upToDate(outputs, sources, base = root) {
  const times = outputs.map((file) => {
    const full = path.resolve(base, file);
    return existsSync(full) ? statSync(full).mtimeMs : 0;
  });
  const oldest = Math.min(...times);
  return oldest > 0 && oldest > newestChange(sources, base);
}

/** Builds build/ unless it is newer than its sources; true when it built. */
export async function buildIfChanged() {
  if (upToDate(BUILD_OUTPUTS, BUILD_SOURCES)) return false;
  // Imported here: the build loads TypeScript, which alone takes a second.
  const { build } = await import('./build.mjs');
  await build();
  return true;
}

/** Where the sample workbook's snapshot is kept, and whether it is current. */
export function sampleCache() {
  const file = path.join(CACHE, 'sample.json');
  const today = new Date().toDateString();
  const fresh =
    existsSync(file) &&
    new Date(statSync(file).mtimeMs).toDateString() === today &&
    upToDate([file], [...PREVIEW_SOURCES, ...BUILD_OUTPUTS]);
  return { file, fresh };
}

/** Each module keeps its own folder as __dirname (the emulator finds build/, the preview its page). */
const sourceDirname = {
  name: 'source-dirname',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        '__dirname',
        JSON.stringify(path.dirname(args.path)),
      ),
      loader: 'ts',
    }));
  },
};

/** Bundles preview/cli.ts next to node_modules, so its packages resolve like the tests' do. */
export async function compilePreview({ ifChanged = false } = {}) {
  const outfile = path.join(CACHE, 'cli.mjs');
  if (ifChanged && upToDate([outfile], PREVIEW_SOURCES)) return outfile;
  await esbuild.build({
    entryPoints: [path.join(root, 'preview/cli.ts')],
    bundle: true,
    outfile,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    plugins: [sourceDirname],
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const [built, outfile] = await Promise.all([
    buildIfChanged(),
    compilePreview({ ifChanged: true }),
  ]);
  if (!built) console.log('build/ is up to date with src/: not rebuilt.');
  const { main } = await import(pathToFileURL(outfile).href);
  await main(process.argv.slice(2), { started, sampleCache: sampleCache() });
}
