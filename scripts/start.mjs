// npm start: builds what clasp pushes, compiles the preview server (TypeScript, with the Sheets
// emulator) with esbuild, and runs it. Arguments after `--` go to the preview (see preview/cli.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
export async function compilePreview() {
  const outfile = path.join(root, 'node_modules/.cache/preview/cli.mjs');
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
  const [, outfile] = await Promise.all([build(), compilePreview()]);
  const { main } = await import(pathToFileURL(outfile).href);
  await main(process.argv.slice(2), { started });
}
