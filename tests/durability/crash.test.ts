// The crash test, as SQLite tests itself: a child writes through the real storage module and acknowledges each
// commit; the parent kills it with SIGKILL at seeded random moments, reopens, and requires an intact database
// holding at least the last acknowledged write, and no half-written draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';
import { buildCrashWriter, crashRun } from './crash-run.js';

const ITERATIONS = Number(process.env.AMI_CRASH_ITERATIONS ?? 300);
const SEED = Number(process.env.AMI_CRASH_SEED ?? 20261122);

let dir: ReturnType<typeof tempDir>;
let writer: string;

beforeAll(async () => {
  dir = tempDir('ami-crash-');
  writer = await buildCrashWriter(dir.path);
}, 60_000);
afterAll(() => dir.cleanup());

describe('crash safety', () => {
  it(`keeps every acknowledged save through ${ITERATIONS} SIGKILLs at random moments`, async () => {
    const result = await crashRun({ writer, file: join(dir.path, 'ami.sqlite'), iterations: ITERATIONS, seed: SEED });
    expect(result.lastAcked).not.toBeNull();
    // Reported so that a reader can see the kills did land between commit and acknowledgement.
    console.log(`crash test: ${ITERATIONS} kills, last save ${result.lastAcked}, ${result.killedMidWrite} committed-but-unacknowledged saves recovered`);
  }, 600_000);
});
