// The crash run shared by the crash test and `npm run bench -- crash`: a child writes through the real storage
// module and acknowledges each commit; it is SIGKILLed at seeded random moments, and after each kill the database
// must be intact, hold at least the last acknowledged write, and no half-written draft. Any violation throws with
// the iteration and seed, so that it can be replayed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { crashTextNumber } from './crash-text.js';

const here = import.meta.dirname;
const nodeModules = join(here, '..', '..', 'node_modules');

export interface CrashRunResult {
  iterations: number;
  seed: number;
  /** The save the database held after the last kill. */
  lastAcked: number | null;
  /** Saves that committed just before a kill, before their ack could be printed, and were found whole. */
  killedMidWrite: number;
}

/** Small deterministic PRNG (mulberry32) so that a failing iteration can be replayed from its seed. */
export function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bundles a writer of this folder into `dir` (it runs as a plain Node child, without a TypeScript loader). */
export async function buildCrashWriter(dir: string, name = 'crash-writer'): Promise<string> {
  const writer = join(dir, `${name}.cjs`);
  await build({
    entryPoints: [join(here, `${name}.ts`)],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    nodePaths: [nodeModules],
    logLevel: 'error',
  });
  return writer;
}

/** Runs a writer until `killAfterMs` after it printed "ready", then SIGKILLs it; returns its last "ack N". */
export function runUntilKilled(writer: string, args: string[], killAfterMs: number): Promise<{ lastAck: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: nodeModules },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (!timer && out.includes('ready')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d) => (err += d));
    // 'close', not 'exit': the process can be gone while its last acks still wait in the pipe, and an ack read
    // late would look like a save that committed without one.
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${err || out.slice(-500)}`));
      const acks = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ lastAck: acks.length ? acks[acks.length - 1]! : null, output: out });
    });
  });
}

export async function crashRun(options: { writer: string; file: string; iterations: number; seed: number }): Promise<CrashRunResult> {
  const { writer, file, iterations, seed } = options;
  const random = prng(seed);
  const fail = (i: number, what: string) => new Error(`iteration ${i} (seed ${seed}): ${what}`);
  let next = 1;
  let lastAcked: number | null = null;
  let killedMidWrite = 0;
  for (let i = 0; i < iterations; i++) {
    const killAfter = Math.floor(random() * 40); // ms after the writer is ready: often mid-transaction
    const run = await runUntilKilled(writer, [file, 'draft', String(next)], killAfter);
    if (run.lastAck !== null) lastAcked = run.lastAck;

    const db = new Database(file);
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw fail(i, `integrity_check returned ${String(integrity)}`);
      const row = db.prepare('SELECT text FROM drafts WHERE id = ?').get('draft') as { text: string } | undefined;
      if (lastAcked === null) {
        next = 1;
        continue;
      }
      if (!row) throw fail(i, `draft missing after ack ${lastAcked}`);
      const n = row.text === '' ? null : crashTextNumber(row.text);
      // Whole text only, and never older than the last acknowledged save (the one after it may have committed
      // just before the kill, without its ack being printed).
      if (n === null) throw fail(i, 'half-written or unknown text');
      if (n !== lastAcked && n !== lastAcked + 1) throw fail(i, `found save ${n} after ack ${lastAcked}`);
      if (n === lastAcked + 1) killedMidWrite++;
      for (const rev of db.prepare('SELECT text FROM revisions WHERE draft_id = ?').pluck().all('draft') as string[]) {
        if (rev !== '' && crashTextNumber(rev) === null) throw fail(i, 'half-written revision');
      }
      next = n + 1;
      lastAcked = n;
    } finally {
      db.close();
    }
  }
  return { iterations, seed, lastAcked, killedMidWrite };
}
