// The long crash run: the durability test's writer SIGKILLed thousands of times (AMI_CRASH_ITERATIONS, 2,000 by
// default). Not a timing: it reports how many kills the store survived and throws at the first broken promise.
import { join } from 'node:path';
import { tempDir } from '../tests/support/temp-dir.js';
import { buildCrashWriter, crashRun } from '../tests/durability/crash-run.js';
import { report } from './measure.js';

export async function crashBench(): Promise<void> {
  const iterations = Number(process.env.AMI_CRASH_ITERATIONS ?? 2000);
  const seed = Number(process.env.AMI_CRASH_SEED ?? 20261122);
  const dir = tempDir('ami-bench-crash-');
  try {
    const writer = await buildCrashWriter(dir.path);
    const started = performance.now();
    const title = `Crash run — ${iterations.toLocaleString('en')} SIGKILLs at random moments (seed ${seed})`;
    let result;
    try {
      result = await crashRun({ writer, file: join(dir.path, 'ami.sqlite'), iterations, seed });
    } catch (err) {
      report(title, [['result', `FAILED: ${err instanceof Error ? err.message : String(err)}`]]);
      process.exitCode = 1;
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    report(title, [
      ['result', 'ok: integrity_check ok, every acknowledged save kept, no half-written draft or revision'],
      ['last save found', String(result.lastAcked)],
      ['committed but unacknowledged saves recovered', String(result.killedMidWrite)],
      ['duration', `${seconds.toFixed(0)} s`],
    ]);
  } finally {
    dir.cleanup();
  }
}
