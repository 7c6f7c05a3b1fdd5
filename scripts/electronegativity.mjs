// Runs Electronegativity over Ami's Electron and renderer sources, offline, and fails on any finding above LOW.
// Usage: node scripts/electronegativity.mjs [--json <report.json>] [<folder to scan>]
// Exit codes: 0 nothing above LOW, 1 findings above LOW, 2 the scan itself failed (a file it could not parse, or
// nothing to scan) — a scan that silently skipped a file must not pass.
// Electronegativity's own CLI exits 0 whatever it finds, and its SARIF output drops the severity, so it is run
// through its programmatic API and the findings are judged here.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
// Electronegativity fetches translations and Electron's release list at every run: refuse that before it loads.
require('./loopback-only.cjs');

const root = resolve(new URL('..', import.meta.url).pathname);
const BLOCKING = new Set(['MEDIUM', 'HIGH']);

function parseArgs(argv) {
  const args = { json: null, input: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = argv[++i] ?? null;
    else args.input = argv[i];
  }
  return args;
}

/** The files Electronegativity reads (same filter as its loader). */
function scannable(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !join(e.parentPath, e.name).includes('node_modules'))
    .filter((e) => ['.js', '.jsx', '.ts', '.tsx', '.html', '.htm'].includes(extname(e.name).toLowerCase()) || e.name === 'package.json');
}

/** Main process and renderer in one folder, so that the whole-app checks (navigation, permissions) see both. */
function stageAppSources() {
  const staged = mkdtempSync(join(tmpdir(), 'ami-eneg-'));
  for (const part of ['electron', 'renderer']) cpSync(join(root, part), join(staged, part), { recursive: true });
  return staged;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const staged = args.input ? null : stageAppSources();
  const input = args.input ? resolve(args.input) : staged;
  const label = args.input ? relative(root, input) || '.' : 'electron/ + renderer/';
  const electronVersion = require('electron/package.json').version;
  try {
    const files = scannable(input);
    if (files.length === 0) {
      console.error(`Electronegativity: nothing to scan in ${label}.`);
      return 2;
    }
    const runner = require('@doyensec/electronegativity');
    const run = runner.default ?? runner;
    const result = await run(
      { input, isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: [], parserPlugins: [] },
      false,
    );
    const findings = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file,
      line: i.location.line,
      column: i.location.column,
      description: i.description,
    }));
    const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: relative(input, e.file), message: e.message }));
    const blocking = findings.filter((f) => BLOCKING.has(f.severity));
    const report = { input: label, electronVersion, filesScanned: files.length, findings, blocking: blocking.length, parseErrors };
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));

    console.log(`Electronegativity over ${label} (Electron ${electronVersion}, ${files.length} files): ${findings.length} finding(s), ${blocking.length} above LOW.`);
    for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}:${f.column} ${f.description}`);
    for (const e of parseErrors) console.error(`  could not parse ${e.file}: ${e.message}`);
    if (parseErrors.length > 0) return 2;
    return blocking.length > 0 ? 1 : 0;
  } finally {
    if (staged) rmSync(staged, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Electronegativity failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(2);
  },
);
