// `npm run bench`: performance measured as ratios against baselines taken in the same run.
import { autosaveBench } from './autosave.bench.js';
import { guardBench } from './guard.bench.js';

const only = process.argv[2];
const benches: Record<string, () => void | Promise<void>> = { guard: guardBench, autosave: autosaveBench };
for (const [name, run] of Object.entries(benches)) if (!only || only === name) await run();
