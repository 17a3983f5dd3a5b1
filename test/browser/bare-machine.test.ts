// `npm ci && npm test` on a machine with no system browser: the browser tests fall back to the
// Chromium inside the @sparticuz/chromium package. On Linux as root the system browsers are
// really hidden (a private mount namespace with an empty file bound over each one); elsewhere
// CHROMIUM_SKIP_SYSTEM=1 makes the launcher skip them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_BROWSERS } from '../../scripts/chromium.mjs';

const root = path.resolve(__dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'bare-machine-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `command` with every system browser hidden; what it printed and its exit code. */
function withoutSystemBrowser(command: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CHROMIUM_PATH;
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
  const canHide =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    spawnSync('unshare', ['-m', 'true']).status === 0;
  let script = command;
  if (canHide) {
    const empty = path.join(scratch, 'no-browser');
    writeFileSync(empty, '');
    const mounts = SYSTEM_BROWSERS.linux
      .filter((file) => existsSync(file))
      .map((file) => `mount --bind '${empty}' '${file}'`);
    script = [...mounts, command].join(' && ');
  } else {
    env.CHROMIUM_SKIP_SYSTEM = '1';
  }
  const args = canHide
    ? ['unshare', '-m', '--propagation', 'private', 'sh', '-c', script]
    : ['sh', '-c', script];
  const [program, ...rest] = args as [string, ...string[]];
  const run = spawnSync(program, rest, { cwd: root, env, encoding: 'utf8', timeout: 170_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')(
  'with no system browser',
  () => {
    it('the launcher picks the Chromium shipped in the npm package and a sidebar test passes in it', () => {
      const find =
        "import('./scripts/chromium.mjs').then(async (m) => console.log(JSON.stringify(await m.findChromium())))";
      const vitest = 'node node_modules/vitest/vitest.mjs run test/sidebar/team.test.ts';
      const run = withoutSystemBrowser(`node -e "${find}" && ${vitest}`);
      expect(run.output).toContain('"source":"npm package"');
      expect(run.output).toContain('node_modules/.cache/sparticuz-chromium-');
      expect(run.output).toMatch(/Tests\s+\d+ passed/);
      expect(run.output).not.toMatch(/failed/);
      expect(run.status).toBe(0);
    }, 180_000);
  },
);
