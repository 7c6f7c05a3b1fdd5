// Electronegativity as part of `npm test`: Ami's Electron and renderer sources must have no finding above LOW, and
// the gate must really close on a known-bad window and on a file the scanner cannot read. The scanner runs with
// scripts/loopback-only.cjs, which is checked here too: it must refuse every non-loopback connection.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'electronegativity.mjs');
const fixtures = join(import.meta.dirname, 'fixtures');

interface Finding {
  id: string;
  severity: string;
  file: string;
  line: number;
}
interface Report {
  filesScanned: number;
  findings: Finding[];
  blocking: number;
  parseErrors: { file: string; message: string }[];
}
interface Scan {
  code: number | null;
  output: string;
  report: Report | null;
}

function scan(dir: ReturnType<typeof tempDir>, name: string, target?: string): Promise<Scan> {
  const json = join(dir.path, `${name}.json`);
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--json', json, ...(target ? [target] : [])], { cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      let report: Report | null = null;
      try {
        report = JSON.parse(readFileSync(json, 'utf8'));
      } catch {
        report = null;
      }
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, output: `${stdout}${stderr}`, report });
    });
  });
}

const aboveLow = (r: Report) => r.findings.filter((f) => f.severity !== 'LOW' && f.severity !== 'INFORMATIONAL');

let dir: ReturnType<typeof tempDir>;
let ami: Scan;
let bad: Scan;
let unparsable: Scan;

beforeAll(async () => {
  dir = tempDir('ami-eneg-test-');
  [ami, bad, unparsable] = await Promise.all([
    scan(dir, 'ami'),
    scan(dir, 'bad', join(fixtures, 'bad-window')),
    scan(dir, 'unparsable', join(fixtures, 'unparsable')),
  ]);
  dir.cleanup();
}, 180_000);

describe('Electronegativity over Ami', () => {
  it('passes, with no finding above LOW', () => {
    expect(ami.code, ami.output).toBe(0);
    expect(ami.report).not.toBeNull();
    expect(aboveLow(ami.report!)).toEqual([]);
    expect(ami.report!.blocking).toBe(0);
    expect(ami.report!.parseErrors).toEqual([]);
  });

  it('really read the main process and the renderer', () => {
    expect(ami.report!.filesScanned).toBeGreaterThan(20);
    expect(ami.output).toContain('electron/ + renderer/');
  });
});

describe('the gate', () => {
  it('fails on a window with Node integration and no context isolation or sandbox', () => {
    expect(bad.code, bad.output).toBe(1);
    const inWindow = bad.report!.findings.filter((f) => f.file === 'main.js');
    expect(inWindow).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' }),
        expect.objectContaining({ id: 'SANDBOX_JS_CHECK', severity: 'MEDIUM' }),
        expect.objectContaining({ id: 'NODE_INTEGRATION_JS_CHECK', line: 6 }),
      ]),
    );
    expect(bad.report!.blocking).toBe(aboveLow(bad.report!).length);
  });

  it('fails when a file cannot be parsed, instead of skipping it', () => {
    expect(unparsable.code, unparsable.output).toBe(2);
    expect(unparsable.report!.parseErrors).toEqual([expect.objectContaining({ file: 'main.js' })]);
  });
});

describe('scripts/loopback-only.cjs', () => {
  // A tripwire loaded first stands in for the network: if the guard let a connection through, the tripwire would
  // record it (and fail it locally), so nothing ever leaves the machine, even when the guard is broken.
  const tripwire = `
    (() => {
      const net = require('node:net'); const dns = require('node:dns');
      const reached = [];
      globalThis.results = {};
      const fail = () => Object.assign(new Error('tripwire'), { code: 'TRIPWIRE' });
      net.Socket.prototype.connect = function (...a) {
        const o = Array.isArray(a[0]) ? a[0][0] : a[0];
        reached.push(String(typeof o === 'object' && o ? o.host ?? o.path : a[1]));
        process.nextTick(() => this.destroy(fail()));
        return this;
      };
      dns.lookup = function (host, o, cb) { reached.push('dns:' + host); (typeof o === 'function' ? o : cb)(fail()); };
      process.on('exit', () => console.log(JSON.stringify({ reached, results })));
    })();
  `;
  const probe = `
    const http = require('node:http'), https = require('node:https'), net = require('node:net'), dns = require('node:dns');
    const note = (name) => (e) => (results[name] = (e && (e.code || (e.cause && e.cause.code))) || 'no error');
    http.get('http://example.com/').on('error', note('http'));
    https.get('https://example.com/').on('error', note('https'));
    net.connect(80, 'example.com').on('error', note('net.connect'));
    new net.Socket().connect({ port: 443, host: '93.184.215.14' }).on('error', note('socket.connect'));
    fetch('https://example.com/').catch(note('fetch'));
    dns.lookup('example.com', note('dns.lookup'));
    dns.promises.lookup('example.com').catch(note('dns.promises'));
    http.get('http://127.0.0.1:8099/').on('error', note('loopback'));
  `;

  it('refuses every non-loopback connection and lookup, and lets loopback through', async () => {
    // The tripwire must be in place before the guard wraps it, so both load in one script, in this order.
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', `${tripwire}; require(${JSON.stringify(join(root, 'scripts', 'loopback-only.cjs'))}); ${probe}`],
        { cwd: root, timeout: 30_000 },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      );
    });
    const { reached, results } = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(results).toEqual({
      http: 'ENETUNREACH',
      https: 'ENETUNREACH',
      'net.connect': 'ENETUNREACH',
      'socket.connect': 'ENETUNREACH',
      fetch: 'ENETUNREACH',
      'dns.lookup': 'ENETUNREACH',
      'dns.promises': 'ENETUNREACH',
      loopback: 'TRIPWIRE',
    });
    expect(reached).toEqual(['127.0.0.1']);
  });
});
