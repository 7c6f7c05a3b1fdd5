// `npm start` (scripts/start.mjs) without and with an Electron binary. ELECTRON_OVERRIDE_DIST_PATH points it at a
// folder the test controls, and ELECTRON_SKIP_BINARY_DOWNLOAD keeps it from trying the network.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');

function start(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'scripts', 'start.mjs'), ...args],
      { cwd: root, timeout: 30_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ...env } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('ami-start-');
});
afterEach(() => dir.cleanup());

describe('scripts/start.mjs', () => {
  it('without an Electron binary, says so in one sentence, points to browser mode, and fails', async () => {
    const result = await start({ ELECTRON_OVERRIDE_DIST_PATH: dir.path });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron binary/);
    expect(lines[0]).toMatch(/could not be downloaded/);
    expect(lines[0]).toContain('`npm run web`');
  });

  it.skipIf(process.platform === 'win32')('with a binary, starts it on the app folder and passes its exit code on', async () => {
    const electron = join(dir.path, 'electron');
    const seen = join(dir.path, 'seen.txt');
    writeFileSync(electron, `#!/bin/sh\nprintf '%s\\n' "$@" "run-as-node=$ELECTRON_RUN_AS_NODE" > "${seen}"\nexit 7\n`);
    chmodSync(electron, 0o755);
    const result = await start({ ELECTRON_OVERRIDE_DIST_PATH: dir.path, ELECTRON_RUN_AS_NODE: '1' }, ['--lang=fr']);
    expect(result.code).toBe(7);
    const [appDir, flag, runAsNode] = readFileSync(seen, 'utf8').trim().split('\n');
    expect(join(appDir!)).toBe(join(root, '/'));
    expect(flag).toBe('--lang=fr');
    expect(runAsNode).toBe('run-as-node=');
  });
});
