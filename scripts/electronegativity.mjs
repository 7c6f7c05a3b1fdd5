// Runs Electronegativity over the Electron sources, offline, and fails on any finding above LOW severity.
// Electronegativity itself exits 0 whatever it finds, so its CSV report is read here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
const electronVersion = require('electron/package.json').version;
const out = mkdtempSync(join(tmpdir(), 'ami-eneg-'));
const report = join(out, 'report.csv');
const input = process.argv[2] ?? join(root, 'electron');

const run = spawnSync(
  process.execPath,
  ['--require', join(root, 'scripts', 'loopback-only.cjs'), cli, '-i', input, '-o', report, '-r', '-e', electronVersion],
  { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
);
let csv = '';
try {
  csv = readFileSync(report, 'utf8');
} catch {
  console.error(`Electronegativity produced no report:\n${run.stdout}\n${run.stderr}`);
  process.exit(2);
} finally {
  rmSync(out, { recursive: true, force: true });
}

const rows = csv.trim().split('\n').slice(1).filter(Boolean).map((line) => {
  const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  return { issue: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], location: cells[4], description: cells[6] };
});
const blocking = rows.filter((r) => !['INFORMATIONAL', 'LOW'].includes(r.severity));
console.log(`Electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}over ${input.replace(root, '')}: ${rows.length} finding(s), ${blocking.length} above LOW`);
for (const r of rows) console.log(`  ${r.severity.padEnd(13)} ${r.issue} ${r.file}:${r.location} ${r.description}`);
process.exit(blocking.length ? 1 : 0);
