// The one build: bundle the server code, generate the top-level Apps Script declarations
// (with their JSDoc) from the TypeScript source, inline the sidebar, copy the manifest.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build');
const entry = path.join(root, 'src/main.ts');
/**
 * The globals the bundle adds besides the declared entry points; private (trailing _). Custom
 * functions get a library of their own: Sheets loads the script for every custom function call,
 * which then builds only the small functions library, never the sidebar's features.
 */
export const LIBRARIES = { functions: 'influencerRoiFunctions_', app: 'influencerRoi_' };

const isCustomFunction = (point) => point.jsdoc.includes('@customfunction');

/** Every function main.ts exports, with its parameter names and the JSDoc above its source. */
export function readEntryPoints(entryFile = entry) {
  const program = ts.createProgram([entryFile], {
    target: ts.ScriptTarget.ES2019,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entryFile));
  if (!moduleSymbol) throw new Error(`build: ${entryFile} is not a module`);
  // main.ts's own type errors (its ServerApi check among them) stop the build.
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(entryFile));
  if (problems.length > 0) {
    const text = ts.formatDiagnostics(problems, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new Error(`build: ${path.relative(root, entryFile)} does not compile:\n${text}`);
  }
  const values = checker.getExportsOfModule(moduleSymbol).filter((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    return (symbol.flags & ts.SymbolFlags.Value) !== 0;
  });
  const points = values.map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration || !ts.isFunctionDeclaration(declaration)) {
      throw new Error(`build: main.ts exports ${exported.name}, which is not a function`);
    }
    const params = declaration.parameters.map((param) => {
      if (!ts.isIdentifier(param.name)) {
        throw new Error(`build: ${exported.name} has a destructured parameter; name it`);
      }
      return param.name.text;
    });
    const file = declaration.getSourceFile().fileName;
    return { name: exported.name, params, jsdoc: jsdocOf(declaration), file, pos: declaration.pos };
  });
  // Declarations keep the order of their source, so Code.js reads like the catalog.
  const files = [...new Set(points.map((point) => point.file))];
  const rank = (point) => (isCustomFunction(point) ? 0 : 1);
  return points.sort(
    (a, b) => rank(a) - rank(b) || files.indexOf(a.file) - files.indexOf(b.file) || a.pos - b.pos,
  );
}

function jsdocOf(declaration) {
  const source = declaration.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(source, declaration.pos) ?? [];
  const doc = ranges.filter((r) => source.startsWith('/**', r.pos)).pop();
  if (!doc) return '';
  return source
    .slice(doc.pos, doc.end)
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ` ${line.trim()}`))
    .join('\n');
}

function declarationOf(point) {
  const { name, params, jsdoc } = point;
  const list = params.join(', ');
  const library = isCustomFunction(point) ? LIBRARIES.functions : LIBRARIES.app;
  return `${jsdoc ? `${jsdoc}\n` : ''}function ${name}(${list}) {\n  return ${library}().${name}(${list});\n}\n`;
}

/** One esbuild bundle: a server library (minified) or the sidebar's script. */
export async function bundle(entryPoint, globalName) {
  const result = await esbuild.build({
    ...(typeof entryPoint === 'string' ? { entryPoints: [entryPoint] } : { stdin: entryPoint }),
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    // The sidebar's npm libraries (papaparse) in their browser build; the server imports none.
    mainFields: ['browser', 'module', 'main'],
    legalComments: 'none',
    // Inside the library only: the entry points keep their names and JSDoc in the generated declarations.
    minify: true,
  });
  return result.outputFiles[0].text;
}

/** A library holding only these entry points, each taken from the file that declares it. */
export function libraryOf(points) {
  const byFile = new Map();
  for (const point of points)
    byFile.set(point.file, [...(byFile.get(point.file) ?? []), point.name]);
  const contents = [...byFile]
    .map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(file)};`)
    .join('\n');
  return bundle({ contents, resolveDir: path.dirname(entry), loader: 'ts' }, 'library');
}

/** Each library is built on first use, so loading the script (every custom function call) does no work. */
async function buildServer() {
  const entryPoints = readEntryPoints();
  const [functions, app] = await Promise.all([
    libraryOf(entryPoints.filter(isCustomFunction)),
    libraryOf(entryPoints.filter((point) => !isCustomFunction(point))),
  ]);
  const header =
    '// Influencer ROI for Google Sheets. Generated by scripts/build.mjs from src/; do not edit.\n';
  return [
    header,
    entryPoints.map(declarationOf).join('\n'),
    '',
    loaderOf(LIBRARIES.functions, functions),
    loaderOf(LIBRARIES.app, app),
  ].join('\n');
}

function loaderOf(name, library) {
  return [
    `function ${name}() {`,
    `  if (!${name}.exports) {`,
    `    ${name}.exports = (function () {`,
    // Not indented: a template literal in the minified library may span lines.
    library.trimEnd(),
    '      return library;',
    '    })();',
    '  }',
    `  return ${name}.exports;`,
    '}',
    '',
  ].join('\n');
}

async function buildSidebar() {
  const dir = path.join(root, 'src/sidebar');
  const [template, styles, script] = await Promise.all([
    readFile(path.join(dir, 'sidebar.html'), 'utf8'),
    readFile(path.join(dir, 'sidebar.css'), 'utf8'),
    bundle(path.join(dir, 'client.ts'), 'sidebar'),
  ]);
  const safeScript = script.replace(/<\/script/gi, '<\\/script');
  const page = inline(template, 'styles', `<style>\n${styles.trimEnd()}\n</style>`);
  return inline(page, 'script', `<script>\n${safeScript.trimEnd()}\n</script>`);
}

function inline(template, marker, content) {
  const tag = `<!-- inline:${marker} -->`;
  if (!template.includes(tag)) throw new Error(`build: sidebar.html lacks ${tag}`);
  return template.replace(tag, () => content);
}

/** Writes build/: Code.js, sidebar.html and the manifest. */
export async function build() {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const [code, sidebar, manifest] = await Promise.all([
    buildServer(),
    buildSidebar(),
    readFile(path.join(root, 'appsscript.json'), 'utf8'),
  ]);
  await Promise.all([
    writeFile(path.join(out, 'Code.js'), code),
    writeFile(path.join(out, 'sidebar.html'), sidebar),
    writeFile(path.join(out, 'appsscript.json'), manifest),
  ]);
  return { codeBytes: Buffer.byteLength(code), sidebarBytes: Buffer.byteLength(sidebar) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().then(
    ({ codeBytes, sidebarBytes }) =>
      console.log(`build: Code.js ${codeBytes} bytes, sidebar.html ${sidebarBytes} bytes`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
