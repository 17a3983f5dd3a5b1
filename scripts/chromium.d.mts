import type { Browser } from 'playwright-core';

export declare const CHROMIUM_ARGS: string[];
export declare const SYSTEM_BROWSERS: Record<'linux' | 'darwin' | 'win32', string[]>;
export declare function findChromium(
  env?: NodeJS.ProcessEnv,
): Promise<{ path: string; source: 'CHROMIUM_PATH' | 'system' | 'npm package' }>;
export declare function launchChromium(): Promise<Browser>;
