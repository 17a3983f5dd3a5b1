// `npm start [-- --port N] [-- --empty] [-- --open FILE]`: the offline preview on 127.0.0.1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toSnapshot } from '../emulator/sheets-snapshot';
import { buildPageAssets, buildSidebarShim } from './assets';
import { emptyWorkbook, sampleWorkbook } from './sample';
import { type RunningPreview, startPreview } from './server';
import { PreviewWorkbook } from './workbook';

export const DEFAULT_PORT = 8080;

export interface CliOptions {
  port: number;
  empty: boolean;
  open: string | null;
}

/** Reads the command line and PORT; throws a message meant for the person who typed it. */
export function parseArgs(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const options: CliOptions = { port: DEFAULT_PORT, empty: false, open: null };
  let port = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--port') port = value();
    else if (flag === '--empty') options.empty = true;
    else if (flag === '--open') options.open = value();
    else throw new Error(`Unknown option ${arg}. Options: --port N, --empty, --open FILE.`);
  }
  if (port !== undefined) {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n < 1 || n > 65535) {
      throw new Error(`The port must be a number from 1 to 65535, not "${port}".`);
    }
    options.port = n;
  }
  if (options.empty && options.open) throw new Error('Choose --empty or --open FILE, not both.');
  return options;
}

/** The server with its page built: what `npm start`, the screenshot and the bench run. */
export async function openPreview(
  port: number,
  open: () => PreviewWorkbook = sampleWorkbook,
): Promise<RunningPreview> {
  const [assets, sidebarShim] = await Promise.all([buildPageAssets(), buildSidebarShim()]);
  return startPreview({ port, open, assets, sidebarShim });
}

export { sampleWorkbook };

/** The sample workbook's snapshot file, and whether it is newer than everything it comes from. */
export interface SampleCache {
  file: string;
  fresh: boolean;
}

/** The sample: opened from its snapshot when current, else built (and the snapshot saved). */
export function cachedSample(cache: SampleCache): PreviewWorkbook {
  if (cache.fresh) {
    try {
      return new PreviewWorkbook({ snapshot: JSON.parse(readFileSync(cache.file, 'utf8')) });
    } catch {
      // An unreadable snapshot: build the sample again.
    }
  }
  const workbook = sampleWorkbook();
  mkdirSync(path.dirname(cache.file), { recursive: true });
  writeFileSync(cache.file, JSON.stringify(toSnapshot(workbook.emulator)));
  return workbook;
}

export async function main(
  argv: string[],
  timing: { started: number; sampleCache?: SampleCache },
): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(argv, process.env);
  } catch (error) {
    console.error(`preview: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const open = () => {
    if (options.open) {
      return new PreviewWorkbook({ snapshot: JSON.parse(readFileSync(options.open, 'utf8')) });
    }
    if (options.empty) return emptyWorkbook();
    return timing.sampleCache ? cachedSample(timing.sampleCache) : sampleWorkbook();
  };
  let preview: RunningPreview;
  try {
    preview = await openPreview(options.port, open);
  } catch (error) {
    console.error(`preview: ${startFailure(error, options.port)}`);
    process.exitCode = 1;
    return;
  }
  const seconds = ((performance.now() - timing.started) / 1000).toFixed(1);
  console.log(`Influencer ROI preview: ${preview.url}  (ready in ${seconds} s; Ctrl+C stops it)`);
  const stop = () => {
    preview.close().then(() => {
      console.log('Preview stopped.');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function startFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `port ${port} is already taken (another preview, or another program). Try another: npm start -- --port ${port + 1}  (or PORT=${port + 1} npm start).`;
  }
  if (code === 'EACCES') {
    return `port ${port} needs administrator rights. Pick one above 1024: npm start -- --port 8080.`;
  }
  if (code === 'ENOENT') return `no such file: ${(error as NodeJS.ErrnoException).path}.`;
  return (error as Error).message;
}
