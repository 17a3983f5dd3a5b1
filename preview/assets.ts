// The preview page and the sidebar's google.script shim, built in memory from preview/page/
// with esbuild on each start: nothing is written to disk and nothing is fetched at run time.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const PAGE_DIR = path.resolve(__dirname, 'page');

export interface Asset {
  contentType: string;
  body: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(PAGE_DIR, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function minifyCss(file: string): Promise<string> {
  const source = await readFile(path.join(PAGE_DIR, file), 'utf8');
  const result = await esbuild.transform(source, {
    loader: 'css',
    minify: true,
    target: 'chrome100',
  });
  return result.code;
}

/** The page served at `/`, with its script and styles; keys are URL paths. */
export async function buildPageAssets(): Promise<Map<string, Asset>> {
  const [html, script, styles] = await Promise.all([
    readFile(path.join(PAGE_DIR, 'index.html'), 'utf8'),
    bundle('main.ts'),
    minifyCss('page.css'),
  ]);
  return new Map([
    ['/', { contentType: 'text/html; charset=utf-8', body: html }],
    ['/page.js', { contentType: 'text/javascript; charset=utf-8', body: script }],
    ['/page.css', { contentType: 'text/css; charset=utf-8', body: styles }],
  ]);
}

/** google.script.run and google.script.host for the sidebar; safe to inline in a <script>. */
export async function buildSidebarShim(): Promise<string> {
  const script = await bundle('sidebar-shim.ts');
  return script.replace(/<\/script/gi, '<\\/script');
}
